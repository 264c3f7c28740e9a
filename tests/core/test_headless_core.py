"""The core never loads Textual, and `argmap check` never loads networkx either."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from argmap.cli import main
code = main(["check", "--quiet"])
heavy = sorted(m for m in ("textual", "networkx", "rich") if m in sys.modules)
print("HEAVY:" + ",".join(heavy))
"""


def test_check_path_imports_neither_textual_nor_networkx() -> None:
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().endswith("HEAVY:"), proc.stdout


def test_no_core_module_imports_textual() -> None:
    probe = (
        "import importlib, pkgutil, sys, argmap\n"
        "for m in pkgutil.walk_packages(argmap.__path__, 'argmap.'):\n"
        "    importlib.import_module(m.name)\n"
        "print('textual' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"
