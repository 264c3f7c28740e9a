"""The verdict in sentences one level deeper: a reply that was itself answered.

The example map (arguments/example-smart-locks.yaml) holds the chain:
`photos-collected` attacks the motion `locks`, `data-protected` undercuts that
attack, `promise-unverifiable` undercuts the undercut. The why line of the
explorer says it in the same words (tests/analysis/test_explain.py).
"""

from __future__ import annotations

from pathlib import Path

from argmap.analysis.explain import explain_claims, sentences
from argmap.analysis.prepared import prepare
from argmap.debate.round import Judge
from argmap.loading import load_map
from argmap.model import Map
from argmap.sides import Side
from tests.debate.played import play, said
from tests.debate.small_maps import A, U, build

EXAMPLE = Path(__file__).resolve().parents[2] / "arguments" / "example-smart-locks.yaml"


def example() -> Map:
    result = load_map(EXAMPLE)
    assert result.map is not None
    return result.map


def test_the_privacy_attack_stands_because_its_reply_was_cut() -> None:
    # Pro argues for the motion; Con: the photos; Pro: the data is protected; Con: that
    # promise cannot be checked. Pro's reply is cut, so the privacy attack stands.
    moves = ["locks-stop-strangers", "photos-collected", "data-protected", "promise-unverifiable"]
    for judge in Judge:
        verdict = play(example(), moves, Side.PRO, judge)
        assert verdict.status.grounded == "out" and verdict.winner is Side.CON, judge
        assert said(verdict.explanation.fall) == [
            "locks falls to photos-collected (the reply data-protected is itself undercut by"
            " promise-unverifiable)."
        ]
        # Pro's reply stands as a claim, but its undercut does not count.
        assert (
            "data-protected stands: nothing played attacks it; its undercut of the attack of"
            " photos-collected does not count: it is itself undercut by promise-unverifiable,"
            " which stands." in said(verdict.explanation.stand)
        )
        assert "promise-unverifiable stands: nothing played attacks it." in said(
            verdict.explanation.stand
        )


def test_the_round_and_the_why_line_say_the_reply_in_the_same_words() -> None:
    m = example()
    verdict = play(
        m, ["photos-collected", "data-protected", "promise-unverifiable"], Side.CON, Judge.SEMANTICS
    )
    [fall] = verdict.explanation.fall
    [why] = sentences(m, explain_claims(m, prepare(m).framework)["locks"])
    # The why line names claims by their text, the round by their id: the words between,
    # argmap's own, are the same pieces in the same order.
    round_words = [s for s in fall if isinstance(s, str)]
    why_words = [text for text, is_claim in why.parts if not is_claim]
    reply = ["the reply ", " is itself undercut by "]
    assert [w for w in round_words if w in reply] == reply
    assert [w for w in why_words if w in reply] == reply


def test_a_defence_whose_reply_falls_and_a_standing_attack_whose_reply_falls() -> None:
    # m <-attack- a; u undercuts that attack; v undercuts the undercut; w attacks v.
    m = build(
        [("ra", A, "a", "m"), ("ru", U, "u", "ra"), ("rv", U, "v", "ru"), ("rw", A, "w", "v")],
        ["m", "a", "u", "v", "w"],
    )
    # Con: a; Pro: u; Con: v; Pro: w. v falls to w, so u's undercut acts again and m stands.
    verdict = play(m, ["a", "u", "v", "w"], Side.CON, Judge.SEMANTICS)
    assert verdict.status.grounded == "in"
    assert said(verdict.explanation.stand)[0] == (
        "m stands, defended by u, which undercuts the attack of a (the reply v falls)."
    )
    assert "v falls to w, which was never answered (dropped)." in said(verdict.explanation.fall)
    # a still stands as a claim; its attack is cut, and the verdict says so.
    assert (
        "a stands: nothing played attacks it; its attack on m does not count: it is undercut"
        " by u, which stands." in said(verdict.explanation.stand)
    )
    # No reply at all: the old sentence, word for word.
    plain_round = play(m, ["a", "-"], Side.CON, Judge.SEMANTICS)
    assert said(plain_round.explanation.fall) == [
        "m falls to a, which was never answered (dropped)."
    ]
