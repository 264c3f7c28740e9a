"""How long the trainer takes to start a session, grade, and save an answer.

Prints figures for the bundled map: building a session (every drill's
targets and the plan), generating a question, grading a typed answer, and
committing an answer to SQLite. Everything a user waits for between two
questions should stay well under 100 ms.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fsrs import Rating

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from argmap.bundled import default_map_path  # noqa: E402
from argmap.grading import Reference, assess  # noqa: E402
from argmap.loading import load_map  # noqa: E402
from argmap.model import KeyPoint  # noqa: E402
from argmap.training.drills import RebutDrill  # noqa: E402
from argmap.training.progress import AnswerRecord, Progress  # noqa: E402
from argmap.training.session import DrillSession, SessionOptions  # noqa: E402


def best_and_median(run, repeat: int = 5) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    the_map = load_map(default_map_path()).map
    assert the_map is not None
    with tempfile.TemporaryDirectory() as tmp:
        progress = Progress.open(Path(tmp) / "p.sqlite3")
        start = time.perf_counter()
        DrillSession(the_map, progress, SessionOptions(side="pro", seed=1))
        print(f"first session start, with the map's analysis for the crux drill: "
              f"{(time.perf_counter() - start) * 1000:.0f} ms")
        b, m = best_and_median(lambda: DrillSession(the_map, progress,
                                                    SessionOptions(side="pro", seed=1)))
        print(f"later session start (analysis cached), bundled map ({len(the_map.claims)} claims): "
              f"best {b * 1000:.1f} ms, median {m * 1000:.1f} ms")
        targets = RebutDrill().targets(the_map)
        rng = random.Random(0)
        b, m = best_and_median(lambda: [RebutDrill().question(the_map, t, rng) for t in targets])
        print(f"rebut question: {m / len(targets) * 1e6:.0f} us each (median of 5 x "
              f"{len(targets)})")
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
        print(f"saving an answer (one transaction, WAL, synchronous=FULL): "
              f"{m / n * 1000:.2f} ms each")
        progress.close()


if __name__ == "__main__":
    main()
