"""The grader: typed answers against model answers, with verdicts a teacher can trust.

`assess` is the one grading function: the drills, `argmap grade` and the
class report all call it. Language resources load lazily, on the first
answer graded.

The names below are loaded on first use (module `__getattr__`), so a command
that needs only a submodule, such as `check --notes` reading
`argmap.grading.language`, does not pay for the grader.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.grading.grader import assess
    from argmap.grading.verdicts import Assessment, PointResult, PointState, Reference, Verdict

__all__ = ["Assessment", "PointResult", "PointState", "Reference", "Verdict", "assess"]

# Where each public name lives; imported the first time it is asked for.
_HOMES = {
    "assess": "argmap.grading.grader",
    "Assessment": "argmap.grading.verdicts",
    "PointResult": "argmap.grading.verdicts",
    "PointState": "argmap.grading.verdicts",
    "Reference": "argmap.grading.verdicts",
    "Verdict": "argmap.grading.verdicts",
}


def __getattr__(name: str) -> object:
    """Import a public name from its submodule on first use, then keep it here."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the lazy names too, as an eager package would."""
    return sorted({*globals(), *__all__})
