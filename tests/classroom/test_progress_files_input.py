"""Hand-in files are read as every other input is (issue 15): only regular files,
under the shared size limit, and a FIFO never blocks the report."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from argmap.classroom.progress_files import FileProblem, read_progress_file
from argmap.cli import main


def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "student.json"
    os.mkfifo(fifo)
    result: list[object] = []
    reader = threading.Thread(target=lambda: result.append(read_progress_file(fifo)), daemon=True)
    reader.start()
    reader.join(5)
    assert not reader.is_alive(), "read_progress_file blocked on a FIFO"
    problem = result[0]
    assert isinstance(problem, FileProblem) and "pipe (FIFO)" in problem.message


def test_a_folder_and_a_device_are_refused(tmp_path: Path) -> None:
    for path, kind in ((tmp_path, "a folder"), (Path("/dev/zero"), "a device")):
        problem = read_progress_file(path)
        assert isinstance(problem, FileProblem) and kind in problem.message


def test_the_size_limit_is_the_shared_one_and_says_how_to_raise_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (1024 * 1024 + 1) + b"{}")
    monkeypatch.setenv("ARGMAP_MAX_FILE_MB", "1")
    problem = read_progress_file(big)
    assert isinstance(problem, FileProblem)
    assert "over the limit of 1 MB" in problem.message
    assert "ARGMAP_MAX_FILE_MB" in problem.message


def test_class_report_on_a_fifo_exits_one_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "x.json"
    os.mkfifo(fifo)
    assert main(["class-report", str(fifo), "-o", str(tmp_path / "r.html")]) == 1
    captured = capsys.readouterr()
    assert f"{fifo}: cannot read the file: it is a pipe (FIFO)" in captured.out + captured.err
    assert "Traceback" not in captured.err
    assert not (tmp_path / "r.html").exists()
