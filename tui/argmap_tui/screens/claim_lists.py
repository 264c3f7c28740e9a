"""The two windows that list claims to jump to: the filter and the analysis views.

Both return the chosen claim id (or None) to the explorer, which selects it
and records the jump in its history.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Select, Static, TabbedContent, TabPane

from argmap.model import ClaimKind, Map
from argmap_tui.text import literal_line
from argmap_tui.widgets.claim_list import ClaimList


@dataclass
class FilterChoice:
    """The filter last used, so reopening the window keeps it."""

    theme: str | None = None
    side: str | None = None
    kind: str | None = None


def filter_claims(
    the_map: Map, choice: FilterChoice, sides: Mapping[str, str] | None
) -> list[tuple[str, str]]:
    """(claim id, reason) for the claims matching every chosen field."""
    out: list[tuple[str, str]] = []
    for claim in the_map.claims:
        if choice.theme is not None and choice.theme not in claim.themes:
            continue
        if choice.kind is not None and claim.kind != choice.kind:
            continue
        side = (sides or {}).get(claim.id, "")
        if choice.side is not None and side != choice.side:
            continue
        out.append((claim.id, f"[{claim.kind}]"))
    return out


class FilterScreen(ModalScreen[str | None]):
    """Pick a theme, a side and a kind; the matching claims are listed below."""

    BINDINGS = [Binding("escape", "dismiss", "Close", show=False)]

    def __init__(self, the_map: Map, choice: FilterChoice, sides: Mapping[str, str] | None) -> None:
        super().__init__()
        self.map = the_map
        self.choice = choice
        self.sides = sides

    def compose(self) -> ComposeResult:
        themes = [(literal_line(self.map.themes.get(t, t)), t) for t in self.map.all_themes]
        side_values = sorted(set((self.sides or {}).values()))
        with Vertical(id="filter-box") as box:
            box.border_title = "Filter claims (Esc closes)"
            with Horizontal(id="filter-selects"):
                yield Select(
                    themes,
                    prompt="any theme",
                    value=self._initial(self.choice.theme),
                    id="filter-theme",
                )
                yield Select(
                    [(Text(s), s) for s in side_values],
                    prompt="any side",
                    value=self._initial(self.choice.side),
                    id="filter-side",
                    disabled=self.sides is None,
                    tooltip=None if self.sides else "sides come from the analysis",
                )
                yield Select(
                    [(Text(str(k)), str(k)) for k in ClaimKind],
                    prompt="any kind",
                    value=self._initial(self.choice.kind),
                    id="filter-kind",
                )
            yield Static(id="filter-count")
            yield ClaimList(self.map, id="filter-results")

    @staticmethod
    def _initial(value: str | None) -> object:
        return Select.NULL if value is None else value

    def on_mount(self) -> None:
        self._refresh()
        self.query_one("#filter-theme").focus()

    @on(Select.Changed)
    def _changed(self, event: Select.Changed) -> None:
        value = None if event.value is Select.NULL else str(event.value)
        field = (event.select.id or "").removeprefix("filter-")
        setattr(self.choice, field, value)
        self._refresh()

    def _refresh(self) -> None:
        results = filter_claims(self.map, self.choice, self.sides)
        self.query_one(ClaimList).set_claims(results)
        noun = "claim" if len(results) == 1 else "claims"
        self.query_one("#filter-count", Static).update(
            Text(f"{len(results)} {noun} match — Tab to the list, Enter to jump")
        )

    @on(ClaimList.Chosen)
    def _chosen(self, event: ClaimList.Chosen) -> None:
        self.dismiss(event.claim_id)


VIEW_TITLES: tuple[tuple[str, str], ...] = (
    ("unanswered", "Unanswered"),
    ("cruxes", "Cruxes"),
    ("pivotal", "Pivotal"),
    ("flaws", "Flaws"),
)


class ViewsScreen(ModalScreen[str | None]):
    """The analysis views as tabs: unanswered claims, cruxes, pivotal claims, flaws."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close", show=False),
        Binding("left", "tab(-1)", "Previous view", show=False),
        Binding("right", "tab(1)", "Next view", show=False),
    ]

    def __init__(
        self,
        the_map: Map,
        views: Mapping[str, Sequence[tuple[str, str]]] | None,
        initial: str = "unanswered",
        missing: str = "",
    ) -> None:
        super().__init__()
        self.map = the_map
        self.views = views
        self.initial = initial
        self.missing = missing or "The analysis is still running; try again in a moment."

    def compose(self) -> ComposeResult:
        with Vertical(id="views-box") as box:
            box.border_title = "Analysis views (←/→ change view, Esc closes)"
            with TabbedContent(initial=f"view-{self.initial}"):
                for key, title in VIEW_TITLES:
                    entries = (self.views or {}).get(key)
                    count = "…" if entries is None else str(len(entries))
                    with TabPane(f"{title} ({count})", id=f"view-{key}"):
                        if entries is None:
                            yield Static(Text(self.missing, style="italic"))
                        else:
                            yield ClaimList(self.map, id=f"list-{key}")

    def on_mount(self) -> None:
        for key, _ in VIEW_TITLES:
            entries = (self.views or {}).get(key)
            if entries is not None:
                self.query_one(f"#list-{key}", ClaimList).set_claims(entries)
        self._focus_list(self.initial)

    def _focus_list(self, key: str) -> None:
        lists = self.query(f"#list-{key}")
        if lists:
            lists.first().focus()

    def action_tab(self, step: int) -> None:
        tabs = self.query_one(TabbedContent)
        keys = [f"view-{key}" for key, _ in VIEW_TITLES]
        tabs.active = keys[(keys.index(tabs.active) + step) % len(keys)]

    @on(TabbedContent.TabActivated)
    def _tab(self, event: TabbedContent.TabActivated) -> None:
        self._focus_list((event.pane.id or "").removeprefix("view-"))

    @on(ClaimList.Chosen)
    def _chosen(self, event: ClaimList.Chosen) -> None:
        self.dismiss(event.claim_id)
