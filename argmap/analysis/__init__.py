"""The analysis engine: structure, Dung semantics, DF-QuAD, cruxes, what-if.

Names are loaded on first use, so `import argmap.analysis.semantics` (the
plain-framework path of `argmap analyze`) pulls in nothing else.
"""

from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: the grounded path skips `typing`
if TYPE_CHECKING:
    from typing import Any

    from argmap.analysis.cruxes import Crux
    from argmap.analysis.mapanalysis import Acceptance, MapAnalysis, analyse_map
    from argmap.analysis.semantics import SEMANTICS, Framework, Label
    from argmap.analysis.structure import Structure, ThesisStructure
    from argmap.analysis.whatif import WhatIfResult, what_if
    from argmap.sides import Side

_WHERE = {
    "Crux": "cruxes",
    "Acceptance": "mapanalysis",
    "MapAnalysis": "mapanalysis",
    "analyse_map": "mapanalysis",
    "SEMANTICS": "semantics",
    "Framework": "semantics",
    "Label": "semantics",
    "Side": "structure",
    "Structure": "structure",
    "ThesisStructure": "structure",
    "WhatIfResult": "whatif",
    "what_if": "whatif",
}

__all__ = [
    "SEMANTICS",
    "Acceptance",
    "Crux",
    "Framework",
    "Label",
    "MapAnalysis",
    "Side",
    "Structure",
    "ThesisStructure",
    "WhatIfResult",
    "analyse_map",
    "what_if",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"argmap.analysis.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'argmap.analysis' has no attribute {name!r}")
