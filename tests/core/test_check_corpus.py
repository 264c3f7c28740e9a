"""Every bad map in tests/data/bad produces the diagnostics its header promises."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.checking import check_map
from argmap.diagnostics import Severity
from argmap.loading import load_map

BAD = Path(__file__).resolve().parent.parent / "data" / "bad"
EXPECT = re.compile(r"^# expect: (\w+) (\d+)$", re.MULTILINE)


def diagnostics_for(path: Path):
    result = load_map(path)
    found = list(result.diagnostics)
    if result.map is not None:
        found += check_map(result.map)
    return [d for d in found if d.severity is not Severity.NOTE]


@pytest.mark.parametrize("path", sorted(BAD.glob("*.yaml")), ids=lambda p: p.stem)
def test_bad_map_reports_expected_code_and_line(path: Path) -> None:
    expected = {(code, int(line)) for code, line in EXPECT.findall(path.read_text())}
    assert expected, f"{path.name} has no '# expect: CODE LINE' header"
    found = diagnostics_for(path)
    got = {(d.code, d.line) for d in found}
    assert expected <= got, f"missing {expected - got}; got {sorted(got)}"
    unexpected_codes = {d.code for d in found} - {code for code, _ in expected}
    assert not unexpected_codes, f"unexpected diagnostics: {[d.render() for d in found]}"
    for diag in found:
        assert diag.path == str(path)
        assert diag.col >= 1 and diag.hint, diag.render()


def test_corpus_covers_every_error_and_warning_code() -> None:
    codes = {c for p in BAD.glob("*.yaml") for c, _ in EXPECT.findall(p.read_text())}
    documented = set(
        re.findall(
            r"^\| ([EW]\d{3}) \|", (BAD.parents[2] / "docs" / "format.md").read_text(), re.MULTILINE
        )
    )
    assert documented - {"E000"} <= codes | {"E000"}, documented - codes
