"""What an export format cannot hold of a map, said before anything is lost.

`losses(m, fmt)` returns, as data, one `Loss` per kind of thing the format
`fmt` leaves out, flattens or changes for this map (an undercut of an undercut
in Argdown, notes in AIF, a claim's text cut short in a DOT box ...), naming the
claims or relations it concerns and the format that keeps them. It asks only
what the map holds: a map without notes loses no notes, so a map with nothing
to lose gives `[]`. `argmap export` prints each as a warning (or, with
`--strict`, refuses to write); the writers themselves stay silent.

The rules here follow the writers and are held to them by the tests: a
round trip through Argdown or AIF gives back the map minus what is listed.
A class handout is a reading of the map, not a copy: it leaves out drill
data (key points, flaws outside its questions, `also_answers`), base scores
and ids by design, and reports only what it fails to show of the argument.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from argmap.diagnostics import Diagnostic, Severity
from argmap.display import visible_line
from argmap.loading import default_relation_id
from argmap.model import NOWHERE, Claim, Map, Pos, Relation, RelationType

SHOWN_IDS = 3  # ids named in a message before "and N more"

JSON_KEEPS = "export --to json keeps them"


@dataclass(frozen=True, slots=True)
class Loss:
    """One kind of thing a format cannot hold, and which of the map's objects it hits.

    `code` names the kind (docs/interop.md lists them), `message` says what is
    lost for this map, `hint` which export keeps it, `ids` every claim or
    relation concerned (the message names the first few), `pos` where the
    first of them is written in the map."""

    code: str
    message: str
    hint: str
    ids: tuple[str, ...] = ()
    pos: Pos = NOWHERE

    def diagnostic(self, path: str) -> Diagnostic:
        """The loss as a warning about the map file (`path:line:col: warning[X7..]`)."""
        return Diagnostic(
            path, self.pos.line, self.pos.col, Severity.WARNING, self.code, self.message, self.hint
        )


def some(ids: Sequence[str]) -> str:
    """`a, b, c and 4 more`: enough ids to find them, never a wall of them."""
    shown = ", ".join(ids[:SHOWN_IDS])
    rest = len(ids) - SHOWN_IDS
    return f"{shown} and {rest} more" if rest > 0 else shown


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _loss(
    code: str, items: Sequence[Claim | Relation], template: str, hint: str = JSON_KEEPS
) -> list[Loss]:
    """One loss naming `items`, or none when there are none; `template` says it with
    `{n}` ("3 claims") and `{ids}` ("a, b, c")."""
    if not items:
        return []
    noun = "claim" if isinstance(items[0], Claim) else "relation"
    ids = tuple(item.id for item in items)
    message = template.format(n=_count(len(ids), noun), ids=some(ids))
    return [Loss(code, message, hint, ids, items[0].pos)]


def _and(words: Sequence[str]) -> str:
    return " and ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)


# -- what a format may leave out, one rule per kind ------------------------------


def _map_fields(m: Map, name: str, fields: Sequence[str]) -> list[Loss]:
    """The map's own fields (id, title, description) the format has no place for."""
    present = [f for f in fields if getattr(m, f)]
    if not present:
        return []
    said = _and(present)
    where = next((m.positions[f] for f in present if f in m.positions), m.pos)
    they = "it is" if len(present) == 1 else "they are"
    return [
        Loss(
            "X714",
            f"{name} has no place for the map's {said}: {they} not written",
            "export --to json or argdown keeps them",
            (),
            where,
        )
    ]


def _themes(m: Map, name: str) -> list[Loss]:
    themed = [c for c in m.claims if c.themes]
    if themed:
        names = " and the map's theme names" if m.themes else ""
        return _loss(
            "X708",
            themed,
            f"{name} has no themes: the themes of {{n}} ({{ids}}){names} are not written",
            "export --to json or argdown keeps them",
        )
    if m.themes:
        return [
            Loss(
                "X708",
                f"{name} has no themes: the map's theme names ({some(list(m.themes))}) "
                "are not written",
                "export --to json or argdown keeps them",
                tuple(m.themes),
                m.positions.get("themes", m.pos),
            )
        ]
    return []


def _evidence(m: Map, name: str) -> list[Loss]:
    quoting = [c for c in m.claims if c.evidence]
    if quoting:
        used = {e.source for c in quoting for e in c.evidence}
        return _loss(
            "X709",
            quoting,
            f"{name} has no place for evidence: the quotes of {{n}} ({{ids}}), from "
            f"{_count(len(used), 'source')}, are not written",
        )
    if m.sources:
        ids = tuple(s.id for s in m.sources)
        return [
            Loss(
                "X709",
                f"{name} has no place for sources: {_count(len(ids), 'source')} "
                f"({some(ids)}) are not written",
                JSON_KEEPS,
                ids,
                m.sources[0].pos,
            )
        ]
    return []


def _notes(m: Map, name: str) -> list[Loss]:
    return _loss(
        "X710",
        [c for c in m.claims if c.note],
        f"{name} has no place for notes: the notes of {{n}} ({{ids}}) are not written",
    )


def _base(m: Map, name: str) -> list[Loss]:
    return _loss(
        "X711",
        [c for c in m.claims if c.base is not None],
        f"{name} has no base scores: the base of {{n}} ({{ids}}) is not written (read "
        "back, each starts at 0.5 and the strengths change)",
    )


def _drill_data(m: Map, name: str) -> list[Loss]:
    fields = {"key points": "key_points", "flaws": "flaw", "also_answers": "also_answers"}
    having = [c for c in m.claims if any(getattr(c, f) for f in fields.values())]
    present = [label for label, f in fields.items() if any(getattr(c, f) for c in having)]
    said = _and(present)
    return _loss(
        "X712",
        having,
        f"{name} has no place for what the drills use: the {said} of {{n}} ({{ids}}) "
        "are not written",
    )


def _kinds(m: Map, name: str) -> list[Loss]:
    return _loss(
        "X707",
        [c for c in m.claims if c.kind != "value"],
        f"{name} has no claim kinds: the kind of {{n}} ({{ids}}) is not written (read back, "
        "every claim is a value)",
    )


def _aif_claim_ids(m: Map) -> list[Loss]:
    renamed = [c for n, c in enumerate(m.claims, start=1) if c.id != f"i{n}"]
    return _loss(
        "X706",
        renamed,
        "AIF numbers its nodes: the ids of {n} ({ids}) are not written (read back, "
        "the claims are i1, i2, ...)",
        "export --to json or argdown keeps them",
    )


def _named(rels: Iterable[Relation]) -> list[Relation]:
    """Relations with an id of their own (not the `type:a->b` one the loader gives)."""
    return [r for r in rels if r.id != default_relation_id(str(r.type), r.sources, r.target)]


def _aif_relations(m: Map) -> list[Loss]:
    lost = _loss(
        "X704",
        _named(m.relations),
        "AIF names a relation by its scheme node: the ids of {n} ({ids}) are not written",
    )
    lost += _loss(
        "X705",
        [r for r in m.relations if r.why],
        "AIF has no place for why a relation holds: the why of {n} ({ids}) is not written",
        "export --to json or graphml keeps them",
    )
    return lost


def _aif_theses(m: Map) -> list[Loss]:
    """AIF has no theses; its reader takes the claims concluded that conclude nothing."""
    if not m.claims:  # no valid map, but `losses` may be handed any `Map`
        return []
    premise_ids = {s for r in m.relations for s in r.sources}
    concluded = {r.target for r in m.relations}
    back = [c.id for c in m.claims if c.id in concluded and c.id not in premise_ids]
    if not back:
        back = [c.id for c in m.claims if c.id not in premise_ids][:1] or [m.claims[0].id]
    if back == list(m.theses):
        return []
    differ = [t for t in m.theses if t not in back] + [c for c in back if c not in m.theses]
    changed = differ or list(m.theses)  # same claims, another order
    return [
        Loss(
            "X715",
            "AIF has no theses; read back, the theses are the claims that are concluded "
            f"and conclude nothing, which here are {some(back)} instead of "
            f"{some(list(m.theses))}",
            "export --to json or argdown keeps the theses",
            tuple(changed),
            m.positions.get("theses", m.pos),
        )
    ]


def _argdown_relations(m: Map) -> list[Loss]:
    from argmap.formats.argdown import argument_titles

    titles = argument_titles(m)
    undercuts = [r for r in m.relations if r.type is RelationType.UNDERCUT]
    cut_cuts = [r for r in undercuts if r.target not in titles]
    written = [r for r in undercuts if r.target in titles]
    lost = _loss(
        "X701",
        cut_cuts,
        "Argdown cannot say an undercut of an undercut (its undercut is a statement "
        "against an argument, and an argmap undercut is not one): {n} ({ids}) left out; "
        "the claims are kept",
        "export --to json or aif keeps them",
    )
    lost += _loss(
        "X703",
        [r for r in written if r.linked],
        "Argdown undercuts with one statement at a time: {n} with linked premises "
        "({ids}) become one undercut per premise",
        "export --to json, aif, dot or graphml keeps them linked",
    )

    def back_id(rel: Relation) -> str:
        if rel.type is RelationType.UNDERCUT:
            return default_relation_id("undercut", rel.sources, titles[rel.target])
        return titles.get(rel.id, rel.id)

    renamed = [
        r
        for r in m.relations
        if (r.type is not RelationType.UNDERCUT or (r.target in titles and not r.linked))
        and back_id(r) != r.id
    ]
    lost += _loss(
        "X704",
        renamed,
        "Argdown has no id for an undercut, and an argument's title cannot hold "
        "< > [ ] \\ or repeat a claim's id: the ids of {n} ({ids}) change",
    )
    lost += _loss(
        "X705",
        [r for r in written if r.why],
        "Argdown has no place for why an undercut holds: the why of {n} ({ids}) is not written",
        "export --to json, dot or graphml keeps them",
    )
    return lost


def _argdown_text(m: Map) -> list[Loss]:
    """Claims (and whys) Argdown cannot write as they are: one loss for both."""
    claims = [c for c in m.claims if visible_line(c.text) != c.text]
    whys = [r for r in m.relations if r.why and visible_line(r.why) != r.why]
    if not claims and not whys:
        return []
    parts = []
    if claims:
        parts.append(f"the text of {_count(len(claims), 'claim')} ({some([c.id for c in claims])})")
    if whys:
        parts.append(f"the why of {_count(len(whys), 'relation')} ({some([r.id for r in whys])})")
    items: list[Claim | Relation] = [*claims, *whys]
    return [
        Loss(
            "X713",
            "Argdown has no escape for invisible characters or line breaks: in "
            f"{' and '.join(parts)} they are written as markers (⟨U+202E⟩) and spaces",
            JSON_KEEPS,
            tuple(item.id for item in items),
            items[0].pos,
        )
    ]


def _dot_text(m: Map) -> list[Loss]:
    from argmap.formats.dot import LABEL_LINES, LABEL_WIDTH

    return _loss(
        "X713",
        [c for c in m.claims if len(textwrap.wrap(c.text, LABEL_WIDTH)) > LABEL_LINES],
        f"a DOT box shows {LABEL_LINES} lines of a claim: the text of {{n}} ({{ids}}) is cut short",
        "export --to graphml or json keeps the whole text",
    )


def _dot_relation_ids(m: Map) -> list[Loss]:
    """Relation ids survive in DOT only as the tooltip of a junction diamond."""
    junctions = {r.id for r in m.relations if r.linked}
    junctions |= {r.target for r in m.relations if r.type is RelationType.UNDERCUT}
    return _loss(
        "X704",
        _named(r for r in m.relations if r.id not in junctions),
        "a DOT edge has no id: the ids of {n} ({ids}) are not written",
        "export --to graphml or json keeps them",
    )


def _handout_gaps(m: Map, thesis: str | None) -> list[Loss]:
    """What a handout fails to show of the argument: a thesis is a heading, not a
    point, so what hangs on a thesis itself (its links, evidence, note) is missing."""
    from argmap.formats.handout import within_branch
    from argmap.sides import sides

    shown = [t for t in dict.fromkeys(m.theses if thesis is None else (thesis,))]
    theses = [m.claims_by_id[t] for t in shown if t in m.claims_by_id]
    keep = None if thesis is None else set(sides(m, thesis))
    all_theses = set(m.theses)
    from_theses = [
        r
        for r in m.relations
        if all(s in all_theses for s in r.sources) and (keep is None or within_branch(m, r, keep))
    ]
    hint = "export --to json, dot or graphml keeps them"
    lost = _loss(
        "X702",
        from_theses,
        "a handout shows a thesis as a heading, not as a point with links: {n} argued "
        "from a thesis ({ids}) are not shown",
        hint,
    )
    lost += _loss(
        "X709",
        [t for t in theses if t.evidence],
        "a handout shows a thesis as a heading: the evidence of {n} ({ids}) is not shown",
        "export --to json keeps them",
    )
    lost += _loss(
        "X710",
        [t for t in theses if t.note],
        "a handout shows a thesis as a heading: the note of {n} ({ids}) is not shown",
        "export --to json keeps them",
    )
    return lost


# -- per format -------------------------------------------------------------------

Rule = Callable[[Map], list[Loss]]


def _dot(m: Map) -> list[Loss]:
    name = "DOT"
    return [
        *_map_fields(m, name, ("description",)),
        *_dot_text(m),
        *_dot_relation_ids(m),
        *_themes(m, name),
        *_evidence(m, name),
        *_notes(m, name),
        *_base(m, name),
        *_drill_data(m, name),
    ]


def _graphml(m: Map) -> list[Loss]:
    name = "GraphML"
    return [
        *_themes(m, name),
        *_evidence(m, name),
        *_notes(m, name),
        *_base(m, name),
        *_drill_data(m, name),
    ]


def _argdown(m: Map) -> list[Loss]:
    name = "Argdown"
    return [
        *_argdown_relations(m),
        *_argdown_text(m),
        *_evidence(m, name),
        *_notes(m, name),
        *_base(m, name),
        *_drill_data(m, name),
    ]


def _aif(m: Map) -> list[Loss]:
    name = "AIF"
    return [
        *_map_fields(m, name, ("id", "title", "description")),
        *_aif_theses(m),
        *_aif_claim_ids(m),
        *_aif_relations(m),
        *_kinds(m, name),
        *_themes(m, name),
        *_evidence(m, name),
        *_notes(m, name),
        *_base(m, name),
        *_drill_data(m, name),
    ]


_RULES: dict[str, Rule] = {
    "json": lambda m: [],
    "dot": _dot,
    "svg": _dot,
    "png": _dot,
    "graphml": _graphml,
    "argdown": _argdown,
    "aif": _aif,
}
HANDOUTS = ("markdown", "html", "markdown-drill", "html-drill")


# What a format simply has no field for, as against what it does to the argument (a
# relation left out, a text cut, other theses). `in_brief` says these in one line.
FIELD_LABELS = {
    "X714": "the map's id, title or description",
    "X706": "claim ids",
    "X704": "relation ids",
    "X705": "relations' why",
    "X707": "claim kinds",
    "X708": "themes",
    "X709": "evidence",
    "X710": "notes",
    "X711": "base scores",
    "X712": "drill data",
}
_NAMES = {"dot": "DOT", "svg": "DOT", "png": "DOT", "graphml": "GraphML"}
_NAMES |= {"argdown": "Argdown", "aif": "AIF"}


def _label(loss: Loss) -> str:
    """ "themes (200 claims)", "the map's description": a field loss in a few words."""
    own = re.search(r"the map's ([^:]+):", loss.message) if loss.code == "X714" else None
    label = f"the map's {own.group(1)}" if own else FIELD_LABELS[loss.code]
    count = re.search(r"\b(\d+ (?:claim|relation)s?)\b", loss.message)
    return f"{label} ({count.group(1)})" if count else label


def in_brief(found: Sequence[Loss], fmt: str) -> list[Loss]:
    """`found` as a user wants it by default: each loss to the argument itself on its
    own, and the fields the format has no place for together in one note (X700).

    Seven warnings that every DOT drawing lacks notes, themes and key points would
    hide the one that says a claim's text was cut; `--strict` lists each."""
    fields = [loss for loss in found if loss.code in FIELD_LABELS]
    if len(fields) < 2:
        return list(found)
    name = _NAMES.get(fmt, "This format")
    said = "; ".join(_label(loss) for loss in fields)
    merged = Loss(
        "X700",
        f"{name} has no place for these, so they are not written: {said}",
        "export --to json keeps everything; --strict lists each loss",
        tuple(i for loss in fields for i in loss.ids),
        fields[0].pos,
    )
    return [loss for loss in found if loss.code not in FIELD_LABELS] + [merged]


def losses(m: Map, fmt: str, thesis: str | None = None) -> list[Loss]:
    """Every kind of thing `fmt` (a writer's registry name) cannot hold of `m`, in
    the order the kinds matter most: relations, then claims' text, then fields.
    `thesis` is a handout's `--thesis`: what lies outside it is left out on purpose."""
    if fmt in HANDOUTS:
        return _handout_gaps(m, thesis)
    if fmt not in _RULES:
        raise KeyError(f"no loss rules for the format {fmt!r}")
    return _RULES[fmt](m)
