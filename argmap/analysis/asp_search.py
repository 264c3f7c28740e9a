"""The labelling search for large components, handed to clingo.

The branch-and-propagate search in `semantics` has no clause learning: on a
single strongly connected block of a few hundred densely attacking
arguments (ICCMA's `WS_300_16_90_30`) it does not finish in minutes, while a
conflict-driven solver answers in about a second. Small components stay in
Python, where starting a solver would cost more than the search; this module
takes the same inputs and yields the same labellings as `semantics._search`,
so the two are interchangeable and tested against the same reference.

The encoding is the complete-labelling one of ASPARTIX, extended with what
is fixed upstream: `forced(X)` (an upstream attacker is in, so X is out) and
`blocked(X)` (an upstream attacker is undecided, so X cannot be in).
Preferred labellings are the subset-maximal `in` sets, found with clingo's
domain heuristic and `--enum-mode=domRec` rather than by a saturation
encoding.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence

from argmap.analysis.semantics import IN, OUT, UNDEC, Label

_COMPLETE = """
in(X) :- arg(X), not nin(X).
nin(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X, Y).
defeated(X) :- in(Y), att(Y, X).
defeated(X) :- forced(X).
undefended(X) :- att(Y, X), not defeated(Y).
undefended(X) :- forced(X).
undefended(X) :- blocked(X).
:- in(X), undefended(X).
:- nin(X), not undefended(X).
#defined forced/1.
#defined blocked/1.
#show in/1.
"""
_STABLE = ":- nin(X), not defeated(X).\n"
_PREFERRED = "#heuristic in(X) : arg(X). [1, true]\n"


def clingo_search(
    members: Sequence[int],
    attackers: Mapping[int, Sequence[int]],
    forced: set[int],
    blocked: set[int],
    mode: str,
    pre_in: int | None = None,
    pre_out: int | None = None,
) -> Iterator[list[Label]]:
    """Labellings of `members` given what is upstream; see `semantics._search`."""
    import clingo  # only here: the grounded path and small maps never load it

    local = {g: k for k, g in enumerate(members)}
    facts = [f"arg({k})." for k in range(len(members))]
    for g, k in local.items():
        facts.extend(f"att({local[a]},{k})." for a in attackers[g] if a in local)
        if g in forced:
            facts.append(f"forced({k}).")
        elif g in blocked:
            facts.append(f"blocked({k}).")
    if pre_in is not None:
        facts.append(f":- not in({local[pre_in]}).")
    if pre_out is not None:
        facts.append(f":- in({local[pre_out]}).")
    program = _COMPLETE + (_STABLE if mode == "stable" else "")
    args = ["0", "--configuration=crafty", f"--parallel-mode={min(os.cpu_count() or 1, 2)}"]
    if mode == "preferred":
        program += _PREFERRED
        args += ["--heuristic=Domain", "--enum-mode=domRec"]
    control = clingo.Control(args, logger=lambda _code, _message: None)
    control.add("base", [], program + "\n".join(facts))
    control.ground([("base", [])])
    with control.solve(yield_=True) as handle:
        for model in handle:
            ins = {sym.arguments[0].number for sym in model.symbols(shown=True)}
            yield _labels(len(members), ins, members, attackers, local, forced)


def _labels(
    size: int,
    ins: set[int],
    members: Sequence[int],
    attackers: Mapping[int, Sequence[int]],
    local: Mapping[int, int],
    forced: set[int],
) -> list[Label]:
    """The labelling an `in` set determines: out when attacked by in, else undec."""
    labs: list[Label] = [UNDEC] * size
    for k in ins:
        labs[k] = IN
    for k, g in enumerate(members):
        if k not in ins and (
            g in forced or any(a in local and local[a] in ins for a in attackers[g])
        ):
            labs[k] = OUT
    return labs
