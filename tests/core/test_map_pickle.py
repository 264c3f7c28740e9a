"""A `Map` pickles (its read-only mappings and cached views included) and comes back equal."""

from __future__ import annotations

import pickle
from pathlib import Path

from argmap.loading import load_map

EXAMPLE = Path(__file__).resolve().parents[2] / "arguments" / "example-smart-locks.yaml"


def test_a_map_pickles_with_its_cached_views() -> None:
    the_map = load_map(EXAMPLE).map
    assert the_map is not None
    assert the_map.claims_by_id and the_map.incoming  # cached views made before pickling
    copy = pickle.loads(pickle.dumps(the_map))
    assert copy == the_map and copy.source_text == the_map.source_text
    assert dict(copy.themes) == dict(the_map.themes)
    assert copy.incoming == the_map.incoming and copy.path == the_map.path
