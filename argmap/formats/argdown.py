"""Argdown ⇄ `Map`: the conversion, and what is lost in each direction.

Argdown has arguments as nodes of their own; an argmap map has claims and
relations only. Reading (`read_argdown`):

- each statement (equivalence class, by title) → a claim; untitled ones get
  an id from their first words;
- an argument with a premise-conclusion structure → a `support` from its
  premises (linked when several) to its conclusion, one per inference step;
  the argument's title is the relation id and its description the `why`;
- an argument without one → a claim holding its description (its gist);
- relations to and from arguments go to their conclusion; an attack on a
  reconstructed argument becomes an undercut of its inference; an undercut
  of a statement becomes an attack; a contradiction becomes two attacks —
  each of these approximations is reported as a warning (I605);
- tags and headings → themes; frontmatter `title` → the map title;
  `{kind: fact}` data → the claim kind (default `value`).

Writing (`write_argdown`) gives each claim `[id]: text #theme {kind: ...}`
and each relation either as a tree line (`+`, `-`, `_`) or, when it is
linked, named, explained or undercut, as an argument with a
premise-conclusion structure; map data goes into the frontmatter, so
reading the output back gives the same claims and relations.
"""

from __future__ import annotations

import json
import re
from typing import Any

from argmap.display import escape_invisible, visible_line
from argmap.formats.argdown_parse import Document, parse_argdown
from argmap.formats.import_result import (
    APPROXIMATED,
    DROPPED,
    DUPLICATE,
    KEPT_IN_NOTE,
    SELF_LOOP,
    IdPool,
    ImportResult,
    Reporter,
    make_id,
)
from argmap.loading import default_relation_id
from argmap.model import Claim, ClaimKind, Map, Pos, Relation, RelationType

_KNOWN_DATA = {"kind", "argmap-type", "isInMap", "isGroup"}
_OUTGOING = {"+>": RelationType.SUPPORT, "->": RelationType.ATTACK, "_>": RelationType.UNDERCUT}
_INCOMING = {
    "+": RelationType.SUPPORT,
    "<+": RelationType.SUPPORT,
    "-": RelationType.ATTACK,
    "<-": RelationType.ATTACK,
    "_": RelationType.UNDERCUT,
    "<_": RelationType.UNDERCUT,
}


def _slug(text: str, words: int = 6) -> str:
    short = " ".join(re.findall(r"\w+", text.lower())[:words])
    return make_id(short, "statement")


def read_argdown(text: str, path: str = "<argdown>") -> ImportResult:
    report = Reporter(path)
    doc = parse_argdown(text, path)
    return _to_map(doc, report, path)


def _theme_ids(
    doc: Document, tags: list[str], heading: str | None, themes: dict[str, str]
) -> tuple[str, ...]:
    out: dict[str, None] = {}  # ordered and deduplicated in linear time
    for label in ([heading] if heading else []) + tags:
        tid = make_id(label.lower(), "theme")
        themes.setdefault(tid, label)
        out[tid] = None
    return tuple(out)


def _kind(data: dict[str, Any], report: Reporter, pos: Pos, name: str) -> ClaimKind:
    value = data.get("kind")
    if value is None:
        return ClaimKind.VALUE
    try:
        return ClaimKind(str(value).lower())
    except ValueError:
        report.warn(
            pos, DROPPED, f"{name} has kind {value!r}, which argmap does not know; 'value' was used"
        )
        return ClaimKind.VALUE


def _to_map(doc: Document, report: Reporter, path: str) -> ImportResult:
    front = doc.frontmatter
    themes: dict[str, str] = {}
    front_themes = front.get("themes")
    if isinstance(front_themes, dict):
        themes.update({make_id(str(k)): str(v) for k, v in front_themes.items()})
    pool = IdPool()
    claims: list[Claim] = []
    origins: dict[str, Pos] = {}
    claim_of_statement: dict[str, str] = {}
    claim_of_gist: dict[str, str] = {}

    def data_note(data: dict[str, Any], pos: Pos, name: str) -> str | None:
        extra = {k: v for k, v in data.items() if k not in _KNOWN_DATA}
        if not extra:
            return None
        report.warn(
            pos,
            KEPT_IN_NOTE,
            f"data of {name} ({', '.join(map(str, extra))}) kept in the claim's note",
        )
        return "Argdown data: " + json.dumps(extra, ensure_ascii=False, default=str)

    for st in doc.statements.values():
        pos = Pos(st.line, st.col)
        cid = pool.take(make_id(st.title) if st.titled else _slug(st.text))
        claim_of_statement[st.title] = cid
        origins[cid] = pos
        notes = []
        if st.other_texts:
            report.warn(
                pos,
                KEPT_IN_NOTE,
                f"statement [{st.title}] is defined with "
                f"{len(st.other_texts) + 1} different texts; the first is the claim, "
                "the others are kept in its note",
            )
            notes.append("Also stated as: " + " | ".join(st.other_texts))
        extra = data_note(st.data, pos, f"[{st.title}]")
        if extra:
            notes.append(extra)
        text = st.text or st.title
        if not st.text:
            report.warn(
                pos,
                KEPT_IN_NOTE,
                f"statement [{st.title}] has no text; its title is used as the text",
            )
        claims.append(
            Claim(
                id=cid,
                text=text,
                kind=_kind(st.data, report, pos, f"[{st.title}]"),
                themes=_theme_ids(doc, st.tags, st.heading, themes),
                note=" ".join(notes) or None,
                pos=pos,
            )
        )

    relations: list[Relation] = []
    rel_ids = IdPool()
    final_relation: dict[str, str] = {}
    conclusion_of: dict[str, str] = {}

    def add(
        rel_id: str | None,
        rel_type: RelationType,
        sources: tuple[str, ...],
        target: str,
        pos: Pos,
        why: str | None = None,
    ) -> str | None:
        if target in sources:
            report.warn(pos, SELF_LOOP, f"a relation from {target} to itself is left out")
            return None
        rid = rel_id or default_relation_id(str(rel_type), sources, target)
        if rid in rel_ids.used and rel_id is None:
            report.warn(pos, DUPLICATE, f"relation {rid} is given twice; kept once")
            return None
        rid = rel_ids.take(rid)
        relations.append(
            Relation(id=rid, type=rel_type, sources=sources, target=target, why=why, pos=pos)
        )
        origins[rid] = pos
        return rid

    for arg in doc.arguments.values():
        pos = Pos(arg.line, arg.col)
        if not arg.steps:
            gid = pool.take(make_id(arg.title) if arg.titled else _slug(arg.description))
            claim_of_gist[arg.title] = gid
            origins[gid] = pos
            notes = [f"Argdown argument <{arg.title}> (not reconstructed)."]
            extra = data_note(arg.data, pos, f"<{arg.title}>")
            if extra:
                notes.append(extra)
            claims.append(
                Claim(
                    id=gid,
                    text=arg.description or arg.title,
                    kind=_kind(arg.data, report, pos, f"<{arg.title}>"),
                    themes=_theme_ids(doc, arg.tags, arg.heading, themes),
                    note=" ".join(notes),
                    pos=pos,
                )
            )
    pcs_args = [a for a in doc.arguments.values() if a.steps]
    for arg in pcs_args:
        pos = Pos(arg.line, arg.col)
        base_id = re.sub(r"\s+", "-", arg.title.strip()) or "argument"
        rel_type = (
            RelationType.ATTACK
            if str(arg.data.get("argmap-type")) == "attack"
            else RelationType.SUPPORT
        )
        for number, step in enumerate(arg.steps, start=1):
            last = number == len(arg.steps)
            sources = tuple(dict.fromkeys(claim_of_statement[p] for p in step.premises))
            if not sources:
                report.warn(
                    Pos(step.line, 1),
                    DROPPED,
                    f"inference {number} of <{arg.title}> has no premises; left out",
                )
                continue
            rid = add(
                base_id if last else f"{base_id}.step{number}",
                rel_type if last else RelationType.SUPPORT,
                sources,
                claim_of_statement[step.conclusion],
                pos if last else Pos(step.line, 1),
                why=(arg.description or None) if last else None,
            )
            if last and rid:
                final_relation[arg.title] = rid
                conclusion_of[arg.title] = claim_of_statement[step.conclusion]
        if arg.tags:
            report.warn(
                pos,
                DROPPED,
                f"tags of argument <{arg.title}> are left out (a relation has no themes)",
            )

    def as_source(node: tuple[str, str]) -> str | None:
        kind, title = node
        if kind == "statement":
            return claim_of_statement.get(title)
        return claim_of_gist.get(title) or conclusion_of.get(title)

    warned_contradiction: set[frozenset[str]] = set()
    for raw in doc.relations:
        pos = Pos(raw.line, raw.col)
        if raw.symbol in _OUTGOING:
            rel_type, src_node, dst_node = _OUTGOING[raw.symbol], raw.target, raw.source
        elif raw.symbol in _INCOMING:
            rel_type, src_node, dst_node = _INCOMING[raw.symbol], raw.source, raw.target
        else:  # "><" contradiction: two attacks
            a, b = as_source(raw.source), as_source(raw.target)
            if a and b:
                pair = frozenset((a, b))
                if pair not in warned_contradiction:
                    warned_contradiction.add(pair)
                    report.warn(
                        pos,
                        APPROXIMATED,
                        f"contradiction between {b} and {a} imported as two attacks",
                    )
                add(None, RelationType.ATTACK, (a,), b, pos)
                add(None, RelationType.ATTACK, (b,), a, pos)
            continue
        source = as_source(src_node)
        if source is None:
            continue
        dst_kind, dst_title = dst_node
        reconstructed = dst_kind == "argument" and dst_title in final_relation
        if reconstructed and rel_type is not RelationType.SUPPORT:
            if rel_type is RelationType.ATTACK:
                report.warn(
                    pos,
                    APPROXIMATED,
                    f"attack on argument <{dst_title}> imported as an "
                    "undercut of its inference (Argdown does not say which premise)",
                )
            add(None, RelationType.UNDERCUT, (source,), final_relation[dst_title], pos)
            continue
        target = as_source(dst_node)
        if target is None:
            continue
        if reconstructed:
            report.warn(
                pos,
                APPROXIMATED,
                f"support of argument <{dst_title}> imported as a support of its conclusion",
            )
        if rel_type is RelationType.UNDERCUT:
            report.warn(
                pos,
                APPROXIMATED,
                f"undercut of {target}, which is not a reconstructed "
                "argument, imported as an attack",
            )
            rel_type = RelationType.ATTACK
        add(None, rel_type, (source,), target, pos)

    if not claims:
        raise report.fail((1, 1), "the Argdown file has no statements or arguments")
    ids = {c.id for c in claims}
    theses = (
        [str(t) for t in front.get("theses") or [] if str(t) in ids]
        if isinstance(front.get("theses"), list)
        else []
    )
    if not theses:
        premise_ids = {s for r in relations for s in r.sources}
        targets = {r.target for r in relations}
        theses = [c.id for c in claims if c.id in targets and c.id not in premise_ids] or [
            claims[0].id
        ]
    title = (
        str(front.get("title") or "").strip()
        or next(iter(doc.headings.values()), "")
        or claims[0].text
    )
    title = " ".join(title.split())
    for key in front:
        if key not in (
            "title",
            "id",
            "theses",
            "themes",
            "description",
            "author",
            "date",
            "model",
            "dot",
            "color",
            "map",
            "group",
            "selection",
        ):
            report.warn(
                (1, 1),
                DROPPED,
                f"frontmatter field {key!r} has no place in an argmap map; left out",
            )
    the_map = Map(
        id=make_id(str(front.get("id") or title.lower())[:60], "argdown"),
        title=title,
        theses=tuple(theses),
        claims=tuple(claims),
        relations=tuple(relations),
        description=str(front["description"]).strip() if front.get("description") else None,
        themes=themes,
        path=path,
    )
    return ImportResult(the_map, report.diagnostics, origins, path)


# -- writing ------------------------------------------------------------------

_SPECIAL = re.compile(r"([\\\[\]<>#@{}*_])")


def escape(text: str) -> str:
    """Claim text safe inside Argdown: one line, invisible characters shown, markup
    characters backslash-escaped (Argdown has no escape for a bidi override)."""
    text = visible_line(text)
    text = _SPECIAL.sub(r"\\\1", text)
    text = text.replace("//", "/\\/").replace("/*", "/\\*")
    if re.match(r"^(\(\d+\)|[+\-]|--|\d+\.\s)", text):
        text = "\\" + text
    return text


def _title(text: str) -> str:
    return re.sub(r"[\[\]<>\\]", "-", text)


def _front_value(value: object) -> str:
    return escape_invisible(json.dumps(value, ensure_ascii=False))


def write_argdown(m: Map) -> str:
    """The map as Argdown; claims as titled statements, relations as trees or arguments."""
    out = [
        "===",
        f"title: {_front_value(m.title)}",
        f"id: {_front_value(m.id)}",
        f"theses: {_front_value(list(m.theses))}",
    ]
    if m.description:
        out.append(f"description: {_front_value(m.description)}")
    if m.themes:
        out.append(f"themes: {_front_value(dict(m.themes))}")
    out += ["===", ""]
    for claim in m.claims:
        tags = "".join(f" #({t})" for t in claim.themes)
        out.append(f"[{_title(claim.id)}]: {escape(claim.text)}{tags} {{kind: {claim.kind}}}")
        out.append("")
    undercut_targets = {r.target for r in m.relations if r.type is RelationType.UNDERCUT}
    titles: dict[str, str] = {}
    used_titles = IdPool()
    used_titles.used.update(_title(c.id) for c in m.claims)
    for rel in m.relations:
        if rel.type is RelationType.UNDERCUT:
            continue
        simple = (
            len(rel.sources) == 1
            and rel.why is None
            and rel.id not in undercut_targets
            and rel.id == default_relation_id(str(rel.type), rel.sources, rel.target)
        )
        if simple:
            symbol = "+" if rel.type is RelationType.SUPPORT else "-"
            out += [f"[{_title(rel.target)}]", f"  {symbol} [{_title(rel.sources[0])}]", ""]
            continue
        title = titles[rel.id] = used_titles.take(_title(rel.id))
        data = " {argmap-type: attack}" if rel.type is RelationType.ATTACK else ""
        why = f": {escape(rel.why)}" if rel.why else ""
        out += [f"<{title}>{why}{data}", ""]
        for i, src in enumerate(rel.sources, start=1):
            out.append(f"({i}) [{_title(src)}]")
        out += ["----", f"({len(rel.sources) + 1}) [{_title(rel.target)}]", ""]
    for rel in m.relations:
        if rel.type is not RelationType.UNDERCUT or rel.target not in titles:
            continue
        out.append(f"<{titles[rel.target]}>")
        out += [f"  _ [{_title(src)}]" for src in rel.sources]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
