"""What the explorer's "why" and what-if summary cost on a generated map.

Usage: .venv/bin/python benchmarks/bench_explain.py [--claims 10000] [--runs 5]

`explain_claims` runs in the analysis process, once for the map and once per
what-if move; the view it is part of is unpickled in the UI process, where a
keypress waits for it; `what_changed` runs on the UI thread after a move.
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_map import generated_map  # noqa: E402

from argmap.analysis import analyse_map, what_if  # noqa: E402
from argmap.analysis.explain import explain_claims  # noqa: E402
from argmap.analysis.prepared import prepare  # noqa: E402
from argmap.view_model import analyse, from_analysis, what_changed  # noqa: E402


def median_ms(runs: int, work: object) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    the_map = generated_map(args.claims)
    framework = prepare(the_map).framework
    rejected = (the_map.claims[5].id,)
    print(f"claims: {len(the_map.claims)}")
    explain = median_ms(args.runs, lambda: explain_claims(the_map, framework))
    print(f"explain_claims, the map: {explain:.0f} ms")
    move = median_ms(args.runs, lambda: explain_claims(the_map, framework, (), rejected))
    print(f"explain_claims, one rejected claim: {move:.0f} ms")
    labels = what_if(the_map, (), rejected).framework_labels
    given = median_ms(args.runs, lambda: explain_claims(the_map, framework, (), rejected, labels))
    print(
        f"explain_claims, one rejected claim, labels from what_if (as analyse does): {given:.0f} ms"
    )
    analysis = analyse_map(the_map)
    with_why = pickle.dumps(from_analysis(the_map, analysis, explain_claims(the_map, framework)))
    without = pickle.dumps(from_analysis(the_map, analysis))
    for name, data in (("with the reasons", with_why), ("without", without)):
        ms = median_ms(args.runs, lambda data=data: pickle.loads(data))  # type: ignore[misc]
        print(f"unpickle the view {name}: {ms:.1f} ms ({len(data):,} bytes)")
    base, _ = analyse(the_map)
    _, shown = analyse(the_map, (), rejected, base)
    change = median_ms(args.runs, lambda: what_changed(base, shown))
    print(f"what_changed after the move: {change:.2f} ms")


if __name__ == "__main__":
    main()
