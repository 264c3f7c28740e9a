"""The progress database: an append-only review log and a card cache, in SQLite.

Safety rules, each tested in tests/training/test_progress*.py:

* One transaction per answer (`BEGIN IMMEDIATE` ... `COMMIT`), in WAL mode
  with `synchronous=FULL`: once `record` returns, the answer survives a kill.
* Two sessions at once: the write lock is taken before the card is read, and
  `busy_timeout` makes the other session wait instead of failing.
* The `reviews` table is the source of truth; triggers refuse UPDATE and
  DELETE on it. `cards` is a cache that `rebuild_cache` recomputes from it.
* `PRAGMA user_version` is the schema version. A newer one, or a file that is
  not an intact argmap database, raises `ProgressError` with a message for
  the user; such a file is never modified, replaced or deleted.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fsrs import Card, Rating

from argmap.training.scheduling import CardKey, LoggedReview, new_card, rebuild_schedule, review

SCHEMA_VERSION = 1
DATABASE_NAME = "progress.sqlite3"
BUSY_TIMEOUT_MS = 30_000
_SQLITE_HEADER = b"SQLite format 3\x00"

# MIGRATIONS[n] takes a database from version n to n + 1.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        map_id TEXT NOT NULL,
        drill TEXT NOT NULL,
        claim_id TEXT NOT NULL,
        themes TEXT NOT NULL DEFAULT '[]',
        answered_at TEXT NOT NULL,
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        score REAL NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        seconds REAL,
        hinted INTEGER NOT NULL DEFAULT 0,
        answer TEXT NOT NULL DEFAULT '',
        session TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX reviews_by_card ON reviews (map_id, drill, claim_id);
    CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
        BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END;
    CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
        BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END;
    CREATE TABLE cards (
        map_id TEXT NOT NULL,
        drill TEXT NOT NULL,
        claim_id TEXT NOT NULL,
        card TEXT NOT NULL,
        due REAL NOT NULL,
        last_review_id INTEGER NOT NULL REFERENCES reviews (id),
        PRIMARY KEY (map_id, drill, claim_id)
    );
    """,
)
_OUR_TABLES = {"reviews", "cards"}


class ProgressError(Exception):
    """The progress database cannot be used; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    map_id: str
    drill: str
    claim_id: str
    themes: tuple[str, ...]
    correct: bool
    score: float
    rating: Rating
    seconds: float | None = None
    hinted: bool = False
    answer: str = ""
    session: str = ""


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    """One answer as the stats need it."""

    answered_at: datetime
    map_id: str
    drill: str
    themes: tuple[str, ...]
    correct: bool


def _damaged(path: Path, why: str) -> ProgressError:
    return ProgressError(
        f"{path}: this is not a readable argmap progress database ({why}). "
        "It has been left untouched. Move it aside to start afresh, or choose another "
        "folder with --data-dir or ARGMAP_DATA_DIR.")


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Progress:
    """An open progress database. Use `Progress.open`; close it when done."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> Progress:
        """Open (creating if absent) and migrate; raise ProgressError if it cannot be used."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ProgressError(f"{path.parent}: cannot create the data folder "
                                f"({exc.strerror or exc}); choose another with --data-dir"
                                ) from None
        _check_header(path)
        try:
            db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as exc:
            raise ProgressError(f"{path}: cannot open the progress database ({exc})") from None
        try:
            _prepare_when_free(db, path)
        except sqlite3.OperationalError as exc:
            db.close()
            if _is_busy(exc):
                raise ProgressError(f"{path}: the progress database stayed busy for "
                                    f"{BUSY_TIMEOUT_MS // 1000} s (another argmap is using "
                                    "it); try again") from None
            raise _damaged(path, str(exc)) from None
        except sqlite3.DatabaseError as exc:
            db.close()
            raise _damaged(path, str(exc)) from None
        except ProgressError:
            db.close()
            raise
        return cls(path, db)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            raise ProgressError(f"{self.path}: could not save the answer ({exc})") from None

    # -- writing ----------------------------------------------------------------------------

    def record(self, answer: AnswerRecord, when: datetime | None = None) -> int:
        """Store one answer and update its card, in one transaction; return the review id."""
        when = when or _utc_now()
        with self._transaction() as db:
            row = db.execute("SELECT card FROM cards WHERE map_id = ? AND drill = ? "
                             "AND claim_id = ?",
                             (answer.map_id, answer.drill, answer.claim_id)).fetchone()
            card = Card.from_dict(json.loads(row[0])) if row else None
            if card is not None and card.last_review is not None and when < card.last_review:
                when = card.last_review  # another session's clock ran ahead: keep order
            cur = db.execute(
                "INSERT INTO reviews (map_id, drill, claim_id, themes, answered_at, correct,"
                " score, rating, seconds, hinted, answer, session)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (answer.map_id, answer.drill, answer.claim_id, json.dumps(list(answer.themes)),
                 when.isoformat(), int(answer.correct), float(answer.score), int(answer.rating),
                 answer.seconds, int(answer.hinted), answer.answer, answer.session))
            review_id = int(cur.lastrowid or 0)
            card = review(card or new_card(review_id, when), answer.rating, when)
            _store_card(db, CardKey(answer.map_id, answer.drill, answer.claim_id), card,
                        review_id)
        return review_id

    def rebuild_cache(self) -> int:
        """Recompute every card from the review log; return how many cards there are."""
        with self._transaction() as db:
            rebuilt = rebuild_schedule(self._log(db))
            last = dict(((m, d, c), i) for m, d, c, i in db.execute(
                "SELECT map_id, drill, claim_id, MAX(id) FROM reviews "
                "GROUP BY map_id, drill, claim_id"))
            db.execute("DELETE FROM cards")
            for key, card in rebuilt.items():
                _store_card(db, key, card, last[tuple(key)])
        return len(rebuilt)

    # -- reading ----------------------------------------------------------------------------

    def log(self) -> list[LoggedReview]:
        return self._log(self._db)

    @staticmethod
    def _log(db: sqlite3.Connection) -> list[LoggedReview]:
        return [LoggedReview(i, CardKey(m, d, c), Rating(r), datetime.fromisoformat(t))
                for i, m, d, c, r, t in db.execute(
                    "SELECT id, map_id, drill, claim_id, rating, answered_at FROM reviews "
                    "ORDER BY id")]

    def cards(self) -> dict[CardKey, Card]:
        return {CardKey(m, d, c): Card.from_dict(json.loads(card)) for m, d, c, card in
                self._db.execute("SELECT map_id, drill, claim_id, card FROM cards")}

    def due_at(self, map_id: str) -> dict[tuple[str, str], datetime]:
        """(drill, claim id) -> when that card falls due, for one map."""
        return {(d, c): datetime.fromtimestamp(due, UTC) for d, c, due in self._db.execute(
            "SELECT drill, claim_id, due FROM cards WHERE map_id = ?", (map_id,))}

    def count_due(self, now: datetime | None = None) -> int:
        when = (now or _utc_now()).timestamp()
        return int(self._db.execute("SELECT COUNT(*) FROM cards WHERE due <= ?",
                                    (when,)).fetchone()[0])

    def answers(self) -> list[StoredAnswer]:
        return [StoredAnswer(datetime.fromisoformat(t), m, d, tuple(json.loads(th)), bool(ok))
                for t, m, d, th, ok in self._db.execute(
                    "SELECT answered_at, map_id, drill, themes, correct FROM reviews ORDER BY id")]

    def theme_accuracy(self, map_id: str | None = None) -> dict[str, tuple[int, int]]:
        """theme -> (answers, correct), over one map or all."""
        out: dict[str, tuple[int, int]] = {}
        for a in self.answers():
            if map_id is not None and a.map_id != map_id:
                continue
            for theme in a.themes:
                n, ok = out.get(theme, (0, 0))
                out[theme] = (n + 1, ok + int(a.correct))
        return out

    def integrity(self) -> str:
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])


def _store_card(db: sqlite3.Connection, key: CardKey, card: Card, review_id: int) -> None:
    db.execute(
        "INSERT INTO cards (map_id, drill, claim_id, card, due, last_review_id)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (map_id, drill, claim_id) DO UPDATE SET"
        " card = excluded.card, due = excluded.due, last_review_id = excluded.last_review_id",
        (*key, json.dumps(card.to_dict()), card.due.timestamp(), review_id))


def _check_header(path: Path) -> None:
    """Refuse, before SQLite touches it, a file that is not a database at all."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ProgressError(f"{path}: cannot read the progress database "
                            f"({exc.strerror or exc})") from None
    if head and head != _SQLITE_HEADER:
        raise _damaged(path, "it is not an SQLite file")


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _prepare_when_free(db: sqlite3.Connection, path: Path) -> None:
    """`_prepare`, retried while another session holds a lock it needs.

    Switching a new file to WAL or migrating it can meet another session doing
    the same at the same moment; SQLite may then report "locked" without
    waiting, so wait here (up to the busy timeout) and try again.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            _prepare(db, path)
            return
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() > deadline:
                raise
            if db.in_transaction:
                db.execute("ROLLBACK")
            time.sleep(0.05)


def _prepare(db: sqlite3.Connection, path: Path) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    check = db.execute("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        raise _damaged(path, f"integrity check: {check}")
    # Version and tables from one snapshot: another session may be migrating right now.
    db.execute("BEGIN")
    try:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master "
                                            "WHERE type = 'table'")}
    finally:
        db.execute("COMMIT")
    _refuse_newer(path, version)
    if version == 0 and tables - {"sqlite_sequence"}:
        raise _damaged(path, "it holds tables argmap did not write")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    if version < SCHEMA_VERSION:
        db.execute("BEGIN IMMEDIATE")
        try:
            # Re-read under the lock: another session may have migrated meanwhile.
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            _refuse_newer(path, version)
            for step in range(version, SCHEMA_VERSION):
                for statement in _statements(MIGRATIONS[step]):
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if _OUR_TABLES - tables:
        raise _damaged(path, f"tables missing: {', '.join(sorted(_OUR_TABLES - tables))}")


def _refuse_newer(path: Path, version: int) -> None:
    if version > SCHEMA_VERSION:
        raise ProgressError(
            f"{path}: this progress database was written by a newer argmap (schema version "
            f"{version}; this argmap understands up to {SCHEMA_VERSION}). It has been left "
            "untouched: upgrade argmap, or use another folder with --data-dir.")


def _statements(script: str) -> list[str]:
    """Split a migration into statements (triggers keep their inner semicolons)."""
    out, current = [], ""
    for line in script.strip().splitlines():
        current += line + "\n"
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    return out
