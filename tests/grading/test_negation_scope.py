"""Negation scope by clause: what each kind of negator denies, and what it leaves alone."""

from __future__ import annotations

import pytest

from argmap.grading.language import analyse, analyse_term, clauses


def denied(text: str) -> list[str]:
    return [t.lemma for t in analyse(text) if t.content and t.negated]


def said(text: str) -> list[str]:
    return [t.lemma for t in analyse(text) if t.content and not t.negated]


@pytest.mark.parametrize(
    ("text", "no", "yes"),
    [
        # A sentential negation denies the whole rest of its sentence, over "or".
        (
            "It is not true that the averages are unsourced or that the conversions disagree",
            {"average", "unsourced", "conversion", "disagree"},
            set(),
        ),
        (
            "I don't think tracking when people leave home counts as monitoring",
            {"track", "monitor"},
            set(),
        ),
        ("Nobody has shown that visitors are logged", {"visitor", "log"}, set()),
        # ... but not past a semicolon: a new sentence is a new claim.
        (
            "It is not true that they are separate; the housing authority runs both",
            {"separate"},
            {"housing", "authority", "run"},
        ),
        # A trailing denial reaches back to the start of its sentence.
        ("That the locks record visitors is false.", {"lock", "record", "visitor"}, set()),
        ("It is false that a database of faces exists.", {"database", "face", "exist"}, set()),
        # A verbal negation denies its verb phrase; the subject stays asserted.
        ("The locks are not separate from social credit", {"separate"}, {"lock"}),
        ("They never consented to the scans", {"consent"}, set()),
        # A determiner denies its noun phrase only: the gap, not the terminals.
        (
            "There is no gap between terminal 5 and the positive terminal",
            {"gap"},
            {"terminal", "positive"},
        ),
        # A negated subject denies the predicate.
        ("No source gives a number for sublets", {"give", "number"}, set()),
        ("Nothing links those faces to these systems", {"link", "face"}, set()),
        # "no longer" is a verbal negation.
        ("B and C are no longer in a closed path", {"close", "path"}, set()),
        # A contrastive turn ends every scope.
        (
            "I don't think the blog cites a source, but the figures add up",
            {"blog", "cite", "source"},
            {"figure", "add"},
        ),
        # Two negations cancel.
        ("It is not true that the rule does not cover old numbers", set(), {"cover"}),
    ],
)
def test_what_a_negation_reaches(text: str, no: set[str], yes: set[str]) -> None:
    assert no <= set(denied(text)), denied(text)
    assert yes <= set(said(text)), said(text)
    assert not (yes & set(denied(text)))


@pytest.mark.parametrize(
    "text",
    [
        "It isn't clear whether the rule covers existing accounts",
        "We don't know if visitors are logged",
        "One entry says nothing about how often the system fails",
    ],
)
def test_uncertainty_denies_nothing(text: str) -> None:
    assert denied(text) == []


def test_words_inside_other_words_are_not_negators() -> None:
    assert denied("The notion of a nothingness knot is notable") == []


def test_contractions_split_into_a_negation() -> None:
    assert denied("The door won't open and it can't tell strangers") == ["open", "tell", "stranger"]


def test_a_telegraphic_key_term_with_a_trailing_negator_is_negative() -> None:
    assert [(t.lemma, t.negated) for t in analyse_term("face cannot")] == [("face", True)]
    assert [(t.lemma, t.negated) for t in analyse_term("feeling not fact")] == [
        ("feeling", False),
        ("fact", True),
    ]
    # A verb that merely means refusal is not a negator at the end of a term.
    assert [(t.lemma, t.negated) for t in analyse_term("strangers refused")] == [
        ("stranger", False)
    ]


def test_clauses_split_at_punctuation_and_turns() -> None:
    assert clauses("The blog cites no source, and its figures disagree, so the gap is unknown") == [
        "The blog cites no source",
        "and its figures disagree",
        "so the gap is unknown",
    ]
