"""The labelled answer corpora that `argmap grade` is measured on, and how to score it.

Shared by `bench_grading.py` (which prints the figures) and
`tests/training/test_grading_corpus.py` (which holds the grader to issue 14's
thresholds), so the test and the benchmark count the same way. Rows are read
and graded only through the batch API of `argmap grade`
(`argmap.grading.batch`): the figures are those a teacher would get.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from argmap.grading.batch import AnswerRow, read_answers
from argmap.loading import load_map
from argmap.model import Map

ROOT = Path(__file__).resolve().parent.parent
GRADING = ROOT / "tests" / "data" / "grading"
SEMEVAL = ROOT / "tests" / "data" / "semeval2013-sra"

OUR_LABELS = ("correct", "partial", "contradictory", "incorrect")
SEMEVAL_LABELS = ("correct", "contradictory", "incorrect")
# Beetle references good enough to be a correct answer on their own.
GOOD_REFERENCES = ("BEST", "GOOD")


@dataclass(frozen=True)
class Corpus:
    """One labelled corpus: where its rows are, the map they need, its labels."""

    name: str
    path: Path
    map_path: Path | None  # None: every row carries its own reference
    labels: tuple[str, ...]

    @property
    def ours(self) -> bool:
        """Our own corpus (four verdicts, a `kind` per row), not SemEval's."""
        return self.map_path is not None


CORPORA = (
    Corpus(
        "face-at-the-door",
        GRADING / "face-at-the-door.jsonl",
        ROOT / "arguments" / "face-at-the-door.yaml",
        OUR_LABELS,
    ),
    Corpus(
        "face-at-the-door-dev",
        GRADING / "face-at-the-door-dev.jsonl",
        ROOT / "arguments" / "face-at-the-door.yaml",
        OUR_LABELS,
    ),
    Corpus(
        "example-smart-locks",
        GRADING / "example-smart-locks.jsonl",
        ROOT / "arguments" / "example-smart-locks.yaml",
        OUR_LABELS,
    ),
    Corpus("sciEntsBank", SEMEVAL / "sciEntsBank-3way-train.jsonl", None, SEMEVAL_LABELS),
    Corpus("beetle", SEMEVAL / "beetle-3way-train.jsonl", None, SEMEVAL_LABELS),
)
OURS = tuple(c for c in CORPORA if c.ours)


def corpus(name: str) -> Corpus:
    for c in CORPORA:
        if c.name == name:
            return c
    raise KeyError(f"unknown corpus {name!r}; one of: {', '.join(c.name for c in CORPORA)}")


def load_corpus_map(c: Corpus) -> Map | None:
    if c.map_path is None:
        return None
    result = load_map(c.map_path)
    assert result.map is not None and result.ok, result.diagnostics
    return result.map


def expected(row: AnswerRow) -> str:
    """The row's label: `expected` in our corpora, `label` in SemEval's."""
    value = row.extra.get("expected", row.extra.get("label"))
    assert isinstance(value, str), f"line {row.line}: no label"
    return value


def read_rows(c: Corpus, limit: int | None = None) -> list[AnswerRow]:
    """The corpus's rows through `read_answers`; Beetle's graded against BEST/GOOD only.

    With `limit`, an evenly spread sample (so every part of the file, and so
    most questions, stays represented), always the same one.
    """
    rows, skipped = read_answers(c.path)
    assert not skipped, [s.render(c.path) for s in skipped[:5]]
    rows = [_good_references_only(r) for r in rows]
    if limit is not None and limit < len(rows):
        step = len(rows) / limit
        rows = [rows[int(i * step)] for i in range(limit)]
    return rows


def _good_references_only(row: AnswerRow) -> AnswerRow:
    """Keep the references a Beetle row marks BEST or GOOD, each once.

    `read_answers` gives `reference` then every entry of `references`; in these
    files `reference` is `references[0]`, and `reference_categories` names the
    category of each entry of `references`.
    """
    refs = list(dict.fromkeys(row.references))
    categories = row.extra.get("reference_categories")
    if isinstance(categories, list):
        listed = (
            row.references[1:] if len(row.references) == len(categories) + 1 else row.references
        )
        assert len(listed) == len(categories), f"line {row.line}: categories do not align"
        refs = list(
            dict.fromkeys(
                text for text, cat in zip(listed, categories, strict=True) if cat in GOOD_REFERENCES
            )
        )
        assert refs, f"line {row.line}: no BEST or GOOD reference"
    return dataclasses.replace(row, references=tuple(refs))


def as_label(verdict: str, c: Corpus) -> str:
    """Our four verdicts on SemEval's three labels: partial counts as incorrect."""
    if not c.ours and verdict == "partial":
        return "incorrect"
    return verdict


@dataclass(frozen=True)
class Scores:
    """Agreement of the grader's labels with the expected ones."""

    labels: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...]  # (expected, got)

    @property
    def n(self) -> int:
        return len(self.pairs)

    @property
    def accuracy(self) -> float:
        return sum(e == g for e, g in self.pairs) / self.n if self.pairs else 0.0

    def confusion(self) -> dict[str, dict[str, int]]:
        """Rows: the expected label; columns: the grader's."""
        counts = Counter(self.pairs)
        return {e: {g: counts[(e, g)] for g in self.labels} for e in self.labels}

    def f1(self, label: str) -> float:
        tp = sum(e == g == label for e, g in self.pairs)
        predicted = sum(g == label for _, g in self.pairs)
        actual = sum(e == label for e, _ in self.pairs)
        if tp == 0:
            return 0.0
        precision, recall = tp / predicted, tp / actual
        return 2 * precision * recall / (precision + recall)

    @property
    def macro_f1(self) -> float:
        """The mean F1 over every label (a label never expected nor given scores 0)."""
        return sum(self.f1(label) for label in self.labels) / len(self.labels)

    def share(self, expected_label: str, got: Sequence[str]) -> float:
        """Of the rows expected `expected_label`, the share the grader labelled one of `got`."""
        of = [g for e, g in self.pairs if e == expected_label]
        return sum(g in got for g in of) / len(of) if of else 0.0

    def count(self, expected_label: str, got: str) -> int:
        return sum(e == expected_label and g == got for e, g in self.pairs)


def scores(c: Corpus, pairs: Sequence[tuple[str, str]]) -> Scores:
    return Scores(c.labels, tuple(pairs))


def write_cli_rows(c: Corpus, rows: Sequence[AnswerRow], n: int, path: Path) -> None:
    """`n` rows (the corpus repeated as needed) as `argmap grade` JSON Lines input."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            row = rows[i % len(rows)]
            record: dict[str, object] = {"id": f"{row.id or row.line}#{i}", "answer": row.answer}
            if c.ours:
                record |= {"claim": row.claim, "drill": row.drill}
            else:
                record |= {"references": list(row.references), "question": row.question}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


# Issue 14's targets. Ours: for a whole corpus, not per row.
MIN_AGREEMENT = 0.90
MAX_CORRECT_LOST = 0.05  # share of `correct` rows graded incorrect or contradictory
# SemEval training splits, 3-way.
MIN_SEMEVAL_MACRO_F1 = 0.60
MIN_SEMEVAL_CONTRADICTORY_F1 = 0.40
# What the grader reaches now (docs/benchmarks.md), a little below: the tests hold
# these floors so that no change makes the grader worse, while the benchmark reports
# against the targets above, which are not all met yet (issue 14 stays open).
# Measured 2026-12-01, sixth session (docs/benchmarks.md, "Fifth pass"):
# face-at-the-door 0.839 / 7 / 7.6 %, its development rows 0.668 / 15 / 11.0 %,
# example-smart-locks 0.786 / 0 / 16.7 %, sciEntsBank 0.566 / 0.425, Beetle
# 0.535 / 0.381.
FLOORS: dict[str, dict[str, float]] = {
    "face-at-the-door": {"agreement": 0.86, "contradictory_correct": 3, "correct_lost": 0.077},
    # The development rows: the hardest kinds first (dev-001..056), then a second batch
    # of every kind (dev-057..186), a third of the kinds that score worst (dev-187..286),
    # a fourth in a set mix of kinds (dev-287..586), read row by row while the grader
    # was changed (face-at-the-door is held out: only its totals are read); a fifth
    # (dev-587..886) written in students' own words, far harder (first reading 0.565).
    "face-at-the-door-dev": {
        "agreement": 0.73,
        "contradictory_correct": 28,
        "correct_lost": 0.12,
    },
    "example-smart-locks": {"agreement": 0.78, "contradictory_correct": 0, "correct_lost": 0.17},
    "sciEntsBank": {"macro_f1": 0.56, "contradictory_f1": 0.43},
    "beetle": {"macro_f1": 0.53, "contradictory_f1": 0.38},
}
# Speed.
MAX_MEDIAN_MS = 20.0
MAX_CLI_SECONDS_PER_1000 = 10.0
