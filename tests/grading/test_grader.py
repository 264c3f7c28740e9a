"""The grader's verdicts on the cases a teacher checks first (issue 14's examples)."""

from __future__ import annotations

import pytest

from argmap.bundled import default_map_path
from argmap.grading import PointState, Reference, Verdict, assess
from argmap.grading.batch import AnswerRow, grade_row, map_question, result_json
from argmap.grading.grader import chosen_option, direct_answer, match_term
from argmap.grading.language import analyse, analyse_term
from argmap.loading import load_map
from argmap.model import KeyPoint, Map
from argmap.training.grading import grade_text

DOUBTFUL = Reference(
    "City-wide averages from an unsourced blog, with dollar conversions that do not agree, "
    "cannot show how large the profit from subletting really is.",
    (
        KeyPoint("averages", ("average", "city-wide")),
        KeyPoint("conversions disagree", ("inconsistent", "do not agree", "wrong conversion")),
    ),
    "rent-gap-doubtful",
)
BRIDGE = Reference(
    "The locks are separate from the social credit system.",
    (KeyPoint("separate", ("not connected", "no link")),),
    "separate",
)


def verdict(answer: str, *refs: Reference, question: str | None = None) -> Verdict:
    return assess(answer, refs or (DOUBTFUL,), question=question).verdict


@pytest.fixture(scope="module")
def bundled() -> Map:
    return load_map(default_map_path()).map


def test_a_paraphrase_in_other_words_is_correct(bundled: Map) -> None:
    question = map_question(bundled, "rent-gap", "rebut")
    assert not isinstance(question, str)
    grade = grade_text(
        question,
        "The numbers come from a blog that cites no source, and its "
        "yuan to dollar figures contradict each other, so the size of the rent "
        "gap is unknown",
    )
    assert grade.verdict is Verdict.CORRECT
    # The bundled map's second edition undercuts visits-recorded's link instead of
    # attacking it, so the second paraphrase rebuts locks-deny-strangers.
    locks = map_question(bundled, "locks-deny-strangers", "rebut")
    assert not isinstance(locks, str)
    assert grade_text(
        locks,
        "Nothing stops the registered tenant holding the door open for the "
        "lodger, so recognising faces does not keep the subtenant out",
    ).correct


def test_the_key_words_with_their_meaning_are_correct() -> None:
    assert (
        verdict(
            "The rent figures are only city-wide averages, and the dollar conversions do not agree."
        )
        is Verdict.CORRECT
    )
    assert (
        verdict("Those are averages, and the convertions are inconsistant.") is Verdict.CORRECT
    )  # typos


@pytest.mark.parametrize(
    "answer",
    [
        "It is not true that the averages are unsourced or that the conversions disagree",
        "The conversions agree perfectly.",
        "I don't think the conversions are inconsistent.",
        "That the conversions disagree is false.",
    ],
)
def test_a_negation_anywhere_contradicts(answer: str) -> None:
    assert verdict(answer) is Verdict.CONTRADICTORY


@pytest.mark.parametrize(
    "answer",
    [
        "It is not true that they are separate; the housing authority runs both",
        "The locks are not separate from social credit, whatever the housing authority says",
    ],
)
def test_denying_separate_contradicts(answer: str) -> None:
    assert verdict(answer, BRIDGE) is Verdict.CONTRADICTORY


def test_a_point_and_its_opposite_is_contradictory() -> None:
    assert (
        verdict(
            "These are averages. Then again, they are not averages at all, and the "
            "conversions disagree."
        )
        is Verdict.CONTRADICTORY
    )


def test_some_points_and_no_denial_is_partial() -> None:
    graded = assess("The dollar conversions in the blog do not agree with each other.", [DOUBTFUL])
    assert graded.verdict is Verdict.PARTIAL
    assert [p.state for p in graded.points] == [PointState.MISSED, PointState.MADE]
    assert 0 < graded.score < 1


@pytest.mark.parametrize(
    ("answer", "why"),
    [
        ("separate", "One word"),
        ("averages", "One word"),
        ("averages conversions blog unsourced", "list of keywords"),
        ("averages, conversions, inconsistent, blog", "list of keywords"),
        ("asdf qwer zxcv lorem ipsum", "does not read as English"),
        # Non-words strung on grammatical words, fillers around a key word.
        ("fjdksl the averages is jfkdls and the jfkdsl", "does not read as English"),
        ("blah blah blah averages blah blah it is too much", "does not read as English"),
        ("The the the averages the the conversions", "repeats a word"),
        ("lol idk the blog averages or whatever", "does not read as English"),
        ("", "not an answer"),
        ("???", "not an answer"),
    ],
)
def test_not_an_argument_is_incorrect_and_says_why(answer: str, why: str) -> None:
    graded = assess(answer, [DOUBTFUL])
    assert graded.verdict is Verdict.INCORRECT
    assert why in " ".join(graded.feedback)


def test_typos_of_the_model_answers_words_are_not_gibberish() -> None:
    """A misspelt answer is English: its odd words are typos of words the reference uses."""
    graded = assess("The convershuns disagre and the avrages are unsorced.", [DOUBTFUL])
    assert "does not read as English" not in " ".join(graded.feedback)
    assert graded.verdict is not Verdict.INCORRECT


def test_off_topic_is_incorrect() -> None:
    assert (
        verdict("Face recognition misidentifies dark-skinned women more often.")
        is Verdict.INCORRECT
    )


def test_padding_is_held_at_partial() -> None:
    padded = (
        "The rent figures are city-wide averages and the conversions disagree. "
        "Face recognition fails for some people. Residents had to pay for the kit. "
        "Officials say the locks keep strangers out. A photo was taken at move-in. "
        "Alibaba lets shoppers pay with their faces."
    )
    graded = assess(padded, [DOUBTFUL])
    assert graded.verdict is Verdict.PARTIAL
    assert "other points" in " ".join(graded.feedback)


def test_feedback_quotes_the_denial_and_names_points_in_words() -> None:
    graded = assess("The conversions agree perfectly.", [DOUBTFUL])
    text = " ".join(graded.feedback)
    assert "Contradicted: conversions disagree" in text
    assert "rent-gap-doubtful" not in text  # claim text, never ids


def test_a_teachers_reference_without_key_points() -> None:
    ref = Reference("The water was evaporated, leaving the salt.")
    question = "How did you separate the salt from the water?"
    assert (
        verdict("Let the water evaporate and the salt is left behind.", ref, question=question)
        is Verdict.CORRECT
    )
    assert (
        verdict("By letting it sit in a dish for a day.", ref, question=question)
        is not Verdict.CORRECT
    )
    assert (
        verdict("The water did not evaporate, so the salt was not left.", ref, question=question)
        is Verdict.CONTRADICTORY
    )


def test_the_best_fitting_model_answer_is_the_one_reported() -> None:
    graded = assess("The locks are separate from the credit system.", [DOUBTFUL, BRIDGE])
    assert graded.reference is BRIDGE
    assert graded.verdict is Verdict.CORRECT


def test_an_answer_to_another_claim_is_told_so(bundled: Map) -> None:
    question = map_question(bundled, "rent-gap", "rebut")
    assert not isinstance(question, str)
    grade = grade_text(
        question,
        "That is only what the locks could do in theory; no report "
        "on the Beijing scheme shows visitors actually being logged",
        bundled,
    )
    assert not grade.correct
    assert grade.assessment is not None
    assert grade.assessment.feedback[0].startswith(
        'That makes the point of "No report on the Beijing scheme says visitors are being logged'
    )


@pytest.mark.parametrize(
    ("claim", "drill", "answer", "told"),
    [
        (
            "consent-thesis",
            "support",
            "Every tenancy has its conditions, and a subsidised flat may ask more than a "
            "private landlord.",
            "That argues against the claim you were asked to support.",
        ),
        (
            "t3-control",
            "rebut",
            "Insiders say the police will be alerted early to blacklisted people and anyone "
            "behaving abnormally.",
            "That argues for the claim you were asked to rebut.",
        ),
    ],
)
def test_the_other_sides_point_is_incorrect_and_told_so(
    bundled: Map, claim: str, drill: str, answer: str, told: str
) -> None:
    """A word of the model answer in an answer that argues the other side is not partial."""
    question = map_question(bundled, claim, drill)
    assert not isinstance(question, str)
    # Against the model answers alone it holds a word of one: partial ...
    assert assess(answer, question.text_answers, question=question.subject).verdict is (
        Verdict.PARTIAL
    )
    # ... but the map shows whose point it makes.
    grade = grade_text(question, answer, bundled)
    assert grade.verdict is Verdict.INCORRECT and grade.score == 0
    assert grade.assessment is not None
    assert grade.assessment.feedback[0].startswith("That makes the point of")
    assert grade.assessment.feedback[1] == told
    # The word it shared with a model answer served the other side: no point is made.
    assert all(p.state is PointState.MISSED for p in grade.assessment.points)
    assert grade.assessment.feedback[2].startswith("Missed: ")


def test_a_few_scattered_words_of_another_claim_are_not_its_point(bundled: Map) -> None:
    """ "photo ... opening" does not make "every opening photographed": no 'That makes
    the point of' sentence for an answer that only restates the claim."""
    question = map_question(bundled, "photo-spoof", "rebut")
    assert not isinstance(question, str)
    answer = "A printed photo held up to the camera could easily trick the door into opening."
    grade = grade_text(question, answer, bundled)
    assert grade.assessment is not None
    assert not grade.correct
    assert not any(f.startswith("That makes the point of") for f in grade.assessment.feedback)


def test_no_model_answer_is_an_error() -> None:
    with pytest.raises(ValueError):
        assess("anything", [])


def test_feedback_quotes_the_answer_as_written() -> None:
    """What a point matched is quoted from the answer itself, case and small words kept."""
    ref = Reference(
        text="Carriers scan the faces of customers who register a new number.",
        key_points=(KeyPoint("scan faces", ()), KeyPoint("new number", ("new SIM",))),
    )
    result = assess(
        "Phone companies now Scan the customers' faces when someone gets a New SIM.", [ref]
    )
    evidence = {p.point: p.evidence for p in result.points}
    assert evidence["scan faces"] == "Scan the customers' faces"
    assert evidence["new number"] == "New SIM"
    assert "Scan the customers' faces" in " ".join(result.feedback)


def test_quote_span_finds_words_in_order_or_gives_up() -> None:
    from argmap.grading.language import QUOTE_WORDS, analyse, quote_span

    sentence = "It is NOT true that they didn't check, honestly."
    tokens = [t for t in analyse(sentence) if t.text in ("true", "check")]
    # (The "not" that denies the first word is taken in, as written.)
    assert quote_span(sentence, tokens) == "NOT true that they didn't check"
    plain = "The carrier is not independent of the state."
    assert quote_span(plain, [t for t in analyse(plain) if t.text == "independent"]) == (
        "not independent"
    )
    assert quote_span("nothing here", tokens) is None
    far = "alpha " + "word " * QUOTE_WORDS + "omega"
    ends = [t for t in analyse(far) if t.text in ("alpha", "omega")]
    assert quote_span(far, ends) is None


TURNS_AWAY = Reference(
    "The lock compares each face with the stored faces of residents and turns strangers away.",
    (KeyPoint("stranger", ("outsider", "non-resident")),),
)
LETS_IN = Reference(
    "The lock lets strangers enter freely.",
    (KeyPoint("strangers enter", ("outsiders get in",)),),
)


@pytest.mark.parametrize(
    ("answer", "ref"),
    [
        # A point said, then taken back by an elliptical denial after "but".
        ("The lock is supposed to turn strangers away, but it doesn't.", TURNS_AWAY),
        # A point attributed to the lock's makers under "although", then turned against.
        ("Although it claims to turn strangers away, strangers walk right in.", TURNS_AWAY),
        # "rather than" denies what follows it.
        ("The locks and social credit are linked rather than separate.", BRIDGE),
        # A verb of prevention denies what follows "from".
        ("The lock prevents strangers from entering.", LETS_IN),
    ],
)
def test_a_point_taken_back_or_replaced_is_contradictory(answer: str, ref: Reference) -> None:
    assert verdict(answer, ref) is Verdict.CONTRADICTORY


def test_a_point_with_a_turn_that_adds_a_claim_stays_made() -> None:
    """A turn after the point that says something new takes nothing back."""
    answer = "The lock turns strangers away, but residents must still carry a card."
    assert verdict(answer, TURNS_AWAY) is Verdict.CORRECT
    assert verdict(
        "The locks are separate from social credit rather than linked to it.", BRIDGE
    ) is (Verdict.CORRECT)


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("No, the cookies are not pure sugar.", "no"),
        ("I think yes, because the cookies are sweet.", "yes"),
        ("40 meters. Each line is 20 meters apart.", "40"),
        ("My answer is 2,5 grams", "2.5"),
        ("The bulb will light.", None),
        ("Nobody knows the answer.", None),
        ("It has 3 legs", None),  # a number inside the sentence is not its answer
        # A determiner or a number that opens a claim is no direct answer.
        ("No source names the figures.", None),
        ("2019 figures show a rise in rents.", None),
    ],
)
def test_the_direct_answer_an_answer_opens_with(text: str, lead: str | None) -> None:
    assert direct_answer(text) == lead


def test_a_different_direct_answer_is_contradictory() -> None:
    """Yes against no, or another number, disagrees on the question whatever else is shared."""
    cookies = Reference("No, the cookies are not pure sugar: they made less gas than sugar.")
    result = assess("Yes, because the cookies are made of sugar and made gas.", [cookies])
    assert result.verdict is Verdict.CONTRADICTORY
    assert 'you answered "yes"' in " ".join(result.feedback)
    assert verdict("No, they are not pure sugar: they made less gas.", cookies) is not (
        Verdict.CONTRADICTORY
    )
    height = Reference("40 meters, because each contour line adds 20 meters.")
    assert verdict("30 meters, because each contour line adds 20 meters.", height) is (
        Verdict.CONTRADICTORY
    )
    assert verdict("40 meters, since every contour line adds 20 meters.", height) is (
        Verdict.CORRECT
    )


def test_a_prevention_agrees_with_a_telegraphic_key_point_and_its_denial_contradicts() -> None:
    """ "stops subletting" in a key point and "prevents tenants from subletting" in an answer
    both deny the subletting; "nothing stops them from subletting" asserts it."""
    stops = Reference(
        "The scheme stops tenants from subletting their flats.",
        (KeyPoint("stops subletting", ("prevents subletting",)),),
    )
    assert verdict("The scheme prevents tenants from subletting.", stops) is Verdict.CORRECT
    assert verdict("Nothing stops tenants from subletting their flats.", stops) is (
        Verdict.CONTRADICTORY
    )


def test_an_opposite_wordnet_does_not_pair_contradicts() -> None:
    welcome = Reference(
        "Most residents welcome the locks.", (KeyPoint("residents welcome", ("tenants like",)),)
    )
    assert verdict("Most residents resent the new locks.", welcome) is Verdict.CONTRADICTORY
    assert verdict("Most residents embrace the new locks.", welcome) is not Verdict.CONTRADICTORY


def test_a_bare_clause_with_a_verb_is_no_keyword_list() -> None:
    """No grammatical word, but a verb that can only be one: a sentence, graded as one.
    Past forms and a key point's own clause stay in lists."""
    cheaper = Reference(
        "Face recognition keeps getting cheaper.", (KeyPoint("cheaper", ("cheap",)),)
    )
    result = assess("Face recognition keeps getting cheaper", [cheaper])
    assert "list of keywords" not in " ".join(result.feedback)
    assert result.verdict is Verdict.CORRECT
    for salad in ("cheaper recognition faces imposed", "averages unsourced conversions disagree"):
        assert "list of keywords" in " ".join(assess(salad, [cheaper, DOUBTFUL]).feedback)


def test_a_written_sentence_is_no_keyword_list() -> None:
    """Capitalised and ended with a full stop, a bare clause is a sentence, whatever its
    verb ("Cameras deter burglars."); the same words bare stay a list."""
    deters = Reference(
        "A visible camera deters wrongdoing.", (KeyPoint("deterrence", ("deter", "scares off")),)
    )
    result = assess("Face cameras deter burglars.", [deters])
    assert "list of keywords" not in " ".join(result.feedback)
    assert result.verdict is not Verdict.INCORRECT
    assert "list of keywords" in " ".join(assess("face cameras deter burglars", [deters]).feedback)


def test_a_keyword_list_with_hyphenated_compounds_is_still_a_list() -> None:
    """ "move-in" holds "in", but a compound's part is no grammatical word."""
    photos = Reference(
        "Families are photographed before they move in.",
        (KeyPoint("photos", ("photographed",)), KeyPoint("before moving in", ("move-in",))),
    )
    result = assess("photos family move-in privacy", [photos])
    assert result.verdict is Verdict.INCORRECT
    assert "list of keywords" in " ".join(result.feedback)
    assert verdict("Families are photographed at move-in.", photos) is Verdict.CORRECT


ON_FILE = Reference(
    "The lock turns away any face it does not have on file, so a subtenant cannot get in.",
    (
        KeyPoint("face not on file", ("unknown face",)),
        KeyPoint("subtenant cannot get in", ("subtenant kept out",)),
    ),
)


def test_a_negation_that_reaches_further_in_the_answer_still_makes_the_point() -> None:
    """ "does not have his face on file" makes "face not on file": the answer's negation
    also covers "face", but it is the same negation that makes "not on file"."""
    result = assess(
        "A subtenant cannot get in, because the lock does not have his face on file.", [ON_FILE]
    )
    assert result.verdict is Verdict.CORRECT, result.points


def test_a_negated_light_verb_in_a_key_point_is_not_made_by_its_subject_alone() -> None:
    result = assess("A subtenant can still get into the flat whenever he likes.", [ON_FILE])
    states = {p.point: p.state for p in result.points}
    assert states["subtenant cannot get in"] is not PointState.MADE
    assert result.verdict is not Verdict.CORRECT


CONSENT = Reference(
    "People who depend on a subsidised flat cannot really refuse a face scan, so their "
    "agreement is not free consent.",
    (
        KeyPoint("no real choice", ("cannot refuse", "no say", "forced")),
        KeyPoint("not free consent", ("not voluntary",)),
    ),
    "consent",
)


@pytest.mark.parametrize(
    ("answer", "quoted"),
    [
        ("If they want the flat they cannot refuse the scan.", "cannot refuse"),
        ("If they want the flat they can't refuse the scan.", "can't refuse"),
        ("Tenants have no say in it if they want the flat.", "no say"),
    ],
)
def test_a_term_of_grammatical_words_is_matched_word_for_word(answer: str, quoted: str) -> None:
    """ "cannot refuse" has no content word once "refuse" counts as a negator: it used to
    be dropped, so the point could never be made in the teacher's own words."""
    graded = assess(answer, [CONSENT])
    point = graded.points[0]
    assert point.state is PointState.MADE
    assert point.evidence == quoted
    assert graded.verdict is Verdict.PARTIAL  # the other point is still missing


def test_a_term_of_grammatical_words_is_not_made_by_some_of_them() -> None:
    graded = assess("They can refuse nothing at the door, but they live in the flat.", [CONSENT])
    assert graded.points[0].state is not PointState.MADE


SECURITY = Reference(
    "A central store of faces is a lasting risk, because it can leak or be sold.",
    (
        KeyPoint("leak", ("breach", "hacked", "stolen")),
        KeyPoint("lasting risk", ("permanent risk",)),
    ),
    "security",
)


def test_an_antonym_denies_only_an_answer_about_the_same_thing() -> None:
    """WordNet pairs "keep" with "breach" (a promise): an answer that shares nothing with
    the model answer but the question's own word "face" does not deny it by that."""
    question = "Housing estates should let residents in by scanning their faces."
    stray = assess(
        "Face checks keep the estate safe from outsiders.", [SECURITY], question=question
    )
    assert stray.verdict is not Verdict.CONTRADICTORY
    denial = assess(
        "A central store of faces is safe: it will keep the data and never breach it.",
        [SECURITY],
        question=question,
    )
    assert denial.verdict is Verdict.CONTRADICTORY


def test_a_word_for_word_term_under_a_negation_of_its_own_is_not_said() -> None:
    from argmap.grading.grader import said_literally
    from argmap.grading.language import analyse

    assert [t.text for t in said_literally("fails", analyse("It fails twice a day."))] == ["fails"]
    assert said_literally("fails", analyse("It rarely fails.")) == ()
    assert said_literally("refused", analyse("They did not refuse anyone.")) == ()
    # Grammatical words alone never count: they are in every answer.
    assert said_literally("too much", analyse("It costs too much.")) == ()


CHOICE_QUESTION = (
    "Sammy drops blocks of different materials; Nathaniel drops wooden blocks of "
    "different sizes. Which student's method makes it easier to tell the sounds apart? Why?"
)
PANS = "Pans A, B and C hold the same water in the sun. Which pan held the hottest water?"


@pytest.mark.parametrize(
    ("text", "question", "option"),
    [
        ("Sammy's. Different materials make different sounds.", CHOICE_QUESTION, "Sammy"),
        ("nathaniel - because wood sounds the same.", CHOICE_QUESTION, "Nathaniel"),
        ("I picked Nathaniel because he used wood.", CHOICE_QUESTION, "Nathaniel"),
        ("C. Black absorbs more heat than white.", PANS, "C"),
        ("A because it has the least water.", PANS, "A"),
        # Not a choice: an article, a word the question does not name, a claim.
        ("A pan in the sun gets hot.", PANS, None),
        ("Different materials make different sounds.", CHOICE_QUESTION, None),
        ("Daniel, because he dropped a popsicle.", CHOICE_QUESTION, None),
        ("Yes. Both are saturated.", PANS, None),
    ],
)
def test_the_option_an_answer_opens_by_choosing(
    text: str, question: str, option: str | None
) -> None:
    assert chosen_option(text, question) == option


def test_choosing_another_option_than_the_model_answer_is_contradictory() -> None:
    """As yes against no: picking the other student is disagreeing on the question."""
    ref = Reference("Sammy's. Different materials would make very different sounds.")
    other = assess(
        "Nathaniel - because different sizes of wood make different sounds.",
        [ref],
        question=CHOICE_QUESTION,
    )
    assert other.verdict is Verdict.CONTRADICTORY
    assert 'you answered "Nathaniel"' in " ".join(other.feedback)
    same = assess(
        "Sammy, because different materials make very different sounds.",
        [ref],
        question=CHOICE_QUESTION,
    )
    assert same.verdict is Verdict.CORRECT


def test_one_word_of_a_one_point_model_answer_is_not_enough() -> None:
    """The word of the only key point, in an answer that says nothing else of the model
    answer, is not the model answer made: it may even argue the opposite."""
    stop = Reference(
        "The lock compares each face with the stored faces of residents and turns strangers away.",
        (KeyPoint("stranger", ("outsider", "non-resident")),),
        "locks-stop-strangers",
    )
    loose = assess("Strangers get through the door just as easily as residents.", [stop])
    assert loose.verdict is Verdict.PARTIAL
    assert loose.points[0].state is PointState.MADE  # the word is there; the argument is not
    assert loose.score == 0.5
    assert 'Held at partial: only "Strangers" matches' in " ".join(loose.feedback)
    said = assess(
        "The lock compares your face with the residents' stored faces and turns strangers away.",
        [stop],
    )
    assert said.verdict is Verdict.CORRECT


def test_a_maps_model_answer_offers_no_options() -> None:
    """A map's question is a claim that may name two parties without offering them as
    options: opening with the other one is no contradiction there."""
    question = "Xinhua reports that residents feel safer. Residents say the estate is calm."
    keyed = Reference(
        "Xinhua, a state agency, picks whom to quote.",
        (KeyPoint("state agency", ("state media",)),),
        "state-voice",
    )
    answer = "Residents, though, were picked by a state agency that chooses whom to quote."
    assert assess(answer, [keyed], question=question).verdict is not Verdict.CONTRADICTORY


@pytest.mark.parametrize(
    ("claim", "answer"),
    [
        # Both points made, each in its own words with its own negation: the many
        # negated words do not deny the model answer.
        (
            "carrier-accountable",
            "The carrier is not independent of the state, so it cannot protect the faces "
            "from the police.",
        ),
        (
            "no-fraud-figures",
            "What never happened is hard to measure: a check that deters fraud leaves no "
            "record of it.",
        ),
    ],
)
def test_correct_rebuttals_full_of_negations_are_correct(
    bundled: Map, claim: str, answer: str
) -> None:
    question = map_question(bundled, claim, "rebut")
    assert not isinstance(question, str)
    assert grade_text(question, answer, bundled).verdict is Verdict.CORRECT


def test_a_point_made_inside_a_denial_of_the_model_answer_is_contradictory() -> None:
    """The key words said, the model answer's claim about them denied."""
    scams = Reference(
        "Some Chinese social-media users defend face registration as a necessary weapon "
        "against fraud such as scam calls.",
        (KeyPoint("scam calls", ("phone scams", "fraud calls")),),
        "scam-support",
    )
    denied = assess("Nobody online defends face registration against scam calls.", [scams])
    assert denied.verdict is Verdict.CONTRADICTORY
    assert "denies most of what the model answer says" in " ".join(denied.feedback)
    # The point's words are said inside the denial: `points` says it is contradicted.
    assert [p.state for p in denied.points] == [PointState.CONTRADICTED]
    assert denied.feedback[0].startswith("Contradicted: scam calls")
    said = assess("Many people online defend face registration against scam calls.", [scams])
    assert said.verdict is Verdict.CORRECT


def test_a_terms_negation_may_reach_further_than_the_answers() -> None:
    """ "no reason given" is "gives no reason": one negation, placed differently."""
    ref = Reference(
        "The commenter gives no reason to think so.",
        (KeyPoint("no reason given", ()),),
    )
    graded = assess("The commenter gives no reason for it.", [ref])
    assert [p.state for p in graded.points] == [PointState.MADE]
    # ... but a reason given, and no negation anywhere, still denies it.
    denied = assess("The commenter gives a good reason for it.", [ref])
    assert [p.state for p in denied.points] == [PointState.CONTRADICTED]


def test_a_term_reads_as_plainly_as_the_model_answer_says_its_words() -> None:
    """ "few square metres" is the model answer's "a few square metres", not a denial."""
    ref = Reference(
        "Subletting has left two families living in a few square metres.",
        (KeyPoint("overcrowding", ("few square metres",)),),
    )
    graded = assess("Two families are crammed into a few square metres.", [ref])
    assert graded.verdict is Verdict.CORRECT


def test_a_pair_of_opposites_said_together_denies_neither() -> None:
    ref = Reference(
        "The records link a face to every coming and going.",
        (KeyPoint("comings and goings", ()),),
    )
    graded = assess("Every coming and going is tied to a face.", [ref])
    assert [p.state for p in graded.points] == [PointState.MADE]


def test_a_term_said_and_unsaid_only_as_a_whole() -> None:
    """Each word said both ways in different clauses is not the term said both ways."""
    ref = Reference(
        "A scammer can use a borrowed ID card but not a borrowed face.",
        (KeyPoint("face cannot be borrowed", ("can't borrow a face",)),),
    )
    graded = assess(
        "A scammer can use a borrowed ID card but not a borrowed face, so a face check stops him.",
        [ref],
    )
    assert graded.verdict is Verdict.CORRECT


BADGES = Reference(
    "A badge or a password can be handed to a subtenant, while a face cannot be passed on.",
    (KeyPoint("badges can be lent", ("handed over",)), KeyPoint("face cannot", ())),
    "badges-lend",
)


@pytest.mark.parametrize(
    "answer",
    [
        "A face can be handed over just as easily as a badge.",
        "A face is passed on the same as a badge is.",
    ],
)
def test_calling_alike_what_the_model_answer_sets_apart_is_contradictory(answer: str) -> None:
    graded = assess(answer, [BADGES])
    assert graded.verdict is Verdict.CONTRADICTORY
    assert "sets apart what you call alike" in " ".join(graded.feedback)


@pytest.mark.parametrize(
    "answer",
    [
        # "as well as" compares nothing; a likeness denied asserts none.
        "A badge can be handed over as well as a password, but a face cannot.",
        "A face is not the same as a badge: a badge can be handed over.",
    ],
)
def test_no_likeness_no_contradiction(answer: str) -> None:
    assert assess(answer, [BADGES]).verdict is not Verdict.CONTRADICTORY


def test_an_antonym_is_quoted_back_as_the_word_that_denies() -> None:
    cheaper = Reference(
        "The technology keeps getting cheaper and more powerful.",
        (KeyPoint("cheaper", ()), KeyPoint("more powerful", ())),
    )
    graded = assess("The cameras get pricier and weaker every year.", [cheaper])
    assert graded.verdict is Verdict.CONTRADICTORY
    assert 'Contradicted: cheaper (you wrote "pricier")' in graded.feedback[0]


RENT_DOUBT = Reference(
    "The blog's averages are unsourced and its dollar conversions disagree.",
    (
        KeyPoint("unsourced", ("no source",)),
        KeyPoint(
            "conversions disagree",
            ("figures contradict",),
            ("figures agree", "conversions match", "figures add up"),
        ),
    ),
)


@pytest.mark.parametrize(
    ("answer", "want", "told"),
    [
        # An opposite the author listed, said with no "not": the point is denied.
        (
            "The blog cites no source, and the figures agree perfectly.",
            Verdict.CONTRADICTORY,
            'Contradicted: conversions disagree (you wrote "figures agree")',
        ),
        # ... denied, it is no contradiction.
        (
            "The blog cites no source and its figures do not add up.",
            Verdict.CORRECT,
            "Made: unsourced",
        ),
        # ... said beside the point in another sentence: said and unsaid.
        (
            "The blog cites no source and the conversions disagree. Its figures agree, though.",
            Verdict.CONTRADICTORY,
            "Contradicted: conversions disagree",
        ),
    ],
)
def test_the_authors_opposites_deny_a_point(answer: str, want: Verdict, told: str) -> None:
    graded = assess(answer, [RENT_DOUBT])
    assert graded.verdict is want
    assert told in " ".join(graded.feedback)


def test_an_opposite_as_strong_as_a_made_term_wins() -> None:
    """ "picked ... at random" says the point's word and the author's opposite equally."""
    ref = Reference(
        "Xinhua chose the residents it quoted.",
        (KeyPoint("chosen", ("picked",), ("at random",)),),
    )
    graded = assess("Xinhua picked the residents it quoted completely at random.", [ref])
    assert graded.verdict is Verdict.CONTRADICTORY
    assert 'Contradicted: chosen (you wrote "random")' in graded.feedback[0]
    assert assess("Xinhua picked the residents it quoted.", [ref]).verdict is Verdict.CORRECT


def test_a_denied_opposite_alone_does_not_make_the_point() -> None:
    """Double negations are where negation scope errs most: not evidence enough."""
    ref = Reference(
        "The conversions disagree.",
        (KeyPoint("conversions disagree", (), ("figures agree",)),),
    )
    graded = assess("It is false that the figures agree.", [ref])
    assert graded.verdict is not Verdict.CONTRADICTORY
    assert [p.state for p in graded.points] != [PointState.MADE]


def test_without_opposites_the_same_answer_is_not_contradictory() -> None:
    plain = Reference(
        RENT_DOUBT.text, tuple(KeyPoint(kp.point, kp.synonyms) for kp in RENT_DOUBT.key_points)
    )
    answer = "The blog cites no source, and the figures agree perfectly."
    assert assess(answer, [plain]).verdict is not Verdict.CONTRADICTORY


def test_feedback_on_a_whole_sentence_reference_ends_with_one_full_stop() -> None:
    ref = Reference("The water was evaporated, leaving the salt.")
    for answer in ("Let the water evaporate and the salt is left behind.", "It was not."):
        for line in assess(answer, [ref]).feedback:
            assert not line.endswith(".."), line


def test_a_term_is_denied_only_by_words_that_stand_together(bundled: Map) -> None:
    """ "fraudster" at one end and "cannot be opened in that name" at the other (WordNet:
    to call is to name) are two claims, not a denial of "fraud calls"."""
    scattered = (
        "A fraudster who buys a stranger's ID card still has to stand in front of the "
        "camera, and his face is not the stranger's, so the number cannot be opened in "
        "that name."
    )
    claim = bundled.claims_by_id["scam-support"]
    scams = Reference(claim.text, claim.key_points, claim.id)
    assert "fraud calls" in [t for kp in claim.key_points for t in kp.terms]
    graded = assess(scattered, [scams])
    assert graded.verdict is not Verdict.CONTRADICTORY
    assert [p.state for p in graded.points] != [PointState.CONTRADICTED]
    # Together, the same words deny it.
    denial = assess("Nobody online worries about fraud calls.", [scams])
    assert [p.state for p in denial.points] == [PointState.CONTRADICTED]


def test_a_free_compound_term_is_not_denied_by_its_first_word_negated(bundled: Map) -> None:
    """ "hands-free" is entry without hands: "can't hand over her face" does not deny it."""
    claim = bundled.claims_by_id["convenience-thesis"]
    assert "hands-free" in [t for kp in claim.key_points for t in kp.terms]
    ref = Reference(claim.text, claim.key_points, claim.id)
    answer = (
        "A tenant who rents the flat to a stranger can't hand over her face, so the "
        "stranger can't get in."
    )
    assert PointState.CONTRADICTED not in [p.state for p in assess(answer, [ref]).points]


def test_a_point_said_and_denied_by_two_terms_across_a_turn_is_contradicted(
    bundled: Map,
) -> None:
    claim = bundled.claims_by_id["state-picks-voices"]
    ref = Reference(claim.text, claim.key_points, claim.id)
    turned = "Xinhua hand-picked the residents it quoted, though it never chose whom to quote."
    graded = assess(turned, [ref])
    assert graded.verdict is Verdict.CONTRADICTORY
    # Each half alone is what it says.
    assert assess("Xinhua hand-picked the residents it quoted.", [ref]).verdict in (
        Verdict.CORRECT,
        Verdict.PARTIAL,
    )
    assert assess("Xinhua never chose whom to quote.", [ref]).verdict is Verdict.CONTRADICTORY


@pytest.mark.parametrize(
    "answer",
    [
        "Everyone will game the score, so no written rule can hold social credit in check.",
        "Clear rules may hold a system in check on paper, but everyone will game the score.",
    ],
)
def test_a_concession_and_a_negated_subject_make_rules_will_not_hold(
    bundled: Map, answer: str
) -> None:
    claim = bundled.claims_by_id["gaming-comment"]
    graded = assess(answer, [Reference(claim.text, claim.key_points, claim.id)])
    assert graded.verdict is Verdict.CORRECT, graded.feedback


FIGURES = Reference(
    "A public flat rents for about 2,000 yuan a month against 5,000 yuan on the market.",
    (KeyPoint("2,000 yuan public rent"), KeyPoint("5,000 yuan market rent")),
    "rent-figures",
)


def test_a_number_is_made_only_by_its_equal_however_written() -> None:
    graded = assess("Public housing costs about 2,000 yuan a month.", [FIGURES])
    assert [p.state for p in graded.points] == [PointState.MADE, PointState.MISSED]
    assert graded.verdict is Verdict.PARTIAL
    text = " ".join(graded.feedback)
    assert 'you wrote "000' not in text  # "2,000" is one number, not "2" and "000"
    assert "Missed: 5,000 yuan market rent" in text
    both = assess("Rent is 2000 yuan in public housing and 5000 yuan market rent.", [FIGURES])
    assert both.verdict is Verdict.CORRECT
    wrong = assess("Public rent is 7,000 yuan, market rent 9,000 yuan.", [FIGURES])
    assert all(p.state is not PointState.MADE for p in wrong.points)


def test_an_age_is_no_old_against_young() -> None:
    ref = Reference(
        "Young children's faces change quickly, so a lock may not know them a year on.",
        (KeyPoint("young", ("children",)), KeyPoint("faces change")),
    )
    graded = assess("A ten-year-old looks nothing like the six-year-old on file.", [ref])
    assert graded.verdict is not Verdict.CONTRADICTORY
    assert graded.points[0].state is not PointState.CONTRADICTED
    assert assess("Old people's faces change too.", [ref]).verdict is Verdict.CONTRADICTORY


def test_for_ever_is_forever() -> None:
    ref = Reference(
        "Residents' images are deleted when they move away.",
        (KeyPoint("deleted", ("erased",), opposites=("kept forever",)),),
    )
    both = "The images are deleted when residents move away, and the centre holds them for ever."
    assert assess(both, [ref]).verdict is Verdict.CONTRADICTORY
    assert assess("The centre keeps them for ever.", [ref]).verdict is Verdict.CONTRADICTORY


def test_talk_about_the_claim_is_no_word_of_it() -> None:
    ref = Reference(
        "Nobody claims the lock cures the housing shortage; it protects the flats that exist.",
        (KeyPoint("not a cure", ("does not claim",)), KeyPoint("protects the flats")),
    )
    answer = "Nobody claims the lock cures the housing shortage, so the claim fails."
    graded = assess(answer, [ref])
    assert graded.verdict is not Verdict.CONTRADICTORY
    assert graded.points[0].state is PointState.MADE


def test_a_contrast_the_model_answer_draws_does_not_unsay_a_negative_point() -> None:
    ref = Reference(
        "A leaked password can be changed, but a leaked face stays leaked for life.",
        (KeyPoint("cannot change", ("for life", "permanent")),),
    )
    for answer in (
        "You can change a leaked password, but a leaked face stays leaked for life.",
        "A leaked face stays leaked for life. A leaked password can be changed.",
    ):
        assert assess(answer, [ref]).verdict is Verdict.CORRECT, answer


def test_an_antonym_the_model_answer_says_itself_denies_nothing(bundled: Map) -> None:
    claim = bundled.claim("spread-not-creep")
    ref = Reference(claim.text, claim.key_points)
    # "new" denies the point "reuse of data" by WordNet (new / used), but the model
    # answer says "new" itself: its own contrast.
    answer = "Jaywalking cameras are new systems with their own data, so this is spread, not creep."
    graded = assess(answer, [ref])
    assert graded.verdict is not Verdict.CONTRADICTORY
    assert all(p.state is not PointState.CONTRADICTED for p in graded.points)


def test_a_plain_point_the_model_answer_only_denies_stands_for_its_denial(bundled: Map) -> None:
    claim = bundled.claim("spread-not-creep")  # "... are not one system's data being reused"
    ref = Reference(claim.text, claim.key_points)
    for answer in (
        "Different systems for different purposes do not reuse one system's data, so the "
        "spread is not creep.",
        "The jaywalking cameras are a new system with new data, not one shared database "
        "being reused.",
    ):
        graded = assess(answer, [ref])
        assert graded.verdict is Verdict.CORRECT, (answer, graded.feedback)
    assert assess("It is the same data being reused.", [ref]).verdict is Verdict.CONTRADICTORY


def test_an_antonym_across_a_turn_is_a_contrast_not_the_point_unsaid(bundled: Map) -> None:
    claim = bundled.claim("rule-scope-unclear")  # "existing accounts" ("old numbers" too)
    ref = Reference(claim.text, claim.key_points)
    answer = "The rule covers new numbers, but Reuters says it is unclear for existing accounts."
    graded = assess(answer, [ref])
    assert graded.verdict is Verdict.CORRECT, graded.feedback


def test_cannot_x_makes_hard_to_x(bundled: Map) -> None:
    claim = bundled.claim("deterrence-invisible")  # "hard to measure" ("... hard to count")
    ref = Reference(claim.text, claim.key_points)
    made = assess(
        "You can't count what the checks prevent: scared-off cheats leave no trace.", [ref]
    )
    assert made.verdict is not Verdict.CONTRADICTORY, made.feedback
    assert any(p.point == "hard to measure" and p.state is PointState.MADE for p in made.points)
    easy = assess("It is easy to count what the checks prevent.", [ref])
    assert easy.verdict is Verdict.CONTRADICTORY


def test_an_antonym_unsays_a_word_only_about_the_same_thing() -> None:
    ref = Reference(
        "The locks could record everyone who came to visit and send the record away.",
        (KeyPoint("visitors recorded", ("who came",)),),
    )
    fine = (
        "Every time a friend comes round, the lock notes it, and the record goes off to a station."
    )
    assert assess(fine, [ref]).verdict is not Verdict.CONTRADICTORY
    # ... while the same words said and then denied, clause by clause, are unsaid.
    both = "The lock records every visitor, but visitors are never recorded."
    assert assess(both, [ref]).verdict is Verdict.CONTRADICTORY
    assert assess("It records visitors' faces but not their names.", [ref]).verdict is (
        Verdict.CORRECT
    )


def test_a_negation_agreeing_through_an_antonym_takes_its_words_along() -> None:
    answer = [t for t in analyse("The card does not block entry.") if t.content]
    found = match_term(analyse_term("allows entry"), answer)
    assert found.agree >= 0.75 and not found.deny  # "entry" is not denied by that "not"


def _drill(the_map: Map, claim: str, drill: str, answer: str) -> dict[str, object]:
    return result_json(
        grade_row(AnswerRow(line=1, answer=answer, claim=claim, drill=drill), the_map)
    )


def test_a_point_left_out_in_any_words_holds_a_close_answer_at_partial(bundled: Map) -> None:
    half = _drill(
        bundled,
        "burden-thesis",
        "support",
        "The people asked for their faces are the poorest tenants.",
    )
    assert half["verdict"] == "partial"  # the whole text is close, but "least power" is absent
    whole = _drill(
        bundled,
        "burden-thesis",
        "support",
        "The people asked for their faces are the poorest tenants, who have the least power "
        "to refuse.",
    )
    assert whole["verdict"] == "correct"


def test_a_denial_of_a_model_answer_barely_talked_about_does_not_outrank_a_partial(
    bundled: Map,
) -> None:
    answer = (
        "A face system built to stop subletting or fraud runs a real risk of being extended "
        "to uses nobody agreed to."
    )
    graded = _drill(bundled, "face-access", "rebut", answer)
    assert (graded["verdict"], graded["matched"]) == ("partial", "creep-thesis")


def test_a_generic_word_in_a_term_stands_for_whoever_the_answer_names() -> None:
    """ "scares people off" is made by "scare criminals off": *people* holds a place in
    the phrase. The term's other words must still be met."""
    deters = Reference(
        "A visible camera deters wrongdoing before it happens.",
        (KeyPoint("deterrence", ("scares people off",)),),
    )
    made = assess("Cameras on the gate scare criminals off.", [deters])
    assert [p.state for p in made.points] == [PointState.MADE]
    assert made.verdict is not Verdict.INCORRECT
    missed = assess("The gate films people as they walk off.", [deters])
    assert [p.state for p in missed.points] == [PointState.MISSED]


def test_a_verbs_particle_is_part_of_the_term() -> None:
    """ "locked out" is not made by "lock": "out" after a participle makes the verb
    another verb, in a term and in an answer; "away" and "outside" say the same."""
    shut_out = Reference(
        "Fewer errors still leave some residents locked out of their homes.",
        (KeyPoint("still errors", ("still locked out",)),),
    )
    assert [p.state for p in assess("The lock records visitors.", [shut_out]).points] == [
        PointState.MISSED
    ]
    for answer in ("Some residents will still be locked out.", "Some are still locked outside."):
        assert [p.state for p in assess(answer, [shut_out]).points] == [PointState.MADE]
    turned_away = Reference(
        "The lock turns strangers away.", (KeyPoint("strangers refused", ("keep out",)),)
    )
    made = assess("The lock keeps strangers away.", [turned_away])
    assert [p.state for p in made.points] == [PointState.MADE]
    no_choice = Reference(
        "Residents have no choice: nobody can opt out.",
        (KeyPoint("no choice", ("nobody can opt out",)),),
    )
    assert assess("Residents can easily opt out.", [no_choice]).verdict is Verdict.CONTRADICTORY


def test_a_phrasal_verb_meets_its_synonyms_as_a_phrase() -> None:
    """ "shuts strangers out" makes "keeps strangers out" (WordNet: shut out ~ keep out),
    with the particle after the object; "shuts the windows" does not."""
    refused = Reference(
        "The lock keeps strangers out.", (KeyPoint("strangers refused", ("keeps strangers out",)),)
    )
    made = assess("The lock shuts strangers out.", [refused])
    assert [p.state for p in made.points] == [PointState.MADE]
    missed = assess("The guard shuts the windows for strangers.", [refused])
    assert [p.state for p in missed.points] == [PointState.MISSED]
    # ... with an object of three words too: "turn the face scan down" is "refuse" it
    refusing = Reference(
        "Tenants can refuse the scan.", (KeyPoint("can refuse", ("refuse the scan",)),)
    )
    turned = assess("Tenants can turn the face scan down.", [refusing])
    assert [p.state for p in turned.points] == [PointState.MADE]
    # ... and "costs less" is "cheap", "costs more" "expensive"
    cheaper = Reference("Face gates keep getting cheaper.", (KeyPoint("cheaper", ()),))
    assert [p.state for p in assess("The kit costs less every year.", [cheaper]).points] == [
        PointState.MADE
    ]
    dearer = assess("Face gates cost a lot more every year.", [cheaper])
    assert [p.state for p in dearer.points] == [PointState.CONTRADICTED]


@pytest.mark.parametrize(
    ("answer", "verdict"),
    [
        # what the model answer stops ("stop flats being sublet"), stopped in other words
        ("Face scans stop subletting.", "correct"),
        ("The scanner stops people subletting their flats.", "correct"),
        # ... and a denied stopping, however far the denial, still denies it
        ("The scanner doesn't stop subletting.", "contradictory"),
        ("It is false that the scanners keep subletters from moving in.", "contradictory"),
        ("I doubt the scans stop flats being sublet.", "contradictory"),
    ],
)
def test_a_prevention_meets_the_prevention_of_the_model_answer(
    bundled: Map, answer: str, verdict: str
) -> None:
    """ "stops subletting" denies its gerund and "stop flats being sublet" reads its
    participle plainly; both name what is stopped, so they meet, unless a negation
    outside the prevention denies one of them."""
    graded = _drill(bundled, "face-access", "support", answer)
    assert (graded["verdict"], graded["matched"]) == (verdict, "sublet-thesis")


def test_a_model_answer_made_and_another_denied_as_much_is_a_contradiction() -> None:
    """Two arguments of one side, one made and the other denied in an answer that talks
    about the denied one at least as much: the answer contradicts itself, and the
    best fit no longer hides it behind the one made."""
    choice = Reference(
        "Tenants have no real choice about the scan.", (KeyPoint("no real choice", ("no choice",)),)
    )
    flat = Reference(
        "A tenant who refuses the photo loses the flat.",
        (KeyPoint("loses the flat", ("gives up the flat",)),),
    )
    both = "Tenants have no choice. A tenant who refuses the photo keeps the flat."
    assert assess(both, [choice]).verdict is Verdict.CORRECT
    assert assess(both, [choice, flat]).verdict is Verdict.CONTRADICTORY
    agreeing = "Tenants have no choice, because a tenant who refuses the photo loses the flat."
    assert assess(agreeing, [choice, flat]).verdict is Verdict.CORRECT


def test_a_generic_word_is_never_said_twice() -> None:
    """ "person" under a negation in one clause and plain in another says nothing both
    ways: a term of generic words alone ("must be there in person") is not unsaid."""
    term = analyse_term("must be there in person")
    answer = [
        t
        for t in analyse(
            "They can't borrow another person's face, so whoever registers has to turn up "
            "in person."
        )
        if t.content
    ]
    assert match_term(term, answer).both == 0.0


def test_an_answer_that_says_a_word_of_the_model_answer_and_then_unsays_it_contradicts_itself() -> (
    None
):
    """The same word said and unsaid about the same thing (another of the model answer's
    words in both clauses), across a turn or in two sentences, is a self-contradiction,
    and the feedback quotes both clauses; the same word unsaid of another thing is a
    contrast."""
    fraud = Reference(
        "Checking faces at the counter stops people registering numbers under borrowed identities.",
        (KeyPoint("borrowed identity", ("someone else's name",)), KeyPoint("stops fraud", ())),
    )
    both = assess(
        "Face checks stop fraudsters registering with borrowed identities, but they can't "
        "stop anyone registering with a borrowed identity.",
        [fraud],
    )
    assert both.verdict is Verdict.CONTRADICTORY
    assert any("and then the opposite" in line for line in both.feedback)
    contrast = assess(
        "Face checks stop fraudsters registering with borrowed identities, but they can't "
        "stop a corrupt clerk from selling numbers.",
        [fraud],
    )
    assert contrast.verdict is Verdict.CORRECT
