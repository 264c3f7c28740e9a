"""The plain mode: drills line by line on stdin/stdout, for screen readers and scripts.

Plain text only: no colour, no box drawing, no cursor movement. Questions are
numbered, options numbered 1..n, and each answer is one line. Feedback
follows at once, its first line starting with "Correct", "Partly right",
"Contradicts the point", "Not quite" or "Skipped". A line that is not an
answer keeps the question open and prints one line: "Hint: ..." for `?`,
"Noted: ..." for `/right`, `/partly` or `/wrong` (the student's verdict on
the previous typed answer), "Not understood: ..." for anything else a
question cannot take (nothing of its answer is shown). `/ids` shows (or
hides again) the claim ids in the feedback's "In the map:" line, which names
the claims by their text, and repeats the last such line. End of input ends
the session cleanly; every answer already given is saved.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from argmap.display import visible_line
from argmap.training.drills import CruxSource
from argmap.training.questions import Question
from argmap.training.replies import how_to_answer
from argmap.training.scope import scope_line
from argmap.training.session import (
    OVERRIDE_HELP,
    AskAgain,
    DrillSession,
    Feedback,
    HintGiven,
    Outcome,
    Overridden,
)

if TYPE_CHECKING:
    from argmap.analysis.cruxes import Crux
    from argmap.model import Map

_SURROGATES = re.compile("[\ud800-\udfff]")
LAST_WORD = "To correct that grade type /right, /partly or /wrong; an empty line finishes: "
IDS = "/ids"  # shows or hides the claim ids in "In the map:"; not an answer


# On a map this big the crux search takes seconds: the plain mode says it is searching.
CRUX_NOTICE_CLAIMS = 1000


def announced_cruxes(source: CruxSource, out: TextIO) -> CruxSource:
    """`source`, saying once per thesis on a big map that the search is running, so a
    pause of seconds before a crux question does not look like a hang."""
    told: set[str] = set()

    def find(the_map: Map, thesis: str) -> Sequence[Crux]:
        if thesis not in told and len(the_map.claims) >= CRUX_NOTICE_CLAIMS:
            told.add(thesis)
            out.write("Finding the cruxes of the thesis (a few seconds on a map this big)…\n")
            out.flush()
        return source(the_map, thesis)

    return find


def run_plain(
    session: DrillSession,
    stdin: TextIO,
    stdout: TextIO,
    *,
    saved_in: Path | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    def say(text: str = "") -> None:
        stdout.write(text + "\n")

    def read(prompt: str) -> str | None:
        stdout.write(prompt)
        stdout.flush()
        line = stdin.readline()
        if not stdin.isatty():
            say()  # the answer was not echoed: end the prompt's line ourselves
        if line == "":
            return None
        # Bytes that are not UTF-8 arrive as lone surrogates (surrogateescape);
        # neither the database nor the grader's tokenizer can take those.
        return _SURROGATES.sub("\ufffd", line.rstrip("\r\n"))

    show_ids = False

    def toggle_ids() -> None:
        nonlocal show_ids
        show_ids = not show_ids
        say(f"Claim ids in the 'In the map' line: {'shown' if show_ids else 'hidden'} ({IDS}).")
        last = session.last_feedback
        where = last.location_line(show_ids) if last is not None else None
        if where:
            say(visible_line(where))
        stdout.flush()

    def show(outcome: Outcome) -> None:
        if isinstance(outcome, Feedback):
            for text in outcome.lines(show_ids):
                say(visible_line(text))  # map text: a line break must not forge a line
            if outcome.can_override:
                say(OVERRIDE_HELP)
            say()
        elif isinstance(outcome, HintGiven | Overridden):
            say(visible_line(outcome.message))
        elif isinstance(outcome, AskAgain):
            say(f"Not understood: {outcome.message}.")
        stdout.flush()

    the_map = session.map
    say(f"argmap drill: {visible_line(the_map.title)}")
    scope = scope_line(the_map, session.options.thesis)  # the thesis, or all of them
    if scope is not None:
        say(scope)
    limit = session.time_limit
    if limit is not None:
        say(f"Timed round: {limit:g} seconds. Points for each right answer, more for quick ones.")
    say(
        "Answer each question on one line: an option number, or your own words where the "
        "question allows; ? gives a hint. An empty line skips. /ids shows the claim ids in the "
        "feedback. End of input ends the session; every answer is saved as soon as you give it."
    )
    say()
    number = 0
    ended = False
    told = 0  # of session.left_out

    def ask() -> Question | None:
        nonlocal told
        question = session.next_question()
        for reason in session.left_out[told:]:
            say(visible_line(reason))  # a crux card whose cruxes could not be found
        told = len(session.left_out)
        return question

    while not ended and (q := ask()) is not None:
        number += 1
        of = "" if limit is not None else f" of {session.total}"
        say(f"Question {number}{of}: {q.drill.title}")
        left = session.time_left()
        if left is not None:
            say(f"Time left: {left:.0f} seconds.")
        say(visible_line(q.prompt))
        say(f"{q.subject_label}: {visible_line(q.subject)}")
        for extra in q.extra:
            say(visible_line(extra))
        for i, option in enumerate(q.options, 1):
            say(f"  {i}. {visible_line(option.text)}")
        say(how_to_answer(q))
        started = clock()
        while True:
            line = read("Answer: ")
            if line is None:
                say("End of input: the session is over.")
                ended = True
                break
            if line.strip().lower() == IDS:
                toggle_ids()
                continue
            outcome = session.answer(q, line, clock() - started)
            show(outcome)
            if isinstance(outcome, Feedback):
                break
            if isinstance(outcome, Overridden):
                started = clock()  # correcting the last grade is not time spent on this one
        if not ended and session.time_left() == 0.0:
            say("Time is up.")
            break
    last = session.last_feedback
    while not ended and last is not None and last.can_override:
        line = read(LAST_WORD)
        if not line or not line.strip():
            break
        if line.strip().lower() == IDS:
            toggle_ids()
            continue
        outcome = (
            session.answer(last.question, line, 0.0)
            if line.strip().startswith("/")
            else AskAgain("only /right, /partly or /wrong can follow the last answer")
        )
        show(outcome)
        if isinstance(outcome, Overridden):
            break
    if number == 0:
        say(f"No questions: this map gives the {session.options.mode} drills nothing to ask.")
    s = session.summary
    say(
        f"Session over: {s.answered} answered, {s.correct} correct, {s.skipped} skipped"
        + (
            f", {s.overridden} grade{'s' if s.overridden != 1 else ''} corrected by you."
            if s.overridden
            else "."
        )
    )
    if limit is not None:
        say(f"Round score: {s.points} points; accuracy {round(s.accuracy * 100)}%.")
    if saved_in is not None:
        say(f"Progress is saved in {saved_in}.")
    stdout.flush()
    return 0
