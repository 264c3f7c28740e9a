"""Everything about one claim, beside the tree: text, evidence, links, analysis.

The links to other claims are a list under the text, so a reader can Tab
(or press `l`) into them and press Enter (or click) to jump;
`ClaimDetail.LinkChosen` tells the screen, which keeps the history.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from argmap.flaws import find_flaw
from argmap.model import Claim, Map, Relation, RelationType
from argmap.view_model import ClaimAnalysis
from argmap_tui.text import assemble, literal, literal_line
from argmap_tui.widgets.claim_tree import SYMBOLS, places
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
        target = rel.target
        if rel.type is RelationType.UNDERCUT and rel.target in the_map.relations_by_id:
            target = the_map.relations_by_id[rel.target].target
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
    """The detail text of a claim, built only from literal pieces."""
    out = Text(end="")
    out.append_text(literal(claim.text, "bold"))
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
    out.append_text(_analysis_text(claim, analysis))
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
    if claim.evidence:
        out.append_text(assemble("\n\n", ("Evidence", "bold underline")))
        for item in claim.evidence:
            source = the_map.sources_by_id.get(item.source)
            out.append_text(assemble("\n“", literal_line(item.quote), "”\n  — "))
            if source is None:
                out.append_text(assemble(item.source))
            else:
                bits = [b for b in (source.outlet, f"“{source.title}”", source.date) if b]
                out.append_text(literal_line(", ".join(bits)))
            out.append_text(assemble(", ", item.locator))
            if source is not None and source.reliability:
                out.append_text(
                    assemble("\n  ", ("Reliability: ", "bold"), literal_line(source.reliability))
                )
    elif claim.kind == "fact":
        out.append_text(assemble("\n\n", ("Evidence: ", "bold"), "none given"))
    return out


def _analysis_text(claim: Claim, analysis: ClaimAnalysis | None) -> Text:
    if analysis is None:
        return assemble("\n", ("Analysis: ", "bold"), ("running…", "italic"))
    parts: list[str | tuple[str, str]] = ["\n"]
    if analysis.status:
        parts += [("Analysis: ", "bold"), (analysis.status, "italic"), "\n"]
    if analysis.side:
        parts += [("Side: ", "bold"), analysis.side, "   "]
    if analysis.label:
        parts += [("Grounded: ", "bold"), analysis.label]
    if analysis.acceptance:
        parts += ["   ", ("Acceptance: ", "bold"), analysis.acceptance]
    if analysis.strength is not None:
        parts += [
            "\n",
            ("Strength: ", "bold"),
            f"{analysis.strength:.2f}",
            f" (base {claim.base_score:.2f})",
        ]
    if analysis.crux:
        parts += ["   ", ("★ crux", "bold")]
    if analysis.pivotal:
        parts += ["   ", ("◎ pivotal", "bold")]
    if analysis.mark:
        parts += ["\n", ("What-if: ", "bold"), (analysis.mark, "reverse bold")]
    return assemble(*parts)


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

    def compose(self) -> ComposeResult:
        yield ClaimText(Text("Select a claim in the tree."), id="claim-text")
        yield Static(Text("Linked claims (l, then Enter jumps)", style="bold"), id="links-heading")
        yield LinkList(id="links")

    def show(self, claim_id: str | None, analysis: ClaimAnalysis | None) -> None:
        """Show a claim (or a hint when the cursor is on a group line)."""
        body = self.query_one(ClaimText)
        claim = self.map.claims_by_id.get(claim_id) if claim_id else None
        if claim is None:
            self.claim_id = None
            body.update(Text("Select a claim in the tree."))
            self._set_links([])
            return
        body.update(describe(self.map, claim, analysis), keep_position=claim_id == self.claim_id)
        if claim_id != self.claim_id:
            self.claim_id = claim_id
            self._set_links(_relation_links(self.map, claim))

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
