"""Every format argmap reads or writes, found by name through one typed table.

The `import` and `export` commands look formats up here instead of in
`"module:function"` strings, so a misspelt module or a reader of the wrong
signature fails `mypy`, not a user. Entries are small and import their
format's module only when first used: `argmap export --to dot` never loads
the AIF or Argdown code (start-up time; see tests/core/test_headless_core.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from argmap.formats.import_result import ImportResult
    from argmap.model import Map

ReadFunction = Callable[[str, str], "ImportResult"]
WriteFunction = Callable[["Map"], "str | bytes"]


class WriteError(Exception):
    """A writer cannot make its output (say, Graphviz is missing for SVG).

    `message` says what went wrong, `hint` what the user can do; `argmap
    export` turns it into its error, so no writer prints or exits itself.
    """

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class Reader(Protocol):
    """A format `argmap import` reads: text and its path in, a map and warnings out."""

    @property
    def name(self) -> str: ...
    @property
    def suffixes(self) -> tuple[str, ...]: ...
    def read(self, text: str, path: str) -> ImportResult: ...


class Writer(Protocol):
    """A format `argmap export` writes: a map in, text (or bytes, for images) out."""

    @property
    def name(self) -> str: ...
    @property
    def suffixes(self) -> tuple[str, ...]: ...
    def write(self, m: Map) -> str | bytes: ...


@dataclass(frozen=True)
class LazyReader:
    """A `Reader` whose module is imported by `load` on the first `read`."""

    name: str
    suffixes: tuple[str, ...]
    load: Callable[[], ReadFunction] = field(repr=False, compare=False)

    def read(self, text: str, path: str) -> ImportResult:
        return self.load()(text, path)


@dataclass(frozen=True)
class LazyWriter:
    """A `Writer` whose module is imported by `load` on the first `write`."""

    name: str
    suffixes: tuple[str, ...]
    load: Callable[[], WriteFunction] = field(repr=False, compare=False)

    def write(self, m: Map) -> str | bytes:
        return self.load()(m)


# One loader per function: the import inside keeps the module unloaded until
# used, and mypy checks each function's signature against the protocol.


def _argdown_reader() -> ReadFunction:
    from argmap.formats.argdown import read_argdown

    return read_argdown


def _kialo_reader() -> ReadFunction:
    from argmap.formats.kialo import read_kialo

    return read_kialo


def _aif_reader() -> ReadFunction:
    from argmap.formats.aif import read_aif

    return read_aif


def _json_reader() -> ReadFunction:
    from argmap.formats.json_import import read_json

    return read_json


def _json_writer() -> WriteFunction:
    from argmap.formats.json_export import write_json

    return write_json


def _dot_writer() -> WriteFunction:
    from argmap.formats.dot import write_dot

    return write_dot


def _svg_writer() -> WriteFunction:
    from argmap.formats.dot import export_svg

    return export_svg


def _png_writer() -> WriteFunction:
    from argmap.formats.dot import export_png

    return export_png


def _graphml_writer() -> WriteFunction:
    from argmap.formats.graphml import write_graphml

    return write_graphml


def _argdown_writer() -> WriteFunction:
    from argmap.formats.argdown import write_argdown

    return write_argdown


def _aif_writer() -> WriteFunction:
    from argmap.formats.aif import write_aif

    return write_aif


def _markdown_writer() -> WriteFunction:
    from argmap.formats.handout import write_markdown

    return write_markdown


def _html_writer() -> WriteFunction:
    from argmap.formats.handout import write_html

    return write_html


def _markdown_drill_writer() -> WriteFunction:
    from argmap.formats.handout import write_markdown_with_questions

    return write_markdown_with_questions


def _html_drill_writer() -> WriteFunction:
    from argmap.formats.handout import write_html_with_questions

    return write_html_with_questions


READERS: dict[str, Reader] = {
    r.name: r
    for r in (
        LazyReader("argdown", (".argdown", ".ad"), _argdown_reader),
        LazyReader("kialo", (".txt",), _kialo_reader),
        LazyReader("aif", (".json",), _aif_reader),
        LazyReader("json", (".json",), _json_reader),
    )
}

WRITERS: dict[str, Writer] = {
    w.name: w
    for w in (
        LazyWriter("json", (".json",), _json_writer),
        LazyWriter("dot", (".dot", ".gv"), _dot_writer),
        LazyWriter("svg", (".svg",), _svg_writer),
        LazyWriter("png", (".png",), _png_writer),
        LazyWriter("graphml", (".graphml",), _graphml_writer),
        LazyWriter("argdown", (".argdown",), _argdown_writer),
        LazyWriter("aif", (".json",), _aif_writer),
        LazyWriter("markdown", (".md",), _markdown_writer),
        LazyWriter("html", (".html",), _html_writer),
        LazyWriter("markdown-drill", (".md",), _markdown_drill_writer),
        LazyWriter("html-drill", (".html",), _html_drill_writer),
    )
}


def reader(name: str) -> Reader:
    """The reader called `name`; a `KeyError` for an unknown one (argparse's
    `choices=sorted(READERS)` has refused it before, with its usual message)."""
    return READERS[name]


def writer(name: str) -> Writer:
    """The writer called `name`; a `KeyError` for an unknown one (see `reader`)."""
    return WRITERS[name]


def guess_reader(path: Path, text: str) -> str | None:
    """The reader for `path` from its suffix; `.json` is argmap JSON or AIF by content.

    Two readers claim `.json`, so the file's first 2,000 characters decide:
    argmap's own JSON names its schema (`"argmap/..."`), AIF does not.
    """
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "json" if '"argmap/' in text[:2000] else "aif"
    for entry in READERS.values():
        if suffix in entry.suffixes:
            return entry.name
    return None
