"""The argmap Textual app and the one factory the CLI and the tests share."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static, Tree

from argmap.model import Map


class ArgmapApp(App[int]):
    TITLE = "argmap"
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, map_path: Path, the_map: Map) -> None:
        super().__init__()
        self.map_path = map_path
        self.map = the_map

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(self.map.title), id="title")
        tree: Tree[str] = Tree(Text("Theses"))
        for thesis in self.map.theses:
            claim = self.map.claims_by_id.get(thesis)
            if claim is not None:
                tree.root.add(Text(claim.text), data=claim.id)
        tree.root.expand()
        yield tree
        yield Footer()


def create_app(map_path: Path, the_map: Map) -> ArgmapApp:
    return ArgmapApp(map_path, the_map)
