"""The bundled map keeps the size and teaching content the project promises.

The counts below are the floor set in issue 3; these tests stop the map from
quietly shrinking when someone edits it. Sides come from the relations by
the rule of `argmap.sides` (the one the explorer, drills and exports use),
never from a list.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from argmap.loading import load_map
from argmap.model import ClaimKind, Map, RelationType
from argmap.sides import Side, overall, reach

MAP_PATH = Path(__file__).resolve().parents[2] / "arguments" / "face-at-the-door.yaml"

THEMES = (
    "fraud",
    "subletting",
    "safety",
    "privacy",
    "function-creep",
    "accuracy",
    "consent",
    "data-security",
    "cost",
    "normalisation",
)
MIN_CLAIMS = 100
MIN_PER_THEME = 12
MIN_SIDE_SHARE = 0.40
MIN_KEY_POINT_CLAIMS = 60
MIN_FLAWS = 10
MIN_UNDERCUTS = 5
MIN_LINKED = 3


@pytest.fixture(scope="module")
def bundled() -> Map:
    result = load_map(MAP_PATH)
    errors = [d for d in result.diagnostics if d.is_error]
    assert result.map is not None and not errors, errors
    return result.map


def depths(m: Map) -> dict[str, int]:
    """Steps from the thesis; an undercutter sits one step below the premises it undercuts."""
    return dict(reach(m, m.theses[0]).depth)


def test_has_one_thesis_and_enough_claims(bundled: Map) -> None:
    assert len(bundled.theses) == 1
    assert len(bundled.claims) >= MIN_CLAIMS


def test_every_claim_has_exactly_one_side_and_both_sides_are_strong(bundled: Map) -> None:
    found = overall(bundled)  # the rule argmap uses everywhere (argmap.sides)
    unconnected = [c.id for c in bundled.claims if c.id not in found]
    both_ways = [c for c, s in found.items() if s is Side.BOTH]
    assert not unconnected and not both_ways, (unconnected, both_ways)
    pro = sum(1 for c in bundled.claims if found[c.id] is Side.PRO)
    con = len(bundled.claims) - pro
    assert pro / len(bundled.claims) >= MIN_SIDE_SHARE, (pro, con)
    assert con / len(bundled.claims) >= MIN_SIDE_SHARE, (pro, con)


def test_themes_are_declared_and_each_has_enough_claims(bundled: Map) -> None:
    assert set(THEMES) <= set(bundled.themes)
    for theme in THEMES:
        count = sum(1 for c in bundled.claims if theme in c.themes)
        assert count >= MIN_PER_THEME, (theme, count)


def test_every_fact_has_evidence_from_a_known_source(bundled: Map) -> None:
    for claim in bundled.claims:
        if claim.kind is ClaimKind.FACT:
            assert claim.evidence, claim.id
        for ev in claim.evidence:
            assert ev.source in bundled.sources_by_id and ev.locator and ev.quote, claim.id


def test_sources_say_what_they_are_and_how_far_to_trust_them(bundled: Map) -> None:
    assert len(bundled.sources) >= 5
    for source in bundled.sources:
        assert source.kind.strip() and source.reliability.strip() and source.file, source.id


def test_teaching_material(bundled: Map) -> None:
    with_points = [c for c in bundled.claims if c.key_points]
    assert len(with_points) >= MIN_KEY_POINT_CLAIMS
    flawed = [c for c in bundled.claims if c.flaw]
    assert len(flawed) >= MIN_FLAWS
    assert all(c.note and c.note.strip() for c in flawed), [c.id for c in flawed if not c.note]
    assert any(c.flaw and "8%" in " ".join(q.quote for q in c.evidence) for c in bundled.claims)


def test_undercuts_and_linked_arguments(bundled: Map) -> None:
    undercuts = [r for r in bundled.relations if r.type is RelationType.UNDERCUT]
    assert len(undercuts) >= MIN_UNDERCUTS
    assert all(u.target in bundled.relations_by_id for u in undercuts)
    assert sum(1 for r in bundled.relations if r.linked) >= MIN_LINKED


def test_every_attack_says_why(bundled: Map) -> None:
    silent = [
        r.id
        for r in bundled.relations
        if r.type is not RelationType.SUPPORT and not (r.why and r.why.strip())
    ]
    assert not silent


def test_main_lines_are_answered(bundled: Map) -> None:
    near = [c for c, d in depths(bundled).items() if d <= 2]
    assert len(near) > len(bundled.theses)
    unanswered = [c for c in near if not bundled.attackers(c)]
    assert not unanswered


def test_argmap_check_with_sources_is_clean(sources_dir: Path) -> None:
    """Proves every quote occurs verbatim in its source text."""
    proc = subprocess.run(
        [sys.executable, "-m", "argmap.cli", "check", str(MAP_PATH), "--sources", str(sources_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    assert "error[" not in output and "warning[" not in output, output
