"""`argmap serve [MAP]`: the explorer in a web browser, for a projector or a lab.

textual-serve runs one `argmap explore MAP` process per browser tab and
streams its screen to xterm.js in the page. It listens on 127.0.0.1 unless
told otherwise: anyone who can reach the port can use the app (and open
maps the server can read), so only widen `--host` on a network you trust.
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from typing import Any


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "serve",
        help="serve the explorer in a web browser (localhost by default)",
        description=(
            "Serve the argmap app in a browser: each browser tab gets its own session. "
            "Listens on 127.0.0.1 unless --host says otherwise; stop it with Ctrl+C."),
    )
    parser.add_argument("map", nargs="?", metavar="MAP", help="map file (default: bundled map)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: 127.0.0.1, this machine only; "
                             "0.0.0.0 for every network the machine is on)")
    parser.add_argument("--port", type=_port, default=8000, metavar="N",
                        help="port to listen on (default: 8000)")
    parser.set_defaults(func=run)


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError("a port is a number from 1 to 65535")
    return value


def session_command(map_file: str) -> str:
    """The shell command textual-serve runs for each browser session."""
    return shlex.join([sys.executable, "-m", "argmap.cli", "explore", map_file])


def _url_host(host: str) -> str:
    """How to write the host in a URL a browser on this machine can open."""
    if host in ("0.0.0.0", ""):
        return "127.0.0.1"
    if host == "::":
        return "[::1]"
    return f"[{host}]" if ":" in host else host


_HOST_HEADER = re.compile(r"[A-Za-z0-9.\-]+(:[0-9]{1,5})?|\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?")


def page_origin(host_header: str, fallback: str) -> str:
    """The origin a browser used to reach us, so its websocket goes back the same way.

    textual-serve writes one fixed URL into every page; behind `--host 0.0.0.0`
    that URL would point each student's browser at its own machine. The Host
    header is used only when it is a plain host[:port] (never markup).
    """
    if _HOST_HEADER.fullmatch(host_header):
        return f"http://{host_header}"
    return fallback


def make_server(command: str, host: str, port: int, title: str) -> Any:
    """A textual-serve Server whose pages point back at the address each browser used."""
    from textual_serve.server import Server

    fallback = f"http://{_url_host(host)}:{port}"

    class SameOriginServer(Server):
        async def handle_index(self, request: Any) -> Any:
            self.public_url = page_origin(request.host, fallback)
            return await super().handle_index(request)

    return SameOriginServer(command, host=host, port=port, title=title, public_url=fallback)


def run(args: argparse.Namespace) -> int:
    import socket

    from argmap.commands.map_input import load_map_or_report, map_path

    loaded = load_map_or_report(args.map)  # refuse a broken map before serving it
    if isinstance(loaded, int):
        return loaded
    try:
        import textual_serve.server  # noqa: F401
    except ImportError:
        sys.stderr.write("argmap: error: 'argmap serve' needs the textual-serve package; "
                         "install it with: pip install 'textual-serve>=1.1,<2'\n")
        return 2
    try:  # fail with a message, not a traceback, when the port is taken
        with socket.create_server((args.host, args.port)):
            pass
    except OSError as exc:
        sys.stderr.write(f"argmap: error: cannot listen on {args.host}:{args.port}: "
                         f"{exc.strerror or exc}; choose another --port or --host\n")
        return 2
    path = str(map_path(args.map).resolve())
    server = make_server(session_command(path), args.host, args.port, f"argmap: {loaded.title}")
    sys.stdout.write(f"Serving {loaded.title!r} on http://{_url_host(args.host)}:{args.port}"
                     " (Ctrl+C to stop)\n")
    sys.stdout.flush()
    server.serve()
    return 0
