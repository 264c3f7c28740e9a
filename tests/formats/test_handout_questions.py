"""Handout quotes never cut a word; the questions are at most a dozen and of every kind."""

from __future__ import annotations

import re

import pytest

from argmap.bundled import bundled_maps_dir
from argmap.display import shorten
from argmap.formats.handout import MAX_QUESTIONS, outline, write_html, write_markdown
from argmap.loading import load_map, load_map_text
from argmap.model import Map


def bundled() -> Map:
    result = load_map(bundled_maps_dir() / "face-at-the-door.yaml")
    assert result.map is not None
    return result.map


def many_supports_map(claims: int = 20, flaws: int = 10) -> Map:
    """A thesis with `claims` supporting reasons, the first `flaws` of them flawed."""
    lines = [
        "argmap: 1",
        "map:",
        "  id: many",
        "  title: Many reasons",
        "  theses: [t]",
        "claims:",
        "  - id: t",
        "    text: The plan is a good one for every town that tries it out this year.",
        "    kind: policy",
    ]
    for i in range(claims):
        lines += [
            f"  - id: r{i}",
            f"    text: Reason number {i} says the plan is a good idea because it works in "
            "every town we have looked at so far.",
            "    kind: value",
        ]
        if i < flaws:
            lines.append("    flaw: anecdote")
    lines.append("relations:")
    lines += [f"  - {{type: support, from: r{i}, to: t}}" for i in range(claims)]
    result = load_map_text("\n".join(lines) + "\n", "many.yaml")
    assert result.map is not None and result.ok, result.diagnostics
    return result.map


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("The plan is a good idea", 15, "The plan is a…"),  # not "The plan is a g…"
        ("The plan is a good idea", 23, "The plan is a good idea"),
        ("Counterrevolutionary thinking", 10, "Counterrevolutionary…"),  # one word: kept whole
        ("Yes, and more", 6, "Yes…"),  # no comma left before the ellipsis
    ],
)
def test_shorten_cuts_at_a_word_boundary(text: str, limit: int, expected: str) -> None:
    assert shorten(text, limit) == expected


def test_no_quoted_claim_in_a_handout_is_cut_mid_word() -> None:
    the_map = bundled()
    texts = [c.text for c in the_map.claims] + [
        ev.quote for c in the_map.claims for ev in c.evidence
    ]
    document = write_markdown(the_map, questions=True)
    cuts = re.findall(r"“([^”]*)…”", document)
    assert cuts, "the bundled map has long claims, so some quotes are shortened"
    for shown in cuts:
        shown = shown.replace("\\", "")  # the Markdown escapes
        whole = next(t for t in texts if t.startswith(shown))
        assert whole[len(shown)] in " ,;:\n", f"cut mid-word: {shown!r} of {whole!r}"


def test_at_most_a_dozen_questions_even_with_many_flaws() -> None:
    questions = outline(many_supports_map(), questions=True).questions
    assert len(questions) == MAX_QUESTIONS == 12
    flaw = [q for q in questions if q.prompt.startswith("What is weak")]
    support = [q for q in questions if q.prompt.startswith("Does ")]
    # The two kinds the map has take turns: neither crowds the other out.
    assert len(flaw) == len(support) == 6
    assert "Answer key" in write_html(many_supports_map(), questions=True)


def test_questions_spread_over_every_kind_the_map_has() -> None:
    the_map = bundled()
    questions = outline(the_map, questions=True).questions
    assert len(questions) == MAX_QUESTIONS
    prompts = [q.prompt for q in questions]
    attack = [q for q in questions if q.answer.startswith("It attacks")]
    support = [q for q in questions if q.answer.startswith("It supports")]
    assert attack and support
    assert any("What does it deny?" in p for p in prompts)  # undercuts
    assert any(p.startswith("Where does the evidence") for p in prompts)  # sources
    assert any(p.startswith("What is weak") for p in prompts)  # flaws
    thesis = the_map.claims_by_id[the_map.theses[0]].text
    about_thesis = [p for p in prompts if p.startswith("Does ") and shorten(thesis, 90) in p]
    assert len(about_thesis) <= MAX_QUESTIONS // 2  # no longer all "does this support the thesis"
    # A source question's answer names the source and what is said of its reliability.
    source_q = next(q for q in questions if q.prompt.startswith("Where does the evidence"))
    assert source_q.answer.startswith("From ") and "“" in source_q.answer
    # Each question is asked once.
    assert len(set(prompts)) == len(prompts)
