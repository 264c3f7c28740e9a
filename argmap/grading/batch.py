"""Grading a batch of typed answers: a class's homework, or a benchmark.

The layer under `argmap grade`, kept as plain functions so a benchmark can
call it too. `read_answers` turns a CSV file (with a header row) or a JSON
Lines file into rows; `grade_row` grades one row, against the map's model
answers for a claim and drill (built exactly as the drill builds them, and
graded by the same `grade_text`) or against a reference the row gives;
`result_json` is the public JSON shape of one graded row.

A row that cannot be graded becomes a `SkippedRow` with its line number and
a reason; only a file that cannot be read at all raises `BatchFileError`.
Nothing in a row is ever executed or interpreted: every value is kept as text.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from argmap.grading.verdicts import Assessment, PointState, Reference
from argmap.model import KeyPoint, Map

if TYPE_CHECKING:
    from argmap.training.grading import Grade
    from argmap.training.questions import Question

# The drills whose questions take a typed answer graded against the map.
DRILLS = ("rebut", "support", "switch")
# Columns with a meaning; every other column is kept, raw, in `AnswerRow.extra`.
KNOWN_COLUMNS = (
    "answer",
    "id",
    "student",
    "claim",
    "drill",
    "reference",
    "references",
    "key_points",
    "opposites",
    "question",
)
# CSV delimiters tried on the header line: a spreadsheet in some locales writes ';'.
_DELIMITERS = (",", ";", "\t")
_FIX_QUOTES = (
    "put a field that holds a comma, a quote or a line break in double quotes, "
    'and double any quote inside it ("")'
)


class BatchFileError(Exception):
    """The answers file cannot be read at all (`argmap grade` exits 2)."""


@dataclass(frozen=True, slots=True)
class AnswerRow:
    """One answer to grade, as the file gave it (`line` is where its row starts)."""

    line: int
    answer: str | None  # None: the row has no answer column or field
    id: str | None = None
    student: str | None = None
    claim: str | None = None
    drill: str | None = None
    references: tuple[str, ...] = ()
    key_points: tuple[KeyPoint, ...] = ()
    opposites: tuple[str, ...] = ()  # what denies a reference without key points
    question: str | None = None
    extra: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}), hash=False)

    @property
    def needs_map(self) -> bool:
        """Whether grading this row reads the map (so the map is loaded only when needed)."""
        return bool(self.claim or self.drill) and not self.references


@dataclass(frozen=True, slots=True)
class SkippedRow:
    """A row that was not graded, and why, in words a teacher can act on."""

    line: int
    id: str | None
    reason: str

    def render(self, path: str | Path) -> str:
        return f"{path}:{self.line}: {self.reason}"


@dataclass(frozen=True, slots=True)
class GradedRow:
    row: AnswerRow
    grade: Grade

    @property
    def assessment(self) -> Assessment:
        assert self.grade.assessment is not None  # a typed answer always has one
        return self.grade.assessment


# ------------------------------------------------------------------ reading


def read_answers(path: Path) -> tuple[list[AnswerRow], list[SkippedRow]]:
    """The rows of a CSV or JSON Lines file, and the rows that could not be read.

    The format is told by content, not by the file's name: a file whose first
    non-blank character is `{` is JSON Lines, anything else is CSV.
    """
    text = _read_text(path)
    start = text.lstrip()
    if not start:
        raise BatchFileError(
            f"{path} is empty; write a header row such as "
            "'id,student,claim,drill,answer' and one row per answer"
        )
    if start[0] == "{":
        return _read_jsonl(text)
    if start[0] == "[":
        raise BatchFileError(
            f"{path} holds a JSON array; write JSON Lines instead: "
            "one JSON object per line, with no brackets around them"
        )
    return _read_csv(text, path)


def _read_text(path: Path) -> str:
    from argmap.input_file import read_input

    try:
        data = read_input(path)
    except FileNotFoundError:
        raise BatchFileError(f"{path}: no such file; check the path") from None
    except OSError as exc:
        raise BatchFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # A spreadsheet's "Unicode text": UTF-16 with its byte-order mark.
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise BatchFileError(
                f"{path} starts as UTF-16 text but is not valid UTF-16; save it again as CSV UTF-8"
            ) from None
    if b"\x00" in data:
        raise BatchFileError(f"{path} is a binary file, not CSV or JSON Lines text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BatchFileError(
            f"{path}:{line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file "
            "as UTF-8 (in a spreadsheet: 'CSV UTF-8') and try again"
        ) from None


def _lines(text: str) -> list[str]:
    """Physical lines, split only where a CSV reader or a text editor would."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


# ---- CSV


def _header_delimiter(text: str) -> str:
    """The delimiter that makes the header name an `answer` column (',' by default)."""
    first = next((line for line in _lines(text) if line.strip()), "")
    for delimiter in _DELIMITERS:
        try:
            names = next(csv.reader([first], delimiter=delimiter), [])
        except csv.Error:
            continue  # a field past the csv module's limit: the reader below says where
        if "answer" in (_column(n) for n in names):
            return delimiter
    return ","


def _column(name: str) -> str:
    return name.strip().casefold().replace(" ", "_").replace("-", "_")


def _read_csv(text: str, path: Path) -> tuple[list[AnswerRow], list[SkippedRow]]:
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=_header_delimiter(text), strict=True
    )
    header: list[str] | None = None
    rows: list[AnswerRow] = []
    skipped: list[SkippedRow] = []
    previous_end = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            line = previous_end + 1
            previous_end = reader.line_num
            if header is None:
                if "field larger than field limit" in str(exc):
                    raise BatchFileError(
                        f"{path}:{line}: the header row has a field longer "
                        "than 128 kB: this is not a file of answers; write "
                        "a header row such as 'id,student,claim,drill,"
                        "answer'"
                    ) from None
                raise BatchFileError(
                    f"{path}:{line}: the header row is not valid CSV ({exc}); {_FIX_QUOTES}"
                ) from None
            skipped.append(SkippedRow(line, None, _csv_problem(str(exc), line)))
            continue
        line, previous_end = previous_end + 1, reader.line_num
        if not any(f.strip() for f in fields):
            continue  # a blank line, or a row of empty cells
        if header is None:
            header = _csv_header(fields, path, line)
            continue
        if len(fields) > len(header):
            ident = fields[header.index("id")] if "id" in header else None
            skipped.append(
                SkippedRow(
                    line,
                    ident or None,
                    (
                        f"this row has {len(fields)} fields but the header has {len(header)}; "
                        f"{_FIX_QUOTES}"
                    ),
                )
            )
            continue
        values: dict[str, object] = dict(zip(header, fields, strict=False))
        for name in header[len(fields) :]:
            values[name] = ""  # a short row: its missing cells are empty
        parsed = _row(line, values, csv_cells=True)
        if isinstance(parsed, AnswerRow):
            rows.append(parsed)
        else:
            skipped.append(parsed)
    if header is None:
        raise BatchFileError(f"{path} has no header row")
    return rows, skipped


def _csv_problem(message: str, line: int) -> str:
    if "unexpected end of data" in message:
        return (
            f"a quoted field opened on or after line {line} is never closed, so the "
            f"rest of the file was read as one field; {_FIX_QUOTES}"
        )
    if "field larger than field limit" in message:
        return "a field of this row is longer than 128 kB; shorten the answer"
    return f"not valid CSV ({message}); {_FIX_QUOTES}"


def _csv_header(fields: list[str], path: Path, line: int) -> list[str]:
    names = [_column(f) for f in fields]
    seen: set[str] = set()
    for name, raw in zip(names, fields, strict=True):
        if not name:
            raise BatchFileError(
                f"{path}:{line}: the header row has an empty column name; "
                "name every column (answer, claim, drill, ...)"
            )
        if name in seen:
            raise BatchFileError(
                f"{path}:{line}: the header names the column {raw.strip()!r} twice; keep one"
            )
        seen.add(name)
    return names


# ---- JSON Lines


def _read_jsonl(text: str) -> tuple[list[AnswerRow], list[SkippedRow]]:
    rows: list[AnswerRow] = []
    skipped: list[SkippedRow] = []
    for line, raw in enumerate(_lines(text), start=1):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as exc:
            skipped.append(
                SkippedRow(
                    line,
                    None,
                    (
                        f"not valid JSON ({exc.msg} at column {exc.colno}); write one JSON object "
                        'per line, such as {"answer": "...", "claim": "...", '
                        '"drill": "rebut"}'
                    ),
                )
            )
            continue
        except RecursionError:
            skipped.append(SkippedRow(line, None, "not valid JSON (nested too deeply)"))
            continue
        if not isinstance(value, dict):
            skipped.append(
                SkippedRow(
                    line,
                    None,
                    (
                        f"a JSON {_json_kind(value)}, not an object; write one object per line, "
                        'such as {"answer": "...", "reference": "..."}'
                    ),
                )
            )
            continue
        parsed = _row(line, {_column(k): v for k, v in value.items()}, csv_cells=False)
        if isinstance(parsed, AnswerRow):
            rows.append(parsed)
        else:
            skipped.append(parsed)
    return rows, skipped


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "string"
    if value is None:
        return "null"
    return "boolean" if isinstance(value, bool) else "number"


# ---- one row, from either format


class _BadRow(Exception):
    pass


def _row(line: int, values: Mapping[str, object], *, csv_cells: bool) -> AnswerRow | SkippedRow:
    """An `AnswerRow` from one row's columns; a CSV's empty cell counts as absent."""

    def get(name: str) -> object:
        value = values.get(name)
        return None if value is None or (csv_cells and value == "") else value

    ident = None
    try:
        ident = _label(get("id"), "id")
        student = _label(get("student"), "student")
        answer = values.get("answer")
        if answer is not None and not isinstance(answer, str):
            raise _BadRow(f"the answer should be text, not a {_json_kind(answer)}")
        references = _references(get("reference"), get("references"))
        key_points = _key_points(get("key_points"))
        opposites = _opposites(get("opposites"))
        if opposites and key_points:
            raise _BadRow(
                "opposites with key_points: give each key point its own, "
                '{"point": "...", "opposites": ["..."]}, and leave the opposites column '
                "for a reference without key points"
            )
        if opposites and not references:
            raise _BadRow(
                "opposites without a reference: they say what denies your model answer, "
                "so give its text in the reference column"
            )
        return AnswerRow(
            line=line,
            answer=answer,
            id=ident,
            student=student,
            claim=_text(get("claim"), "claim"),
            drill=_text(get("drill"), "drill"),
            references=references,
            key_points=key_points,
            opposites=opposites,
            question=_text(get("question"), "question"),
            extra=MappingProxyType({k: v for k, v in values.items() if k not in KNOWN_COLUMNS}),
        )
    except _BadRow as exc:
        return SkippedRow(line, ident, str(exc))


def _label(value: object, what: str) -> str | None:
    """An id or a student name: text, or a JSON number written as it was."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return json.dumps(value)
    raise _BadRow(f"{what} should be text or a number, not a {_json_kind(value)}")


def _text(value: object, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _BadRow(f"{what} should be text, not a {_json_kind(value)}")
    return value.strip() or None


def _references(reference: object, references: object) -> tuple[str, ...]:
    found: list[str] = []
    for name, value in (("reference", reference), ("references", references)):
        items = value if isinstance(value, list) else [] if value is None else [value]
        for item in items:
            if not isinstance(item, str):
                raise _BadRow(
                    f"{name} should be a model answer's text or a list of them, "
                    f"not a {_json_kind(item)}"
                )
            if item.strip():
                found.append(item.strip())
    return tuple(found)


def _listed(value: object, name: str, example: str) -> object:
    """A cell that holds a list: JSON when it opens with "[", else texts separated by
    ';'. Anything else (a JSON Lines value) is returned as it is, to be checked."""
    if not isinstance(value, str):
        return value
    if not value.strip().startswith("["):
        return [p.strip() for p in value.split(";") if p.strip()]
    try:
        return json.loads(value)
    except (json.JSONDecodeError, RecursionError) as exc:
        where = (
            f" ({exc.msg} at column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        )
        raise _BadRow(
            f"{name} is not a valid JSON list{where}; write {example}, or separate them with ';'"
        ) from None


def _key_points(value: object) -> tuple[KeyPoint, ...]:
    """Key points from a JSON list (of texts or {point, synonyms, opposites}) or
    ';'-separated text."""
    if value is None:
        return ()
    value = _listed(value, "key_points", '["first point", "second point"]')
    if not isinstance(value, list):
        raise _BadRow(f"key_points should be a list, not a {_json_kind(value)}")
    out = []
    for item in value:
        if isinstance(item, str):
            if item.strip():
                out.append(KeyPoint(item.strip()))
        elif (
            isinstance(item, dict) and isinstance(item.get("point"), str) and item["point"].strip()
        ):
            out.append(
                KeyPoint(
                    item["point"].strip(),
                    _texts(item.get("synonyms"), "synonyms"),
                    _texts(item.get("opposites"), "opposites"),
                )
            )
        else:
            raise _BadRow(
                'each key point should be text or {"point": "...", "synonyms": ["..."], '
                '"opposites": ["..."]}'
            )
    return tuple(out)


def _opposites(value: object) -> tuple[str, ...]:
    """A reference's opposites: a JSON list of texts, or texts separated by ';'."""
    if value is None:
        return ()
    value = _listed(value, "opposites", '["first", "second"]')
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        raise _BadRow("opposites should be a list of texts")
    return tuple(s.strip() for s in value if s.strip())


def _texts(value: object, name: str) -> tuple[str, ...]:
    """A key point's synonyms or opposites: a list of texts (or one text)."""
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(s, str) for s in items):
        raise _BadRow(f"a key point's {name} should be a list of texts")
    return tuple(s.strip() for s in items if s.strip())


# ------------------------------------------------------------------ grading


def grade_row(row: AnswerRow, the_map: Map | None) -> GradedRow | SkippedRow:
    """Grade one row: against its own reference(s), or the map's model answers."""
    from argmap.training.grading import Grade, grade_text

    if row.answer is None:
        return SkippedRow(
            row.line,
            row.id,
            (
                "no answer column: name the column (or JSON field) that holds what the "
                "student wrote 'answer'"
            ),
        )
    if row.references:
        if row.claim or row.drill:
            return SkippedRow(
                row.line,
                row.id,
                (
                    "give either claim and drill (graded against the map) or reference "
                    "(graded against your model answer), not both"
                ),
            )
        from argmap.grading import assess

        refs = [Reference(text, row.key_points, opposites=row.opposites) for text in row.references]
        assessment = assess(row.answer, refs, question=row.question)
        return GradedRow(row, Grade(assessment.verdict, assessment.score, assessment=assessment))
    if not row.claim or not row.drill:
        missing = (
            "drill (rebut, support or switch) for its claim"
            if row.claim
            else "claim for its drill"
            if row.drill
            else "claim and drill, and no reference, to grade against"
        )
        return SkippedRow(row.line, row.id, f"the row has no {missing}")
    if the_map is None:
        return SkippedRow(row.line, row.id, "claim and drill need a map to grade against")
    question = map_question(the_map, row.claim, row.drill, _thesis(row))
    if isinstance(question, str):
        return SkippedRow(row.line, row.id, question)
    return GradedRow(row, grade_text(question, row.answer, the_map))


def _thesis(row: AnswerRow) -> str | None:
    value = row.extra.get("thesis")
    return value.strip() or None if isinstance(value, str) else None


# Questions by (map identity, claim, drill, thesis): a class answers each one many times.
_QUESTIONS: dict[tuple[int, str, str, str | None], tuple[Map, Question | str]] = {}


def map_question(the_map: Map, claim: str, drill: str, thesis: str | None = None) -> Question | str:
    """The drill's own question on `claim`, or why there is none (cached per map)."""
    key = (id(the_map), claim, drill, thesis)
    hit = _QUESTIONS.get(key)
    if hit is not None and hit[0] is the_map:
        return hit[1]
    if any(m is not the_map for m, _ in _QUESTIONS.values()):
        _QUESTIONS.clear()
    found = _build_question(the_map, claim, drill, thesis)
    _QUESTIONS[key] = (the_map, found)
    return found


def _build_question(the_map: Map, claim: str, drill: str, thesis: str | None) -> Question | str:
    from argmap.sides import sides
    from argmap.training.drills import all_drills
    from argmap.training.questions import DrillKind

    kind = drill.casefold()
    if kind not in DRILLS:
        return f"unknown drill {drill!r}; use rebut, support or switch"
    if claim not in the_map.claims_by_id:
        near = difflib.get_close_matches(claim, list(the_map.claims_by_id), n=1)
        hint = f"; did you mean {near[0]!r}?" if near else "; use a claim id from the map"
        return f"unknown claim {claim!r}{hint}"
    side = None
    if kind == "switch":
        if thesis is not None and thesis not in the_map.theses:
            return f"{thesis!r} is not a thesis of the map; the theses are " + ", ".join(
                the_map.theses
            )
        against = thesis or (the_map.theses[0] if the_map.theses else None)
        if against is None:
            return "the map has no thesis, so there are no sides to switch"
        own = sides(the_map, against).get(claim)
        if own not in ("pro", "con"):
            how = "argues both sides of" if own == "both" else "is not connected to"
            return (
                f"claim {claim!r} {how} the thesis {against!r}, so there is no other side to argue"
            )
        side = "con" if own == "pro" else "pro"
    question = all_drills(side, thesis)[DrillKind(kind)].question(the_map, claim, random.Random(0))
    if question is None or not question.text_answers:
        return f"no model answer: the map has no typed answer for the {kind} drill on {claim!r}"
    return question


# ------------------------------------------------------------------ results


def feedback(assessment: Assessment) -> list[str]:
    """The grader's own feedback, or the points made, missed and contradicted in words."""
    if assessment.feedback:
        return list(assessment.feedback)
    out = []
    for state, label in (
        (PointState.MADE, "Made"),
        (PointState.MISSED, "Missed"),
        (PointState.CONTRADICTED, "Contradicted"),
    ):
        named = [p.point for p in assessment.named(state)]
        if named:
            out.append(f"{label}: {'; '.join(named)}.")
    return out


def result_json(graded: GradedRow) -> dict[str, object]:
    """One graded row in the public shape of `argmap grade --json`."""
    a = graded.assessment
    return {
        "id": graded.row.id,
        "student": graded.row.student,
        "verdict": a.verdict.value,
        "score": round(a.score, 4),
        "matched": a.reference.label if a.reference is not None else None,
        "points": [{"point": p.point, "state": p.state.value} for p in a.points],
        "feedback": feedback(a),
    }


def grade_all(
    rows: Sequence[AnswerRow],
    the_map: Map | None,
) -> Iterator[GradedRow | SkippedRow]:
    """Every row graded (or skipped), in input order."""
    for row in rows:
        yield grade_row(row, the_map)
