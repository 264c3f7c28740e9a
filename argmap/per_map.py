"""Results computed once per map, kept beside it.

A `Map` is frozen and never changes, so anything derived from it can be
kept as long as the map lives. It is keyed by the map's identity: hashing a
map hashes its whole content, which costs more than most of what is cached.
The map itself is held with its results, so an id reused by a new map after
the old one is gone can never match. Few maps are open at once; when more
than `MAPS` have been seen, the oldest is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from argmap.model import Map

T = TypeVar("T")
MAPS = 8

_RESULTS: dict[int, tuple[Map, dict[Hashable, Any]]] = {}


def per_map(the_map: Map, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()` the first time `key` is asked of `the_map`, the same object afterwards."""
    held = _RESULTS.get(id(the_map))
    if held is None or held[0] is not the_map:
        if len(_RESULTS) >= MAPS:
            del _RESULTS[next(iter(_RESULTS))]
        held = _RESULTS[id(the_map)] = (the_map, {})
    results = held[1]
    if key not in results:
        results[key] = compute()
    found: T = results[key]
    return found
