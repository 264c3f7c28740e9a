"""Claim search for Textual's command palette.

Every claim whose text or id contains all the typed words is a hit; hits are
capped at `MAX_HITS` so a 10,000-claim map stays quick to search, and each
hit is highlighted literally (the palette's own highlighter reads its input
as markup, which a claim such as `[/]` would break).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from argmap_tui.text import highlight, literal_line, one_line

if TYPE_CHECKING:
    from argmap.model import Map

MAX_HITS = 40


def matching_claims(the_map: Map, query: str, limit: int = MAX_HITS) -> list[str]:
    """Ids of claims whose text or id contain every word of the query, in map order."""
    words = query.casefold().split()
    if not words:
        return []
    found: list[str] = []
    for claim in the_map.claims:
        haystack = f"{claim.text.casefold()} {claim.id.casefold()}"
        if all(word in haystack for word in words):
            found.append(claim.id)
            if len(found) >= limit:
                break
    return found


class ClaimSearch(Provider):
    """Search the claims of the map the explorer shows."""

    def _jump(self, claim_id: str) -> None:
        jump = getattr(self.screen, "jump_to", None)
        if jump is not None:
            jump(claim_id)

    def _map(self) -> Map | None:
        return getattr(self.app, "map", None)

    async def discover(self) -> Hits:
        the_map = self._map()
        if the_map is None:
            return
        for thesis in the_map.theses:
            claim = the_map.claims_by_id.get(thesis)
            if claim is not None:
                yield DiscoveryHit(
                    literal_line(claim.text),
                    partial(self._jump, claim.id),
                    text=one_line(claim.text),
                    help="thesis",
                )

    async def search(self, query: str) -> Hits:
        the_map = self._map()
        if the_map is None:
            return
        matcher = self.matcher(query)
        style = matcher.match_style
        for claim_id in matching_claims(the_map, query):
            claim = the_map.claims_by_id[claim_id]
            plain = one_line(claim.text)
            score, offsets = matcher.fuzzy_search.match(query, plain)
            yield Hit(
                max(score, 0.01),
                highlight(plain, offsets, style),
                partial(self._jump, claim_id),
                text=plain,
                help=escape(f"{claim.kind} · {claim.id}"),
            )
