"""Reading the one line a student types: an option, their own words, a hint, or a correction.

`read_reply` is the only place a drill line is interpreted; the session calls
it for the plain mode and the full-screen drill alike, so both accept the same
things:

* an option, written forgivingly: `3`, `3.`, `3)`, `(3)`, `[3]`, `#3`,
  `option 3`, `three`, `third`, `3rd`, or the letter `c`;
* `?`: a hint (never stored as an answer);
* `/right`, `/partly`, `/wrong`: the student's own verdict on the previous
  typed answer's grade;
* an empty line: skip;
* anything else: the student's own words, where the question accepts them.

A line that names no option on a question that only takes options, or names
an option that does not exist, is `UNCLEAR`: the UI asks again and shows
nothing of the answer. Digits are compared as text before any conversion,
so a line of 5,000 digits is just a number with no such option.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from argmap.grading import Verdict
from argmap.grading.language import number_value
from argmap.training.questions import Question

# The student's words for each verdict they may give (`/right` etc.).
OVERRIDES: dict[str, Verdict] = {
    "right": Verdict.CORRECT,
    "partly": Verdict.PARTIAL,
    "wrong": Verdict.INCORRECT,
}
HINT = "?"

_ORDINALS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
)
_ORDINAL_AT = {w: i for i, w in enumerate(_ORDINALS, 1)}
# Longer digit strings are never an option number: compared by length, never converted.
_MAX_DIGITS = 6
# `(3)`, `#3`, `3.`, `3)`, `[c]`, `option 3`, `no. 3`, `3rd`, `three` ...
_OPTION = re.compile(
    r"""^(?:(?:option|answer|number|no\.?|nr\.?)\s*)?   # an optional leading word
        [#(\[]?\s*                                     # an opening mark
        (?:(?P<digits>[0-9]+)(?:st|nd|rd|th)?|(?P<word>[a-z]+))  # digits, a letter, a word
        \s*[.)\]:]?$                                   # a closing mark
    """,
    re.VERBOSE,
)


class ReplyKind(StrEnum):
    SKIP = "skip"
    CHOICE = "choice"
    TEXT = "text"
    HINT = "hint"
    OVERRIDE = "override"
    UNCLEAR = "unclear"


@dataclass(frozen=True, slots=True)
class Reply:
    kind: ReplyKind
    index: int | None = None  # CHOICE: the option's index, from 0
    text: str = ""  # TEXT: the answer as typed (stripped)
    verdict: Verdict | None = None  # OVERRIDE: the student's verdict
    message: str = ""  # UNCLEAR: what to type instead


def option_number(line: str) -> int | None:
    """The option a line names (from 1), or None when it names none.

    A number too long to be an option comes back as 0: it names an option,
    one that does not exist.
    """
    text = unicodedata.normalize("NFKC", line).strip().casefold()
    found = _OPTION.match(text)
    if found is None:
        return None
    digits, what = found["digits"], found["word"]
    if digits is not None:
        return int(digits) if len(digits) <= _MAX_DIGITS else 0
    if what in _ORDINAL_AT:
        return _ORDINAL_AT[what]
    value = number_value(what)  # "three": the grader's one reading of number words
    if value is not None and value.is_integer() and 1 <= value <= len(_ORDINALS):
        return int(value)
    if len(what) == 1:
        return ord(what) - ord("a") + 1
    return None


def letter(index: int) -> str:
    """The letter that also names option `index` (from 0): a, b, c ..."""
    return chr(ord("a") + index)


def how_to_answer(question: Question) -> str:
    """One line telling the student what this question accepts."""
    n = len(question.options)
    if question.options and question.accepts_text:
        return f"Answer with a number from 1 to {n}, or type your own answer; ? for a hint."
    if question.options:
        return f"Answer with a number from 1 to {n}; ? for a hint."
    return "Type your answer; ? for a hint."


def read_reply(question: Question, line: str) -> Reply:
    """What one typed line means for `question` (see the module's docstring)."""
    text = line.strip()
    if not text:
        return Reply(ReplyKind.SKIP)
    if text == HINT:
        return Reply(ReplyKind.HINT)
    if text.startswith("/") and " " not in text:
        verdict = OVERRIDES.get(text[1:].casefold())
        if verdict is None:
            return Reply(
                ReplyKind.UNCLEAR,
                message=(
                    f"{text[:20]!r} is not a command: after a typed answer's feedback, "
                    "/right, /partly or /wrong corrects its grade"
                ),
            )
        return Reply(ReplyKind.OVERRIDE, verdict=verdict)
    n = len(question.options)
    if n:
        number = option_number(text)
        if number is not None and 1 <= number <= n:
            return Reply(ReplyKind.CHOICE, index=number - 1)
        if number is not None and (not question.accepts_text or _looks_numeric(text)):
            return Reply(
                ReplyKind.UNCLEAR,
                message=(f"there is no such option; answer with a number from 1 to {n}"),
            )
    if question.accepts_text:
        return Reply(ReplyKind.TEXT, text=text)
    return Reply(ReplyKind.UNCLEAR, message=f"answer with a number from 1 to {n}")


def _looks_numeric(text: str) -> bool:
    """A line that can only be an option number (as opposed to a word, like "ten")."""
    return any(ch.isdigit() for ch in text)
