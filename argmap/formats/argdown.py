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


_FRONTMATTER_FIELDS = frozenset(
    (
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
    )
)


def _to_map(doc: Document, report: Reporter, path: str) -> ImportResult:
    """The conversion, one step per kind of Argdown element, in the order that
    fixes ids and warnings: statements, unreconstructed arguments, inferences,
    then the relations between them all."""
    convert = _Converter(doc, report)
    convert.add_statements()
    convert.add_gists()
    convert.add_inferences()
    convert.add_relations()
    return convert.result(path)


class _Converter:
    """The state of one conversion: claim and relation ids given so far, and
    which claim or relation each Argdown statement and argument became."""

    def __init__(self, doc: Document, report: Reporter) -> None:
        self.doc = doc
        self.report = report
        self.themes: dict[str, str] = {}
        front_themes = doc.frontmatter.get("themes")
        if isinstance(front_themes, dict):
            self.themes.update({make_id(str(k)): str(v) for k, v in front_themes.items()})
        self.pool = IdPool()
        self.claims: list[Claim] = []
        self.origins: dict[str, Pos] = {}
        self.claim_of_statement: dict[str, str] = {}
        self.claim_of_gist: dict[str, str] = {}
        self.relations: list[Relation] = []
        self.rel_ids = IdPool()
        self.final_relation: dict[str, str] = {}  # argument title -> its last inference
        self.conclusion_of: dict[str, str] = {}  # argument title -> its conclusion's claim

    def _data_note(self, data: dict[str, Any], pos: Pos, name: str) -> str | None:
        """Data argmap has no field for, kept as JSON in the note (and warned of)."""
        extra = {k: v for k, v in data.items() if k not in _KNOWN_DATA}
        if not extra:
            return None
        self.report.warn(
            pos,
            KEPT_IN_NOTE,
            f"data of {name} ({', '.join(map(str, extra))}) kept in the claim's note",
        )
        return "Argdown data: " + json.dumps(extra, ensure_ascii=False, default=str)

    def add_statements(self) -> None:
        """A claim per statement (equivalence class); other texts go into its note."""
        doc, report, themes = self.doc, self.report, self.themes
        for st in doc.statements.values():
            pos = Pos(st.line, st.col)
            cid = self.pool.take(make_id(st.title) if st.titled else _slug(st.text))
            self.claim_of_statement[st.title] = cid
            self.origins[cid] = pos
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
            extra = self._data_note(st.data, pos, f"[{st.title}]")
            if extra:
                notes.append(extra)
            text = st.text or st.title
            if not st.text:
                report.warn(
                    pos,
                    KEPT_IN_NOTE,
                    f"statement [{st.title}] has no text; its title is used as the text",
                )
            self.claims.append(
                Claim(
                    id=cid,
                    text=text,
                    kind=_kind(st.data, report, pos, f"[{st.title}]"),
                    themes=_theme_ids(doc, st.tags, st.heading, themes),
                    note=" ".join(notes) or None,
                    pos=pos,
                )
            )

    def add_gists(self) -> None:
        """A claim per argument without a premise-conclusion structure: its gist."""
        doc, report = self.doc, self.report
        for arg in doc.arguments.values():
            pos = Pos(arg.line, arg.col)
            if not arg.steps:
                gid = self.pool.take(make_id(arg.title) if arg.titled else _slug(arg.description))
                self.claim_of_gist[arg.title] = gid
                self.origins[gid] = pos
                notes = [f"Argdown argument <{arg.title}> (not reconstructed)."]
                extra = self._data_note(arg.data, pos, f"<{arg.title}>")
                if extra:
                    notes.append(extra)
                self.claims.append(
                    Claim(
                        id=gid,
                        text=arg.description or arg.title,
                        kind=_kind(arg.data, report, pos, f"<{arg.title}>"),
                        themes=_theme_ids(doc, arg.tags, arg.heading, self.themes),
                        note=" ".join(notes),
                        pos=pos,
                    )
                )

    def _add(
        self,
        rel_id: str | None,
        rel_type: RelationType,
        sources: tuple[str, ...],
        target: str,
        pos: Pos,
        why: str | None = None,
    ) -> str | None:
        """One relation, unless it is a self-loop or (unnamed) given twice; its id."""
        report = self.report
        if target in sources:
            report.warn(pos, SELF_LOOP, f"a relation from {target} to itself is left out")
            return None
        rid = rel_id or default_relation_id(str(rel_type), sources, target)
        if rid in self.rel_ids.used and rel_id is None:
            report.warn(pos, DUPLICATE, f"relation {rid} is given twice; kept once")
            return None
        rid = self.rel_ids.take(rid)
        self.relations.append(
            Relation(id=rid, type=rel_type, sources=sources, target=target, why=why, pos=pos)
        )
        self.origins[rid] = pos
        return rid

    def add_inferences(self) -> None:
        """A support per inference step of each reconstructed argument; the last one
        carries the argument's title, description and (attack or support) type."""
        report, claim_of_statement = self.report, self.claim_of_statement
        pcs_args = [a for a in self.doc.arguments.values() if a.steps]
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
                rid = self._add(
                    base_id if last else f"{base_id}.step{number}",
                    rel_type if last else RelationType.SUPPORT,
                    sources,
                    claim_of_statement[step.conclusion],
                    pos if last else Pos(step.line, 1),
                    why=(arg.description or None) if last else None,
                )
                if last and rid:
                    self.final_relation[arg.title] = rid
                    self.conclusion_of[arg.title] = claim_of_statement[step.conclusion]
            if arg.tags:
                report.warn(
                    pos,
                    DROPPED,
                    f"tags of argument <{arg.title}> are left out (a relation has no themes)",
                )

    def _as_source(self, node: tuple[str, str]) -> str | None:
        """The claim a statement or argument stands for in a relation."""
        kind, title = node
        if kind == "statement":
            return self.claim_of_statement.get(title)
        return self.claim_of_gist.get(title) or self.conclusion_of.get(title)

    def add_relations(self) -> None:
        """Argdown's relations, approximated where a map cannot say the same (I605)."""
        report, add, as_source = self.report, self._add, self._as_source
        final_relation = self.final_relation
        warned_contradiction: set[frozenset[str]] = set()
        for raw in self.doc.relations:
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

    def _theses(self) -> list[str]:
        """The frontmatter's theses that are claims; else the claims only concluded."""
        front, claims, relations = self.doc.frontmatter, self.claims, self.relations
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
        return theses

    def _title(self) -> str:
        """The frontmatter title, else the first heading, else the first claim's text."""
        doc = self.doc
        title = (
            str(doc.frontmatter.get("title") or "").strip()
            or next(iter(doc.headings.values()), "")
            or self.claims[0].text
        )
        return " ".join(title.split())

    def result(self, path: str) -> ImportResult:
        """The map, once every element is converted; frontmatter it cannot hold warned of."""
        front, report = self.doc.frontmatter, self.report
        if not self.claims:
            raise report.fail((1, 1), "the Argdown file has no statements or arguments")
        theses = self._theses()
        title = self._title()
        for key in front:
            if key not in _FRONTMATTER_FIELDS:
                report.warn(
                    (1, 1),
                    DROPPED,
                    f"frontmatter field {key!r} has no place in an argmap map; left out",
                )
        the_map = Map(
            id=make_id(str(front.get("id") or title.lower())[:60], "argdown"),
            title=title,
            theses=tuple(theses),
            claims=tuple(self.claims),
            relations=tuple(self.relations),
            description=str(front["description"]).strip() if front.get("description") else None,
            themes=self.themes,
            path=path,
        )
        return ImportResult(the_map, report.diagnostics, self.origins, path)


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


def argument_titles(m: Map) -> dict[str, str]:
    """The title each support or attack written as an argument gets, by relation id.

    A relation is written as an argument when a tree line cannot say it: it is
    linked, has a `why` or an id of its own, or is undercut. The others are tree
    lines and have no title. `losses` reads this too, to name the relations whose
    id Argdown changes (a character Argdown reserves, or a clash with a claim)."""
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
        if not simple:
            titles[rel.id] = used_titles.take(_title(rel.id))
    return titles


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
    titles = argument_titles(m)
    for rel in m.relations:
        if rel.type is RelationType.UNDERCUT:
            continue
        title = titles.get(rel.id)
        if title is None:
            symbol = "+" if rel.type is RelationType.SUPPORT else "-"
            out += [f"[{_title(rel.target)}]", f"  {symbol} [{_title(rel.sources[0])}]", ""]
            continue
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
