"""The Kialo parse step on its own: entries, sources, positions and its warnings."""

from __future__ import annotations

from argmap.formats.import_result import DROPPED, DUPLICATE, KEPT_IN_NOTE
from argmap.formats.kialo import to_map
from argmap.formats.kialo_parse import Entry, SourceEntry, parse_kialo

NEW_LAYOUT = """Discussion Name: Should cities ban \\[cars\\]?

1. Question: Should cities ban cars?
  1.1. Thesis:
      Cities should ban cars.
    1.1.1. Pro:
        Cars pollute. [1]
        A lot.
    1.1.2. Con: -> See 1.1.1.

Sources:
[1] https://example.org/air
    continued
[1] again
"""


def test_entries_keep_number_stance_position_and_text_lines() -> None:
    doc = parse_kialo(NEW_LAYOUT)
    assert doc.title == "Should cities ban [cars]?"  # escapes undone
    assert doc.entries == [
        Entry("1", "question", 3, 1, ["Should cities ban cars?"]),
        Entry("1.1", "thesis", 4, 3, ["Cities should ban cars."]),
        Entry("1.1.1", "pro", 6, 5, ["Cars pollute. [1]", "A lot."]),
        Entry("1.1.2", "con", 9, 5, ["-> See 1.1.1."]),
    ]
    assert doc.entries[2].text == "Cars pollute. [1] A lot."


def test_sources_join_continuation_lines_and_keep_a_repeated_number() -> None:
    doc = parse_kialo(NEW_LAYOUT)
    assert doc.sources == {
        "1": [
            SourceEntry("1", "https://example.org/air continued", 12, 1),
            SourceEntry("1", "again", 14, 1),
        ]
    }
    [problem] = doc.problems
    assert (problem.line, problem.col, problem.code) == (14, 1, DUPLICATE)
    assert "first on line 12" in problem.message


def test_the_old_layout_root_has_no_stance() -> None:
    doc = parse_kialo("Discussion Title: T\n\n1. Root claim.\n1.1. Con: No.\n")
    assert [(e.number, e.stance, e.line, e.col) for e in doc.entries] == [
        ("1", "", 3, 1),
        ("1.1", "con", 4, 1),
    ]


def test_a_broken_header_is_a_problem_and_takes_its_text_lines_along() -> None:
    doc = parse_kialo("1. Root.\n  1.x. Pro: bad\n  wrapped\n1.2. Pro: good\n")
    assert [e.number for e in doc.entries] == ["1", "1.2"]
    assert doc.entries[0].text_parts == ["Root."]  # 'wrapped' went with the broken header
    [problem] = doc.problems
    assert (problem.line, problem.col, problem.code) == (2, 3, DROPPED)
    assert "'1.x.' is not a Kialo claim number" in problem.message


def test_a_number_without_a_stance_is_kept_as_text_with_a_problem() -> None:
    doc = parse_kialo("1. Root.\n1.1. Pro: A\n 1.2. no stance\n")
    assert doc.entries[1].text_parts == ["A", "1.2. no stance"]
    [problem] = doc.problems
    assert (problem.line, problem.col, problem.code) == (3, 2, KEPT_IN_NOTE)
    assert "kept as text of claim 1.1" in problem.message


def test_lines_end_only_where_an_editor_ends_them() -> None:
    doc = parse_kialo("1. Root\x0bstill root\r\n1.1. Pro: A\r1.2. Con: B\n")
    assert [(e.number, e.line) for e in doc.entries] == [("1", 1), ("1.1", 2), ("1.2", 3)]


def test_the_parse_never_fails_and_the_conversion_reports_its_problems() -> None:
    doc = parse_kialo("no claims here\n")
    assert doc.entries == [] and doc.problems == []
    doc = parse_kialo(NEW_LAYOUT)
    result = to_map(doc, "x.txt")
    assert [(d.line, d.code) for d in result.diagnostics if d.code == DUPLICATE] == [
        (14, DUPLICATE)
    ]
