"""The `argmap` command line: parse arguments, dispatch to a command module."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Sequence

from argmap import __version__
from argmap.commands.errors import CommandError, ExitCode, UsageError

__all__ = ["COMMANDS", "CommandError", "UsageError", "build_parser", "main"]

# Each command: its name, its module under argmap.commands, and the summary
# `argmap --help` lists (the module's own parser says the same; a test keeps
# them in step). Only the module of the command being run is imported, so
# `argmap analyze x.af --semantics grounded` pays for no other command.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("explore", "explore", "open a map in the terminal UI (the default command)"),
    ("check", "check", "check maps for errors and warnings"),
    ("export", "export", "write a map as JSON, DOT, GraphML, Argdown, AIF or a class handout"),
    ("analyze", "analyze", "Dung semantics, strength and cruxes of a map or an ICCMA framework"),
    ("import", "import_map", "build a map from an Argdown, Kialo, AIF or argmap JSON file"),
    ("drill", "drill", "practise debating with drills generated from a map"),
    ("stats", "stats", "show your drill progress"),
    ("round", "round", "debate a motion against a classmate, judged by the map"),
    ("serve", "serve", "serve the explorer in a web browser (localhost by default)"),
    ("class-report", "class_report", "merge students' progress exports into a class report"),
    ("grade", "grade", "grade a class's typed answers (CSV or JSON Lines) against a map"),
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"argmap: error: {message}\n")
        raise SystemExit(ExitCode.USAGE)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `only`, the other commands are listed but not loaded."""
    parser = _Parser(
        prog="argmap",
        description="Argument maps and debate drills in the terminal.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, module, summary in COMMANDS:
        if only is None or name == only:
            importlib.import_module(f"argmap.commands.{module}").register(subparsers)
        else:
            subparsers.add_parser(name, help=summary)
    return parser


def _command_named(argv: Sequence[str]) -> str | None:
    """The command the arguments name (the first word that is one), if any."""
    names = {name for name, _, _ in COMMANDS}
    return next((word for word in argv if word in names), None)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = _command_named(argv)
    if command is None and any(word in ("-h", "--help") for word in argv):
        command_parser = build_parser()  # full help: every command's summary
    else:
        command_parser = build_parser(command or "explore")
    args = command_parser.parse_args(argv)
    if args.command is None:
        args = command_parser.parse_args(["explore", *argv])
    try:
        return int(args.func(args) or ExitCode.OK)
    except CommandError as exc:
        # The one place an error is reported: what the command printed so far
        # comes first, then `argmap: message`, never a traceback.
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
        sys.stderr.write(exc.render())
        return int(exc.code)
    except KeyboardInterrupt:
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        return int(ExitCode.OK)


if __name__ == "__main__":
    # Through the package, so that `python -m argmap.cli` and the console
    # script share one module (and one `CommandError` class).
    from argmap.cli import main as package_main

    raise SystemExit(package_main())
