"""The README's `check --sources` example names a folder a user has, and does what it says."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from argmap.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"

MAP = """\
argmap: 1
map:
  id: my-debate
  title: My debate
  theses: [t]
sources:
  - id: minutes
    title: Council minutes
    file: council-minutes.txt
claims:
  - id: t
    text: The council should fund the library.
    kind: policy
  - id: f
    text: The council said the library is well used.
    kind: fact
    evidence:
      - source: minutes
        locator: item 4
        quote: {quote}
relations:
  - {{type: support, from: f, to: t}}
"""


def readme_commands() -> list[list[str]]:
    """Every `$ argmap ...` line of the README's examples, split as a shell would."""
    return [
        shlex.split(line)
        for line in re.findall(r"^\$ (argmap .*)$", README.read_text("utf-8"), re.M)
    ]


def test_every_sources_folder_in_the_readme_is_one_of_the_users_own() -> None:
    folders = [
        args[args.index("--sources") + 1] for args in readme_commands() if "--sources" in args
    ]
    assert folders, "the README shows --sources"
    for folder in folders:
        # Not a folder of this repository's surroundings (the old ../shared/sources).
        assert ".." not in Path(folder).parts and "shared" not in folder, folder
    text = README.read_text("utf-8")
    assert "`--sources DIR` names a folder" in text and "`file:" in text


@pytest.mark.parametrize(
    ("quote", "code"), [("the library is well used", 0), ("the library is always full", 1)]
)
def test_the_readme_example_checks_quotes_against_the_users_folder(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    quote: str,
    code: int,
) -> None:
    """As the README says: DIR/<the source's file:> is read, and each quote must be in it."""
    monkeypatch.chdir(tmp_path)
    [example] = [a for a in readme_commands() if "--sources" in a and a[2].endswith(".yaml")]
    map_name, folder = example[2], example[example.index("--sources") + 1]
    (tmp_path / map_name).write_text(MAP.format(quote=quote), "utf-8")
    (tmp_path / folder).mkdir()
    (tmp_path / folder / "council-minutes.txt").write_text(
        "Item 4. Members noted that the library is well used by families.", "utf-8"
    )
    assert main(example[1:]) == code
    out = capsys.readouterr().out
    assert ("E305" in out) is (code == 1)
