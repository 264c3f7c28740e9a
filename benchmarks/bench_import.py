"""Time importing a 10,000-claim Kialo export (goal: under 2 s), both layouts.

Prints, for each layout: parsing into a Map, writing the YAML, and the
whole `argmap import` command (read, convert, check the map as the written file
will load, write the YAML).

    .venv/bin/python benchmarks/bench_import.py [--claims 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_kialo import generate_kialo  # noqa: E402

from argmap.cli import main as argmap_main  # noqa: E402
from argmap.formats.argmap_yaml import write_yaml  # noqa: E402
from argmap.formats.kialo import read_kialo  # noqa: E402


def _best(times: list[float]) -> str:
    return f"best {min(times):.3f} s, median {statistics.median(times):.3f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for layout in ("new", "old"):
            text = generate_kialo(args.claims, layout=layout, depth=40)
            path = Path(tmp) / f"kialo-{layout}.txt"
            path.write_text(text, encoding="utf-8")
            parse, write, whole = [], [], []
            for i in range(args.repeat):
                start = time.perf_counter()
                result = read_kialo(text, str(path))
                parse.append(time.perf_counter() - start)
                start = time.perf_counter()
                write_yaml(result.map, result.origins, str(path))
                write.append(time.perf_counter() - start)
                out = Path(tmp) / f"out-{layout}-{i}.yaml"
                start = time.perf_counter()
                with contextlib.redirect_stderr(io.StringIO()):
                    code = argmap_main(["import", str(path), "--from", "kialo", "-o", str(out)])
                whole.append(time.perf_counter() - start)
                assert code == 0, f"import failed with exit code {code}"
            depth = max(c.id.count(".") for c in result.map.claims)
            print(
                f"kialo {layout} layout: {len(result.map.claims)} claims, "
                f"{len(result.map.relations)} relations, depth {depth}, "
                f"{len(text) / 1e6:.1f} MB"
            )
            print(f"  read_kialo:       {_best(parse)}")
            print(f"  write_yaml:       {_best(write)}")
            print(f"  argmap import -o: {_best(whole)}  (goal: under 2 s)")


if __name__ == "__main__":
    main()
