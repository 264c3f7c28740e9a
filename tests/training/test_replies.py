"""Reading a drill line: forgiving option numbers, no peeking, hints and the student's verdict."""

from __future__ import annotations

import pytest

from argmap.grading import Reference, Verdict
from argmap.model import KeyPoint
from argmap.training.questions import DrillKind, Explanation, Option, Question
from argmap.training.replies import ReplyKind, option_number, read_reply

OPTIONS = tuple(Option(f"option text {i}", i == 2) for i in range(4))
OPTIONS_ONLY = Question(
    DrillKind.SOURCE, "c", "Which?", "a quote", OPTIONS, Explanation("option text 2")
)
BOTH = Question(
    DrillKind.REBUT,
    "c",
    "Rebut it",
    "a claim",
    OPTIONS,
    Explanation("option text 2"),
    (Reference("model", (KeyPoint("point"),), "m"),),
)
TYPED_ONLY = Question(
    DrillKind.REBUT,
    "c",
    "Rebut it",
    "a claim",
    (),
    Explanation("model"),
    (Reference("model", (KeyPoint("point"),), "m"),),
)


@pytest.mark.parametrize(
    "line",
    [
        "3",
        "3.",
        "3)",
        "(3)",
        "#3",
        "[3]",
        " 3 ",
        "three",
        "Three",
        "third",
        "3rd",
        "c",
        "C",
        "c)",
        "(c)",
        "option 3",
        "no. 3",
        "３",
    ],
)
def test_every_way_of_writing_three_chooses_option_three(line: str) -> None:
    for question in (OPTIONS_ONLY, BOTH):
        reply = read_reply(question, line)
        assert reply.kind is ReplyKind.CHOICE and reply.index == 2, line


@pytest.mark.parametrize(
    "line", ["9", "0", "#9", "nine", "(12)", "5" * 5000, "hello", "3 apples", "i", "-1", "³³"]
)
def test_anything_else_on_an_options_only_question_asks_again(line: str) -> None:
    reply = read_reply(OPTIONS_ONLY, line)
    assert reply.kind is ReplyKind.UNCLEAR
    assert "1 to 4" in reply.message
    assert "option text" not in reply.message  # nothing of the options or answer
    assert len(reply.message) < 100  # a 5,000-digit line is not echoed back


def test_a_number_out_of_range_is_not_graded_as_typed_text() -> None:
    assert read_reply(BOTH, "9").kind is ReplyKind.UNCLEAR
    assert read_reply(BOTH, "5" * 5000).kind is ReplyKind.UNCLEAR
    # A word that could be a number is the student's own words when words are accepted.
    assert read_reply(BOTH, "nine").kind is ReplyKind.TEXT
    typed = read_reply(BOTH, "  The council never voted on it.  ")
    assert typed.kind is ReplyKind.TEXT and typed.text == "The council never voted on it."


def test_a_question_without_options_takes_every_line_as_text() -> None:
    for line in ("3", "c", "5" * 5000):
        reply = read_reply(TYPED_ONLY, line)
        assert reply.kind is ReplyKind.TEXT and reply.text == line


def test_empty_skips_question_mark_hints_and_slash_words_override() -> None:
    assert read_reply(BOTH, "").kind is ReplyKind.SKIP
    assert read_reply(BOTH, "   ").kind is ReplyKind.SKIP
    assert read_reply(BOTH, " ? ").kind is ReplyKind.HINT
    assert read_reply(OPTIONS_ONLY, "?").kind is ReplyKind.HINT
    for line, verdict in (
        ("/right", Verdict.CORRECT),
        ("/Partly", Verdict.PARTIAL),
        ("/wrong", Verdict.INCORRECT),
    ):
        reply = read_reply(TYPED_ONLY, line)
        assert reply.kind is ReplyKind.OVERRIDE and reply.verdict is verdict
    unknown = read_reply(TYPED_ONLY, "/rigth")
    assert unknown.kind is ReplyKind.UNCLEAR and "/right" in unknown.message


def test_option_number_never_converts_a_huge_number() -> None:
    assert option_number("9" * 100_000) == 0
    assert option_number("#" + "1" * 5000 + ")") == 0
    assert option_number("seven") == 7
    assert option_number("banana") is None
