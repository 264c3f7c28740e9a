"""The flow of a round as it is played, and the verdict at its end.

Both only present what `argmap.debate` computed: the moves are announced with
`argmap.debate.wording` (linked premises together), the verdict is the
adjudication's `Explanation`. Claim texts, ids and debaters' wording are map
or user text: they go through `argmap_tui.text` and are shown literally.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from argmap.debate.adjudication import Adjudication
from argmap.debate.plain import winner_line
from argmap.debate.round import Round, Turn
from argmap.debate.wording import Ref, Sentence, move, premises, verb
from argmap.sides import Side
from argmap_tui.text import assemble

SIDE_STYLES = {Side.PRO: "bold green", Side.CON: "bold red"}
REF_STYLE = "bold"


def sentence_text(sentence: Sentence) -> Text:
    """A sentence of the round with its claim ids in bold."""
    return assemble(
        *(part if isinstance(part, str) else (part.claim_id, REF_STYLE) for part in sentence)
    )


def turn_text(rnd: Round, turn: Turn) -> Text:
    head = (f"{turn.number}. {turn.side.title}", SIDE_STYLES[turn.side])
    if turn.over_time and turn.attempted is not None:
        return assemble(
            head,
            " tried ",
            (turn.attempted.claim_id, REF_STYLE),
            " over time: it does not count",
        )
    if turn.reply is None:
        return assemble(head, " passed" + (" (over time)" if turn.over_time else ""))
    reply = turn.reply
    out = assemble(head, " plays ", sentence_text(move(rnd.map, reply.claims, reply.relation_id)))
    for claim_id in reply.claims:
        out.append_text(assemble("\n   ", rnd.map.claims_by_id[claim_id].text))
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


def verdict_text(rnd: Round, judged: Adjudication) -> Text:
    """The result screen: who wins and by which rule, why in sentences, the missed chances."""
    winner = judged.winner
    out = assemble(
        (winner_line(rnd, judged), SIDE_STYLES[winner] if winner else "bold"),
        "\n",
        ("Given only the claims played, " + judged.status.summary + ".", "dim"),
    )
    for heading, sentences in judged.explanation.sections():
        out.append_text(assemble("\n\n", (heading, "bold underline")))
        for sentence in sentences:
            out.append_text(assemble("\n• ", sentence_text(sentence)))
    out.append_text(assemble("\n\n", ("Missed chances", "bold underline")))
    if not judged.missed:
        out.append_text(assemble("\nNo single unplayed claim would have changed the result."))
    for chance in judged.missed:
        claims = (chance.claim_id, *chance.together)
        side = chance.side.title if chance.side else "no side"
        out.append_text(
            assemble(
                "\n• ",
                sentence_text(premises(claims)),
                f" ({side}) {verb(chance.type, len(claims) > 1)} ",
                sentence_text((Ref(chance.target),)),
                f": then {chance.outcome}.",
            )
        )
    return out


class RoundFlow(Static):
    """The moves so far, newest last."""

    def show(self, rnd: Round) -> None:
        self.update(flow_text(rnd))
