"""One drill question on screen: what is asked, the numbered options, one answer line.

The widget never preselects an option: the answer is whatever the user types
in the answer line (an option number, their own words, `?` for a hint, or
nothing to skip), read by the session exactly as in the plain mode. Map text is shown only
through `tui.text`, so a claim that looks like markup is shown as written.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Input, Static

from argmap.training.questions import Question
from argmap_tui.text import assemble, literal


class QuestionView(VerticalScroll):
    """Shows a `Question` and posts `Answered` with each line the user types.

    What a line means is for the session to say (`DrillSession.answer`); the
    screen then calls `show_hint` or `ask_again` when the question stays open.
    """

    class Answered(Message):
        def __init__(self, line: str) -> None:
            super().__init__()
            self.line = line

    def __init__(self, question: Question, heading: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.question = question
        self.heading = heading
        self.hinted = False
        self.hidden_options: set[int] = set()

    def compose(self) -> ComposeResult:
        q = self.question
        yield Static(literal(self.heading), id="question-heading")
        yield Static(literal(q.prompt), id="question-prompt")
        yield Static(
            assemble((f"{q.subject_label}: ", "bold"), literal(q.subject)), id="question-subject"
        )
        for i, option in enumerate(q.options, 1):
            yield Static(
                assemble((f"{i}. ", "bold"), literal(option.text)),
                id=f"option-{i}",
                classes="option",
            )
        yield Static(literal(self._how_to_answer()), id="question-help")
        yield Input(placeholder="your answer", id="answer")

    def _how_to_answer(self) -> str:
        n = len(self.question.options)
        parts = []
        if n:
            parts.append(f"type an option number (1-{n})")
        if self.question.accepts_text:
            parts.append("your own answer" if n else "type your answer")
        return " or ".join(parts) + "; ? for a hint; Enter on an empty line skips."

    def on_mount(self) -> None:
        self.query_one("#answer", Input).focus()

    @on(Input.Submitted, "#answer")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        event.input.disabled = True  # until the session says what the line was
        self.post_message(self.Answered(event.value))

    def reopen(self) -> None:
        """The question stays open: an empty, enabled answer line with the focus."""
        answer = self.query_one("#answer", Input)
        answer.value = ""
        answer.disabled = False
        answer.focus()

    def show_hint(self, struck: tuple[int, ...], message: str) -> None:
        """Strike out the options the session's hint ruled out, and say the hint."""
        self.hinted = self.hinted or bool(struck) or message.startswith("Hint:")
        for index in struck:
            self.hidden_options.add(index + 1)
            self.query_one(f"#option-{index + 1}", Static).add_class("struck")
        self.notify(message, markup=False)
        self.reopen()

    def ask_again(self, message: str) -> None:
        """The line was not an answer: say so, show nothing of the answer, ask again."""
        self.notify(f"Not understood: {message}.", severity="warning", markup=False)
        self.reopen()
