"""The grader against teachers' labels, for each corpus as a whole.

Issue 14's targets for our corpora (tests/data/grading, labelled before the
grader saw them) are ≥ 90 % agreement, no contradictory answer graded
correct and ≤ 5 % of correct answers graded incorrect or contradictory. The
grader does not reach them all yet (docs/benchmarks.md has the figures), so
these tests hold the floors it does reach (`FLOORS`): a change that makes it
worse fails the build, and each failure lists the rows. They hold for a whole
corpus, not per row: one disputed row must not fail the build. The SemEval
figures run only with ARGMAP_SEMEVAL=1 (they grade 8,910 rows);
benchmarks/bench_grading.py prints everything against the issue's targets.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from grading_corpora import (  # noqa: E402
    CORPORA,
    FLOORS,
    MAX_CORRECT_LOST,
    MIN_AGREEMENT,
    MIN_SEMEVAL_CONTRADICTORY_F1,
    MIN_SEMEVAL_MACRO_F1,
    OUR_LABELS,
    OURS,
    Corpus,
    Scores,
    as_label,
    corpus,
    expected,
    load_corpus_map,
    read_rows,
    scores,
)

from argmap.grading.batch import AnswerRow, GradedRow, grade_row, map_question  # noqa: E402

KINDS = {
    "close",
    "paraphrase",
    "partial",
    "long-negation",
    "short-negation",
    "self-contradiction",
    "one-word",
    "keyword-salad",
    "gibberish",
    "off-topic",
    "wrong-side",
    "padded",
    "typos",
    "example",
    "spelling",
}

Graded = tuple[tuple[AnswerRow, str], ...]  # each row with the grader's label


@functools.cache
def graded(name: str) -> Graded:
    """Every row of a corpus graded once (cached: several tests read the same grades)."""
    c = corpus(name)
    the_map = load_corpus_map(c)
    out = []
    for row in read_rows(c):
        result = grade_row(row, the_map)
        assert isinstance(result, GradedRow), f"{c.path}:{row.line}: {result.reason}"
        out.append((row, as_label(result.assessment.verdict.value, c)))
    return tuple(out)


def score(c: Corpus) -> Scores:
    return scores(c, [(expected(row), got) for row, got in graded(c.name)])


def listing(rows: list[tuple[AnswerRow, str]]) -> str:
    """The disagreeing rows, one a line: id, expected, got, answer."""
    return "\n".join(
        f"  {row.id}  expected {expected(row)}, got {got}: {row.answer}" for row, got in rows
    )


ours = pytest.mark.parametrize("c", OURS, ids=[c.name for c in OURS])


@ours
def test_verdicts_agree_with_the_teacher(c: Corpus) -> None:
    s = score(c)
    floor = FLOORS[c.name]["agreement"]
    wrong = [(row, got) for row, got in graded(c.name) if got != expected(row)]
    if s.accuracy < floor:
        pytest.fail(
            f"{c.name}: the grader agrees on {s.accuracy:.1%} of {s.n} rows, "
            f"below its floor {floor:.0%} (target {MIN_AGREEMENT:.0%}); "
            f"{len(wrong)} disagree:\n{listing(wrong)}"
        )


@ours
def test_no_contradictory_answer_is_graded_correct(c: Corpus) -> None:
    bad = [
        (row, got)
        for row, got in graded(c.name)
        if expected(row) == "contradictory" and got == "correct"
    ]
    if len(bad) > FLOORS[c.name]["contradictory_correct"]:
        pytest.fail(
            f"{c.name}: {len(bad)} contradictory answers graded correct (floor "
            f"{FLOORS[c.name]['contradictory_correct']:.0f}, target 0):\n"
            f"{listing(bad)}"
        )


@ours
def test_correct_answers_are_rarely_graded_wrong(c: Corpus) -> None:
    s = score(c)
    lost = [
        (row, got)
        for row, got in graded(c.name)
        if expected(row) == "correct" and got in ("incorrect", "contradictory")
    ]
    share = s.share("correct", ("incorrect", "contradictory"))
    if share > FLOORS[c.name]["correct_lost"]:
        pytest.fail(
            f"{c.name}: {share:.1%} of correct answers graded incorrect or "
            f"contradictory, above its floor {FLOORS[c.name]['correct_lost']:.0%} "
            f"(target {MAX_CORRECT_LOST:.0%}):\n{listing(lost)}"
        )


@ours
def test_every_row_asks_a_question_the_map_can_grade(c: Corpus) -> None:
    """So the corpus stays valid when the map changes: the claim is there, with model answers."""
    the_map = load_corpus_map(c)
    assert the_map is not None
    problems = []
    for row in read_rows(c):
        assert row.claim is not None and row.drill in ("rebut", "support"), row
        if row.claim not in the_map.claims_by_id:
            problems.append(f"{row.id}: no claim {row.claim!r} in the map")
            continue
        question = map_question(the_map, row.claim, row.drill)
        if isinstance(question, str) or not question.text_answers:
            problems.append(f"{row.id}: no model answer to {row.drill} {row.claim!r}")
    assert not problems, "\n".join(problems)


@ours
def test_rows_are_well_formed(c: Corpus) -> None:
    """Each row has a unique id, a known label and kind, and a line of why."""
    lines = [
        json.loads(line) for line in c.path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    ids = Counter(r["id"] for r in lines)
    assert not [i for i, n in ids.items() if n > 1], "duplicate ids"
    for r in lines:
        assert r["expected"] in OUR_LABELS, r
        assert r["kind"] in KINDS, r
        assert r["why"].strip() and r["answer"].strip(), r


def test_the_corpora_cover_what_the_issue_asks() -> None:
    """≥ 400 answers, ≥ 60 claims, both drills and every kind of answer, each label present."""
    rows = [row for c in OURS for row in read_rows(c)]
    claims = {(c.name, row.claim) for c in OURS for row in read_rows(c)}
    assert len(rows) >= 400
    assert len(claims) >= 60
    assert {row.drill for row in rows} == {"rebut", "support"}
    assert {row.extra["kind"] for row in rows} == KINDS
    labels = Counter(expected(row) for row in rows)
    assert all(labels[label] >= 0.15 * len(rows) for label in OUR_LABELS), labels


SEMEVAL = [c for c in CORPORA if not c.ours]


@pytest.mark.skipif(
    os.environ.get("ARGMAP_SEMEVAL") != "1",
    reason="grades 8,910 SemEval rows; set ARGMAP_SEMEVAL=1 to run",
)
@pytest.mark.parametrize("c", SEMEVAL, ids=[c.name for c in SEMEVAL])
def test_semeval_three_way(c: Corpus) -> None:
    s = score(c)
    macro, contradictory = s.macro_f1, s.f1("contradictory")
    floor = FLOORS[c.name]
    if macro < floor["macro_f1"] or contradictory < floor["contradictory_f1"]:
        pytest.fail(
            f"{c.name}, {s.n} rows: 3-way macro-F1 {macro:.3f} (target "
            f"{MIN_SEMEVAL_MACRO_F1}), contradictory F1 {contradictory:.3f} (target "
            f"{MIN_SEMEVAL_CONTRADICTORY_F1}); confusion (expected: graded) "
            f"{s.confusion()}"
        )
