"""The round line by line on a plain terminal or a pipe (`argmap round --plain`).

Every prompt reads exactly one line, so a whole round can be scripted:

* a number picks from the list last shown; a claim id picks that claim;
* `all` lists every legal move, `pass` passes, `end` ends the round now,
  `help` shows these; any other text searches the legal moves by words;
* after a move, one more line gives the debater's own wording (empty keeps
  the map's).

End of input ends the round where it stands and still shows the result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from argmap.debate.adjudication import Adjudication, adjudicate
from argmap.debate.clock import TurnClock
from argmap.debate.round import Round, RoundError
from argmap.debate.rules import Reply, no_match, search_replies
from argmap.debate.transcript import clock_line
from argmap.debate.wording import Sentence, bears_on, listing, move, plain, premises, verb
from argmap.display import visible_line
from argmap.sides import Side

SHOWN = 12  # moves listed before "type words to search"

HELP = (
    "Type a number from the list, a claim id, or words to search the moves you may make;"
    " 'all' lists them all, 'pass' passes, 'end' ends the round."
)

Ask = Callable[[str], "str | None"]
Say = Callable[[str], None]


@dataclass
class PlainRound:
    rnd: Round
    ask: Ask  # shows a prompt, returns one line without its newline, None at end of input
    say: Say
    clock: TurnClock = field(default_factory=TurnClock)
    _listed: list[Reply] = field(default_factory=list)

    def run(self) -> Adjudication:
        rnd = self.rnd
        motion = rnd.map.claims_by_id[rnd.settings.motion]
        self.say(f"Motion: {visible_line(motion.text)} [{motion.id}]")
        self.say(
            f"Pro: {rnd.settings.name(Side.PRO)}   Con: {rnd.settings.name(Side.CON)}"
            f"   {rnd.settings.turns} turns, {clock_line(rnd)},"
            f" judged by {rnd.settings.judge.phrase}"
        )
        self.say(HELP)
        while not rnd.over:
            if not self._turn():
                rnd.end()
        judged = adjudicate(rnd)
        self.say("")
        self.say(render_result(rnd, judged))
        return judged

    # -- one turn -------------------------------------------------------------------------

    def _turn(self) -> bool:
        """Play one turn; False when the input ran out or the debaters ended the round."""
        rnd = self.rnd
        side = rnd.side_on_turn
        self.say("")
        self.say(
            f"Turn {rnd.turn_number} of {rnd.settings.turns}: "
            f"{rnd.settings.who(side)} to play"
            + (f", {rnd.settings.seconds:g} s" if rnd.settings.seconds > 0 else "")
        )
        last = rnd.last_move(side.other)
        if last is not None and last.reply is not None:
            claim = rnd.map.claims_by_id[last.reply.claim_id]
            self.say(
                f"{side.other.title} played last: {visible_line(claim.text)} [{claim.id}]"
                + together_with(last.reply)
            )
        self.clock.start()
        answers = rnd.replies_to_last()
        if answers:
            self._show("Answers to what they played last:", answers)
        else:
            self._show("Moves you may make:", rnd.replies())
        while True:
            line = self.ask(f"{side.title}> ")
            if line is None:
                return False
            choice = line.strip()
            if not choice:
                continue
            command = choice.casefold()
            if command == "end":
                self.clock.stop()
                return False
            if command == "help":
                self.say(HELP)
            elif command == "all":
                self._show("Moves you may make:", rnd.replies(), limit=None)
            elif command == "pass":
                turn = rnd.pass_turn(self.clock.stop())
                self.say(f"{side.title} passes" + (" (over time)." if turn.over_time else "."))
                return True
            else:
                reply = self._pick(choice)
                if reply is not None:
                    return self._play(reply)

    def _pick(self, choice: str) -> Reply | None:
        rnd = self.rnd
        if choice.isascii() and choice.isdigit():
            # Compared by length first: a line of 5,000 digits is no move, not a crash.
            if len(choice) <= 6 and 1 <= int(choice) <= len(self._listed):
                return self._listed[int(choice) - 1]
            shown = choice if len(choice) <= 6 else f"{choice[:6]}..."
            self.say(f"No move {shown} in the list; type 'all' to list every move.")
            return None
        if choice in rnd.map.claims_by_id:
            try:
                return rnd.reply_for(choice)
            except RoundError as exc:
                self.say(f"Cannot play that: {exc}.")
                return None
        open_moves = rnd.replies()
        found = search_replies(rnd.map, open_moves, choice)
        if found:
            self._show(f"Moves matching {choice!r}:", found, limit=None)
        elif open_moves:
            self.say(f"{no_match(choice, len(open_moves))}; type 'all' to list them.")
        else:
            self.say(f"{no_match(choice, 0)}: type 'pass' (or 'end').")
        return None

    def _play(self, reply: Reply) -> bool:
        wording = self.ask("Your wording (Enter keeps the map's): ")
        if wording is None:
            self.clock.stop()
            return False
        rnd = self.rnd
        side = rnd.side_on_turn
        turn = rnd.play(reply, wording, self.clock.stop())
        if turn.over_time:
            self.say(
                f"Over time ({turn.seconds:.0f} s of {rnd.settings.seconds:g} s): "
                "the move does not count, and the turn is a pass."
            )
        else:
            self.say(plain((f"{side.title} plays ", *announce(rnd, reply), ".")))
        return True

    def _show(self, title: str, replies: list[Reply], limit: int | None = SHOWN) -> None:
        self._listed = list(replies)
        if not replies:
            self.say("No move is open to you: type 'pass' (or 'end').")
            return
        self.say(title)
        shown = replies if limit is None else replies[:limit]
        for number, reply in enumerate(shown, 1):
            self.say(f"  {number}. {describe_reply(self.rnd, reply)}")
        if len(shown) < len(replies):
            self.say(f"  ... and {len(replies) - len(shown)} more: type words to search, or 'all'.")


def announce(rnd: Round, reply: Reply) -> Sentence:
    """A move with all its premises: `a together with b, which attack c`."""
    return move(rnd.map, reply.claims, reply.relation_id)


def together_with(reply: Reply) -> str:
    """` together with b and c` for a move of linked premises, else nothing."""
    return plain((" together with ", *listing(reply.together))) if reply.together else ""


def describe_reply(rnd: Round, reply: Reply) -> str:
    """One line of the list of moves: `[a] with [b] attack [c]: text of a`."""
    claim = rnd.map.claims_by_id[reply.claim_id]
    what = (
        *premises(reply.claims),
        " ",
        *bears_on(rnd.map, reply.relation_id, len(reply.claims) > 1),
    )
    return f"{plain(what, _bracketed)}: {visible_line(claim.text)}"


def _bracketed(claim_id: str) -> str:
    return f"[{claim_id}]"


def winner_line(rnd: Round, judged: Adjudication) -> str:
    """`Winner: Con (Ben), by the burden of proof.`"""
    winner = judged.winner
    who = rnd.settings.who(winner) if winner else "none"
    return f"Winner: {who}, by {judged.judge.phrase}."


def render_result(rnd: Round, judged: Adjudication) -> str:
    """The end-of-round summary as plain text: the flow, the verdict and why."""
    lines = ["Flow:"]
    if not judged.flow:
        lines.append("  (no move counted)")
    for entry in judged.flow:
        reply = entry.turn.reply
        assert reply is not None
        what = (
            *premises(reply.claims),
            " ",
            *bears_on(rnd.map, reply.relation_id, len(reply.claims) > 1),
        )
        answered = entry.answers or "DROPPED, it stands"
        lines.append(
            f"  {entry.turn.number}. {entry.turn.side.title} {plain(what)}; answered by: {answered}"
        )
    lines.append("")
    lines.append(f"Result: given only the claims played, {judged.status.summary}.")
    lines.append(winner_line(rnd, judged))
    for heading, sentences in judged.explanation.sections():
        lines.append(f"{heading}:")
        lines += [f"  - {plain(sentence)}" for sentence in sentences]
    if judged.missed:
        lines.append("Unplayed claims that would have changed the result:")
        for chance in judged.missed:
            side = chance.side.title if chance.side else "no side"
            claims = (chance.claim_id, *chance.together)
            lines.append(
                f"  {plain(premises(claims))} ({side}) {verb(chance.type, len(claims) > 1)} "
                f"{chance.target}: "
                f"then {chance.outcome}"
            )
    else:
        lines.append("No single unplayed claim would have changed the result.")
    return "\n".join(lines)
