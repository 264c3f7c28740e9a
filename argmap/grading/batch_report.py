"""`argmap grade`'s output: JSON Lines for programs, a table and a summary for teachers.

Every value shown comes from a student's file or a map, so the text report
passes each through `shown`: no control character (ANSI escapes), no bidi
override and no line break inside a cell can reach the terminal. Nothing is
ever interpreted as markup: the report is plain text.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from argmap.display import shorten
from argmap.grading.batch import GradedRow, feedback, result_json
from argmap.grading.verdicts import Verdict

# Cells longer than this are cut, so one long id cannot push the table apart.
CELL_WIDTH = 24
NO_STUDENT = "(no student)"


def shown(text: str, width: int | None = None) -> str:
    """Text as one printable line: whitespace runs become one space, controls go.

    Unicode's "other" categories (controls such as ESC, format characters such
    as bidi overrides, lone surrogates) are dropped; with `width`, the text is
    cut to that many characters with an ellipsis.
    """
    out = " ".join(
        "".join(
            " " if ch.isspace() else ch
            for ch in text
            if ch.isspace() or unicodedata.category(ch)[0] != "C"
        ).split()
    )
    if width is not None and len(out) > width:
        out = shorten(out, width)  # at a word; a single long word is cut to fit the column
        out = out if len(out) <= width else out[: width - 1] + "…"
    return out


def json_lines(graded: Sequence[GradedRow]) -> str:
    """One JSON object per graded row, ASCII only, so any terminal or file takes it as is."""
    return "".join(json.dumps(result_json(g), ensure_ascii=True) + "\n" for g in graded)


@dataclass
class _Tally:
    answers: int = 0
    total: float = 0.0
    verdicts: dict[Verdict, int] = field(default_factory=lambda: dict.fromkeys(Verdict, 0))


def _percent(score: float) -> str:
    return f"{round(score * 100)}%"


def render_table(graded: Sequence[GradedRow], skipped: int = 0) -> str:
    """The graded rows as a table, each with its feedback, then a summary per student."""
    header = ("line", "id", "student", "verdict", "score", "matched")
    cells = [
        (
            str(g.row.line),
            shown(g.row.id or "", CELL_WIDTH),
            shown(g.row.student or "", CELL_WIDTH),
            g.assessment.verdict.value,
            _percent(g.assessment.score),
            shown(g.assessment.reference.label if g.assessment.reference else "-", CELL_WIDTH),
        )
        for g in graded
    ]
    widths = [max(len(row[i]) for row in (header, *cells)) for i in range(len(header))]
    right = {0, 4}  # numbers line up on the right

    def line(row: Sequence[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()

    lines = [line(header), line(["-" * w for w in widths])]
    for g, row in zip(graded, cells, strict=True):
        lines.append(line(row))
        lines += [
            f"{' ' * (widths[0] + 2)}{shown(sentence)}" for sentence in feedback(g.assessment)
        ]
    lines += ["", *_summary(graded)]
    total = f"{len(graded)} answer{'s' if len(graded) != 1 else ''} graded"
    if skipped:
        total += f", {skipped} row{'s' if skipped != 1 else ''} not graded (listed above)"
    lines.append(total + ".")
    return "\n".join(lines) + "\n"


def _summary(graded: Sequence[GradedRow]) -> list[str]:
    """Per student, in order of first appearance: counts per verdict and the mean score."""
    tallies: dict[str, _Tally] = {}
    for g in graded:
        name = shown(g.row.student or "", CELL_WIDTH) or NO_STUDENT
        tally = tallies.setdefault(name, _Tally())
        tally.answers += 1
        tally.total += g.assessment.score
        tally.verdicts[g.assessment.verdict] += 1
    if not tallies:
        return []
    width = max(len(name) for name in tallies)
    out = ["By student:"]
    for name, tally in tallies.items():
        counts = ", ".join(f"{n} {v.value}" for v, n in tally.verdicts.items())
        out.append(
            f"  {name:<{width}}  {tally.answers:>3} answer"
            f"{'s' if tally.answers != 1 else ' '}  {counts}; mean score "
            f"{_percent(tally.total / tally.answers)}"
        )
    return out
