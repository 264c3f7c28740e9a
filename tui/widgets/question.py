"""One drill question on screen: what is asked, the numbered options, one answer line.

The widget never preselects an option: the answer is whatever the user types
in the answer line (an option number, their own words, `?` for a hint, or
nothing to skip), exactly as in the plain mode. Map text is shown only
through `tui.text`, so a claim that looks like markup is shown as written.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Input, Static

from argmap.training.questions import Question
from tui.text import assemble, literal


class QuestionView(VerticalScroll):
    """Shows a `Question` and posts `Answered` with the line the user typed."""

    class Answered(Message):
        def __init__(self, line: str, hinted: bool) -> None:
            super().__init__()
            self.line = line
            self.hinted = hinted

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
        yield Static(assemble((f"{q.subject_label}: ", "bold"), literal(q.subject)),
                     id="question-subject")
        for i, option in enumerate(q.options, 1):
            yield Static(assemble((f"{i}. ", "bold"), literal(option.text)),
                         id=f"option-{i}", classes="option")
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
        line = event.value
        if line.strip() == "?":
            event.input.value = ""
            self.give_hint()
            return
        event.input.disabled = True
        self.post_message(self.Answered(line, self.hinted))

    def give_hint(self) -> None:
        """Strike out half the wrong options, or show a key point; the rating becomes Hard."""
        q = self.question
        self.hinted = True
        wrong = [i for i, o in enumerate(q.options, 1)
                 if not o.correct and i not in self.hidden_options]
        if len(wrong) >= 2:
            struck = wrong[: len(wrong) // 2]
            for i in struck:
                self.hidden_options.add(i)
                self.query_one(f"#option-{i}", Static).add_class("struck")
            numbers = ", ".join(str(i) for i in struck)
            self.notify(f"Hint: option {numbers} is wrong." if len(struck) == 1
                        else f"Hint: options {numbers} are wrong.", markup=False)
            return
        points = [kp.point for t in q.text_answers for kp in t.key_points]
        if points:
            self.notify(f"Hint: think about \"{points[0]}\".", markup=False)
        else:
            self.notify("No hint for this one.", markup=False)
