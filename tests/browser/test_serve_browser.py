"""`argmap serve` as a class would use it: start the server, open the page, read the screen.

The Textual web page draws the terminal with xterm.js on a canvas, so the
text is not in the DOM and `--dump-dom` cannot see it. The test drives
headless Chromium over the DevTools protocol (on a pipe, see
`chromium_pipe`), installs a script before the page's own that keeps a
reference to the xterm `Terminal` the page creates, and reads the screen
through xterm's public buffer API (`buffer.active.getLine(i).translateToString()`):
the characters the browser shows, whatever renderer draws them.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.chromium_pipe import CHROMIUM, Chromium

# CI installs Chromium (.ci/run) and sets ARGMAP_REQUIRE_BROWSER=1, so there a
# missing browser fails the run instead of skipping the test in silence.
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("ARGMAP_REQUIRE_BROWSER"),
    reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)",
)

ROOT = Path(__file__).resolve().parents[2]

# Runs before the page's scripts: textual.js stores its xterm Terminal as
# `this.terminal`; an accessor on Object.prototype catches that one assignment,
# keeps the terminal, and removes itself.
CATCH_TERMINAL = """
(() => {
  window.__argmapTerminals = [];
  Object.defineProperty(Object.prototype, "terminal", {
    configurable: true,
    set(value) {
      delete Object.prototype.terminal;
      Object.defineProperty(this, "terminal",
        {value, writable: true, configurable: true, enumerable: true});
      window.__argmapTerminals.push(value);
    },
  });
})();
"""

READ_SCREEN = """
(() => {
  const term = (window.__argmapTerminals || []).at(-1);
  if (!term) return null;
  const buffer = term.buffer.active;
  const rows = [];
  for (let i = 0; i < buffer.length; i++) {
    const line = buffer.getLine(i);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
})()
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, server: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"argmap serve exited with status {server.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"argmap serve did not listen on port {port} within {timeout} s")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[int]:
    """`argmap serve` for a reader who has seen the legend (so the tree is in front)."""
    from argmap_tui.screens.legend import remember_legend_shown

    (tmp_path / "data").mkdir()
    assert remember_legend_shown(tmp_path / "data")
    yield from serving(tmp_path / "data")


@pytest.fixture
def first_start(tmp_path: Path) -> Iterator[int]:
    """`argmap serve` with a data folder nothing has been written to yet."""
    yield from serving(tmp_path / "data")


def serving(data: Path) -> Iterator[int]:
    """`argmap serve` on a free port; the server and its app sessions are killed afterwards."""
    port = free_port()
    env = {**os.environ, "ARGMAP_DATA_DIR": str(data)}
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap.cli", "serve", "--port", str(port)],
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
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def screen_text(port: int, wanted: str, timeout: float = 40.0) -> str:
    """The browser's terminal screen once `wanted` shows (or the last screen seen)."""
    text = ""
    with Chromium() as browser:
        page = browser.open_page()
        browser.send("Page.enable", None, page)
        browser.send("Page.addScriptToEvaluateOnNewDocument", {"source": CATCH_TERMINAL}, page)
        browser.send("Page.navigate", {"url": f"http://127.0.0.1:{port}/"}, page)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = browser.evaluate(page, READ_SCREEN) or ""
            if wanted in text:
                break
            time.sleep(0.5)
    return text


def test_the_bundled_maps_thesis_shows_in_the_browser(server: int) -> None:
    from argmap.bundled import default_map_path
    from argmap.loading import load_map

    bundled = load_map(default_map_path()).map
    assert bundled is not None
    thesis = bundled.claims_by_id[bundled.theses[0]].text
    # The tree shows the thesis on one line, cut at the pane's width: its start is enough.
    start = thesis[:40]
    screen = screen_text(server, start)
    assert start in screen, f"thesis {start!r} not on the browser's screen:\n{screen}"


def test_a_first_start_in_the_browser_shows_the_legend(first_start: int) -> None:
    screen = screen_text(first_start, "What the marks mean")
    assert "What the marks mean" in screen, screen


def outward_address() -> str | None:
    """This machine's address on its network (a UDP connect sends nothing), if any."""
    for somewhere in ("10.254.254.254", "192.0.2.1"):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            try:
                probe.connect((somewhere, 9))
            except OSError:
                continue
            address = str(probe.getsockname()[0])
        if not address.startswith("127.") and address != "0.0.0.0":
            return address
    return None


def test_by_default_only_this_machine_can_connect(server: int) -> None:
    address = outward_address()
    if address is None:
        pytest.skip("this machine has no network address besides loopback")
    with socket.create_connection(("127.0.0.1", server), timeout=5):
        pass
    with pytest.raises(OSError), socket.create_connection((address, server), timeout=5):
        pass
