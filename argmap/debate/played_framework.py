"""Stand-in glue: the played sub-map as a Dung framework, until `analyse_map` exists.

`argmap.analysis` owns how a map becomes a framework; while its map-level
API (`analyse_map`) is not in the tree, rounds are judged with this minimal
translation on top of the public plain-framework engine
(`argmap.analysis.semantics`), so the round works either way:

* every claim and every relation is an argument;
* an attack's relation argument attacks its target claim; an undercut's
  relation argument attacks the relation argument it undercuts;
* a relation holds only while all its premises do: each premise `p` gets a
  helper argument `not p`, attacked by `p`, which attacks the relation;
* supports attack nothing (a support lends no defence in Dung's semantics).

`adjudication.motion_status` prefers `argmap.analysis.analyse_map` when it
can be imported; this module can then be deleted.
"""

from __future__ import annotations

from argmap.analysis.semantics import Framework, Label, credulous, grounded, sceptical
from argmap.model import Map, RelationType


def map_framework(the_map: Map) -> Framework:
    names = [c.id for c in the_map.claims]
    attacks: list[tuple[str, str]] = []
    for relation in the_map.relations:
        node = f"relation:{relation.id}"
        names.append(node)
        for premise in relation.sources:
            helper = f"not:{premise}"
            names.append(helper)
            attacks += [(premise, helper), (helper, node)]
        if relation.type is RelationType.ATTACK:
            attacks.append((node, relation.target))
        elif relation.type is RelationType.UNDERCUT:
            attacks.append((node, f"relation:{relation.target}"))
    return Framework.from_attacks(names, attacks)


def grounded_and_preferred(the_map: Map, claim_id: str) -> tuple[Label, bool, bool]:
    """The claim's grounded label, and whether it is in some / every preferred extension."""
    fw = map_framework(the_map)
    index = fw.index[claim_id]
    return (grounded(fw)[index], credulous(fw, index, "preferred"),
            sceptical(fw, index, "preferred"))
