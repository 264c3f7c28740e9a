"""The class report as plain text for the terminal: the figures, no charts."""

from __future__ import annotations

from collections.abc import Mapping

from argmap.classroom.class_stats import ClassSummary, Tally, label, percent
from argmap.classroom.map_texts import MapTexts
from argmap.classroom.progress_files import FileProblem
from argmap.display import visible_line

SHOWN_MISSED = 5


def _table(
    title: str, table: Mapping[str, Tally], labels: Mapping[str, str], indent: str = ""
) -> list[str]:
    if not table:
        return []
    names = {key: visible_line(label(labels, key)) for key in table}
    width = max(len(n) for n in names.values())
    lines = [f"{indent}{title}:"]
    for key in sorted(table, key=lambda k: names[k].casefold()):
        tally = table[key]
        lines.append(
            f"{indent}  {names[key]:<{width}}  {percent(tally):>4}  "
            f"({tally.correct}/{tally.answers})"
        )
    return lines


def theme_names(summary: ClassSummary, texts: MapTexts, map_id: str) -> dict[str, str]:
    """Theme id -> its name in map `map_id`, for the themes the class answered there."""
    return {t: texts.theme(map_id, t) for t in summary.figures.themes_in(map_id)}


def _maps(summary: ClassSummary, texts: MapTexts) -> list[str]:
    """Per map: its title, the answers from it, and its themes under their own names."""
    lines = []
    for map_id in summary.maps:
        tally = summary.figures.by_map[map_id]
        title = visible_line(texts.title(map_id))
        named = f"{title} ({map_id})" if title != map_id else map_id
        lines.append(
            f"Map {named}: {tally.answers} answer{'s' if tally.answers != 1 else ''}, "
            f"{percent(tally)} correct"
        )
        lines += _table(
            "By theme",
            summary.figures.themes_in(map_id),
            theme_names(summary, texts, map_id),
            "  ",
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
    lines += _maps(summary, texts)
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
                f"; weakest theme: {_theme_label(summary, texts, weakest[0])} "
                f"({percent(weakest[1])})"
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
            where = f"{missed.map_id}/" if len(summary.maps) > 1 else ""
            lines.append(
                f"  {where}{missed.claim_id}: {missed.wrong} wrong of {missed.answers}, "
                f"{missed.students_wrong} student"
                f"{'s' if missed.students_wrong != 1 else ''}"
                + (f" - {visible_line(text)}" if text else "")
            )
    if texts.notes:
        lines.append("About the maps:")
        lines += [f"  {visible_line(note)}" for note in texts.notes]
    if problems:
        lines.append("Files with problems:")
        lines += [f"  {p.render()}" for p in problems]
    return "\n".join(lines)


def _theme_label(summary: ClassSummary, texts: MapTexts, key: tuple[str, str]) -> str:
    """A theme's name, with its map's id when the class drilled more than one map."""
    name = visible_line(texts.theme(*key))
    return f"{name} ({key[0]})" if len(summary.maps) > 1 else name
