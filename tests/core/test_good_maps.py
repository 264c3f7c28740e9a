"""Good maps load without a single error or warning, and mean what they say."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.checking import check_map
from argmap.diagnostics import Severity
from argmap.loading import load_map
from argmap.model import ClaimKind

GOOD = Path(__file__).resolve().parent.parent / "data" / "good"
BUNDLED = Path(__file__).resolve().parents[2] / "arguments"


@pytest.mark.parametrize(
    "path", sorted([*GOOD.glob("*.yaml"), *BUNDLED.glob("*.yaml")]), ids=lambda p: p.stem
)
def test_good_map_has_no_errors_or_warnings(path: Path) -> None:
    result = load_map(path)
    assert result.map is not None
    found = [*result.diagnostics, *check_map(result.map)]
    serious = [d.render() for d in found if d.severity is not Severity.NOTE]
    assert not serious


def test_two_theses_details() -> None:
    m = load_map(GOOD / "two-theses.yaml").map
    assert m.theses == ("t1", "t2")
    assert m.claim("t1").text == "[b]Markup[/] must stay literal: [@click=app.quit]x[/]"
    assert m.claim("t2").text == "小区应该用人脸识别门禁吗？"
    assert m.claim("p1").text == "A block scalar\nover two lines."
    assert m.claim("p2").text == "A folded scalar that reads as one line."
    assert m.claim("p2").base == 1.0 and m.claim("p1").base_score == 0.25
    assert m.claim("f").text == "A fact with an 'escaped' quote."
    assert m.claim("f").kind is ClaimKind.FACT
    linked = m.relations[0]
    assert linked.id == "attack:p1+p2->t1" and linked.linked
    assert m.attackers("t1") == (linked,)
    assert m.sources[0].url == "https://example.org/a"
