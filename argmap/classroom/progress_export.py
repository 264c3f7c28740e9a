"""A student's progress as a JSON file to hand in (`argmap stats --export FILE`).

The file holds only what a class report needs, so a student can hand it in
without handing over their whole database: the name they chose to be known
by, which maps they drilled, and per answer the map, drill, claim, themes,
whether it was right and the day (not the time) it was given. Typed
answers, timings, hints, file paths and the scheduler's state stay at home.
The shape (`"format": "argmap-progress/2"`):

    {
      "format": "argmap-progress/2",
      "student": "Sam",
      "exported_on": "2026-11-22",
      "maps": [
        {"id": "smart-locks-example", "name": "example-smart-locks",
         "title": "Face-scanning locks ...", "sha256": "3f0c...e1"}
      ],
      "answers": [
        {"map": "smart-locks-example", "map_sha256": "3f0c...e1", "drill": "rebut",
         "claim": "locks", "themes": ["subletting", "safety", "privacy"], "correct": true,
         "date": "2026-11-20", "typed": true, "verdict": "partial",
         "student_verdict": "correct"}
      ]
    }

`maps` lists each version of a map the answers came from: its id, the name
it is opened by (the file's stem: a bundled map's name), its title and the
sha256 of its text; an answer's `map_sha256` says which (null for answers
saved before argmap recorded it, whose version is unknown). Version 2 added
`maps` and `map_sha256`; a version 1 file is the same without them, and is
still read.

`correct` is the verdict that counts (the student's, when they corrected the
grade). `typed`, `verdict` (the grader's; null for answers stored before
argmap kept it) and `student_verdict` (only when the student overrode the
grade) were added within version 1: readers take them as optional.
Answers are in the order they were given; damaged rows of the database are
left out. A later version of the format gets a new `format` string; readers
refuse formats they do not know.
"""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from argmap.training.progress import Progress

EXPORT_FORMAT = "argmap-progress/2"
# Every format this argmap reads, oldest first; the last is the one it writes.
READ_FORMATS = ("argmap-progress/1", EXPORT_FORMAT)
MAX_NAME_LENGTH = 60


class ExportError(Exception):
    """The export cannot be made; the message says why and what to do."""


class ExportNotWritten(ExportError):
    """The export was made but its file cannot be written there (a refused output)."""


def clean_name(raw: str) -> str:
    """The student's chosen name as one printable line; ExportError if it is unusable."""
    name = "".join(
        " " if ch.isspace() else ch
        for ch in raw
        if ch.isspace() or unicodedata.category(ch)[0] != "C"
    )
    name = " ".join(name.split())
    if not name:
        raise ExportError(
            "the name is empty: give the name your teacher should see, e.g. --name 'Sam B.'"
        )
    if len(name) > MAX_NAME_LENGTH:
        raise ExportError(
            f"the name is longer than {MAX_NAME_LENGTH} characters; choose a shorter one"
        )
    return name


def answer_rows(progress: Progress) -> list[dict[str, Any]]:
    """Every readable answer in the log, reduced to the fields the export keeps."""
    rows = []
    for answer in progress.answers():
        row: dict[str, Any] = {
            "map": answer.map_id,
            "map_sha256": answer.map_hash,
            "drill": answer.drill,
            "claim": answer.claim_id,
            "themes": list(answer.themes),
            "correct": answer.correct,
            "date": answer.answered_at.astimezone(UTC).date().isoformat(),
            "typed": answer.typed,
            "verdict": str(answer.verdict) if answer.verdict is not None else None,
        }
        if answer.student_verdict is not None:
            row["student_verdict"] = str(answer.student_verdict)
        rows.append(row)
    return rows


def map_rows(progress: Progress, answers: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The maps the exported answers name, in the order first answered."""
    known = progress.maps()
    out: dict[str, dict[str, str]] = {}
    for row in answers:
        sha = row["map_sha256"]
        identity = known.get(sha) if sha is not None else None
        if identity is None:
            row["map_sha256"] = None  # a hash no map record names says nothing
        elif sha not in out:
            out[sha] = {
                "id": identity.id,
                "name": identity.name,
                "title": identity.title,
                "sha256": sha,
            }
    return list(out.values())


def build_export(
    database: Path, student: str, today: date | None = None, warnings: list[str] | None = None
) -> dict[str, Any]:
    """The export document for the progress in `database`; damaged rows, left out, are
    reported in `warnings`."""
    from argmap.training.progress import ProgressError

    if not database.is_file():
        raise ExportError(
            f"no progress found in {database.parent}: answer some drills first "
            "(argmap drill), or point --data-dir at your data folder"
        )
    try:
        with Progress.open(database, read_only=True) as progress:  # an export never writes
            rows = answer_rows(progress)
            maps = map_rows(progress, rows)
            report = progress.damage_report()
            if report is not None and warnings is not None:
                warnings.append(report)
    except ProgressError as exc:
        raise ExportError(str(exc)) from None
    return {
        "format": EXPORT_FORMAT,
        "student": clean_name(student),
        "exported_on": (today or datetime.now(UTC).date()).isoformat(),
        "maps": maps,
        "answers": rows,
    }


def write_export(
    database: Path, student: str, target: Path, warnings: list[str] | None = None
) -> int:
    """Write the export file; returns how many answers it holds."""
    from argmap.atomic_write import write_atomically

    document = build_export(database, student, warnings=warnings)
    if not target.parent.is_dir():
        raise ExportNotWritten(f"cannot write {target}: the folder {target.parent} does not exist")
    try:
        write_atomically(target, json.dumps(document, indent=1, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise ExportNotWritten(f"cannot write {target}: {exc.strerror or exc}") from None
    return len(document["answers"])


def ask_name() -> str | None:
    """Ask the student for a name on a terminal; None when there is no one to ask."""
    import sys

    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        return None
    sys.stderr.write(
        "The name your teacher will see in the class report (nothing else about you is exported): "
    )
    sys.stderr.flush()
    line = sys.stdin.readline()
    return line.strip() if line else None
