"""A plain `pip install .` into a fresh venv carries the bundled maps with it."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

OPEN_APP = """
import asyncio
from argmap.bundled import default_map_path
from argmap.loading import load_map
from argmap.context import Context
from argmap_tui.app import create_app

async def main():
    path = default_map_path()
    app = create_app(Context.make(path), load_map(path).map)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print("TITLE:" + app.map.title)
        await pilot.press("q")

asyncio.run(main())
"""


@pytest.mark.slow
def test_non_editable_install_checks_and_opens_the_bundled_map(tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(REPO)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    clean_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    check = subprocess.run(
        [str(env_dir / "bin" / "argmap"), "check"],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=120,
        env=clean_env,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert str(env_dir) in check.stdout and "site-packages" in check.stdout
    assert "0 error" not in check.stdout and "error[" not in check.stdout
    opened = subprocess.run(
        [str(python), "-c", OPEN_APP],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=120,
        env=clean_env,
    )
    assert opened.returncode == 0, opened.stderr[-3000:]
    assert "TITLE:" in opened.stdout and len(opened.stdout.strip()) > len("TITLE:")
    assert sys.executable not in opened.stdout
