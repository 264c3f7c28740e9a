"""The drill screen names what it drills under its title: the thesis chosen (by its
text, shortened at a word to the screen), or all the theses of the map."""

from __future__ import annotations

import threading
from pathlib import Path

from textual.widgets import Button, Select, Static

from argmap.training.drills import CruxSource
from argmap.training.session import DrillSession, SessionOptions
from argmap_tui.screens.drill import DrillScreen, DrillSetup, drill_app, session_start
from tests.tui.support import (
    BUNDLED,
    Host,
    context_for,
    fake_analyser,
    load,
    make_app,
    settle,
    worked,
)

DRILL_MAP = Path(__file__).resolve().parents[1] / "training" / "data" / "drill-map.yaml"
PHONES = (
    "China's telecom carriers should scan the face of everyone who registers "
    "a new mobile phone number."
)


def scope(screen: object) -> Static:
    assert isinstance(screen, DrillScreen)
    return screen.query_one("#drill-scope", Static)


def shown(screen: object) -> str:
    return str(scope(screen).render())


async def test_a_chosen_thesis_is_named_by_its_text_shortened_at_a_word() -> None:
    the_map = load(BUNDLED)
    assert the_map.claims_by_id["phone-face-scan"].text == PHONES
    options = SessionOptions(mode="rebut", seed=1, count=2, thesis="phone-face-scan")
    app = drill_app(context_for(BUNDLED), the_map, options, analyser=fake_analyser)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await worked(pilot)
        line = shown(app.screen)
        assert scope(app.screen).display
        assert line == "Thesis: China's telecom carriers should scan the face of everyone who…"
        assert "phone-face-scan" not in line
        assert len(line) <= 80 - 2
        # Wider, more of the text; the whole of it when it fits.
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert shown(app.screen) == f"Thesis: {PHONES}"
        # The first question is about that thesis's branch (the line says the truth).
        assert isinstance(app.screen, DrillScreen) and app.screen.session is not None
        assert app.screen.session.options.thesis == "phone-face-scan"


async def test_no_thesis_on_a_map_with_several_says_all_of_them() -> None:
    the_map = load(BUNDLED)
    options = SessionOptions(mode="rebut", seed=1, count=2)
    app = drill_app(context_for(BUNDLED), the_map, options, analyser=fake_analyser)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await worked(pilot)
        assert shown(app.screen) == "All 3 theses: questions from the whole map"


async def test_a_map_with_one_thesis_shows_no_such_line() -> None:
    the_map = load(DRILL_MAP)
    options = SessionOptions(mode="rebut", seed=3, count=2)
    app = drill_app(context_for(DRILL_MAP), the_map, options, analyser=fake_analyser)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await worked(pilot)
        assert not scope(app.screen).display


async def test_the_thesis_chosen_in_the_setup_is_named() -> None:
    app = make_app(BUNDLED)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        setup = app.screen
        assert isinstance(setup, DrillSetup)
        setup.query_one("#setup-mode", Select).value = "rebut"
        setup.query_one("#setup-thesis", Select).value = "smart-community"
        setup.query_one("#setup-start", Button).press()
        await worked(pilot)
        text = app.map.claims_by_id["smart-community"].text
        line = shown(app.screen)
        assert line.startswith("Thesis: ") and "smart-community" not in line
        assert text.startswith(line.removeprefix("Thesis: ").removesuffix("…"))


async def test_the_thesis_is_named_while_the_session_starts() -> None:
    """On a big map the start takes seconds: the line is there from the first frame."""
    the_map = load(BUNDLED)
    release = threading.Event()
    start = session_start(the_map, SessionOptions(mode="rebut", thesis="face-access"), None)

    def slow_start(cruxes: CruxSource) -> DrillSession:
        release.wait(10)
        return start(cruxes)

    host = Host(lambda: DrillScreen(the_map, slow_start, thesis="face-access"))
    try:
        async with host.run_test(size=(120, 24)) as pilot:
            await pilot.pause(0.2)
            screen = host.screen
            assert isinstance(screen, DrillScreen) and screen.session is None
            assert shown(screen) == f"Thesis: {the_map.claims_by_id['face-access'].text}"
    finally:
        release.set()


async def test_the_session_s_own_thesis_wins_over_none_given() -> None:
    """A screen made without `thesis` (a start of its own) names it once started."""
    the_map = load(BUNDLED)
    start = session_start(the_map, SessionOptions(mode="rebut", thesis="face-access"), None)
    host = Host(lambda: DrillScreen(the_map, start))
    async with host.run_test(size=(120, 24)) as pilot:
        await worked(pilot)
        assert shown(host.screen) == f"Thesis: {the_map.claims_by_id['face-access'].text}"
