"""Cheap eligibility gives the targets, and the questions, that building every question gave.

Before `Drill.eligible`, a drill's targets were the claims whose full question
came out non-None (one shared `random.Random(0)` across the claims), and the
distractor loops scanned every claim of the map. `old_targets` and
`old_rebuttal_candidates` below are those rules, kept here as the reference:
the new targets and distractors must equal them on the bundled maps and on
generated ones, and a seeded session must ask the same questions.
"""

from __future__ import annotations

import itertools
import random
import re
import sys
from pathlib import Path

import pytest

from argmap.loading import load_map_text
from argmap.model import Claim, Map
from argmap.sides import same_side
from argmap.training import drills
from argmap.training.choices import answers_to
from argmap.training.drills import Drill, all_drills
from argmap.training.index import drill_index
from argmap.training.questions import DrillKind
from argmap.training.session import DrillSession, SessionOptions

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from gen_map import generate_map  # noqa: E402


def old_targets(drill: Drill, the_map: Map) -> list[str]:
    """The rule `Drill.targets` had: every claim's full question built and kept if not None."""
    rng = random.Random(0)
    pool = the_map.theses if drill.kind is DrillKind.CRUX else [c.id for c in the_map.claims]
    return [c for c in pool if drill.question(the_map, c, rng) is not None]


def old_rebuttal_candidates(the_map: Map, target: Claim) -> list[str]:
    """`_rebuttal_distractors` before the theme index: a scan of every claim per target."""
    fair = answers_to(the_map, target.id)
    supporters = [
        s for rel in the_map.supporters(target.id) for s in rel.sources if s in the_map.claims_by_id
    ]
    elsewhere: list[str] = []
    for other in the_map.claims:
        if other.id == target.id or not set(target.themes).intersection(other.themes):
            continue
        for rel in the_map.attackers(other.id):
            elsewhere.extend(s for s in rel.sources if s in the_map.claims_by_id)
    return [c for c in supporters + elsewhere if c not in fair and same_side(the_map, c, target.id)]


def generated(claims: int, seed: int, flaws: bool = False) -> Map:
    text = generate_map(claims, seed=seed)[0]
    if flaws:  # the generator writes no flaws: give the flaw drill work
        names = itertools.cycle(("anecdote", "slippery slope", "false dilemma", "ad hominem"))
        text = re.sub(
            "    kind: value\n", lambda _: f"    kind: value\n    flaw: {next(names)}\n", text
        )
    result = load_map_text(text, f"<generated {claims}>")
    assert result.map is not None and result.ok, result.diagnostics[:3]
    return result.map


def support_chain(claims: int, reverse: bool) -> Map:
    """Facts each supporting the one before, a circle of supports halfway, few
    quotes, two sources: the support drill's shortcut past walking the
    supporters (`support_order`) must give what the walk gives."""
    lines = [
        "argmap: 1",
        "map: {id: chain, title: Chain, theses: [c0]}",
        "sources:",
        "  - {id: s1, title: One, outlet: One}",
        "  - {id: s2, title: Two, outlet: Two}",
        "claims:",
    ]
    order = range(claims - 1, -1, -1) if reverse else range(claims)
    for i in order:
        lines.append(
            f"  - {{id: c{i}, text: Claim {i} of a chain., kind: fact, evidence: "
            f"[{{source: s{1 + i % 2}, locator: p{i}, quote: Quote {i % 40} here.}}]}}"
        )
    lines.append("relations:")
    for i in range(1, claims):
        lines.append(f"  - {{id: r{i}, type: support, from: c{i}, to: c{i - 1}}}")
    half = claims // 2  # a circle halfway: what it supports has no place in the order
    lines.append(f"  - {{id: back, type: support, from: c{half}, to: c{half + 2}}}")
    result = load_map_text("\n".join(lines) + "\n", "<chain>")
    assert result.map is not None and not [d for d in result.diagnostics if d.is_error]
    return result.map


@pytest.fixture(scope="module")
def maps(drill_map: Map, example_map: Map, bundled_map: Map) -> dict[str, Map]:
    return {
        "drill": drill_map,
        "example": example_map,
        "bundled": bundled_map,
        "generated-300": generated(300, 5, flaws=True),
        "generated-1000": generated(1000, 1),
        "chain": support_chain(60, False),
        "chain-reversed": support_chain(60, True),
    }


DRILLS = [*all_drills("pro").values(), all_drills("con")[DrillKind.SWITCH]]


@pytest.mark.parametrize("drill", DRILLS, ids=lambda d: f"{d.kind}-{getattr(d, 'side', '')}")
def test_eligibility_gives_the_targets_building_every_question_gave(
    drill: Drill, maps: dict[str, Map]
) -> None:
    for name, the_map in maps.items():
        assert drill.targets(the_map) == old_targets(drill, the_map), name


def test_the_maps_exercise_every_drill(maps: dict[str, Map]) -> None:
    """The comparison above is only worth something where there are targets to compare."""
    for drill in DRILLS:
        assert any(drill.targets(m) for m in maps.values()), drill.kind
    assert len(drills.FlawDrill().targets(maps["generated-300"])) > 10


def test_every_eligible_claim_gives_a_question_whatever_the_seed(maps: dict[str, Map]) -> None:
    for the_map in maps.values():
        for drill in DRILLS:
            if drill.kind is DrillKind.CRUX:
                continue  # its questions wait for the analysis (test_crux.py)
            for claim_id in drill.targets(the_map)[:40]:
                for seed in range(8):
                    assert drill.question(the_map, claim_id, random.Random(seed)) is not None, (
                        drill.kind,
                        claim_id,
                        seed,
                    )


def test_the_theme_index_gives_the_distractors_the_scan_gave(maps: dict[str, Map]) -> None:
    for the_map in maps.values():
        for target in the_map.claims[:300]:
            fair = answers_to(the_map, target.id)
            supporters = [
                the_map.claims_by_id[s]
                for rel in the_map.supporters(target.id)
                for s in rel.sources
                if s in the_map.claims_by_id
            ]
            new = [
                c.id
                for c in supporters + list(drill_index(the_map).attackers_sharing_a_theme(target))
                if c.id not in fair and same_side(the_map, c.id, target.id)
            ]
            assert new == old_rebuttal_candidates(the_map, target), target.id


@pytest.mark.parametrize("mode", ["mixed", "rebut", "support", "switch", "flaw"])
def test_a_seeded_session_asks_what_it_asked_before(
    mode: str, maps: dict[str, Map], monkeypatch: pytest.MonkeyPatch
) -> None:
    def asked(the_map: Map, seed: int) -> list[tuple[str, str, tuple[str, ...]]]:
        session = DrillSession(
            the_map, None, SessionOptions(mode=mode, seed=seed, side="con", count=12)
        )
        out = []
        while (q := session.next_question()) is not None:
            out.append((str(q.drill), q.claim_id, tuple(o.text for o in q.options)))
        return out

    for name in ("bundled", "generated-300"):
        new = [asked(maps[name], seed) for seed in (1, 2)]
        with monkeypatch.context() as patched:
            patched.setattr(Drill, "targets", old_targets)
            patched.setattr(drills.CruxDrill, "targets", old_targets)
            old = [asked(maps[name], seed) for seed in (1, 2)]
        assert new == old, name
        assert any(new), name
