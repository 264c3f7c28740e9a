"""The explorer reads the analysis API's results (as docs/analysis.md documents them).

These tests feed `from_analysis` and `with_what_if` objects shaped like
`MapAnalysis` and `WhatIfResult`, so the reading is checked even before (and
independently of) the analysis itself.
"""

from __future__ import annotations

import pickle
from types import SimpleNamespace

from argmap.view_model import (
    MARK_REJECTED,
    ClaimRows,
    from_analysis,
    unavailable,
    with_what_if,
)
from tests.tui.support import EXAMPLE, load


def fake_map_analysis(theses: dict[str, dict[str, str]]) -> SimpleNamespace:
    claims = {cid for sides in theses.values() for cid in sides}
    structure = SimpleNamespace(
        theses={t: SimpleNamespace(sides=sides) for t, sides in theses.items()},
        unanswered=("feels-safer", "state-voice"),
        pivotal=(("photos-collected", 0.42), ("data-protected", 0.1)),
    )
    return SimpleNamespace(
        structure=structure,
        grounded={cid: ("out" if cid == "photos-collected" else "in") for cid in claims},
        acceptance={
            "locks": SimpleNamespace(
                credulous=frozenset({"preferred", "grounded"}), sceptical=frozenset({"grounded"})
            ),
            "photos-collected": SimpleNamespace(credulous=frozenset(), sceptical=frozenset()),
        },
        strength={cid: 0.25 for cid in claims},
        strength_effects={t: {"photos-collected": -0.42, "data-protected": 0.105} for t in theses},
        extensions_capped=frozenset(),
        cruxes={
            "locks": (
                SimpleNamespace(
                    claim="photos-collected",
                    flips_grounded=True,
                    flips_preferred=False,
                    strength_delta=0.3,
                ),
                SimpleNamespace(
                    claim="data-protected",
                    flips_grounded=False,
                    flips_preferred=False,
                    strength_delta=-0.125,
                ),
            )
        },
    )


def test_claim_facts_views_and_sides_are_read_from_the_analysis() -> None:
    the_map = load(EXAMPLE)
    view = from_analysis(
        the_map,
        fake_map_analysis(
            {"locks": {"locks": "pro", "photos-collected": "con", "data-protected": "both"}}
        ),
    )
    locks = view.claim("locks")
    assert locks is not None
    assert locks.side == "pro" and locks.label == "in" and locks.strength == 0.25
    assert locks.acceptance == "sceptically under grounded; credulously under preferred"
    photos = view.claim("photos-collected")
    assert photos is not None and photos.crux and photos.pivotal and photos.label == "out"
    assert photos.acceptance == "not accepted under any semantics"
    assert photos.acceptance_words == "accepted in no reasonable reading of the map"
    assert locks.acceptance_words == "accepted in some readings of the map, not in others"
    assert photos.contribution == 0.42 and photos.share == 1.0
    assert view.claim("elderly-checks").side == "not connected to a thesis"  # type: ignore[union-attr]
    assert view.sides == {"locks": "pro", "photos-collected": "con", "data-protected": "both"}
    assert view.views["cruxes"] == [
        ("photos-collected", "[flips grounded]"),
        ("data-protected", "[Δ-0.12]"),
    ]
    assert view.views["pivotal"] == [
        ("photos-collected", "[1.00 ↑]"),
        ("data-protected", "[0.25 ↓]"),
    ]
    assert view.views["unanswered"] == [("feels-safer", ""), ("state-voice", "")]
    assert view.views["flaws"] == [("feels-safer", "[anecdote]")]
    assert view.badges()["photos-collected"].label == "falls"


def test_several_theses_name_the_thesis_of_each_side() -> None:
    the_map = load(EXAMPLE)
    view = from_analysis(
        the_map,
        fake_map_analysis(
            {"locks": {"photos-collected": "con"}, "data-protected": {"photos-collected": "pro"}}
        ),
    )
    photos = view.claim("photos-collected")
    assert photos is not None
    assert photos.side == "con (of locks); pro (of data-protected)"
    assert view.sides["photos-collected"] == "both"  # the theses disagree (argmap.sides)


def test_what_if_replaces_labels_and_strengths_and_marks_claims() -> None:
    the_map = load(EXAMPLE)
    base = from_analysis(the_map, fake_map_analysis({"locks": {"locks": "pro"}}))
    result = SimpleNamespace(grounded={"locks": "out"}, strength={"locks": 0.0})
    view = with_what_if(base, result)
    locks = view.claim("locks", rejected={"locks"})
    assert locks is not None
    assert (locks.label, locks.strength, locks.mark) == ("out", 0.0, MARK_REJECTED)
    assert view.what_if and not base.what_if
    assert view.badges(rejected={"locks"})["locks"].mark == MARK_REJECTED


def test_without_the_analysis_flaws_are_still_listed() -> None:
    view = unavailable(load(EXAMPLE))
    assert not view.available
    assert view.views == {"flaws": [("feels-safer", "[anecdote]")]}
    assert view.claim("locks").status == "unavailable"  # type: ignore[union-attr]


def test_a_view_pickles_compactly_and_reads_back_the_same() -> None:
    # The analysis process sends its views pickled; repeated strings go once, as tuples.
    the_map = load(EXAMPLE)
    base = from_analysis(
        the_map,
        fake_map_analysis(
            {"locks": {"locks": "pro", "photos-collected": "con", "data-protected": "con"}}
        ),
    )
    view = with_what_if(base, SimpleNamespace(grounded={"locks": "out"}, strength={}))
    for original in (base, view):
        copy = pickle.loads(pickle.dumps(original))
        assert isinstance(copy.claims, ClaimRows)
        assert copy == original
        assert dict(copy.claims) == dict(original.claims)
        assert copy.claim("locks", rejected={"locks"}) == original.claim(
            "locks", rejected={"locks"}
        )
        assert copy.badges()["locks"] == original.badges()["locks"]
        rows = copy.claims.rows
        assert rows["photos-collected"][0] is rows["data-protected"][0] == "con"
        assert copy.sides["photos-collected"] is copy.sides["data-protected"]
    assert pickle.loads(pickle.dumps(view)).what_if
