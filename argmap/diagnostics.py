"""Problems found in a map, and the two ways of printing them.

Every stage (loading, checking, importing) reports through `Diagnostic`, so
an editor or a CI job reads one shape whatever found the problem.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    line: int
    col: int
    severity: Severity
    code: str
    message: str
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def render(self, with_path: bool = True) -> str:
        """One line (and a hint line) for a terminal: a path or message holding a
        newline or a bidi override cannot forge or reorder a line of the report.
        Without `with_path` the line starts at `line:col` (a panel about one file)."""
        from argmap.display import visible_line

        path = visible_line(self.path) if with_path else ""
        if self.line:
            where = f"{path}:{self.line}:{self.col}" if with_path else f"{self.line}:{self.col}"
        else:
            where = path or "the map"
        text = f"{where}: {self.severity}[{self.code}]: {visible_line(self.message)}"
        if self.hint:
            text += f"\n  hint: {visible_line(self.hint)}"
        return text

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = str(self.severity)
        return data


def sort_key(diag: Diagnostic) -> tuple[str, int, int, str]:
    return (diag.path, diag.line, diag.col, diag.code)


def render_text(diagnostics: Iterable[Diagnostic]) -> str:
    return "\n".join(d.render() for d in diagnostics)


def render_json(diagnostics: Iterable[Diagnostic]) -> str:
    return json.dumps([d.to_json() for d in diagnostics], indent=2, ensure_ascii=False)


def summary(diagnostics: Iterable[Diagnostic]) -> str:
    counts = {s: 0 for s in Severity}
    for diag in diagnostics:
        counts[diag.severity] += 1
    parts = [f"{counts[s]} {s}{'' if counts[s] == 1 else 's'}" for s in Severity if counts[s]]
    return ", ".join(parts) if parts else "no problems"
