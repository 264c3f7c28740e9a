"""A read-only data folder (issue 15): `stats` reads it, `drill` says it cannot save
there before the first question, and nothing is written, migrated or created."""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fsrs import Rating

from argmap.cli import main
from argmap.training import progress as progress_module
from argmap.training.progress import (
    DATABASE_NAME,
    MIGRATIONS,
    AnswerRecord,
    Progress,
    ProgressError,
)
from argmap.training.stats import load_stats

SETPRIV = shutil.which("setpriv")


def _fill(folder: Path, answers: int = 3) -> Path:
    database = folder / DATABASE_NAME
    with Progress.open(database) as progress:
        for i in range(answers):
            progress.record(
                AnswerRecord(
                    "m",
                    "rebut",
                    f"c{i}",
                    ("privacy",),
                    i % 2 == 0,
                    1.0 if i % 2 == 0 else 0.0,
                    Rating.Good if i % 2 == 0 else Rating.Again,
                )
            )
    return database


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user can reach (pytest's tmp_path is private to root)."""
    top = Path(tempfile.mkdtemp(prefix="argmap-ro-", dir="/tmp"))
    top.chmod(0o755)
    try:
        yield top
    finally:
        for path in [top, *top.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(top)


def _run_unprivileged(args: list[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    """argmap as a user who cannot write the folder (nobody, when the tests run as root)."""
    command = [sys.executable, "-m", "argmap", *args]
    if os.geteuid() == 0:
        if SETPRIV is None:
            pytest.skip("running as root without setpriv: cannot drop to another user")
        command = [SETPRIV, "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    env = {**os.environ, "HOME": "/tmp"}
    return subprocess.run(
        command, input=stdin, capture_output=True, text=True, timeout=120, env=env, cwd="/tmp"
    )


def _make_read_only(folder: Path) -> None:
    for path in folder.iterdir():
        path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    folder.chmod(0o555)


def test_stats_reads_a_read_only_folder(shared_folder: Path) -> None:
    folder = shared_folder / "data"
    folder.mkdir()
    _fill(folder)
    _make_read_only(folder)
    before = _snapshot(folder)
    done = _run_unprivileged(["stats", "--json", "--data-dir", str(folder)])
    assert done.returncode == 0, done.stderr
    assert '"answers": 3' in done.stdout and '"correct": 2' in done.stdout
    assert "Traceback" not in done.stderr and "not a readable" not in done.stderr
    assert _snapshot(folder) == before


def test_drill_in_a_read_only_folder_stops_before_the_first_question(shared_folder: Path) -> None:
    folder = shared_folder / "data"
    folder.mkdir()
    _fill(folder)
    _make_read_only(folder)
    before = _snapshot(folder)
    done = _run_unprivileged(
        ["drill", "--plain", "--count", "1", "--data-dir", str(folder)], stdin="1\n"
    )
    assert done.returncode == 1
    assert done.stdout == ""  # nothing asked
    assert "cannot save drill progress here" in done.stderr
    assert "--data-dir" in done.stderr and "read-only" in done.stderr
    assert "Traceback" not in done.stderr
    assert _snapshot(folder) == before


def test_drill_refuses_an_unwritable_folder_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(tmp_path)
    real_access = os.access

    def access(path: object, mode: int) -> bool:
        if Path(str(path)) == tmp_path and mode & os.W_OK:
            return False
        return real_access(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(progress_module.os, "access", access)
    monkeypatch.setattr(sys, "stdin", io.StringIO("1\n"))
    assert main(["drill", "--plain", "--data-dir", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (
        f"{tmp_path}: cannot save drill progress here: the data folder is read-only" in captured.err
    )


def test_a_read_only_file_in_a_writable_folder_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = _fill(tmp_path)
    real_access = os.access
    monkeypatch.setattr(
        progress_module.os,
        "access",
        lambda p, m: False if Path(str(p)) == database and m & os.W_OK else real_access(p, m),
    )
    with pytest.raises(ProgressError, match="progress.sqlite3 is read-only"):
        Progress.open(database)


def test_reading_creates_nothing_beside_the_database(tmp_path: Path) -> None:
    _fill(tmp_path)
    before = _snapshot(tmp_path)
    stats = load_stats(tmp_path / DATABASE_NAME)
    assert stats.answers == 3
    assert _snapshot(tmp_path) == before  # no -wal, no -shm, the file unchanged


def test_an_older_schema_is_migrated_in_memory_only(tmp_path: Path) -> None:
    database = tmp_path / DATABASE_NAME
    db = sqlite3.connect(database, isolation_level=None)
    db.executescript(MIGRATIONS[0])
    db.execute(
        "INSERT INTO reviews (map_id, drill, claim_id, themes, answered_at, correct, "
        "score, rating) VALUES ('m', 'rebut', 'a', '[\"x\"]', "
        "'2026-03-01T10:00:00+00:00', 1, 1.0, 3)"
    )
    db.execute("PRAGMA user_version = 1")
    db.close()
    before = _snapshot(tmp_path)
    with Progress.open(database, read_only=True) as progress:
        answers = progress.answers()
    assert [(a.claim_id, a.correct, a.verdict) for a in answers] == [("a", True, None)]
    assert _snapshot(tmp_path) == before
    assert sqlite3.connect(database).execute("PRAGMA user_version").fetchone()[0] == 1


def test_read_only_sees_answers_still_in_the_journal(tmp_path: Path) -> None:
    """A drill still running (its answers in the -wal): stats count them."""
    database = _fill(tmp_path, answers=2)
    with Progress.open(database) as running:
        running.record(AnswerRecord("m", "rebut", "late", (), True, 1.0, Rating.Good))
        assert (tmp_path / (DATABASE_NAME + "-wal")).exists()
        assert load_stats(database).answers == 3
