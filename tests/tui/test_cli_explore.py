"""`argmap explore` builds the app through the one factory, with its options."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

import argmap_tui.app
from argmap.cli import main
from argmap.context import Context
from tests.tui.support import EXAMPLE, make_app, settle

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"


class FakeApp:
    return_code = 0

    def run(self) -> None:
        pass


def test_explore_passes_path_theme_sources_and_watch(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[Context] = []

    def fake_create_app(context: Context, the_map: object, **options: object) -> FakeApp:
        assert not options
        calls.append(context)
        return FakeApp()

    monkeypatch.setattr(argmap_tui.app, "create_app", fake_create_app)
    monkeypatch.setenv("ARGMAP_DATA_DIR", str(tmp_path / "data"))
    src = str(tmp_path)  # a --sources folder must exist (issue 15)
    assert main(["explore", str(EXAMPLE), "--theme", "light", "--sources", src, "--no-watch"]) == 0
    assert calls[0] == Context(
        map_path=EXAMPLE,
        data_dir=tmp_path / "data",
        source_dirs=(tmp_path,),
        theme="textual-light",
        watch=False,
    )
    assert main([]) == 0
    assert calls[1].theme is None and calls[1].watch is True and calls[1].source_dirs == ()
    # A map named without a command is explored: a path, or a bundled map's name.
    assert main([str(EXAMPLE), "--no-watch"]) == 0
    assert calls[2].map_path == EXAMPLE and calls[2].watch is False
    assert main(["example-smart-locks"]) == 0
    assert calls[3].map_path.name == "example-smart-locks.yaml"


def test_a_mistyped_command_is_not_taken_for_a_map(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["chek"])
    assert done.value.code == 2
    assert "invalid choice: 'chek'" in capsys.readouterr().err


def test_an_unreadable_map_is_refused_before_the_ui_starts(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(argmap_tui.app, "create_app", lambda *a, **k: pytest.fail("UI started"))
    assert main(["explore", str(BAD / "not-yaml.yaml")]) == 1
    assert "error[E100]" in capsys.readouterr().err


async def test_checker_errors_of_the_opened_map_are_shown_in_the_ui() -> None:
    app = make_app(BAD / "unknown-claim.yaml")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        panel = app.screen.query_one("#problems", Static)
        assert panel.display
        assert "The map has errors" in panel.content.plain
        assert "error[E301]" in panel.content.plain
        assert any(n.severity == "error" for n in app._notifications)
        assert app.is_running
