"""The support drill's typed answers: the single-premise supporters with key points."""

from __future__ import annotations

import random

from argmap.model import Map, RelationType
from argmap.training.drills import SupportDrill, support_answers


def expected(the_map: Map, target: str) -> set[str]:
    """Straight from the definition: one-premise supports into `target` with key points."""
    return {
        rel.sources[0]
        for rel in the_map.incoming.get(target, ())
        if rel.type is RelationType.SUPPORT
        and len(rel.sources) == 1
        and rel.sources[0] != target
        and the_map.claim(rel.sources[0]).key_points
    }


def test_text_answers_are_exactly_the_single_premise_supporters_with_key_points(
    drill_map: Map, example_map: Map, bundled_map: Map
) -> None:
    typed_only = 0
    for the_map in (drill_map, example_map, bundled_map):
        for claim in the_map.claims:
            want = expected(the_map, claim.id)
            assert {t.claim_id for t in support_answers(the_map, claim.id)} == want
            q = SupportDrill().question(the_map, claim.id, random.Random(1))
            if not want:
                assert q is None or not q.accepts_text
                continue
            assert q is not None, claim.id  # supporters with key points: always a question
            assert {t.claim_id for t in q.text_answers} == want
            if not claim.evidence:
                typed_only += 1
                assert q.options == () and "support this claim" in q.prompt
                assert q.explanation.open_claim in want  # the model answer is a supporter
    assert typed_only >= 2


def test_a_claim_with_evidence_and_typed_supporters_offers_both(bundled_map: Map) -> None:
    both = [
        q
        for c in bundled_map.claims
        if (q := SupportDrill().question(bundled_map, c.id, random.Random(0))) is not None
        and q.options
        and q.accepts_text
    ]
    assert both
    assert all("type, in your own words" in q.prompt for q in both)
