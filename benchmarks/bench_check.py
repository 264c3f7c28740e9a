"""Time `argmap check` as whole processes: the bundled map and generated maps.

    python benchmarks/bench_check.py            # 1k, 10k, 30k and 100k claims
    python benchmarks/bench_check.py 1000 10000 # chosen sizes

Prints wall-clock seconds (best of several runs for small maps) so the
figures in docs/benchmarks.md can be reproduced: `check`, and `check --notes`
(which adds the authoring notes: the grounded labelling, the near-duplicate
index, the side balance).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_map import generate_map  # noqa: E402


def time_process(args: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(args, capture_output=True, text=True)
        best = min(best, time.perf_counter() - start)
        if proc.returncode != 0:
            raise SystemExit(f"failed: {' '.join(args)}\n{proc.stdout}{proc.stderr}")
    return best


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1_000, 10_000, 30_000, 100_000]
    check = [sys.executable, "-m", "argmap.cli", "check"]
    print(f"python {sys.version.split()[0]}")
    print(f"{'map':<28}{'claims':>9}{'MB':>7}{'seconds':>10}{'us/claim':>10}{'--notes':>10}")
    bundled = time_process([*check, "--quiet"], repeat=7)
    noted = time_process([*check, "--quiet", "--notes"], repeat=7)
    print(f"{'bundled (whole process)':<28}{'':>9}{'':>7}{bundled:>10.3f}{'':>10}{noted:>10.3f}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"map-{n}.yaml"
            text, source_text = generate_map(n, seed=1, source_file=f"map-{n}.source.txt")
            path.write_text(text)
            path.with_suffix(".source.txt").write_text(source_text)
            repeat = 3 if n <= 10_000 else 1
            seconds = time_process([*check, str(path)], repeat)
            noted = time_process([*check, "--notes", str(path)], repeat)
            mb = len(text.encode()) / 1e6
            print(
                f"{'generated':<28}{n:>9}{mb:>7.1f}{seconds:>10.3f}"
                f"{seconds / n * 1e6:>10.1f}{noted:>10.3f}"
            )


if __name__ == "__main__":
    main()
