"""The explorer's memory of a reader's choices: one JSON object in the data folder.

Per user, not per map: `explorer.json` in the run's `Context.data_dir` holds
whether the legend was shown and how wide the tree is. Reading never fails
(a missing or broken file means the defaults); writing keeps every other key
and replaces the file atomically, so a crash never leaves half a file.
"""

from __future__ import annotations

import json
from pathlib import Path

from argmap.atomic_write import write_output

STATE_FILE = "explorer.json"
"""The explorer's own memory in the data folder (a JSON object; other keys are kept)."""


def read_preferences(data_dir: Path) -> dict[str, object]:
    """Everything remembered, or {} when the file is missing, unreadable or not an object."""
    try:
        found = json.loads((data_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def remember(data_dir: Path, key: str, value: object) -> bool:
    """Store one preference, keeping the others; False when the folder cannot be written."""
    state = read_preferences(data_dir)
    state[key] = value
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        write_output(data_dir / STATE_FILE, json.dumps(state, indent=2) + "\n")
    except OSError:
        return False
    return True
