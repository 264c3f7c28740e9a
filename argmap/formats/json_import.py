"""Read the `argmap/1` JSON shape (written by `argmap export --to json`) back into a `Map`.

The JSON carries every field of the model, so nothing is lost; unknown keys
are ignored, as the format promises, and claim positions come from the
`line` key when present (the line in the YAML the JSON was made from).
"""

from __future__ import annotations

import json
from typing import Any

from argmap.formats.import_result import ImportResult, Reporter
from argmap.loading import default_relation_id
from argmap.model import (
    Claim,
    ClaimKind,
    Evidence,
    KeyPoint,
    Map,
    Pos,
    Relation,
    RelationType,
    Source,
)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def read_json(text: str, path: str = "<json>") -> ImportResult:
    report = Reporter(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise report.fail((exc.lineno, exc.colno), f"not valid JSON: {exc.msg}") from None
    if not isinstance(data, dict) or not str(data.get("format", "")).startswith("argmap/"):
        raise report.fail((1, 1), "not argmap JSON (no \"format\": \"argmap/1\")",
                          "for AIF files use --from aif")
    if data["format"] != "argmap/1":
        raise report.fail((1, 1), f"argmap JSON format {data['format']!r} is newer than this "
                          "argmap reads", "upgrade argmap")
    try:
        meta = data["map"]
        sources = tuple(Source(id=_text(s["id"]), title=_text(s["title"]),
                               outlet=_text(s.get("outlet")), date=_text(s.get("date")),
                               kind=_text(s.get("kind")),
                               reliability=_text(s.get("reliability")),
                               file=s.get("file") or None, url=s.get("url") or None)
                        for s in data.get("sources") or [])
        claims = []
        origins: dict[str, Pos] = {}
        for c in data["claims"]:
            pos = Pos(int(c.get("line") or 0), 0)
            claims.append(Claim(
                id=_text(c["id"]), text=_text(c["text"]), kind=ClaimKind(c["kind"]),
                themes=tuple(c.get("themes") or ()),
                evidence=tuple(Evidence(_text(e["source"]), _text(e.get("locator")),
                                        _text(e["quote"])) for e in c.get("evidence") or ()),
                base=None if c.get("base") is None else float(c["base"]),
                key_points=tuple(KeyPoint(_text(k["point"]), tuple(k.get("synonyms") or ()))
                                 for k in c.get("key_points") or ()),
                note=_text(c.get("note")) or None, flaw=_text(c.get("flaw")) or None,
                also_answers=tuple(c.get("also_answers") or ()), pos=pos))
        relations = []
        for r in data.get("relations") or []:
            rel_type = RelationType(r["type"])
            sources_ids = tuple(r["from"])
            rel_id = _text(r.get("id")) or default_relation_id(str(rel_type), sources_ids,
                                                               r["to"])
            relations.append(Relation(id=rel_id, type=rel_type, sources=sources_ids,
                                      target=_text(r["to"]), why=_text(r.get("why")) or None))
        the_map = Map(id=_text(meta["id"]), title=_text(meta["title"]),
                      theses=tuple(meta["theses"]), claims=tuple(claims),
                      relations=tuple(relations), sources=sources,
                      description=_text(meta.get("description")) or None,
                      themes=dict(meta.get("themes") or {}), path=path)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise report.fail((1, 1), f"argmap JSON with a missing or wrong field: {exc}",
                          "the file should come from 'argmap export --to json'") from None
    return ImportResult(the_map, report.diagnostics, origins, path)
