"""The burden of proof, on rounds worked out by hand (see argmap/debate/verdict.py).

The map (tests/debate/data/burden.yaml), with the motion `gates`:

    outsiders ──support──▶ gates ◀──attack── misreads
    cheaper ──support (r-cheaper)──▶ gates;  guard-does-more ──undercut──▶ r-cheaper
    no-figures ──attack──▶ outsiders ◀──attack── photo-spoof + faces-online (linked)
    caretaker-log ──attack──▶ no-figures

Pro's arguments for the motion are `outsiders` and `cheaper`. Under grounded
semantics only attacks reach a claim, so the motion stands whenever
`misreads` is not played; the burden of proof asks more of Pro.
"""

from __future__ import annotations

from pathlib import Path

from argmap.analysis.semantics import Label
from argmap.debate.adjudication import Adjudication
from argmap.debate.round import Judge
from argmap.debate.verdict import Decision
from argmap.loading import load_map
from argmap.model import Map
from argmap.sides import Side
from tests.debate.played import play, said
from tests.debate.small_maps import A, S, U, build

MAP = Path(__file__).resolve().parent / "data" / "burden.yaml"


def school() -> Map:
    result = load_map(MAP)
    assert result.map is not None
    return result.map


def judged(
    moves: list[str], judge: Judge = Judge.BURDEN, the_map: Map | None = None
) -> Adjudication:
    """Pro opens; `-` is a pass."""
    return play(the_map or school(), moves, Side.PRO, judge)


def test_the_issue_round_pro_wins_by_semantics_and_loses_by_the_burden() -> None:
    # Pro plays outsiders (for the motion); Con attacks it with no-figures; both pass.
    # Nothing attacks the motion, so it stands (in): the semantics alone give Pro the
    # round. But no-figures was dropped, so it stands and outsiders falls: Pro's only
    # argument is gone, and under the burden of proof Con wins.
    moves = ["outsiders", "no-figures", "-", "-"]
    semantics = judged(moves, Judge.SEMANTICS)
    assert semantics.status.grounded == "in"
    assert semantics.decision is Decision.MOTION_STANDS and semantics.winner is Side.PRO
    burden = judged(moves)
    assert burden.status == semantics.status  # same labels, another rule
    assert burden.decision is Decision.CASE_FALLS and burden.winner is Side.CON
    assert [(a.premises, a.label) for a in burden.arguments] == [(("outsiders",), Label.OUT)]
    why = burden.explanation
    assert said(why.fall) == ["outsiders falls to no-figures, which was never answered (dropped)."]
    assert said(why.stand) == [
        "gates stands: nothing played attacks it.",
        "no-figures stands: nothing played attacks it.",
    ]
    assert said(why.dropped) == [
        "Con's no-figures (turn 2) was never answered by Pro: dropped, so it stands."
    ]
    assert said(why.rule) == [
        "Burden of proof: Pro's only argument for the motion, outsiders, falls, so Con wins,"
        " although nothing played defeats the motion itself.",
        "By the semantics alone (--judge semantics), Pro would win.",
    ]
    # Pro had an answer: caretaker-log defeats no-figures and saves the argument.
    chances = {c.claim_id: (c.side, c.winner) for c in burden.missed}
    assert chances["caretaker-log"] == (Side.PRO, Side.PRO)


def test_an_argument_defended_by_a_dropped_rebuttal_carries_the_motion() -> None:
    # outsiders; no-figures attacks it; caretaker-log attacks no-figures; Con passes.
    # caretaker-log is dropped, so it stands, no-figures falls, outsiders stands:
    # the motion stands and so does an argument for it.
    burden = judged(["outsiders", "no-figures", "caretaker-log", "-"])
    assert burden.decision is Decision.BURDEN_CARRIED and burden.winner is Side.PRO
    assert "outsiders stands, defended by caretaker-log against no-figures." in said(
        burden.explanation.stand
    )
    assert said(burden.explanation.fall) == [
        "no-figures falls to caretaker-log, which was never answered (dropped)."
    ]
    assert said(burden.explanation.rule) == [
        "Burden of proof: the motion stands, and so does Pro's argument for it, outsiders,"
        " so Pro carried the motion and wins."
    ]


def test_a_dropped_argument_for_the_motion_stands_and_carries_it() -> None:
    # Pro plays outsiders, Con never answers it: dropped, it stands, Pro wins.
    burden = judged(["outsiders", "-"])
    assert burden.decision is Decision.BURDEN_CARRIED and burden.winner is Side.PRO
    assert said(burden.explanation.dropped) == [
        "Pro's outsiders (turn 1) was never answered by Con: dropped, so it stands."
    ]


def test_no_argument_for_the_motion_means_the_burden_was_not_carried() -> None:
    # Pro passes at once, Con passes: nothing attacks the motion (in), but Pro made
    # no case for it. The semantics give Pro the round; the burden gives it to Con.
    assert judged(["-", "-"], Judge.SEMANTICS).winner is Side.PRO
    burden = judged(["-", "-"])
    assert burden.arguments == () and burden.decision is Decision.NO_CASE
    assert burden.winner is Side.CON
    assert said(burden.explanation.rule)[0].startswith(
        "Burden of proof: Pro played no argument for the motion"
    )
    # Playing either argument, unanswered, would have won it.
    assert {c.claim_id for c in burden.missed if c.winner is Side.PRO} == {"outsiders", "cheaper"}


def test_rebuttals_alone_defend_the_motion_but_make_no_case() -> None:
    # chain(): a attacks m, b attacks a, p supports m. Con attacks, Pro rebuts and
    # never supports: m stands (a falls to b), yet no argument for it was played.
    chain = build(
        [("ra", A, "a", "m"), ("rb", A, "b", "a"), ("rp", S, "p", "m")], ["m", "a", "b", "p"]
    )
    burden = play(chain, ["a", "b"], Side.CON)
    assert burden.status.grounded == "in" and burden.decision is Decision.NO_CASE
    assert "m stands, defended by b against a." in said(burden.explanation.stand)


def test_an_undercut_link_sinks_the_argument_though_its_premise_stands() -> None:
    # cheaper supports the motion; guard-does-more undercuts that link; dropped.
    # cheaper itself stands (nothing attacks it), but the argument does not act.
    burden = judged(["cheaper", "guard-does-more", "-", "-"])
    assert [(a.relation_id, a.label) for a in burden.arguments] == [("r-cheaper", Label.OUT)]
    assert burden.decision is Decision.CASE_FALLS and burden.winner is Side.CON
    assert "cheaper stands: nothing played attacks it." in said(burden.explanation.stand)
    assert judged(["cheaper", "guard-does-more", "-", "-"], Judge.SEMANTICS).winner is Side.PRO


def test_a_linked_attack_falls_with_either_premise_and_defeats_with_both() -> None:
    # Con plays photo-spoof, which brings faces-online with it; both stand, so the
    # linked attack acts and outsiders falls to the two together.
    burden = judged(["outsiders", "photo-spoof", "-", "-"])
    assert burden.winner is Side.CON
    assert said(burden.explanation.fall) == [
        "outsiders falls to photo-spoof together with faces-online,"
        " which was never answered (dropped)."
    ]


def test_one_standing_argument_is_enough_when_another_falls() -> None:
    # outsiders falls to no-figures (dropped); cheaper is never answered and stands.
    burden = judged(["outsiders", "no-figures", "cheaper", "-"])
    labels = {a.premises: a.label for a in burden.arguments}
    assert labels == {("outsiders",): Label.OUT, ("cheaper",): Label.IN}
    assert burden.decision is Decision.BURDEN_CARRIED and burden.winner is Side.PRO


def test_a_fallen_motion_loses_under_either_judge_even_with_a_standing_argument() -> None:
    # cheaper stands (dropped), but misreads attacks the motion and is dropped too.
    for judge in Judge:
        verdict = judged(["cheaper", "misreads", "-", "-"], judge)
        assert verdict.decision is Decision.MOTION_FALLS and verdict.winner is Side.CON
        assert verdict.explanation.rule[1:] == ()  # both judges agree: nothing to add


def test_a_standing_argument_carries_the_motions_own_counter_attack() -> None:
    # m and a attack each other; p supports m. Alone, m and a would be undecided,
    # but a standing reason for m carries m's attack on a (the supported attack of
    # docs/analysis.md): a falls, m stands, and p stands with it. Pro wins either way.
    m = build([("ra", A, "a", "m"), ("rm", A, "m", "a"), ("rp", S, "p", "m")], ["m", "a", "p"])
    for judge in Judge:
        verdict = judged(["p", "a", "-", "-"], judge, m)
        assert verdict.status.grounded == "in" and verdict.winner is Side.PRO
    assert "a falls to m." in said(judged(["p", "a", "-", "-"], the_map=m).explanation.fall)


def test_draws_undecided_motion_or_undecided_arguments() -> None:
    # p supports m and stands; a attacks m; b and a attack each other: a is
    # undecided, so m is undecided too. An argument stands, the motion does not: no winner.
    m = build(
        [("rp", S, "p", "m"), ("ra", A, "a", "m"), ("rb", A, "b", "a"), ("rc", A, "a", "b")],
        ["m", "p", "a", "b"],
    )
    verdict = judged(["p", "a", "b", "-"], the_map=m)
    assert verdict.status.grounded == "undec" and verdict.decision is Decision.BURDEN_OPEN
    assert verdict.winner is None
    assert said(verdict.explanation.undecided)[0] == (
        "m is undecided: a attacks it and is undecided in turn (the attacks run in a circle)."
    )
    assert said(verdict.explanation.rule)[0] == (
        "Burden of proof: the motion is undecided, so neither side wins."
    )
    # p and a attack each other; the motion stands, its only argument is undecided.
    m = build([("ra", A, "a", "p"), ("rm", A, "p", "a"), ("rp", S, "p", "m")], ["m", "a", "p"])
    verdict = judged(["p", "a", "-", "-"], the_map=m)
    assert verdict.status.grounded == "in" and verdict.decision is Decision.BURDEN_OPEN
    assert verdict.winner is None
    assert judged(["p", "a", "-", "-"], Judge.SEMANTICS, m).winner is Side.PRO
    # The motion undecided and its only argument fallen: Con wins under the burden.
    m = build(
        [("ra", A, "a", "m"), ("rm", A, "m", "a"), ("rp", S, "p", "m"), ("rb", A, "b", "p")],
        ["m", "a", "p", "b"],
    )
    verdict = judged(["p", "b", "-", "a"], the_map=m)
    assert verdict.status.grounded == "undec" and verdict.decision is Decision.CASE_FALLS
    assert verdict.winner is Side.CON


def test_an_undercut_of_an_attack_defends_the_claim_it_attacked() -> None:
    # Con: a attacks m; Pro: u undercuts that attack (dropped); Pro never argued for m.
    m = build([("ra", A, "a", "m"), ("ru", U, "u", "ra")], ["m", "a", "u"])
    verdict = play(m, ["a", "u"], Side.CON)
    assert (
        said(verdict.explanation.stand)[0]
        == "m stands, defended by u, which undercuts the attack of a."
    )
    assert (
        "a stands: nothing played attacks it; its attack on m does not count: it is undercut"
        " by u, which stands." in said(verdict.explanation.stand)
    )
    assert verdict.decision is Decision.NO_CASE


def test_the_issue_round_on_the_bundled_map() -> None:
    # Issue 18 as reported: fraud-thesis for face-access, no-fraud-figures against it.
    bundled = load_map(Path(__file__).resolve().parents[2] / "arguments" / "face-at-the-door.yaml")
    assert bundled.map is not None
    moves = ["fraud-thesis", "no-fraud-figures", "-", "-"]
    semantics = judged(moves, Judge.SEMANTICS, bundled.map)
    burden = judged(moves, Judge.BURDEN, bundled.map)
    assert semantics.status.grounded == "in" and semantics.winner is Side.PRO
    assert burden.decision is Decision.CASE_FALLS and burden.winner is Side.CON
    assert "fraud-thesis falls to no-fraud-figures, which was never answered (dropped)." in said(
        burden.explanation.fall
    )
