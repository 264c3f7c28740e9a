"""The class report on generated progress files: figures, bad files, the HTML itself."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from argmap.classroom.class_stats import summarise
from argmap.classroom.map_texts import MapTexts
from argmap.classroom.progress_files import StudentFile, read_class, read_progress_file
from argmap.classroom.report_html import render_html
from argmap.classroom.report_text import render_text
from argmap.cli import main
from tests.classroom.progress_maker import (
    export_document,
    make_database,
    random_rows,
    write_export,
)


def expected_accuracy(
    rows_by_student: list[list[tuple]], *, theme: str | None = None, drill: str | None = None
) -> tuple[int, int]:
    """Answers and correct answers counted straight from the generated rows."""
    answers = correct = 0
    for rows in rows_by_student:
        for d, _claim, themes, ok in rows:
            if (theme is None or theme in themes) and (drill is None or d == drill):
                answers += 1
                correct += int(ok)
    return answers, correct


def test_figures_match_the_generated_answers(tmp_path: Path) -> None:
    rows = [random_rows(seed, 40 + seed) for seed in range(5)]
    paths = [write_export(tmp_path / f"s{i}.json", f"Student {i}", r) for i, r in enumerate(rows)]
    summary = summarise(read_class(paths))
    assert [s.name for s in summary.students] == [f"Student {i}" for i in range(5)]
    for theme in ("privacy", "safety"):
        tally = summary.figures.by_theme[("m", theme)]
        assert (tally.answers, tally.correct) == expected_accuracy(rows, theme=theme)
    for drill in ("rebut", "support", "flaw"):
        tally = summary.figures.by_drill[drill]
        assert (tally.answers, tally.correct) == expected_accuracy(rows, drill=drill)
    for student, own in zip(summary.students, rows, strict=True):
        assert (student.figures.total.answers, student.figures.total.correct) == expected_accuracy(
            [own]
        )
    # Most missed: ranked by wrong answers, counted from the rows.
    wrong: dict[str, int] = {}
    for r in rows:
        for _d, claim, _t, ok in r:
            wrong[claim] = wrong.get(claim, 0) + (not ok)
    assert [m.wrong for m in summary.missed] == sorted(
        (w for w in wrong.values() if w), reverse=True
    )
    assert all(wrong[m.claim_id] == m.wrong for m in summary.missed)


def test_students_who_got_a_claim_wrong_are_counted_once_each(tmp_path: Path) -> None:
    a = write_export(tmp_path / "a.json", "A", [("rebut", "x", (), False)] * 3)
    b = write_export(
        tmp_path / "b.json", "B", [("rebut", "x", (), False), ("rebut", "y", (), True)]
    )
    missed = summarise(read_class([a, b])).missed
    assert [(m.claim_id, m.wrong, m.answers, m.students_wrong) for m in missed] == [("x", 4, 4, 2)]


def test_export_then_report_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = []
    for i, name in enumerate(["Ana", "Ben"]):
        data = tmp_path / f"data{i}"
        make_database(data, random_rows(i, 12), map_id="smart-locks-example")
        target = tmp_path / f"{name}.json"
        assert (
            main(["stats", "--data-dir", str(data), "--export", str(target), "--name", name]) == 0
        )
        files.append(str(target))
    report = tmp_path / "report.html"
    capsys.readouterr()
    assert main(["class-report", *files, "-o", str(report)]) == 0
    out = capsys.readouterr().out
    assert "Class report: 2 students, 24 answers" in out
    assert re.search(r"^  Ana\s+\d+%", out, re.M) and re.search(r"^  Ben\s+\d+%", out, re.M)
    html = report.read_text()
    assert "Ana" in html and "Ben" in html
    # Theme labels come from the bundled example map, which declares them.
    assert "Privacy and what the data could be used for" in html


def test_malformed_and_duplicate_files_are_reported_not_fatal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write_export(tmp_path / "good.json", "Ana", random_rows(1, 10))
    copy = tmp_path / "copy.json"
    copy.write_text(good.read_text())
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "argmap-progress/1",\n  "student": "X",\n  "answers": [}\n')
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({**export_document("N", []), "format": "argmap-progress/9"}))
    wrong_type = tmp_path / "wrong.json"
    doc = export_document("W", [("rebut", "a", (), True)])
    doc["answers"][0]["correct"] = "yes"
    wrong_type.write_text(json.dumps(doc))
    missing = tmp_path / "missing.json"
    report = tmp_path / "r.html"
    code = main(
        [
            "class-report",
            str(good),
            str(copy),
            str(broken),
            str(newer),
            str(wrong_type),
            str(missing),
            "-o",
            str(report),
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "Class report: 1 student, 10 answers" in out
    assert f"{copy}: the same answers as {good}" in out
    assert f"{broken}:3:15: not valid JSON" in out
    assert "argmap-progress/9" in out and "update argmap" in out
    assert f"{wrong_type}: answer 1: 'correct' should be true or false" in out
    assert f"{missing}: cannot read the file" in out
    assert report.exists()


def test_only_bad_files_fail_without_writing_a_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    report = tmp_path / "r.html"
    assert main(["class-report", str(bad), "-o", str(report)]) == 1
    captured = capsys.readouterr()
    assert "not an argmap progress export" in captured.out
    assert "no usable progress file" in captured.err
    assert not report.exists()


def test_same_name_keeps_the_larger_file_and_says_so(tmp_path: Path) -> None:
    rows = random_rows(3, 10)
    early = write_export(tmp_path / "early.json", "Sam", rows[:4])
    late = write_export(tmp_path / "late.json", "sam", rows)
    progress = read_class([late, early])
    assert [s.path for s in progress.students] == [str(late)]
    assert len(progress.problems) == 1 and progress.problems[0].path == str(early)
    assert "also named" in progress.problems[0].message


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.urls += [v or "" for k, v in attrs if k in ("src", "href")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_self_contained_and_escapes_names_and_claims(tmp_path: Path) -> None:
    evil = '<script>alert("x")</script>'
    path = write_export(tmp_path / "e.json", evil, [("rebut", "c1", ("t<1>",), False)])
    result = read_progress_file(path)
    assert isinstance(result, StudentFile)
    texts = MapTexts(
        claims={("m", "c1"): "Claims & <b>bold</b> lies"},
        themes={("m", "t<1>"): "T & <i>U</i>"},
        maps={"m": "Map <u>title</u>"},
    )
    html = render_html(summarise(read_class([path])), [], texts)
    parser = _Collector()
    parser.feed(html)
    assert "script" not in parser.tags and "b" not in parser.tags
    assert parser.urls == []
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert evil in "".join(parser.text)  # shown as text, exactly
    assert "Claims & <b>bold</b> lies" in "".join(parser.text)
    assert "T & <i>U</i>" in "".join(parser.text) and "Map <u>title</u>" in "".join(parser.text)
    assert "i" not in parser.tags and "u" not in parser.tags
    assert "svg" in parser.tags and "rect" in parser.tags
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", html)


def test_bidi_and_line_breaks_in_claim_text_are_shown_not_obeyed(tmp_path: Path) -> None:
    """A claim's right-to-left override or line break cannot reorder or forge report lines."""
    path = write_export(tmp_path / "e.json", "Ann", [("rebut", "c1", ("t",), False)])
    texts = MapTexts(claims={("m", "c1"): "safe\u202eecnetnes\nForged line"})
    summary = summarise(read_class([path]))
    html = render_html(summary, [], texts)
    text = render_text(summary, [], texts)
    for out in (html, text):
        assert "\u202e" not in out
        assert "⟨U+202E⟩" in out
    assert not any(line.startswith("Forged line") for line in text.splitlines())
