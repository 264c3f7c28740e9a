"""The format registry: every `--from`/`--to` name resolves, unknown names are
refused as before, and a command loads only the format it uses."""

from __future__ import annotations

import inspect
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from formats_roundtrip import DATA, EXAMPLE

from argmap.cli import main
from argmap.formats import registry
from argmap.formats.import_result import ImportResult
from argmap.loading import load_map

# The names of the string tables this registry replaced: none may go missing.
OLD_READERS = ["aif", "argdown", "json", "kialo"]
OLD_WRITERS = [
    "aif",
    "argdown",
    "dot",
    "graphml",
    "html",
    "html-drill",
    "json",
    "markdown",
    "markdown-drill",
    "png",
    "svg",
]


def test_the_registry_holds_every_format_name_of_before() -> None:
    assert sorted(registry.READERS) == OLD_READERS
    assert sorted(registry.WRITERS) == OLD_WRITERS
    for name, entry in [*registry.READERS.items(), *registry.WRITERS.items()]:
        assert entry.name == name
        assert entry.suffixes and all(s.startswith(".") for s in entry.suffixes)


@pytest.mark.parametrize("name", OLD_READERS)
def test_every_reader_loads_a_function_of_text_and_path(name: str) -> None:
    entry = registry.reader(name)
    assert isinstance(entry, registry.LazyReader)
    function = entry.load()
    assert list(inspect.signature(function).parameters)[:2] == ["text", "path"]


@pytest.mark.parametrize("name", OLD_WRITERS)
def test_every_writer_writes_the_example_map(name: str) -> None:
    if name in ("svg", "png") and shutil.which("dot") is None:
        pytest.skip("Graphviz not installed")
    example = load_map(EXAMPLE).map
    assert example is not None
    out = registry.writer(name).write(example)
    assert isinstance(out, bytes if name in ("svg", "png") else str) and out


def test_a_reader_reads_through_the_registry() -> None:
    source = DATA / "kialo" / "old-format.txt"
    result = registry.reader("kialo").read(source.read_text(encoding="utf-8"), str(source))
    assert isinstance(result, ImportResult)
    assert result.path == str(source) and result.map.claims


def test_unknown_names_raise_key_error() -> None:
    with pytest.raises(KeyError):
        registry.reader("kialo2")
    with pytest.raises(KeyError):
        registry.writer("pdf")


@pytest.mark.parametrize(
    ("argv", "names"),
    [
        (["import", "x.txt", "--from", "yaml"], OLD_READERS),
        (["export", "--to", "pdf"], OLD_WRITERS),
    ],
)
def test_unknown_names_get_argparse_s_message_of_before(
    argv: list[str], names: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    choices = ", ".join(f"'{n}'" for n in names)
    assert f"invalid choice: '{argv[-1]}' (choose from {choices})" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.argdown", "argdown"),
        ("a.AD", "argdown"),
        ("a.txt", "kialo"),
        ("a.yaml", None),
        ("a", None),
    ],
)
def test_guessing_by_suffix(name: str, expected: str | None) -> None:
    assert registry.guess_reader(Path(name), "") == expected


def test_a_json_file_is_argmap_json_only_when_it_names_the_schema() -> None:
    assert registry.guess_reader(Path("a.json"), '{"schema": "argmap/map-v1"}') == "json"
    assert registry.guess_reader(Path("a.json"), '{"nodes": []}') == "aif"
    late = '{"nodes": [' + " " * 2000 + '"argmap/"]}'
    assert registry.guess_reader(Path("a.json"), late) == "aif"


def _formats_loaded(code: str) -> list[str]:
    script = (
        "import sys\n"
        f"{code}\n"
        "print(sorted(m for m in sys.modules if m.startswith('argmap.formats.')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return eval(done.stdout.strip().splitlines()[-1])  # a printed list of names


READER_MODULES = {"argmap.formats." + m for m in ("argdown", "argdown_parse", "aif", "kialo")}
WRITER_MODULES = {"argmap.formats." + m for m in ("dot", "graphml", "handout", "aif", "argdown")}


def test_the_registry_imports_no_format_module() -> None:
    loaded = set(_formats_loaded("import argmap.formats.registry"))
    assert loaded == {"argmap.formats.registry"}


def test_importing_kialo_loads_no_other_reader(tmp_path: Path) -> None:
    source = DATA / "kialo" / "old-format.txt"
    out = tmp_path / "m.yaml"
    loaded = set(
        _formats_loaded(
            "from argmap.cli import main\n"
            f"assert main(['import', {str(source)!r}, '--from', 'kialo', '-q', '-o', {str(out)!r}])"
            " == 0"
        )
    )
    assert "argmap.formats.kialo" in loaded
    assert not loaded & (READER_MODULES - {"argmap.formats.kialo"})


def test_exporting_json_loads_no_other_writer(tmp_path: Path) -> None:
    out = tmp_path / "m.json"
    loaded = set(
        _formats_loaded(
            "from argmap.cli import main\n"
            f"assert main(['export', {str(EXAMPLE)!r}, '--to', 'json', '-o', {str(out)!r}]) == 0"
        )
    )
    assert "argmap.formats.json_export" in loaded
    assert not loaded & (WRITER_MODULES | READER_MODULES)


def test_an_image_without_graphviz_is_a_clear_error_not_an_exit(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The writer raises `WriteError`; only `argmap export` turns it into exit 2 and a hint."""
    import shutil

    from argmap.cli import main
    from argmap.formats.dot import export_svg
    from argmap.formats.registry import WriteError
    from argmap.loading import load_map

    monkeypatch.setattr(shutil, "which", lambda name: None)
    example = Path(__file__).resolve().parents[2] / "arguments" / "example-smart-locks.yaml"
    loaded = load_map(example).map
    assert loaded is not None
    with pytest.raises(WriteError) as raised:
        export_svg(loaded)
    assert "Graphviz" in raised.value.message and raised.value.hint
    target = tmp_path / "map.svg"
    assert main(["export", str(example), "--to", "svg", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "argmap: error: cannot make SVG" in err and "  hint: install graphviz" in err
    assert "Traceback" not in err and not target.exists()
