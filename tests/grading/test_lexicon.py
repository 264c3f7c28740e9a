"""Word relations: synonyms, antonyms, typos, morphological negation; offline loading."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from argmap.grading.language import analyse, sentences_of
from argmap.grading.lexicon import edit_distance, lexical_similarity, opposite, word_similarity


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("open", "closed"),
        ("increase", "decrease"),
        ("easy", "hard"),
        ("same", "different"),
        ("separate", "joint"),
        ("connected", "unconnected"),
        ("more", "less"),
        ("unsourced", "sourced"),  # a prefix WordNet does not list, on a word it does not know
        ("minute", "large"),
        ("cheaper", "expensive"),  # a comparison is the adjective's own form
        ("worse", "better"),
    ],
)
def test_opposites(a: str, b: str) -> None:
    assert opposite(a, b) and opposite(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("improve", "prove"),  # "im-prove" is not a negated "prove": WordNet knows "improve"
        ("test", "running"),
        ("photo", "picture"),
        ("salt", "water"),
        ("lent", "borrowed"),  # converses: one exchange from its two sides
        ("sold", "bought"),
        # "easy" is "slowly" only in a sense WordNet's concordance never tagged
        ("easy", "quickly"),
        ("quickly", "easy"),
        # an adjective's opposites are not its homonyms': no adjective is plural or past
        ("minutes", "large"),
        ("large", "minutes"),
        ("meant", "abnormal"),
        ("opens", "protected"),
    ],
)
def test_not_opposites(a: str, b: str) -> None:
    assert not opposite(a, b)


def test_similarity_by_lemma_synonym_derivation_and_typo() -> None:
    assert lexical_similarity("evaporated", "evaporates") == 1.0
    assert lexical_similarity("photo", "photograph") >= 0.8  # WordNet, both ways
    assert lexical_similarity("evaporate", "evaporation") >= 0.8
    assert lexical_similarity("convertions", "conversions") >= 0.8  # one slip
    assert lexical_similarity("test", "run") == 0.0  # "run" lists "test"; "test" not "run"
    assert lexical_similarity("not", "now") == 0.0  # short words must be exact
    # a shared stem is a derivation, but the one who does it is not the deed
    assert lexical_similarity("verifiable", "verified") >= 0.8
    assert lexical_similarity("operation", "operator") == 0.0


def test_edit_distance_counts_a_swap_as_one() -> None:
    assert edit_distance("form", "from", 2) == 1
    assert edit_distance("abcdef", "uvwxyz", 2) == 3  # gives up past the limit


def test_grading_never_touches_the_network() -> None:
    """The language resources load from the installed packages with sockets disabled."""
    code = textwrap.dedent("""
        import socket
        def refuse(*a, **k):
            raise OSError("network used")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        from argmap.grading import Reference, assess
        graded = assess("The water evaporated and left the salt behind.",
                        [Reference("The water was evaporated, leaving the salt.")])
        print(graded.verdict)
    """)
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "", "HOME": "/nonexistent"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "correct"


def test_importing_the_core_loads_no_language_resource() -> None:
    code = (
        "import sys, argmap.cli, argmap.grading, argmap.training.session; "
        "print(sorted(m for m in ('wordllama', 'simplemma', 'numpy') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("connected", "separated"),  # across inflections, by lemma
        ("linked", "gap"),  # across parts of speech
        ("welcomed", "resent"),
        ("neutral", "partisan"),
        ("safer", "vulnerable"),
        ("admits", "excludes"),
        ("reduces", "increase"),
    ],
)
def test_opposites_wordnet_does_not_pair(a: str, b: str) -> None:
    assert opposite(a, b) and opposite(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [("connected", "linked"), ("gap", "separate"), ("welcome", "embrace"), ("hate", "fear")],
)
def test_words_of_one_group_are_not_opposites(a: str, b: str) -> None:
    assert not opposite(a, b)


def _full_distance(a: str, b: str) -> int:
    """Optimal string alignment without a limit: the reference for the fast version."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(
                d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("resident", "xresident"),  # an edit at the front...
        ("resident", "residentx"),  # ... or at the end
        ("resident", "rezident"),
        ("resident", "eesidenx"),  # both ends: two edits
        ("abc", "xbc"),
        ("abc", "xby"),
        ("neighbours", "nieghbours"),
        ("recognise", "reconise"),
    ],
)
def test_edit_distance_within_one_agrees_with_the_full_computation(a: str, b: str) -> None:
    assert (edit_distance(a, b, 1) <= 1) == (_full_distance(a, b) <= 1)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("2,000", "2000", True),
        ("ten", "10", True),
        ("millions", "million", True),
        ("2000", "5000", False),  # the embeddings find these alike
        ("20000", "2000", False),  # a typo's one edit is another figure
        ("million", "billion", False),  # WordNet: both "a large indefinite number"
    ],
)
def test_numbers_meet_only_their_equal(a: str, b: str, same: bool) -> None:
    assert (word_similarity(a, b) == 1.0) is same
    if not same:
        assert word_similarity(a, b) == 0.0


def test_a_decimal_point_and_a_thousands_separator_do_not_split_a_number() -> None:
    tokens = analyse("Rents rose 3.5 times, to 2,000 yuan. Terminals 1,2 and 3 are on.")
    assert [t.text for t in tokens if t.text[0].isdigit()] == ["3.5", "2,000", "1", "2", "3"]
    assert {t.sentence for t in tokens if t.text in {"rents", "yuan"}} == {0}
    assert sentences_of("It costs 3.5 yuan. Then more.") == ["It costs 3.5 yuan", " Then more", ""]
