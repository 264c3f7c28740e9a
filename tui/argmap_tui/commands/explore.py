"""`argmap explore [MAP]` (and plain `argmap`): open a map in the terminal UI."""

from __future__ import annotations

import argparse

from argmap.commands.map_input import load_usable_map, map_path, require_source_dirs

THEMES = {"dark": "textual-dark", "light": "textual-light"}

# What `argmap --help` lists for this command.
SUMMARY = "open a map in the terminal UI (the default command)"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "explore",
        help=SUMMARY,
        description="Explore a map: pro/con tree, claim details, search, filters, what-if. "
        "Press ? inside for every key.",
    )
    parser.add_argument("map", nargs="?", metavar="MAP", help="map file (default: bundled map)")
    parser.add_argument(
        "--theme",
        choices=sorted(THEMES),
        default=None,
        help="colour theme (default: dark; Ctrl+T switches inside)",
    )
    parser.add_argument(
        "--sources",
        action="append",
        default=[],
        metavar="DIR",
        help="folder of the sources' text files, used to check quotes when "
        "the map is reloaded (repeatable)",
    )
    parser.add_argument(
        "--no-watch", action="store_true", help="do not reload the map when its file changes"
    )
    parser.add_argument(
        "--judge",
        choices=("burden", "semantics"),
        default="burden",
        help="how the rounds opened with R are decided (as argmap round --judge; "
        "default: burden of proof)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    require_source_dirs(getattr(args, "sources", []))
    loaded = load_usable_map(args.map, getattr(args, "sources", []))
    from argmap.context import Context
    from argmap_tui.app import create_app

    context = Context.make(
        map_path(args.map),
        source_dirs=getattr(args, "sources", []),
        theme=THEMES.get(getattr(args, "theme", None) or ""),
        watch=not getattr(args, "no_watch", False),
        judge=getattr(args, "judge", "burden"),
    )
    app = create_app(context, loaded)
    app.run()
    return int(app.return_code or 0)
