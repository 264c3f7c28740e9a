"""The whole analysis of large generated maps, step by step.

    .venv/bin/python benchmarks/bench_map_analysis.py [N ...]   # default 1000 3000 10000

Prints, for each size, the time of each step of `analyse_map` in process:
the translation and first DF-QuAD (`prepare`), the structure (with
networkx's betweenness centrality), the cruxes of the thesis, and the four
semantics. The explorer runs this in a child process and shows the labels
when it answers.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from gen_map import generate_map  # noqa: E402

from argmap.analysis.cruxes import thesis_cruxes  # noqa: E402
from argmap.analysis.prepared import prepare  # noqa: E402
from argmap.analysis.semantics import SEMANTICS, labellings  # noqa: E402
from argmap.analysis.structure import analyse_structure  # noqa: E402
from argmap.loading import load_map_text  # noqa: E402


def measure(n: int) -> None:
    text, _source = generate_map(n, 1, "source.txt")
    the_map = load_map_text(text, f"generated-{n}.yaml").map
    assert the_map is not None
    steps: list[tuple[str, float]] = []
    start = time.perf_counter()
    prepared = prepare(the_map)
    steps.append(("prepare", time.perf_counter() - start))
    start = time.perf_counter()
    analyse_structure(the_map)
    steps.append(("structure", time.perf_counter() - start))
    start = time.perf_counter()
    cruxes = thesis_cruxes(prepared, the_map.theses[0])
    steps.append((f"cruxes ({len(cruxes)} found)", time.perf_counter() - start))
    start = time.perf_counter()
    for semantics in SEMANTICS:
        labellings(prepared.framework.framework, semantics)
    steps.append(("4 semantics", time.perf_counter() - start))
    cyclic = "cyclic" if prepared.strength_model.has_cycles else "acyclic"
    total = sum(t for _, t in steps)
    print(
        f"{n:>6} claims ({cyclic} strength graph): total {total:.2f} s; "
        + ", ".join(f"{name} {t:.2f} s" for name, t in steps),
        flush=True,
    )


def main() -> None:
    for n in [int(a) for a in sys.argv[1:]] or [1000, 3000, 10000]:
        measure(n)


if __name__ == "__main__":
    main()
