"""Free-text grading: key-point coverage that padding, salads and negations cannot game."""

from __future__ import annotations

from argmap.model import KeyPoint
from argmap.training.grading import (
    CAPPED_SCORE,
    PASS_MARK,
    PointState,
    grade_key_points,
)
from argmap.training.wording import edit_distance, find_term, words

CONSENT = (KeyPoint("consented", ("agreed", "accepted")),
           KeyPoint("enrolled", ("enrolment", "joined")))
MODEL = "Students consented to the phone rules when they enrolled."


def states(answer: str, key_points=CONSENT, model: str = MODEL) -> list[PointState]:
    return [p.state for p in grade_key_points(answer, key_points, model).points]


def test_a_plain_good_answer_gets_full_marks() -> None:
    graded = grade_key_points("They consented to the rules when they enrolled.", CONSENT, MODEL)
    assert graded.score == 1.0 and not graded.caps


def test_synonyms_count_as_the_point() -> None:
    graded = grade_key_points("The students agreed to it when they joined the school.",
                              CONSENT, MODEL)
    assert graded.score == 1.0
    assert [p.matched for p in graded.points] == ["agreed", "joined"]


def test_typos_are_forgiven_in_proportion_to_word_length() -> None:
    # "consnted" is one edit from "consented" (9 letters: two allowed).
    assert states("They consnted when they enroled at the school.") == [PointState.COVERED] * 2
    # Short words get no tolerance: "cat" is not "car".
    short = (KeyPoint("car"),)
    assert states("The cat was there.", short, "A car.") == [PointState.MISSED]
    assert edit_distance("consented", "consnetd", 2) == 2


def test_matching_is_on_whole_words_not_substrings() -> None:
    kp = (KeyPoint("ban"),)
    assert states("The bandwidth of the banner is fine.", kp, "Ban it.") == [PointState.MISSED]
    assert states("A ban is fine here.", kp, "Ban it.") == [PointState.COVERED]


def test_a_negation_contradicts_the_point_instead_of_making_it() -> None:
    graded = grade_key_points("The students never consented to the rules when they enrolled.",
                              CONSENT, MODEL)
    assert graded.points[0].state is PointState.CONTRADICTED
    assert graded.score < 1.0
    assert states("They didn't agree to anything when they enrolled.")[0] \
        is PointState.CONTRADICTED
    # A negation in another clause does not reach the term.
    assert states("No, they consented when they enrolled.")[0] is PointState.COVERED


def test_a_negative_key_point_is_made_by_a_negative_answer() -> None:
    kp = (KeyPoint("never asked"),)
    assert states("The residents were never asked about it.", kp, "Never asked.") == \
        [PointState.COVERED]


def test_padding_is_capped_below_full_marks() -> None:
    honest = "They consented to the rules when they enrolled."
    filler = " The weather was mild and the corridors were long and quiet that year." * 5
    graded = grade_key_points(honest + filler, CONSENT, MODEL)
    assert graded.coverage == 1.0
    assert graded.score == CAPPED_SCORE < 1.0
    assert any("padding" in cap for cap in graded.caps)


def test_a_keyword_salad_is_capped_below_full_marks() -> None:
    graded = grade_key_points("consented agreed accepted enrolled enrolment joined", CONSENT,
                              MODEL)
    assert graded.coverage == 1.0 and graded.score == CAPPED_SCORE
    # Terms just listed, even with a little grammar around them.
    listed = grade_key_points("consented, agreed, accepted and enrolled", CONSENT, MODEL)
    assert listed.score < 1.0
    # ...while a short honest sentence is not a salad, even a terse one.
    assert grade_key_points("They agreed to the rules when they joined.", CONSENT,
                            MODEL).score == 1.0
    assert grade_key_points("Students agreed during enrolment, signing forms willingly.",
                            CONSENT, MODEL).score == 1.0


def test_half_the_points_passes_and_nothing_fails() -> None:
    half = grade_key_points("They agreed to the rules.", CONSENT, MODEL)
    assert half.score == 0.5 >= PASS_MARK
    assert grade_key_points("Phones are bad.", CONSENT, MODEL).score == 0.0


def test_multi_word_terms_match_as_phrases_in_order() -> None:
    term = words("school office")
    assert find_term(words("Call the school office now."), term)
    assert not find_term(words("The office of the school."), term)


def test_contractions_split_into_not() -> None:
    assert [w.text for w in words("They didn't; we can't.")] == ["they", "did", "not", "we",
                                                                  "can", "not"]
