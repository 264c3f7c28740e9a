"""`argmap explore [MAP]` (and plain `argmap`): open a map in the terminal UI."""

from __future__ import annotations

import argparse

from argmap.commands.map_input import load_map_or_report, map_path


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "explore",
        help="open a map in the terminal UI (the default command)",
        description="Explore a map: pro/con tree, claim details, search, what-if.",
    )
    parser.add_argument("map", nargs="?", metavar="MAP", help="map file (default: bundled map)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    loaded = load_map_or_report(args.map)
    if isinstance(loaded, int):
        return loaded
    from tui.app import create_app

    app = create_app(map_path(args.map), loaded)
    app.run()
    return int(app.return_code or 0)
