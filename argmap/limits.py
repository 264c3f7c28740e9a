"""Every limit argmap puts on its input, and the environment variable that raises it.

A small hostile file must not take a machine: input size, YAML and JSON
nesting, alias expansion, declared argument counts, extensions enumerated
and the work spent on cruxes are all bounded here, in one place, so the
docs (docs/format.md, "Limits") and the error messages name the same
numbers. Each limit is read from the environment when it is used, so a
user raises it for one run: `ARGMAP_MAX_FILE_MB=500 argmap check big.yaml`.

Only `os` is imported: `argmap analyze x.af --semantics grounded` reads its
limits too and must start fast.
"""

from __future__ import annotations

import os


class Limit:
    """One limit: its default, the variable that overrides it, what it bounds."""

    __slots__ = ("default", "env", "what")

    def __init__(self, env: str, default: int, what: str) -> None:
        self.env = env
        self.default = default
        self.what = what

    @property
    def value(self) -> int:
        """The limit in force: the environment's (a positive whole number) or the default."""
        raw = os.environ.get(self.env, "").strip().replace("_", "")
        if raw.isdigit() and int(raw) > 0:
            return int(raw)
        return self.default

    def hint(self) -> str:
        """How to raise it, for the end of an error message."""
        return f"to raise this limit of {self.value:,}, set the environment variable {self.env}"


FILE_MB = Limit("ARGMAP_MAX_FILE_MB", 256, "size of any file argmap reads, in megabytes")
DEPTH = Limit("ARGMAP_MAX_DEPTH", 64, "nesting of YAML and JSON (lists and mappings)")
ALIASES = Limit(
    "ARGMAP_MAX_ALIASES", 1_000_000, "values YAML aliases may expand to in one map file"
)
EMBEDDED_ALIASES = Limit(
    "ARGMAP_MAX_EMBEDDED_ALIASES",
    10_000,
    "values aliases may expand to in an Argdown file's front matter "
    "and {...} data, all blocks together",
)
ARGUMENTS = Limit(
    "ARGMAP_MAX_ARGUMENTS",
    1_000_000,
    "arguments an ICCMA 'p af N' header may declare beyond those its attack lines could name",
)
CRUX_WORK = Limit("ARGMAP_MAX_CRUX_WORK", 5_000_000, "steps spent finding the cruxes of one thesis")


class Budget:
    """Work left under a limit such as `CRUX_WORK`; spent by whoever does the work."""

    __slots__ = ("left", "spent_out")

    def __init__(self, amount: int) -> None:
        self.left = amount
        self.spent_out = False

    def spend(self, amount: int) -> bool:
        """Take `amount`; False (and `spent_out`) once nothing is left."""
        self.left -= amount
        if self.left < 0:
            self.spent_out = True
        return not self.spent_out


ALL = (FILE_MB, DEPTH, ALIASES, EMBEDDED_ALIASES, ARGUMENTS, CRUX_WORK)

# The default of `argmap analyze --max-extensions` (a flag, not a variable).
DEFAULT_MAX_EXTENSIONS = 1000
