"""The import graph, read statically: the core never imports Textual, Rich or the TUI.

The runtime test (test_headless_core) imports every core module and looks at
`sys.modules`; this one reads every `import` statement, including those inside
functions that a runtime test never reaches, and the names given to
`importlib.import_module`. There are no exceptions: the commands that start the
TUI live in `argmap_tui.commands` and reach the command line through the
`argmap.commands` entry point group, so the core never names the TUI.
"""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "argmap"
FORBIDDEN = ("textual", "rich", "argmap_tui", "tui")


def imports(tree: ast.AST) -> list[tuple[str, int, bool]]:
    """(module, line, at module level) for every import in `tree`."""
    top = {id(node) for node in getattr(tree, "body", [])}
    out: list[tuple[str, int, bool]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((alias.name, node.lineno, id(node) in top) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.module, node.lineno, id(node) in top))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) in DYNAMIC
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            out.append((node.args[0].value, node.lineno, False))
    return out


DYNAMIC = ("import_module", "__import__")


def forbidden(module: str) -> bool:
    return any(module == f or module.startswith(f + ".") for f in FORBIDDEN)


def test_the_core_imports_no_ui_library_or_the_tui() -> None:
    found = []
    for path in sorted(CORE.rglob("*.py")):
        rel = path.relative_to(CORE).as_posix()
        for module, line, _at_top in imports(ast.parse(path.read_text(encoding="utf-8"))):
            if forbidden(module):
                found.append(f"argmap/{rel}:{line}: imports {module}")
    assert not found, "\n".join(found)


def test_the_checker_sees_imports_inside_functions() -> None:
    tree = ast.parse(
        "def f():\n    from textual.app import App\nimport rich\n"
        "importlib.import_module('argmap_tui.app')\n"
    )
    assert sorted((m, top) for m, _, top in imports(tree)) == [
        ("argmap_tui.app", False),
        ("rich", True),
        ("textual.app", False),
    ]


def test_the_tui_package_is_installed_under_argmaps_name() -> None:
    """No top-level `tui` package: it could collide with any other of that name."""
    import importlib.util

    assert importlib.util.find_spec("argmap_tui") is not None
    spec = importlib.util.find_spec("tui")
    assert spec is None or spec.origin is None  # at most the repo folder, never a package
