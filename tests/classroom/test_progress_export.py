"""`argmap stats --export`: what the file holds, and what it must not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.classroom.progress_export import EXPORT_FORMAT, ExportError, build_export, clean_name
from argmap.cli import main
from tests.classroom.progress_maker import make_database

ROWS = [
    ("rebut", "photos-collected", ("privacy",), False),
    ("support", "feels-safer", ("safety",), True),
    ("rebut", "photos-collected", ("privacy",), True),
]


def test_export_keeps_every_answer_in_order_and_nothing_personal(tmp_path: Path) -> None:
    database = make_database(tmp_path, ROWS, map_id="smart-locks-example")
    document = build_export(database, "  Sam\tB. ")
    assert document["format"] == EXPORT_FORMAT
    assert document["student"] == "Sam B."
    assert set(document) == {"format", "student", "exported_on", "maps", "answers"}
    assert [
        (a["drill"], a["claim"], tuple(a["themes"]), a["correct"]) for a in document["answers"]
    ] == ROWS
    assert [a["date"] for a in document["answers"]] == ["2026-03-01", "2026-03-02", "2026-03-03"]
    assert {a["map"] for a in document["answers"]} == {"smart-locks-example"}
    text = json.dumps(document)
    for private in ("typed secret words", "12.5", "09:30", "rating", "seconds"):
        assert private not in text


def test_cli_export_writes_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_database(tmp_path / "data", ROWS)
    target = tmp_path / "sam.json"
    code = main(
        ["stats", "--data-dir", str(tmp_path / "data"), "--export", str(target), "--name", "Sam"]
    )
    assert code == 0
    assert json.loads(target.read_text())["student"] == "Sam"
    assert "Exported 3 answers as 'Sam'" in capsys.readouterr().out


def test_cli_export_without_a_name_off_a_terminal_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_database(tmp_path / "data", ROWS)
    target = tmp_path / "x.json"
    code = main(["stats", "--data-dir", str(tmp_path / "data"), "--export", str(target)])
    assert code == 2
    assert "--name" in capsys.readouterr().err
    assert not target.exists()


def test_export_with_no_progress_says_so_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "stats",
            "--data-dir",
            str(tmp_path / "empty"),
            "--export",
            str(tmp_path / "x.json"),
            "--name",
            "Sam",
        ]
    )
    assert code == 1
    assert "no progress found" in capsys.readouterr().err
    assert not (tmp_path / "empty").exists()


@pytest.mark.parametrize("raw", ["", "   ", "\x1b\x07\t", "x" * 61])
def test_unusable_names_are_refused(raw: str) -> None:
    with pytest.raises(ExportError):
        clean_name(raw)


def test_control_characters_are_removed_from_names() -> None:
    assert clean_name("Ana\x1b[31m Li") == "Ana[31m Li"
