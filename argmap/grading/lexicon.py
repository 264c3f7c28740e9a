"""How close two words are in meaning, and whether one denies the other.

Three resources, each loaded on first use (never at import, so `argmap check`
and the explorer's start-up do not pay for them):

* **WordNet 3.0** relations (`data/lexicon.tsv.gz`, 1.8 MB, about 0.3 s to
  load): synonyms of a word's most frequent senses, antonyms, derived forms.
* **wordllama**'s static token embeddings (a 16 MB file inside its wheel,
  about 0.5 s to load): a graded similarity for words WordNet does not relate,
  and for whole sentences. It is pointed at its own package folder with
  downloads disabled: nothing is fetched, ever.
* Edit distance for typos, forgiven in proportion to the word's length.

Morphological negation ("unsourced" against "sourced", "disagree" against
"agree") is an opposite too, when the stem is itself an English word.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.grading.language import is_known_word, lemma, number_value

if TYPE_CHECKING:
    import numpy as np

LEXICON = Path(__file__).resolve().parent / "data" / "lexicon.tsv.gz"

# Similarity given to each way two words can meet.
SAME = 1.0
TYPO = 0.9
RELATED = 0.85  # derived forms: evaporate / evaporation
SYNONYM = 0.8
# Embedding similarity below this is noise for single words.
EMBEDDING_FLOOR = 0.5

_NEGATIVE_PREFIXES = ("un", "non", "dis", "in", "im", "il", "ir", "mis")
_NEGATIVE_SUFFIX = "less"  # "pointless" against "point"


@dataclass(frozen=True, slots=True)
class Relations:
    synonyms: frozenset[str]
    opposites: frozenset[str]
    related: frozenset[str]
    descriptive: frozenset[str] = frozenset()  # opposites only as an adjective or adverb


_EMPTY = Relations(frozenset(), frozenset(), frozenset())


@cache
def _table() -> dict[str, str]:
    with gzip.open(LEXICON, "rt", encoding="utf-8") as f:
        return {line[: line.index("\t")]: line for line in f if "\t" in line}


@cache
def relations(word: str) -> Relations:
    line = _table().get(word)
    if line is None:
        return _EMPTY
    _, syn, opp, rel, desc = (line.rstrip("\n").split("\t") + ["", "", "", ""])[:5]

    def split(field: str) -> frozenset[str]:  # (phrases as WordNet writes them: "shut_out")
        return frozenset(w for w in field.split(",") if w)

    return Relations(split(syn), split(opp), split(rel), split(desc))


def known_phrase(phrase: str) -> bool:
    """Whether WordNet lists `phrase` ("shut_out") with a relation of its own."""
    return phrase in _table()


def typo_allowance(word: str) -> int:
    """Edits forgiven: none up to 4 letters, 1 up to 8, then 2."""
    if len(word) <= 4:
        return 0
    return 1 if len(word) <= 8 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment), giving up past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if limit == 1 and min(len(a), len(b)) >= 3 and a[0] != b[0] and a[-1] != b[-1]:
        return 2  # one edit cannot change both ends of a word of three letters or more
    if len(set(a) ^ set(b)) > 2 * limit:
        return limit + 1  # each edit brings in or takes out at most two letters
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


@cache
def _negative_stem(word: str) -> str | None:
    """ "unsourced" -> "sourced", "pointless" -> "point": a word its prefix negates.

    Only for words WordNet does not know (it lists the antonyms of those it does):
    "improving" is not "proving" negated.
    """
    if word in _table() or lemma(word) in _table():
        return None
    for prefix in _NEGATIVE_PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 4 and is_known_word(rest):
            return rest
    if word.endswith(_NEGATIVE_SUFFIX) and len(word) >= 8 and is_known_word(word[:-4]):
        return word[:-4]
    return None


def _forms(word: str) -> set[str]:
    return {word, lemma(word)}


# Irregular comparatives and superlatives: an adjective's own inflections.
_COMPARED = frozenset({"better", "best", "worse", "worst", "less", "least", "more", "most"})


def _descriptive_forms(word: str) -> set[str]:
    """The forms of `word` that can be an adjective or adverb: itself, and its lemma
    only through a comparison ("cheaper" is "cheap"; "minutes" is no "minute", "meant"
    no "mean")."""
    base = lemma(word)
    if base == word or word.endswith(("er", "est")) or word in _COMPARED:
        return {word, base}
    return {word}


# Opposites WordNet does not pair, by lemma: WordNet lists antonyms between single
# senses of adjectives ("safe"/"dangerous") but not across parts of speech or near
# synonyms ("connected"/"gap", "welcome"/"resent"). Each row: two groups of words,
# every word of one denying every word of the other. General English, for every map.
OPPOSITE_GROUPS: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(a.split()), frozenset(b.split()))
    for a, b in (
        ("connect connected link linked attach attached join joined", "separate gap apart"),
        ("same equal identical alike", "different unequal difference differ"),
        ("welcome like approve embrace", "hate dislike resent oppose fear"),
        ("support favour favor", "oppose"),
        ("safe safer secure protected", "vulnerable unsafe endangered"),
        ("neutral impartial independent unbiased", "bias biased partisan"),
        ("allow permit admit", "prevent block forbid exclude bar"),
        ("increase raise rise grow", "decrease reduce lower cut shrink fall"),
        ("cheap inexpensive", "expensive costly"),
        ("legal lawful", "illegal unlawful"),
        ("closed complete", "open broken incomplete"),
    )
)


# Converses WordNet lists as antonyms: one exchange seen from its two sides. A card
# that is lent is borrowed; "ID cards can be lent or sold" denies no "borrowed ID card".
CONVERSES: frozenset[frozenset[str]] = frozenset(
    frozenset(pair.split()) for pair in ("lend borrow", "buy sell", "import export", "parent child")
)


# word -> the (group, side) pairs it belongs to, so a pair is checked by lookup.
_GROUP_SIDES: dict[str, set[tuple[int, int]]] = {}
for _g, _sides in enumerate(OPPOSITE_GROUPS):
    for _side, _words in enumerate(_sides):
        for _w in _words:
            _GROUP_SIDES.setdefault(_w, set()).add((_g, _side))


_CONVERSE_OF: dict[str, frozenset[str]] = {w: pair - {w} for pair in CONVERSES for w in pair}


@dataclass(frozen=True, slots=True)
class _Polarity:
    """What one word can deny, read once per word (a question compares each answer
    word with each term word: the pairs are many, the words few)."""

    forms: frozenset[str]
    sides: frozenset[tuple[int, int]]  # its places in OPPOSITE_GROUPS
    stems: tuple[str, ...]  # what its negative prefix or suffix negates
    opposites: frozenset[str]  # WordNet's antonyms of its forms (as a noun or verb too)
    converses: frozenset[str]
    described: frozenset[str]  # its forms that can be an adjective or adverb
    descriptive: frozenset[str]  # WordNet's antonyms of those, only as adjective or adverb


@cache
def _polarity(word: str) -> _Polarity:
    forms = frozenset(_forms(word))
    described = frozenset(_descriptive_forms(word))
    return _Polarity(
        forms,
        frozenset(gs for x in forms for gs in _GROUP_SIDES.get(x, ())),
        tuple(stem for x in forms if (stem := _negative_stem(x)) is not None),
        frozenset(o for x in forms for o in relations(x).opposites - relations(x).descriptive),
        frozenset(c for x in forms for c in _CONVERSE_OF.get(x, ())),
        described,
        frozenset(o for x in described for o in relations(x).descriptive),
    )


@cache
def opposite(a: str, b: str) -> bool:
    """Does word `a` deny word `b` ("closed"/"open", "unverifiable"/"verified")?"""
    if a == b:
        return False
    pa, pb = _polarity(a), _polarity(b)
    if pa.converses & pb.forms:
        return False
    if pa.sides and any((g, 1 - side) in pa.sides for g, side in pb.sides):
        return True
    for stems, others in ((pa.stems, pb.forms), (pb.stems, pa.forms)):
        if any(lexical_similarity(stem, o) >= SYNONYM for stem in stems for o in others):
            return True
    return bool(
        pa.opposites & pb.forms
        or pb.opposites & pa.forms
        or pa.descriptive & pb.described
        or pb.descriptive & pa.described
    )


# Particles that say the same of a verb: "locked out", "locked outside". (WordNet has
# no particles.)
_AWAY = frozenset({"out", "away", "outside"})


_AGENT_ENDINGS = ("or", "er", "ist", "ant")


def _agent(word: str) -> bool:
    """Whether a lemma reads as the one who does something ("operator", "manager")."""
    return word.endswith(_AGENT_ENDINGS)


@cache
def lexical_similarity(a: str, b: str) -> float:
    """Similarity of two folded words from the lemma, WordNet and typos alone (0-1)."""
    if a == b:
        return SAME
    if a in _AWAY and b in _AWAY:
        return SYNONYM
    na, nb = number_value(a), number_value(b)
    if na is not None or nb is not None:
        return SAME if na == nb else 0.0
    la, lb = lemma(a), lemma(b)
    if la == lb:
        return SAME
    ra, rb = relations(la), relations(lb)
    if lb in ra.related or la in rb.related or a in rb.related or b in ra.related:
        return RELATED
    # Both ways: one sense in common is not enough ("run" lists "test" as a synonym,
    # "test" does not list "run").
    if lb in ra.synonyms and la in rb.synonyms:
        return SYNONYM
    limit = typo_allowance(b)
    if limit and min(len(a), len(b)) >= 5 and edit_distance(a, b, limit) <= limit:
        return TYPO
    if len(la) >= 6 and len(lb) >= 6 and la[:6] == lb[:6] and _agent(la) == _agent(lb):
        # same stem, another derivation: "verifiable" / "verified" (but the one who
        # does it is not the deed: "operator" / "operation")
        return RELATED
    return 0.0


# -- embeddings ------------------------------------------------------------------------------


@cache
def _model() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


class Embedder:
    """Sentence and word vectors, cached per text: a map's model answers repeat."""

    def __init__(self) -> None:
        self._cache: dict[str, np.ndarray] = {}

    def vectors(self, texts: list[str]) -> list[np.ndarray]:
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            for text, vec in zip(missing, _model().embed(missing, norm=True), strict=True):
                if len(self._cache) > 50_000:
                    self._cache.clear()
                self._cache[text] = vec
        return [self._cache[t] for t in texts]

    def prepare(self, words: Iterable[str]) -> None:
        """Embed at once the words about to be compared: one call to the model for an
        answer's words, not one for each new pair of them."""
        self.vectors([w for w in dict.fromkeys(words) if len(w) >= 3 and w not in self._cache])

    def similarity(self, a: str, b: str) -> float:
        va, vb = self._cache.get(a), self._cache.get(b)
        if va is None or vb is None:  # (the common case, two words seen before, is a dot)
            va, vb = self.vectors([a, b])
        return float(va @ vb)


EMBEDDER = Embedder()


@lru_cache(maxsize=200_000)
def word_similarity(a: str, b: str) -> float:
    """Similarity of two folded words: lexical if any, else the embeddings' above a floor."""
    lexical = lexical_similarity(a, b)
    if lexical:
        return lexical
    if len(a) < 3 or len(b) < 3 or number_value(a) is not None or number_value(b) is not None:
        return 0.0
    cos = EMBEDDER.similarity(lemma(a), lemma(b))
    return cos if cos >= EMBEDDING_FLOOR else 0.0
