"""`argmap serve [MAP]`: the explorer in a web browser, for a projector or a lab.

textual-serve runs one `argmap explore MAP` process per browser tab and
streams its screen to xterm.js in the page. It listens on 127.0.0.1 unless
told otherwise: anyone who can reach the port can use the app (and open
maps the server can read), so only widen `--host` on a network you trust.

argmap serves its own page in place of textual-serve's (docs/classroom.md):
every asset comes from this server and its content security policy forbids
the rest; no request header is copied into it; each request must name one
of this server's host names and each websocket come from one of its pages;
and at most `--max-sessions` tabs run at once.
"""

from __future__ import annotations

import argparse
import contextlib
import shlex
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from argmap.commands.errors import CommandError, ExitCode


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "serve",
        help="serve the explorer in a web browser (localhost by default)",
        description=(
            "Serve the argmap app in a browser: each browser tab gets its own session. "
            "Listens on 127.0.0.1 unless --host says otherwise; stop it with Ctrl+C."
        ),
    )
    parser.add_argument("map", nargs="?", metavar="MAP", help="map file (default: bundled map)")
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only; "
        "0.0.0.0 for every network the machine is on)",
    )
    parser.add_argument(
        "--port", type=_port, default=8000, metavar="N", help="port to listen on (default: 8000)"
    )
    parser.add_argument(
        "--max-sessions",
        type=_sessions,
        default=DEFAULT_MAX_SESSIONS,
        metavar="N",
        help="most browser tabs served at once, each running "
        f"its own app (default: {DEFAULT_MAX_SESSIONS})",
    )
    parser.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="another host name browsers use to reach this server, e.g. "
        "classroom.example.org (repeatable); others are refused",
    )
    parser.set_defaults(func=run)


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError("a port is a number from 1 to 65535")
    return value


def _sessions(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError("--max-sessions is a number from 1 to 1000")
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


DEFAULT_MAX_SESSIONS = 10
PAGE_DIR = Path(__file__).resolve().parent.parent / "serve_page"
# The served page may load only this server's own scripts, styles, fonts and
# images and talk only to this server; everything else (a font service, a
# tracker, a frame) is refused by the browser. textual.js adds <style>
# elements, hence 'unsafe-inline' for styles only (as in the class report).
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "font-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
_WILDCARD = frozenset({"0.0.0.0", "::", ""})


def _bare(host: str) -> str:
    return host[1:-1] if host.startswith("[") and host.endswith("]") else host


def allowed_hosts(bind: str, extra: Sequence[str] = ()) -> frozenset[str]:
    """The host names a browser may use to reach this server (lower case, no port).

    Only these pass the Host check on every request and the Origin check on
    the websocket: a page from any other site (or a DNS name rebound to this
    machine) is refused. Listening on a wildcard address allows this
    machine's own names and addresses; `--allow-host` adds others.
    """
    import socket

    names = {_bare(bind).lower(), *(_bare(h).lower() for h in extra)}
    if bind in _WILDCARD or _bare(bind) in _LOOPBACK:
        names |= _LOOPBACK
    if bind in _WILDCARD:
        hostname = socket.gethostname()
        names |= {hostname.lower(), socket.getfqdn().lower()}
        with contextlib.suppress(OSError):
            names |= {str(info[4][0]).lower() for info in socket.getaddrinfo(hostname, None)}
        with (
            contextlib.suppress(OSError),
            socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe,
        ):
            probe.connect(("192.0.2.1", 9))  # no packet is sent: finds the outward address
            names.add(str(probe.getsockname()[0]))
    return frozenset(names - _WILDCARD)


def _host_of(value: str) -> str | None:
    """The host part of a Host header or an Origin, lower case; None when malformed."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(value if "//" in value else f"//{value}")
        host, _ = parts.hostname, parts.port  # .port raises on a bad port
    except ValueError:
        return None
    return host.lower() if host else None


def request_allowed(
    headers: Mapping[str, str], hosts: frozenset[str], port: int, websocket: bool
) -> str | None:
    """Why a request must be refused (None when it may go on).

    Every request must name an allowed host in `Host` (this defeats DNS
    rebinding); a websocket must also come from a page this server served:
    its `Origin` is `http://ALLOWED-HOST:PORT`, so no other site open in the
    teacher's browser can read the screen or type into the app.
    """
    if _host_of(headers.get("Host", "")) not in hosts:
        return "this server does not answer to that host name"
    if websocket:
        origin = headers.get("Origin", "")
        from urllib.parse import urlsplit

        try:
            parts = urlsplit(origin)
            origin_port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
        except ValueError:
            return "malformed Origin"
        if (
            parts.scheme not in ("http", "https")
            or (parts.hostname or "") not in hosts
            or origin_port != port
        ):
            return "the websocket does not come from a page of this server"
    return None


def page_title(map_title: str) -> str:
    """The browser tab's title: the map's first (a tab shows only its start), then argmap."""
    return f"{map_title} – argmap"


def page_html(title: str, font_size: int = 16) -> str:
    """The page every browser tab gets: no request header is copied into it."""
    import html

    from argmap.display import visible_line

    page = (PAGE_DIR / "index.html").read_text(encoding="utf-8")
    return (
        page.replace("__CSP__", CSP)
        .replace("__TITLE__", html.escape(visible_line(title)))
        .replace("__FONT_SIZE__", str(max(6, min(font_size, 64))))
    )


def make_server(
    command: str,
    host: str,
    port: int,
    title: str,
    max_sessions: int = DEFAULT_MAX_SESSIONS,
    extra_hosts: Sequence[str] = (),
) -> Any:
    """A textual-serve Server with argmap's page, host and origin checks and a session cap."""
    from aiohttp import web
    from textual_serve.server import Server

    hosts = allowed_hosts(host, extra_hosts)
    full_message = (
        f"argmap serve: all {max_sessions} sessions are in use. Close another "
        "tab, or restart the server with a higher --max-sessions."
    )

    class ClassroomServer(Server):
        sessions = 0

        async def _make_app(self) -> web.Application:
            @web.middleware
            async def guard(request: web.Request, handler: Any) -> web.StreamResponse:
                websocket = request.path == "/ws"
                refused = request_allowed(request.headers, hosts, port, websocket)
                if refused is not None:
                    self.console.print(
                        f"refused a request for {request.path!r}: {refused}",
                        markup=False,
                        highlight=False,
                    )
                    return web.Response(status=403, text=f"argmap serve: {refused}\n")
                response: web.StreamResponse = await handler(request)
                response.headers.setdefault("Content-Security-Policy", CSP)
                response.headers.setdefault("X-Content-Type-Options", "nosniff")
                response.headers.setdefault("Referrer-Policy", "no-referrer")
                return response

            app = web.Application(middlewares=[guard])
            app.add_routes(
                [
                    web.get("/", self.page),
                    web.get("/ws", self.socket),
                    web.get("/download/{key}", self.handle_download),
                    web.get("/argmap/page.js", self.asset("page.js", "text/javascript")),
                    web.get("/argmap/page.css", self.asset("page.css", "text/css")),
                    web.static("/static", self.statics_path, show_index=False),
                ]
            )
            app.on_startup.append(self.on_startup)
            app.on_shutdown.append(self.on_shutdown)
            return app

        async def on_startup(self, app: web.Application) -> None:
            """textual-serve prints a logo and its URL here; argmap prints its own line."""

        def asset(self, name: str, kind: str) -> Any:
            body = (PAGE_DIR / name).read_bytes()

            async def serve(request: web.Request) -> web.Response:
                return web.Response(body=body, content_type=kind)

            return serve

        async def page(self, request: web.Request) -> web.Response:
            if self.sessions >= max_sessions:
                return web.Response(status=503, text=full_message + "\n")
            size = request.query.get("fontsize", "16")
            return web.Response(
                text=page_html(title, int(size) if size.isdigit() else 16), content_type="text/html"
            )

        async def socket(self, request: web.Request) -> web.StreamResponse:
            if self.sessions >= max_sessions:
                self.console.print(full_message, markup=False, highlight=False)
                return web.Response(status=503, text=full_message + "\n")
            self.sessions += 1
            try:
                return await self.handle_websocket(request)
            finally:
                self.sessions -= 1

    return ClassroomServer(
        command, host=host, port=port, title=title, public_url=f"http://{_url_host(host)}:{port}"
    )


def run(args: argparse.Namespace) -> int:
    import socket

    from argmap.commands.map_input import load_usable_map, map_path
    from argmap.display import visible_line

    loaded = load_usable_map(args.map)  # refuse a broken map before serving it
    try:
        import textual_serve.server  # noqa: F401
    except ImportError:
        raise CommandError(
            ExitCode.UNAVAILABLE,
            "error: 'argmap serve' needs the textual-serve package; "
            "install it with: pip install 'textual-serve>=1.1,<2'",
        ) from None
    try:  # fail with a message, not a traceback, when the port is taken
        with socket.create_server((args.host, args.port)):
            pass
    except OSError as exc:
        raise CommandError(
            ExitCode.UNAVAILABLE,
            f"error: cannot listen on {args.host}:{args.port}: "
            f"{exc.strerror or exc}; choose another --port or --host",
        ) from None
    path = str(map_path(args.map).resolve())
    server = make_server(
        session_command(path),
        args.host,
        args.port,
        page_title(loaded.title),
        args.max_sessions,
        args.allow_host,
    )
    sys.stdout.write(
        f"Serving {visible_line(loaded.title)!r} on "
        f"http://{_url_host(args.host)}:{args.port} (Ctrl+C to stop; at most "
        f"{args.max_sessions} sessions at once)\n"
    )
    sys.stdout.flush()
    server.serve()
    return ExitCode.OK
