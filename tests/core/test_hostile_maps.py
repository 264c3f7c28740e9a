"""Hostile and clumsy maps (issue 15): every command refuses a map with errors, and
the checker speaks to the person writing the map. Inputs live in tests/data/hostile."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.cli import main
from argmap.loading import load_map, load_map_text

HOSTILE = Path(__file__).resolve().parent.parent / "data" / "hostile"


def messages(path: Path) -> list[tuple[int, int, str, str, str]]:
    from argmap.commands.map_input import map_diagnostics

    _, found = map_diagnostics(path)
    return [(d.line, d.col, d.code, d.message, d.hint) for d in found]


@pytest.mark.parametrize(
    "command",
    [
        ["analyze"],
        ["export", "--to", "json"],
        ["export", "--to", "markdown"],
        ["drill", "--plain"],
        ["explore"],
        ["round", "--plain"],
        ["serve"],
    ],
)
def test_every_command_refuses_a_map_with_errors(command, capsys) -> None:
    path = HOSTILE / "dangling.yaml"
    assert main(["check", str(path)]) == 1
    checked = capsys.readouterr().out
    assert main([*command, str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    for code_line in ("E301", "E300", f"{path}:6:9", f"{path}:13:26"):
        assert code_line in captured.err and code_line in checked
    assert "3 errors" in captured.err


def test_import_json_with_errors_exits_one_and_writes_nothing(tmp_path, capsys) -> None:
    out = tmp_path / "out.yaml"
    assert (
        main(["import", "--from", "json", str(HOSTILE / "duplicate-id.json"), "-o", str(out)]) == 1
    )
    err = capsys.readouterr().err
    assert "E300" in err and "E301" in err and "nothing written" in err
    assert not out.exists()


def test_import_json_nan_base_names_the_input_not_the_output(tmp_path, capsys) -> None:
    out = tmp_path / "imp.yaml"
    assert main(["import", "--from", "json", str(HOSTILE / "nan-base.json"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "internal error" not in err and str(out) not in err
    assert str(HOSTILE / "nan-base.json") in err and "'base' of claim 'a'" in err
    assert not out.exists()


def test_missing_map_says_so_and_lists_bundled_maps(capsys) -> None:
    assert main(["explore", "nosuchmap"]) == 2
    err = capsys.readouterr().err
    assert "no such file" in err and "face-at-the-door" in err
    assert "run 'argmap check'" not in err


def test_check_sources_folder_must_exist(tmp_path, capsys) -> None:
    missing = tmp_path / "nope"
    assert main(["check", "--sources", str(missing)]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and "does not exist" in err


def test_errors_sorted_by_line_and_not_stopped_by_a_duplicate_key() -> None:
    found = messages(HOSTILE / "new-user.yaml")
    lines = [line for line, *_ in found]
    assert lines == sorted(lines)
    codes = {code for _, _, code, _, _ in found}
    assert {"E103", "E201", "E202"} <= codes  # the duplicate key hides nothing
    texts = [m for *_, m, _ in found]
    assert "claim 'a' has no 'kind'" in texts  # the claim is named
    assert "claim 'c' has no 'text'" in texts


def test_misspelt_field_and_thesis_get_did_you_mean() -> None:
    hints = {m: h for *_, m, h in messages(HOSTILE / "new-user.yaml")}
    assert hints["unknown field 'theme' in claim 'a'"].startswith("did you mean 'themes'?")
    assert hints["unknown field 'txet' in claim 'c'"].startswith("did you mean 'text'?")
    result = load_map_text(
        "map: {id: m, title: T, theses: [clam]}\nclaims:\n  - {id: claim, text: A., kind: value}\n"
    )
    from argmap.checking import check_map

    assert result.map is not None
    thesis = [d for d in check_map(result.map) if "thesis" in d.message]
    assert thesis and thesis[0].hint == "did you mean 'claim'?"


@pytest.mark.parametrize(
    ("name", "line", "col", "words"),
    [
        ("note-colon.yaml", 6, 15, "quote text that contains ': '"),
        ("tab-indent.yaml", 4, 1, "indent with spaces, not tabs"),
        ("missing-dash.yaml", 6, 3, "start every entry of the list with '- '"),
    ],
)
def test_yaml_syntax_errors_say_what_to_do(name, line, col, words) -> None:
    (diag,) = load_map(HOSTILE / name).diagnostics
    assert (diag.line, diag.col, diag.code) == (line, col, "E100")
    assert words in diag.hint and "YAML said:" in diag.hint
    assert "not valid YAML" not in diag.message


def test_unclosed_quote_points_at_where_it_opened() -> None:
    (diag,) = load_map_text('map: {id: m, title: "T, theses: [a]}\nclaims: []\n').diagnostics
    assert "still open" in diag.message and "opened on line 1" in diag.hint


def test_entry_repeated_by_alias_is_reported_once() -> None:
    found = [m for _, _, code, m, _ in messages(HOSTILE / "anchor-thrice.yaml") if code == "E300"]
    assert len(found) == 1 and "alias" in found[0]


def test_nel_does_not_shift_lines() -> None:
    found = messages(HOSTILE / "nel.yaml")
    assert found[0][:2] == (8, 4), found
