"""Dung's semantics on plain frameworks, fast enough for ICCMA-sized inputs.

This module imports only the standard library, so `argmap analyze file.af
--semantics grounded` starts in a few milliseconds. The design:

- grounded is a worklist over attacker counts: linear in arguments + attacks;
- complete, preferred and stable first take the grounded labelling (every
  complete labelling agrees with it on `in` and `out`), then split what is
  left undecided into strongly connected components and search each one in
  topological order, with the labels of the components upstream fixed.
  Preferred labellings are those whose `in` set is maximal inside every
  component given what is upstream (preferred semantics is SCC-recursive,
  Baroni, Giacomin and Guida 2005), so no subset of arguments is ever
  enumerated;
- the search inside a component branches on "in or not in" with the usual
  propagation (the attackers of an `in` argument must be `out`, an argument
  whose attackers are all `out` must be `in`) and checks every leaf against
  the definition, so a weak propagation can cost time but never correctness.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from enum import StrEnum
from functools import cached_property

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: the grounded path skips `typing`
if TYPE_CHECKING:
    from collections.abc import Hashable
    from typing import TypeVar

    N = TypeVar("N", bound=Hashable)  # a node: an argument's index, a claim id, ...


class Label(StrEnum):
    IN = "in"
    OUT = "out"
    UNDEC = "undec"


IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC

SEMANTICS = ("grounded", "complete", "preferred", "stable")

# Components (and decision problems) larger than this go to clingo
# (`asp_search`): the Python search has no clause learning and can run for
# minutes on a dense block of a few hundred arguments, while below this size
# starting a solver costs more than searching. Tests lower it to 0 to check
# the clingo path against the same reference.
SEARCH_IN_PYTHON_UP_TO = 60


class Framework:
    """Arguments by index with integer adjacency, built once and shared.

    `targets[i]` lists what argument i attacks (sorted, no duplicates) and
    `indegree[i]` how many arguments attack it; `attackers` is built on first
    use, since grounded semantics never needs it. Treat it as immutable. A
    plain class, not a dataclass: importing `dataclasses` (and `inspect`
    with it) would cost `argmap analyze --semantics grounded` a tenth of its
    time.
    """

    def __init__(
        self,
        names: tuple[str, ...],
        targets: tuple[tuple[int, ...], ...],
        indegree: tuple[int, ...],
    ) -> None:
        self.names = names
        self.targets = targets
        self.indegree = indegree

    def __repr__(self) -> str:
        return f"Framework({len(self.names)} arguments)"

    @classmethod
    def from_indices(
        cls, names: Sequence[str], sources: Iterable[int], targets: Iterable[int]
    ) -> Framework:
        # Grouping by sorting integer codes runs in C; a Python loop appending
        # to per-argument lists costs several times more on a million attacks.
        n = len(names)
        codes = sorted({s * n + t for s, t in zip(sources, targets, strict=True)})
        flat = [c % n for c in codes]
        starts = [bisect_left(codes, i * n) for i in range(n)]
        starts.append(len(codes))
        out = tuple(tuple(flat[starts[i] : starts[i + 1]]) for i in range(n))
        counts = Counter(flat)
        return cls(tuple(names), out, tuple(counts[i] for i in range(n)))

    @classmethod
    def from_attacks(cls, names: Iterable[str], attacks: Iterable[tuple[str, str]]) -> Framework:
        ordered = tuple(dict.fromkeys(names))
        index = {name: i for i, name in enumerate(ordered)}
        pairs = [(index[a], index[b]) for a, b in attacks]
        return cls.from_indices(ordered, [a for a, _ in pairs], [b for _, b in pairs])

    @cached_property
    def attackers(self) -> tuple[tuple[int, ...], ...]:
        into: list[list[int]] = [[] for _ in self.names]
        for s, ts in enumerate(self.targets):
            for t in ts:
                into[t].append(s)
        return tuple(map(tuple, into))

    @cached_property
    def index(self) -> Mapping[str, int]:
        return {name: i for i, name in enumerate(self.names)}

    @property
    def attacks(self) -> tuple[tuple[str, str], ...]:
        names = self.names
        return tuple((names[s], names[t]) for s, ts in enumerate(self.targets) for t in ts)

    def __len__(self) -> int:
        return len(self.names)


class Enumeration:
    """Labellings of one semantics; `capped` when a limit cut the list short."""

    __slots__ = ("capped", "labellings")

    def __init__(self, labellings: list[list[Label]], capped: bool = False) -> None:
        self.labellings = labellings
        self.capped = capped


# --------------------------------------------------------------------------- grounded


def grounded(fw: Framework) -> list[Label]:
    """The grounded labelling by index: in linear time, by attacker counts."""
    targets = fw.targets
    count = list(fw.indegree)
    labels = [UNDEC] * len(count)
    queue = [i for i, c in enumerate(count) if not c]
    for i in queue:
        labels[i] = IN
    for i in queue:  # grows while we walk it
        for j in targets[i]:
            if labels[j] is UNDEC:
                labels[j] = OUT
                for k in targets[j]:
                    count[k] -= 1
                    if not count[k]:
                        labels[k] = IN
                        queue.append(k)
    return labels


# --------------------------------------------------------------------------- components


def strongly_connected(members: Sequence[N], succ: Mapping[N, Sequence[N]]) -> list[list[N]]:
    """Tarjan's algorithm without recursion; components in topological order.

    `succ[i]` lists the successors of `i` (restricted to `members` by the
    caller). Attackers come before the arguments they attack.
    """
    index: dict[N, int] = {}
    low: dict[N, int] = {}
    on_stack: set[N] = set()
    stack: list[N] = []
    out: list[list[N]] = []
    counter = 0
    for root in members:
        if root in index:
            continue
        work = [(root, 0)]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            v, pos = work[-1]
            nexts = succ[v]
            if pos < len(nexts):
                work[-1] = (v, pos + 1)
                w = nexts[pos]
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, 0))
                elif w in on_stack and index[w] < low[v]:
                    low[v] = index[w]
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                if low[v] < low[parent]:
                    low[parent] = low[v]
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                out.append(comp)
    out.reverse()
    return out


class _Residual:
    """The part the grounded labelling leaves undecided, with its own adjacency."""

    def __init__(self, fw: Framework, base: list[Label]) -> None:
        self.members = [i for i, lab in enumerate(base) if lab is UNDEC]
        self.attackers: dict[int, list[int]] = {}
        self.targets: dict[int, list[int]] = {}
        for i in self.members:
            self.attackers[i] = [a for a in fw.attackers[i] if base[a] is UNDEC]
            self.targets[i] = [t for t in fw.targets[i] if base[t] is UNDEC]

    def ancestors(self, arg: int) -> list[int]:
        return ancestors(self.attackers, arg)


def ancestors(
    attackers: Sequence[Sequence[int]] | Mapping[int, Sequence[int]], arg: int
) -> list[int]:
    """`arg` and every argument with a path of attacks to it: all that can
    change its label (Dung's semantics are directional)."""
    seen = {arg}
    todo = [arg]
    for x in todo:
        for a in attackers[x]:
            if a not in seen:
                seen.add(a)
                todo.append(a)
    return todo


# --------------------------------------------------------------------------- local search

_I, _O, _U = 1, 2, 4  # the domain of a variable is a bit set of these
_OU, _IU, _IO = _O | _U, _I | _U, _I | _O
_ALL = _I | _O | _U


def _search(
    members: Sequence[int],
    attackers: Mapping[int, Sequence[int]],
    targets: Mapping[int, Sequence[int]],
    forced: set[int],
    blocked: set[int],
    mode: str,
    pre_in: int | None = None,
    pre_out: int | None = None,
) -> Iterator[list[Label]]:
    """Labellings of `members` given what is upstream, by branch and propagate.

    Each member has a domain, a subset of {in, out, undec}, narrowed until a
    fixpoint by the rules of a complete labelling read both ways (x is in iff
    all its attackers are out; x is out iff some attacker is in). `forced`
    members have an upstream attacker that is in (so they are out); `blocked`
    ones have an upstream attacker that is undecided (so they cannot be in,
    and are undec unless a member attacker is in). `mode` is "complete",
    "stable" (no undec allowed) or "preferred" (the maximal-in complete
    labellings, yielded after the whole search, pruning every branch that
    cannot outgrow one already found). `pre_in` / `pre_out` fix one member
    (by global index) in / not in. Yields labels in the order of `members`.
    """
    m = len(members)
    local = {g: k for k, g in enumerate(members)}
    att = [[local[a] for a in attackers[g] if a in local] for g in members]
    tgt = [[local[t] for t in targets[g] if t in local] for g in members]
    is_forced = [g in forced for g in members]
    is_blocked = [g in blocked for g in members]
    preferred = mode == "preferred"
    dom = [_ALL] * m
    for x in range(m):
        if is_forced[x]:
            dom[x] = _O
        elif is_blocked[x]:
            dom[x] = _OU
        if x in tgt[x]:
            dom[x] &= _OU
        if mode == "stable":
            dom[x] &= _IO
    if pre_in is not None:
        dom[local[pre_in]] &= _I
    if pre_out is not None:
        dom[local[pre_out]] &= _OU
    trail: list[tuple[int, int]] = []

    def narrow(x: int, d: int, queue: list[int]) -> bool:
        old = dom[x]
        new = old & d
        if new == old:
            return True
        if not new:
            return False
        trail.append((x, old))
        dom[x] = new
        queue.append(x)
        queue.extend(tgt[x])
        return True

    def revise(x: int, queue: list[int]) -> bool:
        """Apply the complete-labelling rules at x, to x and its attackers."""
        ax = att[x]
        if is_forced[x]:
            return True  # out whatever its member attackers do
        can_in = can_all_out = True  # x could be in / all attackers could be out
        any_i = sure_i = any_u = False
        for y in ax:
            d = dom[y]
            if d & _I:
                any_i = True
                if d == _I:
                    sure_i = True
            if not d & _O:
                can_all_out = False
            if d & _U:
                any_u = True
        allowed = 0
        if can_in and not is_blocked[x] and can_all_out:
            allowed |= _I
        if any_i:
            allowed |= _O
        if not sure_i and (is_blocked[x] or any_u):
            allowed |= _U
        if not narrow(x, allowed, queue):
            return False
        d = dom[x]
        if d == _I:
            for y in ax:
                if not narrow(y, _O, queue):
                    return False
        elif not d & _O:
            for y in ax:
                if not narrow(y, _OU, queue):
                    return False
        # out, so some attacker is in; not in, so some attacker is not out:
        # with no candidate left that fails, with exactly one it is forced
        if d == _O and not needs_one(ax, _I, queue):
            return False
        return bool(d & _I) or is_blocked[x] or needs_one(ax, _IU, queue)

    def needs_one(ax: Sequence[int], allowed: int, queue: list[int]) -> bool:
        """Some attacker in `ax` must take a value in `allowed`."""
        only = -1
        for y in ax:
            if dom[y] & allowed:
                if only >= 0:
                    return True  # two candidates: nothing forced yet
                only = y
        return only >= 0 and narrow(only, allowed, queue)

    def propagate(queue: list[int]) -> bool:
        while queue:
            if not revise(queue.pop(), queue):
                return False
        return True

    def undo(size: int) -> None:
        while len(trail) > size:
            x, old = trail.pop()
            dom[x] = old

    def leaf() -> list[Label] | None:
        """The labelling an in set determines, if it is complete (or stable)."""
        labs = [IN if d == _I else UNDEC for d in dom]
        for x in range(m):
            if labs[x] is not IN and (is_forced[x] or any(labs[y] is IN for y in att[x])):
                labs[x] = OUT
        if mode == "stable" and UNDEC in labs:
            return None
        for x in range(m):
            lab = labs[x]
            attacked_in = is_forced[x] or any(labs[y] is IN for y in att[x])
            all_out = all(labs[y] is OUT for y in att[x])
            want = OUT if attacked_in else (IN if all_out and not is_blocked[x] else UNDEC)
            if lab is not want:
                return None
        return labs

    if not all(dom):
        return
    ok = propagate(list(range(m)))
    found_masks: list[int] = []
    found_labels: list[list[Label]] = []
    decisions: list[tuple[int, int, int]] = []  # (trail length, var, values left to try)
    while True:
        if ok and preferred and found_masks:
            potential = 0
            for x in range(m):
                if dom[x] & _I:
                    potential |= 1 << x
            if any(potential & ~f == 0 for f in found_masks):
                ok = False
        if ok:
            var = _choose(dom, att)
            if var < 0:
                labs = leaf()
                if labs is not None:
                    if preferred:
                        mask = sum(1 << x for x in range(m) if dom[x] == _I)
                        keep = [k for k, f in enumerate(found_masks) if f & ~mask]
                        found_masks = [found_masks[k] for k in keep] + [mask]
                        found_labels = [found_labels[k] for k in keep] + [labs]
                    else:
                        yield labs
                ok = False
                continue
            decisions.append((len(trail), var, 1))
            queue: list[int] = []
            ok = narrow(var, _I, queue) and propagate(queue)
            continue
        while decisions:
            size, var, first_try = decisions.pop()
            undo(size)
            if first_try:
                decisions.append((size, var, 0))
                queue = []
                ok = narrow(var, _OU, queue) and propagate(queue)
                break
        else:
            break
    if preferred:
        yield from found_labels


def _choose(dom: list[int], att: list[list[int]]) -> int:
    """The next variable to decide in / not in, or -1 when every one is decided.

    Obligations first: an argument that must be out but has no attacker in
    yet, and the first attacker of it that could be in (as a person building
    an admissible set looks for a defender). Otherwise any undecided one.
    """
    spare = -1
    best = -1
    fewest = 1 << 30
    for x, d in enumerate(dom):
        if d == _O:
            count = 0
            first = -1
            for y in att[x]:
                dy = dom[y]
                if dy == _I:
                    count = 0
                    break
                if dy & _I:
                    count += 1
                    if first < 0:
                        first = y
            if count and count < fewest:
                fewest = count
                best = first
        elif spare < 0 and d & _I and d != _I:
            spare = x
    return best if best >= 0 else spare


# --------------------------------------------------------------------------- enumeration


def _component_options(
    comp: list[int], residual: _Residual, labels: list[Label], mode: str
) -> list[list[Label]]:
    inside = set(comp)
    forced: set[int] = set()
    blocked: set[int] = set()
    for x in comp:
        for a in residual.attackers[x]:
            if a not in inside:
                if labels[a] is IN:
                    forced.add(x)
                elif labels[a] is UNDEC:
                    blocked.add(x)
    blocked -= forced
    if len(comp) == 1:
        x = comp[0]
        if x in forced:
            return [[OUT]]
        if x in blocked or x in residual.attackers[x]:
            return [] if mode == "stable" else [[UNDEC]]
        return [[IN]]
    if len(comp) > SEARCH_IN_PYTHON_UP_TO:
        from argmap.analysis.asp_search import clingo_search

        return list(clingo_search(comp, residual.attackers, forced, blocked, mode))
    return list(_search(comp, residual.attackers, residual.targets, forced, blocked, mode))


def iter_labellings(fw: Framework, semantics: str) -> Iterator[list[Label]]:
    """Every labelling of a semantics, lazily, without enumerating subsets."""
    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; choose from {', '.join(SEMANTICS)}")
    base = grounded(fw)
    if semantics == "grounded":
        yield base
        return
    residual = _Residual(fw, base)
    comps = strongly_connected(residual.members, residual.targets)
    if not comps:
        yield base
        return
    labels = list(base)
    stack = [iter(_component_options(comps[0], residual, labels, semantics))]
    while stack:
        level = len(stack) - 1
        option = next(stack[-1], None)
        if option is None:
            stack.pop()
            continue
        for x, lab in zip(comps[level], option, strict=True):
            labels[x] = lab
        if level + 1 == len(comps):
            yield list(labels)
        else:
            stack.append(iter(_component_options(comps[level + 1], residual, labels, semantics)))


def labellings(fw: Framework, semantics: str, limit: int | None = None) -> Enumeration:
    found: list[list[Label]] = []
    for labs in iter_labellings(fw, semantics):
        if limit is not None and len(found) >= limit:
            return Enumeration(found, capped=True)
        found.append(labs)
    return Enumeration(found, capped=False)


def _natural(name: str) -> list[object]:
    return [int(p) if i % 2 else p for i, p in enumerate(re.split(r"(\d+)", name))]


def sort_ids(ids: Iterable[str]) -> list[str]:
    """Ids in natural order ("a2" before "a10"), for stable output."""
    ids = list(ids)
    if all(x.isdigit() for x in ids):
        return sorted(ids, key=int)
    return sorted(ids, key=_natural)


def extension_ids(fw: Framework, labs: Iterable[list[Label]]) -> list[list[str]]:
    names = fw.names
    exts = [sort_ids(names[i] for i, lab in enumerate(ls) if lab is IN) for ls in labs]
    if len(exts) < 2:
        return exts
    return sorted(exts, key=lambda e: [_natural(x) for x in e])


# --------------------------------------------------------------------------- decisions


def _exists(
    fw: Framework, mode: str, base: list[Label], arg: int, want_in: bool, closed_upstream: bool
) -> bool:
    residual = _Residual(fw, base)
    members = residual.ancestors(arg) if closed_upstream else residual.members
    pre_in, pre_out = (arg, None) if want_in else (None, arg)
    if len(members) > SEARCH_IN_PYTHON_UP_TO:
        from argmap.analysis.asp_search import clingo_search

        found = clingo_search(members, residual.attackers, set(), set(), mode, pre_in, pre_out)
    else:
        found = _search(
            members,
            residual.attackers,
            residual.targets,
            set(),
            set(),
            mode,
            pre_in=pre_in,
            pre_out=pre_out,
        )
    return next(found, None) is not None


def credulous(fw: Framework, arg: int, semantics: str) -> bool:
    """Is `arg` in at least one extension? Searches only what it must.

    Complete and preferred agree here (every complete extension lies inside a
    preferred one), and only the arguments upstream of `arg` matter.
    """
    base = grounded(fw)
    if base[arg] is not UNDEC or semantics == "grounded":
        if base[arg] is IN and semantics == "stable":
            return any(True for _ in iter_labellings(fw, "stable"))
        return base[arg] is IN
    if semantics in ("complete", "preferred"):
        return _exists(fw, "complete", base, arg, want_in=True, closed_upstream=True)
    if semantics == "stable":
        return _exists(fw, "stable", base, arg, want_in=True, closed_upstream=False)
    raise ValueError(f"unknown semantics {semantics!r}")


def sceptical(fw: Framework, arg: int, semantics: str) -> bool:
    """Is `arg` in every extension?

    Grounded and complete: exactly when it is in the grounded extension.
    Preferred: preferred semantics is directional, so the preferred labellings
    of the arguments upstream of `arg` are those of the whole framework cut
    down; they are enumerated with an early stop at the first one leaving
    `arg` outside. Stable: search for a stable labelling with `arg` not in;
    with no stable extension at all the answer is yes (the ICCMA convention).
    """
    base = grounded(fw)
    if semantics in ("grounded", "complete"):
        return base[arg] is IN
    if semantics == "preferred":
        if base[arg] is not UNDEC:
            return base[arg] is IN
        if not credulous(fw, arg, "preferred"):
            return False
        up = _Residual(fw, base).ancestors(arg)
        sub, where = _subframework(fw, up)
        return all(labs[where[arg]] is IN for labs in iter_labellings(sub, "preferred"))
    if semantics == "stable":
        if base[arg] is OUT:
            return not any(True for _ in iter_labellings(fw, "stable"))
        if base[arg] is IN:
            return True
        return not _exists(fw, "stable", base, arg, want_in=False, closed_upstream=False)
    raise ValueError(f"unknown semantics {semantics!r}")


def _subframework(fw: Framework, keep: Iterable[int]) -> tuple[Framework, dict[int, int]]:
    kept = sorted(keep)
    where = {g: k for k, g in enumerate(kept)}
    src: list[int] = []
    dst: list[int] = []
    for g in kept:
        for a in fw.attackers[g]:
            if a in where:
                src.append(where[a])
                dst.append(where[g])
    return Framework.from_indices([fw.names[g] for g in kept], src, dst), where
