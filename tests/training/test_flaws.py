"""The flaw vocabulary: its docs, the checker's W404, the flaw drill's grading and options."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from argmap.checking import check_map
from argmap.flaws import (
    FLAWS,
    accepted_names,
    assess_flaw_name,
    find_flaw,
    render_markdown,
    same_or_related,
    suggestions,
)
from argmap.grading import Verdict
from argmap.loading import load_map
from argmap.model import Map
from argmap.training.drills import FlawDrill

REPO = Path(__file__).resolve().parents[2]


def bundled_flaws() -> set[str]:
    names = set()
    for path in sorted((REPO / "arguments").glob("*.yaml")):
        loaded = load_map(path).map
        assert loaded is not None
        names |= {c.flaw for c in loaded.claims if c.flaw}
    return names


def test_the_vocabulary_has_every_flaw_the_bundled_maps_use() -> None:
    names = bundled_flaws()
    assert len(names) >= 10
    for name in names:
        flaw = find_flaw(name)
        assert flaw is not None and flaw.name == name, name


def test_docs_flaws_md_is_the_vocabulary_rendered() -> None:
    assert (REPO / "docs" / "flaws.md").read_text(encoding="utf-8") == render_markdown()


def test_each_entry_is_well_formed() -> None:
    names = [f.name for f in FLAWS]
    assert len(names) == len(set(names))
    every = [n for f in FLAWS for n in f.names]
    assert len({find_flaw(n).name for n in every}) == len(FLAWS)  # type: ignore[union-attr]
    for flaw in FLAWS:
        assert flaw.definition.endswith(".") and "\n" not in flaw.definition
        # The definition doubles as a hint: it never gives the name away.
        assert all(n.casefold() not in flaw.definition.casefold() for n in flaw.names), flaw
        assert all(find_flaw(r) is not None for r in flaw.related)
        for name in flaw.names:
            assert find_flaw(name) is flaw, name  # no synonym belongs to two entries


@pytest.mark.parametrize(
    ("typed", "flaw"),
    [
        ("hasty generalization", "hasty generalisation"),
        ("Hasty Generalisation", "hasty generalisation"),
        ("sweeping generalization", "unsupported generalisation"),
        ("bare assertion", "unsupported assertion"),
        ("That is anecdotal evidence.", "anecdote"),
        ("hasty generalization", "anecdote"),  # a near-synonym a teacher accepts
        ("It is a slipery slope.", "slippery slope"),
        ("strawman", "straw man"),
        ("straw-man fallacy", "straw man"),
        ("ad hominen", "ad hominem"),
        ("false dichotomy", "false dilemma"),
        ("an appeal to authority", "appeal to authority"),
    ],
)
def test_a_name_a_teacher_accepts_is_correct(typed: str, flaw: str) -> None:
    assert assess_flaw_name(typed, flaw).verdict is Verdict.CORRECT


@pytest.mark.parametrize(
    ("typed", "flaw", "verdict"),
    [
        ("This is not source bias at all.", "source bias", Verdict.CONTRADICTORY),
        ("slippery slope", "anecdote", Verdict.INCORRECT),
        ("anecdote, slippery slope, straw man, ad hominem", "anecdote", Verdict.INCORRECT),
        ("banana", "source bias", Verdict.INCORRECT),
        ("", "anecdote", Verdict.INCORRECT),
    ],
)
def test_a_wrong_denied_or_hedged_name_is_not_correct(
    typed: str, flaw: str, verdict: Verdict
) -> None:
    assert assess_flaw_name(typed, flaw).verdict is verdict


def test_a_map_flaw_outside_the_vocabulary_still_grades_by_its_own_name() -> None:
    assert assess_flaw_name("reification fallacy", "reification").verdict is Verdict.CORRECT
    assert assess_flaw_name("reificaton", "reification").verdict is Verdict.CORRECT
    assert accepted_names("reification") == ("reification",)


def test_synonyms_and_near_synonyms_are_never_wrong_options(tmp_path: Path) -> None:
    path = tmp_path / "flaws.yaml"
    flaws = [
        "anecdote",
        "hasty generalization",
        "sweeping generalisation",
        "slippery slope",
        "straw man",
        "Strawman",
        "source bias",
    ]
    claims = "\n".join(
        f"  - {{id: c{i}, text: Claim number {i} says something., kind: value, flaw: '{f}'}}"
        for i, f in enumerate(flaws)
    )
    relations = "\n".join(f"  - {{type: attack, from: c{i}, to: t}}" for i in range(len(flaws)))
    path.write_text(
        f"argmap: 1\nmap: {{id: f, title: Flaws, theses: [t]}}\nclaims:\n"
        f"  - {{id: t, text: The thesis., kind: policy}}\n{claims}\n"
        f"relations:\n{relations}\n",
        encoding="utf-8",
    )
    loaded = load_map(path)
    assert loaded.map is not None, loaded.diagnostics
    the_map: Map = loaded.map
    for seed in range(20):
        for claim in the_map.claims:
            q = FlawDrill().question(the_map, claim.id, random.Random(seed))
            if q is None or claim.flaw is None:
                continue
            for option in q.options:
                if not option.correct:
                    assert not same_or_related(claim.flaw, option.text), (claim.flaw, option)
    anecdote = FlawDrill().question(the_map, "c0", random.Random(0))
    assert anecdote is not None
    assert "hasty generalization" not in {o.text for o in anecdote.options}
    assert len(anecdote.options) == 4  # the other flaws are still offered


def test_check_warns_about_an_unknown_flaw_name_with_did_you_mean(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        "argmap: 1\nmap: {id: f, title: Flaws, theses: [t]}\nclaims:\n"
        "  - {id: t, text: The thesis., kind: policy}\n"
        "  - {id: a, text: One case., kind: value, flaw: hasty generalsation}\n"
        "  - {id: b, text: Another., kind: value, flaw: sweeping generalization}\n"
        "relations:\n  - {type: attack, from: a, to: t}\n"
        "  - {type: attack, from: b, to: t}\n",
        encoding="utf-8",
    )
    loaded = load_map(path).map
    assert loaded is not None
    found = [d for d in check_map(loaded) if d.code == "W404"]
    assert len(found) == 1  # a known synonym, in either spelling, is fine
    assert found[0].line == 5 and "hasty generalsation" in found[0].message
    assert "did you mean 'hasty generalisation'" in found[0].hint
    assert "docs/flaws.md" in found[0].hint
    # The drill still forgives the typo in a student's answer.
    assert find_flaw("hasty generalsation") is not None


def test_an_unknown_name_gets_close_suggestions_or_none() -> None:
    assert suggestions("red hering")[0] == "red herring"
    assert suggestions("xqzv") == []
    assert "W404" in (REPO / "docs" / "format.md").read_text(encoding="utf-8")
