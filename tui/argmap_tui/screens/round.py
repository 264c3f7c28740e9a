"""The debate round screen: two debaters at one keyboard, the map as judge.

It drives the same `Round` as `argmap round --plain`. The side on turn picks
a move from the list (answers to the other side's last move first), can
search its moves by words and add its own wording. The clock follows
`argmap.debate.clock`: when the time per turn runs out the turn ends as a
pass. At the end the map's verdict is computed in a worker thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult, UnknownModeError
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from argmap.context import Context
from argmap.debate.adjudication import Adjudication, adjudicate
from argmap.debate.clock import Now, TurnClock
from argmap.debate.plain import describe_reply, together_with
from argmap.debate.round import Judge, Round, RoundSettings, settings_for
from argmap.debate.rules import Reply, no_match, search_replies
from argmap.display import shorten
from argmap.model import Map
from argmap_tui.text import assemble, literal, literal_line
from argmap_tui.widgets.round_flow import RoundFlow, verdict_text

if TYPE_CHECKING:
    from argmap_tui.app import ArgmapApp

ROUND_MODE = "round"
STYLES = Path(__file__).resolve().parent.parent / "styles" / "round.tcss"
TICK_SECONDS = 0.25
NO_MOVE_OPEN = "No move is open to you: pass (ctrl+n) or end (ctrl+e)."


class RoundScreen(Screen[None]):
    """Flow on the left; search, moves and wording on the right; the verdict at the end."""

    CSS_PATH = STYLES

    BINDINGS = [
        Binding(
            "ctrl+n", "pass_turn", "Pass", priority=True, tooltip="pass this turn without playing"
        ),
        Binding(
            "ctrl+e",
            "end_round",
            "End round",
            priority=True,
            tooltip="end the round now and let the map judge",
        ),
        Binding(
            "ctrl+s",
            "save",
            "Save transcript",
            priority=True,
            tooltip="save the round as a Markdown transcript (after the round)",
        ),
        Binding(
            "ctrl+f",
            "search",
            "Search",
            priority=True,
            tooltip="search the moves you may make by words",
        ),
        Binding("escape", "leave", "Leave", tooltip="leave the round"),
    ]

    def __init__(self, rnd: Round, transcript: Path | None = None, now: Now | None = None) -> None:
        super().__init__()
        self.rnd = rnd
        self.transcript = transcript
        self.clock = (
            TurnClock(rnd.settings.seconds, now) if now else TurnClock(rnd.settings.seconds)
        )
        self.listed: list[Reply] = []
        self.verdict: Adjudication | None = None
        self.saved_to: Path | None = None

    def compose(self) -> ComposeResult:
        yield Static(literal(f"Debate round: {self.rnd.map.title}"), id="title-bar")
        yield Static("", id="round-status")
        with Horizontal(id="round-panes"):
            with VerticalScroll(id="round-flow-scroll"):
                yield RoundFlow(id="round-flow")
            with Vertical(id="round-play"):
                yield Static("", id="round-last")
                yield Input(placeholder="Search your moves by words", id="round-search")
                yield Static("", id="round-moves-heading")
                yield OptionList(id="round-moves")
                yield Input(
                    placeholder="Your own wording (optional), then pick a move", id="round-wording"
                )
            with VerticalScroll(id="round-result-scroll"):
                yield Static("", id="round-result")
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(TICK_SECONDS, self._tick)
        self._start_turn()

    # -- turns --------------------------------------------------------------------------------

    def _start_turn(self) -> None:
        self.query_one(RoundFlow).show(self.rnd)
        self.query_one("#round-flow-scroll", VerticalScroll).scroll_end(animate=False)
        if self.rnd.over:
            self._finish()
            return
        self.query_one("#round-search", Input).value = ""
        self.query_one("#round-wording", Input).value = ""
        side = self.rnd.side_on_turn
        last = self.rnd.last_move(side.other)
        if last is not None and last.reply is not None:
            claim = self.rnd.map.claims_by_id[last.reply.claim_id]
            self.query_one("#round-last", Static).update(
                literal_line(
                    f"{side.other.title} played last: {claim.text}" + together_with(last.reply)
                )
            )
        else:
            self.query_one("#round-last", Static).update("")
        answers = self.rnd.replies_to_last()
        if answers:
            self._list("Answers to what they played last (or search for other moves):", answers)
        else:
            self._list("Moves you may make:", self.rnd.replies())
        self.clock.start()
        self._update_status()
        self.query_one("#round-moves", OptionList).focus()

    def _list(self, heading: str, replies: list[Reply], empty: str = "") -> None:
        """Show `replies` under `heading`; `empty` says why there are none (no move open
        unless told otherwise)."""
        self.listed = list(replies)
        moves = self.query_one("#round-moves", OptionList)
        moves.clear_options()
        moves.add_options(
            [
                Option(literal_line(describe_reply(self.rnd, r)), id=str(i))
                for i, r in enumerate(replies)
            ]
        )
        if replies:
            moves.highlighted = 0
        text = heading if replies else empty or NO_MOVE_OPEN
        self.query_one("#round-moves-heading", Static).update(literal(text))

    def _update_status(self) -> None:
        rnd = self.rnd
        if self.verdict is not None or rnd.over:
            text = f"Round over after {len(rnd.turns)} turns"
        else:
            side = rnd.side_on_turn
            text = (
                f"Turn {rnd.turn_number} of {rnd.settings.turns}: {rnd.settings.who(side)} to play"
            )
            left = self.clock.remaining()
            if left is not None:
                text += f"   {left:.0f} s left"
        text += f"   judged by {rnd.settings.judge.phrase}"
        self.query_one("#round-status", Static).update(literal(text))

    def _tick(self) -> None:
        if self.rnd.over or not self.clock.running:
            return
        if self.clock.over_time():
            side = self.rnd.side_on_turn
            self.rnd.pass_turn(self.clock.stop())
            self.notify(f"{side.title} ran out of time: the turn is a pass.", markup=False)
            self._start_turn()
            return
        self._update_status()

    def play(self, reply: Reply) -> None:
        """Play a move with the wording typed so far (used by the list and the tests)."""
        if self.rnd.over:
            return
        wording = self.query_one("#round-wording", Input).value
        turn = self.rnd.play(reply, wording, self.clock.stop())
        if turn.over_time:
            self.notify("Over time: the move does not count, the turn is a pass.", markup=False)
        self._start_turn()

    @on(OptionList.OptionSelected, "#round-moves")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.listed):
            self.play(self.listed[event.option_index])

    @on(Input.Changed, "#round-search")
    def _search(self, event: Input.Changed) -> None:
        if self.rnd.over:
            return
        query = event.value.strip()
        if not query:
            answers = self.rnd.replies_to_last()
            if answers:
                self._list("Answers to what they played last:", answers)
            else:
                self._list("Moves you may make:", self.rnd.replies())
            return
        open_moves = self.rnd.replies()
        found = search_replies(self.rnd.map, open_moves, query)
        if open_moves:
            empty = f"{no_match(query, len(open_moves))}: change the words or clear the search."
        else:
            empty = f"{no_match(query, 0)}: pass (ctrl+n) or end (ctrl+e)."
        self._list(f"Moves matching {query!r}:", found, empty)

    @on(Input.Submitted, "#round-search")
    def _search_done(self) -> None:
        self.query_one("#round-moves", OptionList).focus()

    @on(Input.Submitted, "#round-wording")
    def _wording_done(self) -> None:
        moves = self.query_one("#round-moves", OptionList)
        if moves.highlighted is not None and moves.highlighted < len(self.listed):
            self.play(self.listed[moves.highlighted])

    # -- the end --------------------------------------------------------------------------------

    def _finish(self) -> None:
        self.clock.stop()
        self.add_class("-over")
        self._update_status()
        self.query_one("#round-result", Static).update(literal("The map is judging the round…"))
        self.query_one("#round-result-scroll", VerticalScroll).focus()  # arrows scroll the verdict
        # The flow pane narrows now, so its text rewraps taller: scroll once that is laid out.
        flow = self.query_one("#round-flow-scroll", VerticalScroll)
        self.call_after_refresh(flow.scroll_end, animate=False)
        self.judge()

    @work(thread=True, exclusive=True, group="round-verdict")
    def judge(self) -> None:
        verdict = adjudicate(self.rnd)
        self.app.call_from_thread(self._show_verdict, verdict)

    def _show_verdict(self, verdict: Adjudication) -> None:
        self.verdict = verdict
        text = verdict_text(self.rnd, verdict)
        if self.transcript is not None:
            text.append_text(assemble("\n\n", self._save(self.transcript)))
        else:
            text.append_text(
                assemble("\n\n", ("ctrl+s saves a Markdown transcript; escape leaves.", "dim"))
            )
        self.query_one("#round-result", Static).update(text)
        self._update_status()

    def _save(self, path: Path) -> str:
        from argmap.atomic_write import write_atomically
        from argmap.debate.transcript import render_transcript

        if self.verdict is None:
            return "The verdict is not ready yet."
        try:
            write_atomically(path, render_transcript(self.rnd, self.verdict))
        except OSError as exc:
            message = f"Could not save the transcript to {path}: {exc.strerror or exc}"
            self.notify(message, severity="error", markup=False)
            return message
        self.saved_to = path
        self.notify(f"Transcript saved to {path}", markup=False)
        return f"Transcript saved to {path}."

    # -- keys -----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"pass_turn", "end_round", "search"}:
            return not self.rnd.over
        if action == "save":
            return self.verdict is not None
        return True

    def action_pass_turn(self) -> None:
        if not self.rnd.over:
            self.rnd.pass_turn(self.clock.stop())
            self._start_turn()

    def action_end_round(self) -> None:
        if not self.rnd.over:
            self.rnd.end()
            self._start_turn()

    def action_search(self) -> None:
        self.query_one("#round-search", Input).focus()

    def action_save(self) -> None:
        path = self.transcript or Path(f"round-{self.rnd.map.id}-{datetime.now():%Y%m%d-%H%M%S}.md")
        self._save(path)

    def action_leave(self) -> None:
        app = self.app
        if app.current_mode == ROUND_MODE and "explore" in getattr(app, "MODES", {}):
            app.switch_mode("explore")
            app.call_later(app.remove_mode, ROUND_MODE)
        elif len(app.screen_stack) > 1:
            app.pop_screen()
        else:
            app.exit(0)


# How much of a thesis's text its choice in the motion setup shows.
MOTION_LABEL_CHARS = 52


class MotionSetup(ModalScreen[str | None]):
    """Choose the motion of a new round among the map's theses (R on a map with several)."""

    DEFAULT_CSS = """
    MotionSetup { align: center middle; }
    #motion-box { width: 70; max-width: 95%; height: auto; border: round $accent;
                  background: $surface; padding: 1 2; }
    #motion-box Select { width: 100%; margin-bottom: 1; }
    #motion-title { text-style: bold; margin-bottom: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="back without starting")]

    def __init__(self, theses: Sequence[tuple[str, str]]) -> None:
        """`theses`: (id, text) of each thesis, the first chosen to begin with."""
        super().__init__()
        self.theses = tuple(theses)

    def compose(self) -> ComposeResult:
        with Vertical(id="motion-box"):
            yield Static(literal("Start a debate round: the motion"), id="motion-title")
            yield Select(
                [
                    (literal_line(shorten(text, MOTION_LABEL_CHARS)), tid)
                    for tid, text in self.theses
                ],
                value=self.theses[0][0],
                allow_blank=False,
                id="motion-choice",
            )
            yield Button("Start", variant="primary", id="motion-start")

    @on(Button.Pressed, "#motion-start")
    def start(self) -> None:
        value = self.query_one("#motion-choice", Select).value
        self.dismiss(value if isinstance(value, str) else None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def open_round(
    app: ArgmapApp, settings: RoundSettings | None = None, transcript: Path | None = None
) -> None:
    """Show a round on the app's map: the one under way, or a new one.

    Without `settings` on a map with several theses, the debaters first choose
    the motion (`MotionSetup`); with one thesis, it is the motion.
    """
    try:
        app.switch_mode(ROUND_MODE)
        return
    except UnknownModeError:
        pass
    the_map = app.map
    judge = Judge(app.context.judge)  # the run's rule: `--judge` of the command that started it
    theses = [
        (t, the_map.claims_by_id[t].text) for t in the_map.theses if t in the_map.claims_by_id
    ]
    if settings is None and len(theses) > 1:

        def chosen(motion: str | None) -> None:
            if motion is not None:
                _start_round(app, settings_for(the_map, motion, judge=judge), transcript)

        app.push_screen(MotionSetup(theses), chosen)
        return
    _start_round(app, settings or settings_for(the_map, judge=judge), transcript)


def _start_round(app: ArgmapApp, settings: RoundSettings, transcript: Path | None) -> None:
    rnd = Round(app.map, settings)
    app.add_mode(ROUND_MODE, lambda: RoundScreen(rnd, transcript))
    app.switch_mode(ROUND_MODE)


def round_app(
    context: Context,
    the_map: Map,
    settings: RoundSettings,
    transcript: Path | None = None,
    **options: Any,
) -> ArgmapApp:
    """The full app, opened on a round (the explorer one key away)."""
    from argmap_tui.app import create_app

    def opening(app: ArgmapApp) -> None:
        open_round(app, settings, transcript)

    return create_app(context, the_map, opening=opening, **options)


def run_round_app(
    map_path: Path, the_map: Map, settings: RoundSettings, transcript: Path | None = None
) -> int:
    """`argmap round` without --plain; it has no `--data-dir`, so `S` inside uses the
    default data folder."""
    app = round_app(
        Context.make(map_path, judge=str(settings.judge)), the_map, settings, transcript
    )
    app.run()
    return int(app.return_code or 0)
