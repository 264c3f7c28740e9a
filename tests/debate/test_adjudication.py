"""The map's status of the motion on small maps worked out by hand.

Each map uses attacks, undercuts and linked premises, where any reading of
the map as a Dung framework agrees; supports only appear unattacked. These
rounds are judged by the semantics alone; the burden of proof, the default,
is in test_burden.py.
"""

from __future__ import annotations

from argmap.debate.adjudication import Preferred, adjudicate, motion_status, played_map
from argmap.debate.round import Judge, Round, settings_for
from argmap.sides import Side
from tests.debate.small_maps import A, S, build, chain, with_undercut_and_link


def run(
    the_map,
    moves: list[str],
    first: Side = Side.CON,
    turns: int = 6,
    judge: Judge = Judge.SEMANTICS,
) -> Round:
    rnd = Round(the_map, settings_for(the_map, first=first, turns=turns, judge=judge))
    for claim_id in moves:
        if claim_id == "-":
            rnd.pass_turn()
        else:
            rnd.play(rnd.reply_for(claim_id))
    return rnd


def test_an_unanswered_attack_is_dropped_and_defeats_the_motion() -> None:
    # Con: a attacks m. Pro passes. a is dropped, stands; m is out.
    judged = adjudicate(run(chain(), ["a", "-"]))
    assert judged.status.grounded == "out" and judged.status.preferred is Preferred.REJECTED
    assert judged.status.winner is Side.CON
    assert [e.turn.reply.claim_id for e in judged.dropped] == ["a"]
    # Pro could have saved the motion with b (b attacks a): a missed chance.
    assert [(c.claim_id, c.side, c.status.grounded) for c in judged.missed] == [
        ("b", Side.PRO, "in")
    ]


def test_answering_reinstates_the_motion_and_the_flow_records_who_answered() -> None:
    # a attacks m, b attacks a: m is defended, in. c (unplayed) would knock b out.
    judged = adjudicate(run(chain(), ["a", "b"]))
    assert judged.status.grounded == "in" and judged.status.preferred is Preferred.SCEPTICAL
    flow = {e.turn.reply.claim_id: e.answered_by for e in judged.flow}
    assert flow == {"a": (2,), "b": ()}
    assert [(c.claim_id, c.side, c.status.grounded) for c in judged.missed] == [
        ("c", Side.CON, "out")
    ]


def test_the_full_chain_leaves_nothing_to_change() -> None:
    judged = adjudicate(run(chain(), ["a", "b", "c"]))
    assert judged.status.grounded == "out"  # c beats b, so a stands and beats m
    assert judged.missed == ()


def test_an_undercut_cuts_the_link_not_the_premises() -> None:
    m = with_undercut_and_link()
    # Pro: x+y support m; Con: u undercuts that link; Pro passes; Con: a attacks m.
    rnd = run(m, ["x", "u", "-", "a"], first=Side.PRO)
    judged = adjudicate(rnd)
    flow = {e.turn.reply.claim_id: e.answered_by for e in judged.flow}
    assert flow == {"x": (2,), "u": (), "a": ()}
    assert judged.status.grounded == "out"
    assert rnd.played == {"m": Side.PRO, "x": Side.PRO, "y": Side.PRO, "u": Side.CON, "a": Side.CON}
    sub = played_map(m, rnd.played, "m")
    assert {r.id for r in sub.relations} == {"rxy", "ru", "ra"}


def test_a_two_cycle_is_undecided_under_grounded_and_credulous_under_preferred() -> None:
    # a attacks m; m attacks a (a mutual rebuttal): grounded undecided, m in one of
    # the two preferred extensions.
    m = build([("ra", A, "a", "m"), ("rm", A, "m", "a")], ["m", "a"])
    status = motion_status(m, {"m": Side.PRO, "a": Side.CON}, "m")
    assert status.grounded == "undec" and status.preferred is Preferred.CREDULOUS
    assert status.winner is None


def test_odd_cycle_rejects_the_motion_under_preferred() -> None:
    # m -> a -> b -> m (attacks): grounded undecided, in no preferred extension.
    m = build([("r1", A, "m", "a"), ("r2", A, "a", "b"), ("r3", A, "b", "m")], ["m", "a", "b"])
    status = motion_status(m, {"m": Side.PRO, "a": Side.CON, "b": Side.CON}, "m")
    assert status.grounded == "undec" and status.preferred is Preferred.REJECTED


def test_relations_only_count_between_played_claims() -> None:
    # c attacks m but was never played: the motion, only supported, stands.
    m = build([("rc", A, "c", "m"), ("rp", S, "p", "m")], ["m", "c", "p"])
    judged = adjudicate(run(m, ["p"], first=Side.PRO))
    assert judged.status.grounded == "in"
    assert [(c.claim_id, c.side, c.status.grounded) for c in judged.missed] == [
        ("c", Side.CON, "out")
    ]
