"""The explorer's claim search on a generated map: building the index, then one search per query.

Usage: .venv/bin/python benchmarks/bench_search.py [--claims 10000] [--runs 5]

The index is built once per map (on the first search); every keypress in the
search box is one `search`. Typo forgiveness compares each word of four
letters or more with the whole vocabulary (rapidfuzz, in C).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_map import generated_map  # noqa: E402

from argmap.claim_search import MAX_DEFAULT, SearchIndex  # noqa: E402

QUERIES = ("privacy", "privcay", "tenant consent", "e", "claim 9999", "databse polcie", "zzzzqqq")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    the_map = generated_map(args.claims)
    builds = []
    for _ in range(args.runs):
        start = time.perf_counter()
        index = SearchIndex.build(the_map)
        builds.append(time.perf_counter() - start)
    print(f"{args.claims} claims, vocabulary {len(index.vocabulary)} words")
    print(f"index build: median {statistics.median(builds) * 1000:.0f} ms")
    for query in QUERIES:
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            hits = index.search(query, MAX_DEFAULT)
            times.append(time.perf_counter() - start)
        print(f"{query!r:24} {len(hits):3} hits  median {statistics.median(times) * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
