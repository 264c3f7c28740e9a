"""`argmap check --notes`: the authoring notes N504-N509, N511 and N512, one small map each.

Each map in tests/data/notes names in its header (`# expect: CODE LINE`) every
authoring note it must produce; any other authoring note is a false alarm.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.authoring_notes import (
    content_words,
    near_duplicates,
    pointing_opening,
    side_balance,
    split_terms,
)
from argmap.checking import check_map
from argmap.cli import main
from argmap.loading import load_map
from argmap.model import Claim, ClaimKind, KeyPoint
from argmap.sides import Side

NOTES = Path(__file__).resolve().parent.parent / "data" / "notes"
EXPECT = re.compile(r"^# expect: (N\d{3}) (\d+)$", re.MULTILINE)
AUTHORING = {"N504", "N505", "N506", "N507", "N508", "N509", "N511", "N512"}
DOCS = Path(__file__).resolve().parents[2] / "docs" / "format.md"


def authoring_notes(path: Path):
    result = load_map(path)
    assert result.map is not None and not [d for d in result.diagnostics if d.is_error]
    return [d for d in check_map(result.map, notes=True) if d.code in AUTHORING]


@pytest.mark.parametrize("path", sorted(NOTES.glob("*.yaml")), ids=lambda p: p.stem)
def test_each_map_gets_exactly_the_notes_its_header_promises(path: Path) -> None:
    expected = sorted((code, int(line)) for code, line in EXPECT.findall(path.read_text()))
    assert expected, f"{path.name} has no '# expect: CODE LINE' header"
    found = authoring_notes(path)
    assert sorted((d.code, d.line) for d in found) == expected, [d.render() for d in found]
    for diag in found:
        assert diag.path == str(path) and diag.col >= 1 and diag.hint
        assert diag.severity == "note"


def test_every_authoring_code_is_documented_and_has_a_map() -> None:
    documented = set(re.findall(r"^\| (N5\d\d) \| note \|", DOCS.read_text(), re.MULTILINE))
    assert documented >= AUTHORING
    covered = {c for p in NOTES.glob("*.yaml") for c, _ in EXPECT.findall(p.read_text())}
    assert covered == AUTHORING


def test_defeated_fact_names_its_attacker_and_the_right_hint() -> None:
    found = {d.line: d for d in authoring_notes(NOTES / "defeated-fact.yaml")}
    questioned, contradicted = found[15], found[29]
    assert "'safer'" in questioned.message and "from 'picked'" in questioned.message
    assert questioned.hint == (
        "an attack says the fact is false; if the claim only questions what the fact "
        "shows, use an undercut"
    )
    # Attacked by another sourced fact: the sources disagree, which may be right.
    assert "from 'all-by-june'" in contradicted.message
    assert contradicted.hint.startswith("another sourced fact contradicts it")


def test_authoring_notes_are_asked_for() -> None:
    """Callers that drop notes (import, the explorer) do not pay for them."""
    loaded = load_map(NOTES / "defeated-fact.yaml").map
    assert loaded is not None
    assert not [d for d in check_map(loaded) if d.code in AUTHORING]
    assert [d for d in check_map(loaded, notes=True) if d.code in AUTHORING]


def _claim(*key_points: KeyPoint) -> Claim:
    return Claim("c", "A claim.", ClaimKind.VALUE, key_points=key_points)


def test_split_terms_sees_a_thousands_group_after_a_short_number() -> None:
    assert split_terms(_claim(KeyPoint("cheap", ("10 yuan", "5", "000 faces")))) == [
        ("5", "000 faces")
    ]
    # "1,234,567" is one number cut twice; the next term starts a new list item.
    assert split_terms(_claim(KeyPoint("x", ("1", "234", "567", "people", "7", "000")))) == [
        ("1", "234", "567"),
        ("7", "000"),
    ]
    assert split_terms(_claim(KeyPoint("more than 100"), KeyPoint("000"))) == [
        ("more than 100", "000")
    ]
    # One term with its comma, a year, four digits before, or two digits after: no cut.
    assert not split_terms(_claim(KeyPoint("cheap", ("5,000 faces", "2019", "000"))))
    assert not split_terms(_claim(KeyPoint("x", ("in 2019", "000 faces"))))
    assert not split_terms(_claim(KeyPoint("x", ("5", "00 faces"))))


def test_split_number_quoted_in_the_file_is_not_noted(tmp_path: Path) -> None:
    """The terms "5" and "000 faces", written as two quoted terms, are not a cut number."""
    path = tmp_path / "m.yaml"
    path.write_text(
        "map: {id: m, title: T, theses: [a]}\n"
        "claims:\n"
        "  - id: a\n"
        "    text: The thesis.\n"
        "    kind: value\n"
        '    key_points: [{point: cheap, synonyms: ["5", "000 faces"]}]\n'
    )
    assert authoring_notes(path) == []


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("This rule applies to all estates.", "This rule"),
        ("The same commenter says so.", "The same commenter"),
        ("According to the report, 13 estates run it.", "According to the report"),
        ("As the article says, the locks log visitors.", "As the article"),
        ("He says the locks work.", "He says"),
        ("Those reports are old.", "Those reports"),
        ("Several of these uses are tests.", "Several of these uses"),
        ("None of the sources gives a figure.", None),
        ("Tenants say this is new.", None),
        ("The report by Xinhua says so.", None),
        ("The commenter ShadowNinja says so.", None),
        ("That people like it proves nothing.", None),
        ("Such as it is, the evidence is thin.", None),
        ("The locks log every visitor.", None),
        ("This", "This"),
        ("", None),
    ],
)
def test_pointing_opening(text: str, opening: str | None) -> None:
    assert pointing_opening(text) == opening


def test_content_words_fold_inflections_and_drop_function_words() -> None:
    assert set(content_words("A leaked face stays leaked; faces leak.")) == {"leak", "face", "stay"}
    assert set(content_words("It is not the case that it was so.")) == {"case"}


def test_near_duplicates_on_the_example_map_are_none(example_map_path: Path) -> None:
    loaded = load_map(example_map_path).map
    assert loaded is not None
    assert near_duplicates(loaded) == []
    assert not [d for d in check_map(loaded, notes=True) if d.code == "N506"]


def test_near_duplicate_of_identical_short_texts(tmp_path: Path) -> None:
    """Identical texts are duplicates even when all their words are common."""
    claims = "".join(
        f"  - {{id: c{i}, text: Faces leak., kind: value}}\n" for i in range(3)
    ) + "".join(
        f"  - {{id: o{i}, text: 'Faces leak, says witness x{chr(97 + i % 26)}"
        f"{chr(97 + i // 26)}.', kind: value}}\n"
        for i in range(60)
    )
    path = tmp_path / "m.yaml"
    path.write_text(
        "map: {id: m, title: T, theses: [c0]}\nclaims:\n" + claims + "relations:\n"
        "  - {type: attack, from: c1, to: c0}\n  - {type: attack, from: c2, to: c1}\n"
    )
    loaded = load_map(path).map
    assert loaded is not None
    pairs = [(a, b) for a, b, _, _ in near_duplicates(loaded)]
    # c1 attacks c0 and c2 attacks c1 (a denial repeats its target): only c0 ~ c2.
    assert pairs == [("c0", "c2")]


def test_side_balance_counts_per_thesis() -> None:
    loaded = load_map(NOTES / "balance.yaml").map
    assert loaded is not None
    housing = side_balance(loaded, "housing")
    assert housing["claims"] == {Side.PRO: 4, Side.CON: 4}
    assert housing["lowered base"] == {Side.PRO: 0, Side.CON: 4}
    assert housing["flaw"] == {Side.PRO: 2, Side.CON: 2}
    phones = side_balance(loaded, "phones")
    assert phones["lowered base"] == {Side.PRO: 2, Side.CON: 2}


def test_json_carries_the_notes_and_the_exit_code_is_unchanged(capsys) -> None:
    path = NOTES / "defeated-fact.yaml"
    assert main(["check", "--notes", "--format", "json", str(path)]) == 0
    payload = json.loads(capsys.readouterr().out)
    notes = [d for d in payload["diagnostics"] if d["code"] == "N504"]
    assert [(d["line"], d["col"], d["severity"]) for d in notes] == [
        (15, 9, "note"),
        (29, 9, "note"),
    ]
    assert all(d["hint"] and d["path"] == str(path) for d in notes)
    assert payload["errors"] == 0
    # Without --notes they are neither shown nor counted.
    assert main(["check", "--format", "json", str(path)]) == 0
    assert not [
        d for d in json.loads(capsys.readouterr().out)["diagnostics"] if d["code"] in AUTHORING
    ]


def test_check_notes_imports_neither_networkx_nor_clingo() -> None:
    """Nor the grader: the notes read only `argmap.grading.language`."""
    probe = (
        "import sys\n"
        "from argmap.cli import main\n"
        f"main(['check', '--notes', '--quiet', {str(NOTES / 'defeated-fact.yaml')!r}])\n"
        "heavy = sorted(m for m in ('networkx', 'clingo', 'textual', 'simplemma', "
        "'argmap.grading.grader') if m in sys.modules)\n"
        "print('HEAVY:' + ','.join(heavy))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "N504" in proc.stdout
    assert proc.stdout.strip().endswith("HEAVY:"), proc.stdout


def test_split_key_point_positions_count_lines_as_an_editor(tmp_path: Path) -> None:
    """A file with old Mac line ends (a lone CR) puts the note on the same line."""
    text = (NOTES / "split-key-points.yaml").read_text()
    path = tmp_path / "cr.yaml"
    path.write_bytes(text.replace("\n", "\r").encode())
    assert [(d.line, d.col) for d in authoring_notes(path)] == [(14, 29), (25, 18)]
