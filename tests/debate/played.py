"""Rounds played move by move for the debate tests, and their sentences in plain words."""

from __future__ import annotations

from argmap.debate.adjudication import Adjudication, adjudicate
from argmap.debate.round import Judge, Round, settings_for
from argmap.debate.wording import Sentence, plain
from argmap.model import Map
from argmap.sides import Side


def play(
    the_map: Map, moves: list[str], first: Side = Side.PRO, judge: Judge = Judge.BURDEN
) -> Adjudication:
    """Play the moves in turn (`-` passes) and judge the round."""
    rnd = Round(the_map, settings_for(the_map, first=first, judge=judge))
    for claim_id in moves:
        if claim_id == "-":
            rnd.pass_turn()
        else:
            rnd.play(rnd.reply_for(claim_id))
    return adjudicate(rnd)


def said(sentences: tuple[Sentence, ...]) -> list[str]:
    return [plain(s) for s in sentences]
