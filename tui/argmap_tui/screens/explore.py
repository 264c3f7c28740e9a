"""The explorer: the pro/con tree on the left, the selected claim on the right.

The screen owns what a reader does here: the history of jumps (like a
browser's back and forward), the what-if marks, the last filter, and the
analysis shown. The analysis runs in a worker thread so the tree paints
first; its results arrive as `AnalysisReady` and fill the labels in.

State flows one way: the screen is given the map, the analysis service and
the run's context when it is made, and is told of a reload by the app's
`MapReloaded`; what it asks of the app (the editor, a reload) it posts as
`EditRequested` and `ReloadRequested`.
"""

from __future__ import annotations

import math
from pathlib import Path
from time import monotonic

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from argmap.context import Context
from argmap.diagnostics import Diagnostic
from argmap.model import Claim, Map
from argmap.view_model import Analyser, AnalysisView, unavailable, what_changed
from argmap_tui.messages import MapNotes, MapProblems, MapReloaded
from argmap_tui.preferences import read_preferences, remember
from argmap_tui.screens.claim_lists import FilterChoice, FilterScreen, ViewsScreen
from argmap_tui.screens.legend import LegendScreen, legend_shown, remember_legend_shown
from argmap_tui.search import ClaimSearch
from argmap_tui.text import assemble, literal, literal_line
from argmap_tui.widgets.claim_detail import ClaimDetail
from argmap_tui.widgets.claim_tree import ClaimTree
from argmap_tui.widgets.line_panel import LinePanel

DETAIL_QUIET = 0.1
"""Seconds between cursor moves below which the detail waits for the moves to stop."""


TREE_SHARE = "tree_share"
"""The key in `explorer.json` of the tree's share of the screen's width (0 to 1)."""

DEFAULT_TREE_COLUMNS = 50
DEFAULT_DETAIL_COLUMNS = 30
"""Until a reader resizes it, the tree takes half the width but at least 50 columns
while that leaves the claim panel 30: at 80 columns the depth-2 lines of the bundled
map then show 23-28 characters of their claims, where half the width showed 13-18."""

MIN_PANE = 20
"""Neither the tree nor the claim panel is ever narrower than this many columns."""

SPLIT_STEP = 4
"""Columns the split moves per `<` or `>`."""


def split_columns(share: float | None, width: int) -> int:
    """The tree's width in columns for its share of the screen (None: the default).

    Neither side is narrower than MIN_PANE unless the screen is too narrow for both.
    """
    if width < 2 * MIN_PANE:
        return width // 2
    if share is None:
        columns = max(width // 2, min(width - DEFAULT_DETAIL_COLUMNS, DEFAULT_TREE_COLUMNS))
    else:
        columns = round(share * width)
    return max(MIN_PANE, min(width - MIN_PANE, columns))


def stored_share(data_dir: Path) -> float | None:
    """The tree's share remembered in `explorer.json`; None if none is, or it is unusable."""
    value = read_preferences(data_dir).get(TREE_SHARE)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) and 0 < value < 1 else None


class FullText(LinePanel, can_focus=False):
    """Under the tree, the selected claim's whole text while its line cuts it, else blank.

    Always there, two lines high: a line that came and went with each claim
    re-laid out the screen on a move (a ↓ at 160×48 on 10,000 claims went
    from 25 to 29 ms median, 38 of 201 over 50 ms); a panel of fixed size
    only repaints itself (line_panel.py).
    """


def _raise(error: Exception) -> None:
    raise error


class ExploreScreen(Screen[None]):
    """Tree, detail, status line and (after a failed reload) the checker's problems."""

    COMMANDS = {ClaimSearch}

    changed_claims: var[frozenset[str]] = var(frozenset())
    """The claims whose lines the last what-if move changed (the tree marks them)."""

    BINDINGS = [
        # First, so the footer shows it even at 80 columns: it lists every other key.
        Binding("question_mark", "app.help", "Keys", tooltip="show every key (this window)"),
        Binding(
            "slash", "search", "Search", tooltip="search all claims by words (the command palette)"
        ),
        Binding("f", "filter", "Filter", tooltip="list claims by theme, side and kind"),
        Binding("o", "overview", "Overview", tooltip="the whole map at once, sized by claims"),
        Binding(
            "v",
            "views",
            "Views",
            tooltip="analysis views: unanswered claims, cruxes, pivotal claims, flaws",
        ),
        Binding(
            "a",
            "accept",
            "Accept",
            tooltip="what-if: mark the selected claim accepted (again to unmark)",
        ),
        Binding(
            "r",
            "reject",
            "Reject",
            tooltip="what-if: mark the selected claim rejected (again to unmark)",
        ),
        # Off the footer, which must fit 80 columns with `?` in it; `?` lists them all.
        Binding("x", "reset_what_if", "Reset", show=False, tooltip="what-if: clear every mark"),
        Binding(
            "exclamation_mark",
            "toggle_notes",
            "Notes",
            show=False,
            tooltip="show or hide the checker's notes on how the map is written",
        ),
        Binding(
            "m",
            "legend",
            "Legend",
            tooltip="what the marks mean: stands/falls/open, strength, ✚ ✖ ⊘ & ↻, badges",
        ),
        Binding(
            "l",
            "links",
            "Links",
            show=False,
            tooltip="go to the linked claims of the selected claim (Enter jumps)",
        ),
        Binding(
            "escape",
            "focus_tree",
            "Tree",
            show=False,
            tooltip="back to the tree from the claim panel",
        ),
        Binding(
            "backspace,left_square_bracket",
            "back",
            "Back",
            show=False,
            tooltip="back to the claim before the last jump",
        ),
        Binding(
            "right_square_bracket",
            "forward",
            "Forward",
            show=False,
            tooltip="forward again after going back",
        ),
        Binding(
            "less_than_sign",
            "resize_split(-1)",
            "Narrower tree",
            show=False,
            tooltip="make the tree narrower and the claim panel wider (remembered)",
        ),
        Binding(
            "greater_than_sign",
            "resize_split(1)",
            "Wider tree",
            show=False,
            tooltip="make the tree wider (remembered; dragging the border does it too)",
        ),
        Binding(
            "e",
            "edit",
            "Edit",
            show=False,
            tooltip="open the map in $EDITOR at the selected claim's line",
        ),
        Binding(
            "ctrl+r",
            "reload",
            "Reload",
            show=False,
            tooltip="reload the map file now (it also reloads by itself when saved)",
        ),
    ]

    class AnalysisReady(Message):
        """The analysis of `map` with these what-if marks: the base view and the one shown."""

        def __init__(
            self,
            the_map: Map,
            accepted: frozenset[str],
            rejected: frozenset[str],
            base: AnalysisView,
            shown: AnalysisView,
        ) -> None:
            super().__init__()
            self.map = the_map
            self.accepted = accepted
            self.rejected = rejected
            self.base = base
            self.shown = shown

    class AnalysisFailed(Message):
        def __init__(self, the_map: Map, error: Exception) -> None:
            super().__init__()
            self.map = the_map
            self.error = error

    class EditRequested(Message):
        """Open the map file in the editor at `line` (the app runs it)."""

        def __init__(self, line: int) -> None:
            super().__init__()
            self.line = line

    class ReloadRequested(Message):
        """Reload the map file now (the app reloads it and answers with `MapReloaded`)."""

    def __init__(self, the_map: Map, analyser: Analyser, context: Context) -> None:
        super().__init__()
        self.map = the_map
        self.analyser = analyser
        self.context = context
        self.analysis: AnalysisView | None = None
        self.base_analysis: AnalysisView | None = None
        self.accepted: set[str] = set()
        self.rejected: set[str] = set()
        self.back_stack: list[str] = []
        self.forward_stack: list[str] = []
        self.filter_choice = FilterChoice()
        self.analysis_runs = 0
        self.analysis_pending = False
        self._detail_target: str | None = None
        self._detail_timer: Timer | None = None
        self._last_focus = 0.0
        self._move_from: AnalysisView | None = None
        self._legend_checked = False
        # The checker's findings: errors (the panel shows them first) and notes.
        self.problems: list[Diagnostic] = []
        self.notes: list[Diagnostic] = []
        self.notes_hidden = False
        self._resumed = False
        self.tree_share: float | None = stored_share(context.data_dir)
        self._dragging = False
        self._full_text_of: Claim | None = None

    def compose(self) -> ComposeResult:
        yield Static(literal_line(self.map.title), id="title-bar")
        with Horizontal(id="panes"):
            yield ClaimTree(self.map, id="tree")
            yield ClaimDetail(self.map, id="detail")
        yield FullText(id="full-text")
        yield Static(id="problems")
        yield Static(id="what-if-change")
        yield Static(id="status")
        yield Footer(compact=True, show_command_palette=False)

    @property
    def claim_tree(self) -> ClaimTree:
        return self.query_one(ClaimTree)

    @property
    def detail(self) -> ClaimDetail:
        return self.query_one(ClaimDetail)

    def on_mount(self) -> None:
        self.query_one("#problems").display = False
        self.query_one("#what-if-change").display = False
        self._apply_split()
        self.claim_tree.focus()
        self.claim_tree.cursor_moved.subscribe(self, self._cursor_moved, immediate=True)
        self._update_status()
        self.call_after_refresh(self._start_analysis)

    def on_screen_resume(self) -> None:
        # The first resume is the app starting, before it knows whether a drill or a round
        # opens over the explorer: the app offers the legend once it does (`offer_legend`).
        if self._resumed:
            self.offer_legend()
        self._resumed = True

    def offer_legend(self) -> None:
        """Show the legend on the first start, the first time the explorer is on top."""
        if self._legend_checked or self.app.screen is not self:
            return
        self._legend_checked = True
        if not legend_shown(self.context.data_dir):
            remember_legend_shown(self.context.data_dir)
            self.app.push_screen(LegendScreen())

    def action_legend(self) -> None:
        self.app.push_screen(LegendScreen())

    # -- the split between tree and claim panel --------------------------------------------

    def _apply_split(self) -> None:
        width = self.query_one("#panes").size.width or self.app.size.width
        self.claim_tree.styles.width = split_columns(self.tree_share, width)

    def on_resize(self, _: events.Resize) -> None:
        self._apply_split()
        self.call_after_refresh(self._update_full_text)

    def set_tree_width(self, columns: int, *, save: bool = True) -> None:
        """Give the tree this many columns (within the limits) and remember its share."""
        width = self.query_one("#panes").size.width or self.app.size.width
        columns = split_columns(columns / width, width)
        self.tree_share = columns / width
        self.claim_tree.styles.width = columns
        self.call_after_refresh(self._update_full_text)
        if save:
            self.save_split()

    def save_split(self) -> None:
        if self.tree_share is None:
            return
        if not remember(self.context.data_dir, TREE_SHARE, round(self.tree_share, 4)):
            self.notify(
                f"Could not remember the split in {self.context.data_dir}.",
                severity="warning",
                markup=False,
            )

    def action_resize_split(self, direction: int) -> None:
        # From the share, not the tree's size: that lags a layout behind fast presses.
        width = self.query_one("#panes").size.width or self.app.size.width
        self.set_tree_width(split_columns(self.tree_share, width) + direction * SPLIT_STEP)

    def _on_border(self, x: int, y: int) -> bool:
        """True on the tree's right border or the claim panel's left one."""
        tree = self.claim_tree.region
        return tree.y <= y < tree.bottom and x in (tree.right - 1, tree.right)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if event.button == 1 and self._on_border(event.screen_x, event.screen_y):
            self._dragging = True
            self.capture_mouse()
            event.stop()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:
            self.set_tree_width(event.screen_x + 1 - self.claim_tree.region.x, save=False)
            event.stop()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.capture_mouse(False)
            self.save_split()
            event.stop()

    def _update_full_text(self) -> None:
        """Under the tree, the selected claim's whole text, when its line cuts the label."""
        node = self.claim_tree.cursor_node
        claim = None
        if node is not None and node.data is not None and self.claim_tree.label_cut(node):
            claim = self.map.claims_by_id.get(node.data.claim_id)
        if claim is self._full_text_of:
            return
        self._full_text_of = claim
        self.query_one(FullText).set_blocks([] if claim is None else [literal_line(claim.text)])

    def on_unmount(self) -> None:
        # Stop a long analysis now: Python would otherwise wait for it at exit.
        close = getattr(self.analyser, "close", None)
        if close is not None:
            close()

    # -- analysis and what-if ---------------------------------------------------------------

    def _start_analysis(self) -> None:
        self.analysis_runs += 1
        self.analysis_pending = True
        self._update_status()
        self._analyse(
            self.map, frozenset(self.accepted), frozenset(self.rejected), self.base_analysis
        )

    @work(thread=True, exclusive=True, group="analysis")
    def _analyse(
        self,
        the_map: Map,
        accepted: frozenset[str],
        rejected: frozenset[str],
        base: AnalysisView | None,
    ) -> None:
        try:
            base, shown = self.analyser(the_map, accepted, rejected, base)
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a crash
            if not get_current_worker().is_cancelled:
                self.post_message(self.AnalysisFailed(the_map, exc))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.AnalysisReady(the_map, accepted, rejected, base, shown))

    @on(AnalysisReady)
    def _apply_analysis(self, event: AnalysisReady) -> None:
        if event.map is not self.map:
            return  # the file was reloaded meanwhile; a newer run is on its way
        self.base_analysis = event.base
        if event.accepted != self.accepted or event.rejected != self.rejected:
            return
        self.analysis = event.shown
        self.analysis_pending = False
        self._show_change(self._move_from, event.shown)
        self._move_from = None
        self._show_analysis()

    @on(AnalysisFailed)
    def _analysis_failed(self, event: AnalysisFailed) -> None:
        if event.map is self.map:
            self.analysis = self.base_analysis = unavailable(event.map)
            self.analysis_pending = False
            self.notify(f"The analysis failed: {event.error}", severity="error", markup=False)
            self._show_analysis()

    def _show_analysis(self) -> None:
        badges = self.analysis.badges(self.accepted, self.rejected) if self.analysis else {}
        self.claim_tree.set_badges(badges)
        self._show_detail(self.claim_tree.current_claim_id)
        self._update_status()

    @property
    def analysis_ready(self) -> bool:
        """True when the labels shown match the current map and what-if marks."""
        return self.analysis is not None and not self.analysis_pending

    def _toggle_mark(self, marks: set[str], others: set[str]) -> None:
        claim_id = self.claim_tree.current_claim_id
        if claim_id is None:
            return
        others.discard(claim_id)
        if claim_id in marks:
            marks.discard(claim_id)
        else:
            marks.add(claim_id)
        self._what_if_changed()

    def watch_changed_claims(self, changed: frozenset[str]) -> None:
        # Drawn with the badges, which are always set right after (one repaint).
        self.claim_tree.changed = changed

    def _show_change(self, before: AnalysisView | None, after: AnalysisView) -> None:
        """Say what the last what-if move changed, and let the tree mark those lines."""
        line = self.query_one("#what-if-change", Static)
        if before is None or not before.available or not after.available:
            self.changed_claims = frozenset()
            line.display = False
            return
        from argmap.analysis.whatif import describe_change

        change = what_changed(before, after)
        self.changed_claims = change.changed
        line.update(assemble(("What changed: ", "bold"), describe_change(change)))
        line.display = True

    def _what_if_changed(self) -> None:
        if self._move_from is None and self.analysis is not None and not self.analysis_pending:
            self._move_from = self.analysis
        self.changed_claims = frozenset()
        if self.analysis is not None:
            # Show the marks at once; labels and strengths follow when the worker is done.
            self.claim_tree.set_badges(self.analysis.badges(self.accepted, self.rejected))
            self._show_detail(self.claim_tree.current_claim_id)
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

    def _cursor_moved(self, claim_id: str | None) -> None:
        # Called from within the tree's own key handling, so the tree and the claim
        # panel repaint in one screen update; a message would arrive after the tree had
        # repainted alone. A signal logs and drops a subscriber's error: hand it to
        # Textual instead, as the error of a message handler would be.
        try:
            self._focused(claim_id)
        except Exception as error:  # noqa: BLE001 - re-raised in the screen's message loop
            self.call_next(_raise, error)

    def _focused(self, claim_id: str | None) -> None:
        # A single move shows the claim at once. When moves come faster than
        # DETAIL_QUIET apart (a held arrow key), only the tree repaints, and the detail
        # follows once the keys stop.
        self._detail_target = claim_id
        now = monotonic()
        quiet = now - self._last_focus >= DETAIL_QUIET
        self._last_focus = now
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        if quiet:
            self._show_detail(claim_id)
        else:
            self._detail_timer = self.set_timer(DETAIL_QUIET, self._flush_detail)

    def _flush_detail(self) -> None:
        self._detail_timer = None
        self._show_detail(self._detail_target)

    @property
    def detail_pending(self) -> bool:
        """True while the detail waits for held-down moves to rest."""
        return self._detail_timer is not None

    def _show_detail(self, claim_id: str | None) -> None:
        facts = None
        if claim_id is not None and self.analysis is not None:
            facts = self.analysis.claim(claim_id, self.accepted, self.rejected)
        self.detail.show(claim_id, facts)
        self._update_full_text()

    def jump_to(self, claim_id: str) -> bool:
        """Select a claim and remember where we came from (for Back)."""
        current = self.claim_tree.current_claim_id
        if not self.claim_tree.select_claim(claim_id):
            self.notify(f"No claim {claim_id!r} in this map.", severity="warning", markup=False)
            return False
        if current is not None and current != claim_id:
            self.back_stack.append(current)
            self.forward_stack.clear()
        self.claim_tree.focus()
        return True

    @on(ClaimDetail.LinkChosen)
    def _link(self, event: ClaimDetail.LinkChosen) -> None:
        self.jump_to(event.claim_id)

    def action_links(self) -> None:
        if not self.detail.focus_links():
            self.notify("This claim has no linked claims.", markup=False)

    def action_focus_tree(self) -> None:
        self.claim_tree.focus()

    def _go(self, source: list[str], dest: list[str]) -> None:
        while source:
            target = source.pop()
            if target in self.map.claims_by_id:
                current = self.claim_tree.current_claim_id
                if current is not None:
                    dest.append(current)
                self.claim_tree.select_claim(target)
                self.claim_tree.focus()
                return
        self.notify(
            "Nothing to go back to." if source is self.back_stack else "Nothing to go forward to.",
            markup=False,
        )

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

    def action_overview(self) -> None:
        from argmap_tui.screens.overview import OverviewScreen

        strengths = None
        if self.analysis is not None and self.analysis.available:
            strengths = {
                cid: facts.strength
                for cid, facts in self.analysis.claims.items()
                if facts.strength is not None
            }
        self.app.push_screen(OverviewScreen(self.map, strengths), self._chosen)

    def action_views(self) -> None:
        views = self.analysis.views if self.analysis else None
        missing = (
            "The analysis could not run; see the status line."
            if self.analysis is not None and not self.analysis.available
            else ""
        )
        self.app.push_screen(ViewsScreen(self.map, views, missing=missing), self._chosen)

    # -- the file: editing, reloading, problems ----------------------------------------------

    def action_edit(self) -> None:
        claim_id = self.claim_tree.current_claim_id
        claim = self.map.claims_by_id.get(claim_id) if claim_id else None
        self.post_message(self.EditRequested(claim.pos.line if claim is not None else 1))

    def action_reload(self) -> None:
        self.post_message(self.ReloadRequested())

    @on(MapReloaded)
    def _map_reloaded(self, event: MapReloaded) -> None:
        self.replace_map(event.map)

    @on(MapProblems)
    def _map_problems(self, event: MapProblems) -> None:
        self.show_problems(event.problems, reloaded=event.reloaded)

    @on(MapNotes)
    def _map_notes(self, event: MapNotes) -> None:
        self.notes = event.notes
        if not self.problems:
            self.show_problems([])

    def action_toggle_notes(self) -> None:
        self.notes_hidden = not self.notes_hidden
        if not self.problems:
            self.show_problems([])

    def replace_map(self, the_map: Map) -> None:
        """Show a reloaded map; keep the selected claim and the what-if marks that still apply."""
        self.map = the_map
        keep = self.claim_tree.current_claim_id
        ids = the_map.claims_by_id
        self.accepted &= set(ids)
        self.rejected &= set(ids)
        self.back_stack = [c for c in self.back_stack if c in ids]
        self.forward_stack = [c for c in self.forward_stack if c in ids]
        self.analysis = self.base_analysis = None
        self._move_from = None
        self.changed_claims = frozenset()
        self.query_one("#what-if-change", Static).display = False
        self.query_one("#title-bar", Static).update(literal_line(the_map.title))
        self.detail.replace_map(the_map)
        self.claim_tree.replace_map(the_map, select=keep)
        self.show_problems([])
        self._show_detail(keep if keep in ids else None)
        self._start_analysis()

    def show_problems(self, problems: list[Diagnostic], reloaded: bool = True) -> None:
        """Show the checker's errors under the tree; with none, its notes on how the map
        is written (unless `!` hid them); with neither, no panel."""
        self.problems = problems
        panel = self.query_one("#problems", Static)
        notes = [] if problems or self.notes_hidden else self.notes
        panel.display = bool(problems or notes)
        panel.set_class(bool(notes), "notes")
        if notes:
            text = Text(
                f"Notes on how the map is written ({len(notes)}; ! hides them):\n", style="bold"
            )
            # Without the path: the panel is about the map shown (named in the status line).
            text.append_text(literal("\n".join(n.render(with_path=False) for n in notes[:8])))
            if len(notes) > 8:
                text.append(f"\n… and {len(notes) - 8} more (run 'argmap check --notes')")
            panel.update(text)
        if problems:
            heading = (
                "The file has errors; still showing the last version that loaded.\n"
                if reloaded
                else "The map has errors (parts of it may be missing from the tree):\n"
            )
            text = Text(heading, style="bold")
            text.append_text(literal("\n".join(p.render() for p in problems[:8])))
            if len(problems) > 8:
                text.append(f"\n… and {len(problems) - 8} more (run 'argmap check')")
            panel.update(text)

    def _update_status(self) -> None:
        if self.analysis is None or self.analysis_pending:
            state = "analysing…"
        elif not self.analysis.available:
            state = "analysis unavailable"
        elif self.analysis.what_if:
            state = "what-if analysis"
        else:
            state = "analysis ready"
        parts: list[str | tuple[str, str]] = [(self.context.map_path.name, "bold"), "  ", state]
        if self.accepted or self.rejected:
            parts += [
                "  ",
                (
                    f"what-if: {len(self.accepted)} accepted, "
                    f"{len(self.rejected)} rejected (x resets)",
                    "bold",
                ),
            ]
        self.query_one("#status", Static).update(assemble(*parts))
