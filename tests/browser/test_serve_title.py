"""The served page has a <title>: the map's title (escaped), so a tab says which map it is."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from argmap.bundled import bundled_maps_dir, default_map_path
from argmap.commands.serve import page_html, page_title
from argmap.display import visible_line
from argmap.loading import load_map
from tests.browser.chromium_pipe import CHROMIUM, Chromium
from tests.browser.test_serve_browser import CATCH_TERMINAL, READ_SCREEN, free_port, wait_for_port

ROOT = Path(__file__).resolve().parents[2]
HOSTILE_TITLE = "Locks </title><script>alert(1)</script> & <b>more</b>\u202e"


class _Head(HTMLParser):
    """The <title> elements of a page, where they sit, and every tag seen."""

    def __init__(self) -> None:
        super().__init__()
        self.titles: list[str] = []
        self.open: list[str] = []
        self.title_parents: list[list[str]] = []
        self.tags: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "title":
            self.title_parents.append(list(self.open))
            self.titles.append("")
            self._in_title = True
        if tag not in {"meta", "link"}:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self.open and self.open[-1] == tag:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.titles[-1] += data


def parse(page: str) -> _Head:
    head = _Head()
    head.feed(page)
    return head


def test_the_page_has_one_title_in_its_head_with_the_map_title_escaped() -> None:
    head = parse(page_html(page_title(HOSTILE_TITLE)))
    assert head.titles == [visible_line(page_title(HOSTILE_TITLE))]
    assert head.title_parents == [["html", "head"]]
    # Only the page's own two scripts, never one from the title.
    assert head.tags.count("script") == 2 and "b" not in head.tags
    assert "⟨U+202E⟩" in head.titles[0]  # a bidi override shown, not obeyed
    assert page_title("A map").startswith("A map")  # a tab shows the map first


@pytest.fixture
def hostile_map_server(tmp_path: Path) -> Iterator[int]:
    """`argmap serve` of a copy of the example map whose title holds markup."""
    source = (bundled_maps_dir() / "example-smart-locks.yaml").read_text("utf-8")
    hostile = tmp_path / "hostile.yaml"
    start = source.index("  title: ")
    end = source.index("\n", start)
    quoted = HOSTILE_TITLE.replace("\u202e", "\\u202e").replace('"', '\\"')
    hostile.write_text(source[:start] + f'  title: "{quoted}"' + source[end:], "utf-8")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap.cli", "serve", str(hostile), "--port", str(port)],
        cwd=ROOT,
        env={**os.environ, "ARGMAP_DATA_DIR": str(tmp_path / "data")},
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


def test_the_live_server_titles_its_page_with_the_maps_title(hostile_map_server: int) -> None:
    with urllib.request.urlopen(f"http://127.0.0.1:{hostile_map_server}/", timeout=10) as reply:
        page = reply.read().decode("utf-8")
    head = parse(page)
    assert head.titles == [visible_line(page_title(HOSTILE_TITLE))]
    assert head.title_parents == [["html", "head"]]
    assert "alert(1)</script>" not in page and head.tags.count("script") == 2


@pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("ARGMAP_REQUIRE_BROWSER"),
    reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)",
)
def test_the_browser_tab_shows_the_maps_title(tmp_path: Path) -> None:
    bundled = load_map(default_map_path()).map
    assert bundled is not None
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap.cli", "serve", "--port", str(port)],
        cwd=ROOT,
        env={**os.environ, "ARGMAP_DATA_DIR": str(tmp_path / "data")},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_for_port(port, process)
        with Chromium() as browser:
            page = browser.open_page()
            browser.send("Page.enable", None, page)
            browser.send("Page.addScriptToEvaluateOnNewDocument", {"source": CATCH_TERMINAL}, page)
            browser.send("Page.navigate", {"url": f"http://127.0.0.1:{port}/"}, page)
            deadline = time.monotonic() + 40
            while time.monotonic() < deadline:  # once the app draws, it has not retitled
                if (browser.evaluate(page, READ_SCREEN) or "").strip():
                    break
                time.sleep(0.5)
            assert browser.evaluate(page, "document.title") == visible_line(
                page_title(bundled.title)
            )
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
