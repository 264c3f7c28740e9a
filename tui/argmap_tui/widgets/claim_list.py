"""A list of claims to pick from, used by the filter and the analysis views.

Long lists are cut at `LIMIT` entries: an option list of thousands of lines
is slow to build and nobody reads it; the heading says how many were left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from argmap.model import Map
from argmap_tui.text import assemble, literal_line

LIMIT = 500


class ClaimList(OptionList):
    """Claims, one per line; posts `Chosen` with the claim id on Enter or click."""

    class Chosen(Message):
        def __init__(self, claim_id: str) -> None:
            super().__init__()
            self.claim_id = claim_id

    def __init__(self, the_map: Map, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.map = the_map
        self.claim_ids: list[str] = []
        self.total = 0

    def set_claims(self, entries: Sequence[tuple[str, str]]) -> None:
        """Show (claim id, short reason) pairs; the reason may be empty."""
        self.total = len(entries)
        shown = [(cid, why) for cid, why in entries if cid in self.map.claims_by_id][:LIMIT]
        self.claim_ids = [cid for cid, _ in shown]
        self.clear_options()
        options = []
        for i, (cid, why) in enumerate(shown):
            prompt = literal_line(self.map.claims_by_id[cid].text)
            if why:
                prompt = assemble((f"{why} ", "bold"), prompt)
            options.append(Option(prompt, id=str(i)))
        if self.total > len(shown):
            options.append(
                Option(
                    Text(f"… {self.total - len(shown)} more not shown", style="italic"),
                    disabled=True,
                )
            )
        self.add_options(options)
        if self.claim_ids:
            self.highlighted = 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(self.claim_ids[int(event.option.id)]))
