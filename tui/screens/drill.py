"""The drill screen: a question, then its feedback and explanation, then the next.

It drives the same `DrillSession` as `argmap drill --plain`; every answer is
saved by the session before its feedback appears. The screen lives in its own
app mode ("drill"), so `o` can show the answer in the explorer and `d` there
comes back to the same session.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult, UnknownModeError
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Select, Static

from argmap.grading import Verdict
from argmap.model import Map
from argmap.training.questions import Question
from argmap.training.session import (
    AskAgain,
    DrillSession,
    Feedback,
    HintGiven,
    Overridden,
    SessionOptions,
)
from tui.text import assemble, literal
from tui.widgets.question import QuestionView

if TYPE_CHECKING:
    from tui.app import ArgmapApp

DRILL_MODE = "drill"
STYLES = Path(__file__).resolve().parent.parent / "styles" / "drill.tcss"


# The headline's style by verdict: only `correct` is green, so "Partly right" never
# looks like a pass; a skip is neither.
HEADLINE_STYLES = {
    Verdict.CORRECT: "bold green",
    Verdict.PARTIAL: "bold yellow",
    Verdict.CONTRADICTORY: "bold red",
    Verdict.INCORRECT: "bold red",
}
SKIPPED_STYLE = "bold"
OVERRIDE_KEYS = "r: I did make that point   p: partly   w: no, I did not"


def feedback_text(feedback: Feedback) -> Text:
    """The feedback as literal text; only the headline is styled."""
    lines = feedback.lines()
    style = (SKIPPED_STYLE if feedback.grade is None
             else HEADLINE_STYLES[feedback.grade.verdict])
    out = assemble((lines[0], style))
    for line in lines[1:]:
        out.append("\n")
        out.append_text(literal(line))
    return out


class DrillScreen(Screen[None]):
    """Question, answer line, feedback; `n` for the next one, `o` to see it in the map."""

    CSS_PATH = STYLES

    BINDINGS = [
        Binding("n", "next", "Next", tooltip="next question (after the feedback)"),
        Binding("o", "open_in_map", "Show in map",
                tooltip="open the answer's claim in the explorer"),
        Binding("r", "override('correct')", "I was right",
                tooltip="I did make that point: count the answer as right"),
        Binding("p", "override('partial')", "Partly",
                tooltip="I made part of the point: count the answer as partly right"),
        Binding("w", "override('incorrect')", "I was wrong",
                tooltip="I did not make the point: count the answer as wrong"),
        Binding("escape", "leave", "Leave", tooltip="leave the drills (progress is saved)"),
    ]

    def __init__(self, session: DrillSession) -> None:
        super().__init__()
        self.session = session
        self.question: Question | None = None
        self.feedback: Feedback | None = None
        self.number = 0
        self.finished = False
        self._shown_at = 0.0

    def compose(self) -> ComposeResult:
        yield Static(literal(f"Drills: {self.session.map.title}"), id="title-bar")
        yield Static("", id="drill-status")
        yield VerticalScroll(id="drill-body")
        yield Footer()

    async def on_mount(self) -> None:
        if self.session.time_limit is not None:
            self.set_interval(1.0, self._tick)
        report = self.session.progress.damage_report() if self.session.progress else None
        if report is not None:
            self.notify(report, title="Damaged progress rows", severity="warning",
                        markup=False, timeout=15)
        await self.next_question()

    # -- flow -------------------------------------------------------------------------------

    async def next_question(self) -> None:
        body = self.query_one("#drill-body", VerticalScroll)
        await body.remove_children()
        self.feedback = None
        self.question = None if self.finished else self.session.next_question()
        if self.question is None:
            await self.finish()
            return
        self.number += 1
        of = "" if self.session.time_limit is not None else f" of {self.session.total}"
        heading = f"Question {self.number}{of}: {self.question.drill.title}"
        await body.mount(QuestionView(self.question, heading, id="question"))
        self._shown_at = time.monotonic()
        self._update_status()

    @on(QuestionView.Answered)
    def _answered(self, event: QuestionView.Answered) -> None:
        if self.question is None:
            return
        from argmap.training.progress import ProgressError

        view = self.query_one(QuestionView)
        try:
            outcome = self.session.answer(self.question, event.line,
                                          time.monotonic() - self._shown_at)
        except ProgressError as exc:
            self.notify(str(exc), title="Your answer was not saved", severity="error",
                        markup=False, timeout=15)
            view.reopen()
            return
        if isinstance(outcome, HintGiven):
            view.show_hint(outcome.struck, outcome.message)
            return
        if isinstance(outcome, AskAgain):
            view.ask_again(outcome.message)
            return
        if isinstance(outcome, Overridden):  # "/right" typed for the previous answer
            self.notify(outcome.message, markup=False)
            view.reopen()
            return
        self.feedback = outcome
        body = self.query_one("#drill-body", VerticalScroll)
        body.mount(Static(feedback_text(self.feedback), id="feedback"))
        keys = "n: next question   o: show in the map   escape: leave"
        if self.feedback.can_override:
            keys = f"Grade wrong? {OVERRIDE_KEYS}\n{keys}"
        body.mount(Static(literal(keys), id="feedback-keys"))
        self.set_focus(None)  # the feedback keys (n, o, r, p, w) now reach the screen
        body.scroll_end(animate=False)
        self.refresh_bindings()
        self._update_status()

    def action_override(self, verdict: str) -> None:
        """The student's own verdict on the grade just shown (Anki's way)."""
        if self.feedback is None or not self.feedback.can_override:
            return
        from argmap.training.progress import ProgressError

        try:
            outcome = self.session.override(Verdict(verdict))
        except ProgressError as exc:
            self.notify(str(exc), title="Your correction was not saved", severity="error",
                        markup=False, timeout=15)
            return
        if isinstance(outcome, AskAgain):
            self.notify(outcome.message, markup=False)
            return
        self.feedback = outcome.feedback
        text = feedback_text(self.feedback)
        text.append_text(assemble("\n", (outcome.message, "bold")))
        self.query_one("#feedback", Static).update(text)
        self._update_status()

    async def finish(self) -> None:
        self.finished = True
        self.question = None
        s = self.session.summary
        lines = [f"Session over: {s.answered} answered, {s.correct} correct, "
                 f"{s.skipped} skipped."]
        if self.session.time_limit is not None:
            lines.append(f"Round score: {s.points} points; accuracy "
                         f"{round(s.accuracy * 100)}%.")
        lines.append("Every answer is saved. Press escape to leave, S for your stats.")
        body = self.query_one("#drill-body", VerticalScroll)
        await body.remove_children()
        await body.mount(Static(literal("\n".join(lines)), id="summary"))
        self._update_status()

    async def _tick(self) -> None:
        self._update_status()
        if self.session.time_left() == 0.0 and self.feedback is None and not self.finished:
            await self.finish()

    def _update_status(self) -> None:
        s = self.session.summary
        text = f"{s.correct} right of {s.answered} answered"
        left = self.session.time_left()
        if left is not None:
            text += f"   time left: {left:.0f} s   points: {s.points}"
        self.query_one("#drill-status", Static).update(literal(text))

    # -- keys -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"next", "open_in_map"}:
            return self.feedback is not None
        if action == "override":
            return self.feedback is not None and self.feedback.can_override
        return True

    async def action_next(self) -> None:
        if self.feedback is not None:
            await self.next_question()

    def action_open_in_map(self) -> None:
        if self.feedback is None:
            return
        claim_id = self.feedback.question.explanation.open_claim
        show = getattr(self.app, "show_claim", None)
        if claim_id is None or show is None:
            self.notify("The explorer is not available here.", markup=False)
            return
        show(claim_id)

    def action_leave(self) -> None:
        app = self.app
        if app.current_mode == DRILL_MODE and "explore" in getattr(app, "MODES", {}):
            app.switch_mode("explore")
            if self.finished:
                app.call_later(app.remove_mode, DRILL_MODE)
        elif len(app.screen_stack) > 1:
            app.pop_screen()
        else:
            app.exit(0)


MODE_LABELS = (
    ("Mixed: a bit of everything", "mixed"),
    ("Rebut: pick the strongest rebuttal", "rebut"),
    ("Support: find the evidence", "support"),
    ("Source check: who says this", "source"),
    ("Spot the flaw", "flaw"),
    ("Crux hunt: what would flip the thesis", "crux"),
    ("Switch sides: argue the side you disagree with", "switch"),
    ("Timed round: a mix against the clock", "timed"),
)
SIDE_LABELS = (("Pro (I disagree with the thesis' supporters)", "pro"),
               ("Con (I disagree with its opponents)", "con"))


class DrillSetup(ModalScreen[SessionOptions | None]):
    """Choose the drill and, for switch sides, the side you disagree with."""

    CSS_PATH = STYLES
    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="back without starting")]

    def compose(self) -> ComposeResult:
        with Vertical(id="setup-box"):
            yield Static(literal("Start drills"), id="setup-title")
            yield Select(MODE_LABELS, value="mixed", allow_blank=False, id="setup-mode")
            yield Static(literal("The side you disagree with, which you will argue "
                                 "(switch sides; optional for mixed and timed):"),
                         id="setup-side-label")
            yield Select(SIDE_LABELS, prompt="no side: leave switch sides out",
                         id="setup-side")
            yield Button("Start", variant="primary", id="setup-start")

    @on(Button.Pressed, "#setup-start")
    def start(self) -> None:
        mode = str(self.query_one("#setup-mode", Select).value)
        side_value = self.query_one("#setup-side", Select).value
        side = side_value if isinstance(side_value, str) else None  # blank: no side
        if mode == "switch" and side is None:
            self.notify("Switch sides needs the side you disagree with.", severity="warning",
                        markup=False)
            return
        self.dismiss(SessionOptions(mode=mode, side=side))

    def action_cancel(self) -> None:
        self.dismiss(None)


def open_drills(app: ArgmapApp, session: DrillSession | None = None) -> None:
    """Show the drills: resume the running session, or ask what to practise and start one."""
    try:
        app.switch_mode(DRILL_MODE)  # resume the session already running
        return
    except UnknownModeError:
        pass
    if session is not None:
        _start(app, session)
        return

    def chosen(options: SessionOptions | None) -> None:
        if options is not None:
            start_drills(app, options)

    app.push_screen(DrillSetup(), chosen)


def start_drills(app: ArgmapApp, options: SessionOptions) -> None:
    """A new session on the app's map, saving to the user's progress database."""
    from argmap.data_dir import data_dir
    from argmap.training.progress import DATABASE_NAME, Progress, ProgressError

    try:
        progress = Progress.open(data_dir() / DATABASE_NAME)
    except ProgressError as exc:
        app.notify(str(exc), title="Cannot open your progress", severity="error",
                   markup=False, timeout=15)
        return
    _start(app, DrillSession(app.map, progress, options))


def _start(app: ArgmapApp, session: DrillSession) -> None:
    app.add_mode(DRILL_MODE, lambda: DrillScreen(session))
    app.switch_mode(DRILL_MODE)


def drill_app(map_path: Path, the_map: Map, session: DrillSession,
              **options: Any) -> ArgmapApp:
    """The full app, opened on the drills (the explorer one key away)."""
    from tui.app import ArgmapApp

    class DrillFirstApp(ArgmapApp):
        def on_ready(self) -> None:
            open_drills(self, session=session)

    return DrillFirstApp(map_path, the_map, **options)


def run_drill_app(map_path: Path, the_map: Map, session: DrillSession) -> int:
    """`argmap drill` without --plain."""
    app = drill_app(map_path, the_map, session)
    app.run()
    return int(app.return_code or 0)
