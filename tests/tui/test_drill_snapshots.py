"""SVG snapshots of the drill screen: a question, and the feedback after an answer.

The screen is hosted by a bare app (with the shared stylesheet) so that keys
other screens add to the explorer app do not change these pictures.

Regenerate with `pytest tests/tui/test_drill_snapshots.py --snapshot-update`
and look at the report before accepting a change.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from argmap.loading import load_map
from argmap.training.session import SessionOptions
from argmap_tui.screens.drill import DrillScreen, session_start
from tests.tui.support import Host

DRILL_MAP = Path(__file__).resolve().parents[1] / "training" / "data" / "drill-map.yaml"


async def settle(pilot: Pilot[object]) -> None:
    """Let the screen mount, start its session and refresh (no explorer here)."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def app_for(seed: int, theme: str) -> Host:
    the_map = load_map(DRILL_MAP).map
    assert the_map is not None
    options = SessionOptions(mode="rebut", seed=seed, count=3)
    return Host(lambda: DrillScreen(the_map, session_start(the_map, options, None)), theme)


def test_drill_question_small_dark(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def before(pilot: Pilot[object]) -> None:
        await settle(pilot)

    assert snap_compare(app_for(3, "textual-dark"), terminal_size=(80, 24), run_before=before)


def test_drill_feedback_large_light(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def before(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await pilot.press("1", "enter")
        await settle(pilot)

    assert snap_compare(app_for(3, "textual-light"), terminal_size=(120, 40), run_before=before)


def test_drill_starting_small_dark(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """What the screen shows while its session starts (on a big map, seconds)."""
    import threading

    the_map = load_map(DRILL_MAP).map
    assert the_map is not None
    release = threading.Event()
    start = session_start(the_map, SessionOptions(mode="rebut", seed=3, count=3), None)

    def slow_start(cruxes):  # type: ignore[no-untyped-def]
        release.wait(10)
        return start(cruxes)

    async def before(pilot: Pilot[object]) -> None:
        await pilot.pause(0.2)

    try:
        assert snap_compare(
            Host(lambda: DrillScreen(the_map, slow_start), "textual-dark"),
            terminal_size=(80, 24),
            run_before=before,
        )
    finally:
        release.set()


def test_drill_on_a_thesis_small_dark(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """On the bundled map's phone thesis: the line under the title names it by its text."""
    bundled = Path(__file__).resolve().parents[2] / "arguments" / "face-at-the-door.yaml"
    the_map = load_map(bundled).map
    assert the_map is not None
    options = SessionOptions(mode="rebut", seed=3, count=3, thesis="phone-face-scan")

    async def before(pilot: Pilot[object]) -> None:
        await settle(pilot)

    assert snap_compare(
        Host(
            lambda: DrillScreen(
                the_map, session_start(the_map, options, None), thesis="phone-face-scan"
            ),
            "textual-dark",
        ),
        terminal_size=(80, 24),
        run_before=before,
    )
