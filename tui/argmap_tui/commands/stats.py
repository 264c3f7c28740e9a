"""`argmap stats [--json]`: answers, accuracy per map and theme and by drill, streak, due."""

from __future__ import annotations

import argparse
import json
import sys

from argmap.commands.errors import CommandError, ExitCode, UsageError

# What `argmap --help` lists for this command.
SUMMARY = "show your drill progress"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "stats",
        help=SUMMARY,
        description="Answers, accuracy per map by theme (named as the map names them) and by "
        "drill, streak, cards due and accuracy over the last two weeks, from the progress in "
        "the data folder.",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the figures as JSON (a stable contract for scripts)",
    )
    parser.add_argument("--tui", action="store_true", help="show the stats screen")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder for progress (default: $ARGMAP_DATA_DIR or the user data folder)",
    )
    parser.add_argument(
        "--export", metavar="FILE", help="write your progress as JSON to hand in for a class report"
    )
    parser.add_argument("--name", help="with --export: the name your teacher will see")
    parser.set_defaults(func=run)


def _percent(correct: int, answers: int) -> str:
    return f"{round(100 * correct / answers)}%" if answers else "-"


def run(args: argparse.Namespace) -> int:
    if args.export:
        return _export(args.export, args.name, args.data_dir)
    from argmap.data_dir import data_dir
    from argmap.display import visible_line
    from argmap.training.progress import DATABASE_NAME, ProgressError
    from argmap.training.stats import chart_lines, load_stats

    database = data_dir(args.data_dir) / DATABASE_NAME
    try:
        stats = load_stats(database)
    except ProgressError as exc:
        raise CommandError(ExitCode.INVALID, str(exc)) from None
    if stats.damaged:
        shown = "; ".join(stats.damaged[:5]) + ("; ..." if len(stats.damaged) > 5 else "")
        sys.stderr.write(
            f"argmap: warning: {database}: {len(stats.damaged)} damaged row"
            f"{'s' if len(stats.damaged) != 1 else ''} left out of the figures "
            f"({shown}); the file is left as it is\n"
        )
    if args.json:
        sys.stdout.write(json.dumps(stats.to_json(), indent=2, ensure_ascii=False) + "\n")
        return ExitCode.OK
    if args.tui:
        from argmap_tui.screens.stats import run_stats_app

        return run_stats_app(stats)
    out = [
        f"Progress in {database}",
        f"Answers: {stats.answers}, correct: {stats.correct} "
        f"({_percent(stats.correct, stats.answers)})",
        f"Streak: {stats.streak_days} day{'s' if stats.streak_days != 1 else ''}",
        f"Cards due now: {stats.due}",
        f"Grades you corrected: {stats.overrides.describe()}",
    ]
    for figures in stats.maps_in_order():  # each map's themes apart, by their names
        out.append(visible_line(figures.heading()))
        rows = [(visible_line(name), tally) for name, tally in figures.themes_by_name()]
        if rows:
            out.append("  By theme:")
            width = max(len(name) for name, _ in rows)
            out += [
                f"    {name:<{width}}  {_percent(v.correct, v.answers):>4}  of {v.answers}"
                for name, v in rows
            ]
    if stats.by_drill:
        out.append("By drill:")
        width = max(len(k) for k in stats.by_drill)
        out += [
            f"  {k:<{width}}  {_percent(v.correct, v.answers):>4}  of {v.answers}"
            for k, v in sorted(stats.by_drill.items())
        ]
    out.append("Accuracy per day:")
    out += ["  " + line for line in chart_lines(stats.by_day)]
    sys.stdout.write("\n".join(out) + "\n")
    return ExitCode.OK


def _export(target: str, name: str | None, data_dir_option: str | None) -> int:
    """`argmap stats --export FILE [--name NAME]`: 1 nothing to export, 2 usage or output."""
    from pathlib import Path

    from argmap.classroom.progress_export import (
        ExportError,
        ExportNotWritten,
        ask_name,
        clean_name,
        write_export,
    )
    from argmap.data_dir import data_dir
    from argmap.training.progress import DATABASE_NAME

    if name is None:
        name = ask_name()
        if name is None:
            raise UsageError(
                "give the name your teacher should see with "
                "--name NAME (nothing else personal is exported)"
            )
    try:
        student = clean_name(name)
    except ExportError as exc:  # an empty or overlong --name: as wrong as none
        raise UsageError(str(exc)) from None
    warnings: list[str] = []
    try:
        count = write_export(
            data_dir(data_dir_option) / DATABASE_NAME, student, Path(target), warnings
        )
    except ExportNotWritten as exc:
        raise CommandError(ExitCode.REFUSED_OUTPUT, f"error: {exc}") from None
    except ExportError as exc:
        raise CommandError(ExitCode.INVALID, f"error: {exc}") from None
    for warning in warnings:
        sys.stderr.write(f"argmap: warning: {warning}\n")
    sys.stdout.write(
        f"Exported {count} answer{'s' if count != 1 else ''} as {student!r} to {target}\n"
    )
    return ExitCode.OK
