"""Sides by path parity, and the switch-sides drill that uses them."""

from __future__ import annotations

import random

import pytest

from argmap.model import Map
from argmap.sides import sides
from argmap.training.drills import SwitchSidesDrill


def test_sides_follow_the_parity_of_supports_and_attacks(drill_map: Map) -> None:
    side = sides(drill_map, "ban")
    assert {c for c, s in side.items() if s == "pro"} == {
        "ban",
        "distraction",
        "office-phone",
        "rights-limited",
        "students-consent",
        "focus-grades",
    }
    assert {c for c, s in side.items() if s == "con"} == {
        "teachers-only",
        "emergencies",
        "one-story",
        "slippery",
        "forms-unread",
    }


def test_an_undercut_argues_against_the_link_it_cuts(example_map: Map) -> None:
    side = sides(example_map, "locks")
    assert side["feels-safer"] == "pro"
    assert side["state-voice"] == "con"  # cuts a support of the thesis


@pytest.mark.parametrize("argue", ["pro", "con"])
def test_switch_sides_asks_you_to_answer_the_side_you_agree_with(
    argue: str, drill_map: Map
) -> None:
    drill = SwitchSidesDrill(argue)
    side = sides(drill_map, "ban")
    targets = drill.targets(drill_map)
    assert targets
    for claim_id in targets:
        assert side[claim_id] != argue  # a claim of the side you agree with
        for seed in range(10):
            q = drill.question(drill_map, claim_id, random.Random(seed))
            assert argue.upper() in q.prompt
            right = next(o for o in q.options if o.correct)
            assert side[right.claim_id] == argue  # the answer argues your assigned side
            for o in q.options:
                if not o.correct:
                    assert side[o.claim_id] != argue


def test_switch_sides_needs_a_side() -> None:
    with pytest.raises(ValueError):
        SwitchSidesDrill("maybe")


def test_sides_agree_with_the_analysis(drill_map: Map, example_map: Map, bundled_map: Map) -> None:
    from argmap.analysis import analyse_map

    for the_map in (drill_map, example_map, bundled_map):
        result = analyse_map(the_map)
        for thesis in the_map.theses:
            theirs = {c: str(s) for c, s in result.structure.theses[thesis].sides.items()}
            assert dict(sides(the_map, thesis)) == theirs
