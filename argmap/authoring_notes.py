"""Authoring notes of `argmap check --notes`: mistakes a map's author makes, not errors.

Each rule finds one kind of slip that a loaded map cannot refuse but a
reader would notice (docs/format.md lists the codes and states the rules):

* N504 a sourced fact that the grounded labelling makes OUT, with the attack
  that defeats it (an attack says the fact is false: often an undercut was meant);
* N505 a key-point term that YAML cut at a comma ("5,000 faces" -> "5", "000 faces");
* N506 two claims whose texts say nearly the same thing;
* N507 a claim text that opens by pointing elsewhere ("The same report ...");
* N508 a thesis whose discounts (lowered `base`, flaw labels) fall on one side
  far more than that side's share of the claims;
* N509 a key-point term of grammatical words alone ("too much", "had to"): the
  grader matches a point by its content words, so no answer can make it;
* N511 an opposite written as a phrase that the grader reads as one word ("free
  press" is "press": "free" is a negator): every answer with that word would be
  graded contradictory;
* N512 a point or synonym written as a phrase that the grader reads as one word
  ("keep out" is "keep", "tenant lets them in" is "tenant"): every answer with
  that word would make the point.

They are notes: they never change the exit status. All of them are linear
(or near it) in the map's size, and none imports networkx or clingo: the
grounded labelling is `argmap.analysis.semantics.grounded`, a worklist.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING

from argmap.diagnostics import Diagnostic, Severity
from argmap.model import Claim, ClaimKind, Map, Pos, RelationType
from argmap.sides import Side, sides

# The codes of the notes this module writes (the explorer's problems panel shows them).
CODES = frozenset({"N504", "N505", "N506", "N507", "N508", "N509", "N511", "N512"})

if TYPE_CHECKING:
    from argmap.checking import CheckContext


# --------------------------------------------------------------------------- N504


def defeated_facts(m: Map) -> dict[str, list[str]]:
    """Sourced fact id -> ids of the attacks whose standing defeats it (grounded OUT).

    In the framework of `argmap.analysis.bipolar` only an attack's inference
    attacks a claim, so a claim is OUT exactly when some attack on it is IN.
    """
    from argmap.analysis.bipolar import inference_id, map_framework
    from argmap.analysis.semantics import IN, OUT, grounded

    attacked = {r.target for r in m.relations if r.type is RelationType.ATTACK}
    facts = [c for c in m.claims if c.kind is ClaimKind.FACT and c.evidence and c.id in attacked]
    if not facts:
        return {}  # only an attack makes a claim OUT: no framework needed
    mf = map_framework(m)
    labels = grounded(mf.framework)
    index = mf.framework.index
    out: dict[str, list[str]] = {}
    for claim in facts:
        if labels[mf.claim_index[claim.id]] is not OUT:
            continue
        out[claim.id] = [
            rel.id
            for rel in m.incoming.get(claim.id, ())
            if rel.type is RelationType.ATTACK and labels[index[inference_id(rel.id)]] is IN
        ]
    return out


def rule_defeated_facts(m: Map, ctx: CheckContext) -> Iterator[Diagnostic]:
    relations, claims = m.relations_by_id, m.claims_by_id
    for fact_id, attacks in defeated_facts(m).items():
        claim = claims[fact_id]
        by = []
        sourced = True
        for rid in attacks:
            rel = relations[rid]
            premises = [claims[s] for s in rel.sources if s in claims]
            sourced &= all(p.kind is ClaimKind.FACT and p.evidence for p in premises)
            from_ = " + ".join(repr(p.id) for p in premises)
            by.append(f"attack {rid!r} from {from_} (line {rel.pos.line})")
        hint = (
            "an attack says the fact is false; if the claim only questions what the fact "
            "shows, use an undercut"
        )
        if attacks and sourced:
            hint = (
                "another sourced fact contradicts it: if the sources disagree, keep the attack "
                "and say so in a claim a student can find; otherwise " + hint
            )
        yield ctx.diag(
            claim.positions.get("id", claim.pos),
            Severity.NOTE,
            "N504",
            f"sourced fact {fact_id!r} is OUT in the grounded labelling: "
            + ("defeated by " + ", ".join(by) if by else "an attack on it stands"),
            hint,
        )


# --------------------------------------------------------------------------- N505

# A comma splits a flow list: "5,000 faces" -> "5" and "000 faces". The second
# piece starts with a group of exactly three digits; the first ends in one to
# three digits.
_GROUP_START = re.compile(r"^\d{3}(?!\d)")
_LEAD_END = re.compile(r"(?<!\d)\d{1,3}$")


def split_terms(claim: Claim) -> list[tuple[str, ...]]:
    """Runs of neighbouring terms of one list that read as one number cut at its
    commas: ("5", "000 faces"), ("1", "234", "567")."""
    lists = [kp.synonyms for kp in claim.key_points]
    lists += [kp.opposites for kp in claim.key_points if kp.opposites]
    lists.append(tuple(kp.point for kp in claim.key_points if not kp.synonyms))
    found: list[tuple[str, ...]] = []
    for terms in lists:
        run: list[str] = []
        for a, b in zip(terms, terms[1:], strict=False):
            if _LEAD_END.search(a) and _GROUP_START.match(b):
                run = run or [a]
                run.append(b)
            elif run:
                found.append(tuple(run))
                run = []
        if run:
            found.append(tuple(run))
    return found


def rule_split_key_points(m: Map, ctx: CheckContext) -> Iterator[Diagnostic]:
    raw: str | None = None
    for claim in m.claims:
        runs = split_terms(claim)
        if not runs:
            continue
        if raw is None:
            from argmap.text_lines import editor_lines

            raw = "\n".join(editor_lines(ctx.map_text() or ""))  # lines as positions count them
        start = claim.positions.get("key_points", claim.pos)
        for run in runs:
            written = ",".join(run)
            where = _find_after(raw, written, start) if raw else None
            if raw and where is None:
                continue  # the file does not hold "a,b": two terms, not a cut number
            pieces = ", ".join(repr(t) for t in run[:-1]) + f" and {run[-1]!r}"
            yield ctx.diag(
                where or start,
                Severity.NOTE,
                "N505",
                f"key point of {claim.id!r}: YAML split {written!r} at its comma into {pieces}",
                f'quote the term: "{written}" (in a [...] list a comma separates items)',
            )


def _find_after(text: str, needle: str, start: Pos) -> Pos | None:
    """Where `needle` first occurs at or after line `start.line` of `text` (1-based)."""
    offset = 0
    for _ in range(max(0, start.line - 1)):
        nl = text.find("\n", offset)
        if nl < 0:
            return None
        offset = nl + 1
    at = text.find(needle, offset)
    if at < 0:
        return None
    line = text.count("\n", 0, at) + 1
    return Pos(line, at - (text.rfind("\n", 0, at) + 1) + 1)


# --------------------------------------------------------------------------- N506

_WORD = re.compile(r"[^\W_]+")
_SUFFIXES = (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", "e"), ("s", ""))
# Words that say who said it, not what: every claim from one outlet has them.
_ATTRIBUTION = frozenset(
    {"according", "report", "reports", "reported", "quoted", "quoting", "relayed", "relaying"}
    | {"told", "wrote", "writes", "cited", "citing", "claims", "claimed", "noted", "notes"}
)
DUPLICATE_SCORE = 0.4  # weighted Dice of two claims' content words
DUPLICATE_SHARED = 3  # content words the two must share at least
INDEXED_WORDS = 4  # each claim is indexed and looked up by its rarest words
COMMON_DF = 50  # a word in more claims than this (or 2 % of them) makes no candidates


@cache
def _content_stem(word: str) -> str:
    """A casefolded word's light stem ("leaked", "leaks" -> "leak"), or "" for a word
    that carries no point (a function word, an attribution, a figure): suffixes
    stripped by rule, no lemma dictionary to load."""
    from argmap.grading.language import FUNCTION_WORDS, NEGATORS

    if len(word) < 2 or word in FUNCTION_WORDS or word in NEGATORS or word in _ATTRIBUTION:
        return ""
    if word.isdigit():
        return ""
    for suffix, replacement in _SUFFIXES:
        if (
            word.endswith(suffix)
            and len(word) - len(suffix) >= 3
            and not (suffix == "s" and word.endswith(("ss", "us", "is")))
        ):
            word = word[: len(word) - len(suffix)] + replacement
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


@cache
def _inner_stem(word: str) -> str:
    """`_content_stem` of a word after a text's first: "" for a name (capitalised)."""
    return "" if word[0].isupper() else _content_stem(word.casefold())


def content_words(text: str) -> dict[str, str]:
    """The stems of the words that carry a text's point, each with a word that gave it.

    Left out: the grader's function words and negators, attributions
    ("according", "reported"), figures, and names, that is capitalised words
    after the first (Tangshan, Minghui, People's Daily): names and figures say
    what a claim is about, and two claims about one event share them whatever
    each says. A text in title case or capitals keeps its capitalised words.
    """
    found = _WORD.findall(unicodedata.normalize("NFKC", text).replace("’", "'").replace("'s", ""))
    if not found:
        return {}
    rest = found[1:]
    if len(rest) > 1 and all(w[0].isupper() for w in rest):
        stems = [_content_stem(w.casefold()) for w in found]  # no case to read names from
    else:
        stems = [_content_stem(found[0].casefold()), *map(_inner_stem, rest)]
    out = dict(zip(stems, found, strict=True))  # words as written; folded when shown
    out.pop("", None)
    return out


def near_duplicates(m: Map) -> list[tuple[str, str, float, tuple[str, ...]]]:
    """(earlier id, later id, score, shared words) for claims that say nearly the same.

    The score is the Dice coefficient of the two word sets (`content_words`)
    with each word weighted by its inverse document frequency in the map,
    log((N + 1) / df): two claims share "face" and "data" in any map about face
    scans, but sharing "password", "leaked" and "changed" says they make one
    point. Candidates come from an inverted index over each claim's rarest
    words, so the work grows with the claims, not with their pairs. Only
    claims of one kind are compared (a fact and the judgement drawn from it
    share words by design), and never a claim and its direct reason or
    rebuttal (a support restates what it builds on, a denial the words it
    denies).
    """
    claims = [c for c in m.claims if c.text]
    written = [content_words(c.text) for c in claims]
    words = [frozenset(ws) for ws in written]
    df: Counter[str] = Counter(w for ws in words for w in ws)
    weight = {w: math.log((len(claims) + 1) / k) for w, k in df.items()}
    common = max(COMMON_DF, len(claims) // 50)
    postings: dict[str, list[int]] = {}
    found: dict[tuple[int, int], float] = {}
    exact: dict[frozenset[str], int] = {}
    for i, ws in enumerate(words):
        if not ws:
            continue
        candidates: set[int] = set()
        if ws in exact:
            candidates.add(exact[ws])
        else:
            exact[ws] = i
        rare = [w for w in ws if 1 < df[w] <= common]
        if len(rare) > INDEXED_WORDS:
            rare = sorted(rare, key=lambda w: (df[w], w))[:INDEXED_WORDS]
        for w in rare:
            posting = postings.setdefault(w, [])
            candidates.update(posting)
            posting.append(i)
        kind = claims[i].kind
        for j in candidates:
            if claims[j].kind is not kind:
                continue
            shared = ws & words[j]
            if len(shared) < DUPLICATE_SHARED and ws != words[j]:
                continue
            both = sum(weight[w] for w in shared)
            score = 2 * both / (sum(weight[w] for w in ws) + sum(weight[w] for w in words[j]))
            if round(score, 2) >= DUPLICATE_SCORE:
                found[(j, i)] = score
    return [
        (
            claims[j].id,
            claims[i].id,
            score,
            tuple(
                written[i][w].casefold()
                for w in sorted(words[j] & words[i], key=lambda w: (-weight[w], w))
            ),
        )
        for (j, i), score in sorted(found.items(), key=lambda kv: (kv[0][1], kv[0][0]))
        if not _related(m, claims[j].id, claims[i].id)
    ]


def _related(m: Map, a: str, b: str) -> bool:
    """Whether one claim supports or attacks the other, or undercuts a link from or to it."""
    relations = m.relations_by_id
    for x, y in ((a, b), (b, a)):
        for rel in m.outgoing.get(x, ()):
            if rel.target == y:
                return True
            if rel.type is RelationType.UNDERCUT and rel.target in relations:
                cut = relations[rel.target]
                if cut.target == y or y in cut.sources:
                    return True
    return False


def rule_near_duplicates(m: Map, ctx: CheckContext) -> Iterator[Diagnostic]:
    claims = m.claims_by_id
    for first, later, score, shared in near_duplicates(m):
        claim = claims[later]
        yield ctx.diag(
            claim.positions.get("text", claim.pos),
            Severity.NOTE,
            "N506",
            f"claim {later!r} is a possible duplicate of {first!r} "
            f"(line {claims[first].pos.line}): they share {', '.join(shared[:6])} "
            f"(similarity {score:.2f})",
            "if they make one point, keep one claim and wire its relations to it; "
            "otherwise reword one so each says what the other does not",
        )


# --------------------------------------------------------------------------- N507

# Openings that point at something the claim does not name. Each is a tuple
# of folded words; `_NOUN` stands for any word of `_REFERRING`.
_NOUN = "<noun>"
_POINTERS: tuple[tuple[str, ...], ...] = (
    ("the", "same"),
    ("this",),
    ("these",),
    ("those", _NOUN),
    ("such",),
    ("he",),
    ("she",),
    ("his",),
    ("her",),
    ("the", _NOUN),
    ("that", _NOUN),
)
_PREAMBLES: tuple[tuple[str, ...], ...] = (
    ("according", "to"),
    ("as", "said", "in"),
    ("as", "reported", "in"),
    ("as", "in"),
    ("as",),
    ("in",),
    ("per",),
    ("like",),
    *((quantity, "of") for quantity in ("all", "any", "both", "each", "few", "many", "most")),
    *((quantity, "of") for quantity in ("none", "one", "several", "some")),
)
# Words naming a document, a speaker or an earlier item, which "the" cannot pin down.
_REFERRING = frozenset(
    {
        "article",
        "articles",
        "report",
        "reports",
        "story",
        "piece",
        "post",
        "blog",
        "source",  # not "sources": "none of the sources" means the map's
        "study",
        "survey",
        "paper",
        "document",
        "text",
        "quote",
        "interview",
        "video",
        "letter",
        "column",
        "columnist",
        "commenter",
        "commenters",
        "comment",
        "comments",
        "author",
        "writer",
        "reporter",
        "journalist",
        "speaker",
        "poster",
        "outlet",
        "site",
        "website",
        "claim",
        "argument",
        "figure",
        "figures",
        "above",
        "former",
        "latter",
        "previous",
        "earlier",
        "aforementioned",
    }
)
_OPENERS = frozenset(p[0] for p in _POINTERS + _PREAMBLES)
_WORDS_AS_WRITTEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def pointing_opening(text: str) -> str | None:
    """The words a text opens with that point elsewhere ("The same report"), or None.

    "the article" is let off when a name follows within three words ("The
    report by Xinhua", "The commenter ShadowNinja"): then it says which.
    """
    first = _WORDS_AS_WRITTEN.search(text)
    if first is None or first.group().casefold() not in _OPENERS:
        return None  # most claims: one look-up
    written = [w.group() for w in islice(_WORDS_AS_WRITTEN.finditer(text), 8)]
    folded = [w.casefold() for w in written]
    start = 0
    for preamble in _PREAMBLES:
        if tuple(folded[: len(preamble)]) == preamble:
            start = len(preamble)
            break
    for pointer in _POINTERS:
        end = start + len(pointer)
        got = folded[start:end]
        if len(got) < len(pointer) or not all(
            p == g or (p == _NOUN and g in _REFERRING) for p, g in zip(pointer, got, strict=True)
        ):
            continue
        if pointer == ("such",) and folded[end : end + 1] == ["as"]:
            continue
        if pointer[-1] == _NOUN:
            if any(w[:1].isupper() for w in written[end : end + 3]):
                return None  # a name follows: it says which
            return " ".join(written[:end])
        return " ".join(written[: end + 1])  # with the word it points with ("This rule")
    return None


def rule_pointing_openings(m: Map, ctx: CheckContext) -> Iterator[Diagnostic]:
    for claim in m.claims:
        opening = pointing_opening(claim.text)
        if opening is None:
            continue
        yield ctx.diag(
            claim.positions.get("text", claim.pos),
            Severity.NOTE,
            "N507",
            f"claim {claim.id!r} opens by pointing elsewhere ({opening!r}), so it cannot be "
            "read alone",
            "name what it points to (the outlet, the person, the scheme): drills and "
            "handouts show a claim on its own",
        )


# --------------------------------------------------------------------------- N508

BALANCE_POINTS = 0.20  # a side's share of discounts may exceed its share of claims by this much
BALANCE_MIN = 4  # discounts of one kind needed before their balance is judged


def side_balance(m: Map, thesis: str) -> dict[str, dict[Side, int]]:
    """For one thesis: per side, how many claims, lowered bases and flaw labels.

    The thesis itself and claims on both sides are left out: they serve no
    one side.
    """
    counts: dict[str, dict[Side, int]] = {
        k: {Side.PRO: 0, Side.CON: 0} for k in ("claims", "lowered base", "flaw")
    }
    claims = m.claims_by_id
    for cid, side in sides(m, thesis).items():
        if cid == thesis or side is Side.BOTH:
            continue
        claim = claims[cid]
        counts["claims"][side] += 1
        if claim.base is not None and claim.base < 0.5:
            counts["lowered base"][side] += 1
        if claim.flaw:
            counts["flaw"][side] += 1
    return counts


def rule_side_balance(m: Map, ctx: CheckContext) -> Iterator[Diagnostic]:
    claims = m.claims_by_id
    for thesis in dict.fromkeys(m.theses):
        if thesis not in claims:
            continue
        counts = side_balance(m, thesis)
        total_claims = sum(counts["claims"].values())
        if not total_claims:
            continue
        for what, plural in (("lowered base", "lowered bases"), ("flaw", "flaw labels")):
            found = counts[what]
            total = sum(found.values())
            if total < BALANCE_MIN:
                continue
            for side in (Side.PRO, Side.CON):
                share = found[side] / total
                claim_share = counts["claims"][side] / total_claims
                if share - claim_share > BALANCE_POINTS:
                    where = claims[thesis]
                    yield ctx.diag(
                        where.positions.get("id", where.pos),
                        Severity.NOTE,
                        "N508",
                        f"thesis {thesis!r}: the {side} side has {found[side]} of the "
                        f"{total} {plural} ({_pct(share)}) but {counts['claims'][side]} of "
                        f"the {total_claims} claims ({_pct(claim_share)})",
                        "give the same kind of claim the same treatment whichever side it "
                        f"serves: look for {side.other} claims with the same weakness left "
                        "undiscounted",
                    )


# --------------------------------------------------------------------------- N509


def unmatchable_terms(claim: Claim) -> list[str]:
    """The key-point terms of `claim` with no word the grader can match.

    A term is matched by its content words ("privacy", "locked"), or word for
    word when it holds a negator ("cannot refuse", "no say"); one of
    grammatical words alone ("too much", "when", "had to") would be made by
    every answer, so the grader never counts it.
    """
    from argmap.grading.language import written_term

    found = []
    for kp in claim.key_points:
        for term in (*kp.terms, *kp.opposites):
            read = written_term(term)
            if read.words and not read.content and not read.negated and not read.idle_negators:
                found.append(term)
    return found


def rule_unmatchable_terms(m: Map, ctx: CheckContext) -> Iterator[Diagnostic]:
    raw: str | None = None
    for claim in m.claims:
        terms = unmatchable_terms(claim) if claim.key_points else []
        if terms and raw is None:
            from argmap.text_lines import editor_lines

            raw = "\n".join(editor_lines(ctx.map_text() or ""))
        start = claim.positions.get("key_points", claim.pos)
        for term in terms:
            yield ctx.diag(
                (_find_after(raw, term, start) if raw else None) or start,
                Severity.NOTE,
                "N509",
                f"key point term {term!r} of {claim.id!r} has only grammatical words: "
                "the grader can never count it as made",
                "name what is meant with a word that carries it "
                '("too much" -> "too much data", "had to" -> "compulsory")',
            )


# --------------------------------------------------------------------------- N511


def one_word_opposites(claim: Claim) -> list[tuple[str, str]]:
    """The opposites of `claim` written as phrases that the grader reads as one word,
    with that word: ("free press", "press").

    An opposite said makes an answer contradictory, and the grader matches it by
    its content words; the others ("only", "own", negators such as "free" or
    "fail" outside their frames) are not matched. Read as one word, the
    opposite calls every answer that uses that word a contradiction.
    """
    return [
        (term, word)
        for kp in claim.key_points
        for term in kp.opposites
        if (word := read_as_one_word(term)) is not None
    ]


def one_word_terms(claim: Claim) -> list[tuple[str, str]]:
    """The points and synonyms of `claim` written as phrases that the grader reads as
    one word because a verb's particle or a negator drops out, with that word: ("keep
    out", "keep"), ("tenant lets them in", "tenant"), ("cameras fail", "cameras").
    Read as one word, the term is made by every answer that uses that word. (A
    dropped "every" or "just" loses less: "every tenant" made by "tenant" is made.)"""
    return [
        (term, word)
        for kp in claim.key_points
        for term in kp.terms
        if (word := read_as_one_word(term, particles_only=True)) is not None
    ]


def read_as_one_word(term: str, particles_only: bool = False) -> str | None:
    """The one word the grader reads `term` as, when a word that changes what it says
    drops out: a negator outside its frame, a verb's particle ("keep out", "lets them
    in"; not "in" that opens a phrase: "in seconds"), and, unless `particles_only`,
    a word of `_GRADED_AWAY` ("sole way in", "only up close"). "free press" ->
    "press", "keep out" -> "keep". None otherwise: "gets rehoused" read as
    "rehoused" loses nothing."""
    from argmap.grading.language import FUNCTION_WORDS, written_term

    read = written_term(term)
    words = read.words
    # ("free to choose" is "choose": the "free" dropped loses nothing)
    idle = [
        w for k, w in enumerate(words) if w in read.idle_negators and words[k + 1 : k + 2] != ["to"]
    ]
    dropped = idle or [
        w
        for k, w in enumerate(words)
        if (
            w in _PARTICLES
            and k > 0
            and (words[k - 1] not in FUNCTION_WORDS or words[k - 1] in _BEFORE_A_PARTICLE)
        )
        or (not particles_only and w in _GRADED_AWAY)
    ]
    return read.content[0] if len(read.content) == 1 and not read.negated and dropped else None


# Grammatical words that change what an opposite says ("only up close", "their own
# judgement", "sole way in", "keep out"), which the grader does not match.
_PARTICLES = frozenset({"in", "out", "on", "off", "over", "through", "up"})
# Grammatical words a verb's particle follows: "lets them in", "get in".
_BEFORE_A_PARTICLE = frozenset({"them", "it", "him", "her", "us", "me", "get", "gets", "got"})
_BEFORE_A_PARTICLE |= {"let", "lets", "make", "makes", "made", "put", "puts"}
_GRADED_AWAY = frozenset(
    {"only", "own", "way", "just", "even", "every", "each", "both", "again", "still"}
    | {"yet", "ever", "too", "very", "much", "many"}
    | _PARTICLES
)


def rule_one_word_opposites(m: Map, ctx: CheckContext) -> Iterator[Diagnostic]:
    yield from _one_word_notes(
        m,
        ctx,
        lambda claim: (
            one_word_opposites(claim) if any(kp.opposites for kp in claim.key_points) else []
        ),
        "N511",
        "opposite {term!r} of {claim!r} is read as the one word {word!r}: "
        "every answer that says {word!r} would be graded contradictory",
        "add a word that carries what the opposite says "
        '("free press" -> "independent press", "sole way in" -> "face-only entry")',
    )


def rule_one_word_terms(m: Map, ctx: CheckContext) -> Iterator[Diagnostic]:
    yield from _one_word_notes(
        m,
        ctx,
        lambda claim: one_word_terms(claim) if claim.key_points else [],
        "N512",
        "key point term {term!r} of {claim!r} is read as the one word {word!r}: "
        "every answer that says {word!r} would make the point",
        "add a word that carries what the term says "
        '("keep out" -> "keeps strangers out", "tenant lets them in" -> "tenant opens the door")',
    )


def _one_word_notes(
    m: Map,
    ctx: CheckContext,
    found_in: Callable[[Claim], list[tuple[str, str]]],
    code: str,
    message: str,
    hint: str,
) -> Iterator[Diagnostic]:
    """The notes of N511 and N512: a term read as one word, at the term in the file."""
    raw: str | None = None
    for claim in m.claims:
        found = found_in(claim)
        if found and raw is None:
            from argmap.text_lines import editor_lines

            raw = "\n".join(editor_lines(ctx.map_text() or ""))
        start = claim.positions.get("key_points", claim.pos)
        for term, word in found:
            yield ctx.diag(
                (_find_after(raw, term, start) if raw else None) or start,
                Severity.NOTE,
                code,
                message.format(term=term, claim=claim.id, word=word),
                hint,
            )


def _pct(x: float) -> str:
    return f"{round(100 * x)} %"


NOTE_RULES = (
    rule_defeated_facts,
    rule_split_key_points,
    rule_near_duplicates,
    rule_pointing_openings,
    rule_side_balance,
    rule_unmatchable_terms,
    rule_one_word_opposites,
    rule_one_word_terms,
)
