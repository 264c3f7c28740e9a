"""The stats screen: answers, accuracy by theme and drill, streak, due cards, the trend.

The same figures as `argmap stats`, per map with each theme under its
map's name for it; the chart is a Sparkline of daily accuracy plus the
per-day text bars, so it reads without colour as well. Titles and theme
names come from map files: they are shown only as literal text.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Sparkline, Static

from argmap.training.stats import Stats, Tally, chart_lines
from argmap_tui.text import assemble, literal

if TYPE_CHECKING:
    from argmap_tui.app import ArgmapApp

STYLES = Path(__file__).resolve().parent.parent / "styles" / "drill.tcss"


def _percent(t: Tally) -> str:
    return f"{round(100 * t.accuracy)}%" if t.answers else "-"


def stats_text(stats: Stats) -> Text:
    total = Tally(stats.answers, stats.correct)
    out = assemble(
        ("Answers: ", "bold"),
        f"{stats.answers}, correct {stats.correct} ({_percent(total)})\n",
        ("Streak: ", "bold"),
        f"{stats.streak_days} day{'s' if stats.streak_days != 1 else ''}\n",
        ("Cards due now: ", "bold"),
        f"{stats.due}\n",
        ("Grades you corrected: ", "bold"),
        f"{stats.overrides.describe()}\n",
    )
    if stats.damaged:
        out.append_text(
            assemble(
                ("Damaged rows left out: ", "bold"),
                f"{len(stats.damaged)} (the file is left as it is)\n",
            )
        )
    if not stats.by_map:
        out.append_text(assemble("\n", ("By theme", "bold"), "\n  (no answers yet)\n"))
    for figures in stats.maps_in_order():  # each map's themes apart, under their own names
        out.append_text(assemble("\n", (figures.heading(), "bold")))
        rows = figures.themes_by_name()
        width = max((len(name) for name, _ in rows), default=0)
        for name, tally in rows:
            out.append_text(
                literal(f"\n  {name:<{width}}  {_percent(tally):>4}  of {tally.answers}")
            )
        out.append("\n")
    out.append_text(assemble("\n", ("By drill", "bold")))
    if not stats.by_drill:
        out.append_text(literal("\n  (no answers yet)"))
    width = max((len(k) for k in stats.by_drill), default=0)
    for key, tally in sorted(stats.by_drill.items()):
        out.append_text(literal(f"\n  {key:<{width}}  {_percent(tally):>4}  of {tally.answers}"))
    out.append("\n")
    return out


class StatsScreen(Screen[None]):
    """The figures; given them, or a database to read them from off the UI loop."""

    CSS_PATH = STYLES
    BINDINGS = [Binding("escape", "leave", "Back", tooltip="close the stats")]

    class StatsRead(Message):
        """The figures read from the database (`error` set when it could not be read)."""

        def __init__(self, stats: Stats | None, error: str | None = None) -> None:
            super().__init__()
            self.stats = stats
            self.error = error

    def __init__(self, stats: Stats | None = None, *, database: Path | None = None) -> None:
        super().__init__()
        self.stats = stats
        self.database = database
        self.error: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(literal("Your progress"), id="title-bar")
        with VerticalScroll(id="stats-body"):
            if self.stats is None:
                text = (
                    f"Cannot read your progress: {self.error}"
                    if self.error
                    else "Reading your progress…"
                )
                yield Static(literal(text), id="stats-waiting")
            else:
                yield Static(stats_text(self.stats), id="stats-figures")
                yield Static(literal("Accuracy per day (last two weeks)"), id="stats-chart-title")
                values = [t.accuracy for _, t in self.stats.by_day]
                yield Sparkline(values, id="stats-chart")
                yield Static(literal("\n".join(chart_lines(self.stats.by_day))), id="stats-days")
        yield Footer()

    def on_mount(self) -> None:
        if self.stats is None and self.database is not None:
            self._read(self.database)

    @work(thread=True, exclusive=True, group="stats")
    def _read(self, database: Path) -> None:
        """Read the figures in a thread: a long history, or a database another argmap is
        migrating, must not hold up the screen."""
        from argmap.training.progress import ProgressError
        from argmap.training.stats import load_stats

        try:
            self.post_message(self.StatsRead(load_stats(database)))
        except ProgressError as exc:
            self.post_message(self.StatsRead(None, str(exc)))

    @on(StatsRead)
    async def _stats_read(self, event: StatsRead) -> None:
        self.stats, self.error = event.stats, event.error
        if event.error is not None:
            self.notify(
                event.error,
                title="Cannot read your progress",
                severity="error",
                markup=False,
                timeout=15,
            )
        await self.recompose()

    def action_leave(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        else:
            self.app.exit(0)


def open_stats(app: ArgmapApp) -> None:
    """Show the stats of the app's data folder (read in a thread; a bad database is said)."""
    app.push_screen(StatsScreen(database=app.context.database))


class StatsApp(App[int]):
    """`argmap stats --tui`: the stats screen on its own."""

    def __init__(self, stats: Stats) -> None:
        super().__init__()
        self.stats = stats

    def on_mount(self) -> None:
        self.push_screen(StatsScreen(self.stats))


def run_stats_app(stats: Stats) -> int:
    app = StatsApp(stats)
    app.run()
    return int(app.return_code or 0)
