"""Where argmap keeps the user's own data (drill progress).

In order of precedence: the `--data-dir` option, the `ARGMAP_DATA_DIR`
environment variable, then the platform's per-user data folder
(`platformdirs.user_data_dir("argmap")`, e.g. ~/.local/share/argmap on Linux).
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "ARGMAP_DATA_DIR"


def data_dir(option: str | Path | None = None) -> Path:
    if option:
        return Path(option).expanduser()
    configured = os.environ.get(ENV_VAR)
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("argmap", appauthor=False))
