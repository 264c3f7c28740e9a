"""The progress database: durable under kill, shared safely, never silently replaced."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating

from argmap.training.progress import (
    SCHEMA_VERSION,
    AnswerRecord,
    Progress,
    ProgressError,
)
from argmap.training.scheduling import rebuild_schedule

LOOP = Path(__file__).with_name("answer_loop.py")
REPO = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def record(
    progress: Progress, claim: str, rating: Rating, when: datetime, drill: str = "rebut"
) -> int:
    return progress.record(
        AnswerRecord("m", drill, claim, ("focus",), rating != Rating.Again, 1.0, rating), when
    )


def test_a_new_database_gets_the_current_schema(tmp_path: Path) -> None:
    with Progress.open(tmp_path / "deep" / "p.sqlite3") as p:
        assert p.integrity() == "ok"
    db = sqlite3.connect(tmp_path / "deep" / "p.sqlite3")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_cards_are_keyed_by_claim_id_and_drill(progress: Progress) -> None:
    record(progress, "a", Rating.Good, T0)
    record(progress, "a", Rating.Good, T0 + timedelta(days=3))
    record(progress, "a", Rating.Again, T0, drill="support")
    cards = progress.cards()
    assert {(k.drill, k.claim_id) for k in cards} == {("rebut", "a"), ("support", "a")}
    assert cards[("m", "rebut", "a")].due > cards[("m", "support", "a")].due


def test_the_card_cache_is_rebuilt_exactly_from_the_log(progress: Progress) -> None:
    ratings = [Rating.Good, Rating.Again, Rating.Easy, Rating.Hard, Rating.Good]
    for i, rating in enumerate(ratings * 3):
        record(progress, f"c{i % 4}", rating, T0 + timedelta(hours=7 * i))
    cached = {k: c.to_dict() for k, c in progress.cards().items()}
    assert {k: c.to_dict() for k, c in rebuild_schedule(progress.log()).items()} == cached
    # Wipe the cache with a stray edit, then rebuild it from the log.
    progress._db.execute("UPDATE cards SET card = '{}', due = 0")
    assert progress.rebuild_cache() == 4
    assert {k: c.to_dict() for k, c in progress.cards().items()} == cached


def test_the_review_log_is_append_only(progress: Progress) -> None:
    record(progress, "a", Rating.Good, T0)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        progress._db.execute("UPDATE reviews SET correct = 0")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        progress._db.execute("DELETE FROM reviews")
    assert len(progress.log()) == 1


def test_a_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE future (x)")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(ProgressError, match="newer argmap"):
        Progress.open(path)
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


@pytest.mark.parametrize(
    "content", [b"this is not a database at all\n" * 10, b"SQLite format 3\x00" + b"\xff" * 4000]
)
def test_a_damaged_file_is_refused_and_never_replaced(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "p.sqlite3"
    path.write_bytes(content)
    with pytest.raises(ProgressError, match="not a readable argmap progress database"):
        Progress.open(path)
    assert path.read_bytes() == content


def test_someone_elses_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE contacts (name)")
    db.commit()
    db.close()
    with pytest.raises(ProgressError, match="tables argmap did not write"):
        Progress.open(path)


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


def test_a_kill_loses_no_acknowledged_answer(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    proc = subprocess.Popen(
        [sys.executable, str(LOOP), str(path), "k", "0"],
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    assert proc.stdout is not None
    acked = 0
    for line in proc.stdout:
        acked = int(line.split()[2])
        if acked >= 40:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Progress.open(path) as p:
        assert p.integrity() == "ok"
        stored = [int(text) for (text,) in p._db.execute("SELECT substr(answer, 3) FROM reviews")]
        assert len(stored) >= acked
        assert set(range(1, acked + 1)) <= set(stored)
        # The cache still agrees with the log after the kill.
        assert {k: c.to_dict() for k, c in rebuild_schedule(p.log()).items()} == {
            k: c.to_dict() for k, c in p.cards().items()
        }


def test_sessions_at_once_lose_nothing(tmp_path: Path) -> None:
    # Three writers on a database none of them has created yet: they also race to
    # create, switch to WAL and migrate it.
    path = tmp_path / "p.sqlite3"
    procs = [
        subprocess.Popen(
            [sys.executable, str(LOOP), str(path), name, "60"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
        )
        for name in ("a", "b", "c")
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [o[1] for o in outputs]
    with Progress.open(path) as p:
        answers = sorted(a for (a,) in p._db.execute("SELECT answer FROM reviews"))
        assert answers == sorted(f"{n} {i}" for n in "abc" for i in range(1, 61))
        assert p.integrity() == "ok"
        assert {k: c.to_dict() for k, c in rebuild_schedule(p.log()).items()} == {
            k: c.to_dict() for k, c in p.cards().items()
        }


def test_a_locked_database_is_reported_busy_not_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap.training import progress as progress_module

    path = tmp_path / "p.sqlite3"
    Progress.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(progress_module, "BUSY_TIMEOUT_MS", 300)
    try:
        with pytest.raises(ProgressError, match="busy") as caught:
            Progress.open(path)
        assert "not a readable" not in str(caught.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Progress.open(path) as p:
        assert p.integrity() == "ok"
