"""Grading a typed answer against model answers: the one grading function argmap has.

An answer is read as a teacher reads it, in four steps:

1. **Is it an argument at all?** Gibberish (mostly non-words), a single word
   and a bare list of keywords (no grammatical word) are `incorrect` whatever
   they name: a debater must argue.
2. **Which points does it make?** Each key point (its words or a synonym the
   map gives) is looked for among the answer's words: the same lemma, a
   WordNet synonym or derived form, a typo, or a near word by embeddings.
   A point is *made* when its words are found, *contradicted* when they are
   found under a negation or as their antonym ("not separate", "the figures
   agree" against "conversions disagree"), *missed* otherwise.
3. **Does it make the model answer's substance in other words?** The answer
   is also compared with the model answer's whole text, by the share of its
   content words met and by sentence embeddings. A close paraphrase is
   `correct` even when it uses none of the key words; a paraphrase that
   negates the model answer is `contradictory`. A reference with no key
   points is graded this way alone.
4. **The verdict**: any contradicted point, or a point made and denied,
   makes it `contradictory`; all points made (or the substance) `correct`;
   some `partial`; none `incorrect`. Padding (far longer than the model
   answer) is held at `partial`.

The thresholds below are general: set once on real students' answers
(SemEval-2013) and on our own labelled corpus (docs/benchmarks.md), never
per question or per map.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from argmap.display import shorten
from argmap.grading.comparison import reverses_a_comparison
from argmap.grading.language import (
    DEGREE_NEGATORS,
    HARD_WORDS,
    NEGATORS,
    PARTICLE_WORDS,
    SENTENCE_WORDS,
    TURNS,
    Token,
    analyse,
    analyse_term,
    clauses,
    finite_verb,
    fold,
    is_known_word,
    number_value,
    quote_span,
    sentences_of,
)
from argmap.grading.lexicon import (
    EMBEDDER,
    edit_distance,
    lexical_similarity,
    opposite,
    typo_allowance,
    word_similarity,
)
from argmap.grading.verdicts import Assessment, PointResult, PointState, Reference, Verdict
from argmap.model import KeyPoint

# A word of a point counts as met from this similarity (1 same, 0.8 synonym).
WORD_MET = 0.5
# A denial counts only on a word met this closely (a synonym or closer): a word that
# is merely near in meaning, under a negation, is too weak to call a contradiction.
DENIAL_MET = 0.8
# A key-point term is made when this share of its words is met.
TERM_MADE = 0.75
# A word of the question earns this much of a word the student found alone.
QUESTION_WORD_WEIGHT = 0.3
GENERIC_WORDS = frozenset(
    {"people", "person", "someone", "somebody", "something", "anyone", "anybody"}
)
# Whole-text grading (a reference with no key points): the share of the model
# answer's content met, the sentence similarity, and their mean. Set on the
# SemEval-2013 training answers (docs/benchmarks.md), the same for every question.
TEXT_COVERAGE_CORRECT = 0.5
TEXT_SIMILARITY_CORRECT = 0.75
TEXT_BLEND_CORRECT = 0.45
TEXT_COVERAGE_PARTIAL = 0.3
# With key points, the whole text only rescues a paraphrase that says most of it.
SUBSTANCE_COVERAGE = 0.6
SUBSTANCE_SIMILARITY = 0.8
SUBSTANCE_BLEND = 0.55
# ... or that pairs every clause of it with a clause of its own, on some shared words.
SUBSTANCE_ALIGNED = 0.32
SUBSTANCE_ALIGNED_COVERAGE = 0.25
# ... in at least this many content words for each of the model answer's.
SUBSTANCE_LENGTH = 0.6
SUBSTANCE_DENIED_SHARE = 0.05
# Whole-text contradiction: this share of the met content is denied.
TEXT_DENIED_SHARE = 0.3
TEXT_COVERAGE_CONTRA = 0.2
KEYED_COVERAGE_CONTRA = 0.35
KEYED_DENIED_SHARE = 0.3
# ... even with a key point made, when this share of the met words is denied.
KEYED_TEXT_DENIED = 0.5
# Padding: longer than this many words, or this many times the model answer.
PADDING_MIN_LIMIT = 40
PADDING_FACTOR = 3
# Three sentences or more, fewer than half of them about the model answer: padding.
PADDING_MIN_SENTENCES = 3
PADDING_FOCUS = 0.5
SENTENCE_ABOUT = 0.34  # a sentence is about the model answer when a third of its words are
GIBBERISH_SHARE = 0.5
# A run of words with no grammatical word at all, up to this long, is a keyword list.
KEYWORD_LIST_WORDS = 6


@dataclass(frozen=True, slots=True)
class Match:
    """How one word of a point was met in the answer: the best agreeing and denying words."""

    weight: float
    agree: float
    deny: float
    agree_token: Token | None
    deny_token: Token | None
    flipped: bool = False  # agreed through a negated antonym: "doesn't waste" for "saves"

    @property
    def best(self) -> float:
        return max(self.agree, self.deny)

    @property
    def denied(self) -> bool:
        return self.deny > self.agree


@dataclass(frozen=True, slots=True)
class TermMatch:
    coverage: float  # weighted share of the term's words met, either way
    agree: float  # ... met with the term's own polarity
    deny: float  # ... met, most of it (by weight) denied
    both: float  # ... met both ways, far apart: said and unsaid
    denied_share: float  # share of the met mass whose best match denies
    evidence: str | None
    denial: str | None
    # The answer's words behind `evidence`, in the order written (to quote them back).
    evidence_tokens: tuple[Token, ...] = ()
    antonym: bool = False  # denied by an antonym ("pricier"), not by a negation


def _match_word(
    word: Token,
    answer: Sequence[Token],
    weight: float,
    ambiguous: bool = False,
    opposites: bool = True,
    echoes: frozenset[tuple[str, bool]] = frozenset(),
) -> Match:
    """The best agreeing and denying words for `word`; with `ambiguous`, words whose
    polarity is ambiguous (`Token.polar`) never deny; without `opposites`, an
    antonym is not a denial, nor is one the model answer says itself (`echoes`: its
    words' lemmas and polarities): "optional in a shop, compulsory at home" is
    contrasted, and its "compulsory" denies no "choice in a shop"."""
    agree, deny = 0.0, 0.0
    agree_tok: Token | None = None
    deny_tok: Token | None = None
    agree_flipped = False
    for tok in answer:
        if tok.phrase is None and word.phrase is None:  # (the common case, kept fast)
            # (`opposite` reads each word's lemma too.)
            opposed, sim = _word_pair(tok.text, word.text)
        else:
            opposed, sim = _opposed(tok, word), _similarity(tok, word)
        if opposed and opposites and (tok.lemma, tok.negated) not in echoes:
            sim, flipped = 0.9, True
        else:
            flipped = False
            if sim < WORD_MET:
                continue
        if (
            (tok.negated != word.negated) != flipped
            and not (ambiguous and not (tok.polar and word.polar))
            and not (
                tok.prevented
                and word.prevented
                and not flipped
                and tok.unprevented == word.unprevented
            )
        ):
            if sim > deny and sim >= DENIAL_MET:
                deny, deny_tok = sim, tok
        elif sim > agree:
            agree, agree_tok, agree_flipped = sim, tok, flipped
    return Match(weight, agree, deny, agree_tok, deny_tok, agree_flipped)


@lru_cache(maxsize=400_000)
def _word_pair(a: str, b: str) -> tuple[bool, float]:
    """Whether answer word `a` denies term word `b`, and how closely it meets it: the
    two looked up once for each pair."""
    return opposite(a, b), word_similarity(a, b)


def _similarity(tok: Token, word: Token) -> float:
    """How closely an answer's word meets a term's, as words and, where either heads
    a phrasal verb, as that phrase ("shuts strangers out" meets "keep out" as
    "shut_out" ~ "keep_out"; WordNet alone, no embeddings, for the phrases)."""
    sim = word_similarity(tok.text, word.text)
    for a in {tok.phrase or tok.text, tok.text}:
        for b in {word.phrase or word.text, word.text}:
            if (a, b) != (tok.text, word.text):
                sim = max(sim, lexical_similarity(a, b))
    return sim


def _opposed(tok: Token, word: Token) -> bool:
    """Whether an answer's word denies a term's, as words or as phrasal verbs
    ("lets them in" against "keeps them out")."""
    return opposite(tok.text, word.text) or opposite(
        tok.phrase or tok.text, word.phrase or word.text
    )


def _shown(tokens: Sequence[Token | None]) -> str | None:
    shown = sorted({t.position: t.shown for t in tokens if t is not None}.items())
    return " ".join(text for _, text in shown) or None


# Two words of an answer this far apart, or in different sentences, are two claims.
APART = 6


def _said_both_ways(m: Match, answer: Sequence[Token]) -> bool:
    """A word said and unsaid in two claims: far apart, in two sentences, or on the two
    sides of a turn ("although it claims to turn strangers away, strangers walk in").

    Unsaid by another word (an antonym), only about the same thing: the two clauses
    share a word. "A friend comes round ... and the record goes off to a central
    station" does not unsay "who came"."""
    a, d = m.agree_token, m.deny_token
    if a is None or d is None or m.agree < DENIAL_MET:
        return False
    if a.lemma != d.lemma:
        around_a = {t.lemma for t in answer if (t.sentence, t.clause) == (a.sentence, a.clause)}
        around_d = {t.lemma for t in answer if (t.sentence, t.clause) == (d.sentence, d.clause)}
        if not (around_a - {a.lemma}) & (around_d - {d.lemma}):
            return False
    return (
        a.sentence != d.sentence
        or abs(a.position - d.position) >= APART
        or (a.clause != d.clause and a.lemma == d.lemma)
    )


def _together(tokens: Sequence[Token | None]) -> bool:
    """Whether the answer's words met for a term stand together: in one sentence, and in
    one clause or within `APART` words of each other."""
    met = [t for t in tokens if t is not None]
    if len(met) < 2:
        return True
    if len({t.sentence for t in met}) > 1:
        return False
    span = max(t.position for t in met) - min(t.position for t in met)
    return span <= APART or len({t.clause for t in met}) == 1


def _quote(sentence: str, limit: int = 80) -> str:
    return shorten(" ".join(sentence.split()), limit)


def match_term(
    term: Sequence[Token],
    answer: Sequence[Token],
    question_lemmas: frozenset[str] = frozenset(),
    ambiguous: bool = False,
    opposites: bool = True,
    echoes: frozenset[tuple[str, bool]] = frozenset(),
    whole: bool = True,
    memo: dict[tuple[object, ...], Match] | None = None,
) -> TermMatch:
    """How much of `term` the answer says, with the term's polarity and against it
    (`whole`: the answer is the whole answer, not one clause of it; `memo`: words
    already met in this answer with these settings, kept by a caller that matches
    many terms sharing words)."""
    matches = []
    for word in term:
        weight = (
            QUESTION_WORD_WEIGHT
            if word.lemma in question_lemmas or word.lemma in GENERIC_WORDS
            else 1.0
        )
        key = (word.text, word.phrase, word.negated, word.polar, word.prevented) + (
            word.unprevented,
            weight,
        )
        found = memo.get(key) if memo is not None else None
        if found is None:
            found = _match_word(word, answer, weight, ambiguous, opposites, echoes)
            if memo is not None:
                memo[key] = found
        matches.append(found)
    total = sum(m.weight for m in matches)
    if not total:
        return TermMatch(0.0, 0.0, 0.0, 0.0, 0.0, None, None)
    # A term's own negation met, and the words met the other way denied by that same
    # negation of the answer ("face not on file" and "does not have his face on
    # file"): the negation only reaches further in the answer's sentence, so those
    # words are said, not denied.
    # So too a negation that agrees through an antonym: "doesn't waste residents' time"
    # says "saves time", the time and all.
    negations = {
        m.agree_token.negator
        for w, m in zip(term, matches, strict=True)
        if (w.negated or m.flipped)
        and not m.denied
        and m.agree >= DENIAL_MET
        and m.agree_token is not None
        and m.agree_token.negated
    }
    if negations:
        matches = [
            replace(m, agree=m.deny, agree_token=m.deny_token, deny=0.0, deny_token=None)
            if m.denied and m.deny_token is not None and m.deny_token.negator in negations
            else m
            for m in matches
        ]
    # The mirror case: the term's negation reaches further than the answer's ("no reason
    # given" and "gives no reason"; "no protection from the state" and "the state
    # offers no protection"). Words of that one negation of the term, met unnegated
    # in the sentence where the answer carries it, are said, not denied.
    carried = {
        (w.negator, m.agree_token.sentence)
        for w, m in zip(term, matches, strict=True)
        if w.negated
        and not m.denied
        and m.agree >= DENIAL_MET
        and m.agree_token is not None
        and m.agree_token.negated
    }
    if carried:
        matches = [
            replace(m, agree=m.deny, agree_token=m.deny_token, deny=0.0, deny_token=None)
            if m.denied
            and w.negated
            and m.deny_token is not None
            and not m.deny_token.negated
            and (w.negator, m.deny_token.sentence) in carried
            else m
            for w, m in zip(term, matches, strict=True)
        ]
    # A pair the term says together is no denial of either: "comings and goings" met
    # by "coming and going" (WordNet's antonyms come and go).
    agreeing = {id(m.agree_token) for m in matches if m.agree_token is not None}
    matches = [
        replace(m, deny=0.0, deny_token=None)
        if m.deny_token is not None and id(m.deny_token) in agreeing
        else m
        for m in matches
    ]
    mass = sum(m.weight * m.best for m in matches)
    denied_mass = sum(m.weight * m.best for m in matches if m.denied)
    # Said: every word met with the term's polarity. Denied: every word met, and some
    # of them denied ("don't use face-recognition glasses" denies "police glasses").
    agree = 0.0 if denied_mass else sum(m.weight * m.agree for m in matches) / total
    deny = mass / total if denied_mass else 0.0
    # A figure has no other words: a term naming one (that the question does not give)
    # is met with that figure or not at all. "9,000 yuan market rent" is no "5,000 yuan
    # market rent", though three words of four agree.
    if any(
        m.weight == 1.0 and not m.best and number_value(w.text) is not None
        for w, m in zip(term, matches, strict=True)
    ):
        agree = deny = 0.0
    if denied_mass and not _together(
        [m.deny_token if m.denied else m.agree_token for m in matches]
    ):
        # A term is one phrase: its words met far apart are no denial of it ("a fraudster
        # who buys a stranger's ID card ... cannot be opened in that name" does not deny
        # "fraud calls").
        deny = 0.0
    # (A generic word or one the question gives, "person", "people", is said both ways
    # in any long answer: it says nothing twice.)
    twice = [m for m in matches if m.weight == 1.0 and _said_both_ways(m, answer)]
    # Said and unsaid as a whole: the words said one way in one clause, and the other
    # way in one clause. "a borrowed ID card but not a borrowed face, so a face
    # check…" says "borrowed" both ways and "face" both ways, but never "face
    # borrowed" both ways.
    if len(twice) > 1 and any(
        len({(t.sentence, t.clause) for t in tokens if t is not None}) > 1
        for tokens in ([m.agree_token for m in twice], [m.deny_token for m in twice])
    ):
        twice = []
    both = sum(m.weight * m.agree for m in twice) / total
    if (
        whole
        and both < TERM_MADE
        and any(m.agree_token and m.deny_token for m in matches)
        and any(m.weight == 1.0 for m in matches)
    ):
        both = max(
            both, _said_then_unsaid(term, answer, question_lemmas, ambiguous, opposites, echoes)
        )
    used = [m.agree_token if not m.denied else m.deny_token for m in matches]
    evidence = _shown(used)
    by_position = {t.position: t for t in used if t is not None}
    in_order = tuple(by_position[k] for k in sorted(by_position))
    denier, word = next(
        ((m.deny_token, w) for w, m in zip(term, matches, strict=True) if m.deny_token),
        (None, term[0]),
    )
    # Quoted back: a negator with its words ("no source"), an antonym alone ("pricier":
    # it denies with the term's own polarity), else the sentence that denies.
    denial = (
        denier.shown
        if denier is not None
        and ((denier.cue and denier.cue != "not") or denier.negated == word.negated)
        else (f"sentence {denier.sentence}" if denier is not None else None)
    )
    return TermMatch(
        mass / total,
        agree,
        deny,
        both,
        denied_mass / mass if mass else 0.0,
        evidence,
        denial,
        in_order,
        denier is not None and denier.negated == word.negated,
    )


def _said_then_unsaid(
    term: Sequence[Token],
    answer: Sequence[Token],
    question_lemmas: frozenset[str],
    ambiguous: bool,
    opposites: bool,
    echoes: frozenset[tuple[str, bool]],
) -> float:
    """How strongly one clause says the whole term and another clause denies it: "The
    lock records every visitor, but visitors are never recorded". (Word by word, the
    best match of each word agrees, so the denial is only seen clause by clause.)"""
    clauses: dict[tuple[int, int], list[Token]] = {}
    for t in answer:
        clauses.setdefault((t.sentence, t.clause), []).append(t)
    found = [
        match_term(term, part, question_lemmas, ambiguous, opposites, echoes, whole=False)
        for part in clauses.values()
    ]
    # (Denied by a negation: an antonym in another clause is often about another thing.)
    if not any(f.deny >= TERM_MADE and not f.antonym for f in found):
        return 0.0
    return max(
        (
            f.agree
            for k, f in enumerate(found)
            if f.agree >= TERM_MADE
            and any(g.deny >= TERM_MADE and not g.antonym for j, g in enumerate(found) if j != k)
        ),
        default=0.0,
    )


def _in_own_words(sentences: Sequence[str], found: TermMatch) -> str | None:
    """What the answer wrote for a term, quoted from the answer as written when the words
    stand close together in one sentence; else the matched words alone."""
    tokens = found.evidence_tokens
    if tokens and len({t.sentence for t in tokens}) == 1 and tokens[0].sentence < len(sentences):
        quoted = quote_span(sentences[tokens[0].sentence], tokens)
        if quoted:
            return quoted
    return found.evidence


def _in_context(term: list[Token], model: Sequence[Token], explicit: bool = False) -> list[Token]:
    """A key term with the polarity its words have in the model answer, and with the
    model answer's preventions: "subletting" for "stop flats being sublet" names what
    is stopped."""
    term = _polarity_in_context(term, model, explicit)
    prevented = {t.lemma: t for t in model if t.prevented}
    if not prevented.keys() & {w.lemma for w in term}:
        return term
    return [_prevented_as_in(w, prevented.get(w.lemma)) for w in term]


def _prevented_as_in(word: Token, model: Token | None) -> Token:
    if model is None:
        return word
    by_prevention = model.negated != model.unprevented
    return replace(word, prevented=True, unprevented=word.negated != by_prevention)


def _polarity_in_context(
    term: list[Token], model: Sequence[Token], explicit: bool = False
) -> list[Token]:
    """A key term with the polarity its words have in the model answer.

    Key points abbreviate the model answer: "operator" stands for "not from
    the operator" when that is how the model answer says it; and a term that
    looks negative but whose words the model answer says plainly is read
    plainly ("few square metres" for "in a few square metres"), unless its
    author wrote the negation out (`explicit`: "not ordinary residents" means
    what it says, whatever the text).
    """
    if len(term) == 1:
        negated = {t.lemma: t.negated for t in model}
        return [
            replace(w, negated=not w.negated) if not w.negated and negated.get(w.lemma) else w
            for w in term
        ]
    said = {t.lemma for t in model if t.content and not t.negated}
    unsaid = {t.lemma for t in model if t.content and t.negated}
    negative = [w for w in term if w.negated]
    if (
        negative
        and all(w.lemma in said and w.lemma not in unsaid for w in negative)
        and not explicit
    ):
        return [replace(w, negated=False) for w in term]
    # ... and a plain term whose words the model answer only ever denies stands for
    # their denial: "reuse of data" for "not one system's data being reused".
    if not negative and all(w.lemma in unsaid and w.lemma not in said for w in term):
        return [replace(w, negated=True) for w in term]
    return term


def _negator_written(term: str) -> bool:
    """Whether the term's author wrote a "not", "no", "never" ... into it, as against a
    negator of degree ("few square metres") that only looks negative."""
    return any(
        (t.text in NEGATORS and t.text not in DEGREE_NEGATORS) or t.lemma == "not"
        for t in analyse(term)
    )


def said_literally(term: str, every: Sequence[Token]) -> tuple[Token, ...]:
    """The answer's words that say `term` word for word (by lemma), or none.

    For a term made only of grammatical words and negators ("cannot refuse",
    "refused", "no say"): it has no content word to match by meaning, but the
    teacher who wrote it meant those words. Only a term with a negator: one of
    grammatical words alone ("too much", "when", "had to") is in every answer.
    """
    tokens = [t for t in analyse(term) if t.text.isalnum() or t.lemma == "not"]
    if not tokens or not any(t.text in NEGATORS or t.lemma in NEGATORS for t in tokens):
        return ()
    wanted = [t.lemma for t in tokens]
    n = len(wanted)
    lemmas = [t.lemma for t in every]
    for start in range(len(every) - n + 1):
        run = every[start : start + n]
        # The same words, not under a negation of their own: "rarely fails" does not
        # say "fails".
        if (
            lemmas[start : start + n] == wanted
            and run[0].negated == tokens[0].negated
            and len({t.sentence for t in run}) == 1
        ):
            return tuple(run)
    return ()


# A missed point whose clause of the model answer meets no clause of the answer above
# this similarity was left out: the whole text does not make it in other words.
LEFT_OUT_SIMILARITY = 0.2


def _point_left_out(points: Sequence[PointResult], ref: Reference, answer_text: str) -> bool:
    """Whether a point the words missed is absent from the answer in any words: its clause
    of the model answer (the one holding most of its words) is like no clause of the
    answer. "The people asked for their faces are the poorest tenants" leaves out "and
    have the least power to refuse", however close the whole text is."""
    missed = [
        kp for kp, p in zip(ref.key_points, points, strict=True) if p.state is PointState.MISSED
    ]
    if not missed:
        return False
    theirs, mine = clauses(ref.text), clauses(answer_text)
    if not theirs or not mine:
        return False
    vectors = EMBEDDER.vectors(theirs + mine)
    ref_vecs, answer_vecs = vectors[: len(theirs)], vectors[len(theirs) :]
    words = [[t for t in analyse(c) if t.content] for c in theirs]
    for kp in missed:
        terms = [w for term in kp.terms for w in analyse_term(term)]
        held = [
            sum(1 for w in terms if any(word_similarity(w.text, t.text) >= WORD_MET for t in ws))
            for ws in words
        ]
        where = max(range(len(theirs)), key=lambda k: held[k])
        if held[where] and max(float(ref_vecs[where] @ v) for v in answer_vecs) < (
            LEFT_OUT_SIMILARITY
        ):
            return True
    return False


def _readings(terms: Sequence[str]) -> list[tuple[str, list[Token]]]:
    """Each term with its content words, and a term "hard to X" also as "cannot X":
    "you can't count what the checks prevent" makes "hard to measure"."""
    out = []
    for term in terms:
        words = analyse_term(term)
        out.append((term, words))
        written = fold(term).split()
        for k, w in enumerate(written[:-2]):
            if w in HARD_WORDS and written[k + 1] == "to":
                rest = analyse_term(" ".join(written[k + 2 :]))
                if rest and not any(t.negated for t in rest):
                    out.append((term, [replace(rest[0], negated=True), *rest[1:]]))
    return out


def _point_result(
    point: KeyPoint,
    answer: Sequence[Token],
    sentences: Sequence[str],
    model: Sequence[Token],
    every: Sequence[Token] = (),
    opposites: bool = True,
    memo: dict[tuple[object, ...], Match] | None = None,
) -> PointResult:
    """Made if some term is said; contradicted if a term is denied and none is said,
    or if the answer says a term and unsays it. (`memo`: see `match_term`, for the
    points of one model answer.)"""
    made: str | None = None
    denied: str | None = None
    made_mass = denied_mass = 0.0  # the strongest term each way, by words met
    made_at: set[int] = set()  # the sentences of the strongest term made
    said_and_unsaid = False
    made_tokens: list[tuple[Token, ...]] = []
    denied_tokens: list[tuple[Token, ...]] = []
    echoes = frozenset((t.lemma, t.negated) for t in model if t.content)
    # A point the model answer denies ("reuse of data" for "not one system's data being
    # reused") is denied in every wording: its plain synonyms ("same data") too.
    head = analyse_term(point.point)
    denied_point = bool(head) and all(
        w.negated and not h.negated
        for w, h in zip(_in_context(head, model, _negator_written(point.point)), head, strict=True)
    )
    for term, words in _readings(point.terms):
        words = _in_context(words, model, _negator_written(term))
        if denied_point and not any(w.negated for w in words) and not _negator_written(term):
            words = [replace(w, negated=True, unprevented=not w.unprevented) for w in words]
        if not words:
            literal = said_literally(term, every)
            if literal and len(literal) > made_mass:
                made_mass = float(len(literal))
                quoted = quote_span(sentences[literal[0].sentence], literal)
                made = quoted or " ".join(t.text for t in literal)
            continue
        found = match_term(words, answer, opposites=opposites, echoes=echoes, memo=memo)
        if found.agree >= TERM_MADE:
            made_tokens.append(found.evidence_tokens)
        if found.agree >= TERM_MADE and found.agree * len(words) > made_mass:
            made_mass, made = found.agree * len(words), _in_own_words(sentences, found)
            made_at = {t.sentence for t in found.evidence_tokens}
        # A one-word negative term ("not from these systems") is denied only by that
        # word explicitly negated... which agrees with it: such a term never denies.
        one_negative = len(words) == 1 and words[0].negated
        # (An antonym across a turn is a contrast the answer draws, not the point
        # unsaid: "the rule covers new numbers, but for old ones it is unclear".)
        if found.deny >= TERM_MADE and not one_negative and not found.antonym:
            denied_tokens.append(found.evidence_tokens)
        if found.deny >= TERM_MADE and found.deny * len(words) > denied_mass and not one_negative:
            denied_mass, denied = found.deny * len(words), found.denial
        # ... nor is it unsaid by its word said plainly where the model answer says it
        # plainly too: "a leaked password can be changed, but a leaked face stays
        # leaked" makes "cannot change".
        echoed = one_negative and any(
            t.lemma == words[0].lemma and t.negated != words[0].negated for t in model
        )
        if found.both >= TERM_MADE and not echoed:
            said_and_unsaid = True
    # One term said and another denied on the two sides of a turn is the point said
    # and unsaid: "Xinhua hand-picked the residents, though it never chose whom to
    # quote". (Without the turn, a term denied far from another said is often a second
    # claim: "holds the door" and "does not keep out".)
    if any(_turn_between(a, d, every) for a in made_tokens for d in denied_tokens):
        said_and_unsaid = True
    # The map author's opposites: one said denies the point ("the figures agree" against
    # "conversions disagree"). One denied ("the figures do not add up") is no denial,
    # and does not make the point alone: on the held-out corpus that reading graded two
    # contradictory answers correct, under negations that reached too far.
    opposed = _opposite_said(point.opposites, answer, sentences, every, opposites)
    opposed_at: set[int] = set()
    if opposed is not None and opposed.mass > denied_mass:
        denied_mass, denied, opposed_at = opposed.mass, opposed.quote, opposed.sentences
    # ... and said beside the point in another sentence, the point is said and unsaid.
    if opposed_at and made_mass and not opposed_at & made_at:
        said_and_unsaid = True
    is_made = made_mass > 0
    # A denial outweighs a made term only when it is the stronger match: "they name no
    # documents" does not undo "Minghui campaigns", but "don't use police glasses"
    # undoes "police".
    # An opposite said as strongly as a term is made wins: it is the author's word for
    # what denies the point ("Xinhua picked the residents completely at random").
    if said_and_unsaid or denied_mass > made_mass or (opposed_at and denied_mass >= made_mass):
        if denied is not None and denied.startswith("sentence "):
            denied = _quote(sentences[int(denied.split()[1])])
        return PointResult(point.point, PointState.CONTRADICTED, denied)
    if is_made:
        return PointResult(point.point, PointState.MADE, made)
    return PointResult(point.point, PointState.MISSED)


def _contradicts_itself(
    answer: Sequence[Token], model: Sequence[Token], question_lemmas: frozenset[str]
) -> tuple[Token, Token] | None:
    """A word of the model answer said one way and then the other about the same thing:
    in two sentences or across a turn, each clause holding another of the model
    answer's words ("the face scan stops fraudsters using borrowed identities, but it
    can't stop anyone from using a borrowed identity")."""
    own = {t.lemma for t in model if t.content} - question_lemmas - _CONTEXTLESS
    drawn = {(t.lemma, t.negated) for t in model if t.content}
    words = [t for t in answer if t.content and t.polar]
    around: dict[tuple[int, int], set[str]] = {}
    for t in words:
        around.setdefault((t.sentence, t.clause), set()).add(t.lemma)
    turns = [t.position for t in answer if t.text in TURNS]
    for k, a in enumerate(words):
        if a.lemma not in own:
            continue
        for d in words[k + 1 :]:
            # (the cheap tests first: this looks at every pair of the answer's words)
            if a.sentence == d.sentence and not any(a.position < p < d.position for p in turns):
                continue
            shared = around[(a.sentence, a.clause)] & around[(d.sentence, d.clause)] & own
            if not shared - {a.lemma, d.lemma}:
                continue
            if {(a.lemma, a.negated), (d.lemma, d.negated)} <= drawn:
                continue  # a contrast the model answer draws itself ("can be changed ... stays")
            if d.lemma == a.lemma:
                opposed = a.negated != d.negated
            else:
                opposed = a.negated == d.negated and _opposed(a, d)
            if opposed:
                return a, d
    return None


def _clause_quoted(token: Token, every: Sequence[Token], sentences: Sequence[str]) -> str:
    """The clause `token` stands in, as the answer wrote it (its words near `token`)."""
    near = [
        t
        for t in every
        if (t.sentence, t.clause) == (token.sentence, token.clause)
        and t.content
        and abs(t.position - token.position) <= APART
    ]
    return quote_span(sentences[token.sentence], near) or token.shown


# Words that say nothing of what a clause is about: particles ("out"), generic nouns.
_CONTEXTLESS = PARTICLE_WORDS | GENERIC_WORDS


def _turn_between(said: Sequence[Token], unsaid: Sequence[Token], every: Sequence[Token]) -> bool:
    """Whether a turn ("but", "although") stands between the words that say a point and
    the words that deny it, with neither group on both sides."""
    if not said or not unsaid:
        return False
    a0, a1 = min(t.position for t in said), max(t.position for t in said)
    d0, d1 = min(t.position for t in unsaid), max(t.position for t in unsaid)
    if a1 < d0:
        lo, hi = a1, d0
    elif d1 < a0:
        lo, hi = d1, a0
    else:
        return False
    return any(lo < t.position < hi and t.text in TURNS for t in every)


@dataclass(frozen=True, slots=True)
class Opposed:
    """The strongest of the author's opposites an answer says: how much of it (by
    words met), the answer's words for it, and the sentences that hold them."""

    mass: float
    quote: str | None
    sentences: set[int]


def _opposite_said(
    terms: Sequence[str],
    answer: Sequence[Token],
    sentences: Sequence[str],
    every: Sequence[Token],
    opposites: bool = True,
) -> Opposed | None:
    best: Opposed | None = None
    for term in terms:
        words = analyse_term(term)
        if not words:  # ("can refuse" against "cannot refuse": word for word)
            literal = said_literally(term, every)
            if literal and (best is None or len(literal) > best.mass):
                quote = quote_span(sentences[literal[0].sentence], literal) or term
                best = Opposed(float(len(literal)), quote, {literal[0].sentence})
            continue
        found = match_term(words, answer, opposites=opposites)
        mass = found.agree * len(words)
        if found.agree >= TERM_MADE and (best is None or mass > best.mass):
            evidence = {t.sentence for t in found.evidence_tokens}
            best = Opposed(mass, _in_own_words(sentences, found), evidence)
    return best


@dataclass(frozen=True, slots=True)
class TextMatch:
    coverage: float  # weighted share of the model answer's content words met
    similarity: float  # sentence embeddings, whole answer against whole model answer
    denied_share: float  # share of the met words said with the opposite polarity
    aligned: float  # each clause of the model answer against the answer's closest clause

    @property
    def blend(self) -> float:
        return (self.coverage + self.similarity) / 2


def anchored(
    answer: Sequence[Token], model: Sequence[Token], question_lemmas: frozenset[str]
) -> bool:
    """Whether the answer shares a content word with the model answer that the question
    does not give away: only then can one of its words be the antonym of one of the
    model answer's. "Face checks keep the estate safe" shares only "face" with "a store
    of faces can leak", so its "keep" does not deny "breach"."""
    own = {t.lemma for t in model if t.content} - question_lemmas
    if any(t.lemma in own for t in answer):
        return True
    # ... or two words of it each the antonym of a word of the model answer: "The
    # cameras get pricier and weaker" against "cheaper and more powerful".
    theirs = {t.lemma: t for t in model if t.content}
    flipped = {t.lemma for t in answer if any(opposite(t.text, w.text) for w in theirs.values())}
    return len(flipped) >= 2


_NOT_COMPARING = frozenset({"well", "long", "far", "soon", "if", "though", "such"})


def _equations(answer: Sequence[Token]) -> list[tuple[frozenset[str], frozenset[str]]]:
    """What an answer says is alike: "X is just as P as Y", "X is the same as Y"
    give the content words on each side of the comparison, in one sentence."""
    found = []
    for i, tok in enumerate(answer):
        # ("as well as", "as long as", "as far as" compare nothing; "not the same as"
        # and "not as easy as" deny the likeness.)
        if (
            tok.text != "as"
            or i == 0
            or answer[i - 1].negated
            or (i + 1 < len(answer) and answer[i + 1].text in _NOT_COMPARING)
        ):
            continue
        # "as easily as", "as much a condition as": the second "as" a few words on.
        ends = [
            j
            for j in range(i + 2, min(i + 5, len(answer)))
            if answer[j].text == "as" and answer[j].sentence == tok.sentence
        ]
        same = answer[i - 1].text == "same"
        if not ends and not same:
            continue
        end = ends[0] if ends else i
        before = frozenset(
            t.lemma
            for t in answer[: i - 1 if same else i]
            if t.content and t.sentence == tok.sentence
        )
        after_tokens = answer[end + 1 :]
        clause = after_tokens[0].clause if after_tokens else -1
        after = frozenset(
            t.lemma
            for t in after_tokens
            if t.content and t.sentence == tok.sentence and t.clause == clause
        )
        if before - after and after - before:
            found.append((before - after, after - before))
    return found


def equates_a_contrast(answer: Sequence[Token], model: Sequence[Token]) -> bool:
    """Whether the answer says two things are alike that the model answer sets against
    each other: "A face can be handed over just as easily as a badge" against "a badge
    can be handed to a subtenant, while a face cannot be passed on"."""
    by_clause: dict[tuple[int, int], list[Token]] = {}
    for t in model:
        by_clause.setdefault((t.sentence, t.clause), []).append(t)
    # A clause with a negation in it, also one with nothing after it ("while giving
    # your face to keep your home is not").
    negative = {
        k: any(t.negated or t.text in NEGATORS or t.lemma == "not" for t in ts)
        for k, ts in by_clause.items()
    }
    lemmas = {k: {t.lemma for t in ts if t.content} for k, ts in by_clause.items()}
    for one, other in _equations(answer):
        # A clause of the model answer about one side and not the other, and a clause
        # about the other side and not the first, of opposite polarity.
        if any(
            negative[a] != negative[b]
            and (one & lemmas[a]) - lemmas[b]
            and (other & lemmas[b]) - lemmas[a]
            for a in by_clause
            for b in by_clause
        ):
            return True
    return False


def match_text(
    answer_text: str, answer: Sequence[Token], reference: str, question_lemmas: frozenset[str]
) -> TextMatch:
    words = [t for t in analyse(reference) if t.content]
    # A whole text's negations sit where its writer put them: "no report shows X
    # logged" and "the reports describe no logging of X" deny the same thing, so a
    # negated subject's words neither agree nor deny here. Antonyms deny here even
    # unanchored (`anchored`): a teacher's reference restates the question, and
    # "the terminals are separated" denies "connected" with no other word shared.
    found = match_term(words, answer, question_lemmas, ambiguous=True)
    similarity = EMBEDDER.similarity(answer_text, reference)
    return TextMatch(
        found.coverage, similarity, found.denied_share, aligned_clauses(answer_text, reference)
    )


def aligned_clauses(answer_text: str, reference: str) -> float:
    """How well every clause of the model answer is said by some clause of the answer.

    A paraphrase keeps the model answer's propositions but not its words: "a
    blog that cites no source" for "an unsourced blog". Each reference clause
    is paired with the answer clause closest to it by sentence embedding; the
    mean over the reference's clauses, weighted by their length, is high only
    when every proposition finds a partner.
    """
    mine, theirs = clauses(answer_text), clauses(reference)
    vectors = EMBEDDER.vectors(mine + theirs)
    answer_vecs, ref_vecs = vectors[: len(mine)], vectors[len(mine) :]
    total = weighted = 0.0
    for clause, vec in zip(theirs, ref_vecs, strict=True):
        weight = float(len(clause.split()))
        best = max(float(vec @ other) for other in answer_vecs)
        total += weight
        weighted += weight * max(0.0, best)
    return weighted / total if total else 0.0


def _keyword_list(text: str, tokens: Sequence[Token], words: Sequence[Token]) -> bool:
    """Words without the grammar of a sentence: short and bare, or a list of short items.

    A part of a hyphenated compound ("move-in", "opt-out") is no grammatical word.
    """
    compounds = {fold(p) for chunk in text.split() if "-" in chunk for p in chunk.split("-")}
    grammar = sum(t.text in SENTENCE_WORDS and t.text not in compounds for t in tokens)
    # (A verb that can only be one, after a word, makes a bare clause of them: "face
    # recognition keeps getting cheaper". Past and base forms do not: keyword lists
    # hold "imposed", "prevented", "conversions disagree".)
    if (
        len(words) >= 3
        and not grammar
        and len(words) <= KEYWORD_LIST_WORDS
        and not any(finite_verb(t.text) for t in words[1:])
        and not (text.strip()[:1].isupper() and text.strip().endswith((".", "!")))
    ):
        return True
    items = [len(item.split()) for item in re.split(r"[,;/\n]+", text) if item.strip()]
    listed = len(items) >= 3 and sum(n <= 2 for n in items) >= 0.75 * len(items)
    return len(words) >= 3 and grammar <= len(words) // 8 and listed


# Words that stand in for an answer without being one.
FILLERS = frozenset(
    {"blah", "bla", "lorem", "ipsum", "dolor", "yadda", "etc", "asdf", "lol", "idk", "lmao"}
    | {"omg", "meh", "dunno", "hmm", "umm", "uhh"}
)
# A word this share of an answer's words (of five or more) is repetition, not a sentence.
REPEATED_SHARE = 0.5


def _strange(word: Token, known: frozenset[str]) -> bool:
    """A non-word: unknown to the dictionary and to the model answers (`known`, with
    the grammatical words), and no typo of one ("conected" is a typo of "connected")."""
    if word.text in FILLERS:
        return True
    if len(word.text) < 3 or is_known_word(word.text) or {word.lemma, word.text} & known:
        return False
    limit = typo_allowance(word.text)
    return not limit or not any(
        abs(len(k) - len(w)) <= limit and edit_distance(w, k, limit) <= limit
        for w in {word.text, word.lemma}
        for k in known
    )


def _not_an_argument(text: str, tokens: Sequence[Token], known: frozenset[str]) -> str | None:
    """Why the answer is not an argument at all, or None."""
    words = [t for t in tokens if t.text.isalpha()]
    if not words:
        return "That is not an answer: argue the point in a sentence."
    near = known | SENTENCE_WORDS  # (once per answer, not once per word)
    strange = [t for t in words if _strange(t, near)]
    # Non-words among the words that carry meaning: grammatical words strung between
    # them ("fjdksl the privacy is jfkdls") do not make it English.
    meaning = [t for t in words if t.text not in SENTENCE_WORDS]
    if len(strange) / len(words) >= GIBBERISH_SHARE or (
        len(strange) >= 2 and len(strange) / max(1, len(meaning)) >= GIBBERISH_SHARE
    ):
        return "That does not read as English: argue the point in a sentence."
    counts = Counter(t.text for t in words)
    if len(words) >= 5 and counts.most_common(1)[0][1] / len(words) > REPEATED_SHARE:
        return "That repeats a word rather than arguing: argue the point in a sentence."
    if len(words) == 1:
        return "One word is not an argument: say why, in a sentence."
    if _keyword_list(text, tokens, words):
        return "That reads as a list of keywords: argue the point in a sentence."
    return None


# Words that may stand before a direct answer: "I think yes", "My answer is 40".
_LEAD_IN = frozenset({"i", "think", "say", "would", "answer", "my", "is", "the", "it", "about"})
_DIRECT: dict[str, str] = {"yes": "yes", "yeah": "yes", "yep": "yes", "no": "no", "nope": "no"}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def direct_answer(text: str) -> str | None:
    """The yes, no or number an answer opens with ("No, the cookies are not pure sugar":
    "no"; "40 meters, because ...": "40"), or None.

    A model answer that opens with one and an answer that opens with another
    disagree on the question itself, whatever else they share. It must stand as
    an answer: "No source names ..." opens with a determiner, "2019 figures
    show ..." with a number inside a claim; neither is a direct answer.
    """
    # (the end of the text is a stop too)
    words: list[str] = [*re.findall(r"[^\W_]+(?:[.,]\d+)?|[.,;:!?]", text.casefold()), "."]
    for i, word in enumerate(words[:4]):
        after = words[i + 1 : i + 4]
        if word in _DIRECT:
            # "No, ...", "No because ...", "Yes it is": a sentence word or a stop follows.
            if after[0] in SENTENCE_WORDS or not after[0].isalnum():
                return _DIRECT[word]
            return None
        if _NUMBER.fullmatch(word):
            # "40.", "30, because", "40 meters, ...", "60 meters because ...": at most a
            # unit before a stop or a sentence word.
            ends = [k for k, w in enumerate(after) if not w.isalnum() or w in SENTENCE_WORDS]
            return word.replace(",", ".") if ends and ends[0] <= 1 else None
        if word not in _LEAD_IN:
            return None
    return None


# "C. Black absorbs more heat", "Sammy's. Different materials", "Nathaniel - because",
# "I chose Y, because": an option named first, then a stop, a dash or "because".
_CHOICE = re.compile(
    r"\s*(?:(?:i\s+(?:chose|choose|picked|pick|think)|my\s+answer\s+is|answer)\s+)?"
    r"([^\W\d_][\w']*)\s*(?:[.):,;\-\u2013\u2014]|because\b|$)",
    re.IGNORECASE,
)
_NOT_OPTIONS = frozenset({"yes", "no", "because", "the", "it", "they", "he", "she", "i", "if"})


def chosen_option(text: str, question: str) -> str | None:
    """The option of `question` that `text` opens by choosing, or None.

    An option is a capital letter standing alone in the question ("pan A",
    "(B)") or a name written in it with its capital ("Sammy", "Nathaniel").
    A model answer that picks one and an answer that picks another disagree on
    the question itself, as with yes and no.
    """
    found = _CHOICE.match(text)
    if not found:
        return None
    word = found.group(1)
    name = word[:-2] if word.casefold().endswith("'s") else word
    if name.casefold() in _NOT_OPTIONS:
        return None
    if len(name) == 1:
        letter = name.upper()
        return letter if re.search(rf"(?<![\w']){letter}(?![\w'])", question) else None
    name = name.capitalize()  # a student may write "nathaniel"; the question names "Nathaniel"
    return name if re.search(rf"\b{re.escape(name)}\b", question) else None


@dataclass(frozen=True, slots=True)
class _Graded:
    assessment: Assessment
    rank: tuple[int, float]
    topic: float  # how much of the model answer the answer talks about, either way


# Among a question's model answers: one fully made wins; else a denial of any of them
# (the answer asserts what the map holds false); else some points of one.
# How much more of a model answer a partial answer must talk about than of the one it
# denies, for the partial reading to win.
TOPIC_MARGIN = 0.2
_RANK = {Verdict.CORRECT: 3, Verdict.CONTRADICTORY: 2, Verdict.PARTIAL: 1, Verdict.INCORRECT: 0}


def listed(head: str, items: Sequence[str]) -> str:
    """ "Made: a; b." with one full stop, also when the last item is a whole sentence
    (a teacher's reference: "Made: The water evaporated.")."""
    said = "; ".join(items)
    return f"{head}: {said}" + ("" if said.endswith((".", "!", "?")) else ".")


def _feedback(
    points: Sequence[PointResult], substance: bool, caps: Sequence[str], verdict: Verdict
) -> tuple[str, ...]:
    made = [p for p in points if p.state is PointState.MADE]
    denied = [p for p in points if p.state is PointState.CONTRADICTED]
    missed = [p for p in points if p.state is PointState.MISSED]
    lines = []
    if made:
        lines.append(
            listed(
                "Made",
                [
                    f'{p.point.rstrip(".")} (you wrote "{p.evidence}")'
                    if p.evidence and p.evidence != p.point
                    else p.point
                    for p in made
                ],
            )
        )
    if denied:
        lines.append(
            listed(
                "Contradicted",
                [
                    f'{p.point.rstrip(".")} (you wrote "{p.evidence}")' if p.evidence else p.point
                    for p in denied
                ],
            )
        )
    if substance and verdict is Verdict.CORRECT and missed:
        lines.append("You made the model answer's point in your own words.")
    elif (
        verdict is Verdict.CONTRADICTORY
        and not denied
        and (substance or not caps)
        and not any(cap.startswith("Contradicted") for cap in caps)
    ):
        lines.append("Your answer says the opposite of the model answer.")
    elif missed:
        lines.append(listed("Missed", [p.point for p in missed]))
    lines.extend(caps)
    return tuple(lines)


@lru_cache(maxsize=1024)
def _alternatives(key_points: tuple[KeyPoint, ...]) -> tuple[frozenset[str], ...]:
    """For each key point, the lemmas of its one-word terms: words its author offers
    as each other's alternatives ("guards", "staff"). Kept per question's model
    answers: every answer to it is compared with the same ones."""
    out = []
    for kp in key_points:
        single = {words[0].lemma for term in kp.terms if len(words := analyse_term(term)) == 1}
        if len(single) >= 2:
            out.append(frozenset(single))
    return tuple(out)


def with_terms(ref: Reference) -> list[Token]:
    """The model answer's words with its key terms': all it says a student may echo."""
    return analyse(
        " ".join(
            [
                ref.text,
                *(term for kp in ref.key_points for term in (*kp.terms, *kp.opposites)),
                *ref.opposites,
            ]
        )
    )


def _unfocused(answer: Sequence[Token], ref: Reference, sentences: Sequence[str]) -> bool:
    """Several sentences, most of them about something else: a pasted pile, not an answer."""
    if len(sentences) < PADDING_MIN_SENTENCES:
        return False
    own = {t.lemma for t in with_terms(ref) if t.content}
    by_sentence: dict[int, list[bool]] = {}
    for tok in answer:
        by_sentence.setdefault(tok.sentence, []).append(tok.lemma in own)
    about = [sum(marks) / len(marks) >= SENTENCE_ABOUT for marks in by_sentence.values()]
    return len(about) >= PADDING_MIN_SENTENCES and sum(about) / len(about) < PADDING_FOCUS


# A model answer of one key point, made by a single word of the answer, is made only
# when the answer says this much more of the model answer: "A scammer can borrow a
# face" holds the word of "scam calls" but argues something else.
ONE_WORD_COVERAGE = 0.3


def _one_word_only(points: Sequence[PointResult], text: TextMatch) -> bool:
    """One point, made by one word as quoted back (`quote_span`): a "not" standing
    right before that word is quoted with it ("not independent") and makes two."""
    return (
        len(points) == 1
        and points[0].evidence is not None
        and " " not in points[0].evidence.strip()
        and text.coverage < ONE_WORD_COVERAGE
    )


def _assess_one(
    answer_text: str,
    answer: Sequence[Token],
    ref: Reference,
    question_lemmas: frozenset[str],
    words: int,
    every: Sequence[Token] = (),
    question: str | None = None,
) -> _Graded:
    model = analyse(ref.text)
    text = match_text(answer_text, answer, ref.text, question_lemmas)
    sentences = sentences_of(answer_text)
    opposites = anchored(
        answer,
        with_terms(ref),
        question_lemmas,
    )
    memo: dict[tuple[object, ...], Match] = {}  # the points' terms share many words
    points = tuple(
        _point_result(kp, answer, sentences, model, every, opposites, memo) for kp in ref.key_points
    )
    made = sum(p.state is PointState.MADE for p in points)
    denied = sum(p.state is PointState.CONTRADICTED for p in points)
    coverage, similarity, blend = (
        (SUBSTANCE_COVERAGE, SUBSTANCE_SIMILARITY, SUBSTANCE_BLEND)
        if points
        else (TEXT_COVERAGE_CORRECT, TEXT_SIMILARITY_CORRECT, TEXT_BLEND_CORRECT)
    )
    aligned = bool(points) and (
        text.aligned >= SUBSTANCE_ALIGNED and text.coverage >= SUBSTANCE_ALIGNED_COVERAGE
    )
    # With key points, a paraphrase rescues only an answer that denies nothing of it.
    denial_limit = SUBSTANCE_DENIED_SHARE if points else TEXT_DENIED_SHARE
    # ... and only one long enough to say all of it: a short answer that matches part of
    # the model answer closely is partial, not a paraphrase.
    whole = not points or len(answer) >= SUBSTANCE_LENGTH * sum(1 for t in model if t.content)
    # ... nor does a paraphrase of the whole make a point that names a figure.
    figure_missed = any(
        p.state is PointState.MISSED
        and any(number_value(t.text) is not None for t in analyse(kp.point))
        for p, kp in zip(points, ref.key_points, strict=True)
    )
    substance = (
        not figure_missed
        and (
            text.coverage >= coverage
            or text.similarity >= similarity
            or text.blend >= blend
            or aligned
        )
        and text.denied_share < denial_limit
        and whole
        and not _point_left_out(points, ref, answer_text)  # (last: it embeds clauses)
    )
    # The whole text denied: with key points, only a close denial of most of it counts,
    # because paraphrases place their negations differently.
    contra_coverage, contra_share = (
        (KEYED_COVERAGE_CONTRA, KEYED_DENIED_SHARE)
        if points
        else (TEXT_COVERAGE_CONTRA, TEXT_DENIED_SHARE)
    )
    text_denied = text.coverage >= contra_coverage and text.denied_share >= contra_share
    total = len(points)
    theirs = direct_answer(ref.text)
    mine = direct_answer(answer_text) if theirs is not None else None
    # Options only against a teacher's reference: a map's question is a claim, whose
    # text may name two parties ("Xinhua reports ... Residents ...") without offering
    # them as options.
    if theirs is None and question and not ref.key_points:
        theirs = chosen_option(ref.text, question)
        mine = chosen_option(answer_text, question) if theirs is not None else None
    one_word = bool(total) and made == total and _one_word_only(points, text)
    # ... or, with a point made, a denial of most of what it says of that point:
    # "Nobody online defends face registration against scam calls" makes "scam calls".
    # (Not when the answer makes two points or more of it, each by its own words: "The
    # carrier is not independent of the state, so it cannot protect the faces" makes
    # both of "same state, no protection", negations and all.)
    text_refuted = text_denied and (
        not made or (text.denied_share >= KEYED_TEXT_DENIED and made < max(2, total))
    )
    alike = equates_a_contrast(every, model)
    # (Not against a teacher's reference alone: measured on SemEval, its students'
    # second sentences restate the first in other terms more often than they unsay it.)
    unsaid = _contradicts_itself(every, model, question_lemmas) if points else None
    reversed_comparison = reverses_a_comparison(every, model, _alternatives(ref.key_points))
    # A teacher's opposites of a reference without key points: one said denies it.
    opposed = (
        _opposite_said(ref.opposites, answer, sentences, every, opposites)
        if not points and ref.opposites
        else None
    )
    if (
        denied
        or text_refuted
        or alike
        or reversed_comparison
        or opposed
        or unsaid
        or (mine is not None and mine != theirs)
    ):
        verdict = Verdict.CONTRADICTORY
    elif (total and made == total and not one_word) or substance:
        verdict = Verdict.CORRECT
    elif made or (not total and text.coverage >= TEXT_COVERAGE_PARTIAL):
        verdict = Verdict.PARTIAL
    else:
        verdict = Verdict.INCORRECT
    if total:
        score = 1.0 if verdict is Verdict.CORRECT else made / total
    else:
        score = min(1.0, max(text.coverage, text.blend))
        if verdict is Verdict.CORRECT:
            score = max(score, 0.75)
    if verdict is Verdict.CONTRADICTORY:
        score = 0.0
    caps: list[str] = []
    if text_refuted and made and not denied:
        # Its words said inside that denial: the point is denied, not made.
        points = tuple(
            replace(p, state=PointState.CONTRADICTED) if p.state is PointState.MADE else p
            for p in points
        )
        caps.append(f'Your answer denies most of what the model answer says: "{_quote(ref.text)}"')
    if alike and not denied:
        caps.append(
            f'Contradicted: the model answer sets apart what you call alike: "{_quote(ref.text)}"'
        )
    elif reversed_comparison and not denied:
        # The point's words said inside the reversed comparison: denied, not made.
        points = tuple(
            replace(p, state=PointState.CONTRADICTED) if p.state is PointState.MADE else p
            for p in points
        )
        caps.append(
            f'Contradicted: the model answer compares these the other way: "{_quote(ref.text)}"'
        )
    if unsaid and not denied:
        said, taken_back = (_clause_quoted(t, every, sentences) for t in unsaid)
        caps.append(f'Contradicted: you say "{said}" and then the opposite, "{taken_back}".')
    if one_word and verdict is Verdict.PARTIAL:
        score = 0.5
        caps.append(
            f'Held at partial: only "{points[0].evidence}" matches this model answer; '
            "say its argument, not just its word."
        )
    if mine is not None and mine != theirs:
        caps.append(f'The model answer says "{theirs}"; you answered "{mine}".')
    limit = max(PADDING_MIN_LIMIT, PADDING_FACTOR * len(analyse(ref.text)))
    if verdict is Verdict.CORRECT and words > limit:
        verdict, score = Verdict.PARTIAL, min(score, 0.5)
        caps.append(
            f"Held at partial: {words} words is padding; make the point in at most {limit}."
        )
    elif verdict is Verdict.CORRECT and _unfocused(answer, ref, sentences):
        verdict, score = Verdict.PARTIAL, min(score, 0.5)
        caps.append(
            "Held at partial: most of your sentences argue other points; "
            "make this one and leave the rest out."
        )
    if not points:
        state = {
            Verdict.CORRECT: PointState.MADE,
            Verdict.CONTRADICTORY: PointState.CONTRADICTED,
        }.get(verdict, PointState.MISSED)
        evidence = opposed.quote if opposed is not None else None
        points = (PointResult(ref.text, state, evidence),)
    assessment = Assessment(
        verdict,
        round(score, 3),
        points,
        ref,
        _feedback(points, substance, caps, verdict),
        tuple(caps),
        round(max(text.blend, text.aligned), 3),
    )
    return _Graded(assessment, (_RANK[verdict], score + text.blend / 10), round(text.coverage, 2))


def assess(
    answer: str, references: Sequence[Reference], *, question: str | None = None
) -> Assessment:
    """Grade `answer` against each model answer and keep the one it fits best.

    `question` is the question's own text, when known: words copied from it
    earn little.
    """
    if not references:
        raise ValueError("no model answer to grade against")
    tokens = analyse(answer)
    content = [t for t in tokens if t.content]
    question_lemmas = frozenset(t.lemma for t in analyse(question or "") if t.content)
    known = frozenset(w for ref in references for t in with_terms(ref) for w in (t.lemma, t.text))
    refusal = _not_an_argument(answer, tokens, known | question_lemmas)
    if refusal is not None:
        ref = references[0]
        points = tuple(PointResult(kp.point, PointState.MISSED) for kp in ref.key_points) or (
            PointResult(ref.text, PointState.MISSED),
        )
        return Assessment(Verdict.INCORRECT, 0.0, points, None, (refusal,), (refusal,))
    EMBEDDER.prepare(
        [t.lemma for t in content] + [t.lemma for ref in references for t in with_terms(ref)]
    )
    words = sum(1 for t in tokens if t.text.isalnum())
    graded = [
        _assess_one(answer, content, ref, question_lemmas, words, tokens, question)
        for ref in references
    ]
    # A teacher's references are one answer said several ways: the answer is judged
    # by the one it talks about most, so denying that one is not excused by another.
    # A map's model answers are different arguments: the best fit wins.
    if not any(ref.key_points for ref in references):
        return max(graded, key=lambda g: (g.topic, g.rank)).assessment
    best = max(graded, key=lambda g: g.rank)
    # One model answer made and another denied that the answer talks about at least as
    # much is an answer that contradicts itself: "tenants have no real choice; mind
    # you, anyone can refuse the photo and keep their home".
    if best.assessment.verdict is Verdict.CORRECT:
        against = max(
            (g for g in graded if g.assessment.verdict is Verdict.CONTRADICTORY),
            key=lambda g: g.topic,
            default=None,
        )
        if against is not None and against.topic >= best.topic:
            return against.assessment
    # ... but a denial of a model answer the answer hardly talks about does not outrank
    # some points of the one it is about.
    if best.assessment.verdict is Verdict.CONTRADICTORY:
        about = max(
            (g for g in graded if g.assessment.verdict is Verdict.PARTIAL),
            key=lambda g: g.topic,
            default=None,
        )
        if about is not None and about.topic >= best.topic + TOPIC_MARGIN:
            return about.assessment
    return best.assessment
