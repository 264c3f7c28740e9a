"""Read the `argmap/1` JSON shape (written by `argmap export --to json`) back into a `Map`.

The JSON carries every field of the model, so nothing is lost; unknown keys
are ignored, as the format promises. Positions are in the JSON file itself,
where `argmap import` points its findings: each source, claim and relation
at the line and column of its object (its `pos` and its origin), a field of
the wrong type at that field (`json_positions`). A claim's `line` key (the
line in the YAML the JSON was exported from) is checked, not used: the
findings are about the file being imported.
"""

from __future__ import annotations

from typing import Any

from argmap.formats.import_result import ImportResult, Reporter
from argmap.formats.json_positions import JsonPositions, PathStep, parse_path
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
from argmap.safe_json import JsonProblem, load_json


class _WrongField(Exception):
    """A field of the wrong type: where it is (a JSON path) and what was found."""

    def __init__(self, where: str, message: str, record_id: str | None = None) -> None:
        super().__init__(message)
        self.where, self.message, self.record_id = where, message, record_id


def _kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    return "null" if value is None else "text"


def _text(value: Any, where: str = "") -> str:
    """Text, or "" for null; numbers are written out, anything else is refused."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise _WrongField(where, f"should be text, found {_kind_of(value)}")


def _texts(value: Any, where: str) -> tuple[str, ...]:
    """A list of text (null is an empty list)."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _WrongField(where, f"should be a list of text, found {_kind_of(value)}")
    return tuple(_text(item, f"{where}[{k}]") for k, item in enumerate(value))


def _objects(value: Any, where: str) -> list[dict[str, Any]]:
    """A list of JSON objects (null is an empty list)."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise _WrongField(where, f"should be a list, found {_kind_of(value)}")
    for k, item in enumerate(value):
        if not isinstance(item, dict):
            raise _WrongField(f"{where}[{k}]", f"should be an object, found {_kind_of(item)}")
    return value


def _required(record: dict[str, Any], key: str, where: str) -> Any:
    if record.get(key) is None:
        raise _WrongField(f"{where}.{key}", "is missing")
    return record[key]


def _themes(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, list):
        return dict.fromkeys(_texts(value, "map.themes"), "")
    if not isinstance(value, dict):
        raise _WrongField(
            "map.themes", f"should be an object from theme id to label, found {_kind_of(value)}"
        )
    return {str(k): _text(v, f"map.themes.{k}") for k, v in value.items()}


_THEMES = "map.themes."


def _path_of(where: str) -> tuple[PathStep, ...]:
    """The JSON path a `_WrongField` names; a theme id is one key, dots and all."""
    if where.startswith(_THEMES):
        return ("map", "themes", where.removeprefix(_THEMES))
    return parse_path(where)


def _origins(
    sources: list[Source], claims: list[Claim], relations: list[Relation]
) -> dict[str, Pos]:
    """Each record's id -> where its object starts in the file (a claim's place wins
    over a source or relation of the same id: findings are mostly about claims; of
    two records of one id, the first, as `argmap check` names it)."""
    out = {source.id: source.pos for source in reversed(sources)}
    out.update((r.id, r.pos) for r in reversed(relations))
    out.update((c.id, c.pos) for c in reversed(claims))
    return out


def read_json(text: str, path: str = "<json>") -> ImportResult:
    report = Reporter(path)
    try:
        data = load_json(text)
    except JsonProblem as exc:
        raise report.fail((exc.line, exc.col), exc.message, exc.hint) from None
    if not isinstance(data, dict) or not str(data.get("format", "")).startswith("argmap/"):
        raise report.fail(
            (1, 1), 'not argmap JSON (no "format": "argmap/1")', "for AIF files use --from aif"
        )
    positions = JsonPositions(text)
    if data["format"] != "argmap/1":
        raise report.fail(
            positions.at(("format",)),
            f"argmap JSON format {str(data['format'])[:40]!r} is newer than this argmap reads",
            "upgrade argmap",
        )
    # Where each record's object is: its position, and its origin.
    source_at = positions.each(("sources",))
    claim_at = positions.each(("claims",))
    relation_at = positions.each(("relations",))
    try:
        meta = _required(data, "map", "")
        if not isinstance(meta, dict):
            raise _WrongField("map", f"should be an object, found {_kind_of(meta)}")
        sources = []
        for k, s in enumerate(_objects(data.get("sources"), "sources")):
            where = f"sources[{k}]"
            sources.append(
                Source(
                    id=_text(_required(s, "id", where), f"{where}.id"),
                    title=_text(_required(s, "title", where), f"{where}.title"),
                    outlet=_text(s.get("outlet"), f"{where}.outlet"),
                    date=_text(s.get("date"), f"{where}.date"),
                    kind=_text(s.get("kind"), f"{where}.kind"),
                    reliability=_text(s.get("reliability"), f"{where}.reliability"),
                    file=_text(s.get("file"), f"{where}.file") or None,
                    url=_text(s.get("url"), f"{where}.url") or None,
                    pos=source_at[k],
                )
            )
        claims = []
        for k, c in enumerate(_objects(_required(data, "claims", ""), "claims")):
            where = f"claims[{k}]"
            line = c.get("line")
            if line is not None and (
                not isinstance(line, int) or isinstance(line, bool) or not 0 <= line < 1 << 31
            ):
                raise _WrongField(f"{where}.line", "should be a line number")
            kind = _text(_required(c, "kind", where), f"{where}.kind")
            if kind not in {str(k) for k in ClaimKind}:
                raise _WrongField(f"{where}.kind", f"{kind[:40]!r} is not a claim kind")
            base = c.get("base")
            if base is not None and (isinstance(base, bool) or not isinstance(base, int | float)):
                raise _WrongField(f"{where}.base", f"should be a number, found {_kind_of(base)}")
            evidence = []
            for j, e in enumerate(_objects(c.get("evidence"), f"{where}.evidence")):
                at = f"{where}.evidence[{j}]"
                evidence.append(
                    Evidence(
                        _text(_required(e, "source", at), f"{at}.source"),
                        _text(e.get("locator"), f"{at}.locator"),
                        _text(_required(e, "quote", at), f"{at}.quote"),
                    )
                )
            key_points = []
            for j, kp in enumerate(_objects(c.get("key_points"), f"{where}.key_points")):
                at = f"{where}.key_points[{j}]"
                key_points.append(
                    KeyPoint(
                        _text(_required(kp, "point", at), f"{at}.point"),
                        _texts(kp.get("synonyms"), f"{at}.synonyms"),
                        _texts(kp.get("opposites"), f"{at}.opposites"),
                    )
                )
            claims.append(
                Claim(
                    id=_text(_required(c, "id", where), f"{where}.id"),
                    text=_text(_required(c, "text", where), f"{where}.text"),
                    kind=ClaimKind(kind),
                    themes=_texts(c.get("themes"), f"{where}.themes"),
                    evidence=tuple(evidence),
                    base=None if base is None else float(base),
                    key_points=tuple(key_points),
                    note=_text(c.get("note"), f"{where}.note") or None,
                    flaw=_text(c.get("flaw"), f"{where}.flaw") or None,
                    also_answers=_texts(c.get("also_answers"), f"{where}.also_answers"),
                    pos=claim_at[k],
                )
            )
        relations = []
        for k, r in enumerate(_objects(data.get("relations"), "relations")):
            where = f"relations[{k}]"
            type_text = _text(_required(r, "type", where), f"{where}.type")
            if type_text not in {str(t) for t in RelationType}:
                raise _WrongField(f"{where}.type", f"{type_text[:40]!r} is not a relation type")
            rel_type = RelationType(type_text)
            from_ids = _required(r, "from", where)
            sources_ids = _texts(
                [from_ids] if isinstance(from_ids, str) else from_ids, f"{where}.from"
            )
            target = _text(_required(r, "to", where), f"{where}.to")
            rel_id = _text(r.get("id"), f"{where}.id") or default_relation_id(
                str(rel_type), sources_ids, target
            )
            relations.append(
                Relation(
                    id=rel_id,
                    type=rel_type,
                    sources=sources_ids,
                    target=target,
                    why=_text(r.get("why"), f"{where}.why") or None,
                    pos=relation_at[k],
                )
            )
        the_map = Map(
            id=_text(_required(meta, "id", "map"), "map.id"),
            title=_text(_required(meta, "title", "map"), "map.title"),
            theses=_texts(_required(meta, "theses", "map"), "map.theses"),
            claims=tuple(claims),
            relations=tuple(relations),
            sources=tuple(sources),
            description=_text(meta.get("description"), "map.description") or None,
            themes=_themes(meta.get("themes")),
            path=path,
        )
    except _WrongField as exc:
        where = exc.where.lstrip(".") or "the file"
        raise report.fail(
            positions.at(_path_of(exc.where.lstrip("."))),
            f"argmap JSON: {where} {exc.message}",
            "the file should come from 'argmap export --to json'",
        ) from None
    origins = _origins(sources, claims, relations)
    return ImportResult(the_map, report.diagnostics, origins, path)
