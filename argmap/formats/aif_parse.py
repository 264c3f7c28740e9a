"""Parse AIF JSON into its own model: nodes by id, edges as adjacency, speakers.

Kept apart from the conversion to a `Map` (`argmap.formats.aif`) so what the
file says -- which nodes exist, of which type, where each id first occurs,
which edges join them -- is settled and warned about in one place, and the
mapping of AIF's schemes onto claims and relations in another.

A node is kept as an `AifNode` tuple and an edge as an `AifEdge`, made while
the JSON is parsed (an object hook), so a million-node AIFdb corpus never
holds two million dicts at once: a tuple is a third of a dict's size.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from argmap.diagnostics import Diagnostic
from argmap.formats.import_result import BROKEN_REFERENCE, DROPPED, DUPLICATE, Reporter
from argmap.formats.json_positions import JsonPositions, PathStep
from argmap.model import Pos
from argmap.safe_json import JsonProblem, load_json

FILE_START = Pos(1, 1)


class AifNode(NamedTuple):
    """A node as the file has it; `type` and `text` None where absent or null."""

    id: Any
    type: Any
    text: Any
    kind: str  # the type upper-cased, "" where the node has none


class AifEdge(NamedTuple):
    """An edge as the file has it; `label` is its edgeID, or None where it has none."""

    source: Any
    target: Any
    label: Any
    has_label: bool

    def as_json(self) -> dict[str, Any]:
        """The edge as the file's object (for a message)."""
        found = {"fromID": self.source, "toID": self.target}
        return {"edgeID": self.label, **found} if self.has_label else found


# Objects of these keys only are nodes and edges (AIFdb's and OVA's fields).
_NODE_KEYS = frozenset({"nodeID", "type", "text", "timestamp", "scheme", "schemeID"})
_EDGE_KEYS = frozenset({"edgeID", "fromID", "toID", "formEdgeID"})


class _Kinds(dict[str, str]):
    """A type as written -> upper-cased: one string per type, not one per node."""

    def __missing__(self, raw: str) -> str:
        kind = self[raw] = raw.upper()
        return kind


def _kind_of(raw: dict[str, Any], kinds: _Kinds) -> str:
    if "type" not in raw:
        return ""
    written = raw["type"]
    return kinds[written if type(written) is str else str(written)]


def _compact(kinds: _Kinds, ids: dict[str, str]) -> Any:
    """The JSON object hook: nodes and edges as tuples, anything else as it is.

    An edge's end that names a node seen before is that node's id string, not
    a copy of it (`ids`): a million-node file holds two million fewer strings.
    """
    make = tuple.__new__  # what AifNode(...) calls, without its Python-level __new__
    node_keys, edge_keys = _NODE_KEYS, _EDGE_KEYS
    known, same = ids.setdefault, ids.get

    def hook(raw: dict[str, Any]) -> Any:
        keys = raw.keys()
        if keys <= node_keys:
            nid = raw.get("nodeID")
            if nid is not None:
                if type(nid) is str:
                    nid = known(nid, nid)
                written = raw.get("type", _NO_TYPE)
                if written is _NO_TYPE:
                    kind, written = "", None
                else:
                    kind = kinds[written if type(written) is str else str(written)]
                return make(AifNode, (nid, written, raw.get("text"), kind))
        elif keys <= edge_keys:
            source, target = raw.get("fromID"), raw.get("toID")
            if type(source) is str:
                source = same(source, source)
            if type(target) is str:
                target = same(target, target)
            return make(AifEdge, (source, target, raw.get("edgeID"), "edgeID" in raw))
        return raw

    return hook


_NO_TYPE = object()


@dataclass
class AifDocument:
    """What an AIF file says, before any node becomes a claim or a relation."""

    # node id -> the first node of that id, in file order
    nodes: dict[str, AifNode] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)  # node id -> its type, upper-cased
    positions: dict[str, Pos] = field(default_factory=dict)  # where each id first occurs
    # the edges between known nodes, each once: node id -> the ids it comes from / goes to
    into: dict[str, list[str]] = field(default_factory=dict)
    out_of: dict[str, list[str]] = field(default_factory=dict)
    speaker_of_locution: dict[str, str] = field(default_factory=dict)  # L-node id -> name
    title: Any = None  # the file's "title", as the JSON has it
    problems: list[Diagnostic] = field(default_factory=list)

    def kind(self, nid: str) -> str:
        return self.kinds.get(nid, "")

    def where(self, nid: str) -> Pos:
        """The node's position, or the file's start for an id never written as `nodeID`."""
        return self.positions.get(nid, FILE_START)


_NODE_ID = re.compile(r'"nodeID"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)')


def node_positions(text: str) -> dict[str, Pos]:
    """Where each `"nodeID": X` first occurs; json gives no positions of its own."""
    out: dict[str, Pos] = {}
    # Lines are counted between one match and the next, so the file's newlines
    # are walked once and no list of a line start per line is kept.
    line, line_start, counted = 1, 0, 0
    count, rfind = text.count, text.rfind
    for match in _NODE_ID.finditer(text):
        raw = match.group(1)
        if raw[0] == '"':
            if "\\" in raw:
                try:
                    key = str(json.loads(raw))
                except ValueError:  # matched inside some other string: not a node id
                    continue
            else:
                key = raw[1:-1]  # the common case, without a JSON decoder per node
        else:
            key = raw
        if key in out:
            continue
        start = match.start()
        newlines = count("\n", counted, start)
        if newlines:
            line += newlines
            line_start = rfind("\n", counted, start) + 1
        counted = start
        out[key] = Pos(line, start - line_start + 1)
    return out


def parse_aif(text: str, path: str = "<aif>") -> AifDocument:
    """The file's nodes, edges and speakers; raises `ImportFailed` only for what
    is not AIF at all (not JSON, or no `nodes` list)."""
    report = Reporter(path)
    kinds = _Kinds()
    ids: dict[str, str] = {}  # each node id, as the one string every edge shares
    try:
        data = load_json(text, object_hook=_compact(kinds, ids))
    except JsonProblem as exc:
        raise report.fail(
            (exc.line, exc.col), exc.message, f"AIF files are JSON; {exc.hint}"
        ) from None
    inside: tuple[PathStep, ...] = ()  # the path to the object holding the lists
    if isinstance(data, dict) and isinstance(data.get("AIF"), dict):
        data = data["AIF"]  # the OVA form
        inside = ("AIF",)
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise report.fail(
            (1, 1),
            "not AIF: expected a JSON object with a 'nodes' list (or an 'AIF' object holding one)",
        )
    doc = AifDocument(positions=node_positions(text), title=data.get("title"))
    # Where the k-th node or edge object is, for the few warnings about one that
    # has no id of its own to point at (found only when one is warned of).
    positions = JsonPositions(text)

    def node_at(k: int) -> Pos:
        return positions.at((*inside, "nodes", k))

    def edge_at(k: int) -> Pos:
        return positions.at((*inside, "edges", k))

    _read_nodes(doc, data["nodes"], report, kinds, ids, node_at)
    data["nodes"] = None
    _read_edges(doc, data, report, ids, edge_at)
    _read_speakers(doc, data)
    doc.problems = report.diagnostics
    return doc


def _read_nodes(
    doc: AifDocument,
    raw_nodes: list[Any],
    report: Reporter,
    kinds: _Kinds,
    ids: dict[str, str],
    node_at: Callable[[int], Pos],
) -> None:
    """The first node of each id; a node without an id, or a clashing repeat, is warned
    of, at that node's object (`node_at`: where the k-th node is)."""
    nodes, node_kinds = doc.nodes, doc.kinds
    for k, raw in enumerate(raw_nodes):
        if type(raw) is not AifNode:
            if not isinstance(raw, dict) or raw.get("nodeID") is None:
                shown = raw.as_json() if type(raw) is AifEdge else raw
                report.warn(
                    node_at(k), DROPPED, f"a node without a nodeID was left out: {str(shown)[:60]}"
                )
                continue
            raw = AifNode(raw["nodeID"], raw.get("type"), raw.get("text"), _kind_of(raw, kinds))
        nid = raw.id if type(raw.id) is str else ids.setdefault(str(raw.id), str(raw.id))
        first = nodes.get(nid)
        if first is not None:
            if first.text != raw.text or first.type != raw.type:
                report.warn(
                    node_at(k),  # the repeat, which is the one left out
                    DUPLICATE,
                    f"node {nid} appears twice with different content; the first is kept",
                )
            continue
        nodes[nid] = raw
        node_kinds[nid] = raw.kind


def _read_edges(
    doc: AifDocument,
    data: dict[str, Any],
    report: Reporter,
    ids: dict[str, str],
    edge_at: Callable[[int], Pos],
) -> None:
    """Edges between known nodes, each once, as adjacency lists; the edge objects freed.
    An edge to a node not in the file is warned of at the edge (`edge_at`)."""
    nodes = doc.nodes
    into: dict[str, list[str]] = {}
    out_of: dict[str, list[str]] = {}
    # A repeated edge is left out: found in the short list of a node's targets,
    # or, for a node with many (a hub), in a set made for it.
    many: dict[str, set[str]] = {}
    for k, edge in enumerate(data.get("edges") or []):
        if type(edge) is AifEdge:
            source, target = edge.source, edge.target
            if type(source) is not str:
                source = ids.get(str(source), str(source))
            if type(target) is not str:
                target = ids.get(str(target), str(target))
        elif isinstance(edge, dict):
            edge = AifEdge(
                edge.get("fromID"), edge.get("toID"), edge.get("edgeID"), "edgeID" in edge
            )
            source, target = str(edge.source), str(edge.target)
        elif type(edge) is AifNode:  # a node among the edges: an edge from and to nothing
            edge = AifEdge(None, None, None, False)
            source = target = "None"
        else:
            continue
        if source not in nodes or target not in nodes:
            missing = [n for n in (source, target) if n not in nodes]
            label = edge.label if edge.has_label else f"{source}->{target}"
            report.warn(
                edge_at(k),
                BROKEN_REFERENCE,
                f"edge {label} refers to node {missing[0]}, which is not in the file; "
                "edge left out",
            )
            continue
        targets = out_of.get(source)
        if targets is None:
            out_of[source] = [target]
        else:
            if len(targets) < 16:
                if target in targets:
                    continue
            else:
                seen = many.get(source)
                if seen is None:
                    seen = many[source] = set(targets)
                if target in seen:
                    continue
                seen.add(target)
            targets.append(target)
        sources = into.get(target)
        if sources is None:
            into[target] = [source]
        else:
            sources.append(source)
    # The edge objects are not needed past here: free them now, not at the end
    # (a third of the parsed JSON of a large file).
    if isinstance(data.get("edges"), list):
        data["edges"] = None
    doc.into, doc.out_of = into, out_of


def _read_speakers(doc: AifDocument, data: dict[str, Any]) -> None:
    """Who said each locution, from the participants list (names joined)."""
    people: dict[str, str] = {}
    for person in data.get("participants") or []:
        if isinstance(person, dict) and person.get("participantID") is not None:
            name = " ".join(str(person.get(k) or "") for k in ("firstname", "surname")).strip()
            people[str(person["participantID"])] = name
    for loc in data.get("locutions") or []:
        if isinstance(loc, dict) and str(loc.get("personID")) in people:
            doc.speaker_of_locution[str(loc.get("nodeID"))] = people[str(loc["personID"])]
