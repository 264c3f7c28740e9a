"""Bar charts as inline SVG: no script, no font download, nothing fetched.

Every label is data from a student's file or a map, so it is escaped with
`html.escape` before it enters the markup; numbers are formatted by us.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from argmap.display import shorten

ROW_HEIGHT = 22
LABEL_WIDTH = 250
BAR_WIDTH = 320
MAX_LABEL_CHARS = 30


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float | None  # 0..1; None draws no bar ("no answers")
    note: str = ""  # shown after the bar, e.g. "12/20"


def _short(text: str) -> str:
    return shorten(text, MAX_LABEL_CHARS)  # at a word boundary: the tooltip has it whole


def bar_colour(value: float) -> str:
    """Red below 50 %, amber below 75 %, green above: readable on a projector."""
    if value < 0.5:
        return "#c0392b"
    if value < 0.75:
        return "#d68910"
    return "#1e8449"


def bar_chart(title: str, bars: Sequence[Bar]) -> str:
    """A horizontal bar chart of accuracies, with a tooltip per bar."""
    height = ROW_HEIGHT * max(1, len(bars)) + 30
    width = LABEL_WIDTH + BAR_WIDTH + 110
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" class="chart">',
        f"<title>{escape(title)}</title>",
    ]
    for quarter in range(5):
        x = LABEL_WIDTH + BAR_WIDTH * quarter / 4
        parts.append(
            f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - 22}" '
            'stroke="#ccc" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{height - 8}" font-size="11" '
            f'text-anchor="middle" fill="#555">{quarter * 25}%</text>'
        )
    for row, bar in enumerate(bars):
        y = row * ROW_HEIGHT + 4
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 14}" font-size="13" '
            f'text-anchor="end">{escape(_short(bar.label))}</text>'
        )
        if bar.value is not None:
            length = max(1.0, BAR_WIDTH * min(1.0, max(0.0, bar.value)))
            tip = f"{bar.label}: {round(100 * bar.value)}% {bar.note}".strip()
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" '
                f'height="{ROW_HEIGHT - 6}" fill="{bar_colour(bar.value)}">'
                f"<title>{escape(tip)}</title></rect>"
            )
            text = f"{round(100 * bar.value)}%"
        else:
            text = "no answers"
        note = f" ({bar.note})" if bar.note else ""
        parts.append(
            f'<text x="{LABEL_WIDTH + BAR_WIDTH + 6}" y="{y + 14}" font-size="12" '
            f'fill="#333">{escape(text + note)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
