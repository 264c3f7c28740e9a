"""The map file: reload on change keeping the selection, checker errors shown, $EDITOR."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import Static

import argmap_tui.app
from argmap_tui.editor import editor_command
from argmap_tui.widgets.claim_tree import ClaimTree
from tests.tui.support import detail_text, load, make_app, settle


def touch_later(path: Path) -> None:
    """Make sure the file's mtime differs from the one the app saw."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    touch_later(path)


def test_editor_command_uses_visual_editor_or_vi() -> None:
    path = Path("/m.yaml")
    assert editor_command({}, 12, path) == ["vi", "+12", "/m.yaml"]
    assert editor_command({"EDITOR": "code --wait"}, 3, path) == ["code", "--wait", "+3", "/m.yaml"]
    assert editor_command({"EDITOR": "nano", "VISUAL": "hx"}, 0, path) == ["hx", "+1", "/m.yaml"]


async def test_change_on_disk_reloads_and_keeps_the_selection(
    map_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(argmap_tui.app, "POLL_SECONDS", 0.05)
    app = make_app(map_copy, watch=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(ClaimTree)
        tree.select_claim("feels-safer")
        await settle(pilot)
        edit(map_copy, "feels quieter and more secure", "feels calmer and more secure")
        for _ in range(40):
            await pilot.pause(0.05)
            if app.reloads:
                break
        await settle(pilot)
        assert app.reloads == 1
        assert "calmer" in app.map.claim("feels-safer").text
        assert tree.current_claim_id == "feels-safer"
        body = detail_text(app)
        assert "feels calmer and more secure" in body


async def test_errors_are_shown_and_the_last_good_map_stays(map_copy: Path) -> None:
    app = make_app(map_copy)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        before = app.map
        edit(map_copy, "    to: r-photos\n", "    to: '[nowhere]-claim'\n")
        app.check_for_changes()
        await settle(pilot)
        assert app.map is before
        panel = app.screen.query_one("#problems", Static)
        assert panel.display
        text = panel.content.plain
        assert "still showing the last version" in text
        assert f"{map_copy}:" in text and "error[" in text and "[nowhere]-claim" in text
        assert any(n.severity == "error" for n in app._notifications)
        assert app.is_running
        # Fixing the file hides the errors; the example has no notes, so the panel goes.
        edit(map_copy, "    to: '[nowhere]-claim'\n", "    to: r-photos\n")
        app.check_for_changes()
        await settle(pilot)
        assert app.map is not before and not panel.display
        # The checker's notes on the map's writing stay on a good map: drawn as an
        # attack, state-voice would put the sourced fact feels-safer OUT (N504). `!`
        # hides them.
        edit(
            map_copy,
            "type: undercut\n    from: state-voice\n    to: support:feels-safer->locks\n",
            "type: attack\n    from: state-voice\n    to: feels-safer\n",
        )
        app.check_for_changes()
        await settle(pilot)
        assert "error[" not in panel.content.plain
        assert panel.display and panel.has_class("notes")
        assert "Notes on how the map is written (1;" in panel.content.plain
        assert "note[N504]" in panel.content.plain and "'feels-safer'" in panel.content.plain
        await pilot.press("exclamation_mark")
        await settle(pilot)
        assert not panel.display
        await pilot.press("exclamation_mark")
        await settle(pilot)
        assert panel.display


async def test_a_bundled_map_shows_no_authoring_notes() -> None:
    """They are for the map's author; a reader of a bundled map edits a copy."""
    from tests.tui.support import EXAMPLE

    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#problems", Static).display


async def test_edit_key_runs_the_editor_at_the_claim_line_then_reloads(
    map_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", "myeditor --flag")
    monkeypatch.delenv("VISUAL", raising=False)
    commands: list[list[str]] = []

    def fake_editor(command: list[str]) -> None:
        commands.append(command)
        edit(map_copy, "scanning their faces at the door", "scanning faces at the door")

    app = make_app(map_copy, run_editor=fake_editor)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        app.screen.query_one(ClaimTree).select_claim("photos-collected")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        line = load(map_copy).claim("photos-collected").pos.line
        assert commands == [["myeditor", "--flag", f"+{line}", str(map_copy)]]
        assert app.reloads == 1 and "scanning faces at the door" in app.map.claim("locks").text
        assert app.screen.query_one(ClaimTree).current_claim_id == "photos-collected"


async def test_an_editor_that_cannot_start_is_reported(map_copy: Path) -> None:
    def broken(command: list[str]) -> None:
        raise FileNotFoundError(2, "No such file or directory", command[0])

    app = make_app(map_copy, run_editor=broken)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert app.is_running
        assert any("Could not run the editor" in n.message for n in app._notifications)
