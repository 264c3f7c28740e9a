"""`argmap check [MAP ...]`: report every problem of one or more maps."""

from __future__ import annotations

import argparse
import json
import sys

from argmap.commands.errors import ExitCode
from argmap.commands.map_input import map_diagnostics, map_path, require_source_dirs


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "check",
        help="check maps for errors and warnings",
        description="Check argmap maps: YAML, types, ids, references, quotes, connectivity. "
        "Exit status: 0 no errors, 1 errors, 2 unreadable file or wrong usage.",
    )
    parser.add_argument(
        "maps", nargs="*", metavar="MAP", help="map files (default: the bundled map)"
    )
    parser.add_argument(
        "--sources",
        action="append",
        default=[],
        metavar="DIR",
        help="folder holding the sources' text files (repeatable)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="output format (json for editors and CI)",
    )
    parser.add_argument(
        "--notes",
        action="store_true",
        help="also show notes: unanswered claims, themes used once, and authoring notes "
        "(sourced facts defeated, key points split at a comma, possible duplicates, claims "
        "that point elsewhere, discounts on one side)",
    )
    parser.add_argument(
        "--grading",
        action="store_true",
        help="also grade every model answer, copied word for word, against its own question, "
        "and note each one the grader would not grade correct (N510; takes a few "
        "milliseconds a question)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from argmap.diagnostics import Severity, render_text, summary

    require_source_dirs(args.sources)
    names = args.maps or [None]
    everything = []
    unreadable = False
    report_lines: list[str] = []
    for name in names:
        path = map_path(name)
        the_map, found = map_diagnostics(path, args.sources, notes=args.notes, grading=args.grading)
        if any(d.code == "E000" for d in found):
            unreadable = True
        shown = [
            d
            for d in found
            if args.notes or d.severity is not Severity.NOTE or (args.grading and d.code == "N510")
        ]
        everything += shown
        if args.format == "text":
            if shown:
                report_lines.append(render_text(shown))
            if not args.quiet:
                size = ""
                if the_map is not None:
                    size = f" ({len(the_map.claims)} claims, {len(the_map.relations)} relations)"
                report_lines.append(f"{path}{size}: {summary(shown)}")
    errors = sum(d.severity is Severity.ERROR for d in everything)
    if args.format == "json":
        payload = {
            "diagnostics": [d.to_json() for d in everything],
            "errors": errors,
            "warnings": sum(d.severity is Severity.WARNING for d in everything),
            "notes": sum(d.severity is Severity.NOTE for d in everything),
        }
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    elif report_lines:
        sys.stdout.write("\n".join(report_lines) + "\n")
    # The report is the output (one line per problem, or JSON), so an
    # unreadable map is a finding listed with the others (E000), not a
    # CommandError that would cut the report short; the status still says 2.
    if unreadable:
        return ExitCode.UNREADABLE
    return ExitCode.FINDINGS if errors else ExitCode.OK
