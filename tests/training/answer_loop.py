"""Run by the kill and concurrency tests: record answers in a loop, acknowledging each.

Usage: python answer_loop.py DATABASE NAME COUNT  (COUNT 0: until killed)
Prints "ack NAME N" after answer N is committed.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from fsrs import Rating

from argmap.training.progress import AnswerRecord, Progress


def main() -> None:
    database, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    with Progress.open(database) as progress:
        numbers = itertools.count(1) if count == 0 else range(1, count + 1)
        for n in numbers:
            progress.record(
                AnswerRecord(
                    "loop-map",
                    "rebut",
                    f"claim-{n % 7}",
                    ("theme",),
                    n % 3 != 0,
                    1.0,
                    Rating.Good if n % 3 else Rating.Again,
                    1.5,
                    False,
                    f"{name} {n}",
                    name,
                )
            )
            sys.stdout.write(f"ack {name} {n}\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
