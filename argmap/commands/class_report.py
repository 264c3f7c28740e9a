"""`argmap class-report FILE... [-o report.html]`: merge students' progress exports."""

from __future__ import annotations

import argparse
import sys

from argmap.commands.errors import CommandError, ExitCode, write_or_refuse

DEFAULT_OUTPUT = "class-report.html"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "class-report",
        help="merge students' progress exports into a class report",
        description=(
            "Read the files students made with 'argmap stats --export FILE --name NAME' and "
            "write one HTML report (charts included, no network needed) plus a summary here. "
            "Malformed and duplicate files are reported and left out."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="students' export files")
    parser.add_argument(
        "-o",
        "--output",
        default=DEFAULT_OUTPUT,
        metavar="REPORT.html",
        help=f"where to write the HTML report (default: {DEFAULT_OUTPUT})",
    )
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="MAP",
        help="a map the class drilled, for claim texts and theme names: a path or a bundled "
        "map's name (the bundled maps are always read; repeat for more). Each answer is "
        "matched to the version of its map it came from, when the export records it",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from argmap.classroom.class_stats import summarise
    from argmap.classroom.map_texts import load_map_texts
    from argmap.classroom.progress_files import read_class
    from argmap.classroom.report_html import render_html
    from argmap.classroom.report_text import render_text

    output = Path(args.output)
    if not output.parent.is_dir():
        raise CommandError(
            ExitCode.REFUSED_OUTPUT,
            f"error: cannot write {output}: the folder {output.parent} does not exist",
        )
    progress = read_class(args.files)
    texts, map_problems = load_map_texts(args.map, progress)
    for problem in map_problems:
        sys.stderr.write(f"argmap: warning: {problem}\n")
    problems = list(progress.problems)
    summary = summarise(progress)
    sys.stdout.write(render_text(summary, problems, texts) + "\n")
    if not progress.students:
        raise CommandError(
            ExitCode.INVALID, "error: no usable progress file, so no report was written"
        )
    write_or_refuse(output, render_html(summary, problems, texts), f"error: cannot write {output}")
    sys.stdout.write(f"Report written to {output}\n")
    return ExitCode.OK
