"""Every model answer of the bundled maps, said as a student might say it, is never
graded contradictory or incorrect: a lead-in ("I think", "Well,", "Actually,"), a
"Because", no capitals or full stops, one word left out, a verdict on the other side
("so they are wrong", "The claim is mistaken, because ..."). These found misreadings:
"I think prevented wrongdoing ..." read "prevented" as a negator; "so the claim is
wrong" denied the whole sentence; "Actually, no source reports ..." lost its negated
subject; "the opposing side" denied "welcome"."""

from __future__ import annotations

import random
import re

import pytest

from argmap.bundled import resolve_map_path
from argmap.grading.batch import AnswerRow, grade_row, map_question, result_json
from argmap.loading import load_map


def variants(text: str, rnd: random.Random) -> dict[str, str]:
    lowered = text[0].lower() + text[1:]
    out = {
        "no capitals or stops": re.sub(r"[^\w\s',-]", "", text.lower()),
        "I think": "I think " + lowered,
        "Because": "Because " + lowered,
        "Well,": "Well, " + lowered,
        "a conclusion": text.rstrip(".") + ", so the claim fails.",
        "In my view,": "In my view, " + lowered,
        "Actually,": "Actually, " + lowered,
        "Yes,": "Yes, " + lowered,
        "a concession": "That sounds right, but " + lowered,
        "a verdict after": text.rstrip(".") + ", so they are wrong.",
        "a verdict before": "They are wrong: " + lowered,
        "a verdict of its own": text + " This shows the claim is wrong.",
        "I disagree": text.rstrip(".") + ", which is why I disagree.",
        "a dismissal after": text.rstrip(".") + ", so the claim is nonsense.",
        "a dismissal before": "The claim is a myth: " + lowered,
        "clearly wrong": text.rstrip(".") + ", so they are clearly wrong.",
        "a verdict with a reason": "The claim is mistaken, because " + lowered,
        "what the other side ignores": "The opposing side ignores that " + lowered,
        "really": re.sub(r"\b(is|are|can|will|would)\b", r"\1 really", text, count=1),
        "just": re.sub(r"\b(is|are)\b", r"\1 just", text, count=1),
    }
    words = text.split()
    if len(words) > 6:
        k = rnd.randrange(1, len(words) - 1)
        out["a word left out"] = " ".join(words[:k] + words[k + 1 :])
    return out


@pytest.mark.parametrize("name", ["face-at-the-door", "example-smart-locks"])
def test_a_model_answer_said_loosely_is_never_contradictory_or_incorrect(name: str) -> None:
    the_map = load_map(resolve_map_path(name)).map
    rnd = random.Random(1)
    wrong = []
    graded = 0
    for claim in the_map.claims_by_id:
        for drill in ("rebut", "support"):
            question = map_question(the_map, claim, drill)
            if isinstance(question, str):
                continue
            for ref in question.text_answers:
                for how, answer in variants(ref.text, rnd).items():
                    row = AnswerRow(line=1, answer=answer, claim=claim, drill=drill)
                    verdict = result_json(grade_row(row, the_map))["verdict"]
                    graded += 1
                    if verdict in ("contradictory", "incorrect"):
                        wrong.append(f"{claim}/{drill} ({how}): {verdict}: {answer}")
    assert graded >= 12  # (the example map has two typed answers)
    assert not wrong, "\n".join(wrong)
