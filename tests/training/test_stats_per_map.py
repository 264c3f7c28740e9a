"""`argmap stats` per map, each theme under its own map's name for it (issue 18)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating

from argmap.bundled import bundled_maps_dir
from argmap.cli import main
from argmap.loading import load_map
from argmap.map_identity import MapIdentity, identify
from argmap.training.progress import DATABASE_NAME, MIGRATIONS, AnswerRecord, Progress
from argmap.training.stats import load_stats

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def bundled(name: str) -> MapIdentity:
    loaded = load_map(bundled_maps_dir() / f"{name}.yaml").map
    assert loaded is not None
    identity = identify(loaded)
    assert identity is not None
    return identity


FACE, EXAMPLE = bundled("face-at-the-door"), bundled("example-smart-locks")
# Both bundled maps have a theme `subletting`, under different names.
FACE_SUBLETTING, EXAMPLE_SUBLETTING = FACE.themes["subletting"], EXAMPLE.themes["subletting"]
assert FACE_SUBLETTING != EXAMPLE_SUBLETTING


def two_maps_database(folder: Path) -> Path:
    """Answers on `subletting` from both bundled maps (which name it differently)."""
    rows = [(FACE, True), (FACE, False), (FACE, True), (EXAMPLE, False)]
    path = folder / DATABASE_NAME
    with Progress.open(path) as progress:
        for i, (identity, ok) in enumerate(rows):
            progress.record(
                AnswerRecord(
                    identity.id, "rebut", f"c{i}", ("subletting",), ok, float(ok),
                    Rating.Good if ok else Rating.Again, map=identity,
                ),
                T0 + timedelta(hours=i),
            )  # fmt: skip
    return path


def section(lines: list[str], heading: str) -> list[str]:
    """The lines from the heading that starts with `heading` to the next heading."""
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    end = next(
        (i for i in range(start + 1, len(lines)) if not lines[i].startswith(" ")), len(lines)
    )
    return lines[start:end]


def test_stats_are_per_map_with_theme_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    two_maps_database(tmp_path)
    assert main(["stats", "--data-dir", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    face = section(lines, f"Map {FACE.title} (")
    example = section(lines, f"Map {EXAMPLE.title} (")
    assert face[0].endswith("(face-at-the-door): 3 answers, 67% correct")
    assert example[0].endswith("(smart-locks-example): 1 answer, 0% correct")
    assert any(FACE_SUBLETTING in line and "67%  of 3" in line for line in face)
    assert any(EXAMPLE_SUBLETTING in line and "0%  of 1" in line for line in example)
    assert not any(EXAMPLE_SUBLETTING in line for line in face)
    assert not any(line.strip().startswith("subletting") for line in lines)  # no bare ids


def test_stats_json_keeps_by_theme_and_adds_by_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    two_maps_database(tmp_path)
    assert main(["stats", "--data-dir", str(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["by_theme"] == {"subletting": {"answers": 4, "correct": 2}}  # as it was
    assert data["by_map"]["face-at-the-door"]["by_theme"] == {
        "subletting": {"answers": 3, "correct": 2, "name": FACE_SUBLETTING}
    }
    assert data["by_map"]["smart-locks-example"]["by_theme"]["subletting"]["name"] == (
        EXAMPLE_SUBLETTING
    )
    assert data["by_map"]["smart-locks-example"]["title"] == EXAMPLE.title


def test_old_answers_take_their_names_from_the_bundled_map_of_their_id(tmp_path: Path) -> None:
    """A schema 2 database has no map record: names come from the bundled map, read-only."""
    path = tmp_path / DATABASE_NAME
    db = sqlite3.connect(path)
    for step in MIGRATIONS[:2]:
        db.executescript(step)
    db.execute("PRAGMA user_version = 2")
    db.execute(
        "INSERT INTO reviews (map_id, drill, claim_id, themes, answered_at, correct, score, "
        "rating, verdict) VALUES ('face-at-the-door', 'rebut', 'a', '[\"subletting\"]', ?, 1, "
        "1.0, 3, 'correct')",
        (T0.isoformat(),),
    )
    db.execute(
        "INSERT INTO reviews (map_id, drill, claim_id, themes, answered_at, correct, score, "
        "rating) VALUES ('our-own-map', 'rebut', 'b', '[\"local\"]', ?, 0, 0.0, 1)",
        (T0.isoformat(),),
    )
    db.commit()
    db.close()
    before = path.read_bytes()
    stats = load_stats(path, now=T0)
    face = stats.by_map["face-at-the-door"]
    assert face.themes_by_name()[0][0] == FACE_SUBLETTING
    own = stats.by_map["our-own-map"]
    assert own.title == "our-own-map" and own.themes_by_name()[0][0] == "local"  # ids, as known
    assert path.read_bytes() == before
