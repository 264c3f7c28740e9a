"""The vocabulary of reasoning flaws: one name each, the other names accepted, a definition.

This is the one list argmap has. `argmap check` warns about a map's `flaw`
that is not in it, or misspelt (W404, with "did you mean"); the flaw drill accepts a typed
name when it is the flaw's name, a synonym or a near-synonym, and never
offers a synonym or near-synonym of the right answer as a wrong option; the
explorer shows the definition beside the flaw. `docs/flaws.md` is rendered
from it (`render_markdown`; a test keeps the two equal).

* `synonyms`: other names for the same flaw.
* `related`: other entries so close that a teacher would accept either name
  (an anecdote is a hasty generalisation from one case). The relation is
  symmetric: naming it on one side is enough.

Names are compared after folding case, hyphens and punctuation, British and
American spellings (generalisation, generalization) and a final "fallacy";
small typos are forgiven in proportion to a word's length.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.grading import Assessment


@dataclass(frozen=True, slots=True)
class Flaw:
    name: str
    definition: str  # one line, never naming the flaw (it doubles as a drill hint)
    synonyms: tuple[str, ...] = ()
    related: tuple[str, ...] = ()  # names of other entries a teacher would accept

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.synonyms)


FLAWS: tuple[Flaw, ...] = (
    Flaw(
        "anecdote",
        "One story or case is offered as if it showed what is generally true.",
        (
            "anecdotal evidence",
            "anecdotal",
            "single case",
            "one example",
            "isolated case",
            "isolated example",
            "personal experience",
        ),
        ("hasty generalisation", "unverified anecdote"),
    ),
    Flaw(
        "unverified anecdote",
        "A story that nobody can check is offered as proof.",
        ("unconfirmed anecdote", "unverified story", "unconfirmed story", "hearsay"),
        ("anecdote", "anonymous sources"),
    ),
    Flaw(
        "hasty generalisation",
        "A general rule is drawn from too few or untypical cases.",
        (
            "overgeneralisation",
            "jumping to conclusions",
            "generalising from too few cases",
            "insufficient sample",
            "small sample",
        ),
        ("unsupported generalisation", "cherry picking"),
    ),
    Flaw(
        "unsupported generalisation",
        "A claim about all or most cases is made with no evidence that it holds for them.",
        ("sweeping generalisation", "sweeping statement", "blanket statement", "overbroad claim"),
        ("hasty generalisation", "unsupported assertion"),
    ),
    Flaw(
        "unsupported assertion",
        "A claim is stated as fact with no reason or evidence given for it.",
        (
            "bare assertion",
            "unsupported claim",
            "mere assertion",
            "assertion without evidence",
            "ipse dixit",
            "no evidence",
        ),
        ("unsupported generalisation", "unverified statistic"),
    ),
    Flaw(
        "unverified statistic",
        "A number is given without a source anyone could check.",
        (
            "unverified number",
            "unverified figure",
            "unsourced statistic",
            "unsourced number",
            "unsourced figure",
            "made-up statistic",
            "no source",
        ),
        ("inconsistent figures", "unsupported assertion"),
    ),
    Flaw(
        "inconsistent figures",
        "The numbers given contradict each other, so at least one of them is wrong.",
        (
            "inconsistent numbers",
            "inconsistent statistics",
            "contradictory figures",
            "contradictory numbers",
            "figures that disagree",
            "numbers that disagree",
        ),
        ("unverified statistic",),
    ),
    Flaw(
        "appeal to authority",
        "A claim is held true because someone important says so, not because of evidence.",
        (
            "argument from authority",
            "false authority",
            "appeal to false authority",
            "authority",
            "argumentum ad verecundiam",
        ),
    ),
    Flaw(
        "anonymous sources",
        "The evidence comes from people who are not named, so it cannot be checked.",
        ("anonymous source", "unnamed sources", "unnamed source", "anonymous claims"),
        ("unverified anecdote", "source bias"),
    ),
    Flaw(
        "source bias",
        "The source has a stake in the answer, so its account may be slanted.",
        (
            "biased source",
            "bias",
            "partisan source",
            "interested source",
            "conflict of interest",
            "one-sided source",
        ),
    ),
    Flaw(
        "interested testimony",
        "Someone who runs or gains from a scheme vouches that it works: a fair witness to "
        "its aims, not to its results.",
        (
            "self-interested testimony",
            "interested witness",
            "testimony of an interested party",
            "self-serving statement",
            "vested interest",
        ),
        ("source bias", "appeal to authority"),
    ),
    Flaw(
        "self-citation",
        "A source offers its own earlier report as if it were independent support.",
        ("citing oneself", "citing its own report", "self-reference", "circular sourcing"),
        ("unverified statistic", "circular reasoning"),
    ),
    Flaw(
        "stereotype",
        "A whole group of people is judged by a fixed, simplified picture of its members.",
        ("ethnic stereotype", "racial stereotype", "cultural stereotype", "stereotyping"),
        ("hasty generalisation", "unsupported generalisation"),
    ),
    Flaw(
        "slippery slope",
        "One step is said to lead surely to an extreme outcome, without showing each step.",
        ("slope", "domino fallacy", "thin end of the wedge", "thin edge of the wedge"),
    ),
    Flaw(
        "loaded language",
        "Words chosen to stir feeling stand in for an argument.",
        (
            "emotive language",
            "loaded words",
            "loaded terms",
            "emotionally loaded language",
            "charged language",
        ),
        ("appeal to emotion",),
    ),
    Flaw(
        "appeal to emotion",
        "Feelings such as fear or pity are used in place of reasons.",
        (
            "emotional appeal",
            "appeal to fear",
            "appeal to pity",
            "fear mongering",
            "scaremongering",
        ),
    ),
    Flaw(
        "false dilemma",
        "Only two options are offered when others exist.",
        (
            "false dichotomy",
            "either or",
            "either-or fallacy",
            "black and white",
            "black and white thinking",
            "false choice",
        ),
    ),
    Flaw(
        "straw man",
        "The other side's argument is restated as a weaker one, which is then knocked down.",
        ("strawman", "straw person", "misrepresentation"),
    ),
    Flaw(
        "ad hominem",
        "The person making an argument is attacked instead of the argument.",
        ("personal attack", "attacking the person", "argumentum ad hominem", "poisoning the well"),
        ("genetic fallacy",),
    ),
    Flaw(
        "whataboutism",
        "A criticism is answered by pointing to a fault of the critic or of someone else.",
        ("what about", "tu quoque", "you too", "appeal to hypocrisy"),
        ("red herring", "ad hominem"),
    ),
    Flaw(
        "red herring",
        "A point beside the question draws attention away from it.",
        ("irrelevant point", "changing the subject", "irrelevance", "diversion"),
    ),
    Flaw(
        "circular reasoning",
        "The conclusion is already assumed in a premise.",
        ("circular argument", "begging the question", "petitio principii", "circularity"),
    ),
    Flaw(
        "false cause",
        "Because two things go together, or one follows the other, one is said to cause the other.",
        (
            "post hoc",
            "post hoc ergo propter hoc",
            "correlation is not causation",
            "correlation not causation",
            "questionable cause",
            "causal fallacy",
        ),
    ),
    Flaw(
        "bandwagon",
        "A claim is held true because many people believe it.",
        (
            "appeal to popularity",
            "argumentum ad populum",
            "ad populum",
            "appeal to the majority",
            "popularity",
        ),
    ),
    Flaw(
        "cherry picking",
        "Only the evidence that suits the claim is shown; the rest is left out.",
        ("selective evidence", "suppressed evidence", "card stacking", "selective quoting"),
        ("hasty generalisation",),
    ),
    Flaw(
        "false equivalence",
        "Two things are treated as alike although they differ in what matters.",
        ("false balance",),
        ("weak analogy",),
    ),
    Flaw(
        "weak analogy",
        "A conclusion rests on a comparison with a case unlike this one in what matters.",
        ("false analogy", "faulty analogy", "poor analogy"),
    ),
    Flaw(
        "appeal to ignorance",
        "A claim is held true because it has not been shown false, or false because it has "
        "not been shown true.",
        ("argument from ignorance", "argumentum ad ignorantiam"),
    ),
    Flaw(
        "moving the goalposts",
        "Once the evidence asked for is given, a higher standard is demanded.",
        ("shifting the goalposts", "moving goalposts", "shifting goalposts"),
    ),
    Flaw(
        "equivocation",
        "A word changes its meaning part way through an argument.",
        ("ambiguity", "double meaning"),
    ),
    Flaw(
        "appeal to tradition",
        "Something is held right because it has always been done that way.",
        ("argumentum ad antiquitatem", "tradition"),
    ),
    Flaw(
        "appeal to nature",
        "Something is held good because it is natural, or bad because it is not.",
        ("naturalistic fallacy",),
    ),
    Flaw(
        "genetic fallacy",
        "A claim is judged by where it came from rather than by what it says.",
        ("origin fallacy",),
    ),
    Flaw(
        "loaded question",
        "A question takes for granted something that has not been agreed.",
        ("complex question", "many questions"),
    ),
    Flaw(
        "no true scotsman",
        "A counterexample is waved away by redefining the group to leave it out.",
        ("appeal to purity",),
    ),
    Flaw(
        "composition",
        "What is true of the parts is taken to be true of the whole.",
        ("fallacy of composition",),
    ),
    Flaw(
        "division",
        "What is true of the whole is taken to be true of each part.",
        ("fallacy of division",),
    ),
)

# Spelling variants folded before comparing: British to American, word by word.
_SPELLING = (
    (re.compile(r"isation(s?)$"), r"ization\1"),
    (re.compile(r"is(e|ed|es|ing)$"), r"iz\1"),
    (re.compile(r"yse(d?)$"), r"yze\1"),
)
# Words around a flaw's name that say nothing: "it is an anecdote", "straw man fallacy".
_FILLER = frozenset(
    {
        "a",
        "an",
        "the",
        "fallacy",
        "flaw",
        "of",
        "this",
        "that",
        "it",
        "is",
        "its",
        "it's",
        "was",
        "commits",
        "uses",
        "argument",
        "by",
        "kind",
    }
)
_NEGATORS = frozenset(
    {
        "not",
        "no",
        "never",
        "isnt",
        "isn't",
        "wasnt",
        "wasn't",
        "nothing",
        "hardly",
        "neither",
        "nor",
        "without",
    }
)
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
# Words kept as written (never respelt): short words and a few that only look British.
_KEEP = frozenset(
    {
        "premise",
        "promise",
        "precise",
        "wise",
        "rise",
        "noise",
        "raise",
        "expertise",
        "exercise",
        "otherwise",
        "advertise",
        "compromise",
    }
)


def _respell(word: str) -> str:
    if len(word) <= 5 or word in _KEEP:
        return word
    for pattern, replacement in _SPELLING:
        if pattern.search(word):
            return pattern.sub(replacement, word)
    return word


def words(text: str) -> tuple[str, ...]:
    """A name's words, folded: case, punctuation, hyphens and British spellings."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return tuple(_respell(w) for w in _WORD.findall(folded.replace("-", " ")))


def key(text: str) -> str:
    """The comparison key of a name: its folded words without filler."""
    kept = [w for w in words(text) if w not in _FILLER]
    return " ".join(kept or words(text))


def _typos(word: str) -> int:
    return 0 if len(word) <= 4 else 1 if len(word) <= 8 else 2


def _close(a: str, b: str) -> bool:
    from argmap.grading.lexicon import edit_distance

    limit = _typos(b)
    return a == b or (limit > 0 and edit_distance(a, b, limit) <= limit)


@cache
def _index() -> dict[str, Flaw]:
    """Every accepted name's key -> its entry."""
    out: dict[str, Flaw] = {}
    for flaw in FLAWS:
        for name in flaw.names:
            out.setdefault(key(name), flaw)
    return out


@cache
def _related() -> dict[str, frozenset[str]]:
    """Entry name -> the names of the entries related to it, both ways."""
    out: dict[str, set[str]] = {f.name: set() for f in FLAWS}
    for flaw in FLAWS:
        for other in flaw.related:
            out[flaw.name].add(other)
            out[other].add(flaw.name)
    return {k: frozenset(v) for k, v in out.items()}


def known_name(name: str) -> Flaw | None:
    """The entry `name` is spelt as exactly (any case, either spelling), typos not forgiven:
    what a map should say."""
    return _index().get(key(name))


def find_flaw(name: str) -> Flaw | None:
    """The entry a name (or a synonym, in any spelling, with a small typo) stands for."""
    wanted = key(name)
    found = _index().get(wanted)
    if found is not None:
        return found
    wanted_words = wanted.split()
    for known, flaw in _index().items():
        known_words = known.split()
        if len(known_words) == len(wanted_words) and all(
            _close(a, b) for a, b in zip(wanted_words, known_words, strict=True)
        ):
            return flaw
    return None


def accepted_names(name: str) -> tuple[str, ...]:
    """Every name accepted for the flaw `name`: its own, its synonyms, its near-synonyms'."""
    flaw = find_flaw(name)
    if flaw is None:
        return (name,)
    out = list(dict.fromkeys((name, *flaw.names)))
    for other in sorted(_related()[flaw.name]):
        out += [n for n in by_name(other).names if n not in out]
    return tuple(out)


def by_name(name: str) -> Flaw:
    return next(f for f in FLAWS if f.name == name)


def same_or_related(a: str, b: str) -> bool:
    """Whether a teacher would accept name `b` for flaw `a` (never a wrong option for it)."""
    if key(a) == key(b):
        return True
    fa, fb = find_flaw(a), find_flaw(b)
    if fa is None or fb is None:
        return fa is None and fb is None and _close_names(key(a), key(b))
    return fa is fb or fb.name in _related()[fa.name]


def _close_names(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) and all(_close(x, y) for x, y in zip(wa, wb, strict=True))


def suggestions(name: str, limit: int = 3) -> list[str]:
    """Known flaw names closest to an unknown one, for "did you mean"."""
    from argmap.grading.lexicon import edit_distance

    wanted = key(name)
    scored = []
    for known, flaw in _index().items():
        budget = max(2, len(known) // 3)
        distance = edit_distance(wanted, known, budget)
        shared = set(wanted.split()) & set(known.split())
        if distance <= budget or shared:
            scored.append((distance if distance <= budget else budget + 2 - len(shared), flaw.name))
    scored.sort()
    return list(dict.fromkeys(n for _, n in scored))[:limit]


@dataclass(frozen=True, slots=True)
class NameMatch:
    """How a typed answer names a flaw: which accepted name it used, and whether denied."""

    term: str
    negated: bool


def find_names(answer: str, names: Iterable[str]) -> list[NameMatch]:
    """Each of `names` that occurs in `answer` as whole words (typos forgiven)."""
    said = [w for w in words(answer)]
    found = []
    for name in names:
        term = [w for w in words(name) if w not in _FILLER] or list(words(name))
        n = len(term)
        for i in range(len(said) - n + 1):
            if all(_close(a, b) for a, b in zip(said[i : i + n], term, strict=True)):
                before = said[max(0, i - 3) : i]
                found.append(NameMatch(name, any(w in _NEGATORS for w in before)))
                break
    return found


def assess_flaw_name(answer: str, flaw: str) -> Assessment:
    """Grade a typed flaw name: right when it names `flaw` (or a name accepted for it).

    Denying it ("not source bias") contradicts the point; naming other flaws
    besides it is a guess, and not right.
    """
    from argmap.grading import Assessment, PointResult, PointState, Reference, Verdict
    from argmap.model import KeyPoint

    accepted = accepted_names(flaw)
    reference = Reference(flaw, (KeyPoint(flaw, accepted[1:]),))
    hits = find_names(answer, accepted)
    made = [h for h in hits if not h.negated]
    others = [
        found.name
        for h in find_names(
            answer, (n for f in FLAWS for n in f.names if not same_or_related(flaw, n))
        )
        if not h.negated and (found := find_flaw(h.term)) is not None
    ]
    if made and not others:
        term = made[0].term
        said = f' (as "{term}")' if key(term) != key(flaw) else ""
        return Assessment(
            Verdict.CORRECT,
            1.0,
            (PointResult(flaw, PointState.MADE, term),),
            reference,
            (f"Named: {flaw}{said}.",),
        )
    if hits and not made:
        return Assessment(
            Verdict.CONTRADICTORY,
            0.0,
            (PointResult(flaw, PointState.CONTRADICTED, hits[0].term),),
            reference,
            (f"Contradicted: {flaw}: your answer denies it.",),
        )
    feedback = [f"Missed: {flaw}."]
    if others:
        feedback.append(
            f"Your answer names {', '.join(dict.fromkeys(others))}"
            + (" as well: name the one flaw it commits." if made else ".")
        )
    return Assessment(
        Verdict.INCORRECT, 0.0, (PointResult(flaw, PointState.MISSED),), reference, tuple(feedback)
    )


def render_markdown() -> str:
    """docs/flaws.md: the vocabulary as a reference page."""
    lines = [
        "# Flaw names",
        "",
        "A claim's `flaw` names the reasoning flaw it commits. These are the names",
        "argmap knows. `argmap check` warns about any other name or a misspelt one (W404,",
        "with the closest known names). The flaw drill accepts, for a claim's flaw, its",
        "name, any of its other names, and the names of the flaws listed as close to it,",
        "in either spelling (*generalisation*, *generalization*), any case, with small",
        "typos; it never offers one of those as a wrong option. The explorer shows the",
        "definition beside a claim's flaw, and the drill's hint (`?`) gives it.",
        "",
        "This page is generated from `argmap/flaws.py` (`python -m argmap.flaws >",
        "docs/flaws.md`); a test keeps the two the same.",
        "",
        "| flaw | what it is | also accepted | close to |",
        "|---|---|---|---|",
    ]
    for flaw in FLAWS:
        related = ", ".join(sorted(_related()[flaw.name])) or "–"
        lines.append(
            f"| **{flaw.name}** | {flaw.definition} | "
            f"{', '.join(flaw.synonyms) or '–'} | {related} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(render_markdown())
