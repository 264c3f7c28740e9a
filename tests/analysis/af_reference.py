"""A brute-force reference for Dung's semantics: every subset, checked by definition.

Deliberately naive (and exponential): it is what the engine is checked against.
"""

from __future__ import annotations

from itertools import combinations

Attacks = frozenset[tuple[int, int]]


def _conflict_free(s: frozenset[int], att: Attacks) -> bool:
    return not any((a, b) in att for a in s for b in s)


def _defends(s: frozenset[int], x: int, n: int, att: Attacks) -> bool:
    return all(any((d, y) in att for d in s) for y in range(n) if (y, x) in att)


def admissible_sets(n: int, att: Attacks) -> list[frozenset[int]]:
    subsets = (frozenset(c) for k in range(n + 1) for c in combinations(range(n), k))
    return [s for s in subsets if _conflict_free(s, att) and all(_defends(s, x, n, att) for x in s)]


def reference_extensions(n: int, att: Attacks) -> dict[str, set[frozenset[int]]]:
    adm = admissible_sets(n, att)
    complete = {s for s in adm if all(x in s for x in range(n) if _defends(s, x, n, att))}
    preferred = {s for s in adm if not any(s < t for t in adm)}
    stable = {s for s in adm if all(x in s or any((d, x) in att for d in s) for x in range(n))}
    grounded = {min(complete, key=len)}
    return {"grounded": grounded, "complete": complete, "preferred": preferred, "stable": stable}
