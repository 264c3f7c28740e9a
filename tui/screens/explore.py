"""The explorer: the pro/con tree on the left, the selected claim on the right.

The screen owns what a reader does here: the history of jumps (like a
browser's back and forward), the what-if marks, the last filter, and the
analysis shown. The analysis runs in a worker thread so the tree paints
first; its results fill the labels in when it finishes.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from argmap.diagnostics import Diagnostic
from argmap.model import Map
from tui.analysis_view import AnalysisView, analyse
from tui.editor import editor_command
from tui.screens.claim_lists import FilterChoice, FilterScreen, ViewsScreen
from tui.search import ClaimSearch
from tui.text import assemble, literal, literal_line
from tui.widgets.claim_detail import ClaimDetail
from tui.widgets.claim_tree import ClaimTree

if TYPE_CHECKING:
    from tui.app import ArgmapApp


class ExploreScreen(Screen[None]):
    """Tree, detail, status line and (after a failed reload) the checker's problems."""

    COMMANDS = {ClaimSearch}

    BINDINGS = [
        Binding("slash", "search", "Search"),
        Binding("f", "filter", "Filter"),
        Binding("v", "views", "Views"),
        Binding("a", "accept", "Accept"),
        Binding("r", "reject", "Reject"),
        Binding("x", "reset_what_if", "Reset"),
        Binding("e", "edit", "Edit"),
        Binding("backspace,left_square_bracket", "back", "Back"),
        Binding("right_square_bracket", "forward", "Forward"),
        Binding("ctrl+r", "reload", "Reload the file", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.analysis: AnalysisView | None = None
        self.accepted: set[str] = set()
        self.rejected: set[str] = set()
        self.back_stack: list[str] = []
        self.forward_stack: list[str] = []
        self.filter_choice = FilterChoice()
        self.analysis_runs = 0
        self.analysis_pending = False

    @property
    def argmap_app(self) -> ArgmapApp:
        return self.app  # type: ignore[return-value]

    @property
    def map(self) -> Map:
        return self.argmap_app.map

    def compose(self) -> ComposeResult:
        yield Static(literal_line(self.map.title), id="title-bar")
        with Horizontal(id="panes"):
            yield ClaimTree(self.map, id="tree")
            yield ClaimDetail(self.map, id="detail")
        yield Static(id="problems")
        yield Static(id="status")
        yield Footer()

    @property
    def tree(self) -> ClaimTree:
        return self.query_one(ClaimTree)

    @property
    def detail(self) -> ClaimDetail:
        return self.query_one(ClaimDetail)

    def on_mount(self) -> None:
        self.query_one("#problems").display = False
        self.tree.focus()
        self._update_status()
        self.call_after_refresh(self._start_analysis)

    # -- analysis and what-if ---------------------------------------------------------------

    def _start_analysis(self) -> None:
        self.analysis_runs += 1
        self.analysis_pending = True
        self._update_status()
        self._analyse(self.map, frozenset(self.accepted), frozenset(self.rejected))

    @work(thread=True, exclusive=True, group="analysis")
    def _analyse(self, the_map: Map, accepted: frozenset[str], rejected: frozenset[str]) -> None:
        try:
            result = analyse(the_map, accepted, rejected)
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a crash
            self.app.call_from_thread(self._analysis_failed, the_map, exc)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._apply_analysis, the_map, accepted, rejected, result)

    def _apply_analysis(self, the_map: Map, accepted: frozenset[str], rejected: frozenset[str],
                        result: AnalysisView) -> None:
        if the_map is not self.map or accepted != self.accepted or rejected != self.rejected:
            return  # a newer run is on its way
        self.analysis = result
        self.analysis_pending = False
        self._show_analysis()

    def _analysis_failed(self, the_map: Map, exc: Exception) -> None:
        if the_map is self.map:
            self.analysis = AnalysisView(available=False)
            self.analysis_pending = False
            self.notify(f"The analysis failed: {exc}", severity="error", markup=False)
            self._show_analysis()

    def _show_analysis(self) -> None:
        badges = self.analysis.badges(self.accepted, self.rejected) if self.analysis else {}
        self.tree.set_badges(badges)
        self._show_detail(self.tree.current_claim_id)
        self._update_status()

    @property
    def analysis_ready(self) -> bool:
        """True when the labels shown match the current map and what-if marks."""
        return self.analysis is not None and not self.analysis_pending

    def _toggle_mark(self, marks: set[str], others: set[str]) -> None:
        claim_id = self.tree.current_claim_id
        if claim_id is None:
            return
        others.discard(claim_id)
        if claim_id in marks:
            marks.discard(claim_id)
        else:
            marks.add(claim_id)
        self._what_if_changed()

    def _what_if_changed(self) -> None:
        if self.analysis is not None:
            # Show the marks at once; labels and strengths follow when the worker is done.
            self.tree.set_badges(self.analysis.badges(self.accepted, self.rejected))
            self._show_detail(self.tree.current_claim_id)
        self._start_analysis()

    def action_accept(self) -> None:
        self._toggle_mark(self.accepted, self.rejected)

    def action_reject(self) -> None:
        self._toggle_mark(self.rejected, self.accepted)

    def action_reset_what_if(self) -> None:
        if self.accepted or self.rejected:
            self.accepted.clear()
            self.rejected.clear()
            self._what_if_changed()

    # -- selection and history ------------------------------------------------------------

    @on(ClaimTree.ClaimFocused)
    def _focused(self, event: ClaimTree.ClaimFocused) -> None:
        self._show_detail(event.claim_id)

    def _show_detail(self, claim_id: str | None) -> None:
        facts = None
        if claim_id is not None and self.analysis is not None:
            facts = self.analysis.claim(claim_id, self.accepted, self.rejected)
        self.detail.show(claim_id, facts)

    def jump_to(self, claim_id: str) -> bool:
        """Select a claim and remember where we came from (for Back)."""
        current = self.tree.current_claim_id
        if not self.tree.select_claim(claim_id):
            self.notify(f"No claim {claim_id!r} in this map.", severity="warning", markup=False)
            return False
        if current is not None and current != claim_id:
            self.back_stack.append(current)
            self.forward_stack.clear()
        self.tree.focus()
        return True

    @on(ClaimDetail.LinkChosen)
    def _link(self, event: ClaimDetail.LinkChosen) -> None:
        self.jump_to(event.claim_id)

    def _go(self, source: list[str], dest: list[str]) -> None:
        while source:
            target = source.pop()
            if target in self.map.claims_by_id:
                current = self.tree.current_claim_id
                if current is not None:
                    dest.append(current)
                self.tree.select_claim(target)
                self.tree.focus()
                return
        self.notify("Nothing to go back to." if source is self.back_stack
                    else "Nothing to go forward to.", markup=False)

    def action_back(self) -> None:
        self._go(self.back_stack, self.forward_stack)

    def action_forward(self) -> None:
        self._go(self.forward_stack, self.back_stack)

    # -- search, filter, views ------------------------------------------------------------

    def action_search(self) -> None:
        self.app.action_command_palette()

    def _chosen(self, claim_id: str | None) -> None:
        if claim_id is not None:
            self.jump_to(claim_id)

    def action_filter(self) -> None:
        sides = self.analysis.sides if self.analysis and self.analysis.available else None
        self.app.push_screen(FilterScreen(self.map, self.filter_choice, sides), self._chosen)

    def action_views(self) -> None:
        views = self.analysis.views if self.analysis else None
        self.app.push_screen(ViewsScreen(self.map, views), self._chosen)

    # -- the file: editing, reloading, problems ----------------------------------------------

    def action_edit(self) -> None:
        claim_id = self.tree.current_claim_id
        claim = self.map.claims_by_id.get(claim_id) if claim_id else None
        line = claim.pos.line if claim is not None else 1
        command = editor_command(os.environ, line, self.argmap_app.map_path)
        self.argmap_app.open_editor(command)

    def action_reload(self) -> None:
        self.argmap_app.reload_map()

    def replace_map(self, the_map: Map) -> None:
        """Show a reloaded map, keeping the selected claim and the what-if marks that still apply."""
        keep = self.tree.current_claim_id
        ids = the_map.claims_by_id
        self.accepted &= set(ids)
        self.rejected &= set(ids)
        self.back_stack = [c for c in self.back_stack if c in ids]
        self.forward_stack = [c for c in self.forward_stack if c in ids]
        self.analysis = None
        self.query_one("#title-bar", Static).update(literal_line(the_map.title))
        self.detail.replace_map(the_map)
        self.tree.replace_map(the_map)
        self.show_problems([])
        if keep is not None and keep in ids:
            self.tree.select_claim(keep)
        self._show_detail(keep if keep in ids else None)
        self._start_analysis()

    def show_problems(self, problems: list[Diagnostic]) -> None:
        """Show the checker's errors under the tree (an empty list hides the panel)."""
        panel = self.query_one("#problems", Static)
        panel.display = bool(problems)
        if problems:
            text = Text("The file has errors; still showing the last version that loaded.\n",
                        style="bold")
            text.append_text(literal("\n".join(p.render() for p in problems[:8])))
            if len(problems) > 8:
                text.append(f"\n… and {len(problems) - 8} more (run 'argmap check')")
            panel.update(text)

    def _update_status(self) -> None:
        if self.analysis is None or self.analysis_pending:
            state = "analysing…"
        elif not self.analysis.available:
            state = "analysis unavailable"
        else:
            state = "analysis ready"
        parts: list[str | tuple[str, str]] = [(self.argmap_app.map_path.name, "bold"), "  ",
                                              state]
        if self.accepted or self.rejected:
            parts += ["  ", (f"what-if: {len(self.accepted)} accepted, "
                             f"{len(self.rejected)} rejected (x resets)", "bold")]
        self.query_one("#status", Static).update(assemble(*parts))
