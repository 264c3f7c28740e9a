"""`m`: what the explorer's marks mean, one sentence each; shown once on first start.

Whether it was shown is remembered in the user's `explorer.json`
(`argmap_tui.preferences`), so a reader sees it once and then only when
asking for it.
"""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from argmap.analysis.explain import EVERY_READING, NO_READING, SOME_READINGS
from argmap.view_model import VERDICTS
from argmap_tui.preferences import STATE_FILE as STATE_FILE  # the legend's tests read it
from argmap_tui.preferences import read_preferences, remember

LEGEND_SHOWN = "legend_shown"

SECTIONS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Does it stand?",
        (
            (VERDICTS["in"], "Every attack on the claim is answered, so it holds up."),
            (VERDICTS["out"], "An attack on the claim holds up, so the claim does not."),
            (
                VERDICTS["undec"],
                "Neither: it hangs on a circle of attacks the map does not settle.",
            ),
            (
                "0.62 ██████░░░░",
                "Its strength from 0 to 1: its base score, raised by its reasons and "
                "lowered by its attacks (DF-QuAD), a separate reading from stands and "
                "falls, so a claim can fall to one attack and keep strength from its reasons.",
            ),
        ),
    ),
    (
        "Tree lines",
        (
            ("◆", "A thesis: what the map argues about."),
            ("✚", "Supports the claim above it (a reason for it)."),
            ("✖", "Attacks the claim above it (a reason against it)."),
            (
                "⊘",
                "Undercuts the claim above it: says that, even if true, it does not bear "
                "on the claim it answers.",
            ),
            ("&", "A linked premise: it counts only together with its partners."),
            ("↻+2", "The claim appears in more places in the tree (here two more)."),
            ("↺ cycle", "The claim repeats one above it (a circle), so it is not opened again."),
            ("·", "Not connected to any thesis."),
            ("•", "Changed by your last what-if move (until the next one)."),
        ),
    ),
    (
        "Badges",
        (
            ("A / R", "What-if: you marked the claim accepted (A) or rejected (R)."),
            (
                "pro / con / both",
                "Its side: it argues for the thesis, against it, or both ways at once.",
            ),
            ("★ crux", "Rejecting it flips the thesis, or removing it moves its strength most."),
            (
                "[Δ-0.12]",
                "In the crux list: removing the claim would move the thesis's strength by "
                "that much ([flips grounded]: rejecting it turns the thesis from standing "
                "to falling or back).",
            ),
            (
                "◎ pivotal",
                "Among the ten claims the thesis's strength hangs on most (share at least "
                "0.20): share 1.00 is the claim whose removal would move the thesis most, "
                "↑ means it raises the thesis and ↓ that it lowers it.",
            ),
            ("⚠ flaw", "The author marked a reasoning flaw (such as an anecdote)."),
        ),
    ),
    (
        "Readings",
        (
            (
                "every reading",
                f"“{EVERY_READING}”: in every preferred extension "
                "(sceptically accepted under preferred semantics).",
            ),
            (
                "some readings",
                f"“{SOME_READINGS}”: in some preferred extensions only (credulously accepted).",
            ),
            ("no reading", f"“{NO_READING}”: in no preferred extension."),
            (
                "stands / falls",
                "The grounded labelling: what follows from the map without taking a side "
                "on any circle of attacks.",
            ),
        ),
    ),
)


def legend_shown(data_dir: Path) -> bool:
    """True when the legend was shown before (an unreadable memory counts as not)."""
    return bool(read_preferences(data_dir).get(LEGEND_SHOWN))


def remember_legend_shown(data_dir: Path) -> bool:
    """Record that the legend was shown; False when the folder cannot be written."""
    return remember(data_dir, LEGEND_SHOWN, True)


def legend_table() -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(ratio=1)
    for k, (title, rows) in enumerate(SECTIONS):
        if k:
            table.add_row("", "")
        table.add_row(Text(title, style="bold underline"), "")
        for mark, meaning in rows:
            table.add_row(Text(mark), Text(meaning))
    return table


class LegendScreen(ModalScreen[None]):
    """The legend window; Esc, Enter, Space or m closes it."""

    DEFAULT_CSS = """
    LegendScreen {
        align: center middle;
    }
    #legend-box {
        width: 90%;
        max-width: 110;
        height: 90%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    #legend-table {
        width: 100%;
        height: auto;
    }
    """

    BINDINGS = [
        Binding("escape,enter,space,m", "dismiss", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="legend-box") as box:
            box.border_title = "What the marks mean (Esc closes; m shows this again)"
            yield Static(legend_table(), id="legend-table")
