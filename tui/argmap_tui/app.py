"""The argmap Textual app and the one factory the CLI and the tests share.

The app holds the run's `Context` (made by the command line: the map file,
the data folder, the sources) and the map, and hands both to the screens it
makes; none works them out for itself or reads them back from the app. It
watches the file (a cheap mtime poll) and reloads it in a worker when it
changes: a map that loads and checks cleanly replaces the one shown, one
with errors leaves the last good map in place and shows the problems
instead (the explorer hears of either as a message: `MapReloaded`,
`MapProblems`).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from textual import events, on, work
from textual.app import App, SuspendNotSupported
from textual.binding import Binding

from argmap.bundled import COPIES_FOLDER, editable_copy, is_bundled
from argmap.context import Context
from argmap.diagnostics import Diagnostic
from argmap.model import Map
from argmap.view_model import Analyser
from argmap_tui.analysis_process import ProcessAnalyser
from argmap_tui.editor import editor_command
from argmap_tui.idle_gc import TICK_SECONDS, IdleCollector
from argmap_tui.messages import MapNotes, MapProblems, MapReloaded
from argmap_tui.screens.explore import ExploreScreen
from argmap_tui.screens.help import HelpScreen, bindings_of

STYLES = Path(__file__).parent / "styles"
POLL_SECONDS = 1.0

EditorRunner = Callable[[list[str]], None]
Opening = Callable[["ArgmapApp"], None]
"""What to show first instead of the explorer alone (the drills, a round)."""


class ArgmapApp(App[int]):
    TITLE = "argmap"
    CSS_PATH = [STYLES / "app.tcss", STYLES / "explore.tcss", STYLES / "dialogs.tcss"]
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="quit argmap"),
        Binding("question_mark", "help", "Keys", tooltip="show every key (this window)"),
        Binding("d", "drill", "Drills", tooltip="debate drills on this map (resumes a session)"),
        # S and R stay off the footer (it must fit 80 columns); `?` lists them.
        Binding(
            "S", "stats", "Stats", show=False, tooltip="your drill progress: accuracy, streak, due"
        ),
        Binding(
            "R",
            "debate_round",
            "Round",
            show=False,
            tooltip="a debate round on this map: two debaters, one keyboard",
        ),
        Binding(
            "ctrl+t",
            "toggle_theme",
            "Theme",
            show=False,
            tooltip="switch between the dark and the light theme",
        ),
    ]

    MODES = {"explore": "explore"}
    DEFAULT_MODE = "explore"

    def __init__(
        self,
        context: Context,
        the_map: Map,
        *,
        run_editor: EditorRunner | None = None,
        analyser: Analyser | None = None,
        opening: Opening | None = None,
    ) -> None:
        super().__init__()
        self.context = context
        self.analyser: Analyser = analyser or ProcessAnalyser()
        self.map = the_map
        self.problems: list[Diagnostic] = []
        self.reloads = 0
        self._mtime = self._file_mtime()
        self._run_editor = run_editor or self._suspend_and_run
        self._opening = opening
        self.idle_gc = IdleCollector()
        # The explorer is given what it shows; it never reads the app's state back.
        self.install_screen(ExploreScreen(the_map, self.analyser, context), "explore")
        if context.theme is not None:
            self.theme = context.theme

    def on_mount(self) -> None:
        self.check_shown_map()
        if self.context.watch:
            self.set_interval(POLL_SECONDS, self.check_for_changes)
        self.idle_gc.start()
        self.set_interval(TICK_SECONDS, self.idle_gc.tick)

    def on_ready(self) -> None:
        if self._opening is not None:
            self._opening(self)
        else:
            self.explorer.offer_legend()  # first start: what the marks mean

    def on_unmount(self) -> None:
        self.idle_gc.stop()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self.idle_gc.input_seen()
        await super().on_event(event)

    # -- screens ----------------------------------------------------------------------------

    def action_command_palette(self) -> None:
        """Textual's palette, saying what argmap's search reads."""
        from textual.command import CommandPalette

        from argmap_tui.search import PLACEHOLDER

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=PLACEHOLDER))

    @property
    def explorer(self) -> ExploreScreen:
        return self.get_screen("explore")  # type: ignore[return-value]

    def show_claim(self, claim_id: str) -> bool:
        """Switch to the explorer and select a claim (used by the drills' feedback)."""
        if self.current_mode != "explore":
            self.switch_mode("explore")
        while len(self.screen_stack) > 1 and not isinstance(self.screen, ExploreScreen):
            self.pop_screen()
        return self.explorer.jump_to(claim_id)

    def action_drill(self) -> None:
        from argmap_tui.screens.drill import open_drills

        open_drills(self)

    def action_debate_round(self) -> None:
        from argmap_tui.screens.round import open_round

        open_round(self)

    def action_stats(self) -> None:
        from argmap_tui.screens.stats import open_stats

        open_stats(self)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(bindings_of(self.screen)))

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    # -- the map file -----------------------------------------------------------------------

    def _file_mtime(self) -> float | None:
        try:
            return self.context.map_path.stat().st_mtime_ns
        except OSError:
            return None

    def check_for_changes(self) -> None:
        """Reload the map when its file has changed since it was last read."""
        mtime = self._file_mtime()
        if mtime is not None and mtime != self._mtime:
            self._mtime = mtime
            self.reload_map()

    @work(thread=True, exclusive=True, group="reload")
    def reload_map(self) -> None:
        from argmap.loading import load_map

        self._mtime = self._file_mtime()
        result = load_map(self.context.map_path)
        problems = [d for d in result.diagnostics if d.is_error]
        notes: list[Diagnostic] = []
        if result.map is not None and not problems:
            problems, notes = self._checked(result.map)
        self.call_from_thread(self._apply_reload, result.map, problems)
        if result.map is not None and not problems:
            self.call_from_thread(self._show_notes, notes)

    @work(thread=True, exclusive=True, group="reload")
    def check_shown_map(self) -> None:
        """Run the checker on the map as opened: its errors are shown, not fatal, and so
        are its notes on how the map is written."""
        problems, notes = self._checked(self.map)
        if problems:
            self.call_from_thread(self._show_problems, problems)
        self.call_from_thread(self._show_notes, notes)

    def _checked(self, the_map: Map) -> tuple[list[Diagnostic], list[Diagnostic]]:
        """The checker's errors, and its warnings and authoring notes, except on a bundled
        map (in a worker: the notes take a tenth of a second on the bundled map, about a
        second on 10,000 claims)."""
        from argmap.authoring_notes import CODES
        from argmap.checking import check_map
        from argmap.diagnostics import Severity

        # Notes are for the map's author: a bundled map is read (and edited as a copy).
        authoring = not is_bundled(self.context.map_path)
        found = check_map(the_map, self.context.source_dirs, notes=authoring)
        errors = [d for d in found if d.is_error]
        notes = [d for d in found if d.severity is Severity.WARNING or d.code in CODES]
        return errors, notes if authoring else []

    def _show_notes(self, notes: list[Diagnostic]) -> None:
        self.explorer.post_message(MapNotes(notes))

    def _show_problems(self, problems: list[Diagnostic]) -> None:
        self.problems = problems
        self.explorer.post_message(MapProblems(problems, reloaded=self.reloads > 0))
        self.notify(
            problems[0].render().splitlines()[0],
            title="The map has errors",
            severity="error",
            markup=False,
        )

    def _apply_reload(self, the_map: Map | None, problems: list[Diagnostic]) -> None:
        self.reloads += 1
        self.problems = problems
        if problems or the_map is None:
            self._show_problems(problems)
            return
        self.map = the_map
        self.explorer.post_message(MapReloaded(the_map))
        self.notify("Reloaded the map.", markup=False)

    # -- the editor -------------------------------------------------------------------------

    @on(ExploreScreen.EditRequested)
    def _edit(self, event: ExploreScreen.EditRequested) -> None:
        path = self.context.map_path
        if not is_bundled(path):
            self.open_editor(editor_command(os.environ, event.line, path))
            return
        # The installed copy is replaced by every update: offer the user a copy of their own.
        from argmap_tui.screens.copy_map import CopyBundledMap

        target = self.context.data_dir / COPIES_FOLDER / path.name
        line = event.line

        def answered(copy: bool | None) -> None:
            if copy:
                self.edit_a_copy(line)

        self.push_screen(CopyBundledMap(path, target, target.exists()), answered)

    def edit_a_copy(self, line: int) -> None:
        """Copy the bundled map to the data folder (an earlier copy is kept) and edit the copy."""
        try:
            copy, made = editable_copy(self.context.map_path, self.context.data_dir)
        except OSError as exc:
            self.notify(f"Could not copy the map: {exc}", severity="error", markup=False)
            return
        self.context = replace(self.context, map_path=copy)
        # The copy is watched from now on; a copy made just now holds the map shown.
        self._mtime = self._file_mtime() if made else None
        self.notify(f"{'Copied the map to' if made else 'Editing your copy:'} {copy}", markup=False)
        self.open_editor(editor_command(os.environ, line, copy))

    @on(ExploreScreen.ReloadRequested)
    def _reload_requested(self) -> None:
        self.reload_map()

    def open_editor(self, command: list[str]) -> None:
        try:
            self._run_editor(command)
        except (OSError, SuspendNotSupported) as exc:
            self.notify(f"Could not run the editor: {exc}", severity="error", markup=False)
            return
        self.check_for_changes()

    def _suspend_and_run(self, command: list[str]) -> None:
        with self.suspend():
            subprocess.run(command, check=False)


def create_app(
    context: Context,
    the_map: Map,
    *,
    run_editor: EditorRunner | None = None,
    analyser: Analyser | None = None,
    opening: Opening | None = None,
) -> ArgmapApp:
    """The app for one map file (the CLI and the tests both build it here).

    `run_editor` and `analyser` replace the editor launch and the analysis
    (tests use both to stay fast and exact); `opening` shows a first screen
    over the explorer (`argmap drill`, `argmap round`).
    """
    return ArgmapApp(context, the_map, run_editor=run_editor, analyser=analyser, opening=opening)
