"""The engine against a brute-force reference: every framework on up to 4
arguments, and seeded random ones up to 12 with self-attacks and cycles."""

from __future__ import annotations

import random
from itertools import product

import pytest
from af_reference import reference_extensions

from argmap.analysis import semantics
from argmap.analysis.semantics import (
    IN,
    SEMANTICS,
    Framework,
    credulous,
    grounded,
    labellings,
    sceptical,
)


def _framework(n: int, att: frozenset[tuple[int, int]]) -> Framework:
    return Framework.from_indices(
        [f"a{i}" for i in range(n)], [a for a, _ in att], [b for _, b in att]
    )


def _engine(fw: Framework) -> dict[str, set[frozenset[int]]]:
    return {
        s: {
            frozenset(i for i, lab in enumerate(ls) if lab is IN)
            for ls in labellings(fw, s).labellings
        }
        for s in SEMANTICS
    }


def _all_frameworks(n: int):
    pairs = [(a, b) for a in range(n) for b in range(n)]
    for bits in product((0, 1), repeat=len(pairs)):
        yield frozenset(p for p, bit in zip(pairs, bits, strict=True) if bit)


@pytest.fixture(params=["python", "clingo"])
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both searches: the Python one for small components, clingo for large."""
    if request.param == "clingo":
        monkeypatch.setattr(semantics, "SEARCH_IN_PYTHON_UP_TO", 0)
    return request.param


@pytest.mark.parametrize("n", [0, 1, 2, 3])
def test_every_framework_up_to_three_arguments_with_decisions(n: int, engine: str) -> None:
    for att in _all_frameworks(n):
        ref = reference_extensions(n, att)
        fw = _framework(n, att)
        assert _engine(fw) == ref, sorted(att)
        for sem in SEMANTICS:
            for a in range(n):
                assert credulous(fw, a, sem) == any(a in e for e in ref[sem]), (sem, a, att)
                assert sceptical(fw, a, sem) == all(a in e for e in ref[sem]), (sem, a, att)


def test_every_framework_on_four_arguments() -> None:
    """All 65,536 attack relations on 4 arguments, all four semantics."""
    checked = 0
    for att in _all_frameworks(4):
        assert _engine(_framework(4, att)) == reference_extensions(4, att), sorted(att)
        checked += 1
    assert checked == 2**16


def _random_framework(rng: random.Random, n: int) -> frozenset[tuple[int, int]]:
    density = rng.choice((0.08, 0.15, 0.25))
    att = {(a, b) for a in range(n) for b in range(n) if a != b and rng.random() < density}
    for _ in range(rng.randint(0, 2)):  # self-attacks
        x = rng.randrange(n)
        att.add((x, x))
    for length in rng.sample((2, 3, 4, 5), 2):  # even and odd cycles
        if length <= n:
            cycle = rng.sample(range(n), length)
            att.update(zip(cycle, cycle[1:] + cycle[:1], strict=True))
    return frozenset(att)


def test_random_frameworks_up_to_twelve_arguments(engine: str) -> None:
    rng = random.Random(20261122)
    for _ in range(250 if engine == "python" else 120):
        n = rng.randint(5, 12)
        att = _random_framework(rng, n)
        ref = reference_extensions(n, att)
        fw = _framework(n, att)
        assert _engine(fw) == ref, (n, sorted(att))
        a = rng.randrange(n)
        for sem in SEMANTICS:
            assert credulous(fw, a, sem) == any(a in e for e in ref[sem]), (sem, a, n, att)
            assert sceptical(fw, a, sem) == all(a in e for e in ref[sem]), (sem, a, n, att)


def test_grounded_is_linear_worklist_on_a_long_chain() -> None:
    """A 200,000-argument chain: recursion would overflow, a worklist does not."""
    n = 200_000
    fw = Framework.from_indices([str(i) for i in range(n)], range(n - 1), range(1, n))
    labs = grounded(fw)
    assert labs[0] is IN and labs[1] is not IN and labs[-1] is (IN if n % 2 else labs[1])
    assert sum(lab is IN for lab in labs) == n // 2


def test_enumeration_cap_says_it_was_capped() -> None:
    # five independent 2-cycles: 2**5 preferred extensions
    att = [(f"x{i}", f"y{i}") for i in range(5)] + [(f"y{i}", f"x{i}") for i in range(5)]
    fw = Framework.from_attacks([n for p in att for n in p], att)
    full = labellings(fw, "preferred")
    capped = labellings(fw, "preferred", limit=7)
    assert len(full.labellings) == 32 and not full.capped
    assert len(capped.labellings) == 7 and capped.capped
