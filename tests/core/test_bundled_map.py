"""The bundled map keeps the size, balance and teaching content the project promises.

The targets are those of issue 17 (the second edition): three theses argued
each on its own, each side 40-60 % of every thesis's claims, nine themes of
at least 12 claims, at least 150 claims, at least 15 flaws and the lowered
`base` values spread over both sides in proportion to their claims, every
claim within two steps of a thesis answered, and no sourced fact OUT in the
grounded labelling unless another sourced fact contradicts it.

Sides come from `argmap.sides` (the rule the explorer, drills and exports
use), never from a list; the grounded labelling from the lean path of
`argmap.analysis` (the map's framework and `semantics.grounded`); balance per
thesis from the checker's own N508 rule. docs/bundled-map.md explains each
target and how the map meets it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from argmap.analysis.bipolar import inference_id, map_framework
from argmap.analysis.semantics import Label, grounded
from argmap.checking import check_map
from argmap.loading import load_map
from argmap.model import Claim, ClaimKind, Map, RelationType
from argmap.sides import Side, overall, reach

MAP_PATH = Path(__file__).resolve().parents[2] / "arguments" / "face-at-the-door.yaml"

THESES = ("face-access", "phone-face-scan", "smart-community")
THEMES = (
    "fraud",
    "subletting",
    "safety",
    "privacy",
    "function-creep",
    "accuracy",
    "consent",
    "cost",
    "normalisation",
)
MIN_CLAIMS = 150
MIN_PER_THEME = 12
SIDE_SHARE = (0.40, 0.60)
MIN_KEY_POINT_CLAIMS = 150
MIN_FLAWS = 15
PROPORTION = 0.20  # a side's share of flaws (of lowered bases) within ±20 % of its share of claims
MIN_UNDERCUTS = 40
MIN_LINKED = 2


@pytest.fixture(scope="module")
def bundled() -> Map:
    result = load_map(MAP_PATH)
    errors = [d for d in result.diagnostics if d.is_error]
    assert result.map is not None and not errors, errors
    return result.map


def is_sourced_fact(claim: Claim) -> bool:
    return claim.kind is ClaimKind.FACT and bool(claim.evidence)


def test_three_theses_and_enough_claims(bundled: Map) -> None:
    assert tuple(bundled.theses) == THESES
    assert len(bundled.claims) >= MIN_CLAIMS


def test_each_thesis_has_both_sides_in_balance(bundled: Map) -> None:
    """Per thesis: no claim on both sides, each side 40-60 % of its claims."""
    for thesis in bundled.theses:
        found = {c: s for c, s in reach(bundled, thesis).sides.items() if c != thesis}
        both_ways = [c for c, s in found.items() if s is Side.BOTH]
        assert not both_ways, (thesis, both_ways)
        pro = sum(1 for s in found.values() if s is Side.PRO)
        share = pro / len(found)
        assert SIDE_SHARE[0] <= share <= SIDE_SHARE[1], (thesis, pro, len(found) - pro)


def test_every_claim_reaches_a_thesis_on_one_side(bundled: Map) -> None:
    found = overall(bundled)
    unconnected = [c.id for c in bundled.claims if c.id not in found]
    mixed = [c for c, s in found.items() if s is Side.BOTH]
    assert not unconnected and not mixed, (unconnected, mixed)


def test_themes_are_declared_and_each_has_enough_claims(bundled: Map) -> None:
    assert tuple(bundled.themes) == THEMES
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
    minghui = bundled.sources_by_id["minghui"].reliability
    assert "Falun Gong" in minghui and "Editor's note" in minghui


def _share(items: list[Claim], side: dict[str, Side]) -> float:
    return sum(1 for c in items if side[c.id] is Side.PRO) / len(items)


def test_flaws_and_lowered_bases_fall_on_both_sides_in_proportion(bundled: Map) -> None:
    side = dict(overall(bundled))
    pro_share = _share(list(bundled.claims), side)
    flawed = [c for c in bundled.claims if c.flaw]
    lowered = [c for c in bundled.claims if c.base is not None and c.base < 0.5]
    assert len(flawed) >= MIN_FLAWS
    assert all(c.note and c.note.strip() for c in flawed), [c.id for c in flawed if not c.note]
    for kind, group in (("flaws", flawed), ("lowered bases", lowered)):
        ratio = _share(group, side) / pro_share
        assert 1 - PROPORTION <= ratio <= 1 + PROPORTION, (kind, ratio)


def test_no_thesis_carries_its_discounts_on_one_side(bundled: Map) -> None:
    """The checker's own balance note (N508), thesis by thesis."""
    notes = [d for d in check_map(bundled, notes=True) if d.code == "N508"]
    assert not notes, [d.message for d in notes]


def test_teaching_material(bundled: Map) -> None:
    with_points = [c for c in bundled.claims if c.key_points]
    assert len(with_points) >= MIN_KEY_POINT_CLAIMS
    assert any(c.flaw and "8%" in " ".join(q.quote for q in c.evidence) for c in bundled.claims)
    # No key point that YAML cut at a comma ("5,000 faces" read as "5" and "000 faces").
    terms = [t for c in with_points for kp in c.key_points for t in (kp.point, *kp.synonyms)]
    assert not [t for t in terms if t.replace(" ", "").isdigit()], "split key point"


def test_undercuts_and_linked_arguments(bundled: Map) -> None:
    undercuts = [r for r in bundled.relations if r.type is RelationType.UNDERCUT]
    assert len(undercuts) >= MIN_UNDERCUTS
    assert all(u.target in bundled.relations_by_id for u in undercuts)
    assert sum(1 for r in bundled.relations if r.linked) >= MIN_LINKED


def test_every_attack_and_undercut_says_why(bundled: Map) -> None:
    silent = [
        r.id
        for r in bundled.relations
        if r.type is not RelationType.SUPPORT and not (r.why and r.why.strip())
    ]
    assert not silent


def answered(m: Map, claim: str) -> bool:
    """Attacked, or one of its links undercut."""
    if m.attackers(claim):
        return True
    return any(
        u.type is RelationType.UNDERCUT
        for rel in m.outgoing.get(claim, ())
        for u in m.incoming.get(rel.id, ())
    )


def test_main_lines_are_answered(bundled: Map) -> None:
    for thesis in bundled.theses:
        near = [c for c, d in reach(bundled, thesis).depth.items() if 1 <= d <= 2]
        assert len(near) > 10, thesis
        unanswered = [c for c in near if not answered(bundled, c)]
        assert not unanswered, (thesis, unanswered)


def test_a_sourced_fact_is_out_only_where_another_sourced_fact_contradicts_it(
    bundled: Map,
) -> None:
    """An attack says its target is false; a quoted fact is defeated only by another one."""
    mf = map_framework(bundled)
    labels = grounded(mf.framework)
    label = dict(zip(mf.names, labels, strict=True))
    for claim in bundled.claims:
        if not is_sourced_fact(claim) or label[claim.id] is not Label.OUT:
            continue
        defeaters = [
            r
            for r in bundled.attackers(claim.id)
            if r.type is RelationType.ATTACK and label[inference_id(r.id)] is Label.IN
        ]
        assert defeaters, claim.id
        for r in defeaters:
            premises = [bundled.claims_by_id[s] for s in r.sources]
            assert all(is_sourced_fact(p) for p in premises), (claim.id, r.id)


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


def test_the_authoring_notes_find_no_pointer_or_split_or_defeated_fact(bundled: Map) -> None:
    """N504 (a sourced fact OUT), N505 (a key point cut at a comma), N507 (a claim that
    points elsewhere) and N511/N512 (a term read as one word) must not appear; N506
    (possible duplicates) is read by a person."""
    codes = [d.code for d in check_map(bundled, notes=True)]
    assert not {"N504", "N505", "N507", "N511", "N512"} & set(codes), sorted(set(codes))
