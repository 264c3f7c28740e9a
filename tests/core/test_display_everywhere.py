"""Bidi overrides, zero-width characters and line breaks in map text are shown,
never obeyed, wherever argmap displays the map; the model keeps them (issue 15)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.loading import load_map

ROOT = Path(__file__).resolve().parents[2]
MAP = ROOT / "tests" / "data" / "hostile" / "bidi-newline.yaml"
HIDDEN = ("\u202e", "\u202c", "\u200b", "\u2066", "\u2069")


def _map():
    result = load_map(MAP)
    assert result.ok, result.diagnostics
    return result.map


def test_model_keeps_the_text() -> None:
    m = _map()
    assert "\u202e" in m.claims_by_id["r"].text and "\n" in m.claims_by_id["t"].text


@pytest.mark.parametrize("fmt", ["json", "aif", "graphml"])
def test_data_exports_escape_and_round_trip(fmt, capsys) -> None:
    assert main(["export", str(MAP), "--to", fmt]) == 0
    out = capsys.readouterr().out
    assert not any(ch in out for ch in HIDDEN)
    if fmt == "json":
        assert json.loads(out)["claims"][1]["text"] == _map().claims_by_id["r"].text


def test_json_export_imports_back_unchanged(tmp_path, capsys) -> None:
    exported = tmp_path / "m.json"
    assert main(["export", str(MAP), "--to", "json", "-o", str(exported)]) == 0
    back = tmp_path / "back.yaml"
    assert main(["import", "--from", "json", str(exported), "-o", str(back)]) == 0
    capsys.readouterr()
    assert not any(ch in back.read_text() for ch in HIDDEN)
    assert load_map(back).map.claims_by_id["r"].text == _map().claims_by_id["r"].text


@pytest.mark.parametrize("fmt", ["dot", "argdown", "markdown", "html"])
def test_readable_exports_show_markers(fmt, capsys) -> None:
    assert main(["export", str(MAP), "--to", fmt]) == 0
    out = capsys.readouterr().out
    assert not any(ch in out for ch in HIDDEN)
    assert "⟨U+202E⟩" in out


def test_diagnostics_cannot_be_reordered_or_forged() -> None:
    from argmap.diagnostics import Diagnostic, Severity

    diag = Diagnostic(
        "evil\u202e.yaml",
        1,
        1,
        Severity.ERROR,
        "E301",
        "unknown claim\nok.yaml:1:1: note[N501]: forged",
        "hint\u200b",
    )
    text = diag.render()
    assert len(text.splitlines()) == 2 and not any(ch in text for ch in HIDDEN)


def test_plain_round_prints_one_line_per_claim() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap.cli", "round", "--plain", str(MAP), "--turns", "2"],
        input="end\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert not any(ch in done.stdout for ch in HIDDEN)
    lines = done.stdout.splitlines()
    assert "Correct." not in lines and not any(line.startswith("Correct.") for line in lines)
    assert not any(line.lstrip().startswith("1. [t] supports") for line in lines)
    assert any("The motion. Correct. 1. [t] supports [t]: forged option" in line for line in lines)


def test_tui_text_shows_markers() -> None:
    from argmap_tui.text import literal, literal_line

    assert literal("a\u202eb").plain == "a⟨U+202E⟩b"
    assert literal_line("a\nCorrect.\u200b").plain == "a Correct.⟨U+200B⟩"
