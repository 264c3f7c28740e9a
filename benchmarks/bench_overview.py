"""The overview (`o`) on a generated map: the tree and layout, opening the screen, keys.

Usage: .venv/bin/python benchmarks/bench_overview.py [--claims 10000] [--runs 3]

Goals (issue 18): interactive in under 1 s on a 10,000-claim map, a keypress
under 50 ms. Times are CPU time of the process (as in bench_explorer.py:
Pilot's own waiting sleeps in 20 ms steps, so wall time would measure Pilot).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_map import generate_map  # noqa: E402

from argmap.context import Context  # noqa: E402
from argmap.loading import load_map  # noqa: E402
from argmap.model import Map  # noqa: E402
from argmap.overview import _build, layout  # noqa: E402
from argmap.view_model import unavailable  # noqa: E402


def core(the_map: Map, runs: int) -> None:
    builds, layouts = [], []
    for _ in range(runs):
        start = time.perf_counter()
        tree = _build(the_map)
        builds.append(time.perf_counter() - start)
        start = time.perf_counter()
        view = layout(tree, tree.roots, 160, 15)
        layouts.append(time.perf_counter() - start)
    print(f"  tree ({len(tree.nodes)} places): median {statistics.median(builds) * 1000:.0f} ms")
    print(
        f"  layout at 160 columns ({len(view.blocks)} blocks): "
        f"median {statistics.median(layouts) * 1000:.1f} ms"
    )


async def screen(path: Path, the_map: Map, size: tuple[int, int]) -> None:
    from argmap_tui.app import create_app
    from argmap_tui.screens.overview import OverviewScreen

    app = create_app(
        Context.make(path, watch=False),
        the_map,
        analyser=lambda m, a, r, b: (unavailable(m), unavailable(m)),
    )
    async with app.run_test(size=size) as pilot:
        await pilot.pause(1.0)
        start = time.process_time()
        await pilot.press("o")
        await pilot.pause()
        opened = time.process_time() - start
        assert isinstance(app.screen, OverviewScreen)
        keys: list[float] = []
        for key in ["down", "right", "right", "down", "right", "up", "left", "z", "Z"] * 5:
            start = time.process_time()
            await pilot.press(key)
            await pilot.pause()
            keys.append(time.process_time() - start)
        idle: list[float] = []
        for _ in range(10):
            start = time.process_time()
            await pilot.press("f12")
            await pilot.pause()
            idle.append(time.process_time() - start)
    print(
        f"  {size[0]}x{size[1]}: open {opened * 1000:.0f} ms (goal < 1000); keys median "
        f"{statistics.median(keys) * 1000:.1f} ms, max {max(keys) * 1000:.1f} ms (goal < 50); "
        f"an unbound key (Pilot's own cost) {statistics.median(idle) * 1000:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.yaml"
        text, source = generate_map(args.claims, seed=1, source_file="source.txt")
        path.write_text(text, encoding="utf-8")
        (Path(folder) / "source.txt").write_text(source, encoding="utf-8")
        the_map = load_map(path).map
        assert the_map is not None
        print(f"{args.claims} claims")
        core(the_map, args.runs)
        for size in ((80, 24), (160, 48)):
            asyncio.run(screen(path, the_map, size))


if __name__ == "__main__":
    main()
