"""Generate abstract frameworks for the analysis benchmarks, in ICCMA forms.

    python benchmarks/gen_frameworks.py random N M SEED OUT   # N args, M random attacks
    python benchmarks/gen_frameworks.py cycles N SEED OUT     # blocks with odd/even cycles

OUT ending in .apx is written as ASPARTIX facts (what clingo reads), any
other name in the ICCMA 2023 form `p af N`.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path


def random_attacks(n: int, m: int, seed: int) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    return [(rng.randint(1, n), rng.randint(1, n)) for _ in range(m)]


def cyclic_blocks(n: int, seed: int) -> list[tuple[int, int]]:
    """Blocks of 2-5 arguments, each a cycle (odd ones more often than even),
    some with a chord, plus two or three attacks from each block into the next
    few: many SCCs and cycles, while choices upstream settle what comes after
    (so the number of preferred extensions stays in the hundreds, not millions)."""
    rng = random.Random(seed)
    attacks: list[tuple[int, int]] = []
    start = 1
    blocks: list[list[int]] = []
    while start <= n:
        size = min(rng.choice((2, 3, 3, 4, 5, 5)), n - start + 1)
        block = list(range(start, start + size))
        blocks.append(block)
        attacks += list(zip(block, block[1:] + block[:1], strict=True))
        if size > 3 and rng.random() < 0.5:
            attacks.append((block[0], block[2]))
        start += size
    for k, block in enumerate(blocks[:-1]):
        for _ in range(rng.randint(2, 3)):
            later = rng.choice(blocks[k + 1 : k + 4])
            attacks.append((rng.choice(block), rng.choice(later)))
    return attacks


def write(n: int, attacks: list[tuple[int, int]], out: Path) -> None:
    if out.suffix == ".apx":
        text = "".join(f"arg({i}).\n" for i in range(1, n + 1))
        text += "".join(f"att({a},{b}).\n" for a, b in attacks)
    else:
        text = f"p af {n}\n" + "".join(f"{a} {b}\n" for a, b in attacks)
    out.write_text(text)


def main(argv: list[str]) -> int:
    if argv[:1] == ["random"] and len(argv) == 5:
        n, m, seed = int(argv[1]), int(argv[2]), int(argv[3])
        write(n, random_attacks(n, m, seed), Path(argv[4]))
    elif argv[:1] == ["cycles"] and len(argv) == 4:
        n, seed = int(argv[1]), int(argv[2])
        write(n, cyclic_blocks(n, seed), Path(argv[3]))
    else:
        sys.stderr.write(__doc__ or "")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
