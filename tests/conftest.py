"""Shared fixtures: where the test data, the bundled maps and the sources are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EXAMPLE_MAP = REPO / "arguments" / "example-smart-locks.yaml"


def shared_sources_dir() -> Path | None:
    """The five source texts beside the project (not redistributed with it)."""
    configured = os.environ.get("ARGMAP_SOURCES_DIR")
    candidate = Path(configured) if configured else REPO.parent / "shared" / "sources"
    return candidate if candidate.is_dir() else None


@pytest.fixture
def example_map_path() -> Path:
    return EXAMPLE_MAP


@pytest.fixture
def sources_dir() -> Path:
    found = shared_sources_dir()
    if found is None:
        pytest.skip("the shared source texts (../shared/sources) are not on this machine")
    return found


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No test ever reads or writes the real user's progress."""
    monkeypatch.setenv("ARGMAP_DATA_DIR", str(tmp_path_factory.mktemp("argmap-data")))
