"""The worst shapes of issue 15: small or regular inputs that used to take minutes.

    .venv/bin/python benchmarks/bench_hostile.py [WORD ...]   (only cases whose title has them)

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
    lines += ["relations:"] + [
        f"  - {{type: attack, from: c{i}, to: c{i - 1}}}" for i in range(1, n)
    ]
    return "\n".join(lines) + "\n"


def fan(n: int) -> str:
    lines = [
        "map: {id: fan, title: Fan, theses: [t]}",
        "claims:",
        "  - {id: t, text: thesis, kind: value}",
    ]
    lines += [f"  - {{id: c{i}, text: claim {i}, kind: value}}" for i in range(n)]
    lines += ["relations:"] + [
        f"  - {{type: {'attack' if i % 2 else 'support'}, from: c{i}, to: t}}" for i in range(n)
    ]
    return "\n".join(lines) + "\n"


def undercuts(n: int) -> str:
    lines = [
        "map: {id: u, title: Undercuts, theses: [t]}",
        "claims:",
        "  - {id: t, text: T, kind: value}",
        "  - {id: a, text: A, kind: value}",
    ]
    lines += [f"  - {{id: c{i}, text: C{i}, kind: value}}" for i in range(n)]
    lines += ["relations:", "  - {id: r0, type: support, from: a, to: t}"]
    lines += [f"  - {{id: r{i + 1}, type: undercut, from: c{i}, to: r{i}}}" for i in range(n)]
    return "\n".join(lines) + "\n"


def aif(n_nodes: int) -> str:
    """Half I-nodes, half RA/CA scheme nodes: claim k supports (or attacks) claim k // 2."""
    import json

    claims = n_nodes // 2
    nodes = [{"nodeID": str(i + 1), "text": f"Claim {i + 1}", "type": "I"} for i in range(claims)]
    edges = []
    for i in range(1, claims):
        scheme = str(claims + i + 1)
        nodes.append(
            {
                "nodeID": scheme,
                "text": "Default Inference" if i % 3 else "Default Conflict",
                "type": "RA" if i % 3 else "CA",
            }
        )
        edges += [
            {"fromID": str(i + 1), "toID": scheme},
            {"fromID": scheme, "toID": str((i - 1) // 2 + 1)},
        ]
    return json.dumps({"nodes": nodes, "edges": edges, "locutions": [], "participants": []})


def colliding_aif(n: int) -> str:
    """`n` I-nodes whose ids all make the claim id `x` (`x!!!`, `x!!#`, ...)."""
    import itertools
    import json

    marks = "!#$%&()*+,/:;<=>?@[]^"
    ids = ["x" + "".join(p) for p in itertools.islice(itertools.product(marks, repeat=3), n)]
    return json.dumps(
        {
            "nodes": [{"nodeID": i, "text": f"claim {k}", "type": "I"} for k, i in enumerate(ids)],
            "edges": [],
        }
    )


CASES = [
    ("analyze: chain of 5,000 attacks", "chain.yaml", lambda: chain(5000), ["analyze"]),
    ("analyze: 10,000 relations into one claim", "fan.yaml", lambda: fan(10000), ["analyze"]),
    ("analyze: chain of 10,000 undercuts", "undercuts.yaml", lambda: undercuts(10000), ["analyze"]),
    (
        "import: 150 KB of '[' (Argdown)",
        "brackets.argdown",
        lambda: "[" * 150_000 + "\n",
        ["import", "--from", "argdown", "-q"],
    ),
    (
        "import: 100 KB of '#(' (Argdown)",
        "tags.argdown",
        lambda: "[a]: " + "#(" * 50_000 + "\n",
        ["import", "--from", "argdown", "-q"],
    ),
    (
        "import: 20,000-step argument (Argdown)",
        "pcs.argdown",
        lambda: "".join(f"({i}) s{i}\n--\n" for i in range(1, 20000)) + "(20000) end\n",
        ["import", "--from", "argdown", "-q"],
    ),
    (
        "import: 20,000 mentions of one statement, each a new tag (Argdown)",
        "tags2.argdown",
        lambda: "".join(f"[S]: the same statement #(t{i})\n\n" for i in range(20000)),
        ["import", "--from", "argdown", "-q"],
    ),
    (
        "import: 5,000 AIF node ids that make one claim id",
        "collide.json",
        lambda: colliding_aif(5000),
        ["import", "--from", "aif", "-q"],
    ),
    (
        "import: 1,000,000 AIF nodes",
        "million.json",
        lambda: aif(1_000_000),
        ["import", "--from", "aif", "-q"],
    ),
    (
        "analyze --semantics preferred: 2^40 extensions",
        "pairs.af",
        lambda: (
            "p af 80\n"
            + "".join(f"{2 * i + 1} {2 * i + 2}\n{2 * i + 2} {2 * i + 1}\n" for i in range(40))
        ),
        ["analyze", "--semantics", "preferred"],
    ),
    (
        "analyze: 'p af 100000000' (20 bytes)",
        "big.af",
        lambda: "p af 100000000\n1 2\n",
        ["analyze"],
    ),
]


def main() -> None:
    """All cases, or those whose title contains each word given on the command line."""
    words = sys.argv[1:]
    with tempfile.TemporaryDirectory() as folder:
        for title, name, make, command in CASES:
            if not all(w in title for w in words):
                continue
            path = Path(folder) / name
            path.write_text(make())
            argv = [sys.executable, "-m", "argmap.cli", command[0], str(path), *command[1:]]
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run(argv, capture_output=True, text=True)
            seconds = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            # CPU time as well as wall clock: on a shared machine the wall clock
            # also counts the time spent waiting for a core.
            cpu = after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime
            peak = after.ru_maxrss / 1024
            print(
                f"| {title} | {path.stat().st_size / 1024:,.0f} KB | {seconds:.2f} s | "
                f"{cpu:.2f} s | {peak:,.0f} MB (max so far) | exit {done.returncode} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
