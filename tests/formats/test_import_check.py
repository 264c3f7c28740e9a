"""`argmap import` checks the map it built (`check_import`), not the YAML it writes,
read again: the same findings at the same places in the input, and a written
file that loads back to the map that was checked.

The reference is what `import` did before: write the YAML, load it, run
`check_map` on it, and point each finding at the origin of the record it lies
in (the first thesis when it lies in none). It is kept here as the oracle.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import replace
from pathlib import Path

import pytest
from formats_roundtrip import DATA

from argmap.checking import check_map
from argmap.cli import main
from argmap.commands.import_map import check_import
from argmap.diagnostics import Diagnostic, Severity
from argmap.formats.aif import read_aif
from argmap.formats.argdown import read_argdown
from argmap.formats.argmap_yaml import read_back, write_yaml
from argmap.formats.import_result import ImportResult
from argmap.formats.json_import import read_json
from argmap.formats.kialo import read_kialo
from argmap.loading import load_map, load_map_text
from argmap.model import Pos


def _by_rereading(result: ImportResult, written_as: str) -> list[Diagnostic]:
    """The findings as import made them before: from the written YAML, read again."""
    loaded = load_map_text(write_yaml(result.map, result.origins, result.path), written_as)
    assert loaded.map is not None
    findings = [
        d
        for d in [*loaded.diagnostics, *check_map(loaded.map, notes=False)]
        if d.severity is not Severity.NOTE
    ]
    m = loaded.map
    spans = sorted(
        [(c.pos.line, c.id) for c in m.claims]
        + [(r.pos.line, r.id) for r in m.relations]
        + [(s.pos.line, s.id) for s in m.sources]
    )
    lines = [line for line, _ in spans]
    thesis = result.origins.get(result.map.theses[0], Pos()) if result.map.theses else Pos()
    out = []
    for d in findings:
        index = bisect_right(lines, d.line) - 1
        origin = result.origins.get(spans[index][1], Pos()) if index >= 0 and d.line else Pos()
        if not origin.line:
            origin = thesis
        out.append(replace(d, path=result.path, line=origin.line, col=origin.col))
    return out


def _key(diags: list[Diagnostic]) -> list[tuple[object, ...]]:
    """A line named inside a message ("first at line 9") was a line of the written
    YAML before; it is the input's line now, or 0 where the importer gives none."""
    return sorted(
        (d.path, d.line, d.col, str(d.severity), d.code, re.sub(r"line \d+", "line N", d.message))
        for d in diags
    )


_AIF = json.dumps(
    {
        "title": " Two \u202e sides ",
        "nodes": [
            {"nodeID": "1", "type": "I", "text": 'Cars: "pollute" #a [b] {c}'},
            {"nodeID": "2", "type": "I", "text": "- null\ttrue \x01"},
            {"nodeID": "3", "type": "I", "text": "yes\u2028no \ufffe"},
            {"nodeID": "4", "type": "I", "text": "alone"},
            {"nodeID": "a b", "type": "I", "text": "a b"},
            {"nodeID": "a-b", "type": "I", "text": "a-b"},
            {"nodeID": "r", "type": "RA"},
            {"nodeID": "c", "type": "CA"},
            {"nodeID": "u", "type": "CA"},
        ],
        "edges": [
            {"fromID": "2", "toID": "r"},
            {"fromID": "r", "toID": "1"},
            {"fromID": "3", "toID": "c"},
            {"fromID": "c", "toID": "2"},
            {"fromID": "a b", "toID": "u"},
            {"fromID": "u", "toID": "r"},
        ],
    },
    indent=1,
)
_JSON_WITH_ERRORS = json.dumps(
    {
        "format": "argmap/1",
        "map": {"id": "m", "title": "T", "theses": ["t", "nope"]},
        "claims": [
            {"id": "t", "text": " thesis ", "kind": "value"},
            {"id": "t", "text": "again", "kind": "fact", "line": 7},
            {"id": "bad id", "text": "x", "kind": "value"},
            {"id": "q", "text": "q", "kind": "value", "base": 2},
        ],
        "relations": [{"type": "support", "from": "q", "to": "ghost"}],
    },
    indent=1,
)


@pytest.mark.parametrize(
    ("reader", "text"),
    [
        (read_aif, _AIF),
        (read_aif, (DATA / "aif" / "corpus-style.json").read_text(encoding="utf-8")),
        (read_kialo, (DATA / "kialo" / "old-format.txt").read_text(encoding="utf-8")),
        (read_argdown, (DATA / "argdown-core" / "intro.argdown").read_text(encoding="utf-8")),
        (
            read_argdown,
            "[T]: a \u202e thesis #(x y)\n  + <A>: a \x01 reason: yes\n  - [T]: itself\n",
        ),
    ],
    ids=["aif-awkward", "aif-corpus", "kialo", "argdown", "argdown-awkward"],
)
def test_findings_are_those_the_written_yaml_read_again_gives(reader, text: str) -> None:  # type: ignore[no-untyped-def]
    result = reader(text, "in.file")
    back, findings = check_import(result, "out.yaml")
    assert back.map is not None
    assert _key(findings) == _key(_by_rereading(result, "out.yaml"))
    loaded = load_map_text(write_yaml(result.map, result.origins, "in.file"), "out.yaml")
    assert loaded.map == back.map


def test_the_json_case_points_each_finding_at_its_own_object() -> None:
    """Not the oracle's answer: it finds a record by its id, so of two claims `t` it
    names the first twice, and a claim whose id is not valid it puts in the record
    above. The JSON reader places every record at its own object."""
    result = read_json(_JSON_WITH_ERRORS, "in.json")
    back, findings = check_import(result, "out.yaml")
    assert back.map is not None
    lines = _JSON_WITH_ERRORS.splitlines()
    assert lines[11] == "  {" and lines[12].strip() == '"id": "t",'  # the first claim t
    assert lines[16] == "  {" and lines[17].strip() == '"id": "t",'  # the second
    assert sorted((d.line, d.col, d.code, d.message) for d in findings) == [
        (12, 3, "E301", "thesis 'nope' is not a claim of this map"),  # the map: the thesis
        (17, 3, "E300", "claim id 't' is used more than once (first at line 12)"),
        (17, 3, "W402", "fact 't' has no evidence"),
        (23, 3, "E203", "'bad id' is not a valid id"),
        (28, 3, "E203", "base 2 is outside 0 to 1"),
        (28, 3, "W401", "claim 'q' is not connected to any thesis"),
        (36, 3, "E301", "relation 'support:q->ghost' points to unknown claim 'ghost'"),
    ]
    assert all(d.path == "in.json" for d in findings)
    loaded = load_map_text(write_yaml(result.map, result.origins, "in.json"), "out.yaml")
    assert loaded.map == back.map


def test_the_written_file_loads_back_to_the_checked_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.json"
    source.write_text(_AIF, encoding="utf-8")
    out = tmp_path / "out.yaml"
    assert main(["import", str(source), "--from", "aif", "-o", str(out)]) == 0
    capsys.readouterr()
    written = load_map(out)
    built = read_aif(_AIF, str(source)).map
    assert written.map is not None and written.ok
    assert written.map == read_back(built, str(out)).map
    assert written.map.claim("i2").text == "- null true"  # the control character dropped
    assert written.map.claim("i3").text == "yes no \ufffe"  # U+2028 is white space to AIF
    assert written.map.title == "Two \u202e sides"


def test_half_a_surrogate_pair_is_refused_with_one_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.json"
    source.write_text('{"nodes": [{"nodeID": "1", "type": "I", "text": "a\\ud800b"}]}')
    out = tmp_path / "out.yaml"
    assert main(["import", str(source), "--from", "aif", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "U+D800" in err and "nothing written" in err and "Traceback" not in err
    assert not out.exists()
