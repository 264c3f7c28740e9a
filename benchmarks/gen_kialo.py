"""Generate large Kialo discussion exports (both layouts) for benchmarks and tests.

The shape imitates a real debate: one thesis (or a question with several
theses), a tree of Pro/Con claims that runs deeper than 30 levels along one
branch, `-> See` links to earlier claims and, in the newer layout, footnote
markers with a closing Sources list. Text is invented: Kialo's terms do not
allow redistributing its debates.

    python benchmarks/gen_kialo.py 10000 -o /tmp/kialo-10k.txt [--layout old]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

WORDS = [
    "city",
    "car",
    "bus",
    "bike",
    "street",
    "air",
    "noise",
    "shop",
    "rent",
    "tax",
    "road",
    "child",
    "school",
    "park",
    "walk",
    "price",
    "law",
    "council",
    "driver",
    "parking",
    "safety",
    "health",
    "budget",
]


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16))).capitalize() + "."


def generate_kialo(
    n_claims: int, seed: int = 1, layout: str = "new", depth: int = 40, theses: int = 1
) -> str:
    """Text of a Kialo export with `n_claims` claims (links included)."""
    rng = random.Random(seed)
    numbers: list[str] = []
    children: dict[str, int] = {}
    lines: list[str] = []
    sources = 0
    new = layout == "new"
    lines.append(
        ("Discussion Name: " if new else "Discussion Title: ")
        + "Should cities close their centres to cars?"
    )
    lines.append("")

    def emit(number: str, stance: str, text: str) -> None:
        nonlocal sources
        if new:
            indent = "  " * number.count(".")
            lines.append(f"{indent}{number}. {stance}:")
            if not text.startswith("->") and rng.random() < 0.2:
                sources += 1
                text = f"{text} [{sources}]"
            lines.append(f"{indent}    {text}")
            lines.append("")
        else:
            label = f" {stance}:" if stance else ""
            lines.append(f"{number}.{label} {text}")

    roots: list[str] = []
    if theses > 1:
        emit("1", "Question", "Should cities close their centres to cars?")
        for t in range(1, theses + 1):
            number = f"1.{t}"
            emit(number, "Thesis", _sentence(rng))
            roots.append(number)
        children["1"] = theses
    else:
        emit("1", "Thesis" if new else "", "Cities should close their centres to cars.")
        roots.append("1")
    numbers += roots
    made = len(roots)  # the question of a multi-thesis debate is not a claim
    # One long chain first (depth), then a random bushy tree.
    parent = roots[0]
    for _ in range(min(depth, n_claims - made)):
        children[parent] = children.get(parent, 0) + 1
        number = f"{parent}.{children[parent]}"
        emit(number, rng.choice(["Pro", "Con"]), _sentence(rng))
        numbers.append(number)
        parent = number
        made += 1
    while made < n_claims:
        parent = rng.choice(numbers[-200:] if rng.random() < 0.7 else numbers)
        children[parent] = children.get(parent, 0) + 1
        number = f"{parent}.{children[parent]}"
        stance = rng.choice(["Pro", "Con"])
        if rng.random() < 0.03 and len(numbers) > 10:
            emit(number, stance, f"-> See {rng.choice(numbers[1:])}.")
            continue  # a link is not a new claim
        emit(number, stance, _sentence(rng))
        numbers.append(number)
        made += 1
    if new and sources:
        lines.append("Sources:")
        lines += [f"[{i}] https://example.org/source/{i}" for i in range(1, sources + 1)]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", type=int)
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--layout", choices=("new", "old"), default="new")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    Path(args.output).write_text(
        generate_kialo(args.claims, args.seed, args.layout), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
