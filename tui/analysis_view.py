"""What the explorer shows of the analysis, read from `argmap.analysis`.

This is the only module of `tui/` that imports the analysis. It computes
nothing itself: it reads the results the analysis API returns and turns them
into the few strings and numbers the tree and the detail panel display. It is
called from a worker thread, because importing networkx costs as much as
starting Textual and the first screen must paint before that.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace

from argmap.model import Map
from tui.widgets.claim_detail import ClaimAnalysis
from tui.widgets.claim_tree import Badge

MARK_ACCEPTED = "A"
MARK_REJECTED = "R"


@dataclass(frozen=True)
class AnalysisView:
    """Per-claim facts, the lists behind the views, and each claim's side."""

    claims: Mapping[str, ClaimAnalysis] = field(default_factory=dict)
    views: Mapping[str, Sequence[tuple[str, str]]] = field(default_factory=dict)
    sides: Mapping[str, str] = field(default_factory=dict)
    available: bool = True

    def claim(self, claim_id: str, accepted: Collection[str] = (),
              rejected: Collection[str] = ()) -> ClaimAnalysis | None:
        found = self.claims.get(claim_id)
        mark = _mark(claim_id, accepted, rejected)
        if found is None:
            return ClaimAnalysis(mark=mark) if mark else None
        return replace(found, mark=mark) if mark else found

    def badges(self, accepted: Collection[str] = (),
               rejected: Collection[str] = ()) -> dict[str, Badge]:
        out = {cid: Badge(_short_label(a.label), a.strength, _mark(cid, accepted, rejected))
               for cid, a in self.claims.items()}
        for cid in (*accepted, *rejected):
            if cid not in out:
                out[cid] = Badge(mark=_mark(cid, accepted, rejected))
        return out


def _mark(claim_id: str, accepted: Collection[str], rejected: Collection[str]) -> str:
    if claim_id in rejected:
        return MARK_REJECTED
    if claim_id in accepted:
        return MARK_ACCEPTED
    return ""


def _short_label(label: str) -> str:
    return {"in": "IN", "out": "OUT", "undec": "UND", "undecided": "UND"}.get(
        label.lower(), label.upper()[:3])


def flaw_view(the_map: Map) -> list[tuple[str, str]]:
    return [(c.id, f"[{c.flaw}]") for c in the_map.claims if c.flaw]


def analyse(the_map: Map, accepted: Collection[str] = (),
            rejected: Collection[str] = ()) -> AnalysisView:
    """The analysis of the map, or of the what-if world with claims accepted or rejected."""
    try:
        import argmap.analysis  # noqa: F401
    except ImportError:
        return AnalysisView(views={"flaws": flaw_view(the_map)}, available=False)
    raise NotImplementedError  # filled in against the analysis API
