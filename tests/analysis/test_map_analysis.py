"""Maps: the bipolar translation, structure, DF-QuAD, cruxes and what-if."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from argmap.analysis import Label, Side, analyse_map, what_if
from argmap.analysis.strength import StrengthModel
from argmap.loading import load_map
from argmap.model import Claim, ClaimKind, Evidence, Map, Relation, RelationType

EXAMPLE = Path(__file__).resolve().parents[2] / "arguments" / "example-smart-locks.yaml"
IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC


def _map(
    claims: dict[str, float | None],
    relations: list[tuple[str, tuple[str, ...], str]],
    theses: tuple[str, ...] = ("t",),
) -> Map:
    kinds = {
        "support": RelationType.SUPPORT,
        "attack": RelationType.ATTACK,
        "undercut": RelationType.UNDERCUT,
    }
    return Map(
        id="m",
        title="m",
        theses=theses,
        claims=tuple(Claim(id=c, text=c, kind=ClaimKind.VALUE, base=b) for c, b in claims.items()),
        relations=tuple(
            Relation(id=f"r{k}", type=kinds[kind], sources=src, target=tgt)
            for k, (kind, src, tgt) in enumerate(relations)
        ),
    )


@pytest.fixture(scope="module")
def example() -> Map:
    loaded = load_map(EXAMPLE).map
    assert loaded is not None
    return loaded


def test_example_map_grounded_labels_follow_the_undercut_chain(example: Map) -> None:
    a = analyse_map(example)
    # promise-unverifiable undercuts data-protected's undercut of r-photos, so
    # the privacy attack stands and locks is out; every sourced fact stands.
    for fact in ("photos-collected", "data-protected", "promise-unverifiable"):
        assert a.grounded[fact] is IN
    assert a.grounded["locks"] is OUT
    assert [c for c, label in a.grounded.items() if label is not IN] == ["locks"]
    assert a.acceptance["locks"].credulous == frozenset()
    assert a.acceptance["photos-collected"].sceptical == {
        "grounded",
        "complete",
        "preferred",
        "stable",
    }


def test_example_map_structure(example: Map) -> None:
    s = analyse_map(example).structure
    locks = s.theses["locks"]
    assert locks.sides["photos-collected"] is Side.CON
    assert locks.sides["data-protected"] is Side.PRO  # undercuts an attack
    assert locks.sides["promise-unverifiable"] is Side.CON  # undercuts that undercut
    assert locks.sides["state-voice"] is Side.CON  # undercuts a reason for
    assert locks.depth["data-protected"] == 2
    assert locks.depth["promise-unverifiable"] == 3
    assert locks.max_depth == 3
    assert locks.balance == pytest.approx((6 - 3) / 9)
    assert locks.theme_counts["privacy"] == {"pro": 1, "con": 2, "both": 0}
    # No attack aims at any claim but the thesis: every claim is unanswered.
    assert set(s.unanswered) == set(example.claims_by_id) - {"locks"}
    assert s.facts_without_evidence == ()
    # Every relation ends at locks in the claim graph, so no claim lies between two.
    assert s.pivotal == ()


def test_claim_reached_both_ways_is_marked_both() -> None:
    m = _map(
        {"t": None, "a": None, "b": None},
        [("support", ("a",), "t"), ("attack", ("b",), "t"), ("support", ("a",), "b")],
    )
    sides = analyse_map(m).structure.theses["t"].sides
    assert sides["a"] is Side.BOTH and sides["b"] is Side.CON


def test_facts_without_evidence_and_circular_support() -> None:
    m = Map(
        id="m",
        title="m",
        theses=("t",),
        claims=(
            Claim("t", "t", ClaimKind.POLICY),
            Claim("f", "f", ClaimKind.FACT),
            Claim("g", "g", ClaimKind.FACT, evidence=(Evidence("s", "p1", "quote"),)),
        ),
        relations=(
            Relation("r1", RelationType.SUPPORT, ("f",), "g"),
            Relation("r2", RelationType.SUPPORT, ("g",), "f"),
            Relation("r3", RelationType.SUPPORT, ("g",), "t"),
        ),
    )
    s = analyse_map(m).structure
    assert s.facts_without_evidence == ("f",)
    assert s.circular_support == (("f", "g"),)


def test_linked_support_fails_when_one_premise_is_out() -> None:
    # t <-attack- x (linked premises p, q); q is attacked by unattacked z
    m = _map(
        {"t": None, "p": None, "q": None, "z": None},
        [("attack", ("p", "q"), "t"), ("attack", ("z",), "q")],
    )
    assert analyse_map(m).grounded["t"] is IN
    m2 = _map({"t": None, "p": None, "q": None}, [("attack", ("p", "q"), "t")])
    assert analyse_map(m2).grounded["t"] is OUT


def test_undercut_removes_the_relation_it_names() -> None:
    m = _map(
        {"t": None, "a": None, "u": None}, [("attack", ("a",), "t"), ("undercut", ("u",), "r0")]
    )
    g = analyse_map(m).grounded
    assert g["t"] is IN and g["a"] is IN and g["u"] is IN


def test_supported_attack_keeps_a_defeated_claims_attack() -> None:
    # s supports b; b attacks t; d attacks b: b falls, but s's support carries the attack
    m = _map(
        {"t": None, "b": None, "s": None, "d": None},
        [("attack", ("b",), "t"), ("support", ("s",), "b"), ("attack", ("d",), "b")],
    )
    g = analyse_map(m).grounded
    assert g["b"] is OUT and g["t"] is OUT
    # without the support, d reinstates t
    m2 = _map({"t": None, "b": None, "d": None}, [("attack", ("b",), "t"), ("attack", ("d",), "b")])
    assert analyse_map(m2).grounded["t"] is IN


def test_dfquad_hand_computed_acyclic() -> None:
    # t (0.5) supported by s (0.5) and attacked by a (0.8), a attacked by b (0.4)
    m = _map(
        {"t": None, "s": None, "a": 0.8, "b": 0.4},
        [("support", ("s",), "t"), ("attack", ("a",), "t"), ("attack", ("b",), "a")],
    )
    result = StrengthModel(m).evaluate()
    a = 0.8 - 0.8 * 0.4  # 0.48
    t = 0.5 - 0.5 * (a - 0.5) if a >= 0.5 else 0.5 + 0.5 * (0.5 - a)  # 0.51
    assert result.converged
    assert result.strength["a"] == pytest.approx(0.48)
    assert result.strength["t"] == pytest.approx(t) == pytest.approx(0.51)


def test_dfquad_linked_premises_and_undercut() -> None:
    # linked support (p 0.6, q 0.9) -> min 0.6, undercut by u (0.5): 0.6 * (1 - 0.5) = 0.3
    m = _map(
        {"t": 0.5, "p": 0.6, "q": 0.9, "u": 0.5},
        [("support", ("p", "q"), "t"), ("undercut", ("u",), "r0")],
    )
    assert StrengthModel(m).evaluate().strength["t"] == pytest.approx(0.5 + 0.5 * 0.3)
    # two attackers combine as 1 - (1 - 0.5)(1 - 0.5) = 0.75
    m2 = _map({"t": 0.4, "a": None, "b": None}, [("attack", ("a",), "t"), ("attack", ("b",), "t")])
    assert StrengthModel(m2).evaluate().strength["t"] == pytest.approx(0.4 - 0.4 * 0.75)


def test_dfquad_cycle_converges_to_the_fixpoint() -> None:
    # a and b (0.5) attack each other: s = 0.5 - 0.5 s, so s = 1/3
    m = _map(
        {"a": None, "b": None}, [("attack", ("a",), "b"), ("attack", ("b",), "a")], theses=("a",)
    )
    result = StrengthModel(m).evaluate()
    assert result.converged
    assert result.strength["a"] == pytest.approx(1 / 3, abs=1e-8)


def test_dfquad_oscillating_cycle_is_flagged() -> None:
    # base 1 each: the iteration flips between (1, 1) and (0, 0) for ever
    m = _map(
        {"a": 1.0, "b": 1.0}, [("attack", ("a",), "b"), ("attack", ("b",), "a")], theses=("a",)
    )
    result = StrengthModel(m).evaluate()
    assert not result.converged
    assert result.strength == {"a": 0.5, "b": 0.5}


def test_cruxes_rank_flips_first(example: Map) -> None:
    cruxes = analyse_map(example).cruxes["locks"]
    assert [c.claim for c in cruxes[:2]] == ["photos-collected", "promise-unverifiable"]
    assert cruxes[0].flips_grounded and cruxes[0].flips_preferred
    assert cruxes[0].strength_delta == pytest.approx(0.1875)
    assert not any(c.flips_grounded for c in cruxes[2:])
    deltas = [abs(c.strength_delta) for c in cruxes[2:]]
    assert deltas == sorted(deltas, reverse=True)


def test_what_if_reject_and_accept(example: Map) -> None:
    r = what_if(example, rejected=["promise-unverifiable"])
    # The reassurance's undercut stands again, so the privacy attack stops acting.
    assert r.grounded["data-protected"] is IN and r.grounded["photos-collected"] is IN
    assert r.grounded["locks"] is IN
    assert r.changed_labels == {"locks": (OUT, IN), "promise-unverifiable": (IN, OUT)}
    assert r.strength["promise-unverifiable"] == 0.0
    # Accepting the reassurance does not lift the undercut of its link: locks stays out.
    a = what_if(example, accepted=["data-protected"])
    assert a.grounded["data-protected"] is IN and a.grounded["locks"] is OUT
    assert a.changed_labels == {}
    assert a.strength["data-protected"] == 1.0
    assert a.strength["locks"] == pytest.approx(0.828125)
    assert what_if(example).changed_labels == {}


def test_what_if_refuses_contradictions(example: Map) -> None:
    with pytest.raises(ValueError, match="both accepted and rejected"):
        what_if(example, accepted=["locks"], rejected=["locks"])
    with pytest.raises(ValueError, match="no claim"):
        what_if(example, rejected=["nope"])


def test_blockwise_strength_equals_iterating_everything_together(example: Map) -> None:
    """Settling block by block (each cycle once its inputs are settled) gives
    the values of iterating the whole map at once, on acyclic and cyclic maps."""
    rng = random.Random(11)
    maps = [example] + [_random_map(rng) for _ in range(200)]
    checked = cyclic = 0
    for m in maps:
        model = StrengthModel(m)
        blockwise = model.evaluate(removed=["state-voice"] if m is example else [])
        together, _rho, converged, rounds = model._iterate(
            model.claims, model.relations, {}, {"state-voice"} if m is example else set(), {}, {}
        )
        if blockwise.converged and converged:
            assert together == pytest.approx(blockwise.strength, abs=1e-6)
            checked += 1
            cyclic += model.has_cycles
    assert checked > 150 and cyclic > 50


def _random_map(rng: random.Random) -> Map:
    """Random maps with supports, attacks, undercuts, linked premises and cycles."""
    n = rng.randint(3, 14)
    names = ["t"] + [f"c{i}" for i in range(1, n)]
    claims = {c: rng.choice((None, 0.2, 0.5, 0.9)) for c in names}
    relations: list[tuple[str, tuple[str, ...], str]] = []
    for i, c in enumerate(names[1:], start=1):
        target = names[rng.randrange(i)]  # a tree towards the thesis...
        premises = (c, *rng.sample(names[1:], 1)) if rng.random() < 0.1 else (c,)
        relations.append(
            (rng.choice(("support", "attack", "attack")), tuple(dict.fromkeys(premises)), target)
        )
    for _ in range(rng.randint(0, 3)):  # ...plus back edges: cycles
        a, b = rng.sample(names, 2)
        relations.append(("attack", (a,), b))
    if relations and rng.random() < 0.5:
        relations.append(("undercut", (rng.choice(names[1:]),), "?"))
    rels = [
        (k, s, t if t != "?" else f"r{rng.randrange(len(relations) - 1)}") for k, s, t in relations
    ]
    return _map(claims, rels)


def test_local_crux_computation_matches_recomputing_everything() -> None:
    """Cruxes are computed locally; compare with the naive full recomputation."""
    from argmap.analysis.cruxes import MIN_STRENGTH_DELTA
    from argmap.analysis.prepared import prepare
    from argmap.analysis.semantics import Framework, credulous, grounded, sceptical

    rng = random.Random(7)
    for _ in range(300):
        m = _random_map(rng)
        prepared = prepare(m)
        mf = prepared.framework
        t = mf.claim_index["t"]

        def status(fw: Framework, t: int = t) -> tuple[Label, bool, bool]:
            return grounded(fw)[t], credulous(fw, t, "preferred"), sceptical(fw, t, "preferred")

        before = status(mf.framework)
        strength = prepared.strength_model.evaluate().strength["t"]
        want = {}
        for c in mf.claims[1:]:
            after = status(mf.assuming(rejected=[c]))
            delta = prepared.strength_model.evaluate(removed=[c]).strength["t"] - strength
            flips_g, flips_p = after[0] is not before[0], after[1:] != before[1:]
            if flips_g or flips_p or abs(delta) >= MIN_STRENGTH_DELTA:
                want[c] = (flips_g, flips_p, pytest.approx(delta, abs=1e-7))
        got = {
            c.claim: (c.flips_grounded, c.flips_preferred, c.strength_delta)
            for c in analyse_map(m).cruxes["t"]
        }
        assert got == want, [(r.type.value, r.sources, r.target) for r in m.relations]
