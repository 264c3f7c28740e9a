"""`e` on a bundled map offers to edit a copy in the data folder, never the installed file."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.bundled import COPIES_FOLDER, editable_copy, is_bundled
from argmap_tui.screens.copy_map import CopyBundledMap
from tests.tui.support import EXAMPLE, make_app, settle


def test_only_the_shipped_maps_count_as_bundled(tmp_path: Path) -> None:
    assert is_bundled(EXAMPLE)
    own = tmp_path / EXAMPLE.name
    own.write_bytes(EXAMPLE.read_bytes())
    assert not is_bundled(own)


def test_a_copy_is_made_once_and_never_overwritten(tmp_path: Path) -> None:
    copy, made = editable_copy(EXAMPLE, tmp_path)
    assert made and copy == tmp_path / COPIES_FOLDER / EXAMPLE.name
    assert copy.read_bytes() == EXAMPLE.read_bytes()
    copy.write_text("my own edits\n", encoding="utf-8")
    again, made = editable_copy(EXAMPLE, tmp_path)
    assert again == copy and not made
    assert copy.read_text(encoding="utf-8") == "my own edits\n"


async def test_e_on_a_bundled_map_edits_a_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", "myeditor")
    monkeypatch.delenv("VISUAL", raising=False)
    before = EXAMPLE.read_bytes()
    commands: list[list[str]] = []
    copy = tmp_path / COPIES_FOLDER / EXAMPLE.name

    def fake_editor(command: list[str]) -> None:
        commands.append(command)
        text = copy.read_text(encoding="utf-8")
        copy.write_text(text.replace("feels quieter", "feels calmer"), encoding="utf-8")

    app = make_app(EXAMPLE, run_editor=fake_editor, data_dir_option=tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, CopyBundledMap)
        assert not commands, "nothing runs before the reader answers"
        await pilot.press("c")
        await settle(pilot)
        assert commands and commands[0][0] == "myeditor" and commands[0][-1] == str(copy)
        assert app.context.map_path == copy
        assert app.reloads == 1 and any("feels calmer" in c.text for c in app.map.claims)
        assert any(str(copy) in n.message for n in app._notifications)
    assert EXAMPLE.read_bytes() == before


async def test_escape_leaves_the_bundled_map_alone(tmp_path: Path) -> None:
    commands: list[list[str]] = []
    app = make_app(EXAMPLE, run_editor=commands.append, data_dir_option=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, CopyBundledMap)
        assert not commands and not (tmp_path / COPIES_FOLDER).exists()
        assert app.context.map_path == EXAMPLE
