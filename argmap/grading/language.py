"""An answer's words: folded, lemmatised, and marked where a negation reaches them.

Negation is scoped by clause, not by a window of words, because students
negate from afar: "It is not true that the averages are unsourced or that
the conversions disagree" denies both points; "I don't think they are
separate" denies "separate"; "That they are separate is false" denies it
from behind. The rules:

* A **negator** ("not", "n't", "no", "never", "nobody", "without", "fails
  to", ...) denies the words after it up to the end of its clause. A clause
  ends at ".", ";", ":", "!", "?", at a comma that is followed by a new
  subject-like turn ("but", "because", ...), and at a contrastive or causal
  conjunction ("but", "because", "although", "so", "whereas", ...). "and" and
  "or" do not end it: "not X or Y" denies both.
* A **sentential negator** ("it is not true that", "I don't think",
  "nobody has shown that", "there is no evidence that", "I doubt") denies
  the whole rest of its sentence except what follows a contrastive turn.
* A **trailing denial** ("... is false", "... is wrong", "... is not
  true", "... is a myth") denies its sentence from its start.
* Two negations in one scope cancel ("not unsourced" = sourced).
* A word negated by its own prefix ("unsourced", "disagree", "impossible")
  keeps the prefix in its lemma and is related to its stem by
  `argmap.grading.lexicon.opposite`.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

# Sentence and clause breaks. A comma is a soft break: it ends a plain negation's
# scope, but not a sentential one ("It is not true that A, or that B").
# A full stop between two digits is a decimal point, and a comma before three digits
# a thousands separator: "2,000" and "3.5" are one number each, never "000".
_SENTENCE_BREAK = re.compile(r"(?:[;!?\n]|(?<!\d)\.|\.(?!\d))+|:(?=\s)")
_NUMBER_WRITTEN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]*\d)|\d+\.\d+"
# A dash between words sets off a clause as a comma does: "X — not true".
_DASH = re.compile(r"\s[-–—]+\s|[–—]+")
_TOKEN = re.compile(_NUMBER_WRITTEN + r"|[^\W_]+(?:['’][^\W_]+)*|[,:()\[\]\"“”]")

NEGATORS = frozenset(
    {
        "not",
        "no",
        "never",
        "without",
        "neither",
        "nor",
        "none",
        "nothing",
        "nobody",
        "nowhere",
        "hardly",
        "barely",
        "scarcely",
        "lacks",
        "lack",
        "lacking",
        "cannot",
        "fails",
        "failed",
        "fail",
        "refuse",
        "refuses",
        "refused",
        "unable",
        "decline",
        "declines",
        "declined",
        "neglect",
        "neglects",
        "neglected",
        "cease",
        "ceases",
        "ceased",
        "omit",
        "omits",
        "omitted",
        "deny",
        "denies",
        "denied",
        "absent",
        "free",
        "little",
        "rarely",
        "seldom",
        "rare",
        "less",
        "few",
    }
)
# Negators of degree ("few square metres", "hardly any"): they say "not much", and a
# key term's author may write them without meaning "not" (`grader._in_context`).
DEGREE_NEGATORS = frozenset({"few", "little", "rare", "less", "hardly", "barely", "scarcely"})
# Negators that outside their frame say a deed of their own: "a guest refused at the
# door" (but "refused to comply" denies the complying).
_VERBS_OF_REFUSAL = frozenset(
    {"refuse", "refuses", "refused", "decline", "declines", "declined", "fail", "fails", "failed"}
)
# Words that take the place of a negator only in a fixed frame ("free of", "fail to").
_FRAMED = {
    "little": None,
    "rarely": None,
    "seldom": None,
    "rare": None,
    "less": None,
    "few": None,
    "free": "of",
    "fail": "to",
    "fails": "to",
    "failed": "to",
    "refuse": "to",
    "refuses": "to",
    "refused": "to",
    "decline": "to",
    "declines": "to",
    "declined": "to",
    "neglect": "to",
    "neglects": "to",
    "neglected": "to",
    "cease": "to",
    "ceases": "to",
    "ceased": "to",
    "omit": "to",
    "omits": "to",
    "omitted": "to",
    "unable": "to",
    "absent": None,
    "lack": None,
    "lacks": None,
    "lacking": None,
    "deny": None,
    "denies": None,
    "denied": None,
}

# Conjunctions that end a negation's reach: what follows is a new claim.
SCOPE_ENDERS = frozenset(
    {
        "but",
        "because",
        "since",
        "although",
        "though",
        "whereas",
        "while",
        "however",
        "so",
        "therefore",
        "yet",
        "unless",
        "instead",
        "rather",
        "except",
        "which",
        "who",
        "whose",
        "when",
        "where",
        "if",
        "then",
        "thus",
        "hence",
        "whatever",
        "whoever",
        "still",
        "meanwhile",
        "otherwise",
    }
)

# Verbs of believing or showing: "I don't think X", "nobody has shown X" deny X.
_OPINION = frozenset(
    {
        "think",
        "believe",
        "agree",
        "accept",
        "buy",
        "see",
        "say",
        "show",
        "shown",
        "prove",
        "proven",
        "proved",
        "demonstrate",
        "demonstrated",
        "suggest",
        "mean",
        "follow",
        "true",
        "case",
        "evidence",
        "reason",
        "sign",
        "proof",
        "way",
        "doubt",
        "doubtful",
        "claim",
        "established",
        "clear",
        "likely",
        "sure",
        "convinced",
        "seem",
        "appear",
    }
)
# Verdicts that deny a clause before them ("the idea that X is absurd") but not one
# after them: "it is absurd that residents must scan their faces" says they must.
_ABSURD = frozenset({"absurd", "ridiculous", "laughable", "preposterous"})
# Trailing denials: "<clause> is false".
_DENIAL_WORDS = frozenset(
    {
        "false",
        "untrue",
        "wrong",
        "incorrect",
        "mistaken",
        "myth",
        "nonsense",
        "rubbish",
        "baseless",
        "unfounded",
        "bogus",
        "groundless",
        "untenable",
        "lie",
        "fiction",
        "fantasy",
        *_ABSURD,
    }
)
_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "seems", "sounds"})

# Grammatical words: they carry no point of their own.
FUNCTION_WORDS = frozenset(
    {
        # "fewer" grades a count and denies nothing: fewer errors are still errors.
        "fewer",
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "they",
        "them",
        "their",
        "theirs",
        "he",
        "she",
        "his",
        "her",
        "hers",
        "we",
        "our",
        "ours",
        "you",
        "your",
        "i",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "having",
        "do",
        "does",
        "did",
        "doing",
        "will",
        "would",
        "can",
        "could",
        "should",
        "shall",
        "may",
        "might",
        "must",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "and",
        "or",
        "but",
        "if",
        "so",
        "because",
        "than",
        "then",
        "who",
        "whom",
        "which",
        "what",
        "when",
        "there",
        "here",
        "into",
        "onto",
        "about",
        "even",
        "just",
        "also",
        "any",
        "during",
        "after",
        "before",
        "while",
        "over",
        "under",
        "through",
        "against",
        "between",
        "within",
        "since",
        "until",
        "very",
        "too",
        "some",
        "each",
        "every",
        "my",
        "me",
        "us",
        "him",
        "whose",
        "where",
        "why",
        "how",
        "though",
        "although",
        "unless",
        "whether",
        "yet",
        "such",
        "own",
        "another",
        "both",
        "either",
        "one's",
        "itself",
        "themselves",
        "myself",
        "yourself",
        "ourselves",
        "himself",
        "herself",
        "thing",
        "things",
        "something",
        "anything",
        "everything",
        "really",
        "quite",
        "rather",
        "much",
        "many",
        "lot",
        "lots",
        "well",
        "still",
        "ever",
        "already",
        "again",
        "way",
        "get",
        "gets",
        "got",
        "make",
        "makes",
        "made",
        "let",
        "lets",
        "put",
        "thus",
        "hence",
        "therefore",
        "however",
        "upon",
        "per",
        "via",
        "i'm",
        "it's",
        "that's",
        "there's",
        "you're",
        "they're",
        "we're",
        "whatever",
        "etc",
        "like",
        "say",
        "says",
        "said",
        "think",
        "thinks",
        "believe",
        "whereas",
        "out",
        "up",
        "off",
        "only",
        "s",
        "t",
    }
)
# Verbs too common to carry a point, except under a negation: "a subtenant cannot
# get in", "it does not make money", "they won't let strangers in".
LIGHT_VERBS = frozenset({"get", "gets", "got", "make", "makes", "made", "let", "lets", "put"})
# Words only a keyword list leaves out: a sentence has at least one of these.
SENTENCE_WORDS = FUNCTION_WORDS | NEGATORS


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # folded, as written
    lemma: str
    sentence: int
    negated: bool  # inside an odd number of negation scopes
    content: bool  # a word that can carry a point (not grammatical, not a negator)
    position: int  # index among the answer's words
    cue: str | None = None  # the negator that denies it, to quote it back ("no source")
    # False where the polarity is ambiguous: the subject of "no report shows X" is
    # said to be negated by some readings and not by others, so it neither agrees
    # nor disagrees with a point.
    polar: bool = True
    # The clause it stands in, counted over the whole text: a comma or a turn
    # ("but", "although", "because", ...) starts a new one.
    clause: int = 0
    # Which negation last reached it (sentence and place), -1 for none: words denied
    # by one negation together.
    negator: int = -1
    # The phrasal verb it heads, as WordNet names it ("shut_out" for "shuts strangers
    # out"), met as a word of its own: "shut out" is "keep out", not "shut"; or the
    # word a phrase it heads stands for ("refuse" for "say no").
    phrase: str | None = None
    # After a verb of prevention in its clause, whether or not the reading denies it:
    # "stops subletting" and "stop flats being sublet" both name what is stopped, and
    # meet each other whatever the negation makes of the gerund and the participle.
    prevented: bool = False
    # ... and its polarity without the prevention's denial: "stops subletting" and "stop
    # flats being sublet" both False, "it is false that they keep subletters out" True.
    unprevented: bool = False

    @property
    def shown(self) -> str:
        return f"{self.cue} {self.text}" if self.negated and self.cue else self.text


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace("’", "'").replace("‘", "'")


@cache
def _lemmatizer():  # type: ignore[no-untyped-def]
    import simplemma

    return simplemma


@cache
def lemma(word: str) -> str:
    """The dictionary form of one folded word ("evaporated" -> "evaporate")."""
    if word[:1].isdigit():
        return word.replace(",", "")  # "2,000" is 2000 however it is written
    if len(word) <= 2 or not word.isalpha():
        return word
    lemmatised: str = _lemmatizer().lemmatize(word, lang="en")
    return lemmatised.casefold()


_NUMBER_WORDS: dict[str, float] = {
    word: float(value)
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
} | {
    "thirty": 30.0,
    "forty": 40.0,
    "fifty": 50.0,
    "sixty": 60.0,
    "seventy": 70.0,
    "eighty": 80.0,
    "ninety": 90.0,
    "dozen": 12.0,
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}


@cache
def number_value(word: str) -> float | None:
    """The number one folded word writes ("2,000", "3.5", "ten", "millions"), or None.

    Numbers meet only their equal: "2,000 yuan" is no "5,000 yuan", however alike
    the embeddings find them, and WordNet's "million" for "billion" (a large
    indefinite number) is no synonym when the figure is the point.
    """
    if word[:1].isdigit():
        try:
            return float(word.replace(",", ""))
        except ValueError:  # "4pm", "3d"
            return None
    return _NUMBER_WORDS.get(word, _NUMBER_WORDS.get(word.removesuffix("s")))


@cache
def is_known_word(word: str) -> bool:
    """A word of English (any inflection), as far as the lemma dictionary knows."""
    simplemma = _lemmatizer()
    return bool(simplemma.is_known(word, lang="en")) or (
        lemma(word) != word and bool(simplemma.is_known(lemma(word), lang="en"))
    )


_NT_HEADS = {"ca": "can", "wo": "will", "sha": "shall", "ai": "is"}


# Words whose "'s" is "is" (or "has"); after any other word it is a possessive.
_IS_CONTRACTED = frozenset(
    {"it", "that", "this", "there", "here", "he", "she", "what", "who", "where", "how"}
    | {"when", "why", "everyone", "everybody", "nobody", "nothing", "something", "one"}
)


# Grammatical words that steer a reading, respelled from a typo ("becuase", "wouuld"):
# one of them mistyped would let a negation run on, or end it too soon.
_RESPELLABLE = frozenset(
    {"because", "although", "though", "however", "without", "unless", "whereas", "instead"}
    | {"would", "could", "should", "never", "nothing", "nobody", "cannot", "rather"}
)


# After "zero", words that make it a number: "zero percent", "zero point five".
_AFTER_ZERO_NUMBER = frozenset(
    {"percent", "per", "point", "and", "or", "to", "of", "yuan", "dollars"}
)


def _zero_as_no(words: list[str]) -> list[str]:
    """ "zero mistakes", "zero chance": a "no" ("zero percent" stays a number)."""
    return [
        "no"
        if w == "zero"
        and k + 1 < len(words)
        and words[k + 1].isalpha()
        and words[k + 1] not in _AFTER_ZERO_NUMBER
        else w
        for k, w in enumerate(words)
    ]


# Phrases that turn like "however": "then again, the scan is needed".
_TURN_PHRASES = (("then", "again"), ("mind", "you"), ("on", "the", "other", "hand"))


def _turn_phrases(words: list[str]) -> list[str]:
    """`words` with the first word of a turning phrase read as "however" (the phrase
    keeps its length, so positions still match the words as written)."""
    out = list(words)
    for k in range(len(words)):
        for phrase in _TURN_PHRASES:
            if tuple(words[k : k + len(phrase)]) == phrase and (
                k == 0 or not words[k - 1][0].isalnum() or phrase[0] != "mind"
            ):
                out[k] = "however"
    return out


def _respelled(word: str) -> str:
    """`word`, or the grammatical word it is a one-letter typo of ("becuase")."""
    if len(word) < 5 or not word.isalpha() or word in FUNCTION_WORDS or is_known_word(word):
        return word
    from argmap.grading.lexicon import edit_distance

    return next((g for g in _RESPELLABLE if edit_distance(word, g, 1) <= 1), word)


# Negated auxiliaries as students type them: "dont", "is'nt", "do't".
_AUXILIARY_HEADS = frozenset(
    {"do", "does", "did", "is", "are", "was", "were", "have", "has", "had", "would", "could"}
    | {"should", "ca", "wo", "must", "need"}
)
_WITHOUT_APOSTROPHE = {
    f"{head}nt": head
    for head in ("do", "does", "did", "is", "are", "was", "were", "have", "has", "had")
    + ("would", "could", "should", "ca")
}


def _split(raw: str) -> list[str]:
    """ "didn't" -> "did", "not"; "cannot" -> "can", "not"; "it's" -> "it", "is"; and
    as typed in a hurry: "dont", "is'nt", "do't" -> "do", "not"."""
    if raw == "cannot":
        return ["can", "not"]
    misplaced = (raw.endswith("'nt") and raw[:-3]) or (raw.endswith("'t") and raw[:-2])
    if misplaced and misplaced in _AUXILIARY_HEADS:
        return [_NT_HEADS.get(misplaced, misplaced), "not"]
    if raw in _WITHOUT_APOSTROPHE:
        head = _WITHOUT_APOSTROPHE[raw]
        return [_NT_HEADS.get(head, head), "not"]
    if raw.endswith("n't"):
        head = _NT_HEADS.get(raw[:-3], raw[:-3])
        return [head, "not"] if head else ["not"]
    if "'" in raw:
        head, _, tail = raw.partition("'")
        if tail == "s" and head not in _IS_CONTRACTED:
            return [head]  # a possessive: "the system's data" has no "is"
        return (
            [
                head,
                {"s": "is", "re": "are", "ve": "have", "ll": "will", "d": "would", "m": "am"}.get(
                    tail, tail
                ),
            ]
            if head
            else [tail]
        )
    return [raw]


# "X rather than Y", "X instead of Y", "X as opposed to Y": Y is what is not so.
_CONTRAST_FRAMES = {"than": ("rather",), "of": ("instead",), "to": ("as", "opposed")}
# Verbs of prevention: "stops strangers from entering" denies the entering.
_PREVENTING = frozenset(
    {
        "prevent",
        "prevents",
        "prevented",
        "stop",
        "stops",
        "stopped",
        "keep",
        "keeps",
        "kept",
        "bar",
        "bars",
        "barred",
        "block",
        "blocks",
        "blocked",
        "ban",
        "bans",
        "banned",
        "prohibit",
        "prohibits",
        "prohibited",
        "deter",
        "deters",
        "deterred",
        "discourage",
        "discourages",
        "discouraged",
        "avoid",
        "avoids",
        "avoided",
    }
)

# Words after which a participle stands before its noun ("because prevented crimes…").
_BEFORE_A_NOUN = frozenset(
    {"a", "an", "the", "these", "those", "any", "every", "because", "since", "and", "or"}
    | {"but", "of", "for", "with", "by", "if", "when", "as"}
    # ... and at the start of a clause: "I think prevented wrongdoing is hard to count"
    | {",", "think", "believe", "well", "so", "then"}
)
# Verbs whose "that" opens a clause, not a relative one: "ignores that prevented
# wrongdoing is hard to count" (but "the check that prevented subletting").
_THAT_CLAUSE_VERBS = frozenset(
    {"think", "thinks", "believe", "believes", "say", "says", "know", "knows"}
) | frozenset({"argue", "argues", "grant", "grants", "claim", "claims", "show", "shows"})
# ... but "keeps growing" goes on growing: only "keep ... from" prevents.
_CONTINUING = frozenset({"keep", "keeps", "kept"})


# Verbs by which the writer denies the clause after them: "I disagree that X".
_DENYING_VERBS = frozenset({"disagree", "doubt", "deny", "dispute"})
_INTENSIFIERS = frozenset({"really", "strongly", "seriously", "very", "much", "do"})


def _first_person_denial(words: list[str], i: int) -> bool:
    """ "I disagree that X", "we strongly doubt that X" (not "officials deny that X": a
    report of someone's denial)."""
    if words[i] not in _DENYING_VERBS or not words[i + 1 : i + 2]:
        return False
    if words[i + 1] != "that" and not (words[i] == "doubt" and words[i + 1][0].isalnum()):
        return False  # ("I doubt the scans stop anyone": doubt takes a bare clause too)
    k = i - 1 if i >= 1 and words[i - 1] in _INTENSIFIERS else i
    return k >= 1 and words[k - 1] in {"i", "we"}


def _prevention_at(words: list[str], k: int) -> bool:
    """Whether words[k] is a verb of prevention that prevents something named after it:
    "stops subletting", "keeps strangers from entering" (not "keeps records")."""
    if words[k] not in _PREVENTING or k + 1 >= len(words):
        return False
    if _gerund(words[k + 1]):
        return True
    if any(
        words[j] == "from" and j + 1 < len(words) and _gerund(words[j + 1])
        for j in range(k + 2, min(len(words), k + 6))
    ):
        return True
    # "stop the tenant holding the door": a gerund after the object, no "from"
    return words[k] in _STOPPING and any(
        _gerund(words[j]) and all(w[0].isalnum() for w in words[k + 1 : j])
        for j in range(k + 2, min(len(words), k + 5))
    )


_STOPPING = frozenset({"stop", "stops", "stopped", "prevent", "prevents", "prevented"})


# A verb of prevention reaches this many words into its clause.
_PREVENTION_REACH = 8


def _prevented(words: list[str], end: int) -> set[int]:
    """The positions after a verb of prevention in its clause, whatever the negation
    makes of them: "stops subletting", "stop flats being illegally sublet" (not "keeps
    records", not "doesn't stop subletting", not "the banned smoking area")."""
    out: set[int] = set()
    for i in range(end):
        w = words[i]
        if w not in _PREVENTING or (w in _CONTINUING and "from" not in words[i + 1 : i + 6]):
            continue
        if _participle_before_a_noun(words, i) or _denied_negator(words, i):
            continue
        for j in range(i + 1, min(end, i + 1 + _PREVENTION_REACH)):
            if words[j] == "," or words[j] in SCOPE_ENDERS or words[j] in TURNS:
                break
            out.add(j)
    return out


def _gerund(word: str) -> bool:
    return word.endswith("ing") and len(word) > 4


# Words that may stand between a negator and the verb it negates: "does not really stop".
_BETWEEN_NEGATOR_AND_VERB = frozenset(
    {"really", "actually", "always", "even", "ever", "necessarily", "entirely", "fully"}
    | {"completely", "be", "been", "do", "does", "did", "to", "would", "could", "can", "will"}
    | {"should", "may", "might", "seriously", "one"}
)


# Verbs that deny the clause they take: "deny that", "doubt that".
_DENYING_A_CLAUSE = frozenset(
    {"deny", "denies", "denied", "doubt", "doubts", "doubted", "dispute", "disputes", "disputed"}
)
# Negators that can deny a prevention or a denial after them.
_DENYING_NEGATORS = frozenset(
    {"not", "never", "nothing", "nobody", "cannot", "few", "fail", "fails", "failed", "unable"}
)


def _denied_negator(words: list[str], i: int) -> bool:
    """A prevention or a denial that is itself denied says what it names: "the lock
    doesn't stop subletting", "nothing prevents strangers from entering", "it fails to
    stop subletting" (it goes on), "few would deny that X", "I don't doubt that X"."""
    if words[i] == "from":
        k = next((k for k in range(i - 1, max(-1, i - 6), -1) if words[k] in _PREVENTING), None)
    elif words[i] in _DENYING_A_CLAUSE and words[i + 1 : i + 2] == ["that"]:
        k = i
    else:
        k = i if words[i] in _PREVENTING else None
    if k is None or (words[k] in _PREVENTING and not _prevention_at(words, k)):
        return False
    for n in range(k - 1, max(-1, k - 5), -1):
        if words[n] in _DENYING_NEGATORS:
            return all(w in _BETWEEN_NEGATOR_AND_VERB for w in words[n + 1 : k])
        if words[n] == "no" or (words[n] == "even" and n and words[n - 1] == "not"):
            # "no law prevents subletting", "no one can deny", "not even the office denies"
            return all(w[0].isalnum() for w in words[n + 1 : k])
    return False


_NOT_ONLY = frozenset({"only", "just", "merely", "simply", "solely"})
# "It is unlikely that X": X is as good as denied.
_UNLIKELY = frozenset({"unlikely", "doubtful", "implausible"})
_SAYING = frozenset({"say", "claim", "think", "suggest", "argue", "believe", "assume"})
# Nouns a "no" or "without" denies alone, to say what follows: "no doubt that X".
_NO_DOUBT = frozenset({"doubt", "question", "wonder", "saying"})


# "say no" refuses: its "no" denies nothing, and the two words are the verb "refuse".
_SAY_FORMS = frozenset({"say", "says", "said", "saying"})


def _says_no(words: list[str], k: int) -> bool:
    """Whether words[k] is the "say" of "say no"."""
    return words[k] in _SAY_FORMS and words[k + 1 : k + 2] == ["no"]


# Words that a "than" compares after, as a comparative does ("cheaper than").
_COMPARING = frozenset({"more", "less", "fewer", "rather", "other", "else", "sooner"}) | {
    "different",
    "prefer",
    "prefers",
    "preferred",
}


def _comparative_before(words: list[str], i: int) -> bool:
    """Whether a word before the "than" at `i`, in its clause, is one it compares after."""
    for w in reversed(words[max(0, i - 6) : i]):
        if w == "," or w in SCOPE_ENDERS or w in TURNS:
            return False
        if w in _COMPARING or (w.endswith("er") and len(w) > 3):
            return True
    return False


_COST_FORMS = frozenset({"cost", "costs", "costing"})


def _cost_compared(words: list[str], k: int) -> str | None:
    """ "costs less" is "cheap" and "costs more" "expensive": the verb met as the
    adjective ("the kit costs less every year" makes "cheaper")."""
    if words[k] not in _COST_FORMS:
        return None
    after = words[k + 1 : k + 3]
    if after[:1] in (["much"], ["far"], ["a"], ["even"]):
        after = after[1:] if after[:1] != ["a"] else words[k + 3 : k + 4]
    if after[:1] == ["less"]:
        return "cheap"
    if after[:1] == ["more"]:
        return "expensive"
    return None


def _participle_before_a_noun(words: list[str], i: int) -> bool:
    """ "Prevented wrongdoing is hard to count", "the banned smoking area": a participle
    before its noun, which prevents nothing."""
    return words[i].endswith("ed") and (
        i == 0
        or words[i - 1] in _BEFORE_A_NOUN
        or (
            words[i - 1] == "that"
            and i >= 2
            and (words[i - 2] in _THAT_CLAUSE_VERBS or words[i - 2] in _DISMISSALS)
        )
    )


def _is_negator(words: list[str], i: int) -> bool:
    w = words[i]
    if w == "no" and i and _says_no(words, i - 1):
        return False  # "a tenant who says no to the photo loses the flat"
    if (w in _DENIAL_WORDS - _ABSURD or w in _UNLIKELY) and words[i + 1 : i + 2] == ["that"]:
        return True  # "It is false that X", "it is unlikely that X"
    if (
        w in _DENIAL_WORDS - _ABSURD
        and words[i + 1 : i + 2] == ["to"]
        and words[i + 2 : i + 3]
        and words[i + 2] in _SAYING
    ):
        return True  # "it would be wrong to say that X"
    if _first_person_denial(words, i):
        return True  # "I disagree that X", "I doubt that X"
    before = _CONTRAST_FRAMES.get(w)
    if before is not None and i >= len(before) and tuple(words[i - len(before) : i]) == before:
        return True
    if w == "than" and i and not _comparative_before(words, i):
        return True  # "surveillance of the public than access control": "rather" left out
    if w in _PREVENTING and w not in _CONTINUING:  # "stops subletting", "bans smoking"
        return (
            not _participle_before_a_noun(words, i)
            and i + 1 < len(words)
            and words[i + 1].endswith("ing")
            and len(words[i + 1]) > 4
        )
    if w == "from" and i and words[i - 1] == "far" and words[i + 1 : i + 2]:
        return _gerund(words[i + 1])  # "far from protecting residents"
    if w == "from":  # "keeps strangers from entering": within a few words of the verb
        return (
            i + 1 < len(words)
            and words[i + 1].endswith("ing")
            and any(v in _PREVENTING for v in words[max(0, i - 5) : i])
        )
    if w in {"little", "rare", "few"}:  # "(very) little opposition", not "a little"
        return i == 0 or words[i - 1] not in {"a", "the", "quite"}
    if w == "less":  # "less safe", not "less than half" or "more or less"
        return (
            i + 1 < len(words)
            and words[i + 1] not in {"than", "and", "or", ","}
            and not (i >= 1 and words[i - 1] in {"or", "no", "nothing"})
        )
    if w == "not" and words[i + 1 : i + 2] and words[i + 1] in _NOT_ONLY:
        return False  # "not only X but also Y", "not just about money": X and more
    if w == "but" and i >= 2 and words[i - 1] == "anything" and words[i - 2] in _COPULAS:
        return True  # "is anything but safe" (not "used for anything but the door")
    if w not in NEGATORS:
        return False
    frame = _FRAMED.get(w, "")
    if frame == "":
        return True
    if frame is None:
        return True
    return i + 1 < len(words) and words[i + 1] == frame


# "It isn't clear whether X", "we don't know if X": uncertainty about X, which
# asserts neither X nor its opposite, so it denies nothing.
_EPISTEMIC = frozenset(
    {"clear", "sure", "know", "known", "certain", "obvious", "say", "tell", "decided", "settled"}
)
_OPEN_QUESTION = frozenset({"whether", "if", "how", "why", "what", "who", "which", "when", "where"})


def _uncertain(words: list[str], i: int) -> bool:
    """ "isn't clear whether X", "says nothing about how often X": X is left open."""
    after = words[i + 1 : i + 5]
    if _contrasted_clause(words, i):
        return False  # "X, not how well it works" denies that it works well
    if any(w in {"whether", "how"} for w in words[i + 1 : i + 4]):
        return True
    return any(w in _EPISTEMIC for w in after) and any(w in _OPEN_QUESTION for w in after)


# Negating determiners of a subject: "No source gives ...", "Few residents object ...".
_SUBJECT_DETERMINERS = frozenset({"no", "few"})


# A pronoun that is a subject at the start of a clause ("nothing changed", "which
# nobody reads"), an object after a verb: "people have nothing to fear" denies what
# is feared, not "is their own view" after it.
_NEGATIVE_PRONOUNS = frozenset({"nobody", "nothing", "none", "neither"})
# Words after which a "no" opens the subject of a clause of its own.
_CLAUSE_OPENERS = frozenset(
    {"which", "who", "because", "since", "if", "when", "whereas"}
    | {"so", "although", "though", "while", "unless", "until", "that", "where", "whether"}
)


def _subject_negator(words: list[str], i: int) -> bool:
    """ "No source gives a number": a negated subject denies the predicate that follows."""
    if words[i] == "no" and i + 1 < len(words) and words[i + 1] in {"one", "body"}:
        return True
    if (
        words[i] not in _SUBJECT_DETERMINERS
        and not _not_one(words, i)
        and words[i] not in _NEGATIVE_PRONOUNS
    ):
        return False
    # ("those who have nothing to fear": an auxiliary's object)
    if words[i] in _NEGATIVE_PRONOUNS and i >= 1 and words[i - 1] in _AUXILIARIES:
        return False
    # A clause's subject: "..., which no written rule can hold in check".
    if i >= 1 and words[i - 1] in _CLAUSE_OPENERS:
        return True
    # ... from the start of its clause: "Actually, no source reports a crime", "That
    # sounds right, but no source ..."
    start = max((k + 1 for k in range(i) if words[k] in {",", ";", ":"}), default=0)
    return all(w in FUNCTION_WORDS for w in words[start:i]) and not any(
        w in _COPULAS for w in words[start:i]
    )


def _not_one(words: list[str], i: int) -> bool:
    """ "Not one source", "not a single report": a "not" that is a subject's "no"."""
    return words[i] == "not" and (
        words[i + 1 : i + 2] == ["one"] or words[i + 1 : i + 3] == ["a", "single"]
    )


def _contrasted_clause(words: list[str], i: int) -> bool:
    """ "X, not how well it works", "X, not that they chose it": a "not" opening a
    clause of its own after a comma denies all of that clause."""
    return (
        words[i] == "not"
        and i > 0
        and words[i - 1] in {",", "and", "but"}
        and i + 1 < len(words)
        and words[i + 1] in _OPEN_QUESTION | {"that"}
    )


def _sentential(words: list[str], i: int) -> bool:
    """Is the negator at `i` one that denies its whole sentence ("not true that")?"""
    if words[i] in (_DENIAL_WORDS - _ABSURD) | _UNLIKELY or _first_person_denial(words, i):
        return True
    after = words[i + 1 : i + 5]
    if any(w in _DENYING_A_CLAUSE for w in after[:3]):
        return False  # "I don't doubt that X" denies the doubt, not X
    return any(w in _OPINION for w in after) and (
        "that" in after
        or any(
            w
            in {
                "think",
                "believe",
                "agree",
                "doubt",
                "true",
                "case",
                "evidence",
                "proof",
                "shown",
                "proven",
                "proved",
                "clear",
                "sure",
            }
            for w in after
        )
    )


# Subjects of "... is wrong" that say something is amiss rather than that a claim is false.
_AMISS_SUBJECTS = frozenset(
    {"something", "anything", "everything", "nothing", "what", "who", "which", "someone"}
)


def _trailing_denial(words: list[str], meta: set[int]) -> int | None:
    """Where a trailing "... is false" starts in a sentence, if it ends with one (and
    it judges what the sentence says, not the other side: not "…, so they are wrong").
    Not after a turn that takes the clause back ("People say X, but that is not so":
    `_retracted` denies X; denied twice over, X would read as said)."""
    if any(
        words[k] in _RETRACTING_TURNS and _elliptical_denial(words, k) for k in range(len(words))
    ):
        return None
    comma = _last_comma(words)
    if comma is not None and comma >= 2 and _bare_verdict(words[comma + 1 :]):
        return comma  # "X, not true.", "X — a myth." (a dash reads as a comma)
    for i in range(len(words) - 1, 0, -1):
        if words[i] in _DENIAL_WORDS and i >= 2 and i not in meta:
            j = i - 1
            if words[j] in _BEFORE_A_VERDICT:
                j -= 1
            # "... the sign that something is wrong": a thing is amiss, no claim is false.
            if words[j] in _COPULAS and j >= 1 and words[j - 1] not in _AMISS_SUBJECTS:
                return j
        if (
            words[i] in {"true", "case", "so"}
            and i >= 2
            and words[i - 1] in {"not"}
            and (words[i - 2] in _COPULAS or words[i - 2] == "the")
        ):
            k = i - 2 if words[i - 2] in _COPULAS else i - 3
            return k if k >= 1 else None
        if words[i] not in {"", ","} and i < len(words) - 3:
            break
    return None


def _last_comma(words: list[str]) -> int | None:
    return next((k for k in range(len(words) - 1, -1, -1) if words[k] == ","), None)


# Determiners that deny only the noun phrase after them: "no gap between A and B"
# denies the gap, not A or B.
_NOUN_NEGATORS = frozenset(
    {"no", "none", "nothing", "nobody", "neither", "nor", "little", "rare", "few"}
)
# How many content words a verbal negation reaches: "does not record visitors".
VERB_SCOPE_WORDS = 4
OBJECT_INFINITIVE_WORDS = 2
# A sentential negation reaches over relative and temporal clauses ("I don't think
# tracking when people leave counts as monitoring") but not over a reason or a result.
_WIDE_ENDS = frozenset(
    {
        "because",
        "since",
        "so",
        "therefore",
        "thus",
        "hence",
        "unless",
        "instead",
        "rather",
        "otherwise",
        "meanwhile",
        "still",
    }
)
# Contrastive turns: what follows one sets itself against what came before it.
TURNS = frozenset({"but", "however", "although", "though", "yet", "whereas"})


# Particles that make a verb another verb: "sign up" is no "sign", "scare off" no "scare".
_PHRASAL_PARTICLES = frozenset({"off", "up"})


def _phrasal_particle(words: list[str], k: int) -> bool:
    """Whether words[k] is a particle that makes the verb before it another verb: "off"
    or "up" after a word of content, and "out" after a participle ("locked out" is no
    "lock"; "keeps strangers out" is "keeps strangers away")."""
    w, before = words[k], words[k - 1]
    if not _content_word(before):
        return False
    return w in _PHRASAL_PARTICLES or (w == "out" and before.endswith("ed"))


# A verb's particle: "going out", "giving up".
_PARTICLES = frozenset({"out", "up", "in", "off", "away", "down", "back", "on"})


# Pronouns that open a clause of their own after "and"/"or".
_SUBJECT_PRONOUNS = frozenset({"i", "you", "he", "she", "we", "they", "it", "there"})


# Nouns whose infinitive a "no" denies with them: "no right to ask", "no power to
# refuse", "no need to scan" (not "no access to data").
_MODAL_NOUNS = frozenset(
    {"right", "need", "reason", "way", "power", "chance", "option", "choice", "ability"}
    | {"permission", "means", "say", "intention", "plan", "plans", "obligation", "duty"}
)


def _infinitive_of_a_modal_noun(words: list[str], j: int) -> bool:
    """Whether words[j] is the "to" of "no right to ask", after the noun it completes."""
    return (
        words[j] == "to"
        and j >= 1
        and words[j - 1] in _MODAL_NOUNS
        and j + 1 < len(words)
        and words[j + 1][0].isalnum()
        and words[j + 1] not in _DETERMINERS
    )


def _scope(words: list[str], i: int, end: int) -> list[int]:
    """The positions a negator at `i` denies (see the module's rules)."""
    out: list[int] = []
    if _uncertain(words, i):
        return out
    if words[i] == "less":  # a comparative denies the one word it grades
        return [i + 1] if i + 1 < end else []
    if words[i] in {"no", "without"} and words[i + 1 : i + 2] and words[i + 1] in _NO_DOUBT:
        return [i + 1]  # "there is no doubt that X", "no wonder X", "it goes without saying"
    if _contrasted_clause(words, i):
        for j in range(i + 1, end):
            if words[j] == "," or words[j] in SCOPE_ENDERS or words[j] in TURNS:
                break
            out.append(j)
        return out
    if _sentential(words, i):
        for j in range(i + 1, end):
            if words[j] in _WIDE_ENDS or words[j] in TURNS:
                break
            out.append(j)
        return out
    j = i + 1
    if words[i] == "no" and j < end and words[j] in {"longer", "more"}:
        j += 1  # "no longer in a closed path": a verbal negation
        noun = copular = False
    else:
        # "is not a guardian against the state's use": a copula's negation denies the
        # noun phrase it predicates, up to its first preposition; the state's use is
        # not denied.
        copular = (
            words[i] == "not"
            and i >= 1
            and (
                words[i - 1] in _COPULAS
                # "is really not a guardian", "is just not the point"
                or (
                    i >= 2
                    and words[i - 1] in _JUDGEMENT_ADVERBS | {"really", "surely"}
                    and words[i - 2] in _COPULAS
                )
            )
            and i + 1 < end
            and words[i + 1] in {"a", "an", "the"}
            # "it is not the bulb that is damaged", "there is not a path with both":
            # a cleft or an existential denies the whole of what follows.
            and not (i >= 2 and words[i - 2] in {"it", "there", "this", "that"})
        )
        noun = copular or (words[i] in _NOUN_NEGATORS and not _subject_negator(words, i))
    # A negative pronoun as object with an infinitive reaches over the infinitive's
    # words, not the sentence's next verb: "does nothing to protect you from the
    # operator", "people have nothing to fear is their own view".
    limit = VERB_SCOPE_WORDS
    if noun and words[i] in _NEGATIVE_PRONOUNS and "to" in words[i + 1 : i + 3]:
        noun, limit = False, OBJECT_INFINITIVE_WORDS
    subject = _negated_subject(words, i, end)
    if subject is not None:
        # "No report on the scheme shows visitors logged": a negated subject denies
        # its whole predicate, however long the subject, up to a prevention it denies:
        # "no law prevents subletting" says the subletting.
        for k in subject:
            out.append(k)
            if _prevention_at(words, k) and _denied_negator(words, k):
                return out
        j = subject.stop
    content = 0
    started = False
    while j < end:
        w = words[j]
        if (w in _DENYING_A_CLAUSE and words[j + 1 : j + 2] == ["that"]) or (
            _prevention_at(words, j) and _denied_negator(words, j)
        ):
            # "I don't doubt that X", "does not stop the tenant from ...": the doubting or
            # the stopping is denied, not X or the tenant
            out.append(j)
            break
        if w == "," or w in SCOPE_ENDERS or w in TURNS or _is_negator(words, j):
            break  # (a second negator starts its own scope: "won't open and can't tell")
        if w in {"and", "or"} and j + 1 < end and words[j + 1] in _SUBJECT_PRONOUNS:
            break  # "might not know you and you're stuck outside": a new clause
        if (
            (
                (words[i] in {"not", "never"} and w in _COPULAS)
                or (limit == OBJECT_INFINITIVE_WORDS and w in _COPULAS | _AUXILIARIES | _MODALS)
            )
            and j >= 2
            and (
                _content_word(words[j - 1])
                or (words[j - 1] in _PARTICLES and _content_word(words[j - 2]))
            )
        ):
            # "What never happened is hard to measure", "not going out is the sign":
            # the negated verb ended a subject, and the sentence's own verb is not
            # denied.
            break
        if (
            _subject_negator(words, i)
            and w in _COPULAS
            and words[i + 1] in _AUXILIARIES
            and _verb_form(words[j - 1])
        ):
            # ... as does a negative pronoun's own verb: "an error rate that nobody has
            # published is unknown" ("nobody anywhere is selling it" denies the selling,
            # "nothing published is reliable" the reliability).
            break
        if (
            not noun
            and subject is None
            and not _subject_negator(words, i)
            and content
            and (
                (w in _MODALS and _content_word(words[j - 1]))
                or (w == "and" and _past_verb(words, j + 1) and _verbal(words, i))
            )
        ):
            # A modal or a verb in the past after the negated verb starts a predicate of
            # its own: "a resident whose face is not recognised can use a card", "she
            # refused to comply and sued the park" (but "it was not recorded and
            # analysed" denies both).
            break
        if w in _WH_WORDS and content and not noun and subject is None:
            # A question word opens a clause the negated verb is about, not one it denies:
            # "you can't count what the checks prevent" (they do prevent it).
            break
        if w in _QUOTE_MARKS and sum(x in _QUOTE_MARKS for x in words[:i]) % 2:
            break  # a negation quoted ends with its quote: 'the "may not have a choice" of'
        if (
            not noun
            and subject is None
            and not _subject_negator(words, i)
            and ((content and _content_word(words[j - 1])) or words[j - 1] in _OBJECT_PRONOUNS)
            and finite_verb(w)
        ):
            # ... and so does any verb of its own after a word of content: "a tenant
            # who won't hand over a photo loses the flat", "keeping out people it
            # doesn't recognise protects privacy". ("does not mean it protects" runs
            # on: a pronoun opens a clause the negation reaches; a negated subject
            # denies its verb: "nobody online defends it".)
            break
        is_content = w[0].isalnum() and w not in FUNCTION_WORDS and w not in NEGATORS
        if is_content:
            started = True
            content += 1
        elif (
            noun
            and started
            and w != "of"
            and not (copular and w in {"as", "than"})
            and not _infinitive_of_a_modal_noun(words, j)
        ):
            # the noun phrase is over ("no logging of visitors" runs on over "of"; "is
            # not the same as harm" over "as")
            break
        out.append(j)
        if not noun and content >= limit:
            break
        if w in _JUSTIFYING:
            break  # "doesn't justify going that far": the going is not denied
        j += 1
    return out


# Verbs whose object a negation leaves alone: what is not justified still happens, and
# what cannot be separated is still there ("you can't separate right from practical").
_JUSTIFYING = frozenset(
    {"justify", "justifies", "justified", "warrant", "warrants", "warranted", "excuse"}
    | {"excuses", "excused", "separate", "separates", "distinguish", "distinguishes"}
)


VERBS = Path(__file__).resolve().parent / "data" / "verbs.txt.gz"


@cache
def _verbs_only() -> frozenset[str]:
    """The lemmas WordNet knows only as verbs (scripts/build_lexicon.py), read once."""
    with gzip.open(VERBS, "rt", encoding="utf-8") as f:
        return frozenset(f.read().split())


# -s forms of verbs that are nouns too, but hardly ever plural nouns in an answer.
_VERB_FORMS = frozenset(
    {"keeps", "makes", "gives", "lets", "helps", "takes", "gets", "puts", "leaves", "goes", "comes"}
)


_QUOTE_MARKS = frozenset({'"', "“", "”"})
_AUXILIARIES = frozenset({"has", "have", "had", "did", "does", "do", "can", "could", "will"})


# Pronouns that end an object: "not doing something leaves no trace".
_OBJECT_PRONOUNS = frozenset({"something", "anything", "them", "him", "her", "us", "me"})
_WH_WORDS = (_OPEN_QUESTION - {"whether", "if"}) | {"whom"}
_MODALS = frozenset({"can", "could", "will", "would", "may", "might", "must", "should"})


def _past_verb(words: list[str], k: int) -> bool:
    """ "sued", "searched": an inflected -ed form at `k`."""
    return k < len(words) and words[k].endswith("ed") and lemma(words[k]) != words[k]


def _verbal(words: list[str], i: int) -> bool:
    """Whether the negator at `i` negates a verb of its own ("refused to", "did not"),
    not a participle or adjective after a copula ("was not recorded")."""
    return words[i] not in {"not", "never"} or (i >= 1 and words[i - 1] in {"did", "does", "do"})


def _verb_form(word: str) -> bool:
    """ "published", "protects": a form that is a verb's, not a noun's or an adverb's."""
    return finite_verb(word) or (
        word.endswith("ed") and lemma(word) != word and lemma(word) in _verbs_only()
    )


def finite_verb(word: str) -> bool:
    """ "loses", "protects": an -s form that can only be a verb, so a predicate of its own."""
    return word in _VERB_FORMS or (
        word.endswith("s") and lemma(word) != word and lemma(word) in _verbs_only()
    )


def _negated_subject(words: list[str], i: int, end: int) -> range | None:
    """The words of the subject a "no" at `i` negates, if it negates a subject."""
    determiner = words[i] in _SUBJECT_DETERMINERS
    if (
        not (determiner or _not_one(words, i))
        or not _subject_negator(words, i)
        or (determiner and i + 1 < end and words[i + 1] in {"one", "body", "longer", "more"})
    ):
        return None
    return range(i + 1, _after_noun_phrase(words, i + 1, end))


def _content_word(w: str) -> bool:
    return w[0].isalnum() and w not in FUNCTION_WORDS and w not in NEGATORS


def _after_noun_phrase(words: list[str], j: int, end: int) -> int:
    """Where the noun phrase starting at `j` ends: its words and its "of"/"on" phrases."""
    while j < end and words[j] in {"one", "a", "the"}:
        j += 1
    while j < end and _content_word(words[j]):
        j += 1
    while j + 1 < end and words[j] in {"of", "on", "in", "about", "from", "at", "for"}:
        k = j + 1
        while k < end and words[k] in {
            "a",
            "an",
            "the",
            "this",
            "that",
            "these",
            "those",
            "its",
            "their",
            "his",
            "her",
        }:
            k += 1
        if k >= end or not _content_word(words[k]):
            break
        while k < end and _content_word(words[k]):
            k += 1
        j = k
    return j


# A clause taken back by what follows it. "It is supposed to turn strangers away,
# but it doesn't": an elliptical denial after a turn denies the clause before the
# turn. "Officials claim it logs visitors, but ..." and "In theory it logs visitors,
# but ...": a clause the writer attributes to others or to theory, then turns
# against, is not asserted but rejected; so is one under "although" ("Although it
# claims to X, ...").
_RETRACTING_TURNS = frozenset({"but", "yet", "however"})
# What an elliptical denial may hold besides its negator: "but it doesn't", "but
# that is not really the case", "but in practice they do not".
_ELLIPSIS_WORDS = frozenset(
    {
        *("it", "they", "that", "this", "he", "she", "which", "there", "the", "a"),
        *("is", "are", "was", "were", "be", "been", "do", "does", "did", "has", "have", "had"),
        *_MODALS,
        "shall",
        *("not", "never", "no", "so", "really", "actually", "true", "case", "quite"),
        *("in", "practice", "reality", "fact", "at", "all", "of", "course"),
    }
)
_ATTRIBUTIONS: tuple[tuple[str, ...], ...] = (
    ("supposed", "to"),
    ("meant", "to"),
    ("designed", "to"),
    ("intended", "to"),
    ("claims", "to"),
    ("claimed", "to"),
    ("claim", "to"),
    ("promises", "to"),
    ("promised", "to"),
    ("pretends", "to"),
    ("said", "to"),
    ("in", "theory"),
    ("on", "paper"),
    ("supposedly",),
    ("allegedly",),
    ("ostensibly",),
    ("claim",),
    ("claims",),
    ("claimed",),
    ("say",),
    ("says",),
    ("said",),
)
_CONCESSIVE_STARTS = frozenset({"although", "though", "while", "even"})


def _no_matter_how(words: list[str], k: int) -> bool:
    """ "however normal such rules are": "however" before a word of content means "no
    matter how", and takes nothing back."""
    return words[k] == "however" and k + 1 < len(words) and _content_word(words[k + 1])


def _attribution_end(words: list[str], start: int, stop: int) -> int | None:
    """Where the first attribution frame between `start` and `stop` ends, if any
    ("say no to" refuses: it reports nobody's claim)."""
    for i in range(start, stop):
        for frame in _ATTRIBUTIONS:
            if len(frame) == 1 and i + 1 < stop and words[i + 1] in {"no", "yes"}:
                continue
            if i > start and words[i - 1] in _DETERMINERS:
                continue  # "the claim is mistaken, because ...": a noun, nobody's report
            if tuple(words[i : i + len(frame)]) == frame and i + len(frame) <= stop:
                end = i + len(frame)
                return end + 1 if end < stop and words[end] == "that" else end
    return None


_TRAILING_FRAMES = (("on", "paper"), ("in", "theory"), ("in", "principle"))


def _ends_in_theory(words: list[str], start: int, k: int) -> bool:
    """Whether the clause before the turn at `k` ends "on paper" or "in theory"."""
    end = k - 1 if k >= 1 and words[k - 1] == "," else k
    return any(end - start >= 3 and tuple(words[end - 2 : end]) == f for f in _TRAILING_FRAMES)


# A rejection of what was just reported: "Some people argue X, but I don't buy it",
# "... but that is wrong", "... but I disagree".
_REJECTING = frozenset({"i", "we", "buy", "agree", "accept", "believe"})
_REJECTION = _DENIAL_WORDS | {"disagree"}


def _elliptical_denial(words: list[str], k: int) -> bool:
    """ "... but it doesn't" at the turn `k`: only grammar and a negator to the clause's
    end; or a rejection ("... but I don't buy it", "... but that is wrong")."""
    tail: list[str] = []
    for w in words[k + 1 :]:
        if w == "," or w in SCOPE_ENDERS:
            break
        tail.append(w)
    return (
        bool(tail)
        and any(w in {"not", "never", "no"} or w in _REJECTION for w in tail)
        and all(w in _ELLIPSIS_WORDS or w in _REJECTING or w in _REJECTION for w in tail)
    )


# A verdict on the truth of what was said ("That is false.", "X, a myth."). Not
# "wrong": after "Tenants must scan their faces." a "That is wrong." condemns the practice.
_TRUTH_VERDICTS = _DENIAL_WORDS - {"wrong"}


def _bare_verdict(words: list[str]) -> bool:
    """Whether `words` are only a verdict with no subject: "not true", "not so", "not
    the case", "simply false", "a myth", "nonsense"."""
    if not words or len(words) > 4:
        return False
    if words[-1] in _TRUTH_VERDICTS:
        return all(w in _BEFORE_A_VERDICT for w in words[:-1])
    rest = words[1:] if words[0] in _JUDGEMENT_ADVERBS else words
    return rest in (["not", "true"], ["not", "so"], ["not", "the", "case"], ["not", "at", "all"])


def _denies_the_last_sentence(words: list[str], after_a_question: bool) -> bool:
    """A sentence that is only an elliptical denial: "It doesn't.", "But they are not.",
    "Not true.", "Nonsense." (and "No." after a question: "Does it record visitors? No.")."""
    alnum = [w for w in words if w[0].isalnum()]
    if not alnum or len(alnum) > 6:
        return False
    if alnum[0] in _RETRACTING_TURNS:
        alnum = alnum[1:]
    if _bare_verdict(alnum) or (after_a_question and alnum in (["no"], ["hardly"])):
        return True
    return (
        len(alnum) >= 2
        and alnum[0] in {"it", "they", "that", "this", "he", "she", "which"}
        and any(w in {"not", "never"} or w in _TRUTH_VERDICTS for w in alnum)
        and all(w in _ELLIPSIS_WORDS or w in _TRUTH_VERDICTS for w in alnum)
    )


def _retracted(words: list[str], end: int) -> list[int]:
    """The positions of a clause the sentence takes back (see `_RETRACTING_TURNS`)."""
    out: list[int] = []
    start = 0
    for k in range(end):
        if words[k] not in _RETRACTING_TURNS or _no_matter_how(words, k):
            continue
        if _elliptical_denial(words, k):
            framed = _attribution_end(words, start, k)
            out.extend(range(framed if framed is not None else start, k))
        else:
            framed = _attribution_end(words, start, k)
            if _ends_in_theory(words, start, k):
                # "Clear rules may hold it in check on paper, but ...": the frame closes
                # the clause it takes back.
                out.extend(range(start, k))
            elif framed is not None:
                out.extend(range(framed, k))
        start = k + 1
    if words and words[0] in _CONCESSIVE_STARTS and "," in words[:end]:
        comma = words.index(",")
        framed = _attribution_end(words, 1, comma)
        if framed is not None and not any(w in _RETRACTING_TURNS for w in words[:comma]):
            out.extend(range(framed, comma))
    return [j for j in out if words[j] not in _RETRACTING_TURNS and words[j] != ","]


# Negative pronouns as an object deny their verb: "residents paid nothing", "the
# camera saw nobody", "the report names none".
_NEGATIVE_OBJECTS = frozenset({"nothing", "nobody", "none"})


def _object_negations(words: list[str], end: int) -> list[int]:
    """The verbs a negative pronoun right after them denies ("paid nothing")."""
    return [
        i - 1
        for i in range(1, end)
        if words[i] in _NEGATIVE_OBJECTS
        and _content_word(words[i - 1])
        and not (i + 1 < end and words[i + 1] == "but")
        # "new uses nobody agreed to": a word of content after it makes it a subject.
        and not (i + 1 < end and _content_word(words[i + 1]))
    ]


_FREE_COMPOUND = re.compile(r"([^\W_]+)-free\b")
# Verbs that take "free" as their complement: "set them free", "feel free".
_FREEING = frozenset(
    {"set", "sets", "break", "breaks", "broke", "feel", "feels", "felt", "get", "gets"}
    | {"got", "go", "goes", "went", "walk", "walks", "walked", "run", "runs", "ran"}
    | {"stay", "stays", "stayed", "keep", "keeps", "kept", "let", "lets", "come", "came"}
)


def _free_compounds(sentence: str, words: list[str]) -> list[int]:
    """The words a "-free" compound says are absent: "hands-free entry" (or "hands free
    entry") is entry without hands, so a "can't hand over her face" does not deny it."""
    heads = {m.group(1) for m in _FREE_COMPOUND.finditer(sentence)}
    return [
        k
        for k in range(len(words) - 1)
        if words[k + 1] == "free"
        and (
            words[k] in heads
            or (
                _content_word(words[k])
                and words[k] not in _FREEING
                # ("set the residents free": the verb a few words before)
                and not any(w in _FREEING for w in words[max(0, k - 3) : k])
                and (k + 2 == len(words) or words[k + 2] != "of")
            )
        )
    ]


# Words written apart that are one word: British "for ever" is "forever".
_WRITTEN_APART = {("for", "ever"): "forever"}


def _words(folded: str, marks: bool) -> list[str]:
    """The words of a folded sentence, contractions split ("didn't" -> "did", "not"),
    with its punctuation marks too when `marks`."""
    words: list[str] = []
    for raw in _TOKEN.findall(folded):
        if not raw[0].isalnum():
            if marks:
                words.append(raw)
            continue
        for w in _split(raw):
            joined = _WRITTEN_APART.get((words[-1], w)) if words else None
            if joined is not None:
                words[-1] = joined
            else:
                words.append(w)
    return words


# Talk about the debate rather than its matter: "the claim", "their argument", "the
# other side" ...
_META_NOUNS = frozenset(
    {"claim", "claims", "argument", "arguments", "point", "case", "side", "sides"}
    | {"opponent", "opponents"}
)
_DETERMINERS = frozenset(
    {"the", "this", "that", "these", "those", "their", "his", "her", "its", "your", "my"}
    | {"our", "such", "a", "an", "whose"}
)
# ... a judgement of it ("so the claim is wrong", "this shows they are mistaken",
# "that sounds right") ...
_JUDGEMENTS = _DENIAL_WORDS | {"right", "true"}
_META_VERBS = frozenset({"shows", "show", "proves", "prove", "means", "sounds", "seems"})
_JUDGEMENT_ADVERBS = frozenset({"simply", "just", "plainly", "completely", "totally", "clearly"})
# ("is simply false", "is a myth")
_BEFORE_A_VERDICT = _JUDGEMENT_ADVERBS | {"a", "an"}
# ... and a dismissal of what the other side misses, which says that it is so: "the
# opposing side ignores that the system watches passers-by".
_DISMISSALS = frozenset(
    {"ignore", "ignores", "ignored", "overlook", "overlooks", "overlooked", "forget"}
    | {"forgets", "forgot", "neglect", "neglects", "neglected", "miss", "misses", "missed"}
)


def _meta_words(words: list[str]) -> set[int]:
    """Positions of a sentence's words that talk about the debate, not its matter:
    they are no words of a point, and a judgement among them denies nothing ("the
    technology keeps getting cheaper, so the claim is wrong"; "I disagree")."""
    meta: set[int] = set()
    for k, w in enumerate(words):
        before = words[k - 1] if k else ""
        after = words[k + 1 : k + 4]
        if w in _META_NOUNS and (before in _DETERMINERS or before in {"opposing", "other"}):
            meta.update({k, k - 1} if before in {"opposing", "other"} else {k})
        elif (
            w in {"agree", "disagree"}
            and before in {"i", "we"}
            and not _first_person_denial(words, k)
        ) or (w in _DISMISSALS and (after[:1] == ["that"] or after == ["the", "fact", "that"])):
            meta.add(k)
    for k, w in enumerate(words):
        # ("It is wrong that X", "they are wrong to say X" judge what follows: X)
        if w not in _JUDGEMENTS or words[k + 1 : k + 2] in (["that"], ["to"]):
            continue
        j = k - 1 if k and words[k - 1] in _BEFORE_A_VERDICT else k
        if j < 2 or words[j - 1] not in _COPULAS:
            continue
        start = j - 1
        while start > 0 and words[start - 1] not in {",", ";", ":"}:
            start -= 1
        subject = range(start, j - 1)
        if subject and all(
            words[s] in FUNCTION_WORDS or words[s] in _META_VERBS or s in meta for s in subject
        ):
            meta.update(range(start, k + 1))
    return meta


# "hard to X": X is all but impossible.
HARD_WORDS = frozenset({"hard", "difficult", "impossible", "tough"})
_AGE_UNITS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})


def analyse(text: str) -> list[Token]:
    """The words of `text` with lemma, sentence and negation, in order.

    Kept for the last texts analysed: a question's model answers are analysed
    again for every answer graded against them, and so are their key terms (the
    bundled map alone holds about 4,200 texts of terms, points and claims, so a
    batch over all its questions needs room for more than that).
    """
    return list(_analysed(text))


@lru_cache(maxsize=16_384)
def _analysed(text: str) -> tuple[Token, ...]:
    return tuple(_analyse(text))


def _analyse(text: str) -> list[Token]:
    out: list[Token] = []
    position = 0
    clause = 0
    previous: list[str] = []  # the last sentence's words
    folded = _DASH.sub(" , ", fold(text).replace("%", " percent"))
    breaks = _SENTENCE_BREAK.findall(folded)
    for s_index, sentence in enumerate(_SENTENCE_BREAK.split(folded)):
        words = _turn_phrases(_zero_as_no([_respelled(w) for w in _words(sentence, marks=True)]))
        negated = [False] * len(words)
        cues: list[str | None] = [None] * len(words)
        by: list[int] = [-1] * len(words)
        flipped_by_prevention = [False] * len(words)
        base = s_index * 10_000
        if out and _denies_the_last_sentence(words, "?" in breaks[s_index - 1]):
            # "It is supposed to turn strangers away. It doesn't." takes that back, from
            # where an attribution frame ends ("supposed to") or from its start.
            last = out[-1].sentence
            framed = _attribution_end(previous, 0, len(previous)) or 0
            first = sum(1 for w in previous[:framed] if w[0].isalnum())
            mine = [k for k, t in enumerate(out) if t.sentence == last]
            for k in mine[first:]:
                t = out[k]
                out[k] = replace(t, negated=not t.negated, cue=t.cue or "not", negator=base)
        meta = _meta_words(words)
        denial = _trailing_denial(words, meta)
        end = len(words)
        if denial is not None:
            end = denial
            for k in range(denial):
                negated[k] = not negated[k]
                cues[k] = "not"
                by[k] = base + denial
        # "hard to count" is all but "cannot count": a whole text's "can't count" neither
        # agrees with it nor denies it.
        neutral: set[int] = {
            k + 2
            for k in range(len(words) - 2)
            if words[k] in HARD_WORDS and words[k + 1] == "to" and words[k + 2][0].isalnum()
        }
        for i in range(end):
            if i in meta or not _is_negator(words, i):  # ("the claim is mistaken, because")
                continue
            if _denied_negator(words, i):
                continue  # "doesn't stop subletting": two negations, none left
            neutral.update(_negated_subject(words, i, end) or ())
            preventing = words[i] in _PREVENTING or words[i] == "from"
            for j in _scope(words, i, end):
                negated[j] = not negated[j]
                flipped_by_prevention[j] ^= preventing
                cues[j] = words[i] if words[i] in {"no", "never", "not", "without"} else "not"
                by[j] = base + i
        for j in _object_negations(words, end):
            negated[j] = not negated[j]
            cues[j] = "not"
            by[j] = base + j + 1
        for j in _retracted(words, end):
            negated[j] = not negated[j]
            cues[j] = cues[j] or "not"
            by[j] = base + 9_999
        for j in _free_compounds(sentence, words):
            negated[j] = not negated[j]
            cues[j] = "without"
            by[j] = base + j + 1
        prevented = _prevented(words, end)
        clause += 1
        phrases = _phrasal_verbs(words) | _words_for_phrases(words)
        for k, w in enumerate(words):
            if w == "," or w in SCOPE_ENDERS or w in TURNS:
                clause += 1
            if not w[0].isalnum():
                continue
            content = (
                (
                    w not in FUNCTION_WORDS
                    or (negated[k] and w in LIGHT_VERBS)
                    or (k > 0 and _phrasal_particle(words, k))
                    or _says_no(words, k)
                )
                and (w not in NEGATORS or _refusal_as_deed(words, k))
                # "a ten-year-old" gives an age: no "old" against "young"
                and not (w == "old" and k and words[k - 1] in _AGE_UNITS)
                and k not in meta  # "so the claim is wrong": talk about the debate
            )
            out.append(
                Token(
                    w,
                    lemma(w),
                    s_index,
                    negated[k],
                    content,
                    position,
                    cues[k],
                    k not in neutral,
                    clause,
                    by[k],
                    phrases.get(k),
                    k in prevented,
                    negated[k] != flipped_by_prevention[k],
                )
            )
            position += 1
        previous = words
    return out


# Particles that make phrasal verbs: "shut out", "turn away", "hand over".
PARTICLE_WORDS = _PARTICLES | {"over"}


def _words_for_phrases(words: list[str]) -> dict[int, str]:
    """The heads of phrases that stand for one word, with it: "say no" is *refuse*,
    "costs less" *cheap*, "costs more" *expensive*."""
    found = {k: "refuse" for k in range(len(words)) if _says_no(words, k)}
    found.update((k, price) for k in range(len(words)) if (price := _cost_compared(words, k)))
    return found


def _phrasal_verbs(words: list[str]) -> dict[int, str]:
    """The verbs of `words` that head a phrasal verb WordNet knows, with it: the
    particle right after the verb or after an object of up to three words ("shuts
    strangers out" -> "shut_out", "turn the face scan down" -> "turn_down")."""
    from argmap.grading.lexicon import known_phrase

    found: dict[int, str] = {}
    for k, w in enumerate(words):
        if w not in PARTICLE_WORDS or not k:
            continue
        for j in range(k - 1, max(-1, k - 5), -1):
            if not words[j][0].isalnum() or (j < k - 1 and words[j] in PARTICLE_WORDS):
                break
            phrase = f"{lemma(words[j])}_{w}"
            if j not in found and known_phrase(phrase):
                found[j] = phrase
                break
    return found


@dataclass(frozen=True, slots=True)
class WrittenTerm:
    """What the grader reads of a term, read without the lemmatiser (so that `check
    --notes` stays light): its words, its content words, whether a negator acts in it,
    and the negator words that do not act ("free" in "free press") and so are dropped."""

    words: list[str]
    content: list[str]
    negated: bool
    idle_negators: list[str]


def _refusal_as_deed(words: list[str], k: int) -> bool:
    """ "refused" outside its frame: a word of content ("a guest refused at the door")."""
    return words[k] in _VERBS_OF_REFUSAL and not _is_negator(words, k)


def written_term(term: str) -> WrittenTerm:
    folded = fold(term)
    words = _words(folded, marks=False)
    acting = [_is_negator(words, i) for i in range(len(words))]
    deeds = [_refusal_as_deed(words, i) for i in range(len(words))]
    if _free_compounds(folded, words):  # "hands-free" is without hands: "free" acts
        acting = [a or w == "free" for a, w in zip(acting, words, strict=True)]
    return WrittenTerm(
        words,
        [
            w
            for k, (w, deed) in enumerate(zip(words, deeds, strict=True))
            if (w not in FUNCTION_WORDS or (k > 0 and _phrasal_particle(words, k)))
            and (w not in NEGATORS or deed)
        ],
        any(acting),
        [
            w
            for w, a, deed in zip(words, acting, deeds, strict=True)
            if w in NEGATORS and not a and not deed
        ],
    )


def analyse_term(term: str) -> list[Token]:
    """A key term's content words. Terms are telegraphic: a negator at the end
    denies what comes before it ("face cannot" means the face cannot)."""
    tokens = analyse(term)
    words = [t for t in tokens if t.content]
    if tokens and tokens[-1].text in {"not", "no", "never", "none"} and len(tokens) > 1:
        words = [replace(t, negated=not t.negated, cue="not") for t in words]
    return words


_WRITTEN_WORD = re.compile(_NUMBER_WRITTEN + r"|[^\W_]+(?:['’][^\W_]+)*")
# A quote back covers at most this many of the answer's words.
QUOTE_WORDS = 12


def _written_matches(written: str, word: str) -> bool:
    """Whether a word as written is the analysed `word` ("didn't" holds "did" and "not")."""
    folded = fold(written)
    if folded == word:
        return True
    if word == "not":
        return folded.endswith("n't") or folded == "cannot"
    return folded.startswith(word) and ("'" in folded or folded == "cannot")


def quote_span(sentence: str, tokens: Sequence[Token]) -> str | None:
    """The answer's own words from the first of `tokens` to the last, as written.

    `sentence` is the sentence they come from (`sentences_of`), tokens in the
    order written; a negator that denies the first token ("no", "never",
    "not") is taken in when it stands just before it. None when a token cannot be found
    in order or the stretch is longer than `QUOTE_WORDS` words: the caller then
    shows the matched words alone.
    """
    if not tokens:
        return None
    written = list(_WRITTEN_WORD.finditer(sentence))
    found: list[int] = []
    at = 0
    for token in tokens:
        while at < len(written) and not _written_matches(written[at].group(), token.text):
            at += 1
        if at >= len(written):
            return None
        found.append(at)
        folded = fold(written[at].group())
        if not (token.text != "not" and (folded.endswith("n't") or folded == "cannot")):
            at += 1
    first, last = found[0], found[-1]
    cue = tokens[0].cue if tokens[0].negated else None
    if cue and cue != "not":
        for back in range(first - 1, max(-1, first - 4), -1):
            if fold(written[back].group()) == cue:
                first = back
                break
    elif cue == "not" and first > 0:
        # ... and a "not" right before it: "not independent", "can't protect".
        before = fold(written[first - 1].group())
        if before in {"not", "never", "cannot"} or before.endswith("n't"):
            first -= 1
    if last - first + 1 > QUOTE_WORDS:
        return None
    return " ".join(sentence[written[first].start() : written[last].end()].split())


def sentences_of(text: str) -> list[str]:
    """The sentences `analyse` numbers, as written (to quote one back)."""
    return _SENTENCE_BREAK.split(text)


def content_tokens(text: str) -> list[Token]:
    return [t for t in analyse(text) if t.content]


_CLAUSE_BREAK = re.compile(r"(?:[;:!?()\n]|(?<!\d)[.,]|[.,](?!\d))+")
# A clause ends where a negation stops: at a turn, a reason, a relative clause.
_CLAUSE_WORDS = SCOPE_ENDERS


def clauses(text: str) -> list[str]:
    """`text` cut into clauses, each with at least two words: the units a point is made in."""
    out: list[str] = []
    for part in _CLAUSE_BREAK.split(text):
        current: list[str] = []
        for word in part.split():
            if fold(word) in _CLAUSE_WORDS and len(current) >= 2:
                out.append(" ".join(current))
                current = []
            current.append(word)
        if current:
            out.append(" ".join(current))
    merged: list[str] = []
    for clause in out:
        if len(clause.split()) < 2 and merged:
            merged[-1] += " " + clause
        else:
            merged.append(clause)
    return merged or [text]
