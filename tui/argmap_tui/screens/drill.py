"""The drill screen: a question, then its feedback and explanation, then the next.

It drives the same `DrillSession` as `argmap drill --plain`; every answer is
saved by the session before its feedback appears. The screen lives in its own
app mode ("drill"), so `o` can show the answer in the explorer and `d` there
comes back to the same session.

Nothing the session does runs on the UI loop. Starting it (choosing the
cards from the map and the progress database), each question, each answer
and each correction run in one thread of the screen's own, which opens the
progress database and is the only one to use it (an SQLite connection
belongs to the thread that opened it); a Textual worker waits for each and
posts the result back as a message (`SessionReady`, `QuestionReady`,
`AnswerSaved`, ...). Meanwhile the screen says what it is waiting for and
keeps answering keys: another argmap holding the database's write lock makes
an answer wait up to the 30 s busy timeout, and the screen with it no more.

The crux drill's cruxes come from the app's analysis service, the one the
explorer uses (`AnalysisCruxes` over the app's analyser): the session
thread asks it and waits while the child process analyses (or gets at once
what the explorer's analysis already found), and the screen meanwhile says
it is finding the cruxes. If the analysis fails, that card is left out and a
notification says why.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, UnknownModeError
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Button, Footer, Select, Static

from argmap.context import Context
from argmap.display import shorten
from argmap.grading import Verdict
from argmap.model import Map
from argmap.training.drills import CruxSource, in_process_cruxes
from argmap.training.questions import Question
from argmap.training.scope import scope_line
from argmap.training.session import (
    AskAgain,
    DrillSession,
    Feedback,
    HintGiven,
    Overridden,
    SessionOptions,
)
from argmap.view_model import Analyser
from argmap_tui.analysis_process import AnalysisCruxes
from argmap_tui.text import assemble, literal, literal_line
from argmap_tui.widgets.question import QuestionView

if TYPE_CHECKING:
    from argmap.training.session import Outcome
    from argmap_tui.app import ArgmapApp

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
STILL_WAITING = 1.0
"""Seconds a save may take before the status line says the database is busy."""
BUSY = "Waiting: another argmap is saving to your progress…"
FINDING_CRUXES = "Finding the cruxes of the thesis (the map's analysis is running)…"

SessionStart = Callable[[CruxSource], DrillSession]
"""Makes the session, given where its crux drill gets the cruxes; called in the drill
screen's own thread (see the module docstring)."""


def session_start(the_map: Map, options: SessionOptions, database: Path | None) -> SessionStart:
    """Open the progress database (None: practise without saving) and start a session."""

    def start(cruxes: CruxSource) -> DrillSession:
        from argmap.training.progress import Progress

        progress = Progress.open(database) if database is not None else None
        try:
            return DrillSession(the_map, progress, options, cruxes=cruxes)
        except BaseException:
            if progress is not None:
                progress.close()
            raise

    return start


def feedback_text(feedback: Feedback, ids: bool = False) -> Text:
    """The feedback as literal text; only the headline is styled. `ids`: the claim ids in
    the "In the map" line (which names the claims by their text)."""
    lines = feedback.lines(ids)
    style = SKIPPED_STYLE if feedback.grade is None else HEADLINE_STYLES[feedback.grade.verdict]
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
        Binding(
            "o", "open_in_map", "Show in map", tooltip="open the answer's claim in the explorer"
        ),
        Binding(
            "r",
            "override('correct')",
            "I was right",
            tooltip="I did make that point: count the answer as right",
        ),
        Binding(
            "p",
            "override('partial')",
            "Partly",
            tooltip="I made part of the point: count the answer as partly right",
        ),
        Binding(
            "w",
            "override('incorrect')",
            "I was wrong",
            tooltip="I did not make the point: count the answer as wrong",
        ),
        Binding(
            "i",
            "toggle_ids",
            "Ids",
            tooltip="show or hide the claim ids in the feedback's 'In the map' line",
            show=False,  # listed in the feedback's own key line
        ),
        Binding("escape", "leave", "Leave", tooltip="leave the drills (progress is saved)"),
    ]

    class SessionReady(Message):
        """The session has started; `question` is its first (None: nothing to ask);
        `left_out` says why cards before it were left out."""

        def __init__(
            self, session: DrillSession, question: Question | None, left_out: tuple[str, ...] = ()
        ) -> None:
            super().__init__()
            self.session = session
            self.question = question
            self.left_out = left_out

    class SessionFailed(Message):
        """The session could not start (the progress database cannot be used)."""

        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    class QuestionReady(Message):
        """The next question, or None when the session is over; `left_out` says why
        cards before it were left out."""

        def __init__(self, question: Question | None, left_out: tuple[str, ...] = ()) -> None:
            super().__init__()
            self.question = question
            self.left_out = left_out

    class FindingCruxes(Message):
        """The session waits for the analysis service's cruxes (posted from its thread)."""

    class AnswerSaved(Message):
        """The session's reply to a line typed for `question`, stored if it was an answer."""

        def __init__(self, question: Question, outcome: Outcome) -> None:
            super().__init__()
            self.question = question
            self.outcome = outcome

    class OverrideSaved(Message):
        """The session's reply to the student's own verdict (r, p, w)."""

        def __init__(self, outcome: Overridden | AskAgain) -> None:
            super().__init__()
            self.outcome = outcome

    class NotSaved(Message):
        """Saving failed: `title` says what was lost, `error` why."""

        def __init__(self, title: str, error: str, question: Question | None) -> None:
            super().__init__()
            self.title = title
            self.error = error
            self.question = question

    def __init__(
        self,
        the_map: Map,
        start: SessionStart,
        analyser: Analyser | None = None,
        thesis: str | None = None,
    ) -> None:
        """`analyser`: the app's analysis service, which the crux drill asks for its
        cruxes (None: the session searches them in its own thread). `thesis`: the one
        the session practises, named under the title from the start (the session's own
        options say it again once it has started)."""
        super().__init__()
        self.map = the_map
        self.thesis = thesis
        self._start_session = start
        self._cruxes: CruxSource = (
            in_process_cruxes
            if analyser is None
            else AnalysisCruxes(analyser, waiting=self._post_finding_cruxes)
        )
        self.session: DrillSession | None = None
        self.question: Question | None = None
        self.feedback: Feedback | None = None
        self.show_ids = False  # `i`: claim ids in the feedback's "In the map" line
        self.number = 0
        self.finished = False
        self.failed = False
        self.waiting: str | None = "Starting the session…"
        self._shown_at = 0.0
        self._still_waiting: Timer | None = None
        # The session's own thread: the progress database is opened and used only there.
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="drill-session")

    def compose(self) -> ComposeResult:
        yield Static(literal(f"Drills: {self.map.title}"), id="title-bar")
        yield Static("", id="drill-scope")
        yield Static("", id="drill-status")
        with VerticalScroll(id="drill-body"):
            yield Static(
                literal(
                    "Starting the drills: choosing questions from the map and "
                    "your progress…\nescape leaves meanwhile."
                ),
                id="starting",
            )
        yield Footer()

    def on_mount(self) -> None:
        self._show_scope()
        self._update_status()
        self._in_session_thread(self._start_job)

    def on_resize(self) -> None:
        self._show_scope()

    def _show_scope(self) -> None:
        """The line under the title: the thesis drilled, or all of them (the core's
        words, `training.scope`), shortened at a word to the screen's width."""
        scope = self.query_one("#drill-scope", Static)
        width = self.size.width - 2  # the line's padding
        line = scope_line(self.map, self.thesis, width if width > 0 else None)
        scope.display = line is not None
        scope.update(literal_line(line or ""))

    def on_unmount(self) -> None:
        session = self.session
        if session is not None and session.progress is not None:
            self._thread.submit(session.progress.close)  # in the thread that opened it
        self._thread.shutdown(wait=False)

    # -- the session's thread -----------------------------------------------------------------

    @work(group="drill-session")
    async def _in_session_thread(self, job: Callable[[], Message]) -> None:
        """Run `job` in the session's thread and post the message it returns.

        Jobs run one at a time, in order; this worker only waits, so the UI loop
        stays free however long the database keeps a job waiting.
        """
        message = await asyncio.get_running_loop().run_in_executor(self._thread, job)
        self.post_message(message)

    def _start_job(self) -> Message:
        from argmap.training.progress import ProgressError

        try:
            session = self._start_session(self._cruxes)
        except ProgressError as exc:
            return self.SessionFailed(str(exc))
        return self.SessionReady(session, *_ask(session))

    def _wait(self, what: str, saving: bool = False) -> None:
        """Say what the screen waits for; a save still waiting after STILL_WAITING is
        held up by another argmap writing to the same progress database."""
        self.waiting = what
        if self._still_waiting is not None:
            self._still_waiting.stop()
            self._still_waiting = None
        if saving:
            self._still_waiting = self.set_timer(STILL_WAITING, self._say_still_waiting)
        self.refresh_bindings()
        self._update_status()

    def _post_finding_cruxes(self) -> None:
        """Called from the session's thread when it starts waiting for the cruxes."""
        self.post_message(self.FindingCruxes())

    def _say_still_waiting(self) -> None:
        self._still_waiting = None
        if self.waiting is not None:
            self.waiting = BUSY
            self._update_status()

    def _done_waiting(self) -> None:
        self.waiting = None
        if self._still_waiting is not None:
            self._still_waiting.stop()
            self._still_waiting = None
        self.refresh_bindings()

    # -- flow -------------------------------------------------------------------------------

    @on(FindingCruxes)
    async def _finding_cruxes(self) -> None:
        if self.waiting is None or self.finished:
            return
        self._wait(FINDING_CRUXES)
        body = self.query_one("#drill-body", VerticalScroll)
        if not body.query("#finding-cruxes"):
            await body.mount(
                Static(literal(f"{FINDING_CRUXES}\nescape leaves meanwhile."), id="finding-cruxes")
            )
            body.scroll_end(animate=False)

    def _say_left_out(self, reasons: tuple[str, ...]) -> None:
        for reason in reasons:
            self.notify(
                reason, title="Question left out", severity="error", markup=False, timeout=15
            )

    @on(SessionReady)
    async def _session_ready(self, event: SessionReady) -> None:
        self.session = event.session
        if event.session.options.thesis != self.thesis:
            self.thesis = event.session.options.thesis
            self._show_scope()
        self._done_waiting()
        self._say_left_out(event.left_out)
        if event.session.time_limit is not None:
            self.set_interval(1.0, self._tick)
        report = event.session.progress.damage_report() if event.session.progress else None
        if report is not None:
            self.notify(
                report, title="Damaged progress rows", severity="warning", markup=False, timeout=15
            )
        await self._show_question(event.question)

    @on(SessionFailed)
    async def _session_failed(self, event: SessionFailed) -> None:
        self._done_waiting()
        self.failed = True
        body = self.query_one("#drill-body", VerticalScroll)
        await body.remove_children()
        await body.mount(
            Static(
                literal(f"Cannot start the drills: {event.error}\nPress escape to leave."),
                id="start-failed",
            )
        )
        self.notify(
            event.error,
            title="Cannot open your progress",
            severity="error",
            markup=False,
            timeout=15,
        )
        self._update_status()

    @on(QuestionReady)
    async def _question_ready(self, event: QuestionReady) -> None:
        self._done_waiting()
        self._say_left_out(event.left_out)
        await self._show_question(event.question)

    async def _show_question(self, question: Question | None) -> None:
        session = self.session
        assert session is not None
        self.feedback = None
        self.question = None if self.finished else question
        if self.question is None:
            await self.finish()
            return
        body = self.query_one("#drill-body", VerticalScroll)
        await body.remove_children()
        self.number += 1
        of = "" if session.time_limit is not None else f" of {session.total}"
        heading = f"Question {self.number}{of}: {self.question.drill.title}"
        await body.mount(QuestionView(self.question, heading, id="question"))
        self._shown_at = time.monotonic()
        self._update_status()

    @on(QuestionView.Answered)
    def _answered(self, event: QuestionView.Answered) -> None:
        session, question = self.session, self.question
        if session is None or question is None or self.waiting is not None:
            return
        seconds = time.monotonic() - self._shown_at

        def job() -> Message:
            from argmap.training.progress import ProgressError

            try:
                outcome = session.answer(question, event.line, seconds)
            except ProgressError as exc:
                return self.NotSaved("Your answer was not saved", str(exc), question)
            return self.AnswerSaved(question, outcome)

        self._wait("Saving your answer…", saving=True)
        self._in_session_thread(job)

    @on(AnswerSaved)
    def _answer_saved(self, event: AnswerSaved) -> None:
        self._done_waiting()
        if event.question is not self.question or self.finished:
            return
        view = self.query_one(QuestionView)
        outcome = event.outcome
        if isinstance(outcome, HintGiven):
            view.show_hint(outcome.struck, outcome.message)
            self._update_status()
            return
        if isinstance(outcome, AskAgain):
            view.ask_again(outcome.message)
            self._update_status()
            return
        if isinstance(outcome, Overridden):  # "/right" typed for the previous answer
            self.notify(outcome.message, markup=False)
            view.reopen()
            self._update_status()
            return
        self.feedback = outcome
        body = self.query_one("#drill-body", VerticalScroll)
        body.mount(Static(feedback_text(self.feedback, self.show_ids), id="feedback"))
        keys = "n: next question   o: show in the map   i: claim ids   escape: leave"
        if self.feedback.can_override:
            keys = f"Grade wrong? {OVERRIDE_KEYS}\n{keys}"
        body.mount(Static(literal(keys), id="feedback-keys"))
        self.set_focus(None)  # the feedback keys (n, o, r, p, w) now reach the screen
        # Once the feedback is laid out: scrolled before, the end is the old one, and
        # the last lines (the keys) may stay below the screen at 80x24.
        body.call_after_refresh(body.scroll_end, animate=False)
        self.refresh_bindings()
        self._update_status()

    @on(NotSaved)
    def _not_saved(self, event: NotSaved) -> None:
        self._done_waiting()
        self.notify(event.error, title=event.title, severity="error", markup=False, timeout=15)
        if event.question is not None and event.question is self.question:
            self.query_one(QuestionView).reopen()
        self._update_status()

    def action_override(self, verdict: str) -> None:
        """The student's own verdict on the grade just shown (Anki's way)."""
        session = self.session
        if (
            session is None
            or self.waiting is not None
            or self.feedback is None
            or not self.feedback.can_override
        ):
            return

        def job() -> Message:
            from argmap.training.progress import ProgressError

            try:
                return self.OverrideSaved(session.override(Verdict(verdict)))
            except ProgressError as exc:
                return self.NotSaved("Your correction was not saved", str(exc), None)

        self._wait("Saving your correction…", saving=True)
        self._in_session_thread(job)

    @on(OverrideSaved)
    def _override_saved(self, event: OverrideSaved) -> None:
        self._done_waiting()
        outcome = event.outcome
        if isinstance(outcome, AskAgain):
            self.notify(outcome.message, markup=False)
            self._update_status()
            return
        self.feedback = outcome.feedback
        text = feedback_text(self.feedback, self.show_ids)
        text.append_text(assemble("\n", (outcome.message, "bold")))
        self.query_one("#feedback", Static).update(text)
        self._update_status()

    async def finish(self) -> None:
        self.finished = True
        self.question = None
        assert self.session is not None
        s = self.session.summary
        lines = [f"Session over: {s.answered} answered, {s.correct} correct, {s.skipped} skipped."]
        if self.session.time_limit is not None:
            lines.append(f"Round score: {s.points} points; accuracy {round(s.accuracy * 100)}%.")
        lines.append("Every answer is saved. Press escape to leave, S for your stats.")
        body = self.query_one("#drill-body", VerticalScroll)
        await body.remove_children()
        await body.mount(Static(literal("\n".join(lines)), id="summary"))
        self._update_status()

    async def _tick(self) -> None:
        self._update_status()
        session = self.session
        if (
            session is not None
            and session.time_left() == 0.0
            and self.feedback is None
            and self.waiting is None
            and not self.finished
        ):
            await self.finish()

    def _update_status(self) -> None:
        session = self.session
        if session is None:
            text = self.waiting or ("Not started" if self.failed else "")
        else:
            s = session.summary
            text = f"{s.correct} right of {s.answered} answered"
            left = session.time_left()
            if left is not None:
                text += f"   time left: {left:.0f} s   points: {s.points}"
            if self.waiting is not None:
                text += f"   {self.waiting}"
        self.query_one("#drill-status", Static).update(literal(text))

    # -- keys -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"next", "open_in_map"}:
            return self.feedback is not None and (action == "open_in_map" or self.waiting is None)
        if action == "override":
            return self.feedback is not None and self.feedback.can_override and self.waiting is None
        if action == "toggle_ids":
            return self.feedback is not None
        return True

    def action_next(self) -> None:
        session = self.session
        if session is None or self.feedback is None or self.waiting is not None:
            return
        if self.finished:
            return

        def job() -> Message:
            return self.QuestionReady(*_ask(session))

        self._wait("Preparing the next question…")
        self._in_session_thread(job)

    def action_toggle_ids(self) -> None:
        """Show (or hide again) the claim ids after their texts in "In the map"."""
        if self.feedback is None:
            return
        self.show_ids = not self.show_ids
        self.query_one("#feedback", Static).update(feedback_text(self.feedback, self.show_ids))

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
            if self.finished or self.failed:
                app.call_later(app.remove_mode, DRILL_MODE)
        elif len(app.screen_stack) > 1:
            app.pop_screen()
        else:
            app.exit(0)


def _ask(session: DrillSession) -> tuple[Question | None, tuple[str, ...]]:
    """The session's next question, and why the cards it passed over were left out."""
    before = len(session.left_out)
    question = session.next_question()
    return question, tuple(session.left_out[before:])


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
SIDE_LABELS = (
    ("Pro (I disagree with the thesis' supporters)", "pro"),
    ("Con (I disagree with its opponents)", "con"),
)


# How much of a thesis's text its choice in the setup shows.
THESIS_LABEL_CHARS = 52


class DrillSetup(ModalScreen[SessionOptions | None]):
    """Choose the drill, on a map with several theses the thesis to practise (or all of
    them), and, for switch sides, the side you disagree with."""

    CSS_PATH = STYLES
    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="back without starting")]

    def __init__(self, theses: Sequence[tuple[str, str]] = ()) -> None:
        """`theses`: the map's theses as (id, text); a choice is offered for two or more."""
        super().__init__()
        self.theses = tuple(theses)

    def compose(self) -> ComposeResult:
        with Vertical(id="setup-box"):
            yield Static(literal("Start drills"), id="setup-title")
            yield Select(MODE_LABELS, value="mixed", allow_blank=False, id="setup-mode")
            if len(self.theses) > 1:
                yield Select(
                    [
                        (literal_line(shorten(text, THESIS_LABEL_CHARS)), tid)
                        for tid, text in self.theses
                    ],
                    prompt="every thesis: questions from the whole map",
                    id="setup-thesis",
                )
            yield Static(
                literal(
                    "The side you disagree with, which you will argue "
                    "(switch sides; optional for mixed and timed):"
                ),
                id="setup-side-label",
            )
            yield Select(SIDE_LABELS, prompt="no side: leave switch sides out", id="setup-side")
            yield Button("Start", variant="primary", id="setup-start")

    @on(Button.Pressed, "#setup-start")
    def start(self) -> None:
        mode = str(self.query_one("#setup-mode", Select).value)
        side_value = self.query_one("#setup-side", Select).value
        side = side_value if isinstance(side_value, str) else None  # blank: no side
        if mode == "switch" and side is None:
            self.notify(
                "Switch sides needs the side you disagree with.", severity="warning", markup=False
            )
            return
        thesis = None
        for chooser in self.query("#setup-thesis").results(Select):
            thesis = chooser.value if isinstance(chooser.value, str) else None  # blank: all
        self.dismiss(SessionOptions(mode=mode, side=side, thesis=thesis))

    def action_cancel(self) -> None:
        self.dismiss(None)


def open_drills(
    app: ArgmapApp, options: SessionOptions | None = None, start: SessionStart | None = None
) -> None:
    """Show the drills: resume the running session, or start one.

    With `options` (or a `start` of its own) the session starts at once;
    without, the user is asked what to practise.
    """
    try:
        app.switch_mode(DRILL_MODE)  # resume the session already running
        return
    except UnknownModeError:
        pass
    if start is not None:
        _start(app, start, options.thesis if options is not None else None)
        return
    if options is not None:
        start_drills(app, options)
        return

    def chosen(chosen_options: SessionOptions | None) -> None:
        if chosen_options is not None:
            start_drills(app, chosen_options)

    the_map = app.map
    theses = [
        (t, the_map.claims_by_id[t].text) for t in the_map.theses if t in the_map.claims_by_id
    ]
    app.push_screen(DrillSetup(theses), chosen)


def start_drills(app: ArgmapApp, options: SessionOptions) -> None:
    """A new session on the app's map, saving to the progress database of its context."""
    _start(app, session_start(app.map, options, app.context.database), options.thesis)


def _start(app: ArgmapApp, start: SessionStart, thesis: str | None = None) -> None:
    the_map, analyser = app.map, app.analyser  # the service the explorer uses
    app.add_mode(DRILL_MODE, lambda: DrillScreen(the_map, start, analyser, thesis))
    app.switch_mode(DRILL_MODE)


def drill_app(
    context: Context,
    the_map: Map,
    options: SessionOptions,
    start: SessionStart | None = None,
    **app_options: Any,
) -> ArgmapApp:
    """The full app, opened on the drills (the explorer one key away).

    `start` replaces the usual session start (tests use it to reach the session).
    """
    from argmap_tui.app import create_app

    def opening(app: ArgmapApp) -> None:
        open_drills(app, options, start)

    return create_app(context, the_map, opening=opening, **app_options)


def run_drill_app(context: Context, the_map: Map, options: SessionOptions) -> int:
    """`argmap drill` without --plain."""
    app = drill_app(context, the_map, options)
    app.run()
    return int(app.return_code or 0)
