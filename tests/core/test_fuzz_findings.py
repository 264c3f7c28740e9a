"""What a fuzz pass over every command found (issue 15, "look for the rest"):
each a traceback, a hang or a misleading message before the fix."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.atomic_write import write_output
from argmap.cli import main
from argmap.training.progress import DATABASE_NAME

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "data" / "hostile"
SMALL = HOSTILE / "small-ok.yaml"


def _argmap(
    *args: str, stdin: bytes = b"", data: Path | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if data is not None:
        env["ARGMAP_DATA_DIR"] = str(data)
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=timeout,
    )


@pytest.mark.parametrize("mode", ["mixed", "rebut"])
def test_drill_plain_takes_bytes_that_are_not_utf8(mode: str, tmp_path: Path) -> None:
    """Lone surrogates from stdin crashed the database (UnicodeEncodeError) and the
    grader's tokenizer (TypeError)."""
    stdin = (HOSTILE / "stdin-not-utf8.bin").read_bytes()
    done = _argmap(
        "drill",
        "--plain",
        "--mode",
        mode,
        "--count",
        "3",
        "--seed",
        "1",
        stdin=stdin,
        data=tmp_path,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert b"Traceback" not in done.stderr
    answers = [
        a
        for (a,) in sqlite3.connect(tmp_path / DATABASE_NAME).execute(
            "SELECT answer FROM reviews ORDER BY id"
        )
    ]
    assert answers
    if mode == "rebut":  # typed answers: each line is one, kept with U+FFFD in place
        assert len(answers) == 3 and any("\ufffd" in a for a in answers)


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_a_progress_database_that_is_not_a_file_is_named_at_once(kind: str, tmp_path: Path) -> None:
    """A FIFO in its place hung `drill` for ever (the header check opened it)."""
    database = tmp_path / DATABASE_NAME
    if kind == "fifo":
        os.mkfifo(database)
        said = "a pipe (FIFO)"
    elif kind == "folder":
        database.mkdir()
        said = "a folder"
    else:
        database.symlink_to("/dev/null")
        said = "a device"
    for command in (["drill", "--plain", "--count", "1"], ["stats"]):
        done = _argmap(*command, stdin=b"1\n", data=tmp_path, timeout=30)
        err = done.stderr.decode()
        assert done.returncode == 1 and done.stdout == b""
        assert f"{database}: this is {said}, not a progress database file" in err
        assert "--data-dir" in err and "Traceback" not in err
    assert database.is_symlink() or not database.is_file()  # left as it was


def test_grade_with_a_header_field_past_the_csv_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """csv.Error escaped from the delimiter sniffing as a traceback."""
    answers = tmp_path / "answers.csv"
    answers.write_text("answer" + "x" * 200_000 + ",claim\n")
    assert main(["grade", str(SMALL), str(answers)]) == 2
    err = capsys.readouterr().err
    assert f"{answers}:1: the header row has a field longer than 128 kB" in err


def test_a_dangling_symlink_output_names_the_missing_folder(tmp_path: Path) -> None:
    link = tmp_path / "out.md"
    link.symlink_to(tmp_path / "gone" / "out.md")
    with pytest.raises(OSError) as caught:
        write_output(link, "text")
    assert caught.value.strerror == (
        f"the folder {tmp_path / 'gone'} does not exist (where "
        f"the symbolic link {link} points); create it or choose "
        "another path"
    )
    assert link.is_symlink() and not (tmp_path / "gone").exists()


def test_export_into_a_missing_folder_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no" / "such" / "map.md"
    assert main(["export", str(SMALL), "--to", "markdown", "-o", str(target)]) == 2
    assert f"the folder {target.parent} does not exist" in capsys.readouterr().err


def test_a_source_file_that_is_a_fifo_or_folder_is_named_not_missing(tmp_path: Path) -> None:
    """check --notes said "not found" for a FIFO or a folder named as a source's file."""
    from argmap.checking import check_map
    from argmap.loading import load_map_text

    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "dir.txt").mkdir()
    text = (
        "map: {id: m, title: T, theses: [a]}\nsources:\n"
        "  - {id: s1, title: S1, file: pipe.txt}\n  - {id: s2, title: S2, file: dir.txt}\n"
        "claims:\n  - id: a\n    text: A\n    kind: fact\n    evidence:\n"
        "      - {source: s1, quote: x}\n      - {source: s2, quote: x}\n"
    )
    loaded = load_map_text(text, str(tmp_path / "m.yaml"))
    assert loaded.map is not None
    notes = {d.line: d.message for d in check_map(loaded.map, [tmp_path]) if d.code == "N503"}
    assert "pipe (FIFO), not a regular file" in notes[3] and "was not read" in notes[3]
    assert "a folder, not a regular file" in notes[4]


def test_stats_on_a_data_folder_that_is_a_file_or_a_looping_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Both showed "Answers: 0", as if there were no progress, with exit 0."""
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("x")
    assert main(["stats", "--data-dir", str(not_a_folder)]) == 1
    assert "the data folder is a file, not a folder" in capsys.readouterr().err
    looping = tmp_path / "loop"
    looping.mkdir()
    (looping / DATABASE_NAME).symlink_to(looping / DATABASE_NAME)
    assert main(["stats", "--data-dir", str(looping)]) == 1
    assert "Too many levels of symbolic links" in capsys.readouterr().err


def test_a_map_over_the_size_limit_says_how_to_raise_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The hint said "give the path of a map file" for a map that was only too big."""
    big = tmp_path / "big.yaml"
    big.write_text("#" * (1024 * 1024 + 10))
    monkeypatch.setenv("ARGMAP_MAX_FILE_MB", "1")
    assert main(["check", str(big)]) == 2
    out = capsys.readouterr()
    said = out.out + out.err
    assert "over the limit of 1 MB" in said and "ARGMAP_MAX_FILE_MB" in said
    assert "raise the limit" in said and "give the path of a map file" not in said
