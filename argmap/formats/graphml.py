"""GraphML export for yEd and Gephi.

Plain GraphML data keys (the map's title and description; label, kind, side,
relation type, why) that Gephi reads as attributes, plus yEd's own node and
edge graphics (colours by side and relation) in the `y:` namespace, which
other tools ignore.
A relation that is linked or undercut becomes a small node of its own,
since a GraphML edge cannot point at another edge.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from argmap.display import escape_invisible
from argmap.formats.dot import SIDE_COLOURS, SIDE_FILLS
from argmap.model import Map, RelationType
from argmap.sides import EXPORT_WORDS, export_words, relation_side

EDGE_COLOURS = {
    RelationType.SUPPORT: "#1b7837",
    RelationType.ATTACK: "#b2182b",
    RelationType.UNDERCUT: "#e08214",
}
_KEYS = (
    ("d_title", "graph", "title"),
    ("d_description", "graph", "description"),
    ("d_label", "node", "label"),
    ("d_kind", "node", "kind"),
    ("d_side", "node", "side"),
    ("d_thesis", "node", "thesis"),
    ("d_node_type", "node", "node_type"),
    ("d_type", "edge", "type"),
    ("d_relation", "edge", "relation"),
    ("d_why", "edge", "why"),
)


def _data(key: str, value: str) -> str:
    return f'<data key="{key}">{escape(value)}</data>'


def write_graphml(m: Map) -> str:
    sides = export_words(m)
    junctions = {r.id for r in m.relations if r.linked}
    junctions |= {r.target for r in m.relations if r.type is RelationType.UNDERCUT}
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xmlns:y="http://www.yworks.com/xml/graphml" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">',
    ]
    for key, scope, name in _KEYS:
        out.append(f'  <key id="{key}" for="{scope}" attr.name="{name}" attr.type="string"/>')
    out.append('  <key id="d_ynode" for="node" yfiles.type="nodegraphics"/>')
    out.append('  <key id="d_yedge" for="edge" yfiles.type="edgegraphics"/>')
    out.append(f'  <graph id={quoteattr(m.id)} edgedefault="directed">')
    out.append("    " + _data("d_title", m.title))
    if m.description:
        out.append("    " + _data("d_description", m.description))
    theses = set(m.theses)
    for claim in m.claims:
        side = sides[claim.id]
        out.append(f"    <node id={quoteattr('c:' + claim.id)}>")
        out.append(
            "      "
            + _data("d_label", claim.text)
            + _data("d_kind", str(claim.kind))
            + _data("d_side", side)
            + _data("d_thesis", str(claim.id in theses).lower())
            + _data("d_node_type", "claim")
        )
        border = "3.0" if claim.id in theses else "1.0"
        out.append(
            '      <data key="d_ynode"><y:ShapeNode><y:Geometry width="220" height="70"/>'
            f'<y:Fill color="{SIDE_FILLS[side]}"/>'
            f'<y:BorderStyle color="{SIDE_COLOURS[side]}" type="line" width="{border}"/>'
            f"<y:NodeLabel>{escape(claim.text)}</y:NodeLabel>"
            '<y:Shape type="roundrectangle"/></y:ShapeNode></data>'
        )
        out.append("    </node>")
    for rel in m.relations:
        if rel.id in junctions:
            side = EXPORT_WORDS[relation_side(m, rel.id)]
            out.append(f"    <node id={quoteattr('r:' + rel.id)}>")
            out.append(
                "      "
                + _data("d_label", rel.why or rel.id)
                + _data("d_side", side)
                + _data("d_node_type", f"{rel.type} relation")
            )
            out.append(
                '      <data key="d_ynode"><y:ShapeNode><y:Geometry width="16" '
                'height="16"/><y:Fill color="#CCCCCC"/><y:Shape type="diamond"/>'
                "</y:ShapeNode></data>"
            )
            out.append("    </node>")
    count = 0

    def edge(
        source: str, target: str, rel_type: RelationType, rel_id: str, why: str | None, arrow: bool
    ) -> None:
        nonlocal count
        count += 1
        line = "dashed" if rel_type is RelationType.UNDERCUT else "line"
        head = ("standard" if rel_type is RelationType.SUPPORT else "t_shape") if arrow else "none"
        out.append(
            f'    <edge id="e{count}" source={quoteattr(source)} target={quoteattr(target)}>'
        )
        out.append(
            "      "
            + _data("d_type", str(rel_type))
            + _data("d_relation", rel_id)
            + (_data("d_why", why) if why else "")
        )
        out.append(
            f'      <data key="d_yedge"><y:PolyLineEdge><y:LineStyle '
            f'color="{EDGE_COLOURS[rel_type]}" type="{line}" width="1.5"/>'
            f'<y:Arrows source="none" target="{head}"/></y:PolyLineEdge></data>'
        )
        out.append("    </edge>")

    for rel in m.relations:
        prefix = "r:" if rel.type is RelationType.UNDERCUT else "c:"
        target = prefix + rel.target
        if rel.id in junctions:
            for src in rel.sources:
                edge("c:" + src, "r:" + rel.id, rel.type, rel.id, None, False)
            edge("r:" + rel.id, target, rel.type, rel.id, rel.why, True)
        else:
            edge("c:" + rel.sources[0], target, rel.type, rel.id, rel.why, True)
    out += ["  </graph>", "</graphml>"]
    # invisible characters as character references: intact in yEd, visible in an editor
    return escape_invisible("\n".join(out), "&#x{:x};") + "\n"
