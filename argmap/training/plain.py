"""The plain mode: drills line by line on stdin/stdout, for screen readers and scripts.

Plain text only: no colour, no box drawing, no cursor movement. Questions are
numbered, options numbered 1..n, and each question reads exactly one line.
Feedback follows at once, its first line starting with "Correct", "Partly
right", "Not quite", "Skipped" or "Not graded". End of input ends the
session cleanly; every answer already given is saved.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from argmap.training.questions import Question
from argmap.training.session import DrillSession


def _how_to_answer(q: Question) -> str:
    n = len(q.options)
    if q.options and q.accepts_text:
        return f"Answer with a number from 1 to {n}, or type your own answer."
    if q.options:
        return f"Answer with a number from 1 to {n}."
    return "Type your answer."


def run_plain(session: DrillSession, stdin: TextIO, stdout: TextIO, *,
              saved_in: Path | None = None,
              clock: Callable[[], float] = time.monotonic) -> int:
    def say(text: str = "") -> None:
        stdout.write(text + "\n")

    the_map = session.map
    say(f"argmap drill: {the_map.title}")
    limit = session.time_limit
    if limit is not None:
        say(f"Timed round: {limit:g} seconds. Points for each right answer, more for quick ones.")
    say("Answer each question on one line: an option number, or your own words where the "
        "question allows. An empty line skips. End of input ends the session; every answer "
        "is saved as soon as you give it.")
    say()
    number = 0
    while (q := session.next_question()) is not None:
        number += 1
        of = "" if limit is not None else f" of {session.total}"
        say(f"Question {number}{of}: {q.drill.title}")
        left = session.time_left()
        if left is not None:
            say(f"Time left: {left:.0f} seconds.")
        say(q.prompt)
        say(f"{q.subject_label}: {q.subject}")
        for extra in q.extra:
            say(extra)
        for i, option in enumerate(q.options, 1):
            say(f"  {i}. {option.text}")
        say(_how_to_answer(q))
        stdout.write("Answer: ")
        stdout.flush()
        started = clock()
        line = stdin.readline()
        if not stdin.isatty():
            say()  # the answer was not echoed: end the prompt's line ourselves
        if line == "":
            say("End of input: the session is over.")
            break
        feedback = session.answer(q, line.rstrip("\r\n"), clock() - started)
        for text in feedback.lines():
            say(text)
        say()
        stdout.flush()
        if session.time_left() == 0.0:
            say("Time is up.")
            break
    if number == 0:
        say(f"No questions: this map gives the {session.options.mode} drills nothing to ask.")
    s = session.summary
    say(f"Session over: {s.answered} answered, {s.correct} correct, {s.skipped} skipped.")
    if limit is not None:
        say(f"Round score: {s.points} points; accuracy {round(s.accuracy * 100)}%.")
    if saved_in is not None:
        say(f"Progress is saved in {saved_in}.")
    stdout.flush()
    return 0
