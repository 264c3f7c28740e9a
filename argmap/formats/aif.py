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

Reading is two steps, as for Argdown: `argmap.formats.aif_parse` reads the
nodes and edges (and warns of broken ones), `to_map` here maps them.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from argmap.display import escape_invisible
from argmap.formats.aif_parse import FILE_START, AifDocument, AifNode, parse_aif
from argmap.formats.import_result import (
    APPROXIMATED,
    BROKEN_REFERENCE,
    DROPPED,
    KEPT_IN_NOTE,
    SELF_LOOP,
    IdPool,
    ImportResult,
    Reporter,
    make_id,
)
from argmap.model import Claim, ClaimKind, Map, Pos, Relation, RelationType

_DIALOGUE = {"L", "YA", "TA"}
_NO_POSITIONS = Claim("", "", ClaimKind.VALUE).positions  # what every built claim has
_SCHEMES = {"RA", "CA", "MA", "PA"}


def read_aif(text: str, path: str = "<aif>") -> ImportResult:
    """Parse the file, then map its nodes onto a map."""
    return to_map(parse_aif(text, path), path)


def to_map(doc: AifDocument, path: str = "<aif>") -> ImportResult:
    """The map a parsed AIF file makes; the parse's warnings first, then the mapping's.

    Consumes `doc`: its nodes, edges and positions are let go as soon as they
    are mapped (only `problems` and `title` stay), so a million-node file and
    its map are never held in full at once.
    """
    report = Reporter(path)
    report.diagnostics = list(doc.problems)
    origins: dict[str, Pos] = {}
    claim_of, claims_in_order, notes = _claims(doc, report, origins)
    rephrased = Reporter(path)  # its warnings come after the relations' warnings
    _rephrases(doc, rephrased, claim_of, notes)
    doc.nodes = {}  # the texts are in `claims_in_order` and the notes now
    relations = _relations(doc, report, claim_of, origins)
    report.diagnostics += rephrased.diagnostics
    doc.kinds, doc.positions, doc.into, doc.out_of = {}, {}, {}, {}
    del claim_of
    # Every field given in order: a frozen dataclass's keyword defaults (and the
    # factory of `positions`) cost a third of making each of a million claims.
    value, no_positions = ClaimKind.VALUE, _NO_POSITIONS
    claims = tuple(
        Claim(
            cid,
            text_value,
            value,
            (),
            (),
            None,
            (),
            " ".join(notes[cid]) if cid in notes else None,
            None,
            (),
            origins[cid],
            no_positions,
        )
        for cid, text_value in claims_in_order
    )
    if not claims:
        raise report.fail((1, 1), "the AIF file has no I-nodes (propositions) to import")
    premise_ids = {s for r in relations for s in r.sources}
    concluded = {r.target for r in relations}
    theses = [c.id for c in claims if c.id in concluded and c.id not in premise_ids]
    if not theses:
        theses = [c.id for c in claims if c.id not in premise_ids][:1] or [claims[0].id]
    title = str(doc.title or f"AIF import of {path.rsplit('/', 1)[-1]}")
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


def _claims(
    doc: AifDocument, report: Reporter, origins: dict[str, Pos]
) -> tuple[dict[str, str], list[tuple[str, str]], dict[str, list[str]]]:
    """A claim id per I-node with text (its speaker noted); other nodes warned of.

    Returns node id -> claim id, (claim id, text) in file order, and the notes.
    """
    nodes, into, kinds, where = doc.nodes, doc.into, doc.kinds, doc.where
    speaker_of_locution = doc.speaker_of_locution

    def speaker(i_node: str) -> str | None:
        """I <- YA <- L: the locution's participant, or the `Name:` its text starts with."""
        for ya in into.get(i_node, ()):
            if kinds[ya] != "YA":
                continue
            for loc in into.get(ya, ()):
                if kinds[loc] != "L":
                    continue
                if loc in speaker_of_locution:
                    return speaker_of_locution[loc]
                match = re.match(r"^\s*([^:]{1,60}?)\s*:", str(nodes[loc].text or ""))
                if match:
                    return match.group(1)
        return None

    claim_of: dict[str, str] = {}
    notes: dict[str, list[str]] = defaultdict(list)
    claims_in_order: list[tuple[str, str]] = []
    positions = doc.positions
    # Node ids that make the same claim id ("a b", "a!b") get -2, -3, ...: an id
    # pool remembers the next suffix, where appending "_" until free was
    # quadratic in the number of such nodes (and in the ids' length).
    take = IdPool().take
    for nid, node in nodes.items():
        node_kind = kinds[nid]
        if node_kind == "I":
            text_value = " ".join(str(node.text or "").split())
            if not text_value:
                report.warn(where(nid), DROPPED, f"I-node {nid} has no text; left out")
                continue
            cid = take(
                make_id(
                    nid if nid[:1].isascii() and nid[:1].isalpha() else f"i{nid}",
                    f"i{len(claim_of)}",
                )
            )
            claim_of[nid] = cid
            claims_in_order.append((cid, text_value))
            origins[cid] = positions.get(nid, FILE_START)
            if nid in into:
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
            report.warn(where(nid), DROPPED, f"node {nid} has unknown type {node.type!r}; left out")
    return claim_of, claims_in_order, notes


def _relations(
    doc: AifDocument, report: Reporter, claim_of: dict[str, str], origins: dict[str, Pos]
) -> list[Relation]:
    """RA-nodes as supports, CA-nodes as attacks, or undercuts of what they aim at."""
    into, out_of, kind, where = doc.into, doc.out_of, doc.kind, doc.where
    kinds = doc.kinds
    relations: list[Relation] = []
    relations_of: dict[str, list[str]] = {}
    take = IdPool().take

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
        rid = take(rid)
        pos = where(nid)
        relations.append(Relation(id=rid, type=rel_type, sources=sources, target=target, pos=pos))
        origins[rid] = pos
        return rid

    def premises(nid: str) -> tuple[str, ...]:
        found: list[str] = []
        for src in into.get(nid, ()):
            claim = claim_of.get(src)
            if claim is not None:
                found.append(claim)
            elif kind(src) in _DIALOGUE or kind(src) == "CA":
                continue  # anchoring in the dialogue, or an attack on this scheme node
            else:
                report.warn(
                    where(nid),
                    BROKEN_REFERENCE,
                    f"{kind(nid)}-node {nid} is fed by {kind(src) or '?'}-node {src}, "
                    "which is not a proposition; that edge is ignored",
                )
        return (found[0],) if len(found) == 1 else tuple(dict.fromkeys(found))

    # RA nodes first; then CA nodes, retried while some aim at a CA not yet done.
    premises_of: dict[str, tuple[str, ...]] = {}
    pending: list[tuple[str, str]] = []
    schemes = [n for n, k in kinds.items() if k == "RA"] + [
        n for n, k in kinds.items() if k == "CA"
    ]
    # What each scheme node became is remembered only for those a CA-node aims at.
    aimed_at = {
        t
        for n, k in kinds.items()
        if k == "CA"
        for t in out_of.get(n, ())
        if kinds[t] in ("RA", "CA")
    }
    support, attack = RelationType.SUPPORT, RelationType.ATTACK
    positions_get, relations_append = doc.positions.get, relations.append
    for nid in schemes:
        sources = premises(nid)
        targets = [t for t in out_of.get(nid, ()) if kinds[t] not in _DIALOGUE]
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
            node_kind, sources = kinds[nid], premises_of[nid]
            rel_base = ("ra" if node_kind == "RA" else "ca") + make_id(nid)
            made: list[str | None] = []
            concluded = claim_of.get(target)
            if concluded is not None:
                rel_type = support if node_kind == "RA" else attack
                if concluded in sources:
                    made.append(add(rel_base, rel_type, sources, concluded, nid))  # warns
                else:  # add(), inlined: the one case of nearly every scheme node
                    rid, pos = take(rel_base), positions_get(nid, FILE_START)
                    relations_append(
                        Relation(rid, rel_type, sources, concluded, None, pos, _NO_POSITIONS)
                    )
                    origins[rid] = pos
                    made.append(rid)
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
            if nid in aimed_at:
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
    return relations


def _rephrases(
    doc: AifDocument, report: Reporter, claim_of: dict[str, str], notes: dict[str, list[str]]
) -> None:
    """MA-nodes kept as a line in both claims' notes (a map has no rephrase relation)."""
    nodes, into, out_of, where = doc.nodes, doc.into, doc.out_of, doc.where
    for nid in [n for n, k in doc.kinds.items() if k == "MA"]:
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


def _text(node: AifNode) -> str:
    return " ".join(str(node.text or "").split())


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
