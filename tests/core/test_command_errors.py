"""One set of exit codes, one way to report an error (argmap/commands/errors.py).

Every error situation of every command exits with the code the README and
docs give it and prints exactly one `argmap:` line, never a traceback; and
no command module prints an error and returns a number, or calls sys.exit.
"""

from __future__ import annotations

import ast
import io
import socket
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.commands.errors import CommandError, ExitCode, UsageError
from tests.classroom.progress_maker import make_database

REPO = Path(__file__).resolve().parent.parent.parent
COMMANDS_DIR = REPO / "argmap" / "commands"
TUI_COMMANDS_DIR = REPO / "tui" / "argmap_tui" / "commands"
HOSTILE = REPO / "tests" / "data" / "hostile"
MAP = "example-smart-locks"
ROWS = [("rebut", "photos-collected", ("privacy",), True)]


def test_the_codes_are_the_documented_ones() -> None:
    assert (ExitCode.OK, ExitCode.FINDINGS, ExitCode.INVALID) == (0, 1, 1)
    assert {ExitCode.UNREADABLE, ExitCode.USAGE, ExitCode.REFUSED_OUTPUT} == {2}
    assert ExitCode.UNAVAILABLE == 2 and ExitCode.INTERRUPTED == 130


def test_main_reports_a_command_error_once(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import argmap.commands.check as check

    def fail(_args: object) -> int:
        print("partial output")
        raise CommandError(ExitCode.INVALID, "it broke", "try again", details="x.yaml:1:1: why")

    monkeypatch.setattr(check, "run", fail)
    assert main(["check"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "partial output\n"
    assert captured.err == "x.yaml:1:1: why\nargmap: it broke\n  hint: try again\n"
    assert UsageError("bad").render() == "argmap: error: bad\n"


# ------------------------------------------------------------------ every situation


@dataclass
class Case:
    name: str
    code: int  # as documented: README's command table and docs/*.md
    says: str  # a part of the `argmap:` line
    args: Callable[[Path], list[str]]
    stdin: str = ""


def _broken(tmp: Path) -> str:
    path = tmp / "broken.yaml"
    path.write_text("claims: [\n", encoding="utf-8")
    return str(path)


def _file(tmp: Path, name: str, text: str | bytes) -> str:
    path = tmp / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def _folder(tmp: Path, name: str = "a-folder") -> str:
    (tmp / name).mkdir(exist_ok=True)
    return str(tmp / name)


def _data(tmp: Path) -> str:
    make_database(tmp / "data", ROWS)
    return str(tmp / "data")


def _hand_in(tmp: Path) -> str:
    target = tmp / "sam.json"
    assert main(["stats", "--data-dir", _data(tmp), "--export", str(target), "--name", "Sam"]) == 0
    return str(target)


ANSWERS = "answer,reference\nx,y\n"

CASES = [
    # check
    Case(
        "check --sources missing", 2, "--sources", lambda t: ["check", "--sources", str(t / "no")]
    ),
    # analyze
    Case(
        "analyze --max-extensions 0",
        2,
        "at least 1",
        lambda t: ["analyze", "--max-extensions", "0"],
    ),
    Case("analyze missing .af", 2, "cannot read", lambda t: ["analyze", str(t / "missing.af")]),
    Case(
        "analyze malformed .af",
        1,
        "fix that line",
        lambda t: ["analyze", _file(t, "bad.af", "p af 2\n1 2\n2 three\n")],
    ),
    Case("analyze --query unknown", 2, "no argument", lambda t: ["analyze", "--query", "nope"]),
    Case("analyze a broken map", 1, "the map has 1 error", lambda t: ["analyze", _broken(t)]),
    Case("analyze no such map", 2, "cannot open the map", lambda t: ["analyze", "nosuchmap"]),
    # explore (refused before the UI starts)
    Case("explore a broken map", 1, "the map has", lambda t: ["explore", _broken(t)]),
    Case("explore no such map", 2, "cannot open the map", lambda t: ["explore", "nosuchmap"]),
    # export
    Case(
        "export --questions --to dot",
        2,
        "--questions goes with a handout",
        lambda t: ["export", MAP, "--to", "dot", "--questions"],
    ),
    Case("export a broken map", 1, "the map has", lambda t: ["export", _broken(t), "--to", "json"]),
    Case(
        "export -o a folder",
        2,
        "cannot write",
        lambda t: ["export", MAP, "--to", "json", "-o", _folder(t)],
    ),
    Case(
        "export -o missing folder",
        2,
        "does not exist",
        lambda t: ["export", MAP, "--to", "json", "-o", str(t / "no" / "x.json")],
    ),
    # import
    Case(
        "import missing",
        2,
        "cannot read",
        lambda t: ["import", str(t / "missing.txt"), "--from", "kialo"],
    ),
    Case(
        "import not UTF-8",
        2,
        "not UTF-8",
        lambda t: ["import", _file(t, "x.txt", b"\xff\xfe\x00garbage"), "--from", "kialo"],
    ),
    Case(
        "import unknown format",
        2,
        "cannot tell the format",
        lambda t: ["import", _file(t, "x.unknown", "hello\n")],
    ),
    Case(
        "import output exists",
        2,
        "--force",
        lambda t: [
            "import",
            _file(t, "a.argdown", "[A]: a.\n"),
            "-o",
            _file(t, "out.yaml", "precious"),
        ],
    ),
    Case(
        "import -o a folder",
        2,
        "cannot write",
        lambda t: ["import", _file(t, "a.argdown", "[A]: a.\n"), "-o", _folder(t), "--force"],
    ),
    Case(
        "import malformed",
        1,
        "cannot be imported",
        lambda t: ["import", _file(t, "bad.argdown", "a\n\n    + b\n"), "--from", "argdown"],
    ),
    Case(
        "import a map with errors",
        1,
        "the imported map has",
        lambda t: ["import", "--from", "json", str(HOSTILE / "duplicate-id.json")],
    ),
    Case(
        "import a value the map format refuses",
        1,
        "the imported map has 1 error",
        lambda t: ["import", "--from", "json", str(HOSTILE / "nan-base.json")],
    ),
    # grade (1 means rows skipped, so a map it cannot use is 2)
    Case("grade missing answers", 2, "no such file", lambda t: ["grade", str(t / "no.csv")]),
    Case("grade a folder", 2, "folder", lambda t: ["grade", _folder(t)]),
    Case(
        "grade a broken map",
        2,
        "the map has",
        lambda t: ["grade", _broken(t), _file(t, "a.csv", "claim,drill,answer\nx,rebut,y\n")],
    ),
    Case(
        "grade -o missing folder",
        2,
        "does not exist",
        lambda t: ["grade", "-o", str(t / "no" / "g.txt"), _file(t, "a.csv", ANSWERS)],
    ),
    Case(
        "grade -o a folder",
        2,
        "cannot write",
        lambda t: ["grade", "-o", _folder(t), _file(t, "a.csv", ANSWERS)],
    ),
    # drill
    Case(
        "drill switch without --side",
        2,
        "--mode switch needs --side",
        lambda t: ["drill", MAP, "--plain", "--mode", "switch"],
    ),
    Case(
        "drill unknown --thesis",
        2,
        "is not a thesis",
        lambda t: ["drill", MAP, "--plain", "--thesis", "nope"],
    ),
    Case("drill a broken map", 1, "the map has", lambda t: ["drill", _broken(t), "--plain"]),
    Case(
        "drill --data-dir a file",
        1,
        "choose another with --data-dir",
        lambda t: ["drill", MAP, "--plain", "--data-dir", _file(t, "f", "x")],
    ),
    # stats
    Case(
        "stats --data-dir a file",
        1,
        "the data folder is a file",
        lambda t: ["stats", "--data-dir", _file(t, "f", "x")],
    ),
    Case(
        "stats --export without --name",
        2,
        "--name NAME",
        lambda t: ["stats", "--data-dir", _data(t), "--export", str(t / "x.json")],
    ),
    Case(
        "stats --export --name empty",
        2,
        "the name is empty",
        lambda t: ["stats", "--data-dir", _data(t), "--export", str(t / "x.json"), "--name", " "],
    ),
    Case(
        "stats --export no progress",
        1,
        "no progress found",
        lambda t: [
            "stats",
            "--data-dir",
            str(t / "empty"),
            "--export",
            str(t / "x.json"),
            "--name",
            "Sam",
        ],
    ),
    Case(
        "stats --export into a missing folder",
        2,
        "does not exist",
        lambda t: [
            "stats",
            "--data-dir",
            _data(t),
            "--export",
            str(t / "no" / "x.json"),
            "--name",
            "Sam",
        ],
    ),
    Case(
        "stats --export onto a folder",
        2,
        "cannot write",
        lambda t: ["stats", "--data-dir", _data(t), "--export", _folder(t), "--name", "Sam"],
    ),
    # class-report
    Case(
        "class-report -o missing folder",
        2,
        "does not exist",
        lambda t: ["class-report", _hand_in(t), "-o", str(t / "no" / "r.html")],
    ),
    Case(
        "class-report nothing usable",
        1,
        "no usable progress file",
        lambda t: ["class-report", _file(t, "bad.json", "{}"), "-o", str(t / "r.html")],
    ),
    Case(
        "class-report -o a folder",
        2,
        "cannot write",
        lambda t: ["class-report", _hand_in(t), "-o", _folder(t)],
    ),
    # round
    Case(
        "round --transcript missing folder",
        2,
        "no such folder",
        lambda t: ["round", MAP, "--plain", "--transcript", str(t / "no" / "r.md")],
    ),
    Case(
        "round --transcript a folder",
        2,
        "cannot write the transcript",
        lambda t: ["round", MAP, "--plain", "--transcript", _folder(t, "r.md")],
    ),
    Case(
        "round unknown --motion",
        2,
        "no claim 'nope'",
        lambda t: ["round", MAP, "--plain", "--motion", "nope"],
    ),
    Case("round a broken map", 1, "the map has", lambda t: ["round", _broken(t), "--plain"]),
    # serve (refused before it listens)
    Case("serve a broken map", 1, "the map has", lambda t: ["serve", _broken(t)]),
]


def _argmap_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("argmap")]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_error_exits_with_its_code_and_one_argmap_line(
    case: Case,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = case.args(tmp_path)
    capsys.readouterr()  # what setting up printed
    monkeypatch.setattr(sys, "stdin", io.StringIO(case.stdin))
    assert main(args) == case.code
    err = capsys.readouterr().err
    lines = _argmap_lines(err)
    assert len(lines) == 1 and lines[0].startswith("argmap: "), err
    assert case.says in lines[0], err
    assert "Traceback" not in err


def test_serve_without_textual_serve_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    assert main(["serve", MAP]) == 2
    lines = _argmap_lines(capsys.readouterr().err)
    assert len(lines) == 1 and "needs the textual-serve package" in lines[0]


def test_an_import_the_map_format_cannot_read_back_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import argmap.formats.argmap_yaml
    import argmap.loading
    from argmap.diagnostics import Diagnostic, Severity

    unreadable = argmap.loading.LoadResult(
        None, [Diagnostic("out.yaml", 3, 1, Severity.ERROR, "E100", "not YAML")]
    )
    monkeypatch.setattr(argmap.formats.argmap_yaml, "read_back", lambda m, path: unreadable)
    source = _file(tmp_path, "a.argdown", "[A]: a.\n")
    assert main(["import", source]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"{source}: error[E100]: not YAML\n"
        f"argmap: {source} holds values an argmap map cannot; nothing written\n"
    )


def test_a_taken_port_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", MAP, "--port", str(port)]) == 2
    lines = _argmap_lines(capsys.readouterr().err)
    assert len(lines) == 1 and f"cannot listen on 127.0.0.1:{port}" in lines[0]


@pytest.mark.parametrize(
    "args",
    [
        ["export", "nosuchmap", "--to", "json"],
        ["import", "missing.kialo.txt", "--from", "kialo"],
        ["drill", "--plain", "--mode", "switch"],
    ],
)
def test_no_traceback_from_the_installed_entry_point(args: list[str], tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2, done.stderr
    assert len(_argmap_lines(done.stderr)) == 1 and "Traceback" not in done.stderr


# ------------------------------------------------------------------ the code itself


def _command_modules() -> list[Path]:
    modules = [*COMMANDS_DIR.glob("*.py"), *TUI_COMMANDS_DIR.glob("*.py")]
    return sorted(p for p in modules if p.name not in ("errors.py", "__init__.py"))


def _problems(path: Path) -> list[str]:
    """sys.exit / SystemExit, a number returned, an error printed by the command."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        where = f"{path.name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Attribute) and node.attr == "exit":
            found.append(f"{where}: .exit")
        if isinstance(node, ast.Name) and node.id == "SystemExit":
            found.append(f"{where}: SystemExit")
        if isinstance(node, ast.Name) and node.id.startswith("EXIT_"):
            found.append(f"{where}: {node.id} (use ExitCode, raise CommandError for errors)")
        if (
            isinstance(node, ast.Return)
            and isinstance(node.value, ast.Constant)
            and type(node.value.value) is int
        ):
            found.append(f"{where}: returns the bare number {node.value.value}")
        if (
            isinstance(node, ast.Return)
            and isinstance(node.value, ast.Attribute)
            and isinstance(node.value.value, ast.Name)
            and node.value.value.id == "ExitCode"
            and node.value.attr not in ("OK", "FINDINGS")
        ):
            found.append(f"{where}: returns ExitCode.{node.value.attr} (raise CommandError)")
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "sys.stderr.write":
            text = ast.unparse(node.args[0]) if node.args else ""
            said = text.lstrip("f").strip("'\"")
            if said.startswith("argmap") and not said.startswith(
                ("argmap: warning:", "argmap: skipped", "argmap: note:")
            ):
                found.append(f"{where}: prints its own error {text[:40]}")
    return found


def test_no_command_module_exits_or_returns_a_number_for_an_error() -> None:
    modules = _command_modules()
    assert len(modules) >= 12  # every command, and the helpers they share
    problems = [problem for path in modules for problem in _problems(path)]
    # check's report lists an unreadable map as a finding (E000) with the
    # others, so its status says 2 without cutting the report (or its JSON) short
    allowed = [p for p in problems if p.startswith("check.py:") and "ExitCode.UNREADABLE" in p]
    assert len(allowed) == 1 and [p for p in problems if p not in allowed] == [], problems


def test_the_scan_finds_what_it_forbids(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import sys\n"
        "def run(args):\n"
        "    sys.stderr.write(f'argmap: error: {args}\\n')\n"
        "    if args:\n"
        "        return 2\n"
        "    if not args:\n"
        "        return ExitCode.USAGE\n"
        "    raise SystemExit(1)\n"
        "    sys.exit(3)\n"
        "    return EXIT_UNREADABLE\n",
        encoding="utf-8",
    )
    found = " ".join(_problems(sample))
    for what in (
        "prints its own error",
        "bare number 2",
        "ExitCode.USAGE",
        "SystemExit",
        ".exit",
        "EXIT_UNREADABLE",
    ):
        assert what in found, found
