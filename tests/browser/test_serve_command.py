"""`argmap serve` without a browser: the session command, the page origin, a taken port."""

from __future__ import annotations

import shlex
import socket
import sys

import pytest

from argmap.cli import main
from argmap.commands.serve import page_origin, session_command


def test_session_command_quotes_paths_with_spaces_and_quotes() -> None:
    path = "/tmp/my maps/it's \"here\".yaml"
    assert shlex.split(session_command(path)) == [sys.executable, "-m", "argmap.cli",
                                                   "explore", path]


@pytest.mark.parametrize("header, expected", [
    ("127.0.0.1:8000", "http://127.0.0.1:8000"),
    ("classroom.local:8123", "http://classroom.local:8123"),
    ("[::1]:8000", "http://[::1]:8000"),
    ('evil"><script>alert(1)</script>', "http://fallback:1"),
    ("host:8000/path", "http://fallback:1"),
    ("", "http://fallback:1"),
])
def test_page_origin_uses_only_a_plain_host_header(header: str, expected: str) -> None:
    assert page_origin(header, "http://fallback:1") == expected


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
