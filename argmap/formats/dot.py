"""Graphviz DOT export: claims as boxes coloured by side, relations as coloured arrows.

Support arrows are green, attacks red, undercuts dashed orange pointing at
a small diamond that stands for the undercut relation; linked premises
meet in a small dot before the arrow. Pro claims are green-edged, con
claims red-edged, theses bold double octagons. `render_dot` pipes the text
through the `dot` program for SVG or PNG when it is installed.
"""

from __future__ import annotations

import shutil
import subprocess
import textwrap

from argmap.display import visible
from argmap.model import Map, RelationType
from argmap.sides import export_words

SIDE_COLOURS = {"pro": "#1b7837", "con": "#b2182b", "mixed": "#7b3294", "none": "#777777"}
SIDE_FILLS = {"pro": "#e7f5e9", "con": "#fbe9eb", "mixed": "#f1e6f5", "none": "#f4f4f4"}
RELATION_COLOURS = {
    RelationType.SUPPORT: 'color="#1b7837"',
    RelationType.ATTACK: 'color="#b2182b"',
    RelationType.UNDERCUT: 'color="#e08214", style=dashed',
}
ARROWHEADS = {
    RelationType.SUPPORT: "normal",
    RelationType.ATTACK: "tee",
    RelationType.UNDERCUT: "tee",
}
KIND_SHAPES = {"fact": "box", "value": "box", "policy": "box", "prediction": "box"}


def quote(text: str) -> str:
    """A DOT double-quoted string; invisible characters shown as markers."""
    text = visible(text)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


LABEL_WIDTH, LABEL_LINES = 32, 8  # a claim's box; `losses` warns of text cut (X713)


def _label(text: str, width: int = LABEL_WIDTH) -> str:
    return "\n".join(textwrap.wrap(text, width)[:LABEL_LINES])


def write_dot(m: Map) -> str:
    sides = export_words(m)
    theses = set(m.theses)
    needs_junction: set[str] = set()
    needs_junction |= {r.id for r in m.relations if r.linked}
    needs_junction |= {r.target for r in m.relations if r.type is RelationType.UNDERCUT}
    out = [
        f"digraph {quote(m.id)} {{",
        f"  label={quote(m.title)};",
        "  labelloc=t;",
        "  rankdir=BT;",
        '  node [fontname="Helvetica", fontsize=10, style="rounded,filled"];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    for claim in m.claims:
        side = sides[claim.id]
        shape = "doubleoctagon" if claim.id in theses else KIND_SHAPES.get(claim.kind, "box")
        width = ", penwidth=2" if claim.id in theses else ""
        label = f"{_label(claim.text)}\n[{claim.kind}]"
        out.append(
            f"  {quote('c:' + claim.id)} [label={quote(label)}, shape={shape}, "
            f'color="{SIDE_COLOURS[side]}", fillcolor="{SIDE_FILLS[side]}"{width}, '
            f"tooltip={quote(claim.id)}];"
        )
    for rel in m.relations:
        colour, head = RELATION_COLOURS[rel.type], f"arrowhead={ARROWHEADS[rel.type]}"
        style = f"{colour}, {head}"
        target = ("r:" if rel.type is RelationType.UNDERCUT else "c:") + rel.target
        if rel.id in needs_junction:
            junction = quote("r:" + rel.id)
            out.append(
                f'  {junction} [label="", shape=diamond, width=0.15, height=0.15, '
                f'style=filled, fillcolor="#cccccc", tooltip={quote(rel.id)}];'
            )
            for src in rel.sources:
                out.append(f"  {quote('c:' + src)} -> {junction} [{colour}, arrowhead=none];")
            out.append(
                f"  {junction} -> {quote(target)} [{style}"
                + (f", tooltip={quote(rel.why)}" if rel.why else "")
                + "];"
            )
        else:
            out.append(
                f"  {quote('c:' + rel.sources[0])} -> {quote(target)} [{style}"
                + (f", tooltip={quote(rel.why)}" if rel.why else "")
                + "];"
            )
    out.append("}")
    return "\n".join(out) + "\n"


def dot_available() -> bool:
    return shutil.which("dot") is not None


def render_dot(m: Map, image_format: str) -> bytes:
    """SVG or PNG made by Graphviz; a `WriteError` when `dot` is missing or fails."""
    from argmap.formats.registry import WriteError

    program = shutil.which("dot")
    if program is None:
        raise WriteError(
            f"cannot make {image_format.upper()}: the Graphviz 'dot' program is not installed",
            "install graphviz, or export --to dot and render the file elsewhere",
        )
    try:
        done = subprocess.run(
            [program, f"-T{image_format}"],
            input=write_dot(m).encode("utf-8"),
            capture_output=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise WriteError(
            f"cannot make {image_format.upper()}: running {program} failed: {exc}",
            "export --to dot and render the file with Graphviz yourself",
        ) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip()
        raise WriteError(
            f"cannot make {image_format.upper()}: dot failed: {reason}",
            "export --to dot and render the file with Graphviz yourself",
        )
    return done.stdout


def write_svg(m: Map) -> str:
    return render_dot(m, "svg").decode("utf-8")


def write_png(m: Map) -> bytes:
    return render_dot(m, "png")


def export_svg(m: Map) -> bytes:
    return render_dot(m, "svg")


def export_png(m: Map) -> bytes:
    return render_dot(m, "png")
