"""Drill feedback's "In the map:" line names claims by their text; ids only on demand."""

from __future__ import annotations

import io

from argmap.display import shorten
from argmap.model import Map
from argmap.training.location import CLAIM_CHARS, describe, path_to_thesis, quoted
from argmap.training.plain import run_plain
from argmap.training.session import DrillSession, Feedback, SessionOptions


def test_the_way_to_the_thesis_is_told_in_the_maps_words(drill_map: Map) -> None:
    steps = path_to_thesis(drill_map, "teachers-only")
    assert [s.claim_id for s in steps] == ["teachers-only", "distraction", "ban"]
    line = describe(steps)
    for step in steps:
        assert quoted(step.text) in line
        assert f"({step.claim_id})" not in line and f'"{step.claim_id}"' not in line
    assert line.startswith('"The survey asked teachers')
    assert 'attacks "Phones in class distract students from the lesson", which supports' in line
    assert 'which supports the thesis "The school should ban phones in class".' in line
    with_ids = describe(steps, ids=True)
    for step in steps:
        assert f"{quoted(step.text)} ({step.claim_id})" in with_ids


def test_an_undercut_of_an_undercut_leads_to_the_claim_of_the_first_link(
    example_map: Map,
) -> None:
    # promise-unverifiable undercuts data-protected's undercut of photos-collected -> locks.
    for claim_id in ("promise-unverifiable", "data-protected"):
        steps = path_to_thesis(example_map, claim_id)
        assert [s.claim_id for s in steps] == [claim_id, "locks"]
        assert 'undercuts the link to the thesis "Beijing' in describe(steps)


def test_long_claims_are_shortened_at_a_word(example_map: Map) -> None:
    steps = path_to_thesis(example_map, "promise-unverifiable")
    long = next(s for s in steps if len(s.text) > CLAIM_CHARS)
    shown = shorten(long.text, CLAIM_CHARS)
    assert shown.endswith("…") and long.text[len(shown) - 1] == " "
    assert f'"{shown}"' in describe(steps)


def test_a_thesis_alone_is_named_once(example_map: Map) -> None:
    line = describe(path_to_thesis(example_map, "locks"))
    assert line.startswith('"Beijing') and line.endswith("is a thesis of the map.")


def describe_with_ids(line: str, the_map: Map) -> str:
    """`line` with each claim's id after its quoted text, as `/ids` shows it."""
    for claim in the_map.claims:
        shown = quoted(claim.text)
        line = line.replace(shown, f"{shown} ({claim.id})")
    return line


def _session(the_map: Map) -> DrillSession:
    return DrillSession(the_map, None, SessionOptions(mode="rebut", count=2, seed=4))


def test_plain_mode_ids_toggle_shows_and_hides_the_ids(drill_map: Map) -> None:
    out = io.StringIO()
    run_plain(_session(drill_map), io.StringIO("1\n/ids\n1\n"), out)
    text = out.getvalue()
    lines = [line for line in text.splitlines() if line.startswith("In the map: ")]
    # First answer without ids; /ids repeats that line with them, and the next has them too.
    assert len(lines) == 3
    ids = [f"({c.id})" for c in drill_map.claims]
    assert not any(i in lines[0] for i in ids)
    assert "Claim ids in the 'In the map' line: shown (/ids)." in text
    assert all(any(i in line for i in ids) for line in lines[1:])
    assert lines[1] == describe_with_ids(lines[0], drill_map)
    assert "/ids" not in [line for line in text.splitlines() if line.startswith("Not understood")]


def test_ids_is_not_taken_as_an_answer(example_map: Map) -> None:
    session = _session(example_map)
    out = io.StringIO()
    run_plain(session, io.StringIO("/ids\n/ids\n1\n"), out)
    assert session.summary.answered == 1  # /ids twice answered nothing
    text = out.getvalue()
    assert "shown (/ids)" in text and "hidden (/ids)" in text
    feedback = session.last_feedback
    assert isinstance(feedback, Feedback)
    where = feedback.location_line()
    assert where is not None and where in text and where == feedback.lines()[-1]
