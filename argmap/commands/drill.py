"""`argmap drill [MAP]`: debate drills generated from a map, full-screen or `--plain`."""

from __future__ import annotations

import argparse
import sys

from argmap.commands.argument_types import positive_int, seconds
from argmap.commands.map_input import load_map_or_report, map_path

MODES = ("mixed", "rebut", "support", "source", "flaw", "crux", "switch", "timed")




def _usage(message: str) -> int:
    sys.stderr.write(f"argmap drill: error: {message}\n")
    return 2


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "drill",
        help="practise debating with drills generated from a map",
        description="Drills generated from a map: rebut, support, source check, spot the flaw, "
        "crux hunt, switch sides, timed round. Progress is saved after every answer.",
    )
    parser.add_argument("map", nargs="?", metavar="MAP", help="map file (default: bundled map)")
    parser.add_argument("--plain", action="store_true",
                        help="line by line on stdin/stdout (screen readers, scripts)")
    parser.add_argument("--mode", choices=MODES, default="mixed",
                        help="which drill (default: mixed; timed = a mix against the clock)")
    parser.add_argument("--count", type=positive_int, metavar="N",
                        help="number of questions (default 10; timed rounds: until time is up)")
    parser.add_argument("--seed", type=int, metavar="N",
                        help="seed for question choice and option order (repeatable sessions)")
    parser.add_argument("--side", choices=("pro", "con"),
                        help="switch sides: the side you disagree with, which you must argue")
    parser.add_argument("--thesis", metavar="ID",
                        help="thesis that sides refer to (default: the map's first)")
    parser.add_argument("--time", type=seconds, metavar="SECONDS",
                        help="play against the clock (a timed round; default 90 s with "
                             "--mode timed)")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="folder for progress (default: $ARGMAP_DATA_DIR or the user "
                             "data folder)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from argmap.data_dir import data_dir
    from argmap.training.progress import DATABASE_NAME, Progress, ProgressError
    from argmap.training.session import DrillSession, SessionOptions

    loaded = load_map_or_report(args.map)
    if isinstance(loaded, int):
        return loaded
    if args.mode == "switch" and args.side is None:
        return _usage("--mode switch needs --side pro|con: the side you disagree with, "
                      "which you will argue")
    if args.thesis is not None and args.thesis not in loaded.theses:
        return _usage(f"--thesis {args.thesis!r} is not a thesis of this map "
                      f"(theses: {', '.join(loaded.theses)})")
    options = SessionOptions(mode=args.mode, count=args.count, seed=args.seed, side=args.side,
                             time_limit=args.time, thesis=args.thesis)
    database = data_dir(args.data_dir) / DATABASE_NAME
    try:
        progress = Progress.open(database)
    except ProgressError as exc:
        sys.stderr.write(f"argmap: {exc}\n")
        return 1
    try:
        session = DrillSession(loaded, progress, options)
        report = progress.damage_report()
        if report is not None:
            sys.stderr.write(f"argmap: warning: {report}\n")
        if args.plain:
            from argmap.training.plain import run_plain

            return run_plain(session, sys.stdin, sys.stdout, saved_in=database)
        from tui.screens.drill import run_drill_app

        return run_drill_app(map_path(args.map), loaded, session)
    except ProgressError as exc:
        sys.stdout.flush()
        sys.stderr.write(f"argmap: {exc}\n")
        return 1
    finally:
        progress.close()
