"""Everything about one claim, beside the tree: text, evidence, links, analysis.

The links to other claims are an option list under the text, so a reader
can Tab into them and press Enter (or click) to jump; `ClaimDetail.LinkChosen`
tells the screen, which keeps the history.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from argmap.model import Claim, Map, Relation, RelationType
from tui.text import assemble, literal, literal_line
from tui.widgets.claim_text import ClaimText
from tui.widgets.claim_tree import SYMBOLS, places


@dataclass(frozen=True, slots=True)
class ClaimAnalysis:
    """The analysis facts about one claim, ready to show."""

    side: str = ""
    label: str = ""
    acceptance: str = ""
    strength: float | None = None
    crux: bool = False
    pivotal: bool = False
    mark: str = ""
    status: str = ""


@dataclass(frozen=True, slots=True)
class Link:
    claim_id: str
    text: Text


def _relation_links(the_map: Map, claim: Claim) -> list[Link]:
    """Links from a claim to every claim related to it, incoming first."""
    links: list[Link] = []
    words = {RelationType.SUPPORT: "supported by", RelationType.ATTACK: "attacked by",
             RelationType.UNDERCUT: "undercut by"}
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
                links.append(_link(the_map, source, SYMBOLS[RelationType.UNDERCUT],
                                   "this link undercut by", undercut))
    return [link for link in links if link.claim_id in the_map.claims_by_id]


def _link(the_map: Map, claim_id: str, symbol: str, words: str, rel: Relation | None) -> Link:
    claim = the_map.claims_by_id.get(claim_id)
    text = assemble((f"{symbol} {words}: ", "bold"),
                    literal_line(claim.text if claim else claim_id))
    if rel is not None and rel.why:
        text.append_text(assemble("\n   why: ", literal_line(rel.why, "italic")))
    return Link(claim_id, text)


def describe(the_map: Map, claim: Claim, analysis: ClaimAnalysis | None) -> Text:
    """The detail text of a claim, built only from literal pieces."""
    out = Text(end="")
    out.append_text(literal(claim.text, "bold"))
    themes = ", ".join(the_map.themes.get(t, t) for t in claim.themes) or "none"
    out.append_text(assemble("\n\n", ("Kind: ", "bold"), str(claim.kind),
                             ("   Themes: ", "bold"), themes, ("   Id: ", "bold"), claim.id))
    out.append_text(_analysis_text(claim, analysis))
    count = places(the_map, claim.id)
    if count > 1:
        out.append_text(assemble("\n", ("↻ ", "bold"),
                                 f"appears in {count} places in the tree"))
    if claim.flaw:
        out.append_text(assemble("\n\n", ("⚠ Flaw: ", "bold"), claim.flaw))
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
                out.append_text(assemble("\n  ", ("Reliability: ", "bold"),
                                         literal_line(source.reliability)))
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
        parts += ["\n", ("Strength: ", "bold"), f"{analysis.strength:.2f}",
                  f" (base {claim.base_score:.2f})"]
    if analysis.crux:
        parts += ["   ", ("★ crux", "bold")]
    if analysis.pivotal:
        parts += ["   ", ("◎ pivotal", "bold")]
    if analysis.mark:
        parts += ["\n", ("What-if: ", "bold"), (analysis.mark, "reverse bold")]
    return assemble(*parts)


LINKS_DELAY = 0.15


class ClaimDetail(Vertical):
    """The claim panel; posts `LinkChosen` when a linked claim is picked.

    The text scrolls on its own above the links, so a long note never pushes
    the links out of sight and the highlighted link is always visible.
    """

    class LinkChosen(Message):
        def __init__(self, claim_id: str) -> None:
            super().__init__()
            self.claim_id = claim_id

    def __init__(self, the_map: Map, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.map = the_map
        self.claim_id: str | None = None
        self._links: list[Link] = []          # the shown claim's links
        self._listed: list[Link] = []         # what the option list holds right now
        self._links_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield ClaimText(Text("Select a claim in the tree."), id="claim-text")
        yield Static(Text("Linked claims (l, then Enter jumps)", style="bold"),
                     id="links-heading")
        yield OptionList(id="links")

    def show(self, claim_id: str | None, analysis: ClaimAnalysis | None) -> None:
        """Show a claim (or a hint when the cursor is on a group line).

        The text is shown at once; the list of linked claims follows once the
        selection has rested for LINKS_DELAY. Laying out that list costs more
        than the rest of a keypress together (measured on a 10,000-claim map:
        about 15 of 30 ms), and it is the part a reader looks at last.
        """
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
            self._links = _relation_links(self.map, claim)
            if self._links_timer is not None:
                self._links_timer.stop()
            self._links_timer = self.set_timer(LINKS_DELAY, self.flush_links)

    @property
    def links_pending(self) -> bool:
        """True while the list of linked claims waits for the selection to rest."""
        return self._links_timer is not None

    def flush_links(self) -> None:
        """Lay out the list of linked claims now if it is waiting for the selection to rest."""
        if self.links_pending:
            self._set_links(self._links)

    def _set_links(self, found: list[Link]) -> None:
        if self._links_timer is not None:
            self._links_timer.stop()
            self._links_timer = None
        self._links = self._listed = found
        links = self.query_one("#links", OptionList)
        links.set_options([Option(link.text, id=str(i)) for i, link in enumerate(found)])
        links.scroll_home(animate=False, immediate=True)
        self.query_one("#links-heading").display = bool(found)
        links.display = bool(found)

    def focus_links(self) -> bool:
        self.flush_links()
        links = self.query_one("#links", OptionList)
        if not self._links:
            return False
        links.focus()
        if links.highlighted is None:
            links.highlighted = 0
        return True

    @property
    def link_ids(self) -> list[str]:
        return [link.claim_id for link in self._links]

    @on(OptionList.OptionSelected, "#links")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = int(event.option.id or 0)
        if 0 <= index < len(self._listed):
            self.post_message(self.LinkChosen(self._listed[index].claim_id))

    def replace_map(self, the_map: Map) -> None:
        self.map = the_map
        self.claim_id = None
