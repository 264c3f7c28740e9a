"""`argmap check --grading`: a model answer the grader would not grade right (N510)."""

from __future__ import annotations

import json
from pathlib import Path

from argmap.bundled import resolve_map_path
from argmap.checking import check_map
from argmap.cli import main
from argmap.grading.model_answer_check import misgraded_model_answers
from argmap.loading import load_map

MISGRADED = Path(__file__).resolve().parents[1] / "data" / "model-answers" / "misgraded.yaml"


def test_a_model_answer_contradicting_its_own_key_point_is_noted() -> None:
    the_map = load_map(MISGRADED).map
    assert the_map is not None
    found = list(misgraded_model_answers(the_map))
    assert [(f.question_claim, f.drill, f.answer_claim, f.verdict) for f in found] == [
        ("control", "rebut", "security-work", "contradictory")
    ]
    assert any("Contradicted: not ordinary residents" in line for line in found[0].feedback)
    notes = [d for d in check_map(the_map, grading=True) if d.code == "N510"]
    assert [(d.line, d.col) for d in notes] == [(17, 7)]  # the key points of security-work
    assert "graded contradictory" in notes[0].message and notes[0].hint


def test_model_answers_are_graded_only_when_asked() -> None:
    the_map = load_map(MISGRADED).map
    assert the_map is not None
    assert not [d for d in check_map(the_map, notes=True) if d.code == "N510"]


def test_check_grading_prints_the_note_and_keeps_exit_zero(capsys) -> None:
    assert main(["check", "--grading", "--format", "json", str(MISGRADED)]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert [d["code"] for d in payload["diagnostics"]] == ["N510"]
    assert payload["notes"] == 1
    # Without the flag the note is neither computed nor shown.
    assert main(["check", "--format", "json", str(MISGRADED)]) == 0
    assert json.loads(capsys.readouterr().out)["diagnostics"] == []


def test_every_bundled_model_answer_passes() -> None:
    for name in ("face-at-the-door", "example-smart-locks"):
        the_map = load_map(resolve_map_path(name)).map
        assert the_map is not None
        assert list(misgraded_model_answers(the_map)) == []
