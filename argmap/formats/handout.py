"""Class handouts in Markdown and HTML: the thesis, the lines of argument by theme,
the sources with their reliability notes, and optional drill questions with an
answer key.

On a map with several theses the lines of argument come in one section per
thesis, each with that thesis's sides (a claim shared by two theses is listed
under both, on the side it argues there); `thesis=` makes a handout of one
thesis alone: its branch, its sides, the sources its branch quotes and
questions from its branch.

Both renderings come from one outline (`outline`), so they always say the
same thing. The HTML is one self-contained file: inline CSS, no scripts, no
network, and a print stylesheet that puts the answer key on its own page.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import zip_longest

from argmap.display import markdown_text as md
from argmap.display import shorten, visible
from argmap.model import Claim, Map, Relation, RelationType
from argmap.sides import EXPORT_WORDS, export_words, sides

SIDE_HEADINGS = {
    "pro": "For the thesis",
    "con": "Against the thesis",
    "mixed": "Both ways",
    "none": "Not connected to the thesis",
}
MAX_QUESTIONS = 12  # "up to a dozen", as docs/interop.md says


@dataclass
class Point:
    claim: Claim
    links: list[str] = field(default_factory=list)  # "supports: ..." lines
    evidence: list[str] = field(default_factory=list)


@dataclass
class Question:
    prompt: str
    answer: str


Themes = list[tuple[str, dict[str, list[Point]]]]


@dataclass
class ThesisSection:
    """The lines of argument of one thesis, by theme, on that thesis's sides."""

    thesis_id: str
    thesis: str
    themes: Themes


@dataclass
class Outline:
    title: str
    description: str | None
    theses: list[str]
    themes: Themes  # every point, on its side over all the theses (`sides.overall`)
    sources: list[tuple[str, str, str]]  # title, details, reliability
    questions: list[Question]
    # one per thesis when the map has several and no one thesis was asked for
    sections: list[ThesisSection] = field(default_factory=list)
    unconnected: Themes = field(default_factory=list)  # points no thesis reaches


def _quoted(text: str, limit: int = 90) -> str:
    """A claim quoted, shortened at a word boundary (never mid-word) when it is long."""
    return "“" + shorten(text, limit) + "”"


def _relation_target(m: Map, rel: Relation, seen: frozenset[str] = frozenset()) -> str:
    """What a relation bears on, in words; an undercut of an undercut names the step
    the undercut it cuts denies (never a relation id as if it were a claim)."""
    if rel.type is RelationType.UNDERCUT:
        aimed = m.relations_by_id.get(rel.target)
        if aimed is None or aimed.id in seen:
            return rel.target
        premises = " + ".join(
            _quoted(m.claims_by_id[s].text, 60) for s in aimed.sources if s in m.claims_by_id
        )
        if aimed.type is RelationType.UNDERCUT:
            inner = _relation_target(m, aimed, seen | {rel.id})
            return f"the step by which {premises} undercuts {inner}"
        conclusion = m.claims_by_id.get(aimed.target)
        return f"the step from {premises} to " + (
            _quoted(conclusion.text, 60) if conclusion else aimed.target
        )
    target = m.claims_by_id.get(rel.target)
    return _quoted(target.text) if target else rel.target


def _relation_questions(
    m: Map, kinds: set[RelationType], keep: Collection[str] | None = None
) -> Iterator[Question]:
    """Which way each relation of `kinds` goes (or, for an undercut, what it denies);
    with `keep`, only relations within those claims (`within_branch`)."""
    for rel in m.relations:
        if rel.type not in kinds:
            continue
        if keep is not None and not within_branch(m, rel, keep):
            continue
        sources = [m.claims_by_id[s] for s in rel.sources if s in m.claims_by_id]
        if not sources:
            continue
        premise = " together with ".join(_quoted(s.text) for s in sources)
        if rel.type is RelationType.UNDERCUT:
            yield Question(
                f"{premise} does not deny any claim. What does it deny?",
                f"It undercuts {_relation_target(m, rel)}: "
                + (rel.why or "even if the premises are true, they do not bear on the conclusion."),
            )
        else:
            yield Question(
                f"Does {premise} support or attack {_relation_target(m, rel)}? Why?",
                f"It {rel.type.verb} it." + (f" {rel.why}" if rel.why else ""),
            )


def within_branch(m: Map, rel: Relation, keep: Collection[str]) -> bool:
    """Do the relation's premises and the claim it bears on (for an undercut, the
    conclusion of the step it cuts) all belong to `keep`, one thesis's branch? A
    shared claim's link to another thesis is not part of this thesis's debate."""
    bears_on: str | None = rel.target
    link, seen = rel, {rel.id}
    while link.type is RelationType.UNDERCUT:  # through an undercut of an undercut
        cut = m.relations_by_id.get(link.target)
        if cut is None or cut.id in seen:
            return False
        seen.add(cut.id)
        link, bears_on = cut, cut.target
    return bears_on in keep and all(s in keep for s in rel.sources)


def _source_questions(m: Map, keep: Collection[str] | None = None) -> Iterator[Question]:
    """Where a fact's evidence comes from and how far that source can be trusted: one
    question per source, on the first fact quoting it (of those in `keep`)."""
    asked: set[str] = set()
    for claim in m.claims:
        if keep is not None and claim.id not in keep:
            continue
        for ev in claim.evidence:
            source = m.sources_by_id.get(ev.source)
            if source is None or source.id in asked:
                continue
            asked.add(source.id)
            where = f", {ev.locator}" if ev.locator else ""
            trust = f" Reliability: {source.reliability}" if source.reliability else ""
            yield Question(
                f"Where does the evidence for {_quoted(claim.text)} come from, and how far "
                "can that source be trusted?",
                f"From {source.title}{where}: {_quoted(ev.quote, 200)}.{trust}",
            )


def _flaw_questions(m: Map, keep: Collection[str] | None = None) -> Iterator[Question]:
    for claim in m.claims:
        if claim.flaw and (keep is None or claim.id in keep):
            yield Question(
                f"What is weak about the reasoning in {_quoted(claim.text)}?",
                f"{claim.flaw.capitalize()}." + (f" {claim.note}" if claim.note else ""),
            )


def _questions(m: Map, keep: Collection[str] | None = None) -> list[Question]:
    """Up to MAX_QUESTIONS, taken in turn from each kind the map gives material for
    (attacks, undercuts, sources, flaws, supports), so that no kind, least of all
    "does this support the thesis", crowds out the rest; within a kind, in map order.
    With `keep`, only about those claims (one thesis's branch)."""
    kinds = [
        _relation_questions(m, {RelationType.ATTACK}, keep),
        _relation_questions(m, {RelationType.UNDERCUT}, keep),
        _source_questions(m, keep),
        _flaw_questions(m, keep),
        _relation_questions(m, {RelationType.SUPPORT}, keep),
    ]
    out: list[Question] = []
    asked: set[str] = set()  # a claim undercutting two steps would ask the same twice
    for turn in zip_longest(*kinds):
        for question in turn:
            if question is not None and len(out) < MAX_QUESTIONS and question.prompt not in asked:
                asked.add(question.prompt)
                out.append(question)
        if len(out) >= MAX_QUESTIONS:
            break
    return out


class UnknownThesis(ValueError):
    """A handout was asked for a thesis the map does not have."""


def outline(m: Map, questions: bool = False, thesis: str | None = None) -> Outline:
    """What a handout says. `thesis`: that thesis alone (`UnknownThesis` if the map
    has no such thesis)."""
    if thesis is not None and thesis not in m.theses:
        raise UnknownThesis(
            f"{thesis!r} is not a thesis of this map (theses: {', '.join(m.theses) or 'none'})"
        )
    theses = set(m.theses)
    keep = None if thesis is None else set(sides(m, thesis))
    points: dict[str, Point] = {}
    for claim in m.claims:
        if claim.id in theses or (keep is not None and claim.id not in keep):
            continue
        point = Point(claim)
        for rel in m.outgoing.get(claim.id, ()):
            if keep is not None and not within_branch(m, rel, keep):
                continue
            together = [s for s in rel.sources if s != claim.id]
            with_ = (
                (
                    " (together with "
                    + ", ".join(
                        _quoted(m.claims_by_id[s].text, 50) for s in together if s in m.claims_by_id
                    )
                    + ")"
                )
                if together
                else ""
            )
            point.links.append(
                f"{rel.type.verb.capitalize()} {_relation_target(m, rel)}"
                f"{with_}" + (f" — {rel.why}" if rel.why else "")
            )
        for ev in claim.evidence:
            source = m.sources_by_id.get(ev.source)
            name = source.title if source else ev.source
            where = f", {ev.locator}" if ev.locator else ""
            point.evidence.append(f"{_quoted(ev.quote, 200)} ({name}{where})")
        points[claim.id] = point
    if thesis is None:
        words = export_words(m)
    else:
        of = sides(m, thesis)
        words = {cid: EXPORT_WORDS[of.get(cid)] for cid in points}
    sections: list[ThesisSection] = []
    unconnected: Themes = []
    if thesis is None and len(dict.fromkeys(m.theses)) > 1:
        for t in dict.fromkeys(m.theses):
            if t not in m.claims_by_id:
                continue
            of = sides(m, t)
            mine = {cid: EXPORT_WORDS[side] for cid, side in of.items() if cid in points}
            sections.append(ThesisSection(t, m.claims_by_id[t].text, _by_theme(m, points, mine)))
        unconnected = _by_theme(m, points, {c: "none" for c, w in words.items() if w == "none"})
    used = {ev.source for p in points.values() for ev in p.claim.evidence}
    source_rows = []
    for s in m.sources:
        if keep is not None and s.id not in used:
            continue
        details = ", ".join(x for x in (s.outlet, s.date, s.kind) if x)
        if s.url:
            details = f"{details}; {s.url}" if details else s.url
        source_rows.append((s.title, details, s.reliability))
    shown = m.theses if thesis is None else (thesis,)
    return Outline(
        m.title,
        m.description,
        [m.claims_by_id[t].text for t in shown if t in m.claims_by_id],
        _by_theme(m, points, words),
        source_rows,
        _questions(m, keep) if questions else [],
        sections,
        unconnected,
    )


def _by_theme(m: Map, points: Mapping[str, Point], words: Mapping[str, str]) -> Themes:
    """The points that have a side word in `words`, by theme (the map's order), each
    theme split by side."""
    theme_order = list(m.all_themes) + [""]
    grouped: Themes = []
    for theme in theme_order:
        members = [
            p
            for cid, p in points.items()
            if cid in words and (theme in p.claim.themes if theme else not p.claim.themes)
        ]
        if not members:
            continue
        by_side: dict[str, list[Point]] = {}
        for side in EXPORT_WORDS.values():
            chosen = [p for p in members if words[p.claim.id] == side]
            if chosen:
                by_side[side] = chosen
        label = (
            m.themes.get(theme) or theme.replace("-", " ").capitalize() if theme else "Other points"
        )
        grouped.append((label, by_side))
    return grouped


def _parts(o: Outline) -> list[tuple[str | None, Themes]]:
    """The lines of argument as the writers lay them out: one part per thesis when
    there are sections (and one for the claims no thesis reaches), else one part."""
    if not o.sections:
        return [(None, o.themes)]
    parts: list[tuple[str | None, Themes]] = [
        (f"Thesis {i}: {sec.thesis}", sec.themes) for i, sec in enumerate(o.sections, 1)
    ]
    if o.unconnected:
        parts.append(("Not connected to any thesis", o.unconnected))
    return parts


def write_markdown(m: Map, questions: bool = False, thesis: str | None = None) -> str:
    o = outline(m, questions, thesis)
    out = [f"# {md(o.title)}", ""]
    if o.description:
        out += [md(o.description), ""]
    out += ["## The thesis" if len(o.theses) == 1 else "## The theses", ""]
    out += [f"> {md(t)}" for t in o.theses] + [""]
    out += ["## Lines of argument", ""]
    for part, themes in _parts(o):
        theme_level = "###"
        if part is not None:
            out += [f"### {md(part)}", ""]
            theme_level = "####"
        out += _markdown_themes(themes, theme_level)
    if o.sources:
        out += ["## Sources", ""]
        for title, details, reliability in o.sources:
            out.append(f"- **{md(title)}**" + (f" — {md(details)}" if details else ""))
            if reliability:
                out.append(f"  - Reliability: {md(reliability)}")
        out.append("")
    if o.questions:
        out += ["## Questions", ""]
        out += [f"{i}. {md(q.prompt)}" for i, q in enumerate(o.questions, 1)] + [""]
        out += ["## Answer key", ""]
        out += [f"{i}. {md(q.answer)}" for i, q in enumerate(o.questions, 1)] + [""]
    return "\n".join(out)


def _markdown_themes(themes: Themes, level: str) -> list[str]:
    out: list[str] = []
    for label, by_side in themes:
        out += [f"{level} {md(label)}", ""]
        for side, pts in by_side.items():
            out += [f"**{SIDE_HEADINGS[side]}**", ""]
            for p in pts:
                out.append(f"- {md(p.claim.text)} *({p.claim.kind})*")
                out += [f"  - {md(link)}" for link in p.links]
                out += [f"  - Evidence: {md(ev)}" for ev in p.evidence]
                if p.claim.note:
                    out.append(f"  - Notice: {md(p.claim.note)}")
            out.append("")
    return out


def write_markdown_with_questions(m: Map, thesis: str | None = None) -> str:
    return write_markdown(m, questions=True, thesis=thesis)


# As in the class report: the page may load nothing, run nothing, send nothing.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 46rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.45; color: #111; }
h1 { font-size: 1.6rem; } h2 { border-bottom: 1px solid #999; margin-top: 2rem; }
blockquote { font-size: 1.15rem; border-left: 4px solid #1b7837; margin: 0; padding: .3rem 1rem; }
.side-pro { border-left: 4px solid #1b7837; padding-left: .6rem; }
.side-con { border-left: 4px solid #b2182b; padding-left: .6rem; }
.side-mixed, .side-none { border-left: 4px solid #777; padding-left: .6rem; }
.kind { color: #555; font-size: .85em; } .notice { font-style: italic; }
ul.links { font-size: .92em; color: #333; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; }
  .answers { page-break-before: always; } h2, h3 { page-break-after: avoid; }
  li { page-break-inside: avoid; } }
"""


def write_html(m: Map, questions: bool = False, thesis: str | None = None) -> str:
    o = outline(m, questions, thesis)

    def e(text: str) -> str:
        return html.escape(visible(text))

    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        f"<title>{e(o.title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{e(o.title)}</h1>",
    ]
    if o.description:
        out.append(f"<p>{e(o.description)}</p>")
    out.append(f"<h2>{'The thesis' if len(o.theses) == 1 else 'The theses'}</h2>")
    out += [f"<blockquote>{e(t)}</blockquote>" for t in o.theses]
    out.append("<h2>Lines of argument</h2>")
    for part, themes in _parts(o):
        theme_tag, side_tag = "h3", "h4"
        if part is not None:
            out.append(f"<h3>{e(part)}</h3>")
            theme_tag, side_tag = "h4", "h5"
        out += _html_themes(themes, e, theme_tag, side_tag)
    if o.sources:
        out.append("<h2>Sources</h2><ul>")
        for title, about, reliability in o.sources:
            item = f"<li><strong>{e(title)}</strong>" + (f" — {e(about)}" if about else "")
            if reliability:
                item += f"<br><em>Reliability:</em> {e(reliability)}"
            out.append(item + "</li>")
        out.append("</ul>")
    if o.questions:
        out.append("<h2>Questions</h2><ol>")
        out += [f"<li>{e(q.prompt)}</li>" for q in o.questions]
        out.append('</ol><section class="answers"><h2>Answer key</h2><ol>')
        out += [f"<li>{e(q.answer)}</li>" for q in o.questions]
        out.append("</ol></section>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _html_themes(
    themes: Themes, e: Callable[[str], str], theme_tag: str, side_tag: str
) -> list[str]:
    out: list[str] = []
    for label, by_side in themes:
        out.append(f"<{theme_tag}>{e(label)}</{theme_tag}>")
        for side, pts in by_side.items():
            out.append(
                f'<section class="side-{side}"><{side_tag}>{e(SIDE_HEADINGS[side])}'
                f"</{side_tag}><ul>"
            )
            for p in pts:
                out.append(f'<li>{e(p.claim.text)} <span class="kind">({e(p.claim.kind)})</span>')
                details = [e(link) for link in p.links]
                details += [f"Evidence: {e(ev)}" for ev in p.evidence]
                if p.claim.note:
                    details.append(f'<span class="notice">Notice: {e(p.claim.note)}</span>')
                if details:
                    out.append(
                        '<ul class="links">' + "".join(f"<li>{d}</li>" for d in details) + "</ul>"
                    )
                out.append("</li>")
            out.append("</ul></section>")
    return out


def write_html_with_questions(m: Map, thesis: str | None = None) -> str:
    return write_html(m, questions=True, thesis=thesis)
