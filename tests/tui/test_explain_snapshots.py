"""SVG snapshots of the legend, the why-panel and the what-if summary (80x24, 160x48).

Regenerate with `pytest tests/tui/test_explain_snapshots.py --snapshot-update` and
look at the report before accepting a change. The why-panel and the summary use
the real analysis (in this process), so what they say is what a reader sees.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot

from argmap.view_model import analyse
from tests.tui.support import EXAMPLE, make_app, settle

SMALL = (80, 24)
LARGE = (160, 48)


def select(claim_id: str, *keys: str) -> Callable[[Pilot[object]], Awaitable[None]]:
    async def run_before(pilot: Pilot[object]) -> None:
        await settle(pilot)
        pilot.app.explorer.jump_to(claim_id)  # type: ignore[attr-defined]
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
        await settle(pilot)

    return run_before


async def first_start(pilot: Pilot[object]) -> None:
    await settle(pilot)


def test_legend_on_first_start_small(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(EXAMPLE, theme="textual-dark", legend=True)
    assert snap_compare(app, terminal_size=SMALL, run_before=first_start)


def test_legend_large_light(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(EXAMPLE, theme="textual-light")
    assert snap_compare(app, terminal_size=LARGE, run_before=select("locks", "m"))


def test_why_panel_small(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(EXAMPLE, theme="textual-dark", analyser=analyse)
    # The thesis falls: its why names the attack that stands.
    assert snap_compare(app, terminal_size=SMALL, run_before=select("locks"))


def test_why_panel_large(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(EXAMPLE, theme="textual-dark", analyser=analyse)
    # A fact that stands, whose undercut of the privacy attack is itself undercut.
    assert snap_compare(app, terminal_size=LARGE, run_before=select("data-protected"))


def test_what_if_summary_small(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(EXAMPLE, theme="textual-dark", analyser=analyse)
    assert snap_compare(app, terminal_size=SMALL, run_before=select("promise-unverifiable", "r"))


def test_what_if_summary_large_light(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(EXAMPLE, theme="textual-light", analyser=analyse)
    assert snap_compare(app, terminal_size=LARGE, run_before=select("photos-collected", "r"))
