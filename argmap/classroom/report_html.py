"""The class report as one self-contained HTML file.

Everything is inline (styles, SVG charts) and a Content-Security-Policy
forbids the page from loading anything, so it opens the same from a USB
stick, an e-mail attachment or a school computer with no network. Student
names, claim texts and file names are data: each goes through `html.escape`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from functools import partial
from html import escape

from argmap.classroom.class_stats import Breakdown, ClassSummary, Tally, label, percent
from argmap.classroom.map_texts import MapTexts
from argmap.classroom.progress_files import FileProblem
from argmap.classroom.report_text import theme_names
from argmap.classroom.svg_charts import Bar, bar_chart, bar_colour
from argmap.display import visible_line

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 70em; color: #222;
       padding: 0 1em; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #ddd; padding: .3em .6em; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.cell { color: #fff; font-weight: 600; }
.note { color: #555; } .problems li { color: #8a1c1c; }
.chart { max-width: 100%; height: auto; }
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _figure(tally: Tally) -> str:
    return f"{tally.correct}/{tally.answers}"


def _cell(tally: Tally | None) -> str:
    if tally is None or tally.accuracy is None:
        return '<td class="num note">–</td>'
    colour = bar_colour(tally.accuracy)
    return (
        f'<td class="num cell" style="background:{colour}" '
        f'title="{escape(_figure(tally))}">{escape(percent(tally))}</td>'
    )


def _bars(table: Mapping[str, Tally], labels: Mapping[str, str]) -> list[Bar]:
    return [
        Bar(label(labels, key), table[key].accuracy, _figure(table[key]))
        for key in sorted(table, key=lambda k: label(labels, k).casefold())
    ]


def _student_table(
    summary: ClassSummary,
    keys: list[str],
    column: Callable[[Breakdown], Mapping[str, Tally]],
    labels: Mapping[str, str],
    total: Callable[[Breakdown], Tally | None] = lambda b: b.total,
) -> str:
    head = "".join(f"<th>{escape(visible_line(label(labels, k)))}</th>" for k in keys)
    rows = [f"<tr><th>Student</th><th>All</th>{head}</tr>"]
    for student in summary.students:
        if total(student.figures) is None:
            continue  # nothing from this student here (another map)
        table = column(student.figures)
        cells = "".join(_cell(table.get(k)) for k in keys)
        rows.append(
            f"<tr><td>{escape(student.name)}</td>{_cell(total(student.figures))}{cells}</tr>"
        )
    everyone = column(summary.figures)
    cells = "".join(_cell(everyone.get(k)) for k in keys)
    rows.append(f"<tr><th>Class</th>{_cell(total(summary.figures))}{cells}</tr>")
    return "<table>\n" + "\n".join(rows) + "\n</table>"


def _map_total(figures: Breakdown, map_id: str) -> Tally | None:
    return figures.by_map.get(map_id)


def _by_map(summary: ClassSummary, texts: MapTexts) -> list[str]:
    """Each map the class drilled, its themes under the names that map gives them."""
    if not summary.maps:
        return ['<p class="note">No answers.</p>']
    out = []
    for map_id in summary.maps:
        tally = summary.figures.by_map[map_id]
        themes = summary.figures.themes_in(map_id)
        names = theme_names(summary, texts, map_id)
        out.append(
            f"<h3>{escape(visible_line(texts.title(map_id)))} "
            f'<span class="note">({escape(map_id)})</span></h3>'
        )
        out.append(
            f'<p class="note">{tally.answers} answer{"s" if tally.answers != 1 else ""}, '
            f"{escape(percent(tally))} correct.</p>"
        )
        if not themes:
            out.append('<p class="note">No answer from this map has a theme.</p>')
            continue
        out.append(bar_chart(f"Class accuracy by theme: {map_id}", _bars(themes, names)))
        out.append(
            _student_table(
                summary,
                sorted(themes, key=lambda k: names[k].casefold()),
                partial(Breakdown.themes_in, map_id=map_id),
                names,
                partial(_map_total, map_id=map_id),
            )
        )
    return out


def _overrides(summary: ClassSummary) -> str:
    """How often students overrode the grader, in all and per student."""
    everyone = summary.figures.overrides
    text = (
        f'<p class="note">After the feedback on a typed answer a student may say the '
        f"grade is wrong; the report counts their verdict. Corrected: "
        f"{escape(everyone.describe())}.</p>"
    )
    rows = [
        f'<tr><td>{escape(s.name)}</td><td class="num">{s.figures.overrides.overridden}'
        f'</td><td class="num">{s.figures.overrides.typed}</td></tr>'
        for s in summary.students
        if s.figures.overrides.overridden
    ]
    if rows:
        text += (
            "<table>\n<tr><th>Student</th><th>Corrected</th><th>Typed answers</th></tr>\n"
            + "\n".join(rows)
            + "\n</table>"
        )
    return text


def render_html(
    summary: ClassSummary, problems: list[FileProblem], texts: MapTexts, today: date | None = None
) -> str:
    drills = summary.drills
    total = summary.figures.total
    body = [
        "<h1>Class report</h1>",
        f'<p class="note">Made on {escape((today or date.today()).isoformat())} from '
        f"{len(summary.students)} student file{'s' if len(summary.students) != 1 else ''}: "
        f"{total.answers} answers, {escape(percent(total))} correct.</p>",
        "<h2>Grades students corrected</h2>",
        _overrides(summary),
        "<h2>The class by map and theme</h2>",
        *_by_map(summary, texts),
        "<h2>The class by drill</h2>",
        bar_chart("Class accuracy by drill", _bars(summary.figures.by_drill, {}))
        if drills
        else '<p class="note">No answers.</p>',
        "<h2>Students</h2>",
        bar_chart(
            "Accuracy per student",
            [
                Bar(s.name, s.figures.total.accuracy, _figure(s.figures.total))
                for s in summary.students
            ],
        )
        if summary.students
        else "",
        "<h3>By drill</h3>",
        _student_table(summary, drills, lambda b: b.by_drill, {}),
        "<h2>Claims the class most often gets wrong</h2>",
    ]
    if summary.missed:
        rows = ["<tr><th>Claim</th><th>Map</th><th>Wrong</th><th>Students</th></tr>"]
        for missed in summary.missed:
            text = texts.claim(missed.map_id, missed.claim_id)
            shown = (
                f'{escape(visible_line(text))}<br><span class="note">'
                f"{escape(missed.claim_id)}</span>"
                if text
                else escape(missed.claim_id)
            )
            rows.append(
                f"<tr><td>{shown}</td><td>{escape(visible_line(texts.title(missed.map_id)))}"
                f'<br><span class="note">{escape(missed.map_id)}</span></td>'
                f'<td class="num">{missed.wrong} of {missed.answers}</td>'
                f'<td class="num">{missed.students_wrong}</td></tr>'
            )
        body.append("<table>\n" + "\n".join(rows) + "\n</table>")
    else:
        body.append('<p class="note">No wrong answers.</p>')
    if texts.notes:
        body.append("<h2>About the maps</h2>")
        body.append(
            '<ul class="notes">'
            + "".join(f"<li>{escape(visible_line(n))}</li>" for n in texts.notes)
            + "</ul>"
        )
    if problems:
        body.append("<h2>Files with problems</h2>")
        body.append(
            '<ul class="problems">'
            + "".join(f"<li>{escape(p.render())}</li>" for p in problems)
            + "</ul>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>argmap class report</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )
