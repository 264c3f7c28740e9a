"""Generate large, valid argmap maps for benchmarks (and tests that need size).

The shape imitates a real debate: one thesis, a tree of claims where each
claim supports or attacks a parent (attacks a little more often deep down),
some linked premises, undercuts of existing relations, themes, facts with
evidence quoting a generated source text, and a few cross-links.

    python benchmarks/gen_map.py 10000 -o /tmp/map-10k.yaml
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.model import Map

THEMES = [
    "fraud",
    "subletting",
    "safety",
    "privacy",
    "function-creep",
    "accuracy",
    "consent",
    "data-security",
    "cost",
    "normalisation",
]
WORDS = [
    "face",
    "door",
    "tenant",
    "lock",
    "data",
    "camera",
    "rent",
    "scan",
    "police",
    "record",
    "visitor",
    "phone",
    "consent",
    "privacy",
    "safety",
    "fraud",
    "cost",
    "error",
    "register",
    "database",
    "law",
]
KINDS = ["fact", "value", "policy", "prediction"]


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return (" ".join(words)).capitalize() + "."


def generate_map(
    n_claims: int,
    seed: int = 1,
    source_file: str | None = None,
) -> tuple[str, str]:
    """YAML text of a valid map with `n_claims` claims, and the text its quotes come from."""
    rng = random.Random(seed)
    quotes = [_sentence(rng, 6) for _ in range(50)]
    out = [
        "argmap: 1",
        "map:",
        f"  id: generated-{n_claims}",
        f"  title: Generated map of {n_claims} claims",
        "  theses: [c0]",
        "  themes:",
    ]
    out += [f"    {t}: {t.replace('-', ' ').title()}" for t in THEMES]
    out += [
        "sources:",
        "  - id: s1",
        "    title: Generated source",
        "    outlet: Generator",
        "    kind: synthetic",
        "    reliability: Invented for benchmarks only.",
    ]
    if source_file:
        out.append(f"    file: {source_file}")
    out.append("claims:")
    for i in range(n_claims):
        kind = "policy" if i == 0 else rng.choice(KINDS)
        themes = rng.sample(THEMES, rng.randint(1, 2))
        out.append(f"  - id: c{i}")
        out.append(f"    text: Claim {i} says {_sentence(rng, 8)}")
        out.append(f"    kind: {kind}")
        out.append(f"    themes: [{', '.join(themes)}]")
        if kind == "fact":
            out.append("    evidence:")
            out.append(
                f"      - {{source: s1, locator: line {rng.randint(1, 50)}, "
                f"quote: {rng.choice(quotes)!r}}}".replace("'", '"')
            )
        if rng.random() < 0.3:
            out.append(f"    base: {rng.choice([0.3, 0.4, 0.6, 0.7, 0.8])}")
        if rng.random() < 0.4:
            out.append(
                f"    key_points: [{rng.choice(WORDS)}, {{point: {rng.choice(WORDS)}, "
                f"synonyms: [{rng.choice(WORDS)}s]}}]"
            )
    out.append("relations:")
    relation_ids: list[str] = []
    for i in range(1, n_claims):
        parent = rng.randrange(max(0, i - 200), i) if rng.random() < 0.7 else rng.randrange(i)
        rel_type = "attack" if rng.random() < 0.5 else "support"
        sources = [f"c{i}"]
        if rel_type == "support" and parent + 1 < i and rng.random() < 0.05:
            # Premises always come after their conclusion, so support never circles.
            sources.append(f"c{rng.randrange(parent + 1, i)}")
        rid = f"r{i}"
        relation_ids.append(rid)
        why = ' why: "A generated reason."' if rel_type == "attack" else ""
        out.append(
            f"  - {{id: {rid}, type: {rel_type}, from: [{', '.join(sources)}], "
            f"to: c{parent},{why}}}"
        )
    for j in range(max(1, n_claims // 50)):
        if not relation_ids:
            break
        target = rng.choice(relation_ids)
        undercutter = rng.randrange(1, n_claims)
        if f"c{undercutter}" in target:
            continue
        out.append(f"  - {{id: u{j}, type: undercut, from: c{undercutter}, to: {target}}}")
    return "\n".join(out) + "\n", "\n".join(quotes) + "\n"


def generated_map(n_claims: int, seed: int = 1) -> Map:
    """A generated map loaded as argmap loads a file (its quotes' source text is left out)."""
    import tempfile

    from argmap.loading import load_map

    text, _ = generate_map(n_claims, seed=seed)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.yaml"
        path.write_text(text, encoding="utf-8")
        the_map = load_map(path).map
    assert the_map is not None
    return the_map


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", type=int)
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    path = Path(args.output)
    source = path.with_suffix(".source.txt")
    text, source_text = generate_map(args.claims, args.seed, source.name)
    path.write_text(text)
    source.write_text(source_text)
    print(f"wrote {path} ({len(text) / 1e6:.1f} MB) and {source}")


if __name__ == "__main__":
    main()
