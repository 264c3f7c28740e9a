"""`argmap import FILE --from FORMAT [-o MAP.yaml]`: build a map from another tool's file.

The YAML written records where each claim and relation came from, and the
map is checked straight away: every finding (import warnings and `argmap
check` warnings alike) is printed against the original file's lines.
"""

from __future__ import annotations

import argparse
import gc
import sys
from bisect import bisect_right
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.commands.errors import CommandError, ExitCode, write_or_refuse
from argmap.formats.registry import READERS, guess_reader, reader

if TYPE_CHECKING:
    from argmap.diagnostics import Diagnostic
    from argmap.formats.import_result import ImportResult
    from argmap.model import Map


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


def _trace_back(
    diagnostics: list[Diagnostic], result: ImportResult, loaded: Map
) -> list[Diagnostic]:
    """Re-point diagnostics found in the written YAML (`loaded`) at the original file."""
    from argmap.model import Pos

    m = result.map
    spans = sorted(
        [(c.pos.line, c.id) for c in loaded.claims]
        + [(r.pos.line, r.id) for r in loaded.relations]
        + [(s.pos.line, s.id) for s in loaded.sources]
    )
    lines = [line for line, _ in spans]
    out = []
    for diag in diagnostics:
        origin = Pos()
        index = bisect_right(lines, diag.line) - 1
        if index >= 0 and diag.line:
            origin = result.origins.get(spans[index][1], Pos())
        if not origin.line and m.theses:
            origin = result.origins.get(m.theses[0], Pos())
        out.append(replace(diag, path=result.path, line=origin.line, col=origin.col))
    return out


def run(args: argparse.Namespace) -> int:
    from argmap.checking import check_map
    from argmap.diagnostics import Severity
    from argmap.formats.argmap_yaml import write_yaml
    from argmap.formats.import_result import ImportFailed
    from argmap.input_file import read_input
    from argmap.loading import load_map_text

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
    gc.disable()
    try:
        result = read(text, str(path))
        del text  # the input's text is not needed past here (89 MB for 1e6 AIF nodes)
        header = (
            f"Imported by argmap from {path} ({fmt}).\n"
            "Each '# from FILE:LINE' comment says where the next item came from."
        )
        yaml_text = write_yaml(result.map, result.origins, str(path), header=header)
        # Only the figures are needed from the built map from here on: free it
        # before the written YAML is read back (a third of the peak memory of a
        # 1e6-node AIF import).
        counts = f"{len(result.map.claims)} claims, {len(result.map.relations)} relations"
        result = replace(result, map=replace(result.map, claims=(), relations=(), sources=()))
    except ImportFailed as exc:
        raise CommandError(
            ExitCode.INVALID,
            f"{path} cannot be imported (see above); nothing written",
            details=exc.diagnostic.render(),
        ) from None
    finally:
        gc.enable()
    loaded = load_map_text(yaml_text, str(output or "<stdout>"))
    if loaded.map is None:
        # The importer let through a value the map format refuses (a NaN, say):
        # say so against the input file, never against an output not yet written.
        problems = [replace(d, path=str(path), line=0, col=0) for d in loaded.diagnostics]
        raise CommandError(
            ExitCode.INVALID,
            f"{path} holds values an argmap map cannot; nothing written",
            details="\n".join(diag.render() for diag in problems),
        )
    findings = [
        d for d in [*loaded.diagnostics, *check_map(loaded.map)] if d.severity is not Severity.NOTE
    ]
    traced = _trace_back(findings, result, loaded.map)
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

    if output is None:
        sys.stdout.write(yaml_text)
    else:
        write_or_refuse(output, yaml_text, f"cannot write {output}")
        if not args.quiet:
            sys.stderr.write(f"{output}: {counts} imported from {path}\n")
    return ExitCode.OK
