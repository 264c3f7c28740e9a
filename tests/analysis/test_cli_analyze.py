"""`argmap analyze`: the JSON contract, the flags and the exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import main

DATA = Path(__file__).parent / "data" / "iccma"
EXAMPLE = Path(__file__).resolve().parents[2] / "arguments" / "example-smart-locks.yaml"


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    assert main(["analyze", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_framework_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, str(DATA / "Small-result-b2.af"))
    assert out["labelling"]["grounded"] == {
        "1": "undec",
        "2": "undec",
        "3": "in",
        "4": "undec",
        "5": "undec",
    }
    assert out["extensions"]["grounded"] == [["3"]]
    assert out["extensions"]["preferred"] == [["1", "3", "4"], ["2", "3", "5"]]
    assert out["extensions"]["complete"] == [["1", "3", "4"], ["2", "3", "5"], ["3"]]
    assert out["acceptance"]["4"] == {
        "credulous": ["complete", "preferred", "stable"],
        "sceptical": [],
    }
    assert out["acceptance"]["3"]["sceptical"] == ["grounded", "complete", "preferred", "stable"]


def test_map_json_has_strength_and_cruxes(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, str(EXAMPLE))
    assert out["labelling"]["grounded"]["locks"] == "out"
    assert set(out["labelling"]["grounded"]) == set(out["strength"])  # claims only
    assert out["cruxes"]["locks"][:2] == ["photos-collected", "promise-unverifiable"]
    assert out["strength"]["locks"] == pytest.approx(0.765625)


def test_semantics_and_cap(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(
        capsys, str(DATA / "BA_40_30_3.af"), "--semantics", "complete", "--max-extensions", "5"
    )
    assert list(out["extensions"]) == ["complete"]
    assert len(out["extensions"]["complete"]) == 5 and out["capped"]["complete"] is True
    assert out["acceptance"]["1"] == {"credulous": [], "sceptical": []}  # not claimed when capped
    main(
        ["analyze", str(DATA / "BA_40_30_3.af"), "--semantics", "complete", "--max-extensions", "5"]
    )
    assert "capped" in capsys.readouterr().out


def test_query_decides_one_argument(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, str(DATA / "Small-result-b2.af"), "--query", "4")
    assert out["acceptance"] == {
        "4": {"credulous": ["complete", "preferred", "stable"], "sceptical": []}
    }
    assert main(["analyze", str(DATA / "Small-result-b2.af"), "--query", "9"]) == 2


def test_bad_files_exit_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.af"
    bad.write_text("p af 2\n1 2\n2 three\n")
    assert main(["analyze", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:3:3:" in err and "Traceback" not in err
    assert main(["analyze", str(tmp_path / "missing.af")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_grounded_path_imports_no_networkx_or_yaml(tmp_path: Path) -> None:
    """Start-up is half of `analyze --semantics grounded` on 10k arguments."""
    heavy = ("networkx", "yaml", "textual", "clingo", "dataclasses", "typing", "pathlib")
    code = (
        "import sys; from argmap.cli import main; "
        f"main(['analyze', {str(DATA / 'admbuster_1000.af')!r}, '--semantics', 'grounded',"
        " '--json']);"
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_text_output_says_whether_each_thesis_stands_in_the_explorers_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["analyze", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    payload = _json(capsys, str(EXAMPLE))
    word = {"in": "stands", "out": "falls", "undec": "open"}
    for thesis, label in payload["labelling"]["grounded"].items():
        if f"\nthesis {thesis}:" in out:
            assert f"\nthesis {thesis}: {word[label]} (grounded {label})," in out
