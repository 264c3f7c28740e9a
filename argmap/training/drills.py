"""The drills: one class per kind, each turning a claim of a map into a `Question`.

Every drill answers two things: which claims it can ask about (`targets`) and
the question for one of them (`question`), or None when the map cannot supply
a fair one. All randomness comes from the `random.Random` passed in, so a
seed reproduces a session. Distractor rules live in `argmap.training.choices`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, ClassVar

from argmap.flaws import accepted_names, same_or_related
from argmap.model import Claim, Evidence, KeyPoint, Map, RelationType
from argmap.training.choices import LENGTH_RATIO, answers_to, assemble, shuffled
from argmap.training.location import path_to_thesis
from argmap.training.questions import DrillKind, Explanation, Option, Question, TextAnswer
from argmap.training.sides import same_side, sides

if TYPE_CHECKING:
    from argmap.analysis import MapAnalysis

class Drill:
    """A kind of question; subclasses say which claims qualify and how to ask."""

    kind: ClassVar[DrillKind]

    def targets(self, the_map: Map) -> list[str]:
        """Claims this drill can ask a fair question about, in file order."""
        rng = random.Random(0)
        return [c.id for c in the_map.claims if self.question(the_map, c.id, rng) is not None]

    def question(self, the_map: Map, claim_id: str, rng: random.Random) -> Question | None:
        raise NotImplementedError


def _text_answer(claim: Claim) -> TextAnswer | None:
    return TextAnswer(claim.text, claim.key_points, claim.id) if claim.key_points else None


def _single_attackers(the_map: Map, target: str, keep: Callable[[str], bool] = lambda _: True,
                      ) -> list[tuple[Claim, str | None]]:
    """(claim, why) for each one-premise attack on `target` whose premise passes `keep`."""
    out = []
    for rel in the_map.attackers(target):
        if rel.type is RelationType.ATTACK and not rel.linked and rel.sources[0] != target:
            claim = the_map.claims_by_id.get(rel.sources[0])
            if claim is not None and keep(claim.id):
                out.append((claim, rel.why))
    return out


def _rebuttal_distractors(the_map: Map, target: Claim, rng: random.Random) -> list[Option]:
    """Supporters of the target, then attackers of other claims sharing a theme with it,
    keeping only claims on the target's own side of every thesis."""
    fair = answers_to(the_map, target.id)
    supporters = [the_map.claims_by_id[s] for rel in the_map.supporters(target.id)
                  for s in rel.sources if s in the_map.claims_by_id]
    themes = set(target.themes)
    elsewhere: list[Claim] = []
    for other in the_map.claims:
        if other.id == target.id or not themes.intersection(other.themes):
            continue
        for rel in the_map.attackers(other.id):
            elsewhere.extend(the_map.claims_by_id[s] for s in rel.sources
                             if s in the_map.claims_by_id)
    # An attacker of another claim may argue against the target's side: a defensible
    # rebuttal, so only those on the target's own side are fair wrong answers.
    groups = [shuffled([Option(c.text, False, c.id) for c in group
                        if c.id not in fair and same_side(the_map, c.id, target.id)], rng)
              for group in (supporters, elsewhere)]
    return [o for group in groups for o in group]


def _rebuttal_question(the_map: Map, claim_id: str, rng: random.Random, kind: DrillKind,
                       prompt: str, keep: Callable[[str], bool] = lambda _: True,
                       ) -> Question | None:
    target = the_map.claims_by_id.get(claim_id)
    if target is None:
        return None
    attackers = _single_attackers(the_map, claim_id, keep)
    if not attackers:
        return None
    # Prefer an answer with key points, so a typed reply is graded against the same
    # model answer the explanation shows.
    graded = [a for a in attackers if a[0].key_points] or attackers
    answer, why = graded[rng.randrange(len(graded))]
    options = assemble(Option(answer.text, True, answer.id),
                       _rebuttal_distractors(the_map, target, rng), rng)
    typed = tuple(t for c, _ in attackers if (t := _text_answer(c)) is not None)
    if len(options) < 2:
        if not typed:
            return None
        options = ()
    return Question(
        drill=kind, claim_id=claim_id, prompt=prompt, subject=target.text, options=options,
        explanation=Explanation(answer.text, why, answer.note or target.note,
                                path_to_thesis(the_map, answer.id), answer.id),
        text_answers=typed, themes=target.themes)


class RebutDrill(Drill):
    kind = DrillKind.REBUT

    def question(self, the_map: Map, claim_id: str, rng: random.Random) -> Question | None:
        return _rebuttal_question(the_map, claim_id, rng, self.kind,
                                  "Which is the strongest rebuttal of this claim?")


def _support_closure(the_map: Map, claim_id: str) -> set[str]:
    """The claim and everything that supports it, directly or through other supporters."""
    seen = {claim_id}
    stack = [claim_id]
    while stack:
        for rel in the_map.supporters(stack.pop()):
            for src in rel.sources:
                if src not in seen:
                    seen.add(src)
                    stack.append(src)
    return seen


def evidence_label(the_map: Map, ev: Evidence) -> str:
    source = the_map.sources_by_id.get(ev.source)
    name = (source.outlet or source.title) if source is not None else ev.source
    return f"\"{ev.quote}\" ({name}, {ev.locator})"


def _single_supporters(the_map: Map, target: str) -> list[tuple[Claim, str | None]]:
    """(claim, why) for each one-premise support of `target`."""
    out = []
    for rel in the_map.supporters(target):
        if not rel.linked and rel.sources[0] != target:
            claim = the_map.claims_by_id.get(rel.sources[0])
            if claim is not None:
                out.append((claim, rel.why))
    return out


def support_answers(the_map: Map, target: str) -> tuple[TextAnswer, ...]:
    """The model answers a typed support of `target` is graded against: each claim that
    supports it on its own (a single-premise support) and has key points."""
    return tuple(t for c, _ in _single_supporters(the_map, target)
                 if (t := _text_answer(c)) is not None)


class SupportDrill(Drill):
    """Pick the quote, with its source, that backs a claim, or type an argument for it.

    A typed answer is graded against `support_answers`; a claim with such
    supporters but no evidence of its own gets a typed-only question.
    """

    kind = DrillKind.SUPPORT

    def question(self, the_map: Map, claim_id: str, rng: random.Random) -> Question | None:
        target = the_map.claims_by_id.get(claim_id)
        if target is None:
            return None
        typed = support_answers(the_map, claim_id)
        if not target.evidence:
            return self._typed_only(the_map, target, typed, rng) if typed else None
        backing = _support_closure(the_map, claim_id)
        own = {(e.source, " ".join(e.quote.split())) for c in backing
               for e in the_map.claims_by_id[c].evidence if c in the_map.claims_by_id}
        answer = target.evidence[rng.randrange(len(target.evidence))]
        attackers = {s for rel in the_map.attackers(claim_id) for s in rel.sources}
        themes = set(target.themes)

        def rank(claim: Claim) -> int:
            return 0 if claim.id in attackers else 1 if themes.intersection(claim.themes) else 2

        groups: list[list[Option]] = [[], [], []]
        for other in the_map.claims:
            if other.id in backing:
                continue
            for ev in other.evidence:
                if (ev.source, " ".join(ev.quote.split())) not in own:
                    groups[rank(other)].append(
                        Option(evidence_label(the_map, ev), False, other.id))
        candidates = [o for g in groups for o in shuffled(g, rng)]
        options = assemble(Option(evidence_label(the_map, answer), True, claim_id),
                           candidates, rng)
        if len(options) < 2:
            return self._typed_only(the_map, target, typed, rng) if typed else None
        source = the_map.sources_by_id.get(answer.source)
        prompt = "Which evidence, from which source, backs this claim?"
        if typed:
            prompt += " (Or type, in your own words, an argument that supports it.)"
        return Question(
            drill=self.kind, claim_id=claim_id, prompt=prompt,
            subject=target.text, options=options,
            explanation=Explanation(
                evidence_label(the_map, answer),
                "The map cites this quote as the claim's own evidence.",
                target.note or (source.reliability if source is not None else None),
                path_to_thesis(the_map, claim_id), claim_id),
            text_answers=typed, themes=target.themes)

    def _typed_only(self, the_map: Map, target: Claim, typed: tuple[TextAnswer, ...],
                    rng: random.Random) -> Question:
        """Argue for the claim in your own words (the map gives no quote to pick)."""
        supporters = [(c, why) for c, why in _single_supporters(the_map, target.id)
                      if c.key_points]
        answer, why = supporters[rng.randrange(len(supporters))]
        return Question(
            drill=self.kind, claim_id=target.id,
            prompt="How would you support this claim? Give the argument that backs it.",
            subject=target.text, options=(),
            explanation=Explanation(answer.text, why, answer.note or target.note,
                                    path_to_thesis(the_map, answer.id), answer.id),
            text_answers=typed, themes=target.themes)


def source_label(the_map: Map, source_id: str) -> str:
    source = the_map.sources_by_id.get(source_id)
    if source is None:
        return source_id
    name = source.outlet or source.title
    return f"{name} ({source.kind})" if source.kind else name


# Source labels are names, not arguments: their lengths say less, so allow more spread.
SOURCE_LENGTH_RATIO = max(LENGTH_RATIO, 3.0)


class SourceDrill(Drill):
    """Which source says this, and what kind of outlet it is."""

    kind = DrillKind.SOURCE

    def question(self, the_map: Map, claim_id: str, rng: random.Random) -> Question | None:
        target = the_map.claims_by_id.get(claim_id)
        if target is None or not target.evidence:
            return None
        ev = target.evidence[rng.randrange(len(target.evidence))]
        if ev.source not in the_map.sources_by_id:
            return None
        quoted_by = {e.source for c in the_map.claims for e in c.evidence
                     if " ".join(e.quote.split()) == " ".join(ev.quote.split())}
        others = shuffled([Option(source_label(the_map, s.id), False, None)
                           for s in the_map.sources if s.id not in quoted_by], rng)
        options = assemble(Option(source_label(the_map, ev.source), True, None), others, rng,
                           length_ratio=SOURCE_LENGTH_RATIO)
        if len(options) < 2:
            return None
        source = the_map.sources_by_id[ev.source]
        return Question(
            drill=self.kind, claim_id=claim_id,
            prompt="Which source says this, and what kind of outlet is it?",
            subject=ev.quote, subject_label="Quote", options=options,
            explanation=Explanation(
                source_label(the_map, ev.source),
                source.reliability or None,
                f"{source.title}" + (f", {source.date}" if source.date else "")
                + f", {ev.locator}.",
                path_to_thesis(the_map, claim_id), claim_id),
            themes=target.themes)


class FlawDrill(Drill):
    """Name the flaw of a flawed claim: pick it, or type it.

    Names come from `argmap.flaws`: a typed name is right when it is the
    flaw's name or one accepted for it, and no such name is a wrong option.
    """

    kind = DrillKind.FLAW

    def question(self, the_map: Map, claim_id: str, rng: random.Random) -> Question | None:
        target = the_map.claims_by_id.get(claim_id)
        if target is None or not target.flaw:
            return None
        flaw = target.flaw
        names = list(dict.fromkeys(c.flaw for c in the_map.claims
                                   if c.flaw and not same_or_related(flaw, c.flaw)))
        others = shuffled([Option(n, False, None) for n in names], rng)
        options = assemble(Option(flaw, True, claim_id), others, rng)
        if len(options) < 2:
            options = ()
        typed = TextAnswer(flaw, (KeyPoint(flaw, accepted_names(flaw)[1:]),), claim_id)
        return Question(
            drill=self.kind, claim_id=claim_id,
            prompt="What is the flaw in this claim?",
            subject=target.text, options=options,
            explanation=Explanation(flaw, None, target.note,
                                    path_to_thesis(the_map, claim_id), claim_id),
            text_answers=(typed,), themes=target.themes)


def _analysis(the_map: Map) -> MapAnalysis | None:
    """The map's analysis, computed once per map (a crux question asks for it)."""
    from argmap.analysis import analyse_map

    cache = _ANALYSES.get(id(the_map))
    if cache is not None and cache[0] is the_map:
        return cache[1]
    result = analyse_map(the_map)
    _ANALYSES.clear()
    _ANALYSES[id(the_map)] = (the_map, result)
    return result


_ANALYSES: dict[int, tuple[Map, MapAnalysis]] = {}


class CruxDrill(Drill):
    """Which claim, if it fell, would flip the thesis (graded by the analysis)."""

    kind = DrillKind.CRUX

    def targets(self, the_map: Map) -> list[str]:
        rng = random.Random(0)
        return [t for t in the_map.theses if self.question(the_map, t, rng) is not None]

    def question(self, the_map: Map, claim_id: str, rng: random.Random) -> Question | None:
        thesis = the_map.claims_by_id.get(claim_id)
        analysis = _analysis(the_map) if claim_id in the_map.theses else None
        if thesis is None or analysis is None:
            return None
        cruxes = analysis.cruxes.get(claim_id, ())
        flippers = [c for c in cruxes if c.flips_grounded or c.flips_preferred]
        structure = analysis.structure.theses.get(claim_id)
        connected = [c for c in (structure.sides if structure else {}) if c != claim_id]
        effect = {c.claim: abs(c.strength_delta) for c in cruxes}
        if flippers:
            right = flippers
            wrong = [c for c in connected if c not in {f.claim for f in flippers}]
            prompt = "Which claim, if it fell, would flip this thesis?"
        elif cruxes and effect[cruxes[0].claim] > 0:
            right = [cruxes[0]]
            top = effect[cruxes[0].claim]
            wrong = [c for c in connected if effect.get(c, 0.0) <= top / 2]
            prompt = "Which claim, if it fell, would weaken this thesis most?"
        else:
            return None
        crux = right[rng.randrange(len(right))]
        answer = the_map.claims_by_id[crux.claim]
        wrong.sort(key=lambda c: effect.get(c, 0.0))
        candidates = [Option(the_map.claims_by_id[c].text, False, c) for c in wrong
                      if c in the_map.claims_by_id]
        candidates = shuffled(candidates[:12], rng)
        options = assemble(Option(answer.text, True, answer.id), candidates, rng)
        if len(options) < 2:
            return None
        if crux.flips_grounded:
            why = "Rejecting it changes the thesis's grounded label."
        elif crux.flips_preferred:
            why = "Rejecting it changes whether the thesis is accepted under preferred semantics."
        else:
            why = "Rejecting it moves the thesis's strength more than any other claim."
        why += f" Strength change of the thesis: {crux.strength_delta:+.2f}."
        return Question(
            drill=self.kind, claim_id=claim_id, prompt=prompt, subject=thesis.text,
            subject_label="Thesis", options=options,
            explanation=Explanation(answer.text, why, answer.note,
                                    path_to_thesis(the_map, answer.id), answer.id),
            themes=thesis.themes)


class SwitchSidesDrill(Drill):
    """Argue the side you disagree with: answer a claim of your own side as the other would."""

    kind = DrillKind.SWITCH

    def __init__(self, side: str, thesis: str | None = None) -> None:
        if side not in {"pro", "con"}:
            raise ValueError("side must be 'pro' or 'con'")
        self.side = side
        self.thesis = thesis

    def _sides(self, the_map: Map) -> tuple[str, Mapping[str, str]] | None:
        thesis = self.thesis or (the_map.theses[0] if the_map.theses else None)
        if thesis is None or thesis not in the_map.claims_by_id:
            return None
        return thesis, sides(the_map, thesis)

    def question(self, the_map: Map, claim_id: str, rng: random.Random) -> Question | None:
        found = self._sides(the_map)
        if found is None:
            return None
        thesis, sides = found
        other = "con" if self.side == "pro" else "pro"
        if sides.get(claim_id) != other:
            return None
        mine, theirs = self.side.upper(), other.upper()
        prompt = (f"You are arguing the {mine} side of the thesis "
                  f"\"{the_map.claims_by_id[thesis].text}\". "
                  f"As a {mine} debater, how do you answer this {theirs} claim?")
        return _rebuttal_question(the_map, claim_id, rng, self.kind, prompt,
                                  keep=lambda c: sides.get(c) == self.side)


def all_drills(side: str | None = None, thesis: str | None = None) -> dict[DrillKind, Drill]:
    """Every drill kind; switch sides only when the side to argue is known."""
    drills: dict[DrillKind, Drill] = {
        DrillKind.REBUT: RebutDrill(),
        DrillKind.SUPPORT: SupportDrill(),
        DrillKind.SOURCE: SourceDrill(),
        DrillKind.FLAW: FlawDrill(),
        DrillKind.CRUX: CruxDrill(),
    }
    if side is not None:
        drills[DrillKind.SWITCH] = SwitchSidesDrill(side, thesis)
    return drills
