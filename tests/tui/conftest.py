"""Fixtures for the explorer's Pilot tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.tui.support import EXAMPLE


@pytest.fixture
def map_copy(tmp_path: Path) -> Path:
    """A writable copy of the example map, for reload and editor tests."""
    target = tmp_path / "map.yaml"
    shutil.copy(EXAMPLE, target)
    return target
