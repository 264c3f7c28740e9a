"""The example map as a fixture for the format tests."""

from __future__ import annotations

import pytest
from formats_roundtrip import EXAMPLE

from argmap.loading import load_map
from argmap.model import Map


@pytest.fixture(scope="session")
def example_map() -> Map:
    result = load_map(EXAMPLE)
    assert result.map is not None and result.ok
    return result.map
