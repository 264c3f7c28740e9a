"""State flows one way: the app hands screens what they show; screens never read it back.

Static checks over the source, so a shortcut taken later fails here rather
than in a review: no screen or widget reads the app's map, context, analyser
or private attributes, nothing in the TUI works out the data folder itself,
and no App subclass is defined inside a function (in `tui/` or the tests).
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCREENS_AND_WIDGETS = sorted(
    [
        *(REPO / "tui" / "argmap_tui" / "screens").glob("*.py"),
        *(REPO / "tui" / "argmap_tui" / "widgets").glob("*.py"),
    ]
)
APP_STATE = {"map", "context", "analyser", "problems", "reloads"}


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def _reads_of_the_app(tree: ast.Module) -> list[str]:
    """`self.app.X` (and `app.X` inside methods) where X is app state or private."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        owner = node.value
        is_app = (
            isinstance(owner, ast.Attribute)
            and owner.attr == "app"
            and isinstance(owner.value, ast.Name)
            and owner.value.id == "self"
        )
        if is_app and (node.attr in APP_STATE or node.attr.startswith("_")):
            found.append(f"line {node.lineno}: self.app.{node.attr}")
    return found


def test_no_screen_or_widget_reads_the_apps_state() -> None:
    assert SCREENS_AND_WIDGETS
    found = {p.name: _reads_of_the_app(_tree(p)) for p in SCREENS_AND_WIDGETS}
    assert {name: hits for name, hits in found.items() if hits} == {}


def test_the_tui_never_works_out_the_data_folder() -> None:
    """Only the command line (`argmap_tui/commands/`) turns options into a folder."""
    commands = REPO / "tui" / "argmap_tui" / "commands"
    for path in sorted((REPO / "tui").rglob("*.py")):
        if commands in path.parents:
            continue
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.ImportFrom):
                assert node.module != "argmap.data_dir", path
            if isinstance(node, ast.Import):
                assert all(a.name != "argmap.data_dir" for a in node.names), path


def _apps_in_functions(tree: ast.Module) -> list[str]:
    found = []
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(func):
            if isinstance(node, ast.ClassDef) and (
                node.name.endswith("App")
                or any(
                    (isinstance(b, ast.Name) and b.id.endswith("App"))
                    or (
                        isinstance(b, ast.Subscript)
                        and isinstance(b.value, ast.Name)
                        and b.value.id.endswith("App")
                    )
                    for b in node.bases
                )
            ):
                found.append(f"{func.name}: class {node.name} (line {node.lineno})")
    return found


def test_no_app_subclass_is_defined_inside_a_function() -> None:
    paths = sorted([*(REPO / "tui").rglob("*.py"), *(REPO / "tests").rglob("*.py")])
    found = {str(p.relative_to(REPO)): _apps_in_functions(_tree(p)) for p in paths}
    assert {name: hits for name, hits in found.items() if hits} == {}


def test_the_checks_would_catch_what_they_look_for() -> None:
    bad = ast.parse(
        "class S:\n    def f(self):\n        return self.app.map, self.app._x\n"
        "def make():\n    class Mine(App[int]):\n        pass\n"
    )
    assert len(_reads_of_the_app(bad)) == 2
    assert _apps_in_functions(bad) == ["make: class Mine (line 5)"]
