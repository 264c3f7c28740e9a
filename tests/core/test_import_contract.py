"""The import graph, read statically: the core never imports Textual, Rich or the TUI.

The runtime test (test_headless_core) imports every core module and looks at
`sys.modules`; this one reads every `import` statement, including those inside
functions that a runtime test never reaches. The only exceptions are the
launchers, which start the TUI from a command and import it inside the
function that does so; they are listed here by file and name, so a new one
fails the build until it is added on purpose.
"""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "argmap"
FORBIDDEN = ("textual", "rich", "tui")
# file (relative to argmap/) -> the TUI modules it may import inside a function.
LAUNCHERS = {
    "commands/explore.py": {"tui.app"},
    "commands/drill.py": {"tui.screens.drill"},
    "commands/stats.py": {"tui.screens.stats"},
    "commands/round.py": {"tui.screens.round"},
}


def imports(tree: ast.AST) -> list[tuple[str, int, bool]]:
    """(module, line, at module level) for every import in `tree`."""
    top = {id(node) for node in getattr(tree, "body", [])}
    out: list[tuple[str, int, bool]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((alias.name, node.lineno, id(node) in top) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.module, node.lineno, id(node) in top))
    return out


def forbidden(module: str) -> bool:
    return any(module == f or module.startswith(f + ".") for f in FORBIDDEN)


def test_the_core_imports_no_ui_library_or_the_tui() -> None:
    found = []
    for path in sorted(CORE.rglob("*.py")):
        rel = path.relative_to(CORE).as_posix()
        for module, line, at_top in imports(ast.parse(path.read_text(encoding="utf-8"))):
            if not forbidden(module):
                continue
            if not at_top and module in LAUNCHERS.get(rel, set()):
                continue
            found.append(f"argmap/{rel}:{line}: imports {module}")
    assert not found, "\n".join(found)


def test_the_checker_sees_imports_inside_functions() -> None:
    tree = ast.parse("def f():\n    from textual.app import App\nimport rich\n")
    assert sorted((m, top) for m, _, top in imports(tree)) == [
        ("rich", True),
        ("textual.app", False),
    ]
