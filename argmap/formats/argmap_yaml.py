"""Write a `Map` as an argmap YAML file that `argmap.loading` reads back unchanged.

Importers use it to produce their output; every field of the model is
written. Text is written as JSON-style double-quoted scalars (valid YAML),
so no claim text can be misread as YAML structure. When `origins` is given,
each claim and relation is preceded by a comment naming where it came from
(`# from debate.txt:12:1`), so a problem `argmap check` finds later in the
YAML can be traced to the original file by hand.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from argmap.display import escape_invisible
from argmap.loading import default_relation_id
from argmap.model import Claim, Map, Pos, Relation, Source

_PLAIN = re.compile(r"^[A-Za-z_][\w.\-]*$", re.ASCII)
_YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}


def scalar(text: str) -> str:
    """`text` as a YAML scalar: plain when unambiguous, double-quoted otherwise."""
    if _PLAIN.match(text) and text.lower() not in _YAML_WORDS:
        return text
    return escape_invisible(json.dumps(text, ensure_ascii=False))  # \u202e stays \u202e


def _flow_list(items: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(scalar(i) for i in items) + "]"


def _number(value: float) -> str:
    return repr(float(value))


def _origin_comment(
    out: list[str],
    indent: str,
    key: str,
    origins: Mapping[str, Pos] | None,
    origin_path: str | None,
) -> None:
    if origins is None or key not in origins:
        return
    pos = origins[key]
    where = f"{origin_path or 'input'}:{pos.line}" + (f":{pos.col}" if pos.col else "")
    out.append(f"{indent}# from {where}")


def _source(out: list[str], s: Source) -> None:
    out.append(f"  - id: {scalar(s.id)}")
    out.append(f"    title: {scalar(s.title)}")
    for key in ("outlet", "date", "kind", "reliability"):
        value = getattr(s, key)
        if value:
            out.append(f"    {key}: {scalar(value)}")
    if s.file:
        out.append(f"    file: {scalar(s.file)}")
    if s.url:
        out.append(f"    url: {scalar(s.url)}")


def _claim(out: list[str], c: Claim) -> None:
    out.append(f"  - id: {scalar(c.id)}")
    out.append(f"    text: {scalar(c.text)}")
    out.append(f"    kind: {c.kind}")
    if c.themes:
        out.append(f"    themes: {_flow_list(c.themes)}")
    if c.base is not None:
        out.append(f"    base: {_number(c.base)}")
    if c.evidence:
        out.append("    evidence:")
        for e in c.evidence:
            out.append(f"      - source: {scalar(e.source)}")
            if e.locator:
                out.append(f"        locator: {scalar(e.locator)}")
            out.append(f"        quote: {scalar(e.quote)}")
    if c.key_points:
        out.append("    key_points:")
        for k in c.key_points:
            if k.synonyms:
                out.append(
                    f"      - {{point: {scalar(k.point)}, synonyms: {_flow_list(k.synonyms)}}}"
                )
            else:
                out.append(f"      - {scalar(k.point)}")
    if c.note:
        out.append(f"    note: {scalar(c.note)}")
    if c.flaw:
        out.append(f"    flaw: {scalar(c.flaw)}")
    if c.also_answers:
        out.append(f"    also_answers: {_flow_list(c.also_answers)}")


def _relation(out: list[str], r: Relation) -> None:
    sources = r.sources[0] if len(r.sources) == 1 else list(r.sources)
    first = True

    def put(key: str, value: str) -> None:
        nonlocal first
        out.append(f"  {'- ' if first else '  '}{key}: {value}")
        first = False

    if r.id != default_relation_id(str(r.type), r.sources, r.target):
        put("id", scalar(r.id))
    put("type", str(r.type))
    put("from", scalar(sources) if isinstance(sources, str) else _flow_list(sources))
    put("to", scalar(r.target))
    if r.why:
        put("why", scalar(r.why))


def write_yaml(
    m: Map,
    origins: Mapping[str, Pos] | None = None,
    origin_path: str | None = None,
    header: str = "",
) -> str:
    """The map as argmap YAML text; `header` lines become leading comments."""
    out: list[str] = [f"# {line}" if line else "#" for line in header.splitlines()]
    out += ["argmap: 1", "", "map:", f"  id: {scalar(m.id)}", f"  title: {scalar(m.title)}"]
    if m.description:
        out.append(f"  description: {scalar(m.description)}")
    out.append(f"  theses: {_flow_list(m.theses)}")
    if m.themes:
        out.append("  themes:")
        for key, label in m.themes.items():
            out.append(f"    {scalar(key)}: {scalar(label)}")
    if m.sources:
        out += ["", "sources:"]
        for s in m.sources:
            _source(out, s)
    out += ["", "claims:"]
    for c in m.claims:
        _origin_comment(out, "  ", c.id, origins, origin_path)
        _claim(out, c)
    if m.relations:
        out += ["", "relations:"]
        for r in m.relations:
            _origin_comment(out, "  ", r.id, origins, origin_path)
            _relation(out, r)
    return "\n".join(out) + "\n"
