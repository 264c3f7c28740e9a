"""Which map an answer came from: the map's id, a name to open it by, and its content hash.

A map's `id` says which debate it is, not which version: a teacher's edited
copy and the bundled map can share it. The progress database and the
progress export therefore record, with each answer, the sha256 of the map's
text as it was drilled, so the class report and `argmap stats` can find the
very map the answers came from (and say so when they cannot). One rule for
the hash, here, so the drill that writes it and the report that looks it up
agree.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from argmap.model import Map

HASH_LENGTH = 64  # hex digits of a sha256


@dataclass(frozen=True, slots=True)
class MapIdentity:
    """A map as answers refer to it. `name` is the file's stem (a bundled map's name)."""

    id: str
    name: str
    sha256: str
    title: str = ""
    themes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


def text_hash(text: str) -> str:
    """The content hash of a map's text (as parsed: a byte-order mark does not count)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def identify(the_map: Map) -> MapIdentity | None:
    """The map's identity; None for a map not read from text (built in code)."""
    if the_map.source_text is None:
        return None
    name = Path(the_map.path).stem if the_map.path else the_map.id
    return MapIdentity(
        the_map.id,
        name,
        text_hash(the_map.source_text),
        the_map.title,
        MappingProxyType(dict(the_map.themes)),
    )


def is_hash(value: object) -> bool:
    """A well-formed content hash: 64 lower-case hex digits."""
    return (
        isinstance(value, str)
        and len(value) == HASH_LENGTH
        and all(c in "0123456789abcdef" for c in value)
    )
