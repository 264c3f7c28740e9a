"""The analysis child process: answers like the in-thread analysis, and stops at once."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from tests.tui.support import EXAMPLE, load
from tui.analysis_process import ProcessAnalyser
from tui.analysis_view import analyse


def test_child_gives_the_same_views_as_the_analysis_in_process() -> None:
    the_map = load(EXAMPLE)
    analyser = ProcessAnalyser()
    try:
        base, shown = analyser(the_map, (), (), None)
        expected, _ = analyse(the_map)
        assert base == expected and shown == expected
        _, what_if = analyser(the_map, (), ("photos-collected",), base)
        assert what_if.what_if
        assert what_if.claims["photos-collected"].label == "out"
    finally:
        analyser.close()


def test_close_ends_a_waiting_request_at_once(tmp_path: Path) -> None:
    # A map the child takes seconds over: a chain of 5,000 attacks. (A named
    # pipe no longer serves: argmap refuses what is not a regular file at once.)
    slow = tmp_path / "chain.yaml"
    slow.write_text("map: {id: c, title: C, theses: [c0]}\nclaims:\n"
                    + "".join(f"  - {{id: c{i}, text: c{i}, kind: value}}\n" for i in range(5000))
                    + "relations:\n"
                    + "".join(f"  - {{type: attack, from: c{i}, to: c{i - 1}}}\n"
                              for i in range(1, 5000)))
    the_map = load(EXAMPLE)
    object.__setattr__(the_map, "path", str(slow))
    analyser = ProcessAnalyser()
    errors: list[BaseException] = []

    def ask() -> None:
        try:
            analyser(the_map, (), (), None)
        except RuntimeError as exc:
            errors.append(exc)

    thread = threading.Thread(target=ask)
    thread.start()
    time.sleep(0.3)
    assert thread.is_alive()
    started = time.perf_counter()
    analyser.close()
    thread.join(timeout=5)
    assert not thread.is_alive()
    assert time.perf_counter() - started < 3
    assert errors and "stopped" in str(errors[0])
