"""Which other claim of a map an answer makes the point of, when it misses its own.

A student who rebuts the wrong claim has not argued nonsense: they have
answered another question. Saying which ("That makes the point of X, which
answers Y") teaches more than "Not quite". Candidates are found through an
index of the map's model-answer words built once per map, so a 10,000-claim
map costs a few dictionary lookups per answer, then at most `CANDIDATES`
full assessments.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from argmap.grading.grader import assess
from argmap.grading.language import analyse
from argmap.grading.verdicts import Reference, Verdict
from argmap.model import Map

CANDIDATES = 4
MIN_SHARED = 2  # content words an answer must share with a claim to be tried against it
# ... and how closely it must fit that claim's text: a few of its words scattered over an
# answer about something else ("photo ... opening" for "every opening photographed")
# are no answer to its question.
MIN_FIT = 0.3

# The index of the last map asked about (a session or a batch asks about one map).
_LAST: list[tuple[Map, dict[str, list[str]]]] = []


def _index(the_map: Map) -> dict[str, list[str]]:
    if _LAST and _LAST[0][0] is the_map:
        return _LAST[0][1]
    index: dict[str, list[str]] = {}
    for claim in the_map.claims:
        if not claim.key_points:
            continue
        text = " ".join([claim.text, *(t for kp in claim.key_points for t in kp.terms)])
        for lemma in {t.lemma for t in analyse(text) if t.content}:
            index.setdefault(lemma, []).append(claim.id)
    _LAST[:] = [(the_map, index)]
    return index


def answered_elsewhere(
    the_map: Map, answer: str, exclude: Sequence[str], own_fit: float = 0.0
) -> str | None:
    """The id of another claim whose model answer `answer` makes, or None.

    Only a claim whose text the answer is closer to than to its own question's
    model answer (`own_fit`): an answer that half-says its own point has not
    answered another question.
    """
    index = _index(the_map)
    shared: Counter[str] = Counter()
    # In the answer's order, so that ties rank the same on every run.
    for lemma in dict.fromkeys(t.lemma for t in analyse(answer) if t.content):
        ids = index.get(lemma, ())
        if len(ids) <= max(20, len(the_map.claims) // 20):  # skip words every claim uses
            shared.update(ids)
    skip = set(exclude)
    for claim_id, count in shared.most_common(CANDIDATES + len(skip)):
        if count < MIN_SHARED or claim_id in skip:
            continue
        claim = the_map.claims_by_id[claim_id]
        found = assess(answer, [Reference(claim.text, claim.key_points, claim.id)])
        if found.verdict is Verdict.CORRECT and found.fit > max(own_fit, MIN_FIT):
            return claim_id
    return None


def elsewhere_sentence(the_map: Map, claim_id: str, subject: str) -> str:
    """'That makes the point of "X", which answers "Y", rather than answering "Z".'"""

    def bare(text: str) -> str:
        return text.strip().rstrip(".")

    claim = the_map.claims_by_id[claim_id]
    targets = [
        the_map.claims_by_id[r.target].text
        for r in the_map.outgoing.get(claim_id, ())
        if r.target in the_map.claims_by_id
    ]
    where = f', which answers "{bare(targets[0])}"' if targets else ""
    return (
        f'That makes the point of "{bare(claim.text)}"{where}, rather than answering '
        f'"{bare(subject)}".'
    )
