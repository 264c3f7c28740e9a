"""Class handouts in Markdown and HTML: the thesis, the lines of argument by theme,
the sources with their reliability notes, and optional drill questions with an
answer key.

Both renderings come from one outline (`outline`), so they always say the
same thing. The HTML is one self-contained file: inline CSS, no scripts, no
network, and a print stylesheet that puts the answer key on its own page.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import zip_longest

from argmap.display import markdown_text as md
from argmap.display import shorten, visible
from argmap.model import Claim, Map, Relation, RelationType
from argmap.sides import EXPORT_WORDS, export_words

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


@dataclass
class Outline:
    title: str
    description: str | None
    theses: list[str]
    themes: list[tuple[str, dict[str, list[Point]]]]
    sources: list[tuple[str, str, str]]  # title, details, reliability
    questions: list[Question]


def _quoted(text: str, limit: int = 90) -> str:
    """A claim quoted, shortened at a word boundary (never mid-word) when it is long."""
    return "“" + shorten(text, limit) + "”"


def _relation_target(m: Map, rel: Relation) -> str:
    if rel.type is RelationType.UNDERCUT:
        aimed = m.relations_by_id.get(rel.target)
        if aimed is None:
            return rel.target
        premises = " + ".join(
            _quoted(m.claims_by_id[s].text, 60) for s in aimed.sources if s in m.claims_by_id
        )
        conclusion = m.claims_by_id.get(aimed.target)
        return f"the step from {premises} to " + (
            _quoted(conclusion.text, 60) if conclusion else aimed.target
        )
    target = m.claims_by_id.get(rel.target)
    return _quoted(target.text) if target else rel.target


def _relation_questions(m: Map, kinds: set[RelationType]) -> Iterator[Question]:
    """Which way each relation of `kinds` goes (or, for an undercut, what it denies)."""
    for rel in m.relations:
        if rel.type not in kinds:
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


def _source_questions(m: Map) -> Iterator[Question]:
    """Where a fact's evidence comes from and how far that source can be trusted: one
    question per source, on the first fact quoting it."""
    asked: set[str] = set()
    for claim in m.claims:
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


def _flaw_questions(m: Map) -> Iterator[Question]:
    for claim in m.claims:
        if claim.flaw:
            yield Question(
                f"What is weak about the reasoning in {_quoted(claim.text)}?",
                f"{claim.flaw.capitalize()}." + (f" {claim.note}" if claim.note else ""),
            )


def _questions(m: Map) -> list[Question]:
    """Up to MAX_QUESTIONS, taken in turn from each kind the map gives material for
    (attacks, undercuts, sources, flaws, supports), so that no kind, least of all
    "does this support the thesis", crowds out the rest; within a kind, in map order."""
    kinds = [
        _relation_questions(m, {RelationType.ATTACK}),
        _relation_questions(m, {RelationType.UNDERCUT}),
        _source_questions(m),
        _flaw_questions(m),
        _relation_questions(m, {RelationType.SUPPORT}),
    ]
    out: list[Question] = []
    for turn in zip_longest(*kinds):
        for question in turn:
            if question is not None and len(out) < MAX_QUESTIONS:
                out.append(question)
        if len(out) >= MAX_QUESTIONS:
            break
    return out


def outline(m: Map, questions: bool = False) -> Outline:
    sides = export_words(m)
    theses = set(m.theses)
    points: dict[str, Point] = {}
    for claim in m.claims:
        if claim.id in theses:
            continue
        point = Point(claim)
        for rel in m.outgoing.get(claim.id, ()):
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
    theme_order = list(m.all_themes) + [""]
    grouped: list[tuple[str, dict[str, list[Point]]]] = []
    for theme in theme_order:
        members = [
            p for p in points.values() if (theme in p.claim.themes if theme else not p.claim.themes)
        ]
        if not members:
            continue
        by_side: dict[str, list[Point]] = {}
        for side in EXPORT_WORDS.values():
            chosen = [p for p in members if sides[p.claim.id] == side]
            if chosen:
                by_side[side] = chosen
        label = (
            m.themes.get(theme) or theme.replace("-", " ").capitalize() if theme else "Other points"
        )
        grouped.append((label, by_side))
    source_rows = []
    for s in m.sources:
        details = ", ".join(x for x in (s.outlet, s.date, s.kind) if x)
        if s.url:
            details = f"{details}; {s.url}" if details else s.url
        source_rows.append((s.title, details, s.reliability))
    return Outline(
        m.title,
        m.description,
        [m.claims_by_id[t].text for t in m.theses if t in m.claims_by_id],
        grouped,
        source_rows,
        _questions(m) if questions else [],
    )


def write_markdown(m: Map, questions: bool = False) -> str:
    o = outline(m, questions)
    out = [f"# {md(o.title)}", ""]
    if o.description:
        out += [md(o.description), ""]
    out += ["## The thesis" if len(o.theses) == 1 else "## The theses", ""]
    out += [f"> {md(t)}" for t in o.theses] + [""]
    out += ["## Lines of argument", ""]
    for label, by_side in o.themes:
        out += [f"### {md(label)}", ""]
        for side, pts in by_side.items():
            out += [f"**{SIDE_HEADINGS[side]}**", ""]
            for p in pts:
                out.append(f"- {md(p.claim.text)} *({p.claim.kind})*")
                out += [f"  - {md(link)}" for link in p.links]
                out += [f"  - Evidence: {md(ev)}" for ev in p.evidence]
                if p.claim.note:
                    out.append(f"  - Notice: {md(p.claim.note)}")
            out.append("")
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


def write_markdown_with_questions(m: Map) -> str:
    return write_markdown(m, questions=True)


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


def write_html(m: Map, questions: bool = False) -> str:
    o = outline(m, questions)

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
    for label, by_side in o.themes:
        out.append(f"<h3>{e(label)}</h3>")
        for side, pts in by_side.items():
            out.append(f'<section class="side-{side}"><h4>{e(SIDE_HEADINGS[side])}</h4><ul>')
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


def write_html_with_questions(m: Map) -> str:
    return write_html(m, questions=True)
