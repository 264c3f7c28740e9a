"""Read and write AIF JSON, the Argument Interchange Format of AIFdb and OVA.

AIF is a graph of nodes and edges. Information nodes (I) hold propositions;
scheme nodes connect them: RA (inference), CA (conflict), MA (rephrase),
PA (preference). Dialogue nodes (L locutions, YA illocutions, TA
transitions) record who said what. Mapping onto a `Map`:

- I-node → claim (kind `value`: AIF does not say what kind a claim is);
- RA-node → one `support` from its premises (linked if several) to each
  conclusion; CA-node → `attack`; a CA aimed at an RA (or CA) → `undercut`
  of the relation that node became;
- MA-node → a line in both claims' notes ("rephrases ...");
- the speaker of a claim (I ← YA ← L, with the locution's participant or the
  `Name:` prefix of the L text) → the claim's note;
- PA-nodes, unknown node types and broken edges → warnings naming the node.

Real corpus files mix numeric, string and `N_session` ids, leave out edge
ids, repeat nodes and feed scheme nodes from the wrong node types; what is
sound is imported and the rest is reported.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from argmap.display import escape_invisible
from argmap.formats.import_result import (
    APPROXIMATED,
    BROKEN_REFERENCE,
    DROPPED,
    DUPLICATE,
    KEPT_IN_NOTE,
    SELF_LOOP,
    IdPool,
    ImportResult,
    Reporter,
    make_id,
)
from argmap.model import Claim, ClaimKind, Map, Pos, Relation, RelationType
from argmap.safe_json import JsonProblem, load_json

_DIALOGUE = {"L", "YA", "TA"}
_SCHEMES = {"RA", "CA", "MA", "PA"}


def _node_positions(text: str) -> dict[str, Pos]:
    """Where each `"nodeID": X` first occurs; json gives no positions of its own."""
    out: dict[str, Pos] = {}
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    import bisect

    for match in re.finditer(r'"nodeID"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)', text):
        raw = match.group(1)
        if raw.startswith('"'):
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
        line = bisect.bisect_right(line_starts, match.start())
        out[key] = Pos(line, match.start() - line_starts[line - 1] + 1)
    return out


def read_aif(text: str, path: str = "<aif>") -> ImportResult:
    report = Reporter(path)
    try:
        data = load_json(text)
    except JsonProblem as exc:
        raise report.fail(
            (exc.line, exc.col), exc.message, f"AIF files are JSON; {exc.hint}"
        ) from None
    if isinstance(data, dict) and isinstance(data.get("AIF"), dict):
        data = data["AIF"]  # the OVA form
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise report.fail(
            (1, 1),
            "not AIF: expected a JSON object with a 'nodes' list (or an 'AIF' object holding one)",
        )
    positions = _node_positions(text)

    def where(node_id: str) -> Pos:
        return positions.get(node_id, Pos(1, 1))

    nodes: dict[str, dict[str, Any]] = {}
    for raw in data["nodes"]:
        if not isinstance(raw, dict) or raw.get("nodeID") is None:
            report.warn((1, 1), DROPPED, f"a node without a nodeID was left out: {str(raw)[:60]}")
            continue
        nid = str(raw["nodeID"])
        if nid in nodes:
            if nodes[nid].get("text") != raw.get("text") or nodes[nid].get("type") != raw.get(
                "type"
            ):
                report.warn(
                    where(nid),
                    DUPLICATE,
                    f"node {nid} appears twice with different content; the first is kept",
                )
            continue
        nodes[nid] = raw

    into: dict[str, list[str]] = defaultdict(list)
    out_of: dict[str, list[str]] = defaultdict(list)
    seen_edges: set[tuple[str, str]] = set()
    for edge in data.get("edges") or []:
        if not isinstance(edge, dict):
            continue
        source, target = str(edge.get("fromID")), str(edge.get("toID"))
        missing = [n for n in (source, target) if n not in nodes]
        if missing:
            label = edge.get("edgeID", f"{source}->{target}")
            known = [n for n in (source, target) if n in positions]
            report.warn(
                where(known[0]) if known else Pos(1, 1),
                BROKEN_REFERENCE,
                f"edge {label} refers to node {missing[0]}, which is not in the file; "
                "edge left out",
            )
            continue
        if (source, target) in seen_edges:
            continue
        seen_edges.add((source, target))
        out_of[source].append(target)
        into[target].append(source)
    # The edge objects are not needed past here: free them now, not at the end
    # (a third of the parsed JSON of a large file).
    if isinstance(data.get("edges"), list):
        data["edges"] = None
    del seen_edges

    kinds = {nid: str(node.get("type", "")).upper() for nid, node in nodes.items()}

    def kind(nid: str) -> str:
        return kinds.get(nid, "")

    # Speakers from the dialogue side: I <- YA <- L, participant from locutions.
    people: dict[str, str] = {}
    for person in data.get("participants") or []:
        if isinstance(person, dict) and person.get("participantID") is not None:
            name = " ".join(str(person.get(k) or "") for k in ("firstname", "surname")).strip()
            people[str(person["participantID"])] = name
    speaker_of_locution: dict[str, str] = {}
    for loc in data.get("locutions") or []:
        if isinstance(loc, dict) and str(loc.get("personID")) in people:
            speaker_of_locution[str(loc.get("nodeID"))] = people[str(loc["personID"])]

    def speaker(i_node: str) -> str | None:
        for ya in into.get(i_node, []):
            if kind(ya) != "YA":
                continue
            for loc in into.get(ya, []):
                if kind(loc) != "L":
                    continue
                if loc in speaker_of_locution:
                    return speaker_of_locution[loc]
                match = re.match(r"^\s*([^:]{1,60}?)\s*:", str(nodes[loc].get("text", "")))
                if match:
                    return match.group(1)
        return None

    claim_of: dict[str, str] = {}
    notes: dict[str, list[str]] = defaultdict(list)
    claims_in_order: list[tuple[str, str]] = []
    origins: dict[str, Pos] = {}
    # Node ids that make the same claim id ("a b", "a!b") get -2, -3, ...: an id
    # pool remembers the next suffix, where appending "_" until free was
    # quadratic in the number of such nodes (and in the ids' length).
    claim_ids = IdPool()
    for nid, node in nodes.items():
        node_kind = kind(nid)
        if node_kind == "I":
            text_value = " ".join(str(node.get("text") or "").split())
            if not text_value:
                report.warn(where(nid), DROPPED, f"I-node {nid} has no text; left out")
                continue
            cid = claim_ids.take(
                make_id(
                    nid if nid[:1].isascii() and nid[:1].isalpha() else f"i{nid}",
                    f"i{len(claim_of)}",
                )
            )
            claim_of[nid] = cid
            claims_in_order.append((nid, text_value))
            origins[cid] = where(nid)
            who = speaker(nid)
            if who:
                notes[cid].append(f"Said by {who}.")
        elif node_kind in _DIALOGUE:
            continue
        elif node_kind == "PA":
            report.warn(
                where(nid),
                DROPPED,
                f"preference node {nid} (PA) has no equivalent in an argmap map; left out",
            )
        elif node_kind not in _SCHEMES:
            report.warn(
                where(nid), DROPPED, f"node {nid} has unknown type {node.get('type')!r}; left out"
            )

    relations: list[Relation] = []
    relations_of: dict[str, list[str]] = {}
    rel_ids = IdPool()

    def add(
        rid: str, rel_type: RelationType, sources: tuple[str, ...], target: str, nid: str
    ) -> str | None:
        if target in sources:
            report.warn(
                where(nid),
                SELF_LOOP,
                f"{kind(nid)}-node {nid} would relate a claim to itself; left out",
            )
            return None
        rid = rel_ids.take(rid)
        relations.append(
            Relation(id=rid, type=rel_type, sources=sources, target=target, pos=where(nid))
        )
        origins[rid] = where(nid)
        return rid

    def premises(nid: str) -> tuple[str, ...]:
        found: list[str] = []
        for src in into.get(nid, []):
            if src in claim_of:
                found.append(claim_of[src])
            elif kind(src) in _DIALOGUE or kind(src) == "CA":
                continue  # anchoring in the dialogue, or an attack on this scheme node
            else:
                report.warn(
                    where(nid),
                    BROKEN_REFERENCE,
                    f"{kind(nid)}-node {nid} is fed by {kind(src) or '?'}-node {src}, "
                    "which is not a proposition; that edge is ignored",
                )
        return tuple(dict.fromkeys(found))

    # RA nodes first; then CA nodes, retried while some aim at a CA not yet done.
    premises_of: dict[str, tuple[str, ...]] = {}
    pending: list[tuple[str, str]] = []
    for nid in sorted((n for n in nodes if kind(n) in ("RA", "CA")), key=lambda n: kind(n) != "RA"):
        sources = premises(nid)
        targets = [t for t in out_of.get(nid, []) if kind(t) not in _DIALOGUE]
        if not sources or not targets:
            lack = (
                "no premise (an I-node pointing to it)"
                if not sources
                else "no conclusion (an edge to an I-node)"
            )
            report.warn(where(nid), DROPPED, f"{kind(nid)}-node {nid} has {lack}; left out")
            continue
        premises_of[nid] = sources
        pending += [(nid, t) for t in targets]
    while pending:
        waiting: list[tuple[str, str]] = []
        for nid, target in pending:
            node_kind, sources = kind(nid), premises_of[nid]
            rel_base = f"{node_kind.lower()}{make_id(nid)}"
            made: list[str | None] = []
            if target in claim_of:
                rel_type = RelationType.SUPPORT if node_kind == "RA" else RelationType.ATTACK
                made.append(add(rel_base, rel_type, sources, claim_of[target], nid))
            elif node_kind == "CA" and kind(target) in ("RA", "CA"):
                if target in premises_of and target not in relations_of:
                    waiting.append((nid, target))
                    continue
                if target not in relations_of:
                    report.warn(
                        where(nid),
                        BROKEN_REFERENCE,
                        f"CA-node {nid} attacks {kind(target)}-node {target}, which "
                        "became no relation; that attack is left out",
                    )
                    continue
                if kind(target) == "CA":
                    report.warn(
                        where(nid),
                        APPROXIMATED,
                        f"CA-node {nid} attacks a conflict (CA-node {target}); "
                        "imported as an undercut of that attack",
                    )
                made += [
                    add(rel_base, RelationType.UNDERCUT, sources, aimed, nid)
                    for aimed in relations_of[target]
                ]
            else:
                report.warn(
                    where(nid),
                    BROKEN_REFERENCE,
                    f"{node_kind}-node {nid} points to {kind(target) or '?'}-node "
                    f"{target}, which it cannot conclude; that edge is ignored",
                )
            relations_of.setdefault(nid, []).extend(r for r in made if r)
        if len(waiting) == len(pending):  # attacks on attacks in a circle
            for nid, target in waiting:
                report.warn(
                    where(nid),
                    BROKEN_REFERENCE,
                    f"CA-node {nid} and CA-node {target} attack each other in a "
                    "circle; that attack is left out",
                )
            break
        pending = waiting

    for nid in nodes:
        if kind(nid) != "MA":
            continue
        ends = [n for n in into.get(nid, []) + out_of.get(nid, []) if n in claim_of]
        if len(ends) < 2:
            report.warn(where(nid), DROPPED, f"MA-node {nid} does not join two I-nodes; left out")
            continue
        first, second = ends[0], ends[1]
        notes[claim_of[second]].append(f'Rephrases {claim_of[first]}: "{_text(nodes[first])}".')
        notes[claim_of[first]].append(f'Rephrased as {claim_of[second]}: "{_text(nodes[second])}".')
        report.warn(
            where(nid),
            KEPT_IN_NOTE,
            f"rephrase (MA-node {nid}) kept in the notes of {claim_of[first]} and "
            f"{claim_of[second]}",
        )

    claims = tuple(
        Claim(
            id=claim_of[nid],
            text=text_value,
            kind=ClaimKind.VALUE,
            note=" ".join(notes[claim_of[nid]]) or None,
            pos=origins[claim_of[nid]],
        )
        for nid, text_value in claims_in_order
    )
    if not claims:
        raise report.fail((1, 1), "the AIF file has no I-nodes (propositions) to import")
    premise_ids = {s for r in relations for s in r.sources}
    concluded = {r.target for r in relations}
    theses = [c.id for c in claims if c.id in concluded and c.id not in premise_ids]
    if not theses:
        theses = [c.id for c in claims if c.id not in premise_ids][:1] or [claims[0].id]
    title = str(data.get("title") or f"AIF import of {path.rsplit('/', 1)[-1]}")
    the_map = Map(
        id=make_id(path.rsplit("/", 1)[-1].rsplit(".", 1)[0], "aif"),
        title=title,
        theses=tuple(theses),
        claims=claims,
        relations=tuple(relations),
        description="Imported from AIF JSON.",
        path=path,
    )
    return ImportResult(the_map, report.diagnostics, origins, path)


def _text(node: dict[str, Any]) -> str:
    return " ".join(str(node.get("text") or "").split())


def write_aif(m: Map) -> str:
    """The map as AIF JSON with all five arrays, as AIFdb and OVA expect.

    Claims become I-nodes; each relation becomes an RA (support) or CA
    (attack, undercut) node; an undercut's CA points at the scheme node of
    the relation it undercuts. Claim kinds, themes, notes and sources have
    no place in AIF and are not written.
    """
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    ids: dict[str, str] = {}

    def node(key: str, text: str, node_type: str, scheme: str | None = None) -> str:
        nid = str(len(nodes) + 1)
        ids[key] = nid
        record: dict[str, Any] = {"nodeID": nid, "text": text, "type": node_type, "timestamp": ""}
        if scheme:
            record["scheme"] = scheme
        nodes.append(record)
        return nid

    def edge(source: str, target: str) -> None:
        edges.append(
            {"edgeID": str(len(edges) + 1), "fromID": source, "toID": target, "formEdgeID": None}
        )

    for claim in m.claims:
        node(f"claim:{claim.id}", claim.text, "I")
    for rel in m.relations:
        if rel.type is RelationType.SUPPORT:
            node(f"rel:{rel.id}", "Default Inference", "RA", "Default Inference")
        else:
            node(f"rel:{rel.id}", "Default Conflict", "CA", "Default Conflict")
    for rel in m.relations:
        scheme = ids[f"rel:{rel.id}"]
        for src in rel.sources:
            if f"claim:{src}" in ids:
                edge(ids[f"claim:{src}"], scheme)
        target_key = (
            f"rel:{rel.target}" if rel.type is RelationType.UNDERCUT else f"claim:{rel.target}"
        )
        if target_key in ids:
            edge(scheme, ids[target_key])
    document = {
        "nodes": nodes,
        "edges": edges,
        "locutions": [],
        "participants": [],
        "schemefulfillments": [],
    }
    return escape_invisible(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
