"""`argmap.grading.batch`: reading answers files, grading rows as the drill does."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from argmap.bundled import default_map_path
from argmap.grading import Verdict
from argmap.grading.batch import (
    AnswerRow,
    BatchFileError,
    GradedRow,
    SkippedRow,
    grade_row,
    map_question,
    read_answers,
    result_json,
)
from argmap.loading import load_map
from argmap.model import KeyPoint, Map
from argmap.sides import sides
from argmap.training.drills import all_drills
from argmap.training.grading import grade_text
from argmap.training.questions import DrillKind

RESULT_KEYS = {"id", "student", "verdict", "score", "matched", "points", "feedback"}


@pytest.fixture(scope="module")
def bundled() -> Map:
    loaded = load_map(default_map_path()).map
    assert loaded is not None
    return loaded


def write(tmp_path: Path, text: str | bytes, name: str = "answers.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


# ------------------------------------------------------------------ reading CSV


def test_csv_columns_become_fields_and_the_rest_is_kept_raw(tmp_path) -> None:
    rows, skipped = read_answers(
        write(
            tmp_path,
            (
                "ID,Student,claim,drill,answer,Class,key_points\n"
                "a1,Ann,rent-gap,rebut,It is unsourced,7B,averages;  conversions disagree ;\n"
            ),
        )
    )
    assert skipped == []
    [row] = rows
    assert (row.line, row.id, row.student, row.claim, row.drill, row.answer) == (
        2,
        "a1",
        "Ann",
        "rent-gap",
        "rebut",
        "It is unsourced",
    )
    assert row.key_points == (KeyPoint("averages"), KeyPoint("conversions disagree"))
    assert dict(row.extra) == {"class": "7B"}
    assert row.references == () and row.needs_map


def test_key_points_as_a_json_list_in_a_csv_cell(tmp_path) -> None:
    rows, _ = read_answers(
        write(
            tmp_path,
            (
                "answer,reference,key_points\n"
                'x,The sky is blue,"[""blue"", {""point"": ""sky"", '
                '""synonyms"": [""heavens""]}]"\n'
            ),
        )
    )
    assert rows[0].key_points == (KeyPoint("blue"), KeyPoint("sky", ("heavens",)))
    assert rows[0].references == ("The sky is blue",) and not rows[0].needs_map


def test_a_teachers_key_point_may_carry_opposites(tmp_path) -> None:
    rows, skipped = read_answers(
        write(
            tmp_path,
            (
                "answer,reference,key_points\n"
                'x,The sky is blue,"[{""point"": ""blue"", ""opposites"": [""grey""]}]"\n'
                'y,The sky is blue,"[{""point"": ""blue"", ""opposites"": 5}]"\n'
            ),
        )
    )
    assert rows[0].key_points == (KeyPoint("blue", (), ("grey",)),)
    assert [s.reason for s in skipped] == ["a key point's opposites should be a list of texts"]


CONDENSES = "The water vapour condenses on the cold glass."


def test_a_reference_without_key_points_may_carry_opposites(tmp_path) -> None:
    """What denies a teacher's whole model answer without a "not": one said is a
    contradiction, quoted back; without the column the same answer is not."""
    rows, skipped = read_answers(
        write(
            tmp_path,
            (
                "id,answer,reference,opposites\n"
                f"1,The water evaporates into the air.,{CONDENSES},evaporates; turns into gas\n"
                f"2,The vapour condenses on the glass.,{CONDENSES},evaporates; turns into gas\n"
                f"3,The water evaporates into the air.,{CONDENSES},\n"
            ),
        )
    )
    assert not skipped and rows[0].opposites == ("evaporates", "turns into gas")
    said, plain, without = (result_json(grade_row(row, None)) for row in rows)
    assert said["verdict"] == "contradictory"
    assert said["points"] == [{"point": CONDENSES, "state": "contradicted"}]
    assert said["feedback"][0] == (
        'Contradicted: The water vapour condenses on the cold glass (you wrote "evaporates").'
    )
    assert plain["verdict"] == "correct"
    assert without["verdict"] != "contradictory"


def test_reference_opposites_in_jsonl_and_the_rows_that_cannot_take_them(tmp_path) -> None:
    lines = [
        {"answer": "It turns into gas.", "reference": CONDENSES, "opposites": ["turns into gas"]},
        {"answer": "x", "reference": CONDENSES, "opposites": [1, 2]},
        {"answer": "x", "reference": CONDENSES, "opposites": ["dry"], "key_points": ["wet"]},
        {"answer": "x", "claim": "locks", "drill": "rebut", "opposites": ["dry"]},
    ]
    rows, skipped = read_answers(
        write(tmp_path, "\n".join(json.dumps(x) for x in lines) + "\n", "answers.jsonl")
    )
    assert result_json(grade_row(rows[0], None))["verdict"] == "contradictory"
    reasons = {s.line: s.reason for s in skipped}
    assert reasons[2] == "opposites should be a list of texts"
    assert reasons[3].startswith("opposites with key_points: give each key point its own")
    assert reasons[4].startswith("opposites without a reference")


def test_a_row_starts_on_its_first_line_even_after_a_quoted_line_break(tmp_path) -> None:
    rows, _ = read_answers(
        write(tmp_path, ('id,answer,reference\none,"first line\nsecond line",r\n\ntwo,plain,r\n'))
    )
    assert [(r.id, r.line) for r in rows] == [("one", 2), ("two", 5)]
    assert rows[0].answer == "first line\nsecond line"


def test_bom_and_crlf_and_semicolons_are_read(tmp_path) -> None:
    rows, skipped = read_answers(
        write(tmp_path, ("\ufeffid;answer;reference\r\n1;yes, it is;r\r\n").encode())
    )
    assert skipped == [] and rows[0].id == "1" and rows[0].answer == "yes, it is"


def test_utf16_with_a_byte_order_mark_is_read(tmp_path) -> None:
    rows, _ = read_answers(write(tmp_path, "answer\treference\nété\tr\n".encode("utf-16")))
    assert rows[0].answer == "été"


def test_ragged_rows(tmp_path) -> None:
    rows, skipped = read_answers(
        write(
            tmp_path,
            (
                "id,answer,reference,student\n"
                "1,too, many,r,s\n"  # an unquoted comma: one field too many
                "2,short,r\n"
            ),
        )
    )  # a missing trailing cell counts as empty
    assert [(s.line, s.id, "4" in s.reason and "double quotes" in s.reason) for s in skipped] == [
        (2, "1", True)
    ]
    assert [(r.id, r.student) for r in rows] == [("2", None)]


def test_an_unclosed_quote_is_reported_at_its_row(tmp_path) -> None:
    rows, skipped = read_answers(write(tmp_path, 'id,answer,reference\n1,ok,r\n2,"open,r\n3,x,r\n'))
    assert [r.id for r in rows] == ["1"]
    assert skipped[0].line == 3 and "never closed" in skipped[0].reason


def test_no_answer_column_is_kept_as_a_row_without_an_answer(tmp_path, bundled) -> None:
    rows, _ = read_answers(write(tmp_path, "id,reply,reference\n1,hello,r\n"))
    assert rows[0].answer is None and rows[0].extra["reply"] == "hello"
    result = grade_row(rows[0], bundled)
    assert isinstance(result, SkippedRow) and "no answer column" in result.reason


def test_bad_key_points_json_is_a_skipped_row(tmp_path) -> None:
    rows, skipped = read_answers(
        write(tmp_path, ('id,answer,reference,key_points\n7,x,r,"[""a"",]"\n'))
    )
    assert rows == []
    assert skipped[0].line == 2 and skipped[0].id == "7"
    assert "key_points is not a valid JSON list" in skipped[0].reason and "';'" in skipped[0].reason


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"  \n\n", "is empty"),
        (b"answer\n\x00\x01\x02PK", "binary file"),
        (b"answer,reference\ncaf\xe9,r\n", ":2: not UTF-8"),
        (b'[{"answer": "x"}]', "JSON array"),
        (b"answer,Answer\nx,y\n", "twice"),
        (b"answer,,reference\nx,y,z\n", "empty column name"),
    ],
)
def test_unreadable_files_raise_a_clear_error(tmp_path, content, message) -> None:
    path = write(tmp_path, content)
    with pytest.raises(BatchFileError) as caught:
        read_answers(path)
    assert message in str(caught.value) and str(path) in str(caught.value)


def test_a_folder_and_a_missing_file_raise_a_clear_error(tmp_path) -> None:
    with pytest.raises(BatchFileError, match="folder"):
        read_answers(tmp_path)
    with pytest.raises(BatchFileError, match="no such file"):
        read_answers(tmp_path / "nope.csv")


def test_the_format_is_told_by_content_not_by_name(tmp_path) -> None:
    jsonl_named_csv = write(tmp_path, '\n  {"answer": "x", "reference": "r"}\n', "a.csv")
    csv_named_jsonl = write(tmp_path, "answer,reference\nx,r\n", "b.jsonl")
    assert read_answers(jsonl_named_csv)[0][0].line == 2
    assert read_answers(csv_named_jsonl)[0][0].references == ("r",)


# ------------------------------------------------------------------ reading JSON Lines


def test_jsonl_fields_references_and_numbers(tmp_path) -> None:
    lines = [
        {
            "id": 12,
            "student": "Bo",
            "answer": "a",
            "reference": ["one", "two"],
            "references": ["three"],
            "key_points": ["p"],
            "question": "q?",
            "round": [1, 2],
        },
        {"answer": "b", "claim": "rent-gap", "drill": "rebut", "key_points": "x; y"},
    ]
    rows, skipped = read_answers(write(tmp_path, "\n".join(map(json.dumps, lines)), "a.jsonl"))
    assert skipped == []
    assert rows[0].id == "12" and rows[0].references == ("one", "two", "three")
    assert rows[0].question == "q?" and dict(rows[0].extra) == {"round": [1, 2]}
    assert rows[1].key_points == (KeyPoint("x"), KeyPoint("y")) and rows[1].needs_map


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"answer": "x", "reference": "r",}', "not valid JSON"),
        ('["answer", "x"]', "a JSON list, not an object"),
        ('"just text"', "a JSON string, not an object"),
        ('{"answer": 42, "reference": "r"}', "answer should be text, not a number"),
        (
            '{"answer": "x", "reference": "r", "key_points": {"a": 1}}',
            "key_points should be a list",
        ),
        ('{"answer": "x", "reference": "r", "key_points": [1]}', "each key point should be"),
        ('{"answer": "x", "reference": [1]}', "reference should be"),
        ('{"answer": "x", "reference": "r", "id": {"a": 1}}', "id should be text or a number"),
    ],
)
def test_malformed_jsonl_lines_are_skipped_with_their_line(tmp_path, line, reason) -> None:
    good = '{"answer": "fine", "reference": "r"}'
    rows, skipped = read_answers(write(tmp_path, f"{good}\n{line}\n{good}\n", "a.jsonl"))
    assert [r.line for r in rows] == [1, 3]
    assert [s.line for s in skipped] == [2] and reason in skipped[0].reason


def test_a_jsonl_object_without_an_answer_is_not_graded(tmp_path, bundled) -> None:
    rows, _ = read_answers(
        write(tmp_path, ('{"reference": "r"}\n{"answer": null, "reference": "r"}\n'))
    )
    assert [isinstance(grade_row(r, bundled), SkippedRow) for r in rows] == [True, True]


# ------------------------------------------------------------------ grading


def test_a_claim_row_is_graded_exactly_as_the_drill_grades(bundled) -> None:
    answer = "The blog cites no source and its conversions disagree, so the gap is unknown."
    result = grade_row(AnswerRow(2, answer, claim="rent-gap", drill="rebut"), bundled)
    question = all_drills()[DrillKind.REBUT].question(bundled, "rent-gap", random.Random(0))
    assert question is not None
    direct = grade_text(question, answer, bundled)
    assert isinstance(result, GradedRow)
    assert result.grade.assessment == direct.assessment
    assert result_json(result)["matched"] == "rent-gap-doubtful"


@pytest.mark.parametrize("claim", ["rent-gap", "face-access", "photo-spoof"])
def test_support_rows_follow_the_support_drill(bundled, claim) -> None:
    """Graded when the drill has a typed model answer, skipped with 'no model answer' if not."""
    question = all_drills()[DrillKind.SUPPORT].question(bundled, claim, random.Random(0))
    result = grade_row(AnswerRow(2, "some answer", claim=claim, drill="support"), bundled)
    if question is not None and question.text_answers:
        assert isinstance(result, GradedRow)
        assert result.grade.assessment == grade_text(question, "some answer", bundled).assessment
    else:
        assert isinstance(result, SkippedRow) and result.reason.startswith("no model answer")


def test_a_switch_row_argues_the_side_opposite_the_claims(bundled) -> None:
    thesis = bundled.theses[0]
    claim = "fraud-thesis"
    assert sides(bundled, thesis)[claim] == "pro"
    answer = "No figures show that fraud fell."
    result = grade_row(AnswerRow(2, answer, claim=claim, drill="switch"), bundled)
    question = all_drills("con")[DrillKind.SWITCH].question(bundled, claim, random.Random(0))
    assert question is not None and "CON side" in question.prompt
    assert isinstance(result, GradedRow)
    assert result.grade.assessment == grade_text(question, answer, bundled).assessment


def test_a_switch_row_names_a_thesis_that_is_not_one(bundled) -> None:
    row = AnswerRow(3, "x", claim="fraud-thesis", drill="switch", extra={"thesis": "rent-gap"})
    result = grade_row(row, bundled)
    assert isinstance(result, SkippedRow) and "'rent-gap' is not a thesis" in result.reason


def test_a_reference_row_is_graded_against_that_reference_alone(bundled) -> None:
    ref = "Water boils at a lower temperature at altitude because the air pressure is lower."
    right = grade_row(AnswerRow(2, ref, references=(ref,)), None)
    wrong = grade_row(AnswerRow(3, "asdf qwer zxcv", references=(ref,)), None)
    assert isinstance(right, GradedRow) and isinstance(wrong, GradedRow)
    assert result_json(right)["verdict"] == "correct"
    assert result_json(wrong)["verdict"] == "incorrect"
    assert result_json(right)["matched"] == "reference"


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (AnswerRow(2, "x", claim="rent-gapp", drill="rebut"), "did you mean 'rent-gap'?"),
        (AnswerRow(2, "x", claim="zzzzzz", drill="rebut"), "unknown claim 'zzzzzz'"),
        (AnswerRow(2, "x", claim="rent-gap", drill="crux"), "unknown drill 'crux'"),
        (AnswerRow(2, "x", claim="rent-gap"), "has no drill"),
        (AnswerRow(2, "x", drill="rebut"), "has no claim"),
        (AnswerRow(2, "x"), "no reference, to grade against"),
        (AnswerRow(2, "x", claim="rent-gap", drill="rebut", references=("r",)), "not both"),
        (AnswerRow(2, "x", claim="deterrence-invisible", drill="rebut"), "no model answer"),
    ],
)
def test_rows_that_cannot_be_graded(bundled, row, reason) -> None:
    result = grade_row(row, bundled)
    assert isinstance(result, SkippedRow), result
    assert reason in result.reason
    assert result.line == 2


def test_no_map_for_a_claim_row_is_a_skip_not_a_crash() -> None:
    result = grade_row(AnswerRow(2, "x", claim="rent-gap", drill="rebut"), None)
    assert isinstance(result, SkippedRow) and "need a map" in result.reason


def test_each_question_is_built_once_per_map(bundled) -> None:
    first = map_question(bundled, "rent-gap", "rebut")
    assert map_question(bundled, "rent-gap", "rebut") is first


def test_result_json_has_exactly_the_public_keys(bundled) -> None:
    result = grade_row(
        AnswerRow(
            2, "averages that do not agree", id="7", student="S", claim="rent-gap", drill="rebut"
        ),
        bundled,
    )
    assert isinstance(result, GradedRow)
    payload = result_json(result)
    assert set(payload) == RESULT_KEYS
    assert (payload["id"], payload["student"]) == ("7", "S")
    assert payload["verdict"] in {v.value for v in Verdict}
    assert 0.0 <= payload["score"] <= 1.0
    assert all(
        set(p) == {"point", "state"} and p["state"] in {"made", "missed", "contradicted"}
        for p in payload["points"]
    )
    assert payload["points"] and all(isinstance(s, str) for s in payload["feedback"])
    assert payload["feedback"], "feedback names the points when the grader gives none"
    json.dumps(payload)  # plain JSON types only


def test_a_blank_answer_is_graded_incorrect_not_skipped(tmp_path) -> None:
    rows, _ = read_answers(write(tmp_path, "id,answer,reference\n1,,Plants need light.\n"))
    assert rows[0].answer == ""
    result = grade_row(rows[0], None)
    assert isinstance(result, GradedRow) and result_json(result)["verdict"] == "incorrect"
