"""`e` on a bundled map: offer to edit a copy, as the installed file is lost on reinstall.

The dialog only asks; the app makes the copy (`argmap.bundled.editable_copy`)
and opens the editor, so this screen holds no state of its own.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from argmap_tui.text import literal


class CopyBundledMap(ModalScreen[bool]):
    """Ask whether to copy the bundled map to `target` and edit the copy (True) or cancel."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("c", "copy", "Copy and edit"),
    ]

    def __init__(self, bundled: Path, target: Path, exists: bool) -> None:
        super().__init__()
        self.bundled = bundled
        self.target = target
        self.exists = exists

    def compose(self) -> ComposeResult:
        if self.exists:
            offer = (
                f"You already have a copy of it: {self.target}\n"
                "Edit that copy? It is not overwritten."
            )
            button = "Edit my copy"
        else:
            offer = (
                f"Copy it to {self.target} and edit the copy?\n"
                f"Next time, open the copy with: argmap {self.target}"
            )
            button = "Copy and edit"
        with Vertical(id="copy-box"):
            yield Static(
                literal(
                    f"This is the map installed with argmap ({self.bundled.name}); "
                    "edits to it are lost when argmap is updated or reinstalled.\n\n" + offer
                ),
                id="copy-text",
            )
            with Horizontal(id="copy-buttons"):
                yield Button(button, variant="primary", id="copy")
                yield Button("Cancel", id="cancel")

    @on(Button.Pressed, "#copy")
    def action_copy(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
