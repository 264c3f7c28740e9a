"""Everything about one claim, beside the tree: text, evidence, links, analysis.

The links to other claims are a list under the text, so a reader can Tab
(or press `l`) into them and press Enter (or click) to jump;
`ClaimDetail.LinkChosen` tells the screen, which keeps the history.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from argmap.flaws import find_flaw
from argmap.map_tree import places
from argmap.model import Claim, Evidence, Map, Relation, RelationType
from argmap.view_model import MARK_ACCEPTED, VERDICTS, ClaimAnalysis
from argmap_tui.text import assemble, literal, literal_line
from argmap_tui.widgets.claim_tree import SYMBOLS
from argmap_tui.widgets.line_panel import ClaimText
from argmap_tui.widgets.link_list import LinkList


@dataclass(frozen=True, slots=True)
class Link:
    claim_id: str
    text: Text


def _relation_links(the_map: Map, claim: Claim) -> list[Link]:
    """Links from a claim to every claim related to it, incoming first."""
    links: list[Link] = []
    words = {
        RelationType.SUPPORT: "supported by",
        RelationType.ATTACK: "attacked by",
        RelationType.UNDERCUT: "undercut by",
    }
    for rel in the_map.incoming.get(claim.id, ()):
        for source in rel.sources:
            links.append(_link(the_map, source, SYMBOLS[rel.type], words[rel.type], rel))
    for rel in the_map.outgoing.get(claim.id, ()):
        target, link, seen = rel.target, rel, {rel.id}
        # An undercut (of an undercut, …) leads to the claim of the first link it cuts.
        while link.type is RelationType.UNDERCUT and target in the_map.relations_by_id:
            link = the_map.relations_by_id[target]
            if link.id in seen:
                break
            seen.add(link.id)
            target = link.target
        links.append(_link(the_map, target, "→", rel.type.verb_to_claim, rel))
        for other in rel.sources:
            if other != claim.id:
                links.append(_link(the_map, other, "&", "together with", None))
        for undercut in the_map.incoming.get(rel.id, ()):
            for source in undercut.sources:
                links.append(
                    _link(
                        the_map,
                        source,
                        SYMBOLS[RelationType.UNDERCUT],
                        "this link undercut by",
                        undercut,
                    )
                )
    return [link for link in links if link.claim_id in the_map.claims_by_id]


def _link(the_map: Map, claim_id: str, symbol: str, words: str, rel: Relation | None) -> Link:
    claim = the_map.claims_by_id.get(claim_id)
    text = assemble(
        (f"{symbol} {words}: ", "bold"), literal_line(claim.text if claim else claim_id)
    )
    if rel is not None and rel.why:
        text.append_text(assemble("\n   why: ", literal_line(rel.why, "italic")))
    return Link(claim_id, text)


def describe(the_map: Map, claim: Claim, analysis: ClaimAnalysis | None) -> Text:
    """The detail text of a claim, built only from literal pieces.

    The evidence comes right under the claim's text, so a fact's quote and
    source show without scrolling; then whether it stands, in words.
    """
    out = Text(end="")
    out.append_text(literal(claim.text, "bold"))
    out.append_text(_evidence_text(the_map, claim))
    out.append_text(_analysis_text(claim, analysis))
    for reason in why_links(the_map, analysis)[1]:  # the rest are links, under the text
        out.append_text(assemble("\n", reason))
    themes = ", ".join(the_map.themes.get(t, t) for t in claim.themes) or "none"
    out.append_text(
        assemble(
            "\n\n",
            ("Kind: ", "bold"),
            str(claim.kind),
            ("   Themes: ", "bold"),
            themes,
            ("   Id: ", "bold"),
            claim.id,
        )
    )
    count = places(the_map, claim.id)
    if count > 1:
        out.append_text(assemble("\n", ("↻ ", "bold"), f"appears in {count} places in the tree"))
    if claim.flaw:
        out.append_text(assemble("\n\n", ("⚠ Flaw: ", "bold"), literal_line(claim.flaw)))
        known = find_flaw(claim.flaw)
        if known is not None:
            out.append_text(assemble(" — ", (known.definition, "italic")))
    if claim.note:
        out.append_text(assemble("\n", ("Note: ", "bold"), literal_line(claim.note)))
    return out


def _evidence_text(the_map: Map, claim: Claim) -> Text:
    """Quotes grouped by source: each source named, and its reliability said, once."""
    if not claim.evidence:
        if claim.kind == "fact":
            return assemble("\n", ("Evidence: ", "bold"), "none given")
        return Text()
    out = Text()
    by_source: dict[str, list[Evidence]] = {}
    for item in claim.evidence:
        by_source.setdefault(item.source, []).append(item)
    for source_id, items in by_source.items():
        for item in items:
            out.append_text(assemble("\n“", literal_line(item.quote), "”"))
            if item.locator:
                out.append_text(assemble(" (", literal_line(item.locator), ")"))
        source = the_map.sources_by_id.get(source_id)
        if source is None:
            out.append_text(assemble("\n  — ", source_id))
            continue
        bits = [b for b in (source.outlet, f"“{source.title}”", source.date) if b]
        out.append_text(assemble("\n  — ", literal_line(", ".join(bits))))
        if source.reliability:
            out.append_text(
                assemble("\n  ", ("Reliability: ", "bold"), literal_line(source.reliability))
            )
    return out


BAR_CELLS = 10


def strength_bar(strength: float) -> str:
    """ "██████░░░░": the strength as a bar, so it reads without the legend."""
    full = max(0, min(BAR_CELLS, round(strength * BAR_CELLS)))
    return "█" * full + "░" * (BAR_CELLS - full)


def _signed(value: float) -> str:
    """+0.38, or +0.004 / +0.0004 when two decimals would round a real effect to nothing."""
    if abs(value) >= 0.005 or value == 0:
        return f"{value:+.2f}"
    return f"{value:+.{min(6, -math.floor(math.log10(abs(value))))}f}"


VERDICT_STYLES = {"in": "bold green", "out": "bold red", "undec": "bold yellow"}


def _analysis_text(claim: Claim, analysis: ClaimAnalysis | None) -> Text:
    if analysis is None:
        return assemble("\n\n", ("Analysis: ", "bold"), ("running…", "italic"))
    parts: list[str | tuple[str, str]] = ["\n"]
    if analysis.status:
        parts += ["\n", ("Analysis: ", "bold"), (analysis.status, "italic")]
    verdict = VERDICTS.get(analysis.label, "")
    if verdict or analysis.strength is not None:
        parts.append("\n")
    if verdict:
        shown = "Open (neither stands nor falls)" if analysis.label == "undec" else verdict
        parts += [(shown[0].upper() + shown[1:], VERDICT_STYLES.get(analysis.label, "bold"))]
    if analysis.strength is not None:
        parts += [
            "   " if verdict else "",
            strength_bar(analysis.strength),
            f" {analysis.strength:.2f} strength (base {claim.base_score:.2f})",
        ]
    extras: list[str | tuple[str, str]] = []
    if analysis.side:
        extras += [("Side: ", "bold"), analysis.side]
    if analysis.crux:
        extras += ["   " if extras else "", ("★ crux", "bold")]
    if analysis.pivotal:
        extras += ["   " if extras else "", ("◎ pivotal", "bold")]
    if analysis.share is not None and analysis.contribution is not None:
        thesis = analysis.contribution_to or "the thesis"
        extras += [
            " " if analysis.pivotal else ("   " if extras else ""),
            f"(share {analysis.share:.2f}; {_signed(analysis.contribution)} to {thesis})",
        ]
    if extras:
        parts += ["\n", *extras]
    if analysis.acceptance_words:
        words = analysis.acceptance_words
        parts += ["\n", words[0].upper() + words[1:] + "."]
    if analysis.mark:
        parts += ["\n", ("What-if: ", "bold"), (analysis.mark, "reverse bold")]
        parts.append(" accepted" if analysis.mark == MARK_ACCEPTED else " rejected")
    return assemble(*parts)


def why_links(the_map: Map, analysis: ClaimAnalysis | None) -> tuple[list[Link], list[Text]]:
    """The claim's "why", as links to the claims that decide it, and the reasons with none."""
    if analysis is None or not analysis.why:
        return [], []
    from argmap.analysis.explain import sentences  # the words, not the engine: cheap

    links: list[Link] = []
    plain: list[Text] = []
    for sentence in sentences(the_map, analysis.why):
        text = assemble(("Why: ", "bold"))
        for piece, is_claim in sentence.parts:
            text.append_text(literal_line(piece, "italic") if is_claim else Text(piece))
        if sentence.link is None:
            plain.append(text)
        else:
            links.append(Link(sentence.link, text))
    return links, plain


class ClaimDetail(Vertical):
    """The claim panel; posts `LinkChosen` when a linked claim is picked.

    The text scrolls on its own above the links, so a long note never pushes
    the links out of sight and the highlighted link is always visible. Both
    keep their size from claim to claim (see `line_panel`).
    """

    class LinkChosen(Message):
        def __init__(self, claim_id: str) -> None:
            super().__init__()
            self.claim_id = claim_id

    def __init__(self, the_map: Map, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.map = the_map
        self.claim_id: str | None = None
        self._links: list[Link] = []
        self._why: tuple[tuple[str, ...], ...] | None = None

    def compose(self) -> ComposeResult:
        yield ClaimText(Text("Select a claim in the tree."), id="claim-text")
        yield Static(Text("Why and links (l, then Enter jumps)", style="bold"), id="links-heading")
        yield LinkList(id="links")

    def show(self, claim_id: str | None, analysis: ClaimAnalysis | None) -> None:
        """Show a claim (or a hint when the cursor is on a group line)."""
        body = self.query_one(ClaimText)
        claim = self.map.claims_by_id.get(claim_id) if claim_id else None
        if claim is None:
            self.claim_id = None
            self._why = None
            body.update(Text("Select a claim in the tree."))
            self._set_links([])
            return
        body.update(describe(self.map, claim, analysis), keep_position=claim_id == self.claim_id)
        why = analysis.why if analysis is not None else None
        if claim_id != self.claim_id or why != self._why:
            self.claim_id = claim_id
            self._why = why
            linked, _ = why_links(self.map, analysis)
            self._set_links([*linked, *_relation_links(self.map, claim)])

    def _set_links(self, found: list[Link]) -> None:
        self._links = found
        self.query_one(LinkList).set_links([link.text for link in found])

    def focus_links(self) -> bool:
        if not self._links:
            return False
        self.query_one(LinkList).focus()
        return True

    @property
    def link_ids(self) -> list[str]:
        return [link.claim_id for link in self._links]

    @on(LinkList.Chosen, "#links")
    def _chosen(self, event: LinkList.Chosen) -> None:
        event.stop()
        if 0 <= event.index < len(self._links):
            self.post_message(self.LinkChosen(self._links[event.index].claim_id))

    def replace_map(self, the_map: Map) -> None:
        self.map = the_map
        self.claim_id = None
        self._why = None
