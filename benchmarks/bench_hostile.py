"""The worst shapes of issue 15: small or regular inputs that used to take minutes.

    .venv/bin/python benchmarks/bench_hostile.py

Each case is written to a temporary folder and run as a whole `argmap`
process (wall clock and peak memory from `resource`), so start-up counts.
Before the fixes: analyze on a 5,000-claim chain 227 s, on 10,000 attacks
into one claim 87 s; 150 KB of Argdown brackets over 30 s.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def chain(n: int) -> str:
    lines = ["map: {id: chain, title: Chain, theses: [c0]}", "claims:"]
    lines += [f"  - {{id: c{i}, text: claim {i}, kind: value}}" for i in range(n)]
    lines += ["relations:"] + [f"  - {{type: attack, from: c{i}, to: c{i - 1}}}"
                               for i in range(1, n)]
    return "\n".join(lines) + "\n"


def fan(n: int) -> str:
    lines = ["map: {id: fan, title: Fan, theses: [t]}", "claims:",
             "  - {id: t, text: thesis, kind: value}"]
    lines += [f"  - {{id: c{i}, text: claim {i}, kind: value}}" for i in range(n)]
    lines += ["relations:"] + [f"  - {{type: {'attack' if i % 2 else 'support'}, from: c{i}, "
                               "to: t}" for i in range(n)]
    return "\n".join(lines) + "\n"


def undercuts(n: int) -> str:
    lines = ["map: {id: u, title: Undercuts, theses: [t]}", "claims:",
             "  - {id: t, text: T, kind: value}", "  - {id: a, text: A, kind: value}"]
    lines += [f"  - {{id: c{i}, text: C{i}, kind: value}}" for i in range(n)]
    lines += ["relations:", "  - {id: r0, type: support, from: a, to: t}"]
    lines += [f"  - {{id: r{i + 1}, type: undercut, from: c{i}, to: r{i}}}" for i in range(n)]
    return "\n".join(lines) + "\n"


CASES = [
    ("analyze: chain of 5,000 attacks", "chain.yaml", lambda: chain(5000), ["analyze"]),
    ("analyze: 10,000 relations into one claim", "fan.yaml", lambda: fan(10000), ["analyze"]),
    ("analyze: chain of 10,000 undercuts", "undercuts.yaml", lambda: undercuts(10000),
     ["analyze"]),
    ("import: 150 KB of '[' (Argdown)", "brackets.argdown", lambda: "[" * 150_000 + "\n",
     ["import", "--from", "argdown", "-q"]),
    ("import: 100 KB of '#(' (Argdown)", "tags.argdown", lambda: "[a]: " + "#(" * 50_000 + "\n",
     ["import", "--from", "argdown", "-q"]),
    ("import: 20,000-step argument (Argdown)", "pcs.argdown",
     lambda: "".join(f"({i}) s{i}\n--\n" for i in range(1, 20000)) + "(20000) end\n",
     ["import", "--from", "argdown", "-q"]),
    ("analyze --semantics preferred: 2^40 extensions", "pairs.af",
     lambda: "p af 80\n" + "".join(f"{2 * i + 1} {2 * i + 2}\n{2 * i + 2} {2 * i + 1}\n"
                                   for i in range(40)), ["analyze", "--semantics", "preferred"]),
    ("analyze: 'p af 100000000' (20 bytes)", "big.af", lambda: "p af 100000000\n1 2\n",
     ["analyze"]),
]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for title, name, make, command in CASES:
            path = Path(folder) / name
            path.write_text(make())
            argv = [sys.executable, "-m", "argmap.cli", command[0], str(path), *command[1:]]
            start = time.perf_counter()
            done = subprocess.run(argv, capture_output=True, text=True)
            seconds = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"| {title} | {path.stat().st_size / 1024:,.0f} KB | {seconds:.2f} s | "
                  f"{peak:,.0f} MB (max so far) | exit {done.returncode} |", flush=True)


if __name__ == "__main__":
    main()
