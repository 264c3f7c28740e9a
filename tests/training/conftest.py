"""Fixtures for the trainer's tests: the test map and a fresh progress database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.loading import load_map
from argmap.model import Map
from argmap.training.progress import Progress

DATA = Path(__file__).resolve().parent / "data"
DRILL_MAP = DATA / "drill-map.yaml"
EXAMPLE_MAP = Path(__file__).resolve().parents[2] / "arguments" / "example-smart-locks.yaml"


def load(path: Path) -> Map:
    result = load_map(path)
    assert result.map is not None and result.ok, result.diagnostics
    return result.map


@pytest.fixture(scope="session")
def drill_map() -> Map:
    return load(DRILL_MAP)


@pytest.fixture(scope="session")
def example_map() -> Map:
    return load(EXAMPLE_MAP)


@pytest.fixture(scope="session")
def bundled_map() -> Map:
    from argmap.bundled import default_map_path

    return load(default_map_path())


@pytest.fixture
def progress(tmp_path: Path) -> Iterator[Progress]:
    with Progress.open(tmp_path / "progress.sqlite3") as opened:
        yield opened
