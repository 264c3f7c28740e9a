"""A source's `file` is looked up inside the source folders and the map's folder only.

A map is data from anywhere: if `file: ../../../etc/passwd` were read, a map
could make `argmap check` say whether any file the user can read holds a
given line (a quote "occurs" or not).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.checking import check_map, leaves_its_folder
from argmap.loading import load_map

MAP = """\
argmap: 1
map: {{id: m, title: Paths, theses: [t]}}
sources:
  - {{id: s, title: A text, file: '{file}'}}
claims:
  - id: t
    text: A thesis that quotes a text.
    kind: fact
    evidence:
      - {{source: s, locator: line 1, quote: "{quote}"}}
"""


@pytest.mark.parametrize(
    "file", ["../secret.txt", "sub/../../secret.txt", "/tmp/secret.txt", "~/secret.txt"]
)
def test_a_file_outside_the_folders_is_not_read(tmp_path: Path, file: str) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("the secret line\n", encoding="utf-8")
    folder = tmp_path / "maps"
    folder.mkdir()
    path = folder / "m.yaml"
    path.write_text(MAP.format(file=file, quote="not in it"), encoding="utf-8")
    loaded = load_map(path).map
    assert loaded is not None
    found = check_map(loaded, [tmp_path, folder])
    codes = [d.code for d in found]
    assert "W405" in codes, codes
    assert "E305" not in codes  # the file was never read, so no quote is judged against it
    w405 = next(d for d in found if d.code == "W405")
    assert w405.line == 4 and "'..'" in w405.hint


def test_a_name_or_a_path_inside_is_read(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("the quoted words\n", encoding="utf-8")
    path = tmp_path / "m.yaml"
    path.write_text(MAP.format(file="texts/a.txt", quote="not there"), encoding="utf-8")
    loaded = load_map(path).map
    assert loaded is not None
    codes = [d.code for d in check_map(loaded, [])]
    assert "E305" in codes and "W405" not in codes  # read beside the map, and checked


def test_what_counts_as_leaving() -> None:
    assert leaves_its_folder("../x.txt") and leaves_its_folder("/etc/passwd")
    assert leaves_its_folder("~/x") and leaves_its_folder("a/../../x")
    assert leaves_its_folder("..\\x.txt")  # a Windows step up
    assert not leaves_its_folder("004_60bae92d8dc11944.txt")
    assert not leaves_its_folder("texts/a.txt") and not leaves_its_folder("a..b.txt")
