"""The stats screen: the same figures as `argmap stats`, reachable with S."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from fsrs import Rating
from textual.widgets import Sparkline, Static

from argmap.training.progress import DATABASE_NAME, AnswerRecord, Progress
from argmap.training.stats import MapFigures, MapNames, Overrides, Stats, Tally
from argmap_tui.screens.stats import StatsApp, StatsScreen
from tests.tui.support import EXAMPLE, make_app, settle, worked

DAY = date(2026, 3, 14)


def fixed_stats() -> Stats:
    by_day = tuple(
        (DAY - timedelta(days=13 - i), Tally(i % 4, (i % 4) // 2) if i % 3 else Tally())
        for i in range(14)
    )
    return Stats(
        answers=12,
        correct=7,
        by_theme={"privacy": Tally(5, 2), "[b]safety[/]": Tally(7, 5)},
        by_drill={"rebut": Tally(8, 5), "flaw": Tally(4, 2)},
        due=3,
        streak_days=2,
        by_day=by_day,
        overrides=Overrides(typed=6, overridden=2, raised=1, lowered=1),
        by_map={
            "m": MapFigures(
                "m",
                Tally(12, 7),
                {"privacy": Tally(5, 2), "safety": Tally(7, 5)},
                MapNames("A [i]map[/i]", {"safety": "[b]safety[/]"}),
            )
        },
    )


async def test_s_shows_the_stats_of_the_data_folder() -> None:
    with Progress.open(Path(os.environ["ARGMAP_DATA_DIR"]) / DATABASE_NAME) as p:
        for ok in (True, True, False):
            p.record(
                AnswerRecord(
                    "m",
                    "rebut",
                    "c",
                    ("privacy",),
                    ok,
                    float(ok),
                    Rating.Good if ok else Rating.Again,
                ),
                datetime.now(UTC),
            )
    app = make_app(EXAMPLE)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await worked(pilot)
        assert isinstance(app.screen, StatsScreen)
        figures = str(app.screen.query_one("#stats-figures", Static).render())
        assert "Answers: 3, correct 2 (67%)" in figures
        assert "privacy" in figures and "rebut" in figures
        assert app.screen.query_one(Sparkline).data[-1] == 2 / 3
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StatsScreen)


async def test_theme_names_are_shown_literally() -> None:
    app = StatsApp(fixed_stats())
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        figures = str(app.screen.query_one("#stats-figures", Static).render())
        assert "[b]safety[/]" in figures and "71%" in figures
        assert "Map A [i]map[/i] (m): 12 answers, 58% correct" in figures
        assert "Grades you corrected: 2 of 6 typed answers (33%): 1 raised, 1 lowered" in figures


def test_stats_snapshot(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(StatsApp(fixed_stats()), terminal_size=(80, 30))


async def test_a_database_that_cannot_be_read_is_said_on_the_stats_screen(tmp_path: Path) -> None:
    (tmp_path / DATABASE_NAME).write_bytes(b"not a database at all, just text" * 10)
    app = make_app(EXAMPLE, data_dir_option=tmp_path)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await worked(pilot)
        assert isinstance(app.screen, StatsScreen)
        said = str(app.screen.query_one("#stats-waiting", Static).render())
        assert said.startswith("Cannot read your progress:") and str(tmp_path) in said
        assert any(n.severity == "error" for n in app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StatsScreen)
