"""A map translated once (framework, strength model), reused by every question.

The UI asks what-if questions at every keypress; translating the map each
time would waste most of the budget, so the translation is cached per `Map`
object (maps are immutable, so the cache can never go stale).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass

from argmap.analysis.bipolar import MapFramework, map_framework
from argmap.analysis.semantics import Label, grounded
from argmap.analysis.strength import StrengthModel, StrengthResult
from argmap.model import Map


@dataclass(frozen=True, eq=False)
class PreparedMap:
    map: Map
    framework: MapFramework
    strength_model: StrengthModel
    grounded: dict[str, Label]
    strength: StrengthResult


_CACHE: dict[int, tuple[weakref.ref[Map], PreparedMap]] = {}


def _forget(key: int) -> Callable[[object], None]:
    cache = _CACHE  # kept alive by the closure, even while the interpreter shuts down

    def drop(_ref: object) -> None:
        cache.pop(key, None)

    return drop


def prepare(m: Map) -> PreparedMap:
    hit = _CACHE.get(id(m))
    if hit is not None and hit[0]() is m:
        return hit[1]
    mf = map_framework(m)
    model = StrengthModel(m)
    prepared = PreparedMap(m, mf, model, mf.claim_labels(grounded(mf.framework)), model.evaluate())
    _CACHE[id(m)] = (weakref.ref(m, _forget(id(m))), prepared)
    return prepared
