"""Crux hunt: graded by the cruxes its `CruxSource` gives (a stand-in here, the real
search when present); the session hands the drill the source it was given."""

from __future__ import annotations

import random
from typing import NamedTuple

from argmap.model import Map
from argmap.training import drills
from argmap.training.drills import CruxDrill, CruxesUnavailable, in_process_cruxes


class Crux(NamedTuple):
    claim: str
    flips_grounded: bool
    flips_preferred: bool
    strength_delta: float


def test_the_right_answer_is_a_claim_that_flips_the_thesis(drill_map: Map) -> None:
    cruxes = (
        Crux("distraction", True, True, -0.4),
        Crux("students-consent", False, True, -0.2),
        Crux("slippery", False, False, 0.05),
    )
    drill = CruxDrill(lambda m, t: cruxes)
    assert drill.targets(drill_map) == ["ban"]
    rights = set()
    for seed in range(20):
        q = drill.question(drill_map, "ban", random.Random(seed))
        right = [o for o in q.options if o.correct]
        assert len(right) == 1 and right[0].claim_id in {"distraction", "students-consent"}
        rights.add(right[0].claim_id)
        wrong = {o.claim_id for o in q.options if not o.correct}
        assert not wrong & {"distraction", "students-consent", "ban"}
        assert "flip" in q.prompt and "Strength change" in q.explanation.why
    assert rights == {"distraction", "students-consent"}


def test_without_a_flip_the_claim_that_weakens_most_is_right(drill_map: Map) -> None:
    cruxes = (
        Crux("emergencies", False, False, 0.3),
        Crux("slippery", False, False, 0.2),
        Crux("distraction", False, False, -0.1),
    )
    q = CruxDrill(lambda m, t: cruxes).question(drill_map, "ban", random.Random(0))
    assert "weaken" in q.prompt
    assert next(o for o in q.options if o.correct).claim_id == "emergencies"
    # Claims with more than half the top effect are too close to call: never wrong options.
    assert "slippery" not in {o.claim_id for o in q.options}


def test_a_thesis_is_a_target_before_its_analysis_runs(drill_map: Map) -> None:
    """Eligibility is cheap (a thesis with claims connected to it); a thesis
    whose analysis finds no crux gives no question when its card comes up."""
    asked: list[str] = []
    drill = CruxDrill(lambda m, t: asked.append(t) or ())
    assert drill.targets(drill_map) == ["ban"]
    assert asked == []  # deciding the targets ran no analysis
    assert drill.question(drill_map, "ban", random.Random(0)) is None
    assert asked == ["ban"]


def test_a_thesis_nothing_reaches_is_no_target() -> None:
    from argmap.loading import load_map_text

    lone = load_map_text(
        "argmap: 1\nmap: {id: m, title: M, theses: [t]}\n"
        "claims:\n  - {id: t, text: A thesis alone, kind: policy}\n"
    ).map
    assert lone is not None
    assert CruxDrill().targets(lone) == []


def test_the_session_asks_its_crux_source_only_for_crux_cards(drill_map: Map) -> None:
    from argmap.training.session import DrillSession, SessionOptions

    asked: list[tuple[Map, str]] = []

    def source(the_map: Map, thesis: str) -> tuple[Crux, ...]:
        asked.append((the_map, thesis))
        return ()

    session = DrillSession(
        drill_map, None, SessionOptions(mode="mixed", seed=3, count=100), cruxes=source
    )
    assert asked == []
    crux_cards = [c for c in session.plan if c.drill == "crux"]
    assert crux_cards
    while session.next_question() is not None:
        pass
    assert asked == [(drill_map, c.claim_id) for c in crux_cards]


def test_with_the_real_analysis(drill_map: Map) -> None:
    from argmap.analysis import analyse_map

    result = analyse_map(drill_map)
    assert in_process_cruxes(drill_map, "ban") == result.cruxes["ban"]
    flipping = {
        c.claim for c in result.cruxes.get("ban", ()) if c.flips_grounded or c.flips_preferred
    }
    for claim_id in CruxDrill().targets(drill_map):
        q = CruxDrill().question(drill_map, claim_id, random.Random(0))
        right = next(o for o in q.options if o.correct)
        if flipping:
            assert right.claim_id in flipping
            assert not {o.claim_id for o in q.options if not o.correct} & flipping


def test_without_a_source_the_session_searches_the_cruxes_itself(drill_map: Map) -> None:
    """The plain mode's way: the default source is the search in the calling thread."""
    from argmap.training.session import DrillSession, SessionOptions

    session = DrillSession(drill_map, None, SessionOptions(mode="crux", seed=0))
    drill = session.drills[drills.DrillKind.CRUX]
    assert isinstance(drill, CruxDrill) and drill.cruxes is in_process_cruxes
    question = session.next_question()
    assert question is not None
    flipping = {c.claim for c in in_process_cruxes(drill_map, "ban") if c.flips_grounded}
    assert next(o.claim_id for o in question.options if o.correct) in flipping


def test_a_source_that_fails_leaves_the_card_out_and_says_why(drill_map: Map) -> None:
    from argmap.training.session import DrillSession, SessionOptions

    def broken(the_map: Map, thesis: str) -> tuple[Crux, ...]:
        raise CruxesUnavailable("the analysis of the map failed (it crashed)")

    session = DrillSession(
        drill_map, None, SessionOptions(mode="mixed", seed=3, count=100), cruxes=broken
    )
    crux_cards = [c for c in session.plan if c.drill == "crux"]
    assert crux_cards
    asked = []
    while (q := session.next_question()) is not None:
        asked.append(q.drill)
    assert drills.DrillKind.CRUX not in asked
    assert len(asked) == len(session.plan) - len(crux_cards)  # every other card was asked
    assert session.left_out == [
        "A crux question was left out: the analysis of the map failed (it crashed)"
    ] * len(crux_cards)


def test_the_plain_mode_says_why_a_card_was_left_out(drill_map: Map) -> None:
    import io

    from argmap.training.plain import run_plain
    from argmap.training.session import DrillSession, SessionOptions

    def broken(the_map: Map, thesis: str) -> tuple[Crux, ...]:
        raise CruxesUnavailable("the analysis of the map failed (no child)")

    session = DrillSession(drill_map, None, SessionOptions(mode="crux"), cruxes=broken)
    out = io.StringIO()
    assert run_plain(session, io.StringIO(""), out) == 0
    text = out.getvalue()
    assert "A crux question was left out: the analysis of the map failed (no child)" in text
    assert "Question 1" not in text
