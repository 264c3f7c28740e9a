"""Schema 2: verdicts and overrides; old databases stay readable; damaged rows never stop argmap."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fsrs import Rating

from argmap.grading import Verdict
from argmap.training.progress import (
    DATABASE_NAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    AnswerRecord,
    Progress,
    counts_as_right,
)
from argmap.training.scheduling import rebuild_schedule
from argmap.training.stats import load_stats

REPO = Path(__file__).resolve().parents[2]
DRILL_MAP = Path(__file__).resolve().parent / "data" / "drill-map.yaml"
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def version_1_database(path: Path) -> None:
    """A database as argmap wrote it before schema 2, with two typed answers."""
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute("PRAGMA user_version = 1")
    rows = [
        ("m", "rebut", "a", '["focus"]', T0.isoformat(), 1, 0.6, 3),  # old "right" at 60%
        ("m", "rebut", "b", '["focus"]', T0.isoformat(), 1, 1.0, 3),
    ]
    db.executemany(
        "INSERT INTO reviews (map_id, drill, claim_id, themes, answered_at, "
        "correct, score, rating) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    db.commit()
    db.close()


def test_a_version_1_database_is_migrated_and_its_rows_read(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    version_1_database(path)
    with Progress.open(path) as progress:
        answers = progress.answers()
        assert [a.claim_id for a in answers] == ["a", "b"]
        assert [a.verdict for a in answers] == [None, None]
        # The pass mark means what it says: an old half-marks "right" is not correct.
        assert [a.correct for a in answers] == [False, True]
        assert len(progress.log()) == 2
        progress.record(
            AnswerRecord(
                "m",
                "rebut",
                "a",
                ("focus",),
                False,
                0.5,
                Rating.Hard,
                verdict=Verdict.PARTIAL,
                typed=True,
            ),
            T0,
        )
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    assert db.execute("SELECT verdict, typed FROM reviews ORDER BY id").fetchall() == [
        (None, 0),
        (None, 0),
        ("partial", 1),
    ]


def test_counts_as_right_is_the_one_pass_mark() -> None:
    assert counts_as_right(Verdict.CORRECT, None, True, 0.5)
    assert not counts_as_right(Verdict.PARTIAL, None, True, 0.9)
    assert counts_as_right(Verdict.INCORRECT, Verdict.CORRECT, False, 0.0)  # student's word
    assert not counts_as_right(Verdict.CORRECT, Verdict.PARTIAL, True, 1.0)
    assert not counts_as_right(None, None, True, 0.99)
    assert counts_as_right(None, None, True, 1.0)


def test_overrides_are_append_only_and_rebuild_the_card(tmp_path: Path) -> None:
    with Progress.open(tmp_path / DATABASE_NAME) as progress:
        first = progress.record(
            AnswerRecord(
                "m",
                "rebut",
                "a",
                (),
                False,
                0.0,
                Rating.Again,
                verdict=Verdict.INCORRECT,
                typed=True,
            ),
            T0,
        )
        progress.record(
            AnswerRecord(
                "m", "rebut", "a", (), True, 1.0, Rating.Good, verdict=Verdict.CORRECT, typed=True
            ),
            T0.replace(day=9),
        )
        before = progress.cards()
        progress.override(first, Verdict.CORRECT, Rating.Good, T0.replace(day=10))
        log = progress.log()
        assert [r.rating for r in log] == [Rating.Good, Rating.Good]
        assert progress.cards() == rebuild_schedule(log) != before
        db = progress._db
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute("UPDATE overrides SET verdict = 'partial'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute("DELETE FROM overrides")
        with pytest.raises(Exception, match="no answer 99"):
            progress.override(99, Verdict.CORRECT, Rating.Good)
        # The latest override is the student's last word.
        progress.override(first, Verdict.PARTIAL, Rating.Hard, T0.replace(day=11))
        assert progress.answers()[0].student_verdict is Verdict.PARTIAL
        assert progress.log()[0].rating == Rating.Hard


def damaged_database(path: Path) -> None:
    """Good rows, and rows that pass every constraint but cannot be read."""
    with Progress.open(path) as progress:
        for claim in ("good-1", "good-2"):
            progress.record(
                AnswerRecord("drill-test", "rebut", claim, ("focus",), True, 1.0, Rating.Good), T0
            )
    db = sqlite3.connect(path)
    bad = [
        ("yesterday at noon", '["focus"]'),
        (T0.isoformat(), "not json ["),
        (T0.isoformat(), "[1, 2]"),
        (T0.isoformat(), '{"focus": 1}'),
        (T0.isoformat(), '"focus"'),
    ]
    for i, (when, themes) in enumerate(bad):
        db.execute(
            "INSERT INTO reviews (map_id, drill, claim_id, themes, answered_at, "
            "correct, score, rating) VALUES ('drill-test', 'rebut', ?, ?, ?, 1, 1.0, 3)",
            (f"bad-{i}", themes, when),
        )
    db.execute("INSERT INTO cards VALUES ('drill-test', 'rebut', 'bad-1', 'not a card', 'soon', 3)")
    db.execute("UPDATE cards SET card = '{\"oops\": 1}' WHERE claim_id = 'good-1'")
    db.commit()
    db.close()


def test_damaged_rows_are_reported_left_out_and_the_file_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    damaged_database(path)
    before = path.read_bytes()
    stats = load_stats(path, now=T0)
    assert stats.answers == 2  # the two good rows; the five bad ones are left out
    described = "\n".join(stats.damaged)
    assert len([d for d in stats.damaged if d.startswith("reviews")]) == 5
    assert "answered_at is not an ISO date" in described and "not a JSON list" in described
    assert "cards row" in described  # the damaged cache rows are met as well
    assert path.read_bytes() == before


def cli(*args: str, data: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "ARGMAP_DATA_DIR": str(data)}
    return subprocess.run(
        [sys.executable, "-m", "argmap.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_stats_and_drill_keep_going_past_damaged_rows(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    damaged_database(path)
    before = path.read_bytes()
    run = cli("stats", "--json", data=tmp_path)
    assert run.returncode == 0 and "Traceback" not in run.stderr
    data = json.loads(run.stdout)
    assert data["answers"] == 2 and data["damaged_rows"] >= 5
    assert "damaged row" in run.stderr and "reviews row 3" in run.stderr
    assert path.read_bytes() == before  # only read
    text = cli("stats", data=tmp_path)
    assert text.returncode == 0 and "Answers: 2" in text.stdout
    drill = cli(
        "drill",
        str(DRILL_MAP),
        "--plain",
        "--mode",
        "rebut",
        "--count",
        "2",
        stdin="1\n1\n",
        data=tmp_path,
    )
    assert drill.returncode == 0, drill.stderr
    assert "Traceback" not in drill.stderr and "damaged row" in drill.stderr
    with Progress.open(path) as progress:
        assert len(progress.answers()) == 4  # the two new answers were saved
        assert progress.integrity() == "ok"
    export = cli("stats", "--export", str(tmp_path / "out.json"), "--name", "Sam", data=tmp_path)
    assert export.returncode == 0 and "damaged row" in export.stderr
    assert len(json.loads((tmp_path / "out.json").read_text())["answers"]) == 4


def test_an_answer_on_a_card_whose_cache_row_is_damaged_rebuilds_it_from_the_log(
    tmp_path: Path,
) -> None:
    path = tmp_path / DATABASE_NAME
    with Progress.open(path) as progress:
        progress.record(AnswerRecord("m", "rebut", "a", (), True, 1.0, Rating.Good), T0)
    db = sqlite3.connect(path)
    db.execute("UPDATE cards SET card = 'not json'")
    db.commit()
    db.close()
    with Progress.open(path) as progress:
        progress.record(
            AnswerRecord("m", "rebut", "a", (), True, 1.0, Rating.Good), T0.replace(day=8)
        )
        assert progress.cards() == rebuild_schedule(progress.log())
        assert any(d.table == "cards" for d in progress.damaged)
