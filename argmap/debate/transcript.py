"""The round as a Markdown transcript, for the coach to read after class.

Map text and debaters' own wording are data: they are flattened to one line
and the characters Markdown would read as markup are escaped, so a claim
such as `*all* | none` prints as written and cannot break the flow table.
"""

from __future__ import annotations

from argmap.debate.adjudication import Adjudication, MissedChance, outcome
from argmap.debate.round import Round, Turn
from argmap.debate.wording import Sentence, move, plain, premises, verb
from argmap.display import markdown_text
from argmap.sides import Side

md_text = markdown_text  # one rule for every Markdown argmap writes


def md_id(claim_id: str) -> str:
    return f"`{claim_id.replace('`', '')}`"


def md_sentence(sentence: Sentence) -> str:
    """A sentence of the round in Markdown: argmap's words as written, ids in backticks."""
    return plain(sentence, md_id)


def clock_line(rnd: Round) -> str:
    seconds = rnd.settings.seconds
    return f"{seconds:g} s per turn" if seconds > 0 else "untimed"


def describe_turn(rnd: Round, turn: Turn) -> str:
    """A turn in one Markdown line (without the list marker)."""
    name = rnd.settings.names.get(turn.side)
    who = f"**{turn.side.title}**" + (f" ({md_text(name)})" if name else "")
    took = f" ({turn.seconds:.0f} s)" if rnd.settings.seconds > 0 else ""
    if turn.over_time and turn.attempted is not None:
        return f"{who} tried {md_id(turn.attempted.claim_id)} over time{took}: it does not count"
    if turn.reply is None:
        return f"{who} passed{' over time' if turn.over_time else ''}{took}"
    reply = turn.reply
    texts = " / ".join(md_text(rnd.map.claims_by_id[c].text) for c in reply.claims)
    announced = md_sentence(move(rnd.map, reply.claims, reply.relation_id))
    return f"{who} plays {announced}{took}: {texts}"


def _missed_line(rnd: Round, chance: MissedChance) -> str:
    claim = rnd.map.claims_by_id[chance.claim_id]
    claims = (chance.claim_id, *chance.together)
    side = f"{chance.side.title} could have played it" if chance.side else "no side could play it"
    return (
        f"- {md_sentence(premises(claims))} {verb(chance.type, len(claims) > 1)} "
        f"{md_id(chance.target)}; {side}. Then {chance.outcome}. "
        f"*{md_text(claim.text)}*"
    )


def render_transcript(rnd: Round, judged: Adjudication) -> str:
    the_map = rnd.map
    motion = the_map.claims_by_id[rnd.settings.motion]
    lines = [
        f"# Debate round: {md_text(the_map.title)}",
        "",
        f"- **Motion** ({md_id(motion.id)}): {md_text(motion.text)}",
        f"- **Sides**: {md_text(rnd.settings.who(Side.PRO))} against "
        f"{md_text(rnd.settings.who(Side.CON))}; {rnd.settings.first.title} opened",
        f"- **Turns**: {len(rnd.turns)} of {rnd.settings.turns}, {clock_line(rnd)}"
        + ("; ended early" if rnd.ended_early else ""),
        f"- **Judged by**: {rnd.settings.judge.phrase} (`--judge {rnd.settings.judge.value}`)",
        f"- **Date**: {rnd.started:%Y-%m-%d %H:%M}",
        f"- **Map**: {md_id(the_map.id)}",
        "",
        "## Moves",
        "",
    ]
    if not rnd.turns:
        lines.append("No turn was played.")
    for turn in rnd.turns:
        lines.append(f"{turn.number}. {describe_turn(rnd, turn)}")
        if turn.wording:
            lines.append(f"   > In their words: {md_text(turn.wording)}")
    lines += [
        "",
        "## Flow",
        "",
        "| Turn | Side | Claim | Answered by | Status |",
        "|---:|---|---|---|---|",
    ]
    for entry in judged.flow:
        reply = entry.turn.reply
        assert reply is not None
        answered = entry.answers or "nobody"
        status = "dropped: it stands" if entry.dropped else "answered"
        lines.append(
            f"| {entry.turn.number} | {entry.turn.side.title} | "
            f"{md_sentence(premises(reply.claims))} | {answered} | {status} |"
        )
    winner = judged.winner
    verdict = (
        f"{md_text(rnd.settings.who(winner))} wins the round"
        if winner
        else outcome(None).capitalize()
    )
    lines += [
        "",
        "## Result",
        "",
        f"Given only the claims played, {judged.status.summary}.",
        "",
        f"**{verdict}**, judged by {judged.judge.phrase}.",
        "",
    ]
    for heading, sentences in judged.explanation.sections():
        lines += [f"### {heading}", ""]
        lines += [f"- {md_sentence(sentence)}" for sentence in sentences]
        lines.append("")
    lines += ["## What would have changed the result", ""]
    if judged.missed:
        lines += [_missed_line(rnd, chance) for chance in judged.missed]
    else:
        lines.append("No single unplayed claim would have changed the result.")
    return "\n".join(lines) + "\n"
