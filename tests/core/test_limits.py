"""Issue 15, "Memory and time" and "Tracebacks": each hostile input refused or handled.

The inputs are small files in tests/data/hostile/limits (and bad/undercut-self.yaml);
shapes of thousands of items (chains, fans) are built here from a line pattern.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.analysis.cruxes import search_cruxes
from argmap.analysis.prepared import prepare
from argmap.analysis.strength import StrengthModel
from argmap.analysis.structure import thesis_structure
from argmap.cli import main
from argmap.debate.rules import relation_in_play
from argmap.formats.argdown import read_argdown
from argmap.formats.iccma import FrameworkFormatError, read_framework
from argmap.formats.import_result import IdPool, ImportFailed
from argmap.input_file import InputRefused, read_input
from argmap.loading import load_map, load_map_text
from argmap.safe_json import JsonProblem, load_json
from argmap.sides import Side

DATA = Path(__file__).resolve().parent.parent / "data" / "hostile" / "limits"
BAD = Path(__file__).resolve().parent.parent / "data" / "bad"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


# -- YAML inside Argdown goes through the guarded loader -------------------------------


@pytest.mark.parametrize("name", ["frontmatter-aliases.argdown", "data-aliases.argdown"])
def test_argdown_aliases_are_bounded(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (DATA / name).read_text()
    with pytest.raises(ImportFailed) as caught:
        read_argdown(text, name)
    diag = caught.value.diagnostic
    assert "aliases expand to more than 10,000 values" in diag.message
    assert "ARGMAP_MAX_EMBEDDED_ALIASES" in diag.hint
    assert diag.line >= 1 and diag.col > 1
    monkeypatch.setenv("ARGMAP_MAX_EMBEDDED_ALIASES", "20000")
    assert read_argdown(text, name).map.claims  # raised limit: the file imports


@pytest.mark.parametrize("name,line", [("deep-data.argdown", 1), ("deep-frontmatter.argdown", 2)])
def test_argdown_deep_yaml_is_refused(name: str, line: int) -> None:
    with pytest.raises(ImportFailed) as caught:
        read_argdown((DATA / name).read_text(), name)
    diag = caught.value.diagnostic
    assert "nesting deeper than 64 levels" in diag.message
    assert diag.line == line and "ARGMAP_MAX_DEPTH" in diag.hint


def test_argdown_data_keeps_numbers_and_text() -> None:
    result = read_argdown("[A]: A claim. {kind: fact, weight: 0.5, n: 3, tag: '0.5'}\n")
    claim = result.map.claims[0]
    assert claim.kind == "fact"
    assert claim.note is not None and '"weight": 0.5' in claim.note and '"tag": "0.5"' in claim.note


# -- JSON ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["aif", "json"])
def test_deep_json_is_refused_with_position(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "import", str(DATA / "deep.json"), "--from", fmt)
    assert code == 1
    assert "deep.json:1:" in out and "nesting deeper than 64 levels" in out
    assert "Traceback" not in out


def test_json_depth_position_and_long_numbers() -> None:
    with pytest.raises(JsonProblem) as caught:
        load_json('{"a": "[[[[", "b":\n  ' + "[" * 70 + "]" * 70 + "}")
    assert (caught.value.line, caught.value.col) == (2, 3 + 63)  # strings do not count
    with pytest.raises(JsonProblem) as caught:
        load_json((DATA / "json-long-number.json").read_text())
    assert caught.value.line == 3 and "digits" in caught.value.message


@pytest.mark.parametrize(
    "name,where",
    [
        ("json-themes.json", "claims[0].themes[0] should be text, found an object"),
        ("json-map-themes.json", "map.themes.x should be text, found a list"),
        ("json-long-number.json", "a value JSON cannot hold"),
    ],
)
def test_json_import_wrong_types(name: str, where: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "import", str(DATA / name), "--from", "json")
    assert code == 1 and where in out and "Traceback" not in out
    assert f"{name}:" in out


# -- ICCMA headers ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["declares-too-many.af", "declares-29-digits.af"])
def test_af_header_capped_by_what_the_file_names(name: str) -> None:
    with pytest.raises(FrameworkFormatError) as caught:
        read_framework(DATA / name)
    assert (caught.value.line, caught.value.col) == (1, 6)
    assert "ARGMAP_MAX_ARGUMENTS" in caught.value.message


def test_af_header_limit_can_be_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "few.af"
    path.write_text("p af 50\n1 2\n")
    monkeypatch.setenv("ARGMAP_MAX_ARGUMENTS", "10")
    with pytest.raises(FrameworkFormatError):
        read_framework(path)
    monkeypatch.setenv("ARGMAP_MAX_ARGUMENTS", "50")
    assert len(read_framework(path).names) == 50


def test_af_long_number_is_a_format_error() -> None:
    with pytest.raises(FrameworkFormatError) as caught:
        read_framework(DATA / "long-number.af")
    assert caught.value.line == 2 and "outside 1..3" in caught.value.message


def test_preferred_extensions_capped_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(
        capsys, "analyze", str(DATA / "pairs-2-to-the-40.af"), "--semantics", "preferred"
    )
    assert code == 0
    assert "preferred: 1000 extensions (capped" in out and "--max-extensions" in out
    code, out = run(
        capsys,
        "analyze",
        str(DATA / "pairs-2-to-the-40.af"),
        "--semantics",
        "preferred",
        "--max-extensions",
        "5",
        "--json",
    )
    assert code == 0 and '"extension_counts"' in out and '"preferred": 5' in out


# -- what is not a regular file, and the size limit ----------------------------------------


@pytest.mark.parametrize(
    "command",
    [["check"], ["analyze"], ["import", "--from", "kialo"], ["analyze", "--semantics", "grounded"]],
)
def test_devices_and_fifos_are_refused(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.af"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo), str(tmp_path)):
        code, out = run(capsys, command[0], path, *command[1:])
        assert code == 2, out
        assert "not a regular file" in out and "Traceback" not in out


def test_size_limit_names_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    small = (BAD.parent / "hostile" / "limits" / "undercut-circle.yaml").read_text()
    big = tmp_path / "padded.yaml"
    big.write_text(small + ("# padding\n" * 120_000))  # about 1.2 MB
    monkeypatch.setenv("ARGMAP_MAX_FILE_MB", "1")
    with pytest.raises(InputRefused) as caught:
        read_input(big)
    assert "over the limit of 1 MB" in caught.value.strerror
    assert "ARGMAP_MAX_FILE_MB" in caught.value.strerror
    code, out = run(capsys, "check", str(big))
    assert code == 2 and "ARGMAP_MAX_FILE_MB" in out
    monkeypatch.setenv("ARGMAP_MAX_FILE_MB", "2")
    assert load_map(big).map is not None


# -- undercuts: circles are errors, chains recurse nowhere ---------------------------


def test_undercut_circles_are_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "check", str(DATA / "undercut-circle.yaml"))
    assert code == 1
    assert "error[E308]: undercuts 'r1', 'r2' undercut each other in a circle" in out
    code, out = run(capsys, "check", str(BAD / "undercut-self.yaml"))
    assert code == 1 and "undercut 'r2' undercuts itself" in out


def test_round_rules_on_an_undercut_circle() -> None:
    m = load_map(DATA / "undercut-circle.yaml").map
    played = dict.fromkeys(("t", "a", "b", "c"), Side.PRO)
    assert relation_in_play(m, m.relations_by_id["r1"], played) is False
    assert relation_in_play(m, m.relations_by_id["r3"], played) is True


def _undercut_chain(n: int) -> str:
    lines = [
        "map: {id: u, title: Undercut chain, theses: [t]}",
        "claims:",
        "  - {id: t, text: T, kind: value}",
        "  - {id: a, text: A, kind: value}",
    ]
    lines += [f"  - {{id: c{i}, text: C{i}, kind: value}}" for i in range(n)]
    lines += ["relations:", "  - {id: r0, type: support, from: a, to: t}"]
    lines += [f"  - {{id: r{i + 1}, type: undercut, from: c{i}, to: r{i}}}" for i in range(n)]
    return "\n".join(lines) + "\n"


def test_long_undercut_chain_has_no_recursion() -> None:
    m = load_map_text(_undercut_chain(3000)).map
    structure = thesis_structure(m, "t")
    assert structure.max_depth == 3001
    assert structure.sides["c0"] == "con" and structure.sides["c1"] == "pro"
    played = dict.fromkeys((c.id for c in m.claims), Side.PRO)
    assert relation_in_play(m, m.relations_by_id["r3000"], played)
    found = search_cruxes(prepare(m), "t")
    assert not found.bounded and found.checked == 3001


# -- cruxes: the propagated removal agrees with a full recomputation --------------------


def _fan_and_chain() -> str:
    lines = [
        "map: {id: f, title: Fan and chain, theses: [t]}",
        "claims:",
        "  - {id: t, text: T, kind: value}",
    ]
    lines += [f"  - {{id: f{i}, text: F{i}, kind: value, base: 0.{i % 9 + 1}}}" for i in range(40)]
    lines += [f"  - {{id: k{i}, text: K{i}, kind: value}}" for i in range(30)]
    lines += ["  - {id: one, text: Full, kind: value, base: 1}", "relations:"]
    lines += [
        f"  - {{type: {'attack' if i % 3 else 'support'}, from: f{i}, to: t}}" for i in range(40)
    ]
    lines += ["  - {type: attack, from: k0, to: f0}"]
    lines += [f"  - {{type: attack, from: k{i}, to: k{i - 1}}}" for i in range(1, 30)]
    lines += ["  - {type: attack, from: one, to: f1}"]
    return "\n".join(lines) + "\n"


def test_removal_effects_match_full_recomputation() -> None:
    m = load_map_text(_fan_and_chain()).map
    model = StrengthModel(m)
    before = model.evaluate().strength["t"]
    effects = model.removal_effects("t")
    assert set(effects) == {c.id for c in m.claims} - {"t"}
    for claim, delta in effects.items():
        exact = model.evaluate(removed=[claim]).strength["t"] - before
        assert delta == pytest.approx(exact, abs=1e-12), claim


def test_crux_search_bounded_nearest_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    m = load_map_text(_fan_and_chain()).map
    found = search_cruxes(prepare(m), "t", work=150)
    assert found.bounded and 0 < found.checked < found.candidates
    assert not {c.claim for c in found.cruxes} & {f"k{i}" for i in range(5, 30)}
    path = tmp_path / "fan.yaml"
    path.write_text(_fan_and_chain())
    monkeypatch.setenv("ARGMAP_MAX_CRUX_WORK", "150")
    code, out = run(capsys, "analyze", str(path))
    assert code == 0 and "claims examined, nearest the thesis first" in out
    assert "ARGMAP_MAX_CRUX_WORK" in out


def test_id_pool_suffixes() -> None:
    pool = IdPool()
    assert [pool.take("a") for _ in range(4)] == ["a", "a-2", "a-3", "a-4"]
    pool.used.add("b-2")
    assert [pool.take("b"), pool.take("b")] == ["b", "b-3"]
