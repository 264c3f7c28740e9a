"""Results computed once per map, kept beside it for as long as it lives.

A `Map` is frozen and never changes, so anything derived from it stays
true while the map exists. Results are keyed by the map's identity: hashing
a map hashes its whole content, which costs more than most of what is
cached. The map is held by a weak reference, so a map the program has let go
of (the explorer reloads a new one after every edit) takes its results with
it, and an id reused by a later map can never match.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from argmap.model import Map

T = TypeVar("T")

_RESULTS: dict[int, tuple[weakref.ref[Map], dict[Hashable, Any]]] = {}


def _forget(key: int) -> Callable[[object], None]:
    results = _RESULTS  # kept alive by the closure, even while the interpreter shuts down

    def drop(dead: object) -> None:
        held = results.get(key)
        if held is not None and held[0] is dead:
            del results[key]

    return drop


def per_map(the_map: Map, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()` the first time `key` is asked of `the_map`, the same object afterwards."""
    held = _RESULTS.get(id(the_map))
    if held is None or held[0]() is not the_map:
        held = _RESULTS[id(the_map)] = (weakref.ref(the_map, _forget(id(the_map))), {})
    results = held[1]
    if key not in results:
        results[key] = compute()
    found: T = results[key]
    return found
