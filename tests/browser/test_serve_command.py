"""`argmap serve` without a browser: the session command, the page origin, a taken port."""

from __future__ import annotations

import shlex
import socket
import sys

import pytest

from argmap.cli import main
from argmap.commands.serve import session_command


def test_session_command_quotes_paths_with_spaces_and_quotes() -> None:
    path = '/tmp/my maps/it\'s "here".yaml'
    assert shlex.split(session_command(path)) == [
        sys.executable,
        "-m",
        "argmap.cli",
        "explore",
        path,
    ]


def test_a_taken_port_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_a_port_out_of_range_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--port", "70000"])
    assert exited.value.code == 2
    assert "from 1 to 65535" in capsys.readouterr().err
