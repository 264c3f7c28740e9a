"""How the words of a free-text answer are split and compared with key terms.

Matching is on whole words (never substrings: "no" must not match inside
"notion"), after folding case and a light suffix strip so that "photos",
"photo" and "moved"/"moving" meet. Typos are forgiven in proportion to the
length of the key word: short words must be exact, because one letter turns
"not" into "now".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Splits an answer into clauses: a negation never reaches across one of these.
_CLAUSE_BREAK = re.compile(r"[.;:!?,()\[\]\n]+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# Words that deny what follows them. "n't" and "cannot" are split into "not".
NEGATORS = frozenset({
    "not", "no", "never", "without", "neither", "nor", "hardly", "barely",
    "scarcely", "none", "nothing", "nobody", "nowhere", "lacking",
})
# How many words before a key term a negator may stand and still deny it.
NEGATION_WINDOW = 3

# Suffixes stripped before comparing, longest first; the stem keeps >= 3 letters.
_SUFFIXES = ("ing", "ed", "es", "s", "e")

# Grammatical words: an answer with none of them is a list, not a sentence.
FUNCTION_WORDS = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "they", "them",
    "their", "he", "she", "his", "her", "we", "our", "you", "your", "i", "is", "are",
    "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
    "will", "would", "can", "could", "should", "may", "might", "must", "of", "to",
    "in", "on", "at", "by", "for", "with", "from", "as", "and", "or", "but", "if",
    "so", "because", "than", "then", "who", "which", "what", "when", "there", "not",
    "no", "never", "into", "about", "even", "only", "just", "also", "all", "any",
    "during", "after", "before", "while", "over", "under", "through", "against",
    "between", "without", "within", "since", "until", "more", "less", "most",
    "very", "too", "some", "each", "every", "my", "me", "us", "him", "whose", "where",
    "why", "how", "though", "although", "unless", "whether", "nor", "yet",
})


@dataclass(frozen=True, slots=True)
class Word:
    text: str  # folded, as written
    stem: str
    clause: int


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace("’", "'")


def stem(word: str) -> str:
    """A crude, consistent stem: enough to meet inflections, never a dictionary."""
    if word.endswith("ss"):
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


_NT_HEADS = {"ca": "can", "wo": "will", "sha": "shall"}


def _split_word(raw: str) -> list[str]:
    """"didn't" -> "did", "not"; "cannot" -> "can", "not"; "it's" -> "it"."""
    if raw == "cannot":
        return ["can", "not"]
    if raw.endswith("n't"):
        head = _NT_HEADS.get(raw[:-3], raw[:-3])
        return [head, "not"] if head else ["not"]
    return [raw.split("'")[0]]


def words(text: str) -> list[Word]:
    """The words of `text`, folded, stemmed and numbered by clause."""
    out: list[Word] = []
    for clause, part in enumerate(_CLAUSE_BREAK.split(fold(text))):
        for raw in _WORD.findall(part):
            for piece in _split_word(raw):
                out.append(Word(piece, stem(piece), clause))
    return out


def typo_allowance(word: str) -> int:
    """Edits forgiven in a key word: none up to 4 letters, 1 up to 8, then 2."""
    if len(word) <= 4:
        return 0
    return 1 if len(word) <= 8 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment), giving up past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
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


def same_word(answer: Word, key: Word) -> bool:
    if answer.text == key.text or answer.stem == key.stem:
        return True
    # The allowance follows the length of what is compared: "are" must not pass for
    # "agreed" through their short stems.
    whole, stems = typo_allowance(key.text), typo_allowance(key.stem)
    return ((whole > 0 and edit_distance(answer.text, key.text, whole) <= whole)
            or (stems > 0 and edit_distance(answer.stem, key.stem, stems) <= stems))


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a key term was found in an answer, and whether it was denied."""

    start: int
    length: int
    negated: bool


def find_term(answer: list[Word], term: list[Word]) -> list[Hit]:
    """Every place the words of `term` occur in order, inside one clause."""
    hits: list[Hit] = []
    n = len(term)
    if n == 0:
        return hits
    term_is_negative = any(w.text in NEGATORS for w in term)
    for i in range(len(answer) - n + 1):
        window = answer[i: i + n]
        if window[0].clause != window[-1].clause:
            continue
        if all(same_word(a, k) for a, k in zip(window, term, strict=True)):
            negated = False
            if not term_is_negative:
                before = answer[max(0, i - NEGATION_WINDOW): i]
                negated = any(w.text in NEGATORS and w.clause == window[0].clause
                              for w in before)
            hits.append(Hit(i, n, negated))
    return hits
