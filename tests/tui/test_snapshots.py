"""SVG snapshots of every explorer screen at 80x24 and 160x48, dark and light.

Regenerate with `pytest tests/tui/test_snapshots.py --snapshot-update` and look
at the report before accepting a change (Textual is pinned: snapshots drift
between its minor versions).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot

from tests.tui.support import EXAMPLE, HOSTILE, make_app, settle

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


def test_explorer_small_dark(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(EXAMPLE, theme="textual-dark")
    assert snap_compare(app, terminal_size=SMALL, run_before=select("feels-safer"))


def test_explorer_large_light(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(EXAMPLE, theme="textual-light")
    assert snap_compare(app, terminal_size=LARGE, run_before=select("photos-collected", "r"))


def test_explorer_large_dark_what_if(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(EXAMPLE, theme="textual-dark")
    assert snap_compare(app, terminal_size=LARGE, run_before=select("state-voice", "a"))


def test_hostile_small(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(HOSTILE, theme="textual-dark")
    assert snap_compare(app, terminal_size=SMALL, run_before=select("zh"))


def test_hostile_large_light(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(HOSTILE, theme="textual-light")
    assert snap_compare(app, terminal_size=LARGE, run_before=select("esc"))


def test_help_small(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(EXAMPLE, theme="textual-dark")
    assert snap_compare(app, terminal_size=SMALL, run_before=select("locks", "question_mark"))


def test_views_small(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(EXAMPLE, theme="textual-dark")
    assert snap_compare(app, terminal_size=SMALL, run_before=select("locks", "v"))


def test_filter_large(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(EXAMPLE, theme="textual-dark")
    assert snap_compare(app, terminal_size=LARGE, run_before=select("locks", "f"))
