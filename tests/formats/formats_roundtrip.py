"""What the format tests share: fixture paths, and comparing maps across formats."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from argmap.loading import load_map, load_map_text
from argmap.model import Map, RelationType

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "arguments" / "example-smart-locks.yaml"
BUNDLED = ROOT / "arguments" / "face-at-the-door.yaml"

sys.path.insert(0, str(ROOT / "benchmarks"))


def structure(m: Map) -> tuple[frozenset[str], frozenset[object]]:
    """Claims by text and relations by what they join, ignoring ids (formats rename them)."""
    text = {c.id: c.text for c in m.claims}

    def signature(rel_id: str, depth: int = 0) -> object:
        rel = m.relations_by_id[rel_id]
        if rel.type is RelationType.UNDERCUT and depth < 10:
            target: object = signature(rel.target, depth + 1)
        else:
            target = text[rel.target]
        return (str(rel.type), frozenset(text[s] for s in rel.sources), target)

    return frozenset(text.values()), frozenset(signature(r.id) for r in m.relations)


def argdown_expressible(m: Map) -> Map:
    """`m` without its undercuts of undercuts: an Argdown undercut is made by a
    statement against an argument, and an argmap undercut is not an argument, so
    the Argdown writer leaves them out (docs/interop.md)."""

    def cuts_an_undercut(rel_target: str) -> bool:
        aimed = m.relations_by_id.get(rel_target)
        return aimed is not None and aimed.type is RelationType.UNDERCUT

    kept = tuple(
        r
        for r in m.relations
        if not (r.type is RelationType.UNDERCUT and cuts_an_undercut(r.target))
    )
    return dataclasses.replace(m, relations=kept)


def generated_maps() -> list[Map]:
    from gen_map import generate_map

    maps = []
    for n, seed in ((30, 1), (120, 7)):
        result = load_map_text(generate_map(n, seed=seed)[0], f"<generated {n}>")
        assert result.map is not None
        maps.append(result.map)
    return maps


def bundled_map() -> Map:
    result = load_map(BUNDLED)
    assert result.map is not None
    return result.map
