"""`argmap serve` against other sites (issue 15): only its own pages may open a
session, no Host header reaches a page, sessions are capped, nothing is loaded
from a third party. Runs a real server; needs no browser."""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.commands.serve import CSP, allowed_hosts, page_html, request_allowed
from tests.browser.test_serve_browser import free_port, wait_for_port

ROOT = Path(__file__).resolve().parents[2]
HOSTS = allowed_hosts("127.0.0.1")


@pytest.mark.parametrize(
    ("headers", "websocket", "ok"),
    [
        ({"Host": "127.0.0.1:8000"}, False, True),
        ({"Host": "localhost:8000"}, False, True),
        ({"Host": "evil.example:8000"}, False, False),  # DNS rebinding
        ({"Host": 'x"><script>'}, False, False),
        ({"Host": "127.0.0.1:8000", "Origin": "http://127.0.0.1:8000"}, True, True),
        ({"Host": "127.0.0.1:8000", "Origin": "http://localhost:8000"}, True, True),
        ({"Host": "127.0.0.1:8000", "Origin": "http://evil.example"}, True, False),
        ({"Host": "127.0.0.1:8000", "Origin": "http://127.0.0.1:9999"}, True, False),
        ({"Host": "127.0.0.1:8000", "Origin": "null"}, True, False),
        ({"Host": "127.0.0.1:8000"}, True, False),  # no Origin at all
    ],
)
def test_requests_allowed_only_from_this_server(headers, websocket, ok) -> None:
    assert (request_allowed(headers, HOSTS, 8000, websocket) is None) is ok


def test_extra_host_names_can_be_allowed() -> None:
    hosts = allowed_hosts("0.0.0.0", ["Classroom.Example.org"])
    assert "classroom.example.org" in hosts and "127.0.0.1" in hosts
    assert "evil.example" not in hosts


def test_page_loads_nothing_from_elsewhere_and_escapes_the_title() -> None:
    page = page_html("argmap: <script>x</script> \u202e")
    assert "googleapis" not in page and "https://" not in page and "http://" not in page
    assert "<script>x" not in page and "⟨U+202E⟩" in page
    assert CSP in page and "default-src 'none'" in CSP and "<script>" not in page


@pytest.fixture
def server(tmp_path: Path) -> Iterator[int]:
    port = free_port()
    env = {**os.environ, "ARGMAP_DATA_DIR": str(tmp_path / "data")}
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap.cli", "serve", "--port", str(port), "--max-sessions", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_for_port(port, process)
        yield port
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def _get(port: int, path: str, host: str) -> tuple[int, str, dict[str, str]]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.putrequest("GET", path, skip_host=True)
    conn.putheader("Host", host)
    conn.endheaders()
    reply = conn.getresponse()
    body = reply.read().decode("utf-8", "replace")
    conn.close()
    return reply.status, body, dict(reply.getheaders())


def test_live_server_refuses_foreign_hosts_and_origins_and_caps_sessions(server: int) -> None:
    import aiohttp

    good = f"127.0.0.1:{server}"
    status, body, headers = _get(server, "/", good)
    assert status == 200 and "googleapis" not in body and good not in body
    assert headers["Content-Security-Policy"] == CSP
    status, _, _ = _get(server, "/static/fonts/RobotoMono-VariableFont_wght.ttf", good)
    assert status == 200  # the font is served here
    assert _get(server, "/", f"evil.example:{server}")[0] == 403

    async def sockets() -> tuple[int, int, str]:
        url = f"ws://127.0.0.1:{server}/ws"
        async with aiohttp.ClientSession() as client:
            with pytest.raises(aiohttp.WSServerHandshakeError) as foreign:
                await client.ws_connect(url, origin="http://evil.example")
            async with client.ws_connect(url, origin=f"http://{good}"):
                with pytest.raises(aiohttp.WSServerHandshakeError) as second:
                    await client.ws_connect(url, origin=f"http://{good}")
                async with client.get(f"http://{good}/") as page:
                    full = await page.text()
            return foreign.value.status, second.value.status, full

    foreign, second, full = asyncio.run(sockets())
    assert foreign == 403 and second == 503
    assert "all 1 sessions are in use" in full and "--max-sessions" in full
