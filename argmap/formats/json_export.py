"""The `argmap/1` JSON shape: a stable contract for other tools.

Keys listed in docs/format.md never change meaning within `argmap/1`; new
keys may be added (readers must ignore keys they do not know).
"""

from __future__ import annotations

import json

from argmap.display import escape_invisible
from argmap.model import Map

FORMAT = "argmap/1"


def map_to_json_data(m: Map) -> dict[str, object]:
    return {
        "format": FORMAT,
        "map": {
            "id": m.id,
            "title": m.title,
            "theses": list(m.theses),
            "description": m.description,
            "themes": dict(m.themes),
        },
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "outlet": s.outlet,
                "date": s.date,
                "kind": s.kind,
                "file": s.file,
                "url": s.url,
                "reliability": s.reliability,
            }
            for s in m.sources
        ],
        "claims": [
            {
                "id": c.id,
                "text": c.text,
                "kind": str(c.kind),
                "themes": list(c.themes),
                "base": c.base,
                "evidence": [
                    {"source": e.source, "locator": e.locator, "quote": e.quote} for e in c.evidence
                ],
                "flaw": c.flaw,
                "note": c.note,
                "key_points": [
                    {
                        "point": k.point,
                        "synonyms": list(k.synonyms),
                        "opposites": list(k.opposites),
                    }
                    for k in c.key_points
                ],
                "also_answers": list(c.also_answers),
                "line": c.pos.line,
            }
            for c in m.claims
        ],
        "relations": [
            {
                "id": r.id,
                "type": str(r.type),
                "from": list(r.sources),
                "to": r.target,
                "why": r.why,
            }
            for r in m.relations
        ],
    }


def write_json(m: Map) -> str:
    # invisible characters as \u escapes: intact for a reader, visible to a person
    return escape_invisible(json.dumps(map_to_json_data(m), indent=2, ensure_ascii=False)) + "\n"
