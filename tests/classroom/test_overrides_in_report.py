"""How often students corrected the grader, from the database through the export to the report;
and a hostile number in a hand-in."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fsrs import Rating

from argmap.classroom.class_stats import summarise
from argmap.classroom.progress_export import build_export
from argmap.classroom.progress_files import FileProblem, read_class, read_progress_file
from argmap.cli import main
from argmap.grading import Verdict
from argmap.training.progress import DATABASE_NAME, AnswerRecord, Progress
from tests.classroom.progress_maker import export_document

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def database_with_overrides(folder: Path) -> Path:
    path = folder / DATABASE_NAME
    with Progress.open(path) as progress:
        raised = progress.record(
            AnswerRecord(
                "m",
                "rebut",
                "a",
                ("privacy",),
                False,
                0.0,
                Rating.Again,
                verdict=Verdict.INCORRECT,
                typed=True,
            ),
            T0,
        )
        lowered = progress.record(
            AnswerRecord(
                "m",
                "rebut",
                "b",
                ("privacy",),
                True,
                1.0,
                Rating.Good,
                verdict=Verdict.CORRECT,
                typed=True,
            ),
            T0,
        )
        progress.record(
            AnswerRecord(
                "m",
                "rebut",
                "c",
                ("privacy",),
                True,
                0.5,
                Rating.Hard,
                verdict=Verdict.PARTIAL,
                typed=True,
            ),
            T0,
        )
        progress.record(AnswerRecord("m", "source", "d", (), True, 1.0, Rating.Good), T0)
        progress.override(raised, Verdict.CORRECT, Rating.Good, T0)
        progress.override(lowered, Verdict.PARTIAL, Rating.Hard, T0)
    return path


def test_the_export_carries_both_verdicts_and_counts_the_students(tmp_path: Path) -> None:
    document = build_export(database_with_overrides(tmp_path), "Sam")
    rows = document["answers"]
    assert [
        (r["claim"], r["correct"], r["typed"], r["verdict"], r.get("student_verdict")) for r in rows
    ] == [
        ("a", True, True, "incorrect", "correct"),
        ("b", False, True, "correct", "partial"),
        ("c", False, True, "partial", None),  # partial is not right
        ("d", True, False, "correct", None),
    ]


def test_the_class_report_shows_how_often_the_grader_was_overridden(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = build_export(database_with_overrides(tmp_path), "Sam")
    sam = tmp_path / "sam.json"
    sam.write_text(json.dumps(document), encoding="utf-8")
    old = tmp_path / "old.json"  # an export made before argmap kept verdicts
    old.write_text(
        json.dumps(export_document("Ana", [("rebut", "a", ("privacy",), True)])), encoding="utf-8"
    )
    summary = summarise(read_class([sam, old]))
    overrides = summary.figures.overrides
    assert (overrides.typed, overrides.overridden, overrides.raised, overrides.lowered) == (
        3,
        2,
        1,
        1,
    )
    assert summary.figures.total.correct == 3  # Sam's a and d, Ana's one
    report = tmp_path / "report.html"
    assert main(["class-report", str(sam), str(old), "-o", str(report)]) == 0
    out = capsys.readouterr().out
    assert "Grades corrected by students: 2 of 3 typed answers (67%): 1 raised, 1 lowered" in out
    assert "Sam" in out and "corrected 2 grades" in out
    html = report.read_text(encoding="utf-8")
    assert "Grades students corrected" in html and "2 of 3 typed answers (67%)" in html


@pytest.mark.parametrize(
    "bad", [{"verdict": "excellent"}, {"student_verdict": 3}, {"typed": "yes"}]
)
def test_a_malformed_verdict_leaves_the_file_out(tmp_path: Path, bad: dict[str, object]) -> None:
    document = export_document("Ana", [("rebut", "a", (), True)])
    document["answers"][0].update(bad)
    path = tmp_path / "a.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    problem = read_progress_file(path)
    assert isinstance(problem, FileProblem) and "answer 1" in problem.message


def test_five_thousand_digits_in_a_hand_in_are_a_problem_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.dumps(export_document("Ana", [("rebut", "a", (), True)]))
    path = tmp_path / "digits.json"
    path.write_text(
        document.replace('"answers"', '"n": ' + "7" * 5000 + ', "answers"'), encoding="utf-8"
    )
    problem = read_progress_file(path)
    assert isinstance(problem, FileProblem) and "5000 digits" in problem.message
    code = main(["class-report", str(path), "-o", str(tmp_path / "r.html")])
    captured = capsys.readouterr()
    assert code == 1 and "Exceeds the limit" not in captured.out + captured.err
    assert "digits.json" in captured.out
