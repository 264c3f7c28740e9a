"""Reading the students' export files and merging them into one class.

A class report is made from whatever the students hand in, so every file is
checked and a bad one is reported and left out, never fatal:

* unreadable, not JSON (with line and column), not an argmap progress export,
  a format this version does not know, or an answer with a missing or wrong
  field: the whole file is left out (half a file would skew the figures);
* the same answers handed in twice (the same file, or a copy under another
  name): the second is left out;
* two different files under the same name: the one with more answers is kept
  (a later export of the same progress contains the earlier one) and the
  teacher is told, in case they are two students who chose the same name.

Both export formats are read: version 2 records which map (id, name and
content hash) each answer came from; a version 1 file does not, and its
answers are taken to come from the map with their map id.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap.classroom.progress_export import EXPORT_FORMAT, MAX_NAME_LENGTH, READ_FORMATS
from argmap.input_file import InputRefused, read_input
from argmap.map_identity import MapIdentity, is_hash

VERDICTS = ("correct", "partial", "contradictory", "incorrect")


@dataclass(frozen=True, slots=True)
class Answer:
    map_id: str
    drill: str
    claim_id: str
    themes: tuple[str, ...]
    correct: bool  # the verdict that counts: the student's when they overrode the grade
    date: str
    typed: bool = False
    verdict: str | None = None  # the grader's, when the export says
    student_verdict: str | None = None  # the student's override, if any
    map_sha256: str | None = None  # which version of the map (None: not recorded)

    @property
    def overridden(self) -> bool:
        return self.student_verdict is not None and self.student_verdict != self.verdict


@dataclass(frozen=True, slots=True)
class StudentFile:
    path: str
    student: str
    exported_on: str
    answers: tuple[Answer, ...]
    maps: tuple[MapIdentity, ...] = ()  # the maps the file says its answers came from
    format: str = EXPORT_FORMAT


@dataclass(frozen=True, slots=True)
class FileProblem:
    path: str
    message: str
    line: int = 0
    col: int = 0
    left_out: bool = True  # False when the file was used and this is only a warning

    def render(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class ClassProgress:
    students: tuple[StudentFile, ...]
    problems: tuple[FileProblem, ...]


class _Malformed(Exception):
    pass


# No number in an export is longer; past this Python would refuse to convert it anyway.
MAX_DIGITS = 30


def _bounded_int(digits: str) -> int:
    """An integer from the file, refused (before conversion) when absurdly long."""
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _Malformed(f"a number with {len(digits)} digits: not a progress export")
    return int(digits)


def printable(text: str) -> str:
    """Text from a file without control characters, so it cannot drive the terminal."""
    return "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch)[0] != "C"
    )


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not printable(value).strip():
        raise _Malformed(f"{what} should be a non-empty string")
    return printable(value)


def _answer(raw: Any, number: int) -> Answer:
    where = f"answer {number}"
    if not isinstance(raw, dict):
        raise _Malformed(f"{where} should be an object")
    missing = [k for k in ("map", "drill", "claim", "themes", "correct", "date") if k not in raw]
    if missing:
        raise _Malformed(f"{where} lacks {', '.join(repr(k) for k in missing)}")
    themes = raw["themes"]
    if not isinstance(themes, list) or not all(isinstance(t, str) and t for t in themes):
        raise _Malformed(f"{where}: 'themes' should be a list of theme ids")
    themes = [printable(t) for t in themes]
    if not isinstance(raw["correct"], bool):
        raise _Malformed(f"{where}: 'correct' should be true or false")
    typed = raw.get("typed", False)
    if not isinstance(typed, bool):
        raise _Malformed(f"{where}: 'typed' should be true or false")
    verdicts = [raw.get(k) for k in ("verdict", "student_verdict")]
    for name, value in zip(("verdict", "student_verdict"), verdicts, strict=True):
        if value is not None and value not in VERDICTS:
            raise _Malformed(f"{where}: {name!r} should be one of {', '.join(VERDICTS)}")
    sha = raw.get("map_sha256")
    if sha is not None and not is_hash(sha):
        raise _Malformed(f"{where}: 'map_sha256' should be 64 hex digits or null")
    return Answer(
        _text(raw["map"], f"{where}: 'map'"),
        _text(raw["drill"], f"{where}: 'drill'"),
        _text(raw["claim"], f"{where}: 'claim'"),
        tuple(themes),
        raw["correct"],
        _text(raw["date"], f"{where}: 'date'"),
        typed,
        verdicts[0],
        verdicts[1],
        sha,
    )


def _map_record(raw: Any, number: int) -> MapIdentity:
    where = f"maps entry {number}"
    if not isinstance(raw, dict):
        raise _Malformed(f"{where} should be an object")
    if not is_hash(raw.get("sha256")):
        raise _Malformed(f"{where}: 'sha256' should be 64 hex digits")
    title = raw.get("title", "")
    return MapIdentity(
        _text(raw.get("id"), f"{where}: 'id'"),
        _text(raw.get("name"), f"{where}: 'name'"),
        raw["sha256"],
        printable(title) if isinstance(title, str) else "",
    )


@dataclass(frozen=True, slots=True)
class _Document:
    student: str
    exported: str
    answers: tuple[Answer, ...]
    maps: tuple[MapIdentity, ...]
    format: str


def _document(data: Any) -> _Document:
    if not isinstance(data, dict) or "format" not in data:
        raise _Malformed(
            'not an argmap progress export (no "format" key); '
            "students make one with: argmap stats --export FILE --name NAME"
        )
    fmt = data["format"]
    if fmt not in READ_FORMATS:
        if isinstance(fmt, str) and fmt.startswith("argmap-progress/"):
            raise _Malformed(
                f"format {fmt!r} is not one this argmap reads ({', '.join(READ_FORMATS)}); "
                "update argmap, or have the student export with this version"
            )
        raise _Malformed(f"not an argmap progress export (format {fmt!r})")
    student = " ".join(_text(data.get("student"), "'student'").split())
    if len(student) > MAX_NAME_LENGTH:
        raise _Malformed(f"'student' is longer than {MAX_NAME_LENGTH} characters")
    exported = data.get("exported_on", "")
    exported = printable(exported) if isinstance(exported, str) else ""
    answers = data.get("answers")
    if not isinstance(answers, list):
        raise _Malformed("'answers' should be a list")
    maps = data.get("maps") if fmt != READ_FORMATS[0] else []  # version 1 has none
    if not isinstance(maps, list):
        raise _Malformed(f"'maps' should be a list (format {fmt})")
    return _Document(
        student,
        exported,
        tuple(_answer(raw, i) for i, raw in enumerate(answers, 1)),
        tuple(_map_record(raw, i) for i, raw in enumerate(maps, 1)),
        fmt,
    )


def read_progress_file(path: str | Path) -> StudentFile | FileProblem:
    """One student's export, or the problem that keeps it out of the report."""
    name = str(path)
    try:
        # As every input: a folder, FIFO or device is refused without blocking,
        # and the size limit (ARGMAP_MAX_FILE_MB) is the one all files share.
        raw = read_input(path)
    except InputRefused as exc:
        return FileProblem(name, f"cannot read the file: {exc.strerror}")
    except OSError as exc:
        return FileProblem(name, f"cannot read the file: {exc.strerror or exc}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return FileProblem(name, f"not UTF-8 text (byte {exc.start}): not a progress export")
    try:
        data = json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        return FileProblem(name, f"not valid JSON: {exc.msg}", exc.lineno, exc.colno)
    except _Malformed as exc:
        return FileProblem(name, str(exc))
    except RecursionError:
        return FileProblem(name, "not a progress export (nested too deeply)")
    try:
        document = _document(data)
    except _Malformed as exc:
        return FileProblem(name, str(exc))
    return StudentFile(
        name,
        document.student,
        document.exported,
        document.answers,
        document.maps,
        document.format,
    )


def merge(files: Iterable[StudentFile | FileProblem]) -> ClassProgress:
    """The class: one entry per student, duplicates left out and reported."""
    problems: list[FileProblem] = []
    by_name: dict[str, StudentFile] = {}
    seen: dict[tuple[Answer, ...], StudentFile] = {}
    for item in files:
        if isinstance(item, FileProblem):
            problems.append(item)
            continue
        twin = seen.get(item.answers) if item.answers else None
        if twin is not None or item.path in {s.path for s in by_name.values()}:
            first = twin.path if twin is not None else item.path
            problems.append(
                FileProblem(
                    item.path,
                    f"the same answers as {first} "
                    f"({twin.student if twin else item.student}): "
                    "a duplicate, left out",
                )
            )
            continue
        key = item.student.casefold()
        other = by_name.get(key)
        if other is not None:
            kept, dropped = (
                (item, other) if len(item.answers) > len(other.answers) else (other, item)
            )
            problems.append(
                FileProblem(
                    dropped.path,
                    f"another file ({kept.path}) is also named {item.student!r}; "
                    "kept the one with more answers. If they are two students, have one export "
                    "again with another --name",
                )
            )
            by_name[key] = kept
        else:
            by_name[key] = item
        if item.answers:
            seen[item.answers] = item
    students = sorted(by_name.values(), key=lambda s: s.student.casefold())
    return ClassProgress(tuple(students), tuple(problems))


def read_class(paths: Sequence[str | Path]) -> ClassProgress:
    return merge(read_progress_file(p) for p in paths)
