"""How well, and how fast, `argmap grade` agrees with teachers' labels.

For each corpus (ours, one per bundled map, in tests/data/grading; and the
SemEval-2013 SRA training splits, real students' answers with expert labels,
in tests/data/semeval2013-sra) it grades every row through the batch API that
`argmap grade` uses and prints: accuracy, macro-F1 over the labels, F1 per
label, the confusion matrix, agreement per kind of answer (ours), grading time
per answer (median and p95, the first answer's lazy loading shown apart), and
the whole-process time of `argmap grade FILE --json` on 1,000 rows. SemEval
knows three labels: our `partial` counts as `incorrect` there.

    .venv/bin/python benchmarks/bench_grading.py [--corpus NAME ...] [--limit N]
        [--cli-rows N] [--json]

Record the figures in docs/benchmarks.md. Issue 14's targets are printed
beside them (✓ met, ✗ not).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from grading_corpora import (  # noqa: E402
    CORPORA,
    MAX_CLI_SECONDS_PER_1000,
    MAX_CORRECT_LOST,
    MAX_MEDIAN_MS,
    MIN_AGREEMENT,
    MIN_SEMEVAL_CONTRADICTORY_F1,
    MIN_SEMEVAL_MACRO_F1,
    ROOT,
    Corpus,
    Scores,
    as_label,
    corpus,
    expected,
    load_corpus_map,
    read_rows,
    scores,
    write_cli_rows,
)

from argmap.grading.batch import AnswerRow, GradedRow, grade_row, result_json  # noqa: E402

ARGMAP = ROOT / ".venv" / "bin" / "argmap"


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (`share` in 0..1) of a non-empty list."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def grade_corpus(c: Corpus, limit: int | None) -> dict[str, Any]:
    """Grade every row (timed one by one) and gather the figures."""
    start = time.perf_counter()
    rows = read_rows(c, limit)
    the_map = load_corpus_map(c)
    read_s = time.perf_counter() - start
    pairs: list[tuple[str, str]] = []
    by_kind: dict[str, list[bool]] = defaultdict(list)
    times: list[float] = []
    disagreements: list[dict[str, object]] = []
    for row in rows:
        t0 = time.perf_counter()
        graded = grade_row(row, the_map)
        t1 = time.perf_counter()
        times.append((t1 - t0) * 1000)
        if not isinstance(graded, GradedRow):
            raise SystemExit(f"{c.path}:{row.line}: not graded: {graded.reason}")
        got = as_label(str(result_json(graded)["verdict"]), c)
        want = expected(row)
        pairs.append((want, got))
        kind = row.extra.get("kind")
        if isinstance(kind, str):
            by_kind[kind].append(want == got)
        if want != got:
            disagreements.append({"id": row.id, "expected": want, "got": got, "answer": row.answer})
    s = scores(c, pairs)
    rest = times[1:] or times
    out: dict[str, Any] = {
        "corpus": c.name,
        "rows": s.n,
        "read_and_load_s": round(read_s, 3),
        "accuracy": round(s.accuracy, 4),
        "macro_f1": round(s.macro_f1, 4),
        "f1": {label: round(s.f1(label), 4) for label in c.labels},
        "confusion": s.confusion(),
        "ms_first_answer": round(times[0], 1) if times else None,
        "ms_median": round(statistics.median(rest), 2) if rest else None,
        "ms_p95": round(percentile(rest, 0.95), 2) if rest else None,
        "targets": targets(c, s, statistics.median(rest) if rest else 0.0),
    }
    if c.ours:
        out["agreement_by_kind"] = {
            k: {"rows": len(v), "agreement": round(sum(v) / len(v), 4)}
            for k, v in sorted(by_kind.items())
        }
        out["contradictory_graded_correct"] = s.count("contradictory", "correct")
        out["correct_graded_wrong_share"] = round(
            s.share("correct", ("incorrect", "contradictory")), 4
        )
        out["disagreements"] = disagreements
    return out


def targets(c: Corpus, s: Scores, median_ms: float) -> dict[str, bool]:
    """Issue 14's targets for this corpus, met or not."""
    met = {f"median <= {MAX_MEDIAN_MS:g} ms": median_ms <= MAX_MEDIAN_MS}
    if c.ours:
        met |= {
            f"agreement >= {MIN_AGREEMENT:.0%}": s.accuracy >= MIN_AGREEMENT,
            "no contradictory graded correct": s.count("contradictory", "correct") == 0,
            f"correct graded incorrect/contradictory <= {MAX_CORRECT_LOST:.0%}": s.share(
                "correct", ("incorrect", "contradictory")
            )
            <= MAX_CORRECT_LOST,
        }
    else:
        met |= {
            f"macro-F1 >= {MIN_SEMEVAL_MACRO_F1:.2f}": s.macro_f1 >= MIN_SEMEVAL_MACRO_F1,
            f"contradictory F1 >= {MIN_SEMEVAL_CONTRADICTORY_F1:.2f}": s.f1("contradictory")
            >= MIN_SEMEVAL_CONTRADICTORY_F1,
        }
    return met


def time_cli(c: Corpus, n: int) -> dict[str, Any]:
    """Wall time of one `argmap grade FILE --json` process on `n` rows of the corpus."""
    rows: list[AnswerRow] = read_rows(c)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{c.name}-{n}.jsonl"
        write_cli_rows(c, rows, n, path)
        command = [str(ARGMAP), "grade"]
        if c.map_path is not None:
            command.append(str(c.map_path))
        command += [str(path), "--json"]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    return {
        "rows": n,
        "seconds": round(seconds, 2),
        "exit": done.returncode,
        "graded": len(lines),
        "target_met": done.returncode == 0
        and len(lines) == n
        and seconds <= MAX_CLI_SECONDS_PER_1000 * n / 1000,
        "stderr": done.stderr.strip().splitlines()[-3:],
    }


def show(fig: dict[str, Any], labels: tuple[str, ...]) -> None:
    """The figures of one corpus, for a person."""
    print(f"\n== {fig['corpus']}: {fig['rows']} rows")
    print(
        f"accuracy {fig['accuracy']:.3f}   macro-F1 {fig['macro_f1']:.3f}   F1 "
        + "  ".join(f"{k} {v:.3f}" for k, v in fig["f1"].items())
    )
    width = max(len(label) for label in labels) + 2
    print("confusion (rows: expected, columns: graded)")
    print(" " * width + "".join(f"{label[:13]:>14}" for label in labels))
    for want in labels:
        print(f"{want:<{width}}" + "".join(f"{fig['confusion'][want][got]:>14}" for got in labels))
    if "agreement_by_kind" in fig:
        print("agreement by kind")
        for kind, k in fig["agreement_by_kind"].items():
            print(f"  {kind:<20}{k['agreement']:>7.1%}  of {k['rows']}")
        print(
            f"contradictory graded correct: {fig['contradictory_graded_correct']}   "
            f"correct graded incorrect or contradictory: "
            f"{fig['correct_graded_wrong_share']:.1%}"
        )
    print(
        f"time per answer: median {fig['ms_median']} ms, p95 {fig['ms_p95']} ms "
        f"(first answer, with lazy loading: {fig['ms_first_answer']} ms; reading the "
        f"corpus and its map: {fig['read_and_load_s']} s)"
    )
    if "cli" in fig:
        cli = fig["cli"]
        print(
            f"argmap grade --json, {cli['rows']} rows, whole process: {cli['seconds']} s "
            f"(exit {cli['exit']}, {cli['graded']} rows out)"
        )
        if cli["exit"] != 0:
            print("  " + "\n  ".join(cli["stderr"]))
    print(
        "targets: "
        + "   ".join(f"{'✓' if ok else '✗'} {name}" for name, ok in fig["targets"].items())
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus",
        action="append",
        metavar="NAME",
        choices=[c.name for c in CORPORA],
        help="grade only this corpus (repeatable; default: all four)",
    )
    parser.add_argument(
        "--limit",
        type=int,
        metavar="N",
        help="grade an evenly spread sample of N rows of each corpus",
    )
    parser.add_argument(
        "--cli-rows",
        type=int,
        default=1000,
        metavar="N",
        help="rows for the whole-process `argmap grade` timing (0: skip)",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable figures")
    parser.add_argument(
        "--disagreements",
        action="store_true",
        help="list our corpora's rows the grader disagrees with",
    )
    args = parser.parse_args(argv)
    chosen = [corpus(name) for name in args.corpus] if args.corpus else list(CORPORA)
    figures = []
    for c in chosen:
        fig = grade_corpus(c, args.limit)
        if args.cli_rows > 0:
            fig["cli"] = time_cli(c, args.cli_rows)
            fig["targets"][
                f"{args.cli_rows} rows through argmap grade <= "
                f"{MAX_CLI_SECONDS_PER_1000 * args.cli_rows / 1000:g} s"
            ] = fig["cli"]["target_met"]
        figures.append(fig)
        if not args.json:
            show(fig, c.labels)
            if args.disagreements and fig.get("disagreements"):
                print("disagreements (id, expected, got, answer)")
                for d in fig["disagreements"]:
                    print(f"  {d['id']}  {d['expected']:>13} -> {d['got']:<13} {d['answer']}")
    if args.json:
        if not args.disagreements:
            for fig in figures:
                fig.pop("disagreements", None)
        json.dump(figures, sys.stdout, indent=2, ensure_ascii=False)
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
