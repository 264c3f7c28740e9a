"""`argmap import FILE --from FORMAT [-o MAP.yaml]`: build a map from another tool's file.

The YAML written records where each claim and relation came from, and the
map is checked straight away: every finding (import warnings and `argmap
check` warnings alike) is printed against the original file's lines.
"""

from __future__ import annotations

import argparse
import gc
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from argmap.commands.errors import CommandError, ExitCode, write_or_refuse
from argmap.formats.registry import READERS, guess_reader, reader

if TYPE_CHECKING:
    from collections.abc import Mapping

    from argmap.diagnostics import Diagnostic
    from argmap.formats.import_result import ImportResult
    from argmap.loading import LoadResult
    from argmap.model import Claim, Map, Pos, Relation, Source

    T = TypeVar("T", Claim, Relation, Source)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "import",
        help="build a map from an Argdown, Kialo, AIF or argmap JSON file",
        description="Import a Kialo export (.txt), an Argdown file, AIF JSON (AIFdb, OVA) or "
        "argmap JSON as an argmap YAML map. Warnings name what could not be carried over. "
        "Exit status: 0 imported (warnings allowed), 1 the input is malformed, "
        "2 unreadable file or wrong usage.",
    )
    parser.add_argument("file", metavar="FILE", help="the file to import")
    parser.add_argument(
        "--from",
        dest="source_format",
        choices=sorted(READERS),
        help="format of FILE (default: guessed from its name and content)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="MAP.yaml",
        help="where to write the map ('-' or absent: standard output)",
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite the output file if it exists"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print no warnings")
    parser.set_defaults(func=run)


def guess_format(path: Path, text: str) -> str | None:
    return guess_reader(path, text)


def _at_origins(m: Map, origins: Mapping[str, Pos]) -> Map:
    """The map with each claim, relation and source at its place in the original
    file (`origins`), so every finding about it points there. An item of no
    known origin is on line 0 (findings about it go to the first thesis), in a
    column of its own, so two such items are never taken for one entry.

    Importers already put most items there; only the others are copied. An item
    an importer placed keeps its place: two claims of one id (which the argmap
    JSON reader keeps, for `check` to report) stay at their own objects."""
    from argmap.model import NOWHERE, Pos

    def placed(items: tuple[T, ...]) -> tuple[T, ...]:
        wanted = [
            item.pos if item.pos.line else origins.get(item.id) or Pos(0, k)
            for k, item in enumerate(items, 1)
        ]
        if wanted == [item.pos for item in items]:  # compared in C, a million at once
            return items
        return tuple(
            item if item.pos == pos else replace(item, pos=pos)
            for item, pos in zip(items, wanted, strict=True)
        )

    return replace(
        m,
        claims=placed(m.claims),
        relations=placed(m.relations),
        sources=placed(m.sources),
        pos=NOWHERE,
    )


def _trace_back(diagnostics: list[Diagnostic], result: ImportResult) -> list[Diagnostic]:
    """Findings about the map at the original file: each item is at its origin
    (`_at_origins`); what concerns the whole map is put at the first thesis."""
    from argmap.model import Pos

    m = result.map
    whole = result.origins.get(m.theses[0], Pos()) if m.theses else Pos()
    return [
        replace(d, path=result.path)
        if d.line
        else replace(d, path=result.path, line=whole.line, col=whole.col)
        for d in diagnostics
    ]


def check_import(result: ImportResult, written_as: str) -> tuple[LoadResult, list[Diagnostic]]:
    """What loading the map written to `written_as` gives, and every finding
    `argmap check` would make on it, at the original file's lines.

    Computed from the built map (`read_back`), not by writing the YAML and
    parsing it again: the same map and findings (tests/formats/test_read_back.py),
    in a third less time and memory on a big import.
    """
    from argmap.checking import check_map
    from argmap.diagnostics import Severity
    from argmap.formats.argmap_yaml import read_back

    back = read_back(_at_origins(result.map, result.origins), written_as)
    if back.map is None:
        return back, []
    findings = [
        d
        for d in [*back.diagnostics, *check_map(back.map, notes=False)]
        if d.severity is not Severity.NOTE
    ]
    return back, _trace_back(findings, result)


def run(args: argparse.Namespace) -> int:
    from argmap.formats.argmap_yaml import write_yaml
    from argmap.formats.import_result import ImportFailed
    from argmap.input_file import read_input

    path = Path(args.file)
    try:
        text = read_input(path).decode("utf-8-sig")
    except OSError as exc:
        raise CommandError(
            ExitCode.UNREADABLE, f"cannot read {path}: {exc.strerror or exc}"
        ) from None
    except UnicodeDecodeError:
        raise CommandError(
            ExitCode.UNREADABLE, f"{path} is not UTF-8 text; save it as UTF-8 and retry"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fmt = args.source_format or guess_format(path, text)
    if fmt is None:
        raise CommandError(
            ExitCode.USAGE,
            f"cannot tell the format of {path}; give --from {'|'.join(sorted(READERS))}",
        )
    output = None if args.output in (None, "-") else Path(args.output)
    if output is not None and output.exists() and not args.force:
        raise CommandError(
            ExitCode.REFUSED_OUTPUT, f"{output} exists; give --force to overwrite it"
        )

    read = reader(fmt).read
    # The importers build millions of small objects and free none until they
    # return, so the cyclic collector would rescan them again and again (a
    # quarter of a 1e6-node AIF import); nothing here makes reference cycles.
    # The built map is then frozen out of the collector's sight, as the map
    # loader does, so checking and writing it do not rescan it either.
    gc.disable()
    try:
        result = read(text, str(path))
        del text  # the input's text is not needed past here (97 MB for 1e6 AIF nodes)
    except ImportFailed as exc:
        raise CommandError(
            ExitCode.INVALID,
            f"{path} cannot be imported (see above); nothing written",
            details=exc.diagnostic.render(),
        ) from None
    finally:
        gc.freeze()
        gc.enable()
    back, traced = check_import(result, str(output or "<stdout>"))
    if back.map is None:
        # The importer let through a value no map file can hold (half of a
        # surrogate pair): say so against the input file, never against an
        # output not yet written.
        problems = [replace(d, path=str(path), line=0, col=0) for d in back.diagnostics]
        raise CommandError(
            ExitCode.INVALID,
            f"{path} holds values an argmap map cannot; nothing written",
            details="\n".join(diag.render() for diag in problems),
        )
    errors = [d for d in traced if d.is_error]
    if not args.quiet or errors:
        for diag in [*result.diagnostics, *traced]:
            if not args.quiet or diag.is_error:
                sys.stderr.write(diag.render() + "\n")
    if errors:
        # The same rule as every other command: a map with errors is not used.
        raise CommandError(
            ExitCode.INVALID,
            f"the imported map has {len(errors)} "
            f"error{'s' if len(errors) != 1 else ''} (see above); nothing "
            f"written. Fix {path} and import it again",
        )

    counts = f"{len(result.map.claims)} claims, {len(result.map.relations)} relations"
    del back
    header = (
        f"Imported by argmap from {path} ({fmt}).\n"
        "Each '# from FILE:LINE' comment says where the next item came from."
    )
    yaml_text = write_yaml(result.map, result.origins, str(path), header=header)
    if output is None:
        sys.stdout.write(yaml_text)
    else:
        write_or_refuse(output, yaml_text, f"cannot write {output}")
        if not args.quiet:
            sys.stderr.write(f"{output}: {counts} imported from {path}\n")
    return ExitCode.OK
