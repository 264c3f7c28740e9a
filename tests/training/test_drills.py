"""Question generation: fair options, really wrong distractors, nothing invented."""

from __future__ import annotations

import dataclasses
import random

import pytest

from argmap.model import Map
from argmap.sides import sides
from argmap.training.choices import LENGTH_RATIO, answers_to, balanced_length
from argmap.training.drills import (
    FlawDrill,
    RebutDrill,
    SourceDrill,
    SupportDrill,
    _support_closure,
    evidence_label,
    source_label,
)
from argmap.training.questions import Question

SEEDS = range(25)
PLAIN_DRILLS = (RebutDrill(), SupportDrill(), SourceDrill(), FlawDrill())


def questions(the_map: Map, drill, seeds=SEEDS) -> list[Question]:
    out = []
    for target in drill.targets(the_map):
        for seed in seeds:
            q = drill.question(the_map, target, random.Random(seed))
            assert q is not None
            out.append(q)
    return out


def map_texts(the_map: Map) -> set[str]:
    """Every text an option may legitimately carry: nothing else may appear."""
    texts = {c.text for c in the_map.claims}
    texts |= {c.flaw for c in the_map.claims if c.flaw}
    texts |= {evidence_label(the_map, e) for c in the_map.claims for e in c.evidence}
    texts |= {source_label(the_map, s.id) for s in the_map.sources}
    return texts


@pytest.mark.parametrize("drill", PLAIN_DRILLS, ids=lambda d: str(d.kind))
def test_every_drill_has_targets_in_the_test_map(drill, drill_map: Map) -> None:
    assert drill.targets(drill_map)


@pytest.mark.parametrize("drill", PLAIN_DRILLS, ids=lambda d: str(d.kind))
def test_options_are_unique_with_exactly_one_correct_and_from_the_map(
    drill, drill_map: Map, example_map: Map, bundled_map: Map
) -> None:
    for the_map in (drill_map, example_map, bundled_map):
        allowed = map_texts(the_map)
        for q in questions(the_map, drill):
            texts = [" ".join(o.text.casefold().split()) for o in q.options]
            assert len(texts) == len(set(texts)), q
            assert q.options == () or len(q.options) >= 2
            assert q.options == () or sum(o.correct for o in q.options) == 1
            assert q.options or q.accepts_text
            assert all(o.text in allowed for o in q.options), q
            assert len(q.options) <= 4


@pytest.mark.parametrize("drill", PLAIN_DRILLS, ids=lambda d: str(d.kind))
def test_option_lengths_are_balanced(drill, drill_map: Map) -> None:
    for q in questions(drill_map, drill):
        right = next((o for o in q.options if o.correct), None)
        ratio = 3.0 if drill.kind == "source" else LENGTH_RATIO
        for o in q.options:
            assert balanced_length(right.text, o.text, ratio), (right.text, o.text)


def test_rebut_distractors_are_wrong_per_the_map(drill_map: Map) -> None:
    for q in questions(drill_map, RebutDrill()):
        fair = answers_to(drill_map, q.claim_id)
        attackers = {s for r in drill_map.attackers(q.claim_id) for s in r.sources}
        right = [o for o in q.options if o.correct]
        assert right and right[0].claim_id in attackers
        for o in q.options:
            if not o.correct:
                assert o.claim_id not in fair and o.claim_id not in attackers


def test_a_claim_marked_also_answers_is_never_a_wrong_option(drill_map: Map) -> None:
    # forms-unread attacks students-consent (theme rights, same side as slippery) and
    # says it also answers slippery: without that it would be a distractor for slippery.
    def offered(the_map: Map) -> set[str]:
        return {
            o.claim_id
            for seed in SEEDS
            for o in RebutDrill().question(the_map, "slippery", random.Random(seed)).options
            if not o.correct
        }

    assert "forms-unread" not in offered(drill_map)
    unmarked = dataclasses.replace(
        drill_map, claims=tuple(dataclasses.replace(c, also_answers=()) for c in drill_map.claims)
    )
    assert "forms-unread" in offered(unmarked)
    assert "forms-unread" in answers_to(drill_map, "slippery")
    assert "slippery" in answers_to(drill_map, "forms-unread")


def test_distractors_never_argue_against_the_targets_side(drill_map: Map) -> None:
    for q in questions(drill_map, RebutDrill()):
        side = sides(drill_map, "ban")
        for o in q.options:
            if not o.correct:
                assert side[o.claim_id] == side[q.claim_id], (q.claim_id, o.claim_id)


def test_rebut_distractors_come_from_supporters_and_same_theme_attackers(drill_map: Map) -> None:
    for q in questions(drill_map, RebutDrill()):
        target = drill_map.claim(q.claim_id)
        supporters = {s for r in drill_map.supporters(q.claim_id) for s in r.sources}
        for o in q.options:
            if o.correct:
                continue
            same_theme_attacker = any(
                o.claim_id in r.sources
                for other in drill_map.claims
                if set(other.themes) & set(target.themes)
                for r in drill_map.attackers(other.id)
            )
            assert o.claim_id in supporters or same_theme_attacker


def test_support_distractors_never_back_the_claim(drill_map: Map) -> None:
    for q in questions(drill_map, SupportDrill()):
        backing = _support_closure(drill_map, q.claim_id)
        own = {evidence_label(drill_map, e) for c in backing for e in drill_map.claim(c).evidence}
        if not q.options:  # typed only: the claim has supporters but no quote to pick
            assert q.text_answers and not drill_map.claim(q.claim_id).evidence
            continue
        right = [o for o in q.options if o.correct]
        assert right[0].text in {
            evidence_label(drill_map, e) for e in drill_map.claim(q.claim_id).evidence
        }
        assert all(o.text not in own for o in q.options if not o.correct)


def test_source_check_names_the_quotes_source(drill_map: Map) -> None:
    for q in questions(drill_map, SourceDrill()):
        claim = drill_map.claim(q.claim_id)
        ev = next(e for e in claim.evidence if e.quote == q.subject)
        right = next(o for o in q.options if o.correct)
        assert right.text == source_label(drill_map, ev.source)
        assert "(" in right.text  # the kind of outlet is part of the answer


def test_flaw_options_are_the_maps_flaw_names_and_typing_is_accepted(drill_map: Map) -> None:
    qs = questions(drill_map, FlawDrill())
    assert {q.claim_id for q in qs} == {"teachers-only", "one-story", "slippery"}
    for q in qs:
        right = next(o for o in q.options if o.correct)
        assert right.text == drill_map.claim(q.claim_id).flaw
        assert q.accepts_text


def test_options_are_shuffled_by_the_seed(drill_map: Map) -> None:
    positions = {
        next(i for i, o in enumerate(q.options) if o.correct)
        for q in questions(drill_map, RebutDrill(), seeds=range(40))
        if q.claim_id == "ban"
    }
    assert len(positions) >= 3
    a = RebutDrill().question(drill_map, "ban", random.Random(7))
    b = RebutDrill().question(drill_map, "ban", random.Random(7))
    assert a == b


def test_fewer_options_rather_than_invented_ones(example_map: Map) -> None:
    # With one reason for locks left, rebutting it has one fair distractor only.
    keep = {"r-photos", "support:locks-stop-strangers->locks"}
    relations = tuple(r for r in example_map.relations if r.id in keep)
    m = dataclasses.replace(example_map, relations=relations)
    q = RebutDrill().question(m, "locks", random.Random(0))
    assert q is not None and len(q.options) == 2
    assert {o.claim_id for o in q.options} == {"photos-collected", "locks-stop-strangers"}


def test_every_question_explains_itself(drill_map: Map) -> None:
    for drill in PLAIN_DRILLS:
        for q in questions(drill_map, drill, seeds=range(3)):
            exp = q.explanation
            assert exp.model_answer
            assert exp.location and exp.location[-1].claim_id == "ban"
            assert exp.open_claim in drill_map.claims_by_id
    q = RebutDrill().question(drill_map, "distraction", random.Random(0))
    assert q.explanation.why == drill_map.relation("r-teachers").why


def test_map_text_that_looks_like_markup_is_kept_verbatim(drill_map: Map) -> None:
    q = SupportDrill().question(drill_map, "rights-limited", random.Random(0))
    assert q.subject == "Schools already limit what students may bring: [b]knives[/b] and alcohol."
