"""The state of a debate round: who is on turn, what was played, when it ends.

A `Round` only records moves; it never looks at the clock itself (the
caller measures each turn with `argmap.debate.clock` and passes the seconds
in) and never adjudicates (see `argmap.debate.adjudication`). So the plain
mode, the TUI and the tests drive exactly the same object.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from argmap.debate.clock import is_over_time
from argmap.debate.rules import Reply, distinct_moves, legal_replies, replies_to, reply_through
from argmap.model import Map
from argmap.sides import Side

DEFAULT_TURNS = 6


class Judge(StrEnum):
    """How the map decides the round (`argmap round --judge`)."""

    BURDEN = "burden"  # the proposition must carry the motion with an argument that stands
    SEMANTICS = "semantics"  # the motion's grounded label alone

    @property
    def phrase(self) -> str:
        return "the burden of proof" if self is Judge.BURDEN else "the semantics alone"


class RoundError(ValueError):
    """A move the rules do not allow, or settings the map cannot honour."""


@dataclass(frozen=True, slots=True)
class RoundSettings:
    motion: str
    first: Side = Side.PRO
    turns: int = DEFAULT_TURNS  # in all, both sides together
    seconds: float = 0.0  # per turn; 0 = untimed
    names: Mapping[Side, str] = field(default_factory=dict)
    judge: Judge = Judge.BURDEN

    def name(self, side: Side) -> str:
        return self.names.get(side) or side.title

    def who(self, side: Side) -> str:
        """`Pro (Ana)` when the debater gave a name, else just `Pro`."""
        name = self.names.get(side)
        return f"{side.title} ({name})" if name else side.title


@dataclass(frozen=True, slots=True)
class Turn:
    """One turn as it happened; `reply` is None for a pass (or a forfeited move)."""

    number: int
    side: Side
    reply: Reply | None
    wording: str = ""
    seconds: float = 0.0
    over_time: bool = False
    attempted: Reply | None = None  # the move made over time, which did not count

    @property
    def passed(self) -> bool:
        return self.reply is None


def settings_for(the_map: Map, motion: str | None = None, **kwargs: object) -> RoundSettings:
    """Settings with the motion checked against the map (default: its first thesis)."""
    chosen = motion or (the_map.theses[0] if the_map.theses else None)
    if chosen is None or chosen not in the_map.claims_by_id:
        known = ", ".join(the_map.theses) or "none"
        raise RoundError(f"no claim {chosen!r} in the map to debate (its theses: {known})")
    turns = kwargs.get("turns", DEFAULT_TURNS)
    if not isinstance(turns, int) or turns < 1:
        raise RoundError("a round needs at least one turn")
    seconds = kwargs.get("seconds", 0.0)
    if not isinstance(seconds, int | float) or seconds < 0:
        raise RoundError("the time per turn cannot be negative")
    return RoundSettings(motion=chosen, **kwargs)  # type: ignore[arg-type]


@dataclass
class Round:
    map: Map
    settings: RoundSettings
    turns: list[Turn] = field(default_factory=list)
    ended_early: bool = False
    started: datetime = field(default_factory=lambda: datetime.now().astimezone())

    # -- state --------------------------------------------------------------------------------

    @property
    def played(self) -> dict[str, Side]:
        """Every claim in play and the side that played it (the motion is Pro's)."""
        owners = {self.settings.motion: Side.PRO}
        for turn in self.turns:
            if turn.reply is not None:
                for claim_id in turn.reply.claims:
                    owners[claim_id] = turn.side
        return owners

    @property
    def side_on_turn(self) -> Side:
        first = self.settings.first
        return first if len(self.turns) % 2 == 0 else first.other

    @property
    def turn_number(self) -> int:
        return len(self.turns) + 1

    @property
    def over(self) -> bool:
        if self.ended_early or len(self.turns) >= self.settings.turns:
            return True
        return len(self.turns) >= 2 and self.turns[-1].passed and self.turns[-2].passed

    def last_move(self, side: Side) -> Turn | None:
        """The last turn in which `side` actually played a claim."""
        for turn in reversed(self.turns):
            if turn.side is side and turn.reply is not None:
                return turn
        return None

    def replies(self) -> list[Reply]:
        """What the side on turn may play, each move once (see `distinct_moves`)."""
        return distinct_moves(legal_replies(self.map, self.played, self.side_on_turn))

    def replies_to_last(self) -> list[Reply]:
        """The legal replies that answer what the other side played last."""
        last = self.last_move(self.side_on_turn.other)
        if last is None or last.reply is None:
            return []
        return replies_to(self.map, self.replies(), last.reply.claims)

    def reply_for(self, claim_id: str) -> Reply:
        """The move playing `claim_id` now, preferring an answer to the opponent's last move."""
        if claim_id not in self.map.claims_by_id:
            raise RoundError(f"no claim {claim_id!r} in the map")
        if claim_id in self.played:
            raise RoundError(f"{claim_id!r} has already been played")
        # Every premise may name a linked move, so the full list, not the distinct moves.
        legal = legal_replies(self.map, self.played, self.side_on_turn)
        last = self.last_move(self.side_on_turn.other)
        answers = replies_to(self.map, legal, last.reply.claims) if last and last.reply else []
        for reply in (*answers, *legal):
            if reply.claim_id == claim_id:
                return reply
        raise RoundError(
            f"{claim_id!r} does not answer anything in play for "
            f"{self.side_on_turn.title}: it must attack the other side's claims, "
            "undercut their links, or support your own"
        )

    # -- moves --------------------------------------------------------------------------------

    def _check_open(self) -> None:
        if self.over:
            raise RoundError("the round is over")

    def play(self, reply: Reply, wording: str = "", seconds: float = 0.0) -> Turn:
        """Record a move; over the time limit it is kept as an attempt and counts as a pass."""
        self._check_open()
        relation = self.map.relations_by_id.get(reply.relation_id)
        side = self.side_on_turn
        checked = (
            None
            if relation is None
            else reply_through(self.map, relation, reply.claim_id, self.played, side)
        )
        if checked != reply:
            raise RoundError(f"{side.title} cannot play {reply.claim_id!r} now")
        wording = " ".join(wording.split())
        if is_over_time(seconds, self.settings.seconds):
            turn = Turn(
                self.turn_number, side, None, wording, seconds, over_time=True, attempted=reply
            )
        else:
            turn = Turn(self.turn_number, side, reply, wording, seconds)
        self.turns.append(turn)
        return turn

    def pass_turn(self, seconds: float = 0.0) -> Turn:
        self._check_open()
        turn = Turn(
            self.turn_number,
            self.side_on_turn,
            None,
            "",
            seconds,
            over_time=is_over_time(seconds, self.settings.seconds),
        )
        self.turns.append(turn)
        return turn

    def end(self) -> None:
        """Stop before the last turn (both debaters agree, or the input ran out)."""
        self.ended_early = True
