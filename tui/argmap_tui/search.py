"""Claim search for Textual's command palette.

What matches is `argmap.claim_search` (text, quotes, sources, notes and ids,
typos forgiven); this module only shows it. Hits are capped at `MAX_HITS` so
a 10,000-claim map stays quick to search, come before Textual's own commands
(their scores are far above any a built-in command gets), say which fields
matched, and are highlighted literally (the palette's own highlighter reads
its input as markup, which a claim such as `[/]` would break).
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from argmap.claim_search import SearchHit, search_claims
from argmap.display import shorten
from argmap_tui.text import highlight, literal_line, one_line

if TYPE_CHECKING:
    from argmap.model import Map

MAX_HITS = 40


# What the search box says it searches.
PLACEHOLDER = "Search claims, quotes, sources and notes (typos forgiven)…"
# Textual's fuzzy scores grow with the length of a match (20 for "keys" on
# its Keys command): ours sit far above any of them, as-typed hits first.
EXACT_SCORE = 2e6
TYPO_SCORE = 1e6


def matched_in(hit: SearchHit) -> str:
    """`text, quote` and, for a hit outside the text, what matched there."""
    where = ", ".join(hit.fields)
    if not hit.exact:
        where += " (typo forgiven)"
    if hit.excerpt:
        where += f": “{shorten(hit.excerpt, 60)}”"
    return where


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
        # The index (built once per map, 0.2 s on 10,000 claims) and the search run
        # in a thread, so typing in the box never waits for them.
        hits = await asyncio.to_thread(search_claims, the_map, query, MAX_HITS)
        for rank, hit in enumerate(hits):
            claim = the_map.claims_by_id[hit.claim_id]
            plain = one_line(claim.text)
            _, offsets = matcher.fuzzy_search.match(query, plain)
            base = EXACT_SCORE if hit.exact else TYPO_SCORE
            yield Hit(
                base - rank,  # keeps the search's own order
                highlight(plain, offsets, style),
                partial(self._jump, hit.claim_id),
                text=plain,
                help=escape(one_line(f"matched in {matched_in(hit)} · {claim.kind} · {claim.id}")),
            )
