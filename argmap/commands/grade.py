"""`argmap grade [MAP] ANSWERS [--json] [-o FILE]`: grade a batch of typed answers.

A public contract (flags, JSON shape and exit codes): exit 0 when every row
was graded, 1 when some rows were skipped, 2 when the answers file (or the
map it needs) cannot be read.
"""

from __future__ import annotations

import argparse
import sys

from argmap.commands.errors import CommandError, ExitCode, write_or_refuse


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "grade",
        help="grade a class's typed answers (CSV or JSON Lines) against a map",
        description=(
            "Grade typed answers, one per row of a CSV file with a header row or of a "
            "JSON Lines file: column 'answer', plus 'claim' and 'drill' (rebut, support "
            "or switch) to grade against the map's model answers as the drill does, or "
            "'reference' (with optional 'key_points' and 'question') to grade against "
            "your own model answer. Optional 'id' and 'student' are echoed back. Exit "
            "status: 0 every row graded, 1 some rows skipped, 2 the file cannot be read."
        ),
    )
    parser.add_argument(
        "map",
        nargs="?",
        metavar="MAP",
        help="the map to grade claim and drill rows against (default: the bundled map)",
    )
    parser.add_argument(
        "answers", metavar="ANSWERS", help="a CSV file with a header row, or a JSON Lines file"
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per graded row: id, student, verdict, score, "
        "matched, points, feedback",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the grades to FILE instead of standard output"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from argmap.grading.batch import BatchFileError, GradedRow, grade_row, read_answers

    map_name, answers = args.map, args.answers
    output = Path(args.output) if args.output not in (None, "-") else None
    if output is not None and not output.parent.is_dir():
        raise CommandError(
            ExitCode.REFUSED_OUTPUT,
            f"error: cannot write {output}: the folder {output.parent} does not exist",
        )
    try:
        rows, skipped = read_answers(Path(answers))
    except BatchFileError as exc:
        raise CommandError(ExitCode.UNREADABLE, f"error: {exc}") from None
    the_map = None
    if any(row.needs_map for row in rows):
        from argmap.commands.map_input import load_usable_map

        try:
            the_map = load_usable_map(map_name)
        except CommandError as exc:
            # grade's own contract: 1 means rows were skipped, so a map it
            # cannot use (unreadable or with errors) is 2
            raise exc.with_code(ExitCode.UNREADABLE) from None
    results = [grade_row(row, the_map) for row in rows]
    graded = [r for r in results if isinstance(r, GradedRow)]
    skipped += [r for r in results if not isinstance(r, GradedRow)]
    skipped.sort(key=lambda s: s.line)
    from argmap.grading.batch_report import render_table, shown

    for problem in skipped:
        sys.stderr.write(f"argmap: skipped {shown(problem.render(answers))}\n")
    if map_name is None and any(s.reason.startswith("unknown claim") for s in skipped):
        from argmap.commands.map_input import map_path

        sys.stderr.write(
            f"argmap: note: claims were looked up in the bundled map "
            f"{map_path(None).stem}; to grade against another map, name it "
            "first: argmap grade MAP ANSWERS\n"
        )
    if not rows and not skipped:
        sys.stderr.write(f"argmap: warning: {answers} has a header but no answers\n")
    if args.json:
        from argmap.grading.batch_report import json_lines

        report = json_lines(graded)
    else:
        report = render_table(graded, len(skipped))
    if output is None:
        sys.stdout.write(report)
    else:
        write_or_refuse(output, report, f"error: cannot write {output}")
    return ExitCode.FINDINGS if skipped else ExitCode.OK
