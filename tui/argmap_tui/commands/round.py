"""`argmap round [MAP]`: a hot-seat debate round, in the TUI or line by line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.commands.argument_types import positive_int, seconds_or_zero
from argmap.commands.errors import CommandError, ExitCode, UsageError, write_or_refuse

if TYPE_CHECKING:
    from argmap.debate.adjudication import Adjudication
    from argmap.debate.round import Round

# What `argmap --help` lists for this command.
SUMMARY = "debate a motion against a classmate, judged by the map"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "round",
        help=SUMMARY,
        description=(
            "Two debaters at one keyboard take turns playing claims from the map: attack "
            "what the other side played, undercut their links, or support your own claims. "
            "At the end the map judges the round given only the claims played, by the burden "
            "of proof unless --judge semantics is given, and says why. A move made over the "
            "time limit does not count: the turn is a pass."
        ),
    )
    parser.add_argument("map", nargs="?", metavar="MAP", help="map file (default: bundled map)")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="line by line on stdin/stdout instead of the full-screen UI",
    )
    parser.add_argument(
        "--motion", metavar="THESIS_ID", help="the claim debated (default: the map's first thesis)"
    )
    parser.add_argument(
        "--first",
        choices=("pro", "con"),
        default="pro",
        help="which side plays first (default: pro)",
    )
    parser.add_argument(
        "--turns",
        type=positive_int,
        default=6,
        metavar="N",
        help="turns in all, both sides together (default: 6)",
    )
    parser.add_argument(
        "--time",
        type=seconds_or_zero,
        default=0.0,
        metavar="SECONDS",
        help="time per turn; 0 means untimed (default: 0)",
    )
    parser.add_argument("--pro", metavar="NAME", default="", help="the Pro debater's name")
    parser.add_argument("--con", metavar="NAME", default="", help="the Con debater's name")
    parser.add_argument(
        "--judge",
        choices=("burden", "semantics"),
        default="burden",
        help=(
            "how the map decides: 'burden' (the default) gives Pro the round only if the "
            "motion stands and so does one of Pro's arguments for it, and Con the round if "
            "all of them fall; 'semantics' decides by the motion's grounded label alone"
        ),
    )
    parser.add_argument(
        "--transcript", metavar="FILE.md", help="save the round as a Markdown transcript"
    )
    parser.set_defaults(func=run)


def _read_line(prompt: str) -> str | None:
    sys.stdout.write(prompt)
    sys.stdout.flush()
    line = sys.stdin.readline()
    if not line:
        sys.stdout.write("\n")
        return None
    return line.rstrip("\r\n")


def _say(text: str) -> None:
    """Print for `round --plain`; map text in it never drives or reorders the terminal."""
    from argmap.display import visible

    sys.stdout.write(visible(text) + "\n")


def run(args: argparse.Namespace) -> int:
    from argmap.commands.map_input import load_usable_map, map_path
    from argmap.debate.round import Judge, Round, RoundError, settings_for
    from argmap.sides import Side

    transcript = Path(args.transcript) if args.transcript else None
    if transcript is not None and not transcript.parent.is_dir():
        raise CommandError(
            ExitCode.REFUSED_OUTPUT,
            f"error: cannot save the transcript in {transcript.parent}: "
            "no such folder; create it or choose another path",
        )
    loaded = load_usable_map(args.map)
    try:
        settings = settings_for(
            loaded,
            args.motion,
            first=Side(args.first),
            turns=args.turns,
            seconds=args.time,
            names={Side.PRO: args.pro, Side.CON: args.con},
            judge=Judge(args.judge),
        )
    except RoundError as exc:
        raise UsageError(str(exc)) from None
    if not args.plain:
        from argmap_tui.screens.round import run_round_app

        return run_round_app(map_path(args.map), loaded, settings, transcript)

    from argmap.debate.plain import PlainRound

    rnd = Round(loaded, settings)
    judged = PlainRound(rnd, _read_line, _say).run()
    if transcript is not None:
        save_transcript(rnd, judged, transcript)
    return ExitCode.OK


def save_transcript(rnd: Round, judged: Adjudication, path: Path) -> None:
    """Write the transcript; `CommandError` (exit 2, a refused output) if it cannot be."""
    from argmap.debate.transcript import render_transcript

    write_or_refuse(
        path, render_transcript(rnd, judged), f"error: cannot write the transcript {path}"
    )
    sys.stdout.write(f"Transcript saved to {path}\n")
