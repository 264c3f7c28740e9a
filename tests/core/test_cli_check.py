"""`argmap check` as a user runs it: output, exit codes, JSON, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from argmap.cli import main

BAD = Path(__file__).resolve().parent.parent / "data" / "bad"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )


def test_clean_map_exits_zero(example_map_path, capsys) -> None:
    assert main(["check", str(example_map_path)]) == 0
    out = capsys.readouterr().out
    assert "no problems" in out and "10 claims" in out


def test_errors_exit_one_and_name_file_line_col(capsys) -> None:
    path = BAD / "unknown-claim.yaml"
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:12:" in out and "error[E301]" in out and "hint:" in out


def test_all_files_are_checked_in_one_run(example_map_path, capsys) -> None:
    assert (
        main(
            [
                "check",
                str(BAD / "duplicate-ids.yaml"),
                str(example_map_path),
                str(BAD / "self-support.yaml"),
            ]
        )
        == 1
    )
    out = capsys.readouterr().out
    assert "E300" in out and "E307" in out and "no problems" in out


def test_unreadable_file_exits_two(tmp_path, capsys) -> None:
    assert main(["check", str(tmp_path / "nope.yaml")]) == 2
    assert "E000" in capsys.readouterr().out


def test_bad_usage_exits_two() -> None:
    proc = run("check", "--format", "xml")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "invalid choice" in proc.stderr


def test_json_format_lists_diagnostics(capsys) -> None:
    assert main(["check", "--format", "json", str(BAD / "warnings.yaml")]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["errors"] == 0 and payload["warnings"] == 3
    codes = {d["code"] for d in payload["diagnostics"]}
    assert codes == {"W401", "W402", "W403"}
    first = payload["diagnostics"][0]
    assert set(first) >= {"path", "line", "col", "severity", "code", "message", "hint"}


def test_notes_only_on_request(example_map_path, capsys) -> None:
    main(["check", str(example_map_path)])
    assert "N501" not in capsys.readouterr().out
    main(["check", "--notes", str(example_map_path)])
    assert "note[N501]" in capsys.readouterr().out


def test_quotes_checked_with_sources_option_and_relative_path(tmp_path, capsys) -> None:
    # Relative to the map: bad/source.txt sits beside quote-not-found.yaml.
    assert main(["check", str(BAD / "quote-not-found.yaml")]) == 1
    assert capsys.readouterr().out.count("E305") == 1
    # With --sources: a copy of the map elsewhere finds the text through the option.
    copy = tmp_path / "m.yaml"
    copy.write_text((BAD / "quote-not-found.yaml").read_text())
    assert main(["check", str(copy), "--notes"]) == 0
    assert "N503" in capsys.readouterr().out
    assert main(["check", str(copy), "--sources", str(BAD)]) == 1


def test_example_quotes_are_verbatim(example_map_path, sources_dir, capsys) -> None:
    assert main(["check", str(example_map_path), "--sources", str(sources_dir)]) == 0


def test_no_traceback_on_any_bad_file() -> None:
    proc = run("check", *map(str, sorted(BAD.glob("*.yaml"))))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout


def test_check_without_path_checks_the_bundled_map(tmp_path) -> None:
    proc = run("check", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "arguments" in proc.stdout and "claims" in proc.stdout
