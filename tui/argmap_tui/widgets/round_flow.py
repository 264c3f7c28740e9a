"""The flow of a round as it is played: each move, who played it, what it answers.

Debaters' wording and claim texts are map or user text: they go through
`tui.text` and are shown literally.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from argmap.debate.round import Round, Turn
from argmap.sides import Side
from argmap_tui.text import assemble

SIDE_STYLES = {Side.PRO: "bold green", Side.CON: "bold red"}


def turn_text(rnd: Round, turn: Turn) -> Text:
    head = (f"{turn.number}. {turn.side.title}", SIDE_STYLES[turn.side])
    if turn.over_time and turn.attempted is not None:
        return assemble(head, f" tried [{turn.attempted.claim_id}] over time: it does not count")
    if turn.reply is None:
        return assemble(head, " passed" + (" (over time)" if turn.over_time else ""))
    reply = turn.reply
    claim = rnd.map.claims_by_id[reply.claim_id]
    together = f" with {', '.join(reply.together)}" if reply.together else ""
    out = assemble(
        head, f" [{reply.claim_id}]{together} {reply.verb} [{reply.target}]\n   ", claim.text
    )
    if turn.wording:
        out.append_text(assemble("\n   ", ("“" + turn.wording + "”", "italic")))
    return out


def flow_text(rnd: Round) -> Text:
    motion = rnd.map.claims_by_id[rnd.settings.motion]
    out = assemble(("Motion ", "bold"), f"[{motion.id}] ", motion.text)
    if not rnd.turns:
        out.append_text(assemble("\n\n", ("No move yet.", "dim")))
    for turn in rnd.turns:
        out.append("\n\n")
        out.append_text(turn_text(rnd, turn))
    return out


class RoundFlow(Static):
    """The moves so far, newest last."""

    def show(self, rnd: Round) -> None:
        self.update(flow_text(rnd))
