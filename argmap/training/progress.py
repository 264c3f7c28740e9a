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
* A row that passes SQLite's constraints but cannot be read (a bad date,
  themes that are not a JSON list of strings, a damaged cached card) is left
  out of what is read and listed in `Progress.damaged`; the rest is used and
  nothing is rewritten.
* The student has the last word on a typed answer's grade: `override`
  appends to the `overrides` table (append-only too), and the schedule and
  the stats use the latest override of a review instead of the grader's.
* Each answer records the content hash of the map it came from
  (`reviews.map_hash`, schema 3), and the `maps` table (append-only too)
  names each hash: the map's id, file name, title and theme names. Rows
  written before schema 3 have no hash; they are kept and read as they are.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fsrs import Card, Rating

from argmap.grading import Verdict
from argmap.map_identity import MapIdentity, is_hash
from argmap.training.scheduling import CardKey, LoggedReview, new_card, rebuild_schedule, review

SCHEMA_VERSION = 3
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
    # 2: the grader's verdict and whether the answer was typed; the student's overrides.
    """
    ALTER TABLE reviews ADD COLUMN verdict TEXT
        CHECK (verdict IS NULL OR verdict IN ('correct', 'partial', 'contradictory',
                                              'incorrect'));
    ALTER TABLE reviews ADD COLUMN typed INTEGER NOT NULL DEFAULT 0 CHECK (typed IN (0, 1));
    CREATE TABLE overrides (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        review_id INTEGER NOT NULL REFERENCES reviews (id),
        verdict TEXT NOT NULL CHECK (verdict IN ('correct', 'partial', 'contradictory',
                                                 'incorrect')),
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        overridden_at TEXT NOT NULL
    );
    CREATE INDEX overrides_by_review ON overrides (review_id);
    CREATE TRIGGER overrides_no_update BEFORE UPDATE ON overrides
        BEGIN SELECT RAISE(ABORT, 'the override log is append-only'); END;
    CREATE TRIGGER overrides_no_delete BEFORE DELETE ON overrides
        BEGIN SELECT RAISE(ABORT, 'the override log is append-only'); END;
    """,
    # 3: which map (by content hash) each answer came from, and what each hash names.
    # Old rows keep a NULL hash: nothing is rewritten.
    """
    ALTER TABLE reviews ADD COLUMN map_hash TEXT;
    CREATE TABLE maps (
        sha256 TEXT PRIMARY KEY,
        map_id TEXT NOT NULL,
        name TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        themes TEXT NOT NULL DEFAULT '{}',
        first_used_at TEXT NOT NULL
    );
    CREATE TRIGGER maps_no_update BEFORE UPDATE ON maps
        BEGIN SELECT RAISE(ABORT, 'the map record is append-only'); END;
    CREATE TRIGGER maps_no_delete BEFORE DELETE ON maps
        BEGIN SELECT RAISE(ABORT, 'the map record is append-only'); END;
    """,
)
_OUR_TABLES = {"reviews", "cards", "overrides", "maps"}
# The latest override of each review: the student's last word.
_LAST_OVERRIDE = (
    "SELECT review_id, verdict, rating FROM overrides WHERE id IN "
    "(SELECT MAX(id) FROM overrides GROUP BY review_id)"
)


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
    verdict: Verdict | None = None  # None: correct or incorrect, from `correct`
    typed: bool = False  # graded by the grader (only these may be overridden)
    map: MapIdentity | None = None  # the map answered from (None: not read from a file)


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    """One answer as the stats need it: `correct` is the verdict that counts."""

    answered_at: datetime
    map_id: str
    drill: str
    themes: tuple[str, ...]
    correct: bool
    claim_id: str = ""
    review_id: int = 0
    verdict: Verdict | None = None  # the grader's (None: written before schema 2)
    student_verdict: Verdict | None = None  # the student's override, if any
    typed: bool = False
    map_hash: str | None = None  # the map's content hash (None: written before schema 3)

    @property
    def overridden(self) -> bool:
        return self.student_verdict is not None and self.student_verdict != self.verdict


@dataclass(frozen=True, slots=True)
class DamagedRow:
    """A row that could not be read, left out of everything read."""

    table: str
    row_id: int
    why: str

    def render(self) -> str:
        return f"{self.table} row {self.row_id}: {self.why}"


def counts_as_right(
    verdict: Verdict | None, student: Verdict | None, correct: bool, score: float
) -> bool:
    """The pass mark, in one place: only a `correct` verdict is right.

    The student's override wins over the grader's verdict. A row written
    before schema 2 has no verdict: it counts as right only if it was right
    with full marks (an old half-marks "right" is what is now `partial`).
    """
    if student is not None:
        return student is Verdict.CORRECT
    if verdict is not None:
        return verdict is Verdict.CORRECT
    return correct and score >= 1.0


def _damaged(path: Path, why: str) -> ProgressError:
    return ProgressError(
        f"{path}: this is not a readable argmap progress database ({why}). "
        "It has been left untouched. Move it aside to start afresh, or choose another "
        "folder with --data-dir or ARGMAP_DATA_DIR."
    )


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Progress:
    """An open progress database. Use `Progress.open`; close it when done."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection
        self._damaged: dict[tuple[str, int], DamagedRow] = {}

    @property
    def damaged(self) -> list[DamagedRow]:
        """Rows met so far that could not be read (and were left out)."""
        return sorted(self._damaged.values(), key=lambda d: (d.table, d.row_id))

    def damage_report(self, shown: int = 5) -> str | None:
        """One warning naming the damaged rows met so far, or None."""
        rows = self.damaged
        if not rows:
            return None
        listed = "; ".join(d.render() for d in rows[:shown])
        more = f"; and {len(rows) - shown} more" if len(rows) > shown else ""
        return (
            f"{self.path}: {len(rows)} damaged row{'s' if len(rows) != 1 else ''} left "
            f"out ({listed}{more}). The file is left as it is; the other rows are used."
        )

    def _note_damage(self, table: str, row_id: int, why: str) -> None:
        self._damaged.setdefault((table, row_id), DamagedRow(table, row_id, why))

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, read_only: bool = False) -> Progress:
        """Open (creating if absent) and migrate; raise ProgressError if it cannot be used.

        `read_only` is for what only reads (stats, the export): SQLite opens the
        file with `mode=ro`, nothing is created, migrated or switched to WAL,
        so progress in a read-only folder (a finished course, a backup, a
        read-only mount) can still be read.
        """
        path = Path(path)
        if read_only:
            return cls(path, _open_read_only(path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ProgressError(
                f"{path.parent}: cannot create the data folder "
                f"({exc.strerror or exc}); choose another with --data-dir"
            ) from None
        _refuse_unwritable(path)
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
                raise ProgressError(
                    f"{path}: the progress database stayed busy for "
                    f"{BUSY_TIMEOUT_MS // 1000} s (another argmap is using "
                    "it); try again"
                ) from None
            if _is_read_only(exc):
                raise _cannot_save(path) from None
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
        verdict = answer.verdict or (Verdict.CORRECT if answer.correct else Verdict.INCORRECT)
        key = CardKey(answer.map_id, answer.drill, answer.claim_id)
        with self._transaction() as db:
            card = self._cached_card(db, key)
            if card is not None and card.last_review is not None and when < card.last_review:
                when = card.last_review  # another session's clock ran ahead: keep order
            if answer.map is not None:
                _remember_map(db, answer.map, when)
            cur = db.execute(
                "INSERT INTO reviews (map_id, drill, claim_id, themes, answered_at, correct,"
                " score, rating, seconds, hinted, answer, session, verdict, typed, map_hash)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    answer.map_id,
                    answer.drill,
                    answer.claim_id,
                    json.dumps(list(answer.themes)),
                    when.isoformat(),
                    int(answer.correct),
                    float(answer.score),
                    int(answer.rating),
                    answer.seconds,
                    int(answer.hinted),
                    answer.answer,
                    answer.session,
                    str(verdict),
                    int(answer.typed),
                    answer.map.sha256 if answer.map is not None else None,
                ),
            )
            review_id = int(cur.lastrowid or 0)
            card = review(card or new_card(review_id, when), answer.rating, when)
            _store_card(db, key, card, review_id)
        return review_id

    def override(
        self, review_id: int, verdict: Verdict, rating: Rating, when: datetime | None = None
    ) -> None:
        """Store the student's verdict on a review and reschedule its card from the log.

        The review itself is never changed: the override is a row of its own,
        and the card is replayed from the log, which now rates that review by
        `rating`, the rating the student's verdict earns.
        """
        when = when or _utc_now()
        with self._transaction() as db:
            row = db.execute(
                "SELECT map_id, drill, claim_id FROM reviews WHERE id = ?", (review_id,)
            ).fetchone()
            if row is None:
                raise ProgressError(f"{self.path}: there is no answer {review_id} to correct")
            db.execute(
                "INSERT INTO overrides (review_id, verdict, rating, overridden_at)"
                " VALUES (?, ?, ?, ?)",
                (review_id, str(verdict), int(rating), when.isoformat()),
            )
            key = CardKey(*row)
            self._replay_card(db, key)

    def _replay_card(self, db: sqlite3.Connection, key: CardKey) -> Card | None:
        """One card rebuilt from its reviews in the log, stored in the cache, returned."""
        rows = [r for r in self._log(db, key) if r.key == key]
        if not rows:
            return None
        card = rebuild_schedule(rows)[key]
        _store_card(db, key, card, rows[-1].review_id)
        return card

    def _cached_card(self, db: sqlite3.Connection, key: CardKey) -> Card | None:
        """The cached card; a damaged cache row is rebuilt from the log, not trusted."""
        row = db.execute(
            "SELECT card, last_review_id FROM cards WHERE map_id = ? AND "
            "drill = ? AND claim_id = ?",
            key,
        ).fetchone()
        if row is None:
            return None
        try:
            return Card.from_dict(json.loads(row[0]))
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            self._note_damage(
                "cards",
                int(row[1]) if isinstance(row[1], int) else 0,
                f"the cached card is not readable ({type(exc).__name__}); "
                "rebuilt from the review log",
            )
            return self._replay_card(db, key)

    def rebuild_cache(self) -> int:
        """Recompute every card from the review log; return how many cards there are."""
        with self._transaction() as db:
            rebuilt = rebuild_schedule(self._log(db))
            last = dict(
                ((m, d, c), i)
                for m, d, c, i in db.execute(
                    "SELECT map_id, drill, claim_id, MAX(id) FROM reviews "
                    "GROUP BY map_id, drill, claim_id"
                )
            )
            db.execute("DELETE FROM cards")
            for key, card in rebuilt.items():
                _store_card(db, key, card, last[(key[0], key[1], key[2])])
        return len(rebuilt)

    # -- reading ----------------------------------------------------------------------------

    def log(self) -> list[LoggedReview]:
        return self._log(self._db)

    def _log(self, db: sqlite3.Connection, key: CardKey | None = None) -> list[LoggedReview]:
        """The review log as the scheduler replays it: the student's rating where they
        overrode the grade; unreadable rows left out (and noted)."""
        where, params = (
            ("WHERE r.map_id = ? AND r.drill = ? AND r.claim_id = ? ", tuple(key))
            if key is not None
            else ("", ())
        )
        out = []
        for i, m, d, c, r, t in db.execute(
            "SELECT r.id, r.map_id, r.drill, r.claim_id, COALESCE(o.rating, r.rating), "
            f"r.answered_at FROM reviews r LEFT JOIN ({_LAST_OVERRIDE}) o "
            f"ON o.review_id = r.id {where}ORDER BY r.id",
            params,
        ):
            when = self._date(i, t)
            if when is None:
                continue
            if not _all_text(m, d, c) or not isinstance(r, int):
                self._note_damage("reviews", i, "map, drill, claim or rating of the wrong type")
                continue
            out.append(LoggedReview(i, CardKey(m, d, c), Rating(r), when))
        return out

    def _date(self, review_id: int, text: object) -> datetime | None:
        try:
            when = datetime.fromisoformat(text) if isinstance(text, str) else None
        except ValueError:
            when = None
        if when is None:
            self._note_damage(
                "reviews", review_id, f"answered_at is not an ISO date and time: {str(text)[:40]!r}"
            )
            return None
        return when if when.tzinfo is not None else when.replace(tzinfo=UTC)

    def cards(self) -> dict[CardKey, Card]:
        out = {}
        for m, d, c, card, i in self._db.execute(
            "SELECT map_id, drill, claim_id, card, last_review_id FROM cards"
        ):
            try:
                out[CardKey(m, d, c)] = Card.from_dict(json.loads(card))
            except (ValueError, TypeError, KeyError, AttributeError):
                self._note_damage(
                    "cards", i if isinstance(i, int) else 0, "the cached card is not readable"
                )
        return out

    def due_at(self, map_id: str) -> dict[tuple[str, str], datetime]:
        """(drill, claim id) -> when that card falls due, for one map."""
        out = {}
        for d, c, due, i in self._db.execute(
            "SELECT drill, claim_id, due, last_review_id FROM cards WHERE map_id = ?", (map_id,)
        ):
            try:
                out[(d, c)] = datetime.fromtimestamp(due, UTC)
            except (TypeError, ValueError, OverflowError, OSError):
                self._note_damage(
                    "cards",
                    i if isinstance(i, int) else 0,
                    f"the due time is not a time: {str(due)[:40]!r}",
                )
        return out

    def count_due(self, now: datetime | None = None) -> int:
        when = (now or _utc_now()).timestamp()
        return int(
            self._db.execute(
                "SELECT COUNT(*) FROM cards WHERE typeof(due) IN ('integer', 'real') AND due <= ?",
                (when,),
            ).fetchone()[0]
        )

    def answers(self) -> list[StoredAnswer]:
        """Every readable answer, in the order given; damaged rows are noted and left out."""
        out = []
        for i, t, m, d, c, th, ok, score, verdict, typed, student, h in self._db.execute(
            "SELECT r.id, r.answered_at, r.map_id, r.drill, r.claim_id, r.themes, "
            "r.correct, r.score, r.verdict, r.typed, o.verdict, r.map_hash FROM reviews r "
            f"LEFT JOIN ({_LAST_OVERRIDE}) o ON o.review_id = r.id ORDER BY r.id"
        ):
            when = self._date(i, t)
            if when is None:
                continue
            themes = _themes(th)
            if themes is None:
                self._note_damage(
                    "reviews", i, f"themes is not a JSON list of theme ids: {str(th)[:40]!r}"
                )
                continue
            if not _all_text(m, d, c):
                self._note_damage("reviews", i, "map, drill or claim is not text")
                continue
            auto, own = _verdict(verdict), _verdict(student)
            right = counts_as_right(
                auto, own, bool(ok), score if isinstance(score, (int, float)) else 0.0
            )
            map_hash = h if is_hash(h) else None  # a damaged hash: as if none was kept
            out.append(
                StoredAnswer(when, m, d, themes, right, c, i, auto, own, bool(typed), map_hash)
            )
        return out

    def maps(self) -> dict[str, MapIdentity]:
        """sha256 -> the map it names, for every map answers were recorded from.

        A row that cannot be read is noted and left out (its answers then read
        as from an unknown version of their map)."""
        out = {}
        for rowid, sha, map_id, name, title, themes in self._db.execute(
            "SELECT rowid, sha256, map_id, name, title, themes FROM maps ORDER BY rowid"
        ):
            labels = _theme_labels(themes)
            if not is_hash(sha) or not _all_text(map_id, name, title) or labels is None:
                self._note_damage("maps", rowid, "a map record that is not readable")
                continue
            out[sha] = MapIdentity(map_id, name, sha, title, labels)
        return out

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


def _verdict(raw: object) -> Verdict | None:
    try:
        return Verdict(str(raw)) if raw is not None else None
    except ValueError:
        return None


def _all_text(*values: object) -> bool:
    return all(isinstance(v, str) for v in values)


def _themes(raw: object) -> tuple[str, ...] | None:
    """A row's themes, or None when they are not a JSON list of strings."""
    try:
        themes = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        return None
    if not isinstance(themes, list) or not all(isinstance(t, str) for t in themes):
        return None
    return tuple(themes)


def _theme_labels(raw: object) -> dict[str, str] | None:
    """A map record's theme names, or None when they are not a JSON object of strings."""
    try:
        labels = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        return None
    if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
        return None
    return labels


def _remember_map(db: sqlite3.Connection, identity: MapIdentity, when: datetime) -> None:
    """Name a map's hash the first time an answer comes from it (never changed after)."""
    db.execute(
        "INSERT INTO maps (sha256, map_id, name, title, themes, first_used_at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
        (
            identity.sha256,
            identity.id,
            identity.name,
            identity.title,
            json.dumps(dict(identity.themes), ensure_ascii=False),
            when.isoformat(),
        ),
    )


def _store_card(db: sqlite3.Connection, key: CardKey, card: Card, review_id: int) -> None:
    db.execute(
        "INSERT INTO cards (map_id, drill, claim_id, card, due, last_review_id)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (map_id, drill, claim_id) DO UPDATE SET"
        " card = excluded.card, due = excluded.due, last_review_id = excluded.last_review_id",
        (*key, json.dumps(card.to_dict()), card.due.timestamp(), review_id),
    )


def _check_header(path: Path) -> None:
    """Refuse, before SQLite touches it, a file that is not a database at all.

    Only a regular file is opened: a FIFO in its place would block the open
    (a drill that never starts), a device would feed SQLite endless bytes.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ProgressError(
            f"{path}: cannot read the progress database ({exc.strerror or exc})"
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise ProgressError(
            f"{path}: this is {_file_kind(info.st_mode)}, not a progress database file. "
            "It has been left untouched. Move it aside, or choose another folder with "
            "--data-dir or ARGMAP_DATA_DIR."
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ProgressError(
            f"{path}: cannot read the progress database ({exc.strerror or exc})"
        ) from None
    if head and head != _SQLITE_HEADER:
        raise _damaged(path, "it is not an SQLite file")


def _cannot_save(path: Path, what: str = "the data folder is read-only") -> ProgressError:
    return ProgressError(
        f"{path.parent}: cannot save drill progress here: {what}. "
        "Nothing was changed, and 'argmap stats' can still read it. To drill, choose a "
        "folder you can write to with --data-dir DIR (or the ARGMAP_DATA_DIR variable); "
        f"to keep your answers together, copy {path.name} there first."
    )


def _refuse_unwritable(path: Path) -> None:
    """A drill must be able to save every answer: say so before the first question.

    SQLite needs to write the file and to create its journal (-wal, -shm)
    beside it, so both the folder and an existing file must be writable.
    """
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise _cannot_save(path)
    if path.exists() and not os.access(path, os.W_OK):
        raise _cannot_save(path, f"{path.name} is read-only")


def _is_read_only(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text


def _open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write `path`, and creates nothing beside it.

    With no -wal file beside it, no argmap has the database open and every
    answer is in the file itself: `immutable=1` reads exactly that and
    creates no -wal/-shm (SQLite's `mode=ro` would leave both behind, and
    cannot create them at all in a read-only folder). With a -wal file (a
    drill running now, or answers a kill left there), `mode=ro` reads
    through it, as SQLite's locks require. A database of an older schema is
    copied into memory and migrated there, never on disk.
    """
    _check_header(path)  # a FIFO, folder or device in its place: said as such
    if not path.is_file():
        raise ProgressError(f"{path}: no progress database here (nothing to read)")
    base = path.absolute().as_uri()
    wal = path.with_name(path.name + "-wal")
    if not wal.exists():
        try:
            return _connect_read_only(base + "?mode=ro&immutable=1", path)
        except sqlite3.DatabaseError:
            pass  # a drill began meanwhile: read through its journal instead
    try:
        return _connect_read_only(base + "?mode=ro", path)
    except sqlite3.DatabaseError as exc:
        if wal.exists() and "unable to open" in str(exc):
            raise ProgressError(
                f"{path}: cannot read the progress database without writing beside it: "
                f"its latest answers are still in {wal.name} and the folder is read-only. "
                "Copy the folder somewhere you can write to and use --data-dir there."
            ) from None
        raise _damaged(path, str(exc)) from None


def _connect_read_only(uri: str, path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA query_only = 1")
        check = db.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise _damaged(path, f"integrity check: {check}")
        db.execute("BEGIN")
        try:
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            tables = {
                r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        finally:
            db.execute("COMMIT")
        _refuse_newer(path, version)
        if version == 0 and tables - {"sqlite_sequence"}:
            raise _damaged(path, "it holds tables argmap did not write")
        if version < SCHEMA_VERSION:
            memory = sqlite3.connect(":memory:", isolation_level=None)
            db.backup(memory)
            db.close()
            db = memory
            for step in range(version, SCHEMA_VERSION):
                for statement in _statements(MIGRATIONS[step]):
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute("PRAGMA query_only = 1")
            tables = {
                r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        if _OUR_TABLES - tables:
            raise _damaged(path, f"tables missing: {', '.join(sorted(_OUR_TABLES - tables))}")
    except BaseException:
        db.close()
        raise
    return db


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


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
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
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
            "untouched: upgrade argmap, or use another folder with --data-dir."
        )


def _statements(script: str) -> list[str]:
    """Split a migration into statements (triggers keep their inner semicolons)."""
    out, current = [], ""
    for line in script.strip().splitlines():
        current += line + "\n"
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    return out
