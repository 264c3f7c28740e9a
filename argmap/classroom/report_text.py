"""The class report as plain text for the terminal: the figures, no charts."""

from __future__ import annotations

from collections.abc import Mapping

from argmap.classroom.class_stats import ClassSummary, Tally, label, percent
from argmap.classroom.map_texts import MapTexts
from argmap.classroom.progress_files import FileProblem
from argmap.display import visible_line

SHOWN_MISSED = 5


def _table(title: str, table: Mapping[str, Tally], labels: Mapping[str, str]) -> list[str]:
    if not table:
        return []
    names = {key: label(labels, key) for key in table}
    width = max(len(n) for n in names.values())
    lines = [f"{title}:"]
    for key in sorted(table, key=lambda k: names[k].casefold()):
        tally = table[key]
        lines.append(
            f"  {names[key]:<{width}}  {percent(tally):>4}  ({tally.correct}/{tally.answers})"
        )
    return lines


def render_text(summary: ClassSummary, problems: list[FileProblem], texts: MapTexts) -> str:
    total = summary.figures.total
    lines = [
        f"Class report: {len(summary.students)} student"
        f"{'s' if len(summary.students) != 1 else ''}, {total.answers} answers, "
        f"{percent(total)} correct"
    ]
    lines.append(f"Grades corrected by students: {summary.figures.overrides.describe()}")
    lines += _table("By theme", summary.figures.by_theme, texts.themes)
    lines += _table("By drill", summary.figures.by_drill, {})
    if summary.students:
        lines.append("Students:")
        width = max(len(s.name) for s in summary.students)
        for student in summary.students:
            figures = student.figures
            weakest = min(
                figures.by_theme.items(),
                key=lambda kv: (kv[1].accuracy or 0.0, kv[0]),
                default=None,
            )
            extra = (
                f"; weakest theme: {label(texts.themes, weakest[0])} ({percent(weakest[1])})"
                if weakest
                else ""
            )
            corrected = figures.overrides.overridden
            extra += (
                f"; corrected {corrected} grade{'s' if corrected != 1 else ''}" if corrected else ""
            )
            lines.append(
                f"  {student.name:<{width}}  {percent(figures.total):>4}  "
                f"({figures.total.correct}/{figures.total.answers}){extra}"
            )
    if summary.missed:
        lines.append("Most often wrong:")
        for missed in summary.missed[:SHOWN_MISSED]:
            text = texts.claim(missed.map_id, missed.claim_id)
            lines.append(
                f"  {missed.claim_id}: {missed.wrong} wrong of {missed.answers}, "
                f"{missed.students_wrong} student"
                f"{'s' if missed.students_wrong != 1 else ''}"
                + (f" - {visible_line(text)}" if text else "")
            )
    if problems:
        lines.append("Files with problems:")
        lines += [f"  {p.render()}" for p in problems]
    return "\n".join(lines)
