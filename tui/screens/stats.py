"""The stats screen: answers, accuracy by theme and drill, streak, due cards, the trend.

The same figures as `argmap stats`; the chart is a Sparkline of daily
accuracy plus the per-day text bars, so it reads without colour as well.
Theme ids come from the map file: they are shown only as literal text.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Sparkline, Static

from argmap.training.stats import Stats, Tally, chart_lines
from tui.text import assemble, literal

if TYPE_CHECKING:
    from tui.app import ArgmapApp

STYLES = Path(__file__).resolve().parent.parent / "styles" / "drill.tcss"


def _percent(t: Tally) -> str:
    return f"{round(100 * t.accuracy)}%" if t.answers else "-"


def stats_text(stats: Stats) -> Text:
    total = Tally(stats.answers, stats.correct)
    out = assemble(("Answers: ", "bold"), f"{stats.answers}, correct {stats.correct} "
                   f"({_percent(total)})\n",
                   ("Streak: ", "bold"), f"{stats.streak_days} day"
                   f"{'s' if stats.streak_days != 1 else ''}\n",
                   ("Cards due now: ", "bold"), f"{stats.due}\n",
                   ("Grades you corrected: ", "bold"), f"{stats.overrides.describe()}\n")
    if stats.damaged:
        out.append_text(assemble(("Damaged rows left out: ", "bold"),
                                 f"{len(stats.damaged)} (the file is left as it is)\n"))
    for title, table in (("By theme", stats.by_theme), ("By drill", stats.by_drill)):
        out.append_text(assemble("\n", (title, "bold")))
        if not table:
            out.append_text(literal("\n  (no answers yet)"))
        width = max((len(k) for k in table), default=0)
        for key, tally in sorted(table.items()):
            out.append_text(literal(f"\n  {key:<{width}}  {_percent(tally):>4}  of "
                                    f"{tally.answers}"))
        out.append("\n")
    return out


class StatsScreen(Screen[None]):
    CSS_PATH = STYLES
    BINDINGS = [Binding("escape", "leave", "Back", tooltip="close the stats")]

    def __init__(self, stats: Stats) -> None:
        super().__init__()
        self.stats = stats

    def compose(self) -> ComposeResult:
        yield Static(literal("Your progress"), id="title-bar")
        with VerticalScroll(id="stats-body"):
            yield Static(stats_text(self.stats), id="stats-figures")
            yield Static(literal("Accuracy per day (last two weeks)"), id="stats-chart-title")
            values = [t.accuracy for _, t in self.stats.by_day]
            yield Sparkline(values, id="stats-chart")
            yield Static(literal("\n".join(chart_lines(self.stats.by_day))), id="stats-days")
        yield Footer()

    def action_leave(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        else:
            self.app.exit(0)


def open_stats(app: ArgmapApp) -> None:
    """Push the stats screen for the app's data folder; a bad database is a notification."""
    from argmap.training.progress import ProgressError
    from argmap.training.stats import load_stats

    try:
        stats = load_stats(app.context.database)
    except ProgressError as exc:
        app.notify(str(exc), title="Cannot read your progress", severity="error",
                   markup=False, timeout=15)
        return
    app.push_screen(StatsScreen(stats))


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
