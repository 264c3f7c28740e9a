"""`argmap export MAP --to FORMAT [-o FILE]`: write a map in another format."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from argmap.atomic_write import write_atomically
from argmap.commands.map_input import EXIT_UNREADABLE, load_map_or_report
from argmap.formats.registry import WRITERS, writer


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "export",
        help="write a map as JSON, DOT, GraphML, Argdown, AIF or a class handout",
        description="Export a map to another format.",
    )
    parser.add_argument("map", nargs="?", metavar="MAP", help="map file (default: bundled map)")
    parser.add_argument(
        "--to", required=True, choices=sorted(WRITERS), dest="to", help="output format"
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    parser.add_argument(
        "--questions",
        action="store_true",
        help="add drill questions with an answer key to a markdown or html "
        "handout (the same as --to markdown-drill / html-drill)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    fmt = args.to
    if args.questions:
        if fmt not in ("markdown", "html", "markdown-drill", "html-drill"):
            sys.stderr.write(
                f"argmap export: error: --questions goes with a handout "
                f"(--to markdown or --to html), not --to {fmt}\n"
            )
            return 2
        fmt = fmt.removesuffix("-drill") + "-drill"
    loaded = load_map_or_report(args.map)
    if isinstance(loaded, int):
        return loaded
    output = writer(fmt).write(loaded)
    if args.output in (None, "-"):
        if isinstance(output, bytes):
            sys.stdout.buffer.write(output)
        else:
            sys.stdout.write(output)
        return 0
    target = Path(args.output)
    try:
        write_atomically(target, output)
    except OSError as exc:
        sys.stderr.write(f"argmap: cannot write {target}: {exc.strerror or exc}\n")
        return EXIT_UNREADABLE
    return 0
