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
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().endswith("HEAVY:"), proc.stdout


def test_no_core_module_imports_textual() -> None:
    probe = (
        "import importlib, pkgutil, sys, argmap\n"
        "for m in pkgutil.walk_packages(argmap.__path__, 'argmap.'):\n"
        "    importlib.import_module(m.name)\n"
        "print('textual' in sys.modules)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"


def test_a_command_loads_only_its_own_module() -> None:
    """`argmap check` does not import the other commands (start-up time)."""
    probe = (
        "import sys\n"
        "from argmap.cli import main\n"
        "main(['check', '--quiet'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('argmap.commands.')))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == (
        "['argmap.commands.check', 'argmap.commands.errors', 'argmap.commands.map_input']"
    )


def test_help_summaries_match_each_command_parser() -> None:
    """The summaries `argmap --help` lists without loading a command are its own."""
    from argmap.cli import COMMANDS, build_parser, front_end_commands

    front_end = front_end_commands()
    assert sorted(front_end) == ["drill", "explore", "round", "stats"]
    listed = [(name, summary) for name, _module, summary in COMMANDS]
    listed += [(name, module.SUMMARY) for name, module in front_end.items()]
    for name, summary in listed:
        parser = build_parser(only=name, front_end=front_end)
        sub = next(a for a in parser._actions if a.dest == "command")
        helps = {action.dest: action.help for action in sub._choices_actions}
        assert helps[name] == summary, name
        assert len(helps) == len(listed), "every command is listed in the help"


def test_python_dash_m_runs_the_cli() -> None:
    for module in ("argmap", "argmap.cli"):
        proc = subprocess.run(
            [sys.executable, "-m", module, "check", "--quiet", "nope.yaml"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 2, (module, proc.stderr)
        out = proc.stdout + proc.stderr
        assert "nope.yaml" in out and "E000" in out and "Traceback" not in out
