"""Negation scope by clause: what each kind of negator denies, and what it leaves alone."""

from __future__ import annotations

import pytest

from argmap.grading.language import analyse, analyse_term, clauses, written_term


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
        # A copula's negation denies the noun it predicates, up to a preposition ...
        (
            "A state carrier is not a guardian against the state's own use of the faces",
            {"guardian"},
            {"state", "use", "face"},
        ),
        ("Familiarity is not the same as harm", {"same", "harm"}, {"familiarity"}),
        # ... but a cleft or an existential denies all that follows.
        ("It is not the bulb that is damaged", {"bulb", "damage"}, set()),
        ("There is not a full circuit with both terminals", {"circuit", "terminal"}, set()),
        # A "no" opening a relative clause's subject denies its predicate.
        (
            "Everyone games the score, which no written rule can hold in check",
            {"rule", "hold"},
            {"score"},
        ),
        # "something is wrong" says a thing is amiss, not that the sentence is false.
        (
            "A missed outing is the sign that something is wrong",
            set(),
            {"miss", "sign", "wrong"},
        ),
        # A participle before its noun prevents nothing.
        (
            "Prevented wrongdoing is hard to count",
            set(),
            {"wrongdoing", "hard", "count"},
        ),
        ("The checks have prevented subletting", {"sublet"}, {"check"}),
        # A verb negated inside a subject clause leaves the sentence's own verb alone ...
        ("What never happened is hard to measure", {"happen"}, {"hard", "measure"}),
        ("Not going out is the sign something is wrong", {"go"}, {"sign", "wrong"}),
        # ... and so does a verb that can only be a verb, after a word of content:
        # the negated verb was in a relative clause.
        (
            "A tenant who won't hand over a photo loses the flat",
            {"hand", "photo"},
            {"tenant", "lose", "flat"},
        ),
        (
            "Keeping out people the system doesn't recognize protects privacy",
            {"recognize"},
            {"protect", "privacy"},
        ),
        ("It does not mean it protects anyone", {"mean", "protect"}, set()),  # a pronoun
        # ... but a negated subject still denies its predicate.
        ("Nobody anywhere is selling face data", {"sell", "face", "data"}, set()),
        ("Nobody online defends face registration", {"defend", "face", "registration"}, set()),
        # A verdict on the other side denies nothing of what the sentence says ...
        ("It keeps getting cheaper, so the claim is wrong", set(), {"cheap"}),
        ("The claim is mistaken, because the locks record visitors", set(), {"record"}),
        ("They are wrong: the locks record visitors", set(), {"lock", "record"}),
        # ... but one that judges what follows does.
        ("They are wrong that the locks record visitors", {"lock", "record"}, set()),
        # A "no" opens a subject at the start of a clause, after a lead-in.
        ("Actually, no source reports a crime", {"source", "report"}, set()),
        ("That sounds right, but no source reports a crime", {"source", "report"}, set()),
        # A negative pronoun after a verb is its object: it denies what follows it up to
        # the sentence's next verb ...
        (
            "People who have nothing to fear from the system hold a belief",
            {"fear", "system"},
            {"hold", "belief"},
        ),
        ("Those who have nothing to fear have been brainwashed", {"fear"}, {"brainwash"}),
        ("The belief that people have nothing to fear is their own view", {"fear"}, {"view"}),
        ("It does nothing to protect you from the operator", {"protect", "operator"}, set()),
        # ... and at the start of a clause it is a subject, denying the predicate.
        ("Nothing changed after the locks came", {"change"}, set()),
        # A clause taken back by "but that is not true" is denied once, not twice.
        ("The lock logs visitors, but that is not true", {"lock", "log", "visitor"}, set()),
        (
            "People say that the scheme saves time, but that is not so",
            {"scheme", "save", "time"},
            {"people"},
        ),
        # The writer's own "I disagree that", "I doubt that" deny what follows ...
        ("I disagree that the lock records visitors", {"lock", "record", "visitor"}, set()),
        ("We strongly doubt that the lock records visitors", {"lock", "record"}, set()),
        ("It records visitors, which is why I disagree", set(), {"record", "visitor"}),
        # ... as does a sentence of its own that calls the last one false, though not one
        # that calls a practice wrong.
        ("Officials claim the lock records visitors. That is false.", {"lock", "record"}, set()),
        ("The lock records visitors. That's a myth.", {"lock", "record", "visitor"}, set()),
        ("Tenants must scan their faces. That is wrong.", set(), {"tenant", "scan", "face"}),
        # ... and so does "not one", "not a single", where a "no" could stand.
        ("Not one source gives a number", {"source", "give", "number"}, set()),
        ("Not a single report shows a crime", {"report", "show", "crime"}, set()),
        ("It is not one source but many", {"source"}, set()),
        # A modal, or "and" with a verb in the past, after the negated verb starts a
        # predicate of its own ...
        ("A resident whose face is not recognised can use a card", {"recognise"}, {"card"}),
        ("She refused to comply with the scan and sued the park", {"comply"}, {"sue", "park"}),
        # ... but participles after a copula share their negation.
        ("It was not recorded and analysed", {"record", "analyse"}, set()),
        # A copula's negation with an adverb between denies its noun phrase alone.
        (
            "A carrier run by the state is really not a guardian against the state's use",
            {"guardian"},
            {"state", "use"},
        ),
        # A rejection after a turn takes back what was reported before it.
        (
            "Some people argue that everyone gets used to it, but I don't buy it",
            {"everyone", "use"},
            set(),
        ),
        ("They claim the locks keep strangers out, but that is wrong", {"lock", "stranger"}, set()),
        # A question word opens a clause the negated verb is about.
        ("You can't count what the checks prevent", {"count"}, {"check", "prevent"}),
        # A negative pronoun's own verb ends its scope at the sentence's copula ...
        ("An error rate that nobody has published is unknown", {"publish"}, {"unknown"}),
        # ... but a negative pronoun that is the copula's subject denies its predicate.
        ("Nothing published is reliable", {"publish", "reliable"}, set()),
        # A negation inside a quotation ends with the quotation.
        ('The "may not have a choice" of a column is an aside', {"choice"}, {"column", "aside"}),
        ('It is not "independent" at all', {"independent"}, set()),
        # A participle at a clause's start stands before its noun: it prevents nothing.
        ("They ignore that prevented wrongdoing is hard to count", set(), {"wrongdoing"}),
        ("I think prevented wrongdoing is hard to count", set(), {"wrongdoing", "hard"}),
        ("Well, prevented wrongdoing is hard to count", set(), {"wrongdoing", "hard"}),
        # A negative pronoun followed by its verb is a subject, not an object.
        ("It was extended to new uses nobody agreed to", {"agree"}, {"use", "new"}),
        ("Residents paid nothing for the locks", {"pay"}, {"resident"}),
        # A "no" after "so", "that", "although" ... opens a clause's subject.
        (
            "Everyone will game the score, so no written rule can hold it in check",
            {"rule", "hold", "check"},
            {"game", "score"},
        ),
        # A claim that ends "on paper" or "in theory" before a turn is taken back.
        (
            "Clear rules may hold a system in check on paper, but everyone will game the score",
            {"rule", "hold", "system"},
            {"game", "score"},
        ),
        ("In theory the locks stop strangers, but they walk in", {"lock", "stop"}, {"walk"}),
        # A "-free" compound says its first word is absent, with or without the hyphen.
        ("Entry is hands-free", {"hand"}, {"entry"}),
        ("hands free entry", {"hand"}, {"entry"}),
        # ... and a negation of the compound says it is there.
        ("The gate is not hands-free", set(), {"hand", "gate"}),
        # "free" after a verb, or before "of", is no compound.
        ("They set the residents free", set(), {"set", "resident"}),
        ("The flats are free of mould", {"mould"}, {"flat"}),
        # "very", "so" and "too" make a negator of degree stronger, not weaker...
        ("There are too few homes for the poor", {"home"}, {"poor"}),
        ("Very little evidence was given", {"evidence"}, set()),
        # ... "a little", "quite a few" are amounts.
        ("A little evidence was given", set(), {"evidence"}),
        ("Quite a few tenants complained", set(), {"tenant", "complain"}),
        # "and" or "or" before a pronoun opens a new clause: the negation stops.
        ("The lock might not know you and you are stuck outside", {"know"}, {"stick"}),
        ("It does not log visitors or they would stay away", {"log", "visitor"}, {"stay"}),
        # "however" before a word of content is "no matter how", no turn; and "say no
        # to" refuses, it reports no claim to take back.
        (
            "A rule you can't afford to say no to is still forced on you, however normal "
            "such rules are",
            {"afford"},
            {"force", "normal", "rule"},
        ),
        # ... a turn after a claim reported still takes it back.
        ("The centre says the photos are deleted, however it keeps them", {"photo"}, {"keep"}),
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
    # A verb that merely means refusal is not a negator at the end of a term: it is the
    # term's deed ("strangers refused" is more than "strangers").
    assert [(t.lemma, t.negated) for t in analyse_term("strangers refused")] == [
        ("stranger", False),
        ("refuse", False),
    ]


def test_clauses_split_at_punctuation_and_turns() -> None:
    assert clauses("The blog cites no source, and its figures disagree, so the gap is unknown") == [
        "The blog cites no source",
        "and its figures disagree",
        "so the gap is unknown",
    ]


@pytest.mark.parametrize(
    ("text", "no", "yes"),
    [
        # "X rather than Y", "X instead of Y", "X as opposed to Y": Y is denied, X said.
        ("The two systems are linked rather than separate", {"separate"}, {"link"}),
        ("The council sells the data instead of deleting it", {"delete"}, {"sell"}),
        ("Tenants pay market rent as opposed to subsidised rent", {"subsidise"}, {"market"}),
        # A verb of prevention denies what follows "from", not its object.
        ("The lock prevents strangers from entering", {"enter"}, {"stranger", "lock"}),
        ("A guard keeps the children from leaving the yard", {"leave", "yard"}, {"child"}),
        # ... and "from" after no such verb denies nothing.
        ("Residents come from villages nearby, arriving daily", set(), {"village", "arrive"}),
        # A comparative "less" denies the one word it grades...
        ("Residents feel less safe at night", {"safe"}, {"resident", "night"}),
        # ... "fewer" grades a count and denies nothing: fewer errors are still errors.
        ("Fewer visitors come in winter", set(), {"visitor", "winter"}),
        ("Fewer errors still shut some residents out", set(), {"error", "resident"}),
        # ... but not "less than", nor "more or less".
        ("It costs less than half the market rent", set(), {"half", "market", "rent"}),
        ("The figures are more or less right", set(), {"figure", "right"}),
        # "few" before a subject denies its predicate, as "no" does; "a few" does not.
        ("Few tenants sublet their flats", {"sublet", "flat"}, set()),
        ("Tenants with few rooms sublet their flats", {"room"}, {"flat"}),
        # A verb of prevention before a gerund denies it; "keep" before one goes on.
        ("The scheme stops subletting at once", {"sublet"}, {"scheme", "stop"}),
        ("The city bans smoking in the hall", {"smoking"}, {"city", "ban"}),
        ("The queue keeps moving", set(), {"queue", "keep", "move"}),
        # Verbs that decline to do something deny it, in their frame only.
        ("The operator declined to publish the figures", {"publish", "figure"}, {"operator"}),
        ("The council neglects to check the logs", {"check", "log"}, {"council"}),
        ("The scheme avoids storing faces", {"store", "face"}, {"scheme"}),
        ("Demand for flats declined sharply", set(), {"demand", "flat", "sharply"}),
        ("A few tenants sublet their flats", set(), {"tenant", "flat"}),
    ],
)
def test_contrast_frames_prevention_and_comparatives(
    text: str, no: set[str], yes: set[str]
) -> None:
    assert no <= set(denied(text)), denied(text)
    assert yes <= set(said(text)), said(text)
    assert not (yes & set(denied(text)))


@pytest.mark.parametrize(
    ("text", "no", "yes"),
    [
        # An elliptical denial after a turn takes back the clause before the turn.
        ("It could record visitors, but it does not", {"record", "visitor"}, set()),
        (
            "The lock is supposed to turn strangers away but it doesn't",
            {"turn", "stranger"},
            {"lock"},
        ),
        (
            "The blog cites a source, but that is not really the case",
            {"blog", "cite", "source"},
            set(),
        ),
        # A clause attributed to others or to theory, then turned against, is rejected.
        (
            "Officials claim that the locks log visitors, but nobody has seen a log",
            {"lock", "visitor"},
            {"official"},
        ),
        (
            "In theory the scheme saves money, yet the bills keep rising",
            {"scheme", "save"},
            {"bill"},
        ),
        (
            "Although the lock claims to stop strangers, they walk straight in",
            {"stop", "stranger"},
            {"walk"},
        ),
        # No turn, or a turn with a claim of its own after it: nothing is taken back.
        ("Officials claim that the locks log visitors", set(), {"lock", "visitor"}),
        ("The locks log visitors, but the logs are kept for a week", set(), {"visitor", "week"}),
    ],
)
def test_a_clause_taken_back_is_denied(text: str, no: set[str], yes: set[str]) -> None:
    assert no <= set(denied(text)), denied(text)
    assert yes <= set(said(text)), said(text)
    assert not (yes & set(denied(text)))


def test_a_turn_or_a_comma_starts_a_new_clause() -> None:
    tokens = analyse("The lock turns strangers away, but strangers walk in. Then it rings")
    by_word = {t.text: t.clause for t in tokens}
    assert by_word["turns"] < by_word["walk"] < by_word["rings"]
    assert by_word["turns"] == by_word["away"]


def test_a_light_verb_carries_a_point_only_under_a_negation() -> None:
    """ "get", "make", "let" are too common to match on, but "cannot get in" says something."""
    assert [(t.lemma, t.negated) for t in analyse("A subtenant cannot get in") if t.content] == [
        ("subtenant", False),
        ("get", True),
    ]
    assert [t.lemma for t in analyse("A subtenant can get in") if t.content] == ["subtenant"]


def test_words_denied_by_one_negation_share_it() -> None:
    tokens = {t.text: t for t in analyse("The lock does not have his face on file")}
    assert tokens["face"].negator == tokens["file"].negator != -1
    tokens = {t.text: t for t in analyse("Nothing stops tenants from subletting")}
    assert tokens["stops"].negator != tokens["subletting"].negator
    assert tokens["nothing"].negator == -1


@pytest.mark.parametrize(
    ("text", "no", "yes"),
    [
        # A negative pronoun as the object denies its verb.
        ("Residents paid nothing for the equipment", {"pay"}, {"resident"}),
        ("The camera recorded nobody at the gate", {"record"}, {"camera"}),
        ("The tenants recorded none of the visits", {"record"}, {"tenant"}),
        # ... but "nothing but" says the verb: "they do nothing but complain".
        ("The tenants offered nothing but praise", set(), {"tenant", "offer"}),
    ],
)
def test_a_negative_object_denies_its_verb(text: str, no: set[str], yes: set[str]) -> None:
    assert no <= set(denied(text)), denied(text)
    assert yes <= set(said(text)), said(text)
    assert not (yes & set(denied(text)))


@pytest.mark.parametrize(
    ("text", "no", "yes"),
    [
        # A sentence that is only an elliptical denial takes back the sentence before.
        (
            "The lock is supposed to turn strangers away. It does not.",
            {"turn", "stranger"},
            {"lock"},
        ),
        ("Officials claim it logs visitors. But it doesn't.", {"log", "visitor"}, {"official"}),
        # ... not one with a claim of its own, nor a hedge.
        ("Strangers are turned away. They are not let in.", set(), {"stranger", "turn"}),
        ("It turns strangers away. But it doesn't always.", set(), {"turn", "stranger"}),
        ("It turns strangers away. It is not perfect.", set(), {"turn", "stranger"}),
    ],
)
def test_an_elliptical_sentence_takes_back_the_one_before(
    text: str, no: set[str], yes: set[str]
) -> None:
    assert no <= set(denied(text)), denied(text)
    assert yes <= set(said(text)), said(text)
    assert not (yes & set(denied(text)))


def test_a_possessive_is_no_is() -> None:
    assert [t.text for t in analyse("Xinhua's report is thin; it's short")] == [
        "xinhua",
        "report",
        "is",
        "thin",
        "it",
        "is",
        "short",
    ]


_CLAUSE = "the lock records visitors"


@pytest.mark.parametrize(
    "frame",
    [
        "It is not true that {x}.",
        "I don't think {x}.",
        "Nobody has shown that {x}.",
        "{X} is false.",
        "{X}, but that is not true.",
        "{X}, but that is wrong.",
        "{X}, but I don't buy it.",
        "Some say {x}, but that is a myth.",
        "Some say {x}, but it doesn't.",
        "{X}. That is not true.",
        "{X}. It doesn't.",
        "They are wrong that {x}.",
        "It is a myth that {x}.",
        "The idea that {x} is nonsense.",
        "Officials claim {x}, but that is false.",
        "Officials claim {x}. That is false.",
        "It's simply not the case that {x}.",
        "There is no evidence that {x}.",
        "The claim that {x} is wrong.",
        "Although officials claim {x}, it doesn't.",
        "I disagree that {x}.",
        "It is false that {x}.",
        "{X}, which is not true.",
        "Nobody believes {x}.",
        "Few people think {x}.",
        "{X}. Not true.",
        "{X}: not true.",
        "{X}, not true.",
        "{X} — not true.",
        "{X} - simply false.",
        "Some say {x}. Nonsense.",
        "{X}, but that is baseless.",
        "The idea that {x} is absurd.",
        "It is a lie that {x}.",
        "That {x} is a fantasy.",
        "{X}? Hardly.",
        "{X}? Not at all.",
        "It is doubtful that {x}.",
        "It is unlikely that {x}.",
        "It would be wrong to say that {x}.",
    ],
)
def test_every_way_of_denying_a_clause_denies_each_of_its_words(frame: str) -> None:
    """One plain clause under each frame a student uses to deny it: every word of it is
    denied, once (a clause denied twice over reads as said)."""
    text = frame.format(x=_CLAUSE, X=_CLAUSE[0].upper() + _CLAUSE[1:])
    assert {"lock", "record", "visitor"} <= set(denied(text))
    assert not {"lock", "record", "visitor"} & set(said(text))


def test_a_no_answers_the_question_before_it() -> None:
    """ "Does X? No." denies X; a "No." after a statement is left alone, and a "Yes."
    denies nothing."""
    assert {"lock", "record", "visitor"} <= set(denied("Does the lock record visitors? No."))
    assert not {"lock", "record", "visitor"} & set(denied("Does the lock record visitors? Yes."))
    assert not {"record", "visitor"} & set(denied("The lock records visitors. No."))


def test_a_dash_sets_off_a_clause_and_joins_no_words() -> None:
    """A dash between words is a comma: the clause around an aside is still said, and
    a hyphenated word stays one word."""
    text = "The lock — bought cheaply — records visitors."
    assert {"lock", "record", "visitor"} <= set(said(text))
    assert "face-to-face" not in said("Face-to-face checks record visitors.")
    assert {"face", "check", "record"} <= set(said("Face-to-face checks record visitors."))


def test_a_bare_verdict_needs_a_verdict_word() -> None:
    """ "X, not so much Y" and "X, surely" end in no verdict: X stays said."""
    assert {"record", "visitor"} <= set(said("The lock records visitors, not so much residents."))
    assert {"record", "visitor"} <= set(said("The lock records visitors, surely."))


def test_a_refusal_outside_its_frame_is_a_deed() -> None:
    """ "refused to comply" denies the complying; "a guest refused at the door" says the
    refusing, and a key term "guest refused" is not read as the one word "guest"."""
    assert [t.lemma for t in analyse_term("guest refused")] == ["guest", "refuse"]
    assert "refuse" in said("A guest was refused at the door.")
    assert "comply" in denied("She refused to comply.")
    assert "refuse" not in said("She refused to comply.")
    read = written_term("visitor refused")
    assert read.content == ["visitor", "refused"] and not read.idle_negators
    assert written_term("free press").idle_negators == ["free"]


@pytest.mark.parametrize(
    ("text", "said_words", "denied_words"),
    [
        ("The lock doesn't stop subletting.", {"sublet"}, {"stop"}),
        ("Nothing prevents subletting.", {"sublet"}, {"prevent"}),
        ("It cannot prevent strangers from entering.", {"stranger", "enter"}, {"prevent"}),
        (
            "Nothing stops the tenant from holding the door open.",
            {"tenant", "hold", "door"},
            {"stop"},
        ),
        ("Nothing stops the tenant holding the door.", {"tenant", "hold", "door"}, {"stop"}),
        # an undenied prevention still denies: "stops subletting" says none is left
        ("The lock stops subletting.", set(), {"sublet"}),
        ("It keeps strangers from entering.", {"stranger"}, {"enter"}),
        # and a plain "keep" prevents nothing
        ("It does not keep records.", set(), {"keep", "record"}),
    ],
)
def test_a_denied_prevention_says_what_it_names(
    text: str, said_words: set[str], denied_words: set[str]
) -> None:
    """ "The lock doesn't stop subletting": two negations, and the subletting goes on; the
    object of a denied prevention is not denied either ("cannot prevent strangers")."""
    assert said_words <= set(said(text)), analyse(text)
    assert denied_words <= set(denied(text)), analyse(text)
    assert not said_words & set(denied(text))


@pytest.mark.parametrize(
    ("text", "said_words", "denied_words"),
    [
        # a denial denied says its clause
        ("I don't doubt that the lock records visitors.", {"lock", "record", "visitor"}, set()),
        ("Nobody doubts that the lock records visitors.", {"lock", "record", "visitor"}, set()),
        ("Few would deny that the lock records visitors.", {"lock", "record", "visitor"}, set()),
        ("No one can deny that the lock records visitors.", {"lock", "record", "visitor"}, set()),
        ("There is no doubt that the lock records visitors.", {"lock", "record", "visitor"}, set()),
        ("No wonder tenants sublet their flats.", {"tenant", "sublet", "flat"}, set()),
        (
            "It goes without saying that the lock records visitors.",
            {"lock", "record", "visitor"},
            set(),
        ),
        # ... and a denial alone still denies it
        ("I doubt that the lock records visitors.", set(), {"lock", "record", "visitor"}),
        ("I doubt the lock records visitors.", set(), {"lock", "record", "visitor"}),
        # "zero" before a noun is a "no"; "zero percent" a number
        ("The scanners will make zero mistakes.", {"scanner"}, {"mistake"}),
        ("Zero percent of tenants sublet.", {"zero", "tenant", "sublet"}, set()),
        ("The office denies that the lock records visitors.", set(), {"record", "visitor"}),
        # a prevention that fails
        ("The lock fails to stop subletting.", {"sublet"}, {"stop"}),
        ("The lock is unable to prevent subletting.", {"sublet"}, {"prevent"}),
        ("Residents are unable to enter.", set(), {"enter"}),
        # "not only", "not just": X and more
        (
            "The lock not only stops strangers but also records visitors.",
            {"stranger", "record", "visitor"},
            set(),
        ),
        ("The debate is not just about money.", {"money"}, set()),
        # "far from", "anything but" after a copula
        ("Far from protecting residents, the lock exposes them.", {"expose"}, {"protect"}),
        ("The lock is anything but safe.", set(), {"safe"}),
        # what cannot be told apart is still there
        ("You can't separate right from practical.", {"right", "practical"}, {"separate"}),
        # what is not justified still happens
        (
            "Catching a few subletters doesn't justify going that far.",
            {"go", "far"},
            {"justify"},
        ),
    ],
)
def test_what_a_negation_of_a_negation_and_its_near_misses_say(
    text: str, said_words: set[str], denied_words: set[str]
) -> None:
    assert said_words <= set(said(text)), analyse(text)
    assert denied_words <= set(denied(text)), analyse(text)


def test_an_outrage_at_a_clause_says_it() -> None:
    """ "It is absurd that X" is angry that X is so; "the idea that X is absurd" denies X."""
    assert {"resident", "scan", "face"} <= set(
        said("It is absurd that residents must scan their faces.")
    )


@pytest.mark.parametrize(
    "text",
    [
        "The lock dont record visitors.",
        "The lock does'nt record visitors.",
        "The lock do't record visitors.",
        "The lock doesnt record visitors.",
    ],
)
def test_a_negation_typed_in_a_hurry_still_denies(text: str) -> None:
    """A student's "dont", "does'nt" or "do't" is "don't"."""
    assert {"record", "visitor"} <= set(denied(text))


def test_a_mistyped_grammatical_word_still_steers_the_reading() -> None:
    """ "becuase" ends a negation as "because" does: the reason after it is said."""
    text = "A tenant who won't hand over a photo loses the flat, becuase moving in depends on it."
    assert {"move", "depend"} <= set(said(text))
    assert "gong" in {t.text for t in analyse("The gong rang.")}  # a real word stays itself


@pytest.mark.parametrize("turn", ["then again", "on the other hand", "however"])
def test_a_turning_phrase_ends_a_negation_like_however(turn: str) -> None:
    """ "then again", "mind you", "on the other hand" turn as "however" does: the
    negation before them does not reach the clause after them."""
    text = f"The lock does not log visitors {turn} it stores their faces."
    assert {"log", "visitor"} <= set(denied(text))
    assert {"store", "face"} <= set(said(text))
    assert "mind" in denied("It does not mind you arriving late.")  # a verb here


def test_a_than_with_no_comparative_is_rather_than() -> None:
    """A "than" that follows no comparative in its clause is a "rather than" with the
    "rather" left out; after a comparative it compares and denies nothing."""
    assert {"access", "control"} <= set(
        denied("It is surveillance of the public than access control.")
    )
    assert not denied("Guards are cheaper than face gates.")
    assert not denied("It is more about control than safety.")


def test_a_not_opening_a_clause_after_a_comma_denies_that_clause() -> None:
    """ "X, not how well it works" denies that it works well (a "not how" elsewhere
    leaves the question open), up to the clause's end."""
    assert "work" in denied("Big numbers show how large the scheme is, not how well it works.")
    text = "It records visitors, not whether they are criminals, and it keeps the log."
    assert "criminal" in denied(text)
    assert {"keep", "log"} <= set(said(text))
    assert "work" not in denied("It is not clear how well it works.")


def test_no_with_a_modal_noun_denies_its_infinitive() -> None:
    """ "no right to ask", "no need to scan": the infinitive is denied with the noun
    (not "no access to the data": the data is there)."""
    assert {"right", "ask"} <= set(denied("A subsidised flat has no right to ask more."))
    assert "scan" in denied("There is no need to scan every face.")
    assert "datum" not in denied("Guards have no access to data, so tenants trust them.")
