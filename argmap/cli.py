"""The `argmap` command line: parse arguments, dispatch to a command module.

The core's own commands are listed here. The commands that open the terminal
UI (`explore`, `drill`, `stats`, `round`) live in `argmap_tui.commands` and
are found through the `argmap.commands` entry point group, so the core never
names the TUI; their metadata is read only when such a command is run (or the
full help is shown), so `argmap check` pays nothing for it.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Sequence

from argmap import __version__
from argmap.commands.errors import CommandError, ExitCode, UsageError

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: the grounded path loads no typing
if TYPE_CHECKING:
    from types import ModuleType

__all__ = [
    "COMMANDS",
    "ENTRY_POINT_GROUP",
    "CommandError",
    "UsageError",
    "build_parser",
    "front_end_commands",
    "main",
]

# Each core command: its name, its module under argmap.commands, and the
# summary `argmap --help` lists (the module's own parser says the same; a test
# keeps them in step). Only the module of the command being run is imported, so
# `argmap analyze x.af --semantics grounded` pays for no other command.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("check", "check", "check maps for errors and warnings"),
    ("export", "export", "write a map as JSON, DOT, GraphML, Argdown, AIF or a class handout"),
    ("analyze", "analyze", "Dung semantics, strength and cruxes of a map or an ICCMA framework"),
    ("import", "import_map", "build a map from an Argdown, Kialo, AIF or argmap JSON file"),
    ("serve", "serve", "serve the explorer in a web browser (localhost by default)"),
    ("class-report", "class_report", "merge students' progress exports into a class report"),
    ("grade", "grade", "grade a class's typed answers (CSV or JSON Lines) against a map"),
)


# Commands contributed by an installed front end: an entry point names a module
# with `SUMMARY` and `register(subparsers)`, as the core command modules have.
ENTRY_POINT_GROUP = "argmap.commands"
# The command run when none is named (`argmap`, `argmap my-map.yaml`).
DEFAULT_COMMAND = "explore"


def front_end_commands() -> dict[str, ModuleType]:
    """The installed front ends' commands by name, their modules loaded (cheap: no Textual)."""
    from importlib.metadata import entry_points

    found: dict[str, ModuleType] = {}
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        if entry.name not in found and entry.name not in _CORE_NAMES:
            found[entry.name] = entry.load()
    return found


_CORE_NAMES = frozenset(name for name, _, _ in COMMANDS)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"argmap: error: {message}\n")
        raise SystemExit(ExitCode.USAGE)


def build_parser(
    only: str | None = None, front_end: dict[str, ModuleType] | None = None
) -> argparse.ArgumentParser:
    """The parser; with `only`, the other core commands are listed but not loaded.

    `front_end` adds the front end's commands (see `front_end_commands`); their
    modules are already loaded, so each registers fully.
    """
    parser = _Parser(
        prog="argmap",
        description="Argument maps and debate drills in the terminal.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    front_end = front_end or {}
    # The default command first, as `argmap --help` has always listed it.
    for name, command in sorted(front_end.items(), key=lambda item: item[0] != DEFAULT_COMMAND):
        if only is None or name == only:
            command.register(subparsers)
        else:
            subparsers.add_parser(name, help=command.SUMMARY)
    for name, module, summary in COMMANDS:
        if only is None or name == only:
            importlib.import_module(f"argmap.commands.{module}").register(subparsers)
        else:
            subparsers.add_parser(name, help=summary)
    return parser


def _first_word(argv: Sequence[str]) -> str | None:
    """The first argument that is not an option: a command's name, or a map for explore."""
    return next((word for word in argv if not word.startswith("-")), None)


def _names_a_map(word: str) -> bool:
    """A word that is no command but a map: a file, a `.yaml` name, a bundled map."""
    from argmap.bundled import resolve_map_path

    return word.endswith((".yaml", ".yml")) or resolve_map_path(word).is_file()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    first = _first_word(argv)
    wants_help = any(word in ("-h", "--help") for word in argv)
    if first in _CORE_NAMES:
        command_parser = build_parser(first)
    else:
        front_end = front_end_commands()
        if first in front_end:
            command_parser = build_parser(first, front_end)
        elif wants_help and first is None:
            command_parser = build_parser(None, front_end)  # full help: every summary
        elif DEFAULT_COMMAND in front_end:
            command_parser = build_parser(DEFAULT_COMMAND, front_end)
            if first is not None and _names_a_map(first):
                argv = [DEFAULT_COMMAND, *argv]  # `argmap my-map.yaml` explores it
        else:
            sys.stderr.write(
                f"argmap: error: the terminal UI (argmap_tui) is not installed, so "
                f"'{DEFAULT_COMMAND}' is not available; reinstall argmap, or run "
                f"'argmap --help' for the commands that are\n"
            )
            return int(ExitCode.USAGE)
    args = command_parser.parse_args(argv)
    if args.command is None:
        args = command_parser.parse_args([DEFAULT_COMMAND, *argv])
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
