"""`?`: every key binding of the screen underneath, read from the bindings themselves.

Reading the live `BINDINGS` (app, screen, and the widgets of the screen)
means a binding another screen adds later is listed without touching this
file.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

# Keys that the built-in widgets handle and that a reader should know about.
BUILT_IN_KEYS: tuple[tuple[str, str], ...] = (
    ("↑ ↓", "move in the tree or a list"),
    ("Enter / Space", "open or close a tree node; in a list, jump to the claim"),
    ("Tab / Shift+Tab", "move between the tree, the claim text, the links and other panels"),
    ("Ctrl+P", "command palette: search claims by words, change theme"),
    ("mouse", "click a node to select it, ▶ to open it, a link to jump; wheel to scroll"),
    ("Esc", "close this window or a dialog"),
)


def bindings_of(screen: Screen[object]) -> list[tuple[str, str]]:
    """(key, description) pairs for the app, the screen and its widgets, without repeats."""
    sources: list[Iterable[object]] = [screen.app.BINDINGS, screen.BINDINGS]
    # Only bindings a class of ours declares itself, not the scrolling keys it inherits.
    sources += [
        vars(type(w)).get("BINDINGS", ())
        for w in screen.query("*")
        if type(w).__module__.startswith("argmap_tui")
    ]
    keys: dict[str, list[str]] = {}
    descriptions: dict[str, str] = {}
    for bindings in sources:
        for item in bindings:
            for binding in Binding.make_bindings([item]):  # type: ignore[list-item]
                if not binding.description:
                    continue
                shown = keys.setdefault(binding.action, [])
                key = screen.app.get_key_display(binding)
                if key not in shown:
                    shown.append(key)
                descriptions.setdefault(binding.action, binding.tooltip or binding.description)
    return [(" ".join(keys[action]), descriptions[action]) for action in keys]


class HelpScreen(ModalScreen[None]):
    """A window listing every key; any of Esc, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", show=False),
    ]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for key, description in [*self.rows, *BUILT_IN_KEYS]:
            table.add_row(Text(key), Text(description))
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys (Esc closes)"
            yield Static(table, id="help-table")
