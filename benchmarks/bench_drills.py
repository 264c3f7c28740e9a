"""How long the trainer takes to start a session, grade, and save an answer.

Prints figures for the bundled map (building a session, generating a
question, grading a typed answer, committing an answer to SQLite), then
session start on maps from `benchmarks/gen_map.py` (1,000 and 10,000 claims
by default) and on a chain of 10,000 supports, each drill kind alone and
mixed. Everything a user waits for
between two questions should stay well under 100 ms, and a session on a
10,000-claim map should start in well under a second.

Each generated-map figure runs in a fresh process, so no cache (sides, the
theme index, the crux analysis) is warm: "start" is `DrillSession(...)`,
"first question" the first `next_question()` after it (where a crux card
pays for the analysis), "again" a second session on the same `Map` object.
Only the public session API is used, so the script also measures an older
checkout: `python benchmarks/bench_drills.py --sizes 1000` from its root.

`--service` adds, per map, the first crux question as the drill screen asks
it: from the app's analysis service (`AnalysisCruxes` over `ProcessAnalyser`,
the explorer's child process), cold (the drill asks first) and after the
explorer's analysis; with the wall clock and the CPU time the asking process
spent meanwhile (in the TUI, the time the UI shares the interpreter with).

    .venv/bin/python benchmarks/bench_drills.py [--sizes 1000 10000] [--modes ...] [--service]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fsrs import Rating

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from argmap.bundled import default_map_path  # noqa: E402
from argmap.grading import Reference, assess  # noqa: E402
from argmap.loading import load_map  # noqa: E402
from argmap.model import KeyPoint, Map  # noqa: E402
from argmap.training.drills import RebutDrill  # noqa: E402
from argmap.training.progress import AnswerRecord, Progress  # noqa: E402
from argmap.training.session import DrillSession, SessionOptions  # noqa: E402

MODES = ("rebut", "support", "source", "flaw", "crux", "switch", "mixed")


def best_and_median(run, repeat: int = 5) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def options(mode: str) -> SessionOptions:
    return SessionOptions(mode=mode, side="pro", seed=1)


def bundled() -> None:
    the_map = load_map(default_map_path()).map
    assert the_map is not None
    with tempfile.TemporaryDirectory() as tmp:
        progress = Progress.open(Path(tmp) / "p.sqlite3")
        start = time.perf_counter()
        DrillSession(the_map, progress, options("mixed"))
        print(
            f"first session start, bundled map (sides and the drills' index built): "
            f"{(time.perf_counter() - start) * 1000:.1f} ms"
        )
        start = time.perf_counter()
        DrillSession(the_map, progress, options("crux")).next_question()
        print(
            f"first crux question (the crux search runs): "
            f"{(time.perf_counter() - start) * 1000:.0f} ms"
        )
        b, m = best_and_median(lambda: DrillSession(the_map, progress, options("mixed")))
        print(
            f"later session start (caches warm), bundled map ({len(the_map.claims)} claims): "
            f"best {b * 1000:.1f} ms, median {m * 1000:.1f} ms"
        )
        targets = RebutDrill().targets(the_map)
        rng = random.Random(0)
        b, m = best_and_median(lambda: [RebutDrill().question(the_map, t, rng) for t in targets])
        print(
            f"rebut question: {m / len(targets) * 1e6:.0f} us each (median of 5 x {len(targets)})"
        )
        kps = (KeyPoint("consented", ("agreed", "accepted")), KeyPoint("enrolled", ("joined",)))
        answer = "The students never really agreed to anything when they joined, " * 3
        ref = Reference("The students consented when they enrolled.", kps)
        assess(answer, [ref])  # the language resources load once, on the first answer
        n = 200
        b, m = best_and_median(lambda: [assess(answer, [ref]) for _ in range(n)])
        print(f"grading a 36-word answer: {m / n * 1e6:.0f} us each")
        record = AnswerRecord("m", "rebut", "c", ("t",), True, 1.0, Rating.Good)
        n = 200
        b, m = best_and_median(lambda: [progress.record(record) for _ in range(n)], repeat=3)
        print(
            f"saving an answer (one transaction, WAL, synchronous=FULL): {m / n * 1000:.2f} ms each"
        )
        progress.close()


def generated_map(claims: int, folder: Path) -> Path:
    from gen_map import generate_map

    path = folder / f"map-{claims}.yaml"
    if not path.exists():
        text, source = generate_map(claims, seed=1, source_file=f"map-{claims}.source.txt")
        path.write_text(text)
        (folder / f"map-{claims}.source.txt").write_text(source)
    return path


def chain_map(claims: int, folder: Path) -> Path:
    """Facts each supporting the one before: the support drill's worst shape (a
    claim's backing is everything below it)."""
    path = folder / f"chain-{claims}.yaml"
    lines = [
        "argmap: 1",
        "map: {id: chain, title: A chain of supports, theses: [c0]}",
        "sources:",
        "  - {id: s1, title: Source one, outlet: One}",
        "  - {id: s2, title: Source two, outlet: Two}",
        "claims:",
    ]
    for i in range(claims):
        lines.append(
            f"  - {{id: c{i}, text: Claim number {i} of a long chain of support., "
            f"kind: fact, evidence: [{{source: s{1 + i % 2}, locator: p{i}, "
            f"quote: Quote number {i} here.}}]}}"
        )
    lines.append("relations:")
    lines += [
        f"  - {{id: r{i}, type: support, from: c{i}, to: c{i - 1}}}" for i in range(1, claims)
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


def one_start(path: str, mode: str) -> dict[str, float]:
    """Cold session start, first question and a second start, in this (fresh) process."""
    loaded = load_map(path).map
    assert loaded is not None
    the_map: Map = loaded
    start = time.perf_counter()
    session = DrillSession(the_map, None, options(mode))
    started = time.perf_counter()
    session.next_question()
    first = time.perf_counter()
    DrillSession(the_map, None, options(mode))
    again = time.perf_counter()
    return {
        "start": started - start,
        "first": first - started,
        "again": again - first,
        "cards": len(session.plan),
    }


def one_service(path: str) -> dict[str, float]:
    """The first crux question in this (fresh) process: searched here, then from the
    analysis service cold, then from it after the explorer's analysis."""
    from argmap_tui.analysis_process import AnalysisCruxes, ProcessAnalyser

    def first_crux(the_map: Map, cruxes: AnalysisCruxes | None = None) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        if cruxes is None:  # the search in this process, as before (and in --plain)
            session = DrillSession(the_map, None, options("crux"))
        else:
            session = DrillSession(the_map, None, options("crux"), cruxes=cruxes)
        question = session.next_question()
        assert question is not None
        return time.perf_counter() - wall, time.process_time() - cpu

    loaded = load_map(path).map
    assert loaded is not None
    here = first_crux(loaded)
    out = {"here": here[0], "here cpu": here[1]}
    for fresh_map in ("cold", "warm"):
        the_map = load_map(path).map  # a new Map: nothing cached from the search above
        assert the_map is not None
        analyser = ProcessAnalyser()
        try:
            if fresh_map == "warm":
                analyser(the_map, (), (), None)  # the explorer's analysis, done first
            wall, cpu = first_crux(the_map, cruxes=AnalysisCruxes(analyser))
        finally:
            analyser.close()
        out[fresh_map], out[f"{fresh_map} cpu"] = wall, cpu
    return out


def service(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        print("\nfirst crux question, seconds (wall / CPU of the asking process), fresh process")
        print(f"{'claims':>7} {'searched here':>15} {'service, cold':>15} {'after explorer':>15}")
        for n in sizes:
            path = generated_map(n, Path(tmp))
            out = subprocess.run(
                [sys.executable, __file__, "--one-service", str(path)],
                capture_output=True,
                text=True,
                check=True,
            )
            got = json.loads(out.stdout.strip().splitlines()[-1])
            cells = [f"{got[k]:.3f} / {got[k + ' cpu']:.3f}" for k in ("here", "cold", "warm")]
            print(f"{n:>7,} " + " ".join(f"{c:>15}" for c in cells), flush=True)


def generated(sizes: list[int], modes: list[str], chain: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        shapes = [
            (
                generated_map(n, Path(tmp)),
                f"generated map, {n:,} claims (benchmarks/gen_map.py, seed 1)",
            )
            for n in sizes
        ]
        if chain:
            shapes.append((chain_map(chain, Path(tmp)), f"a chain of {chain:,} supports"))
        for path, title in shapes:
            print(f"\n{title}; seconds, fresh process each")
            print(f"{'drill':<8} {'start':>8} {'first question':>15} {'again':>8} {'cards':>6}")
            for mode in modes:
                out = subprocess.run(
                    [sys.executable, __file__, "--one", str(path), mode],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                got = json.loads(out.stdout.strip().splitlines()[-1])
                print(
                    f"{mode:<8} {got['start']:>8.3f} {got['first']:>15.3f} "
                    f"{got['again']:>8.3f} {got['cards']:>6.0f}",
                    flush=True,
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--modes", nargs="*", default=list(MODES), choices=MODES)
    parser.add_argument("--chain", type=int, default=10000, help="claims (0: none)")
    parser.add_argument("--no-bundled", action="store_true")
    parser.add_argument(
        "--service", action="store_true", help="also the crux card from the analysis service"
    )
    parser.add_argument("--no-sessions", action="store_true", help="skip the session starts")
    parser.add_argument("--one", nargs=2, metavar=("MAP", "MODE"), help=argparse.SUPPRESS)
    parser.add_argument("--one-service", metavar="MAP", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_start(*args.one)))
        return
    if args.one_service:
        print(json.dumps(one_service(args.one_service)))
        return
    if not args.no_bundled:
        bundled()
    if not args.no_sessions:
        generated(args.sizes, args.modes, args.chain)
    if args.service:
        service(args.sizes)


if __name__ == "__main__":
    main()
