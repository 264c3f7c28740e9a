"""`argmap export MAP --to FORMAT [-o FILE] [--strict]`: write a map in another format.

What the format cannot hold of the map is computed by `argmap.formats.losses`
and only printed here: a warning per kind, the file still written, or with
`--strict` an error and nothing written (docs/interop.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.commands.errors import CommandError, ExitCode, UsageError, write_or_refuse
from argmap.commands.map_input import load_usable_map
from argmap.formats.registry import WRITERS, WriteError, writer

if TYPE_CHECKING:
    from argmap.model import Map


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
    parser.add_argument(
        "--thesis",
        metavar="ID",
        help="a markdown or html handout of this thesis alone: its branch, its sides, the "
        "sources it quotes, questions from it (default: every thesis, one section each)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="refuse to write (exit 1) when the format cannot hold all of the map; "
        "without it, each kind of thing lost is a warning and the file is written",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    fmt = args.to
    if args.questions:
        if fmt not in HANDOUTS:
            raise UsageError(
                f"--questions goes with a handout (--to markdown or --to html), not --to {fmt}"
            )
        fmt = fmt.removesuffix("-drill") + "-drill"
    if args.thesis is not None and fmt not in HANDOUTS:
        raise UsageError(
            f"--thesis goes with a handout (--to markdown or --to html), not --to {fmt}; "
            "the other formats always carry every thesis"
        )
    loaded = load_usable_map(args.map)
    if args.thesis is not None and args.thesis not in loaded.theses:
        raise UsageError(
            f"--thesis {args.thesis!r} is not a thesis of this map "
            f"(theses: {', '.join(loaded.theses) or 'none'})"
        )
    lost = _loss_report(loaded, fmt, args.thesis, args.map, brief=not args.strict)
    if lost and args.strict:
        raise CommandError(
            ExitCode.FINDINGS,
            f"error: --to {args.to} cannot hold all of this map (see above); nothing written",
            "export --to json keeps everything, or leave out --strict to write it anyway",
            details=lost,
        )
    try:
        if args.thesis is not None:
            output: str | bytes = _handout(fmt, loaded, args.thesis)
        else:
            output = writer(fmt).write(loaded)
    except WriteError as exc:
        raise CommandError(ExitCode.UNAVAILABLE, f"error: {exc.message}", exc.hint) from None
    if args.output in (None, "-"):
        if isinstance(output, bytes):
            sys.stdout.buffer.write(output)
        else:
            sys.stdout.write(output)
    else:
        target = Path(args.output)
        write_or_refuse(target, output, f"cannot write {target}")
    if lost:
        sys.stderr.write(lost)
    return ExitCode.OK


def _loss_report(
    loaded: Map, fmt: str, thesis: str | None, name: str | None, *, brief: bool = True
) -> str:
    """The warnings for what `fmt` cannot hold of the map (computed by
    `argmap.formats.losses`; only printed here), or "" when nothing is lost;
    `brief`: the fields the format has no place for in one line."""
    from argmap.commands.map_input import map_path
    from argmap.diagnostics import render_text
    from argmap.formats.losses import in_brief, losses

    found = losses(loaded, fmt, thesis)
    if brief:
        found = in_brief(found, fmt)
    if not found:
        return ""
    path = loaded.path or str(map_path(name))
    return render_text(loss.diagnostic(path) for loss in found) + "\n"


HANDOUTS = ("markdown", "html", "markdown-drill", "html-drill")


def _handout(fmt: str, loaded: Map, thesis: str) -> str:
    """A handout of one thesis (the registry's writers take the map alone)."""
    from argmap.formats.handout import write_html, write_markdown

    write = write_html if fmt.startswith("html") else write_markdown
    return write(loaded, questions=fmt.endswith("-drill"), thesis=thesis)
