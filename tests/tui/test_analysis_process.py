"""The analysis child process: answers like the in-thread analysis, analyses the version
the parent loaded, imports no Textual, and stops at once."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from argmap.view_model import analyse
from argmap_tui.analysis_process import ProcessAnalyser
from tests.tui.support import EXAMPLE, load


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


def test_close_ends_a_waiting_request_at_once() -> None:
    # A map the child takes seconds over: a chain of 5,000 attacks. (A named
    # pipe no longer serves: argmap refuses what is not a regular file at once.)
    slow = (
        "map: {id: c, title: C, theses: [c0]}\nclaims:\n"
        + "".join(f"  - {{id: c{i}, text: c{i}, kind: value}}\n" for i in range(5000))
        + "relations:\n"
        + "".join(f"  - {{type: attack, from: c{i}, to: c{i - 1}}}\n" for i in range(1, 5000))
    )
    the_map = load(EXAMPLE)
    object.__setattr__(the_map, "source_text", slow)
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


CHILD_MODULES = """
import io, pickle, sys
from argmap_tui.analysis_process import serve
text = open(sys.argv[1], encoding="utf-8").read()
requests = io.BytesIO(pickle.dumps((sys.argv[1], text)) + pickle.dumps(([], [])))
replies = io.BytesIO()
serve(requests, replies)
status, base, _ = pickle.loads(replies.getvalue())
assert status == "ok" and base.claims, status
print(sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich")))
"""


def test_the_child_imports_no_textual() -> None:
    """The child's whole life, a full analysis included, loads neither Textual nor Rich."""
    proc = subprocess.run(
        [sys.executable, "-c", CHILD_MODULES, str(EXAMPLE)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_the_child_is_started_without_the_file_name() -> None:
    """It is given the text on its stdin: nothing on its command line names the file."""
    the_map = load(EXAMPLE)
    analyser = ProcessAnalyser()
    try:
        analyser(the_map, (), (), None)
        process = analyser._process
        assert process is not None and str(EXAMPLE) not in " ".join(map(str, process.args))
    finally:
        analyser.close()


def test_the_child_analyses_the_version_loaded_not_the_file_now(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    shutil.copy(EXAMPLE, path)
    the_map = load(path)
    expected, _ = analyse(the_map)
    # The file changes after loading: every claim but the thesis is gone.
    thesis = the_map.theses[0]
    claim = the_map.claims_by_id[thesis]
    path.write_text(
        f"map: {{id: {the_map.id}, title: T, theses: [{thesis}]}}\nclaims:\n"
        f"  - {{id: {thesis}, text: {claim.text!r}, kind: {claim.kind}}}\n"
    )
    assert len(load(path).claims) == 1
    analyser = ProcessAnalyser()
    try:
        base, _ = analyser(the_map, (), (), None)
    finally:
        analyser.close()
    assert set(base.claims) == set(the_map.claims_by_id) and len(base.claims) > 1
    assert base == expected
