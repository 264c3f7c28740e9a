"""Outputs land where the user pointed, by the rules of argmap.atomic_write (issue 15)."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from argmap.atomic_write import OutputRefused, write_output
from argmap.cli import main

MAP = Path(__file__).resolve().parent.parent / "data" / "hostile" / "small-ok.yaml"


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_new_file_honours_the_umask(tmp_path, umask_022) -> None:
    target = tmp_path / "map.json"
    assert main(["export", str(MAP), "--to", "json", "-o", str(target)]) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    os.umask(0o027)
    other = tmp_path / "other.yaml"
    write_output(other, "x")
    assert stat.S_IMODE(other.stat().st_mode) == 0o640


def test_existing_file_is_replaced_and_keeps_its_mode(tmp_path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old")
    target.chmod(0o664)
    write_output(target, "new")
    assert target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o664


def test_symlink_is_followed_and_stays_a_link(tmp_path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to("real.txt")
    write_output(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_dangling_symlink_creates_its_target(tmp_path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "made.txt")
    write_output(link, "new")
    assert link.is_symlink() and (tmp_path / "made.txt").read_text() == "new"


def test_hard_link_is_refused_and_left_alone(tmp_path, capsys) -> None:
    first = tmp_path / "a.yaml"
    first.write_text("keep")
    os.link(first, tmp_path / "b.yaml")
    assert main(["export", str(MAP), "--to", "json", "-o", str(first)]) == 2
    assert "hard link" in capsys.readouterr().err
    assert first.read_text() == "keep" and (tmp_path / "b.yaml").read_text() == "keep"


def test_character_device_is_written_into_not_replaced(capsys) -> None:
    write_output(Path("/dev/null"), "discarded")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    if Path("/dev/full").exists():
        assert main(["export", str(MAP), "--to", "json", "-o", "/dev/full"]) == 2
        assert "No space left" in capsys.readouterr().err
        assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_fifo_without_reader_is_refused_without_hanging(tmp_path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputRefused, match="no program is reading"):
        write_output(fifo, "x")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_fifo_with_reader_gets_the_data(tmp_path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    reader = threading.Thread(target=lambda: got.append(_read_all(fd)))
    write_output(fifo, "through the pipe")
    reader.start()
    reader.join(5)
    assert got == [b"through the pipe"]


def _read_all(fd: int) -> bytes:
    os.set_blocking(fd, True)
    with os.fdopen(fd, "rb") as handle:
        return handle.read()


def test_folder_is_refused(tmp_path) -> None:
    with pytest.raises(OutputRefused, match="folder"):
        write_output(tmp_path, "x")
