"""Comparisons: "X <comparative> than Y" read as sides, scale and direction, and a
comparison the other way graded as a contradiction."""

from __future__ import annotations

import pytest

from argmap.grading.comparison import Comparison, comparisons, reverses_a_comparison
from argmap.grading.grader import assess
from argmap.grading.language import analyse
from argmap.grading.verdicts import PointState, Reference, Verdict
from argmap.model import KeyPoint

MODEL = "An automatic gate will cost less to run than staff checking every tenant."
ALTERNATIVES = [frozenset({"guard", "staff"})]


def test_a_comparison_gives_its_sides_scale_and_direction() -> None:
    assert comparisons(analyse(MODEL)) == [
        Comparison(
            frozenset({"automatic", "gate"}),
            "expensive",
            -1,
            frozenset({"staff", "check", "tenant"}),
        )
    ]
    (cheaper,) = comparisons(analyse("Face gates are far cheaper than guards."))
    assert (cheaper.scale, cheaper.direction) == ("cheap", 1)
    (denied,) = comparisons(analyse("The gate is not cheaper than staff."))
    assert denied.direction == -1


@pytest.mark.parametrize(
    ("answer", "reversed_"),
    [
        ("Guards cost less than face gates.", True),  # the sides swapped
        ("Running the face gates costs far more than paying guards.", True),  # the scale
        ("Guards are cheaper than automatic gates.", True),  # opposite scale, swapped
        ("The gate is not cheaper than staff.", True),  # denied
        ("Face gates cost less than guards.", False),
        ("An automatic gate is cheaper than staff.", False),
        ("Staff are more expensive than the gate.", False),  # both swapped: agrees
        ("The gate costs more to install than a lock.", False),  # another comparison
        ("The gate costs a lot.", False),  # no comparison at all
    ],
)
def test_a_comparison_the_other_way_is_reversed(answer: str, reversed_: bool) -> None:
    assert reverses_a_comparison(analyse(answer), analyse(MODEL), ALTERNATIVES) is reversed_


def test_a_reversed_comparison_is_graded_contradictory_and_says_why() -> None:
    ref = Reference(MODEL, (KeyPoint("cheaper than staff", ("guards", "staff", "wages")),))
    graded = assess("Guards are cheaper than face gates.", [ref])
    assert graded.verdict is Verdict.CONTRADICTORY
    assert [p.state for p in graded.points] == [PointState.CONTRADICTED]
    assert any("compares these the other way" in line for line in graded.feedback)
    assert assess("Face gates are cheaper than guards.", [ref]).verdict is not Verdict.CONTRADICTORY
