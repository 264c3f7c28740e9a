"""ICCMA readers (2023, apx, tgf) and the field's own instances."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.analysis.semantics import (
    IN,
    credulous,
    extension_ids,
    grounded,
    labellings,
    sceptical,
)
from argmap.formats.iccma import FrameworkFormatError, parse_framework, read_framework

DATA = Path(__file__).parent / "data" / "iccma"
EXPECTED = json.loads((DATA / "expected.json").read_text())


def _same(got: list[list[str]], want: list[list[str]]) -> bool:
    return sorted(map(sorted, got)) == sorted(map(sorted, want))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_instances_match_the_oracle(name: str) -> None:
    want = EXPECTED[name]
    fw = read_framework(DATA / name)
    assert len(fw.names) == want["arguments"]
    assert sum(map(len, fw.targets)) == want["attacks"]
    assert _same(extension_ids(fw, [grounded(fw)]), [want["grounded"]])
    for sem in ("complete", "preferred", "stable"):
        exts = extension_ids(fw, labellings(fw, sem).labellings)
        assert len(exts) == want[f"{sem}_count"]
        if sem in want:
            assert _same(exts, want[sem])
    q = fw.index[want["query"]]
    assert credulous(fw, q, "preferred") is want["credulous_preferred"]
    assert sceptical(fw, q, "preferred") is want["sceptical_preferred"]


def test_three_forms_give_the_same_framework() -> None:
    i23 = parse_framework("p af 3\n# a comment\n1 2\n2 3\n3 3\n")
    apx = parse_framework("arg(1).\narg(2).\narg(3). % three\natt(1,2).\natt(2,3).\natt(3,3).\n")
    tgf = parse_framework("1\n2\n3\n#\n1 2\n2 3\n3 3\n")
    for fw in (i23, apx, tgf):
        assert fw.names == ("1", "2", "3")
        assert sorted(fw.attacks) == [("1", "2"), ("2", "3"), ("3", "3")]
    assert [str(x) for x in grounded(apx)] == ["in", "out", "undec"]


def test_apx_keeps_ids_as_written() -> None:
    fw = parse_framework("arg(a7).\narg(b).\natt(a7,b).\n", "x.apx")
    assert fw.names == ("a7", "b")
    assert [fw.names[i] for i, lab in enumerate(grounded(fw)) if lab is IN] == ["a7"]


@pytest.mark.parametrize(
    ("text", "form", "line", "col", "words"),
    [
        ("p af 3\n1 2\n2 x\n", "i23", 3, 3, "not an argument number"),
        ("p af 3\n1 2\n2 4\n", "i23", 3, 3, "outside 1..3"),
        ("p af 3\n1 2 3\n", "i23", 2, 1, "two argument numbers"),
        ("1 2\n", "i23", 1, 1, "p af N"),
        ("arg(a).\natt(a,b).\n", "apx", 2, 7, "no arg(b)"),
        ("arg(a).\n  arg a\n", "apx", 2, 3, "expected 'arg(a).'"),
        ("a\n#\na c\n", "tgf", 3, 3, "not listed"),
    ],
)
def test_malformed_lines_name_line_and_column(
    text: str, form: str, line: int, col: int, words: str
) -> None:
    with pytest.raises(FrameworkFormatError) as caught:
        parse_framework(text, "bad.x", form)
    err = caught.value
    assert (err.line, err.col) == (line, col)
    assert words in err.message
    assert str(err).startswith(f"bad.x:{line}:{col}: ")


def test_form_detected_from_content() -> None:
    assert parse_framework("p af 2\n1 2\n").names == ("1", "2")
    assert parse_framework("arg(x).\n").names == ("x",)
    assert parse_framework("x\ny\n#\nx y\n").attacks == (("x", "y"),)
