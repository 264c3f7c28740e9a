"""Why a claim stands or falls, acceptance in words, what a what-if move changed,
and pivotal claims: on small maps whose answers are worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.analysis import analyse_map
from argmap.analysis.explain import (
    ACCEPTED,
    CUT,
    DEFEATED,
    DEFENDED,
    EVERY_READING,
    MARKED,
    NO_READING,
    OPEN,
    PREMISE_REJECTED,
    REJECTED,
    SOME_READINGS,
    TOO_MANY,
    UNATTACKED,
    UNDERCUT,
    acceptance_words,
    explain_claims,
    sentences,
)
from argmap.analysis.pivotal import rank_pivotal
from argmap.analysis.prepared import prepare
from argmap.analysis.whatif import WhatIfChange, compare, describe_change
from argmap.loading import load_map
from argmap.model import Claim, ClaimKind, Map, Relation, RelationType
from argmap.view_model import WHY, analyse, what_changed

REPO = Path(__file__).resolve().parents[2]


def _map(
    claims: dict[str, float | None],
    relations: list[tuple[str, tuple[str, ...], str]],
    theses: tuple[str, ...] = ("t",),
) -> Map:
    """Claims whose text is their id upper-cased; relations r0, r1, ... in order."""
    kinds = {
        "support": RelationType.SUPPORT,
        "attack": RelationType.ATTACK,
        "undercut": RelationType.UNDERCUT,
    }
    return Map(
        id="m",
        title="m",
        theses=theses,
        claims=tuple(
            Claim(id=c, text=c.upper(), kind=ClaimKind.VALUE, base=b) for c, b in claims.items()
        ),
        relations=tuple(
            Relation(id=f"r{k}", type=kinds[kind], sources=src, target=tgt)
            for k, (kind, src, tgt) in enumerate(relations)
        ),
    )


def why(m: Map, accepted: tuple[str, ...] = (), rejected: tuple[str, ...] = ()) -> dict:  # type: ignore[type-arg]
    return explain_claims(m, prepare(m).framework, accepted, rejected)


# b attacks a, a attacks t: b stands, so a falls, so t stands (b reinstates it).
CHAIN = _map({"t": None, "a": None, "b": None}, [("attack", ("a",), "t"), ("attack", ("b",), "a")])


def test_a_defender_reinstates_and_a_standing_attack_defeats() -> None:
    reasons = why(CHAIN)
    assert reasons["b"] == ((UNATTACKED,),)
    assert reasons["a"] == ((DEFEATED, "r1", ""),)
    assert reasons["t"] == ((DEFENDED, "r0", "a", "r1"),)
    [words] = sentences(CHAIN, reasons["t"])
    assert words.plain == "Stands: “B” defeats its attacker “A”" and words.link == "b"
    [words] = sentences(CHAIN, reasons["a"])
    assert words.plain == "Falls: attacked by “B”, which stands." and words.link == "b"
    [words] = sentences(CHAIN, reasons["b"])
    assert words.plain == "Nothing attacks it, so it stands." and words.link is None
    # The pieces that are claim text are marked, so the UI shows them as literal text.
    assert [text for text, is_claim in sentences(CHAIN, reasons["t"])[0].parts if is_claim] == [
        "B",
        "A",
    ]


def test_what_if_marks_are_the_reasons_they_give() -> None:
    reasons = why(CHAIN, rejected=("b",))
    assert reasons["b"] == ((REJECTED,),)
    # b attacks a but was rejected; the reasons end with the marks of the claims they name
    assert reasons["a"] == ((PREMISE_REJECTED, "r1", "b"), (MARKED, "rejected:b"))
    assert reasons["t"] == ((DEFEATED, "r0", ""),)  # a stands again and defeats t
    [words] = sentences(CHAIN, reasons["a"])  # the marks are no sentence of their own
    assert words.plain == "Stands: its attacker “B” falls because you rejected it (what-if)."
    accepted = why(CHAIN, accepted=("a",))
    assert accepted["a"] == ((ACCEPTED,),)
    assert accepted["t"] == ((DEFEATED, "r0", ""), (MARKED, "accepted:a"))
    assert sentences(CHAIN, accepted["t"])[0].plain == (
        "Falls: attacked by “A”, which stands because you accepted it (what-if)."
    )
    assert why(CHAIN)["t"] == ((DEFENDED, "r0", "a", "r1"),)  # no what-if, no marks


def test_every_sentence_that_hangs_on_a_what_if_mark_says_so() -> None:
    m = _loaded(REPO / "arguments" / "example-smart-locks.yaml")
    # The reply falls because you rejected its premise: the privacy attack stands again.
    after = why(m, rejected=("data-protected",))
    assert after["locks"] == (
        (DEFEATED, "r-photos", "", "r-undercut-photos", ""),
        (MARKED, "rejected:data-protected"),
    )
    assert sentences(m, after["locks"])[0].plain.endswith(
        ", which stands: the reply “The housing centre says the images are stored…”"
        " falls because you rejected it (what-if)."
    )
    # Accepting the cutter changes no label, but the words say what now holds it up.
    held = why(m, accepted=("promise-unverifiable",))
    assert sentences(m, held["locks"])[0].plain.endswith(
        " is itself undercut by “A promise of deletion made by the operator…”, which stands"
        " because you accepted it (what-if)."
    )
    assert sentences(m, held["data-protected"])[1].plain.endswith(
        "“A promise of deletion made by the operator…”, which stands because you accepted it"
        " (what-if)."
    )
    # An undercut, and a defender, that stand because you accepted them.
    undercut = _map(
        {"t": None, "a": None, "u": None}, [("attack", ("a",), "t"), ("undercut", ("u",), "r0")]
    )
    assert sentences(undercut, why(undercut, accepted=("u",))["t"])[0].plain == (
        "Stands: the attack by “A” is undercut by “U”, which stands because you accepted it"
        " (what-if)."
    )
    assert sentences(CHAIN, why(CHAIN, accepted=("b",))["t"])[0].plain == (
        "Stands: “B” defeats its attacker “A”; “B” stands because you accepted it (what-if)."
    )
    # A rejected attacker whose standing reason still carries its attack.
    carried = _map(
        {"t": None, "a": None, "s": None},
        [("attack", ("a",), "t"), ("support", ("s",), "a")],
    )
    assert sentences(carried, why(carried, rejected=("a",))["t"])[0].plain == (
        "Falls: attacked by “A”, which falls because you rejected it (what-if) but is carried"
        " by its standing reason “S”."
    )
    # Of linked premises, the one you marked is named.
    linked = _map({"t": None, "a": None, "b": None}, [("attack", ("a", "b"), "t")])
    assert sentences(linked, why(linked, accepted=("b",))["t"])[0].plain == (
        "Falls: attacked by “A” together with “B”, which stands because you accepted “B” (what-if)."
    )
    # The marks survive the trip from the analysis process, and only claims named carry them.
    import pickle

    _, shown = analyse(m, (), ("data-protected",))
    shown = pickle.loads(pickle.dumps(shown))
    assert shown.claim("locks").why == after["locks"]  # type: ignore[union-attr]
    assert shown.claim("elderly-checks").why == ((UNATTACKED,),)  # type: ignore[union-attr]


def test_an_undercut_stops_an_attack_and_a_cycle_leaves_claims_open() -> None:
    undercut = _map(
        {"t": None, "a": None, "u": None}, [("attack", ("a",), "t"), ("undercut", ("u",), "r0")]
    )
    reasons = why(undercut)
    assert reasons["t"] == ((UNDERCUT, "r0", "r1"),)
    [words] = sentences(undercut, reasons["t"])
    assert words.plain == "Stands: the attack by “A” is undercut by “U”, which stands."
    assert words.link == "u"
    cycle = _map(
        {"t": None, "a": None, "b": None},
        [("attack", ("a",), "b"), ("attack", ("b",), "a"), ("attack", ("b",), "t")],
    )
    reasons = why(cycle)
    assert reasons["t"] == ((OPEN, "r2"),)
    assert sentences(cycle, reasons["t"])[0].link == "b"


def test_a_standing_reason_carries_a_fallen_claims_attack() -> None:
    # a falls to b, but s (a reason for a) stands and carries a's attack on t (bipolar.py).
    carried = _map(
        {"t": None, "a": None, "b": None, "s": None},
        [("attack", ("a",), "t"), ("attack", ("b",), "a"), ("support", ("s",), "a")],
    )
    reasons = why(carried)
    assert reasons["a"] == ((DEFEATED, "r1", ""),)
    assert reasons["t"] == ((DEFEATED, "r0", "r2"),)
    assert sentences(carried, reasons["t"])[0].plain == (
        "Falls: attacked by “A”, carried by its standing reason “S”."
    )
    # Carried and answered: the reply (u's undercut) is itself undercut by v.
    answered = _map(
        {"t": None, "a": None, "b": None, "s": None, "u": None, "v": None},
        [
            ("attack", ("a",), "t"),
            ("attack", ("b",), "a"),
            ("support", ("s",), "a"),
            ("undercut", ("u",), "r0"),
            ("undercut", ("v",), "r3"),
        ],
    )
    reasons = why(answered)
    assert reasons["t"] == ((DEFEATED, "r0", "r2", "r3", "r4"),)
    assert sentences(answered, reasons["t"])[0].plain == (
        "Falls: attacked by “A”, carried by its standing reason “S”;"
        " the reply “U” is itself undercut by “V”."
    )


def test_an_attack_stands_when_its_reply_is_itself_undercut() -> None:
    # a attacks t (r0); u undercuts that attack (r1); v undercuts u's undercut (r2).
    m = _map(
        {"t": None, "a": None, "u": None, "v": None},
        [("attack", ("a",), "t"), ("undercut", ("u",), "r0"), ("undercut", ("v",), "r1")],
    )
    reasons = why(m)
    assert reasons["t"] == ((DEFEATED, "r0", "", "r1", "r2"),)
    [words] = sentences(m, reasons["t"])
    assert words.plain == (
        "Falls: attacked by “A”, which stands: the reply “U” is itself undercut by “V”."
    )
    assert words.link == "a"
    # u stands (nothing attacks it), but its undercut does not count, and it says so.
    assert reasons["u"] == ((UNATTACKED,), (CUT, "r1", "r2"))
    cut = sentences(m, reasons["u"])[1]
    assert cut.plain == (
        "Its undercut of the attack by “A” does not count: it is itself undercut by “V”,"
        " which stands."
    )
    assert cut.link == "v"
    assert reasons["a"] == ((UNATTACKED,),)  # its attack acts: nothing more to say
    assert reasons["v"] == ((UNATTACKED,),)


def test_an_attack_whose_inference_is_undercut_does_not_count() -> None:
    m = _map(
        {"t": None, "a": None, "u": None}, [("attack", ("a",), "t"), ("undercut", ("u",), "r0")]
    )
    reasons = why(m)
    assert reasons["a"] == ((UNATTACKED,), (CUT, "r0", "r1"))
    cut = sentences(m, reasons["a"])[1]
    assert cut.plain == "Its attack on “T” does not count: it is undercut by “U”, which stands."
    assert cut.link == "u"
    # A claim that falls says so too: its attack is cut whatever becomes of it.
    fallen = _map(
        {"t": None, "a": None, "u": None, "b": None},
        [("attack", ("a",), "t"), ("undercut", ("u",), "r0"), ("attack", ("b",), "a")],
    )
    assert why(fallen)["a"] == ((DEFEATED, "r2", ""), (CUT, "r0", "r1"))
    # A support that is undercut says nothing here: supports never defend (grounded).
    supported = _map(
        {"t": None, "s": None, "u": None}, [("support", ("s",), "t"), ("undercut", ("u",), "r0")]
    )
    assert why(supported)["s"] == ((UNATTACKED,),)


def test_a_reply_that_falls_and_a_standing_undercut_whose_reply_is_cut() -> None:
    # The reply u undercuts the attack, but b defeats u: the attack stands.
    falls = _map(
        {"t": None, "a": None, "u": None, "b": None},
        [("attack", ("a",), "t"), ("undercut", ("u",), "r0"), ("attack", ("b",), "u")],
    )
    reasons = why(falls)
    assert reasons["t"] == ((DEFEATED, "r0", "", "r1", ""),)
    assert sentences(falls, reasons["t"])[0].plain == (
        "Falls: attacked by “A”, which stands: the reply “U” falls."
    )
    # Four deep: w cuts v, v's undercut of u's undercut fails, so u's undercut stands.
    deep = _map(
        {"t": None, "a": None, "u": None, "v": None, "w": None},
        [
            ("attack", ("a",), "t"),
            ("undercut", ("u",), "r0"),
            ("undercut", ("v",), "r1"),
            ("undercut", ("w",), "r2"),
        ],
    )
    reasons = why(deep)
    assert reasons["t"] == ((UNDERCUT, "r0", "r1", "r2", "r3"),)
    [words] = sentences(deep, reasons["t"])
    assert words.plain == (
        "Stands: the attack by “A” is undercut by “U”, which stands:"
        " the reply “V” is itself undercut by “W”."
    )
    assert words.link == "u"
    assert reasons["a"] == ((UNATTACKED,), (CUT, "r0", "r1"))
    assert reasons["u"] == ((UNATTACKED,),)
    assert reasons["v"] == ((UNATTACKED,), (CUT, "r2", "r3"))
    assert sentences(deep, reasons["v"])[1].plain == (
        "Its undercut of the undercut by “U” does not count: it is itself undercut by “W”,"
        " which stands."
    )


def test_the_example_map_says_why_the_privacy_attack_stands() -> None:
    m = _loaded(REPO / "arguments" / "example-smart-locks.yaml")
    reasons = why(m)
    assert reasons["locks"] == (
        (DEFEATED, "r-photos", "", "r-undercut-photos", "r-undercut-reassurance"),
    )
    [words] = sentences(m, reasons["locks"])
    # Three claims in one sentence: each cut at a word, never mid-word.
    assert words.plain == (
        "Falls: attacked by “Photos of every resident and their family were…”, which stands:"
        " the reply “The housing centre says the images are stored…” is itself undercut by"
        " “A promise of deletion made by the operator…”."
    )
    assert words.link == "photos-collected"
    assert [text for text, is_claim in words.parts if is_claim] == [
        "Photos of every resident and their family were…",
        "The housing centre says the images are stored…",
        "A promise of deletion made by the operator…",
    ]
    assert reasons["data-protected"] == (
        (UNATTACKED,),
        (CUT, "r-undercut-photos", "r-undercut-reassurance"),
    )
    assert sentences(m, reasons["data-protected"])[1].plain == (
        "Its undercut of the attack by “Photos of every resident and their family were…”"
        " does not count: it is itself undercut by “A promise of deletion made by the"
        " operator…”, which stands."
    )
    # Rejecting promise-unverifiable (what-if): the reply acts again and locks stands.
    after = why(m, rejected=("promise-unverifiable",))
    assert after["locks"] == (
        (UNDERCUT, "r-photos", "r-undercut-photos", "r-undercut-reassurance", ""),
        (MARKED, "rejected:promise-unverifiable"),
    )
    assert sentences(m, after["locks"])[0].plain.endswith(
        "is undercut by “The housing centre says the images are stored…”, which stands:"
        " the reply “A promise of deletion made by the operator…” falls because you"
        " rejected it (what-if)."
    )
    assert after["photos-collected"] == ((UNATTACKED,), (CUT, "r-photos", "r-undercut-photos"))
    assert after["data-protected"] == ((UNATTACKED,),)


def _loaded(path: Path) -> Map:
    result = load_map(path)
    assert result.map is not None
    return result.map


@pytest.mark.parametrize(
    "path",
    [REPO / "arguments" / "example-smart-locks.yaml", REPO / "arguments" / "face-at-the-door.yaml"],
)
def test_every_reason_matches_the_label_shown(path: Path) -> None:
    m = _loaded(path)
    labels = analyse_map(m).grounded
    kinds = {
        "in": {UNATTACKED, DEFENDED, UNDERCUT, PREMISE_REJECTED, ACCEPTED},
        "out": {DEFEATED, REJECTED},
        "undec": {OPEN},
    }
    for claim_id, reasons in why(m).items():
        assert reasons, claim_id
        own = [r for r in reasons if r[0] != CUT]  # a cut move is said whatever the label
        assert own and {r[0] for r in own} <= kinds[str(labels[claim_id])], claim_id
        assert reasons[: len(own)] == tuple(own), claim_id  # the label's reasons first
        for r in reasons[len(own) :]:
            assert claim_id in m.relations_by_id[r[1]].sources, claim_id
            assert m.relations_by_id[r[2]].target == r[1], claim_id
        assert all(s.link is None or s.link in m.claims_by_id for s in sentences(m, reasons))


def test_acceptance_in_plain_words() -> None:
    assert acceptance_words({"preferred", "stable"}, {"preferred", "grounded"}) == EVERY_READING
    assert acceptance_words({"preferred"}, {"stable"}) == SOME_READINGS
    assert acceptance_words(set(), set()) == NO_READING
    assert acceptance_words({"preferred"}, {"preferred"}, capped={"preferred"}) == TOO_MANY
    assert EVERY_READING == "accepted in every reasonable reading of the map"


def test_a_what_if_change_is_counted_and_said() -> None:
    before = {"a": ("out", 0.25), "b": ("in", 0.5), "t": ("in", 0.375), "c": ("in", 0.5)}
    after = {"a": ("in", 0.5), "b": ("out", 0.0), "t": ("out", 0.25), "c": ("in", 0.5)}
    change = compare(["a", "b", "t", "c"], before, after, ["t"])
    assert change == WhatIfChange(("a",), ("b", "t"), (), (), (("t", 0.375, 0.25),))
    assert change.changed == {"a", "b", "t"}
    assert (
        describe_change(change)
        == "1 claim now stands, 2 now fall; the thesis's strength 0.38 → 0.25."
    )
    # A strength that moves without a label changing still marks the line.
    moved = compare(["c"], {"c": ("in", 0.5)}, {"c": ("in", 0.61)}, ["c"])
    assert moved.moved == ("c",)
    assert describe_change(moved) == (
        "Nothing now stands or falls differently; the thesis's strength 0.50 → 0.61."
    )
    opened = compare(["x", "y"], {}, {"x": ("undec", None), "y": ("undec", None)}, [])
    assert describe_change(opened) == "2 claims are now open."


def test_what_changed_between_two_real_analyses() -> None:
    base, _ = analyse(CHAIN)
    _, shown = analyse(CHAIN, (), ("b",), base)
    change = what_changed(base, shown)
    assert (change.stand, change.fall) == (("a",), ("t", "b"))
    assert (
        describe_change(change)
        == "1 claim now stands, 2 now fall; the thesis's strength 0.38 → 0.25."
    )
    # Undoing the move is the same change the other way.
    back = what_changed(shown, base)
    assert (back.stand, back.fall) == (("t", "b"), ("a",))


# A tree: p1 and c1 answer the thesis, p2 supports p1; every base score 0.5.
# p1 = 0.5 + 0.5 * 0.5 = 0.75; t = 0.5 + 0.5 * (0.75 - 0.5) = 0.625.
# Without p1: t = 0.5 - 0.5 * 0.5 = 0.25 (contribution +0.375).
# Without c1: t = 0.5 + 0.5 * 0.75 = 0.875 (contribution -0.25).
# Without p2: p1 = 0.5, t = 0.5 (contribution +0.125).
TREE = _map(
    {"t": None, "p1": None, "c1": None, "p2": None},
    [("support", ("p1",), "t"), ("attack", ("c1",), "t"), ("support", ("p2",), "p1")],
)


def test_pivotal_claims_of_a_tree_by_their_share_in_the_thesis() -> None:
    analysis = analyse_map(TREE)
    assert analysis.strength["t"] == pytest.approx(0.625)
    ranked = rank_pivotal(analysis.strength_effects)
    assert [(p.claim, p.thesis) for p in ranked] == [("p1", "t"), ("c1", "t"), ("p2", "t")]
    assert [p.contribution for p in ranked] == pytest.approx([0.375, -0.25, 0.125])
    assert [p.share for p in ranked] == pytest.approx([1.0, 2 / 3, 1 / 3])
    view, _ = analyse(TREE)
    assert view.views["pivotal"] == [("p1", "[1.00 ↑]"), ("c1", "[0.67 ↓]"), ("p2", "[0.33 ↑]")]
    p1 = view.claim("p1")
    assert p1 is not None and p1.pivotal and p1.contribution == pytest.approx(0.375)
    assert p1.contribution_to == ""  # one thesis: not named


def test_each_claim_counts_towards_the_thesis_where_its_share_is_largest() -> None:
    ranked = rank_pivotal({"t1": {"a": -0.1, "b": -0.4}, "t2": {"a": 0.05}})
    # Equal shares: the larger contribution first.
    assert [(p.claim, p.thesis, p.share) for p in ranked] == [("b", "t1", 1.0), ("a", "t2", 1.0)]
    assert rank_pivotal({"t": {"a": 1e-9}}) == ()


def test_the_reasons_survive_the_trip_from_the_analysis_process() -> None:
    import pickle

    carried = _map(
        {"t": None, "a": None, "b": None, "s": None},
        [("attack", ("a",), "t"), ("attack", ("b",), "a"), ("support", ("s",), "a")],
    )
    view, _ = analyse(carried)
    copy = pickle.loads(pickle.dumps(view))
    assert dict(copy.claims) == dict(view.claims)
    assert copy.claim("t").why == ((DEFEATED, "r0", "r2"),)  # type: ignore[union-attr]
    assert copy.claim("a").why == ((DEFEATED, "r1", ""),)  # type: ignore[union-attr]
    # Sent as one string per claim, read back as the tuples.
    assert copy.claims.rows["a"][WHY] == "defeated\x1fr1\x1f"  # type: ignore[attr-defined]


def test_the_labels_what_if_computed_give_the_same_reasons() -> None:
    from argmap.analysis import what_if

    m = _loaded(REPO / "arguments" / "example-smart-locks.yaml")
    mf = prepare(m).framework
    for accepted, rejected in (((), ("promise-unverifiable",)), (("data-protected",), ("locks",))):
        result = what_if(m, accepted, rejected)
        assert len(result.framework_labels) == len(mf.names) + len(rejected)
        given = explain_claims(m, mf, accepted, rejected, result.framework_labels)
        assert given == explain_claims(m, mf, accepted, rejected)
    assert why(CHAIN, rejected=("b", "b"))["b"] == ((REJECTED,),)  # a repeated mark counts once
