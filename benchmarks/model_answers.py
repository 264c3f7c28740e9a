"""List each claim's model answers (rebut and support) with their key points.

A writing aid for the grading corpus: a labelled answer is written against
these, so the corpus author sees exactly what the drill would grade against.
Run: .venv/bin/python benchmarks/model_answers.py [MAP ...]
"""

from __future__ import annotations

import argparse

from argmap.bundled import resolve_map_path
from argmap.loading import load_map
from argmap.model import Claim, Map, RelationType


def model_answers(the_map: Map, claim_id: str, drill: str) -> list[Claim]:
    """Claims answering `drill` for `claim_id`: single-premise, with key points."""
    wanted = RelationType.ATTACK if drill == "rebut" else RelationType.SUPPORT
    found = []
    for rel in the_map.incoming.get(claim_id, ()):
        if rel.type is wanted and not rel.linked:
            claim = the_map.claim(rel.sources[0])
            if claim.key_points:
                found.append(claim)
    return found


def main(argv: list[str] | None = None) -> int:
    """Print every claim that has at least one model answer, with those answers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("maps", nargs="*", metavar="MAP", help="a map file or bundled map name")
    args = parser.parse_args(argv)
    for name in args.maps or ["face-at-the-door", "example-smart-locks"]:
        result = load_map(resolve_map_path(name))
        the_map = result.map
        if the_map is None:
            print(f"{name}: cannot be read: {'; '.join(d.message for d in result.diagnostics)}")
            return 2
        print(f"=== {the_map.id}")
        for claim in the_map.claims:
            for drill in ("rebut", "support"):
                answers = model_answers(the_map, claim.id, drill)
                if not answers:
                    continue
                print(f"\n## {drill} {claim.id}: {claim.text}")
                for ans in answers:
                    print(f"  -> {ans.id}: {ans.text}")
                    for kp in ans.key_points:
                        syn = f"  (also: {', '.join(kp.synonyms)})" if kp.synonyms else ""
                        opp = f"  (opposites: {', '.join(kp.opposites)})" if kp.opposites else ""
                        print(f"       * {kp.point}{syn}{opp}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
