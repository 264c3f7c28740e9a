"""Generated progress for the classroom tests: real databases and export files."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fsrs import Rating

from argmap.classroom.progress_export import EXPORT_FORMAT
from argmap.training.progress import DATABASE_NAME, AnswerRecord, Progress

# (drill, claim, themes, correct)
Row = tuple[str, str, tuple[str, ...], bool]


def make_database(folder: Path, rows: Sequence[Row], map_id: str = "m") -> Path:
    """A progress database holding `rows`, a day apart, through the trainer's own API."""
    database = folder / DATABASE_NAME
    start = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    with Progress.open(database) as progress:
        for i, (drill, claim, themes, correct) in enumerate(rows):
            progress.record(
                AnswerRecord(
                    map_id,
                    drill,
                    claim,
                    themes,
                    correct,
                    1.0 if correct else 0.0,
                    Rating.Good if correct else Rating.Again,
                    seconds=12.5,
                    answer="typed secret words",
                ),
                when=start + timedelta(days=i),
            )
    return database


def export_document(
    student: str,
    rows: Sequence[Row],
    map_id: str = "m",
    *,
    version: int = 2,
    map_sha256: str | None = None,
    map_name: str | None = None,
) -> dict[str, Any]:
    """An export file's content: `version` 1 as older argmap wrote it (no map record),
    2 with the map record (`map_sha256` None: answers that do not say their version)."""
    document: dict[str, Any] = {
        "format": EXPORT_FORMAT if version == 2 else "argmap-progress/1",
        "student": student,
        "exported_on": "2026-04-01",
        "answers": [
            {
                "map": map_id,
                "drill": d,
                "claim": c,
                "themes": list(t),
                "correct": ok,
                "date": "2026-03-02",
            }
            for d, c, t, ok in rows
        ],
    }
    if version >= 2:
        document["maps"] = (
            [{"id": map_id, "name": map_name or map_id, "title": "", "sha256": map_sha256}]
            if map_sha256
            else []
        )
        for answer in document["answers"]:
            answer["map_sha256"] = map_sha256
    return document


def write_export(
    path: Path, student: str, rows: Sequence[Row], map_id: str = "m", **how: Any
) -> Path:
    """`export_document` written to `path` (`how`: its keyword options)."""
    path.write_text(json.dumps(export_document(student, rows, map_id, **how)), encoding="utf-8")
    return path


def random_rows(seed: int, count: int) -> list[Row]:
    """Answers over a few claims, drills and themes, reproducible from `seed`."""
    rng = random.Random(seed)
    claims = {"a": ("privacy",), "b": ("safety",), "c": ("privacy", "safety"), "d": ()}
    drills = ("rebut", "support", "flaw")
    rows = []
    for _ in range(count):
        claim = rng.choice(sorted(claims))
        rows.append((rng.choice(drills), claim, claims[claim], rng.random() < 0.6))
    return rows
