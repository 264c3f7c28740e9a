"""The `argmap` command line: parse arguments, dispatch to a command module."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from argmap import __version__

# Modules under argmap.commands, in the order `argmap --help` lists them.
COMMAND_MODULES = (
    "explore",
    "check",
    "export",
    "analyze",
    "import_map",
    "drill",
    "stats",
    "round",
    "serve",
    "class_report",
)


class UsageError(Exception):
    """Raised by a command for a wrong command line; exits with status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"argmap: error: {message}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="argmap",
        description="Argument maps and debate drills in the terminal.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"argmap.commands.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["explore", *(argv or [])])
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        sys.stderr.write(f"argmap: error: {exc}\n")
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
