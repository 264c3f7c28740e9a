"""Schema 3: each answer records which map (by content hash) it came from; old rows are kept."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fsrs import Rating

from argmap.bundled import bundled_maps_dir
from argmap.loading import load_map
from argmap.map_identity import identify, text_hash
from argmap.training.progress import (
    DATABASE_NAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    AnswerRecord,
    Progress,
)
from argmap.training.session import DrillSession, Feedback, SessionOptions

T0 = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)
DRILL_MAP = Path(__file__).resolve().parent / "data" / "drill-map.yaml"


def version_2_database(path: Path) -> None:
    """A database exactly as schema 2 wrote it: two answers and an override, no map record."""
    db = sqlite3.connect(path)
    for step in MIGRATIONS[:2]:
        db.executescript(step)
    db.execute("PRAGMA user_version = 2")
    db.executemany(
        "INSERT INTO reviews (map_id, drill, claim_id, themes, answered_at, correct, score, "
        "rating, verdict, typed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            ("face-at-the-door", "rebut", "a", '["privacy"]', T0.isoformat(), 1, 1.0, 3,
             "correct", 1),
            ("face-at-the-door", "rebut", "b", '["cost"]', T0.isoformat(), 0, 0.0, 1,
             "incorrect", 1),
        ],
    )  # fmt: skip
    db.execute(
        "INSERT INTO overrides (review_id, verdict, rating, overridden_at) VALUES (2, "
        "'correct', 3, ?)",
        (T0.isoformat(),),
    )
    db.commit()
    db.close()


def test_a_version_2_database_is_migrated_keeping_every_row(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    version_2_database(path)
    bundled = load_map(bundled_maps_dir() / "face-at-the-door.yaml").map
    assert bundled is not None
    identity = identify(bundled)
    assert identity is not None
    with Progress.open(path) as progress:
        old = progress.answers()
        assert [(a.claim_id, a.correct, a.map_hash) for a in old] == [
            ("a", True, None),
            ("b", True, None),  # the override survives the migration
        ]
        progress.record(
            AnswerRecord(
                "face-at-the-door", "rebut", "c", ("fraud",), True, 1.0, Rating.Good, map=identity
            ),
            T0,
        )
        answers = progress.answers()
        assert [a.map_hash for a in answers] == [None, None, identity.sha256]
        recorded = progress.maps()[identity.sha256]
        assert (recorded.id, recorded.name, recorded.title) == (
            "face-at-the-door",
            "face-at-the-door",
            bundled.title,
        )
        assert recorded.themes == dict(bundled.themes)
        # The map record is append-only, as the review log is.
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            progress._db.execute("UPDATE maps SET title = 'forged'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            progress._db.execute("DELETE FROM maps")
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    assert db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 3
    assert db.execute("SELECT COUNT(*) FROM overrides").fetchone()[0] == 1
    db.close()


def test_a_version_2_database_is_read_without_being_changed(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    version_2_database(path)
    before = path.read_bytes()
    with Progress.open(path, read_only=True) as progress:
        assert [a.claim_id for a in progress.answers()] == ["a", "b"]
        assert progress.maps() == {}
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [DATABASE_NAME]


def test_the_same_map_answered_twice_is_recorded_once(tmp_path: Path) -> None:
    the_map = load_map(DRILL_MAP).map
    assert the_map is not None
    identity = identify(the_map)
    assert identity is not None and identity.sha256 == text_hash(DRILL_MAP.read_text("utf-8"))
    with Progress.open(tmp_path / DATABASE_NAME) as progress:
        for claim in ("a", "b"):
            progress.record(
                AnswerRecord(the_map.id, "rebut", claim, (), True, 1.0, Rating.Good, map=identity),
                T0,
            )
        assert list(progress.maps()) == [identity.sha256]
        assert progress._db.execute("SELECT COUNT(*) FROM maps").fetchone()[0] == 1


def test_a_damaged_hash_or_map_row_is_left_out_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    with Progress.open(path) as progress:
        progress.record(AnswerRecord("m", "rebut", "a", (), True, 1.0, Rating.Good), T0)
    db = sqlite3.connect(path)
    db.execute(
        "INSERT INTO reviews (map_id, drill, claim_id, themes, answered_at, correct, score, "
        "rating, map_hash) VALUES ('m', 'rebut', 'b', '[]', ?, 1, 1.0, 3, 'not a hash')",
        (T0.isoformat(),),
    )
    db.execute(
        "INSERT INTO maps VALUES (?, 'm', 'm', 'T', 'not json', ?)", ("a" * 64, T0.isoformat())
    )
    db.commit()
    db.close()
    with Progress.open(path, read_only=True) as progress:
        assert [a.map_hash for a in progress.answers()] == [None, None]
        assert progress.maps() == {}
        assert [d.table for d in progress.damaged] == ["maps"]


def test_a_drill_session_records_the_map_it_was_given(tmp_path: Path) -> None:
    the_map = load_map(DRILL_MAP).map
    assert the_map is not None
    with Progress.open(tmp_path / DATABASE_NAME) as progress:
        session = DrillSession(the_map, progress, SessionOptions(mode="rebut", count=1, seed=1))
        question = session.next_question()
        assert question is not None
        assert isinstance(session.answer(question, "1", 3.0), Feedback)
        [answer] = progress.answers()
        assert answer.map_hash == text_hash(DRILL_MAP.read_text("utf-8"))
        assert progress.maps()[answer.map_hash].name == "drill-map"
