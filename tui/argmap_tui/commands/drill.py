"""`argmap drill [MAP]`: debate drills generated from a map, full-screen or `--plain`."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from argmap.commands.argument_types import positive_int, seconds
from argmap.commands.errors import CommandError, ExitCode, UsageError
from argmap.commands.map_input import load_usable_map, map_path

if TYPE_CHECKING:
    from argmap.context import Context
    from argmap.model import Map
    from argmap.training.progress import Progress
    from argmap.training.session import SessionOptions

MODES = ("mixed", "rebut", "support", "source", "flaw", "crux", "switch", "timed")

# What `argmap --help` lists for this command.
SUMMARY = "practise debating with drills generated from a map"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "drill",
        help=SUMMARY,
        description="Drills generated from a map: rebut, support, source check, spot the flaw, "
        "crux hunt, switch sides, timed round. Progress is saved after every answer.",
    )
    parser.add_argument("map", nargs="?", metavar="MAP", help="map file (default: bundled map)")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="line by line on stdin/stdout (screen readers, scripts)",
    )
    parser.add_argument(
        "--mode",
        choices=MODES,
        default="mixed",
        help="which drill (default: mixed; timed = a mix against the clock)",
    )
    parser.add_argument(
        "--count",
        type=positive_int,
        metavar="N",
        help="number of questions (default 10; timed rounds: until time is up)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help="seed for question choice and option order (repeatable sessions)",
    )
    parser.add_argument(
        "--side",
        choices=("pro", "con"),
        help="switch sides: the side you disagree with, which you must argue",
    )
    parser.add_argument(
        "--thesis",
        metavar="ID",
        help="ask only about this thesis's branch (its claims, its cruxes, its sides); "
        "default: the whole map, each switch-sides question on the first thesis its "
        "claim argues against",
    )
    parser.add_argument(
        "--time",
        type=seconds,
        metavar="SECONDS",
        help="play against the clock (a timed round; default 90 s with --mode timed)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder for progress (default: $ARGMAP_DATA_DIR or the user data folder)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from argmap.context import Context
    from argmap.training.progress import Progress, ProgressError
    from argmap.training.session import SessionOptions

    loaded = load_usable_map(args.map)
    if args.mode == "switch" and args.side is None:
        raise UsageError(
            "--mode switch needs --side pro|con: the side you disagree with, which you will argue"
        )
    if args.thesis is not None and args.thesis not in loaded.theses:
        raise UsageError(
            f"--thesis {args.thesis!r} is not a thesis of this map "
            f"(theses: {', '.join(loaded.theses)})"
        )
    options = SessionOptions(
        mode=args.mode,
        count=args.count,
        seed=args.seed,
        side=args.side,
        time_limit=args.time,
        thesis=args.thesis,
    )
    context = Context.make(map_path(args.map), data_dir_option=args.data_dir)
    try:
        progress = Progress.open(context.database)
    except ProgressError as exc:
        raise CommandError(ExitCode.INVALID, str(exc)) from None
    if not args.plain:
        # The database can be used; the screen opens it again in its own thread (an
        # SQLite connection belongs to the thread that opened it) and starts the
        # session there, off the UI loop.
        progress.close()
        from argmap_tui.screens.drill import run_drill_app

        return run_drill_app(context, loaded, options)
    return _run_plain(loaded, progress, options, context)


def _run_plain(loaded: Map, progress: Progress, options: SessionOptions, context: Context) -> int:
    from argmap.training.drills import in_process_cruxes
    from argmap.training.plain import announced_cruxes, run_plain
    from argmap.training.progress import ProgressError
    from argmap.training.session import DrillSession

    try:
        # No analysis service here: the crux drill searches its cruxes in this process.
        cruxes = announced_cruxes(in_process_cruxes, sys.stdout)
        session = DrillSession(loaded, progress, options, cruxes=cruxes)
        report = progress.damage_report()
        if report is not None:
            sys.stderr.write(f"argmap: warning: {report}\n")
        return run_plain(session, sys.stdin, sys.stdout, saved_in=context.database)
    except ProgressError as exc:
        raise CommandError(ExitCode.INVALID, str(exc)) from None
    finally:
        progress.close()
