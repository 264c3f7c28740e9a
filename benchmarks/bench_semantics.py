"""Speed of the analysis engine (issue 4, items 5 and 8). Prints figures.

    .venv/bin/python benchmarks/bench_semantics.py [--clingo PYTHON_WITH_CLINGO]

1. grounded, whole process against whole process: `argmap analyze X.af
   --semantics grounded --json` and clingo with the ASPARTIX-style encoding
   in aspartix_grounded.lp on the same random frameworks (10k-50k
   arguments, three attacks per argument), median of 5 runs each;
2. grounded on 100,000 arguments and 1,000,000 attacks (whole process);
3. every preferred extension of a 300-argument framework of small blocks
   with odd and even cycles (in process);
4. the bundled map: full analysis, then what-if questions (in process).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

from gen_frameworks import cyclic_blocks, random_attacks, write  # noqa: E402


def whole_process(cmd: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--clingo", metavar="PYTHON", help="a python with the clingo package (python -m clingo)"
    )
    parser.add_argument("--skip-big", action="store_true")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="argmap-bench-"))
    argmap = [sys.executable, "-m", "argmap.cli", "analyze"]
    print("## grounded, whole process (median of 5)")
    for n in (10_000, 25_000, 50_000):
        attacks = random_attacks(n, 3 * n, seed=n)
        write(n, attacks, tmp / f"r{n}.af")
        write(n, attacks, tmp / f"r{n}.apx")
        ours = whole_process([*argmap, str(tmp / f"r{n}.af"), "--semantics", "grounded", "--json"])
        line = f"{n:>6} args {3 * n:>7} attacks: argmap {ours:.3f} s"
        if args.clingo:
            theirs = whole_process(
                [
                    args.clingo,
                    "-m",
                    "clingo",
                    str(HERE / "aspartix_grounded.lp"),
                    str(tmp / f"r{n}.apx"),
                ]
            )
            line += f", clingo {theirs:.3f} s, ratio {ours / theirs:.2f}"
        print(line, flush=True)
    if not args.skip_big:
        write(100_000, random_attacks(100_000, 1_000_000, seed=7), tmp / "big.af")
        big = whole_process(
            [*argmap, str(tmp / "big.af"), "--semantics", "grounded", "--json"], runs=3
        )
        print(f"100000 args 1000000 attacks: argmap {big:.3f} s (whole process, --json)")

    from argmap.analysis.semantics import Framework, labellings

    print("\n## preferred on 300 arguments with many cycles (in process)")
    for seed in (1, 2, 3):
        attacks = cyclic_blocks(300, seed)
        fw = Framework.from_indices(
            [str(i) for i in range(1, 301)],
            [a - 1 for a, _ in attacks],
            [b - 1 for _, b in attacks],
        )
        start = time.perf_counter()
        found = labellings(fw, "preferred")
        took = time.perf_counter() - start
        print(
            f"seed {seed}: {len(attacks)} attacks, {len(found.labellings)} preferred "
            f"extensions in {took:.3f} s"
        )

    from argmap.bundled import default_map_path
    from argmap.loading import load_map

    path = default_map_path()
    m = load_map(path).map
    assert m is not None
    print(f"\n## bundled map {path.name}: {len(m.claims)} claims, {len(m.relations)} relations")
    start = time.perf_counter()
    import networkx  # noqa: F401  (imported lazily by the analysis; timed apart)

    print(f"networkx import (once per process): {time.perf_counter() - start:.3f} s")
    from argmap.analysis import analyse_map, what_if
    from argmap.analysis.prepared import _CACHE

    runs = []
    for _ in range(5):
        _CACHE.clear()
        fresh = load_map(path).map
        assert fresh is not None
        start = time.perf_counter()
        analyse_map(fresh)
        runs.append(time.perf_counter() - start)
    print(
        f"full analysis (structure, 4 semantics, acceptance, DF-QuAD, cruxes): "
        f"median {statistics.median(runs) * 1000:.1f} ms, max {max(runs) * 1000:.1f} ms"
    )
    claims = [c.id for c in m.claims]
    times = []
    for k, claim in enumerate(claims):
        other = claims[(k * 7 + 3) % len(claims)]
        start = time.perf_counter()
        if other == claim:
            what_if(m, rejected=[claim])
        else:
            what_if(m, accepted=[other], rejected=[claim])
        times.append(time.perf_counter() - start)
    print(
        f"what-if over {len(times)} questions: median {statistics.median(times) * 1000:.2f} ms,"
        f" max {max(times) * 1000:.2f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
