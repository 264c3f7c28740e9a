"""The class report reads each answer against the map it came from (issue 18)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fsrs import Rating

from argmap.bundled import bundled_maps_dir
from argmap.classroom.progress_export import build_export
from argmap.cli import main
from argmap.loading import load_map
from argmap.map_identity import identify, text_hash
from argmap.model import Map
from argmap.training.progress import DATABASE_NAME, AnswerRecord, Progress
from tests.classroom.progress_maker import write_export

FACE = bundled_maps_dir() / "face-at-the-door.yaml"
EXAMPLE = bundled_maps_dir() / "example-smart-locks.yaml"
FACE_HASH = text_hash(FACE.read_text("utf-8"))
EXAMPLE_HASH = text_hash(EXAMPLE.read_text("utf-8"))


def _loaded(path: Path) -> Map:
    result = load_map(path)
    assert result.map is not None
    return result.map


# Both bundled maps have a theme `subletting`, under different names.
FACE_MAP, EXAMPLE_MAP = _loaded(FACE), _loaded(EXAMPLE)
FACE_SUBLETTING = FACE_MAP.themes["subletting"]
EXAMPLE_SUBLETTING = EXAMPLE_MAP.themes["subletting"]
assert FACE_SUBLETTING != EXAMPLE_SUBLETTING
ROWS = [("rebut", "sublet-common", ("subletting",), False), ("rebut", "x", ("subletting",), True)]


def report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str
) -> tuple[int, str, str, str]:
    """Run class-report; its exit code, stdout, stderr and the HTML written."""
    out = tmp_path / "report.html"
    code = main(["class-report", *args, "-o", str(out)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err, out.read_text("utf-8") if out.exists() else ""


def test_themes_are_named_by_the_map_the_answers_came_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = write_export(
        tmp_path / "sam.json", "Sam", ROWS, "face-at-the-door", map_sha256=FACE_HASH
    )
    code, out, err, html = report(capsys, tmp_path, str(export))
    assert code == 0, err
    assert FACE_SUBLETTING in out and FACE_SUBLETTING in html
    assert EXAMPLE_SUBLETTING not in out and EXAMPLE_SUBLETTING not in html
    assert "About the maps" not in out  # the version drilled was found: nothing to say


def test_a_bundled_map_name_is_accepted_by_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = write_export(
        tmp_path / "sam.json", "Sam", ROWS, "face-at-the-door", map_sha256=FACE_HASH
    )
    code, out, err, _ = report(capsys, tmp_path, str(export), "--map", "face-at-the-door")
    assert code == 0
    assert "cannot read" not in err and FACE_SUBLETTING in out


def test_the_version_drilled_wins_over_another_of_the_same_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A teacher's edited copy keeps the map id; the hash says which copy the class used."""
    edited = tmp_path / "our-copy.yaml"
    edited.write_text(
        FACE.read_text("utf-8").replace(FACE_SUBLETTING, "Subletting (our wording)"), "utf-8"
    )
    edited_hash = text_hash(edited.read_text("utf-8"))
    export = write_export(
        tmp_path / "sam.json", "Sam", ROWS, "face-at-the-door", map_sha256=edited_hash
    )
    code, out, _, _ = report(capsys, tmp_path, str(export), "--map", str(edited))
    assert code == 0 and "Subletting (our wording)" in out
    assert "another version" not in out
    # Without the copy, the report uses the bundled map and says it may not match.
    code, out, _, html = report(capsys, tmp_path, str(export))
    assert code == 0 and FACE_SUBLETTING in out
    assert "another version" in out and edited_hash[:12] in out
    assert "another version" in html and "--map" in html


def test_several_maps_are_reported_per_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    face = write_export(tmp_path / "a.json", "Ann", ROWS, "face-at-the-door", map_sha256=FACE_HASH)
    example = write_export(
        tmp_path / "b.json", "Ben", ROWS[:1], "smart-locks-example", map_sha256=EXAMPLE_HASH
    )
    code, out, _, html = report(capsys, tmp_path, str(face), str(example))
    assert code == 0
    lines = out.splitlines()
    face_at = lines.index(next(x for x in lines if x.startswith(f"Map {FACE_MAP.title} (")))
    example_at = lines.index(next(x for x in lines if x.startswith(f"Map {EXAMPLE_MAP.title} (")))
    assert "(face-at-the-door): 2 answers, 50% correct" in lines[face_at]
    assert "(smart-locks-example): 1 answer, 0% correct" in lines[example_at]
    # Each map's `subletting` under its own name, in its own section.
    face_section = lines[face_at : example_at if example_at > face_at else None]
    example_section = lines[example_at : face_at if face_at > example_at else None]
    assert any(FACE_SUBLETTING in line and "(1/2)" in line for line in face_section)
    assert any(EXAMPLE_SUBLETTING in line and "(0/1)" in line for line in example_section)
    assert not any(EXAMPLE_SUBLETTING in line for line in face_section)
    assert html.count(f"<h3>{FACE_MAP.title} ") == 1
    assert html.count(f"<h3>{EXAMPLE_MAP.title} ") == 1
    # Each map's table lists the students who drilled it, no one else.
    face_html = html.split(f"<h3>{FACE_MAP.title} ")[1].split("<h3>")[0]
    example_html = html.split(f"<h3>{EXAMPLE_MAP.title} ")[1].split("<h3>")[0]
    assert "<td>Ann</td>" in face_html and "<td>Ben</td>" not in face_html
    assert "<td>Ben</td>" in example_html and "<td>Ann</td>" not in example_html
    assert "1 answer, 0% correct." in example_html


def test_an_older_export_is_still_read_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = write_export(tmp_path / "old.json", "Sam", ROWS, "face-at-the-door", version=1)
    assert "maps" not in json.loads(old.read_text())
    code, out, _, html = report(capsys, tmp_path, str(old))
    assert code == 0
    assert FACE_SUBLETTING in out  # theme names from the map with the same id
    assert "2 answers do not record which version of the map" in out
    assert "do not record which version" in html


def test_a_map_no_one_has_is_named_with_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = write_export(
        tmp_path / "s.json", "Sam", ROWS, "our-debate", map_sha256="b" * 64, map_name="our-map"
    )
    code, out, _, _ = report(capsys, tmp_path, str(export))
    assert code == 0
    assert "map our-debate (2 answers) is not among the maps read" in out
    assert "--map our-map" in out
    assert "subletting" in out  # the theme shown by its id


def test_a_malformed_map_record_leaves_the_file_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write_export(tmp_path / "bad.json", "Sam", ROWS, "face-at-the-door", map_sha256="c" * 64)
    document = json.loads(bad.read_text())
    document["answers"][0]["map_sha256"] = "not-a-hash"
    bad.write_text(json.dumps(document))
    code, out, _, _ = report(capsys, tmp_path, str(bad))
    assert code == 1
    assert "answer 1: 'map_sha256' should be 64 hex digits" in out


def test_an_export_records_the_map_its_answers_came_from(tmp_path: Path) -> None:
    """From the drill's record to the export to the report, one hash."""
    face = FACE_MAP
    identity = identify(face)
    assert identity is not None and identity.sha256 == FACE_HASH
    database = tmp_path / DATABASE_NAME
    with Progress.open(database) as progress:
        progress.record(AnswerRecord("old-map", "rebut", "a", (), True, 1.0, Rating.Good))
        progress.record(
            AnswerRecord(
                face.id, "rebut", "sublet-common", ("subletting",), False, 0.0, Rating.Again,
                map=identity,
            )
        )  # fmt: skip
    document = build_export(database, "Sam")
    assert document["format"] == "argmap-progress/2"
    assert document["maps"] == [
        {"id": "face-at-the-door", "name": "face-at-the-door", "title": face.title,
         "sha256": FACE_HASH}
    ]  # fmt: skip
    assert [a["map_sha256"] for a in document["answers"]] == [None, FACE_HASH]
    text = json.dumps(document)
    assert str(tmp_path) not in text and str(FACE.parent) not in text  # no paths


def test_a_maps_entry_without_its_hash_leaves_the_file_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write_export(tmp_path / "bad.json", "Sam", ROWS, "face-at-the-door", map_sha256="d" * 64)
    document = json.loads(bad.read_text())
    del document["maps"][0]["sha256"]
    bad.write_text(json.dumps(document))
    code, out, _, _ = report(capsys, tmp_path, str(bad))
    assert code == 1 and "maps entry 1: 'sha256' should be 64 hex digits" in out
