"""The lint rules of `argmap check`, each a small function over a loaded `Map`.

Shape problems (types, missing fields) are found while loading; the rules
here look at how the pieces fit together: references, quotes, connectivity.
They use no networkx, so `argmap check` starts and finishes fast.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from argmap.diagnostics import Diagnostic, Severity
from argmap.input_file import read_input
from argmap.model import Claim, ClaimKind, Map, Pos, RelationType, Source
from argmap.sides import overall

Rule = Callable[[Map, "CheckContext"], Iterator[Diagnostic]]


class CheckContext:
    """What the rules need beyond the map: where source texts may be found."""

    def __init__(self, the_map: Map, source_dirs: Sequence[str | Path] = ()) -> None:
        self.map = the_map
        self.path = the_map.path or "<map>"
        self.source_dirs = [Path(d) for d in source_dirs]
        self._texts: dict[str, str | None] = {}
        self._unreadable: dict[str, str] = {}  # source id -> why its file was not read
        self._map_text: str | None = None

    def diag(
        self,
        pos: Pos,
        severity: Severity,
        code: str,
        message: str,
        hint: str = "",
    ) -> Diagnostic:
        return Diagnostic(self.path, pos.line, pos.col, severity, code, message, hint)

    def find_source_file(self, source: Source) -> Path | None:
        return next((c for c in self._candidates(source) if c.is_file()), None)

    def _candidates(self, source: Source) -> list[Path]:
        """Where the source's file may be: inside the `--sources` folders or the map's
        folder, never outside them (`leaves_its_folder`: a map cannot make argmap read,
        and answer questions about, any file the user can read)."""
        if not source.file or leaves_its_folder(source.file):
            return []
        name = Path(source.file)
        candidates: list[Path] = []
        for folder in self.source_dirs:
            candidates += [folder / name, folder / name.name]
        if self.map.path:
            candidates.append(Path(self.map.path).parent / name)
        return candidates

    def unreadable_reason(self, source: Source) -> str | None:
        """Why a source file that is there was not read (a FIFO, a folder, too big)."""
        return self._unreadable.get(source.id)

    def source_text(self, source: Source) -> str | None:
        """The source's text with whitespace collapsed, or None if unavailable."""
        if source.id not in self._texts:
            found = self.find_source_file(source)
            text = None
            if found is None:  # something there but not a file (a FIFO, a folder)?
                found = next((c for c in self._candidates(source) if c.exists()), None)
            if found is not None:
                try:
                    raw = read_input(found).decode("utf-8", errors="replace")
                    text = collapse_whitespace(raw)
                except OSError as exc:
                    text = None
                    self._unreadable[source.id] = f"{found}: {exc.strerror or exc}"
            self._texts[source.id] = text
        return self._texts[source.id]

    def map_text(self) -> str | None:
        """The map file's text as written (None without a readable file), read once:
        a note that must tell how a value was written (N505) looks here."""
        if self._map_text is None and self.map.path:
            try:
                self._map_text = read_input(Path(self.map.path)).decode("utf-8", errors="replace")
            except OSError:
                self._map_text = ""
        return self._map_text or None


def collapse_whitespace(text: str) -> str:
    return " ".join(text.split())


def _duplicates(
    ctx: CheckContext,
    items: Iterable[Claim | Source],
    what: str,
) -> Iterator[Diagnostic]:
    seen: dict[str, Pos] = {}
    reported: set[tuple[str, Pos]] = set()
    for item in items:
        if item.id in seen:
            first = seen[item.id]
            where = item.positions.get("id", item.pos)
            # An alias repeats one written entry: one report per place in the file.
            if (item.id, where) in reported:
                continue
            reported.add((item.id, where))
            if where == first:
                yield ctx.diag(
                    where,
                    Severity.ERROR,
                    "E300",
                    f"{what} id {item.id!r} is used more than once: this entry "
                    "is repeated through a YAML alias",
                    "write each entry out once, with its own id",
                )
                continue
            yield ctx.diag(
                where,
                Severity.ERROR,
                "E300",
                f"{what} id {item.id!r} is used more than once (first at line {first.line})",
                "give each one its own id",
            )
        else:
            seen[item.id] = item.positions.get("id", item.pos)


def rule_duplicate_ids(m: Map, ctx: CheckContext) -> Iterator[Diagnostic]:
    yield from _duplicates(ctx, m.claims, "claim")
    yield from _duplicates(ctx, m.sources, "source")
    seen: dict[str, Pos] = {}
    for rel in m.relations:
        if rel.id in seen:
            explicit = "id" in rel.positions
            yield ctx.diag(
                rel.positions.get("id", rel.pos),
                Severity.ERROR,
                "E300",
                f"relation id {rel.id!r} is used twice (first at line {seen[rel.id].line})",
                "give each relation its own id"
                if explicit
                else "the same relation is written twice; remove one",
            )
        else:
            seen[rel.id] = rel.pos


def rule_references(m: Map, ctx: CheckContext) -> Iterator[Diagnostic]:
    claims, relations = m.claims_by_id, m.relations_by_id
    for thesis in m.theses:
        if thesis not in claims:
            yield ctx.diag(
                m.positions.get("theses", m.pos),
                Severity.ERROR,
                "E301",
                f"thesis {thesis!r} is not a claim of this map",
                _did_you_mean(thesis, claims, "list the id of a claim under map.theses"),
            )
    if not m.theses:
        yield ctx.diag(
            m.pos,
            Severity.ERROR,
            "E201",
            "the map names no thesis",
            "add 'theses: [claim-id]' under map",
        )
    for rel in m.relations:
        for src in rel.sources:
            if src not in claims:
                yield ctx.diag(
                    rel.positions.get("from", rel.pos),
                    Severity.ERROR,
                    "E301",
                    f"relation {rel.id!r} comes from unknown claim {src!r}",
                    _did_you_mean(src, claims),
                )
            elif src == rel.target:
                yield ctx.diag(
                    rel.positions.get("to", rel.pos),
                    Severity.ERROR,
                    "E307",
                    f"claim {src!r} {rel.type}s itself",
                    "a claim cannot be its own reason or rebuttal",
                )
        to_pos = rel.positions.get("to", rel.pos)
        if rel.type is RelationType.UNDERCUT:
            if rel.target in relations:
                continue
            if rel.target in claims:
                yield ctx.diag(
                    to_pos,
                    Severity.ERROR,
                    "E304",
                    f"undercut {rel.id!r} targets claim {rel.target!r}",
                    "an undercut targets a relation id; to deny a claim, use type: attack",
                )
            else:
                yield ctx.diag(
                    to_pos,
                    Severity.ERROR,
                    "E302",
                    f"undercut {rel.id!r} targets unknown relation {rel.target!r}",
                    _did_you_mean(rel.target, relations),
                )
        elif rel.target not in claims:
            if rel.target in relations:
                yield ctx.diag(
                    to_pos,
                    Severity.ERROR,
                    "E304",
                    f"{rel.type} {rel.id!r} targets relation {rel.target!r}",
                    "to deny that a reason bears on its conclusion, use type: undercut",
                )
            else:
                yield ctx.diag(
                    to_pos,
                    Severity.ERROR,
                    "E301",
                    f"relation {rel.id!r} points to unknown claim {rel.target!r}",
                    _did_you_mean(rel.target, claims),
                )
    for claim in m.claims:
        for other in claim.also_answers:
            if other not in claims:
                yield ctx.diag(
                    claim.positions.get("also_answers", claim.pos),
                    Severity.ERROR,
                    "E301",
                    f"claim {claim.id!r} says it answers unknown claim {other!r}",
                    _did_you_mean(other, claims),
                )


def _did_you_mean(
    name: str, known: Iterable[str], otherwise: str = "check the spelling of the id"
) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.75)
    return f"did you mean {close[0]!r}?" if close else otherwise


def rule_evidence(m: Map, ctx: CheckContext) -> Iterator[Diagnostic]:
    sources = m.sources_by_id
    for claim in m.claims:
        for ev in claim.evidence:
            source = sources.get(ev.source)
            if source is None:
                yield ctx.diag(
                    ev.positions.get("source", ev.pos),
                    Severity.ERROR,
                    "E303",
                    f"evidence of {claim.id!r} names unknown source {ev.source!r}",
                    _did_you_mean(ev.source, sources),
                )
                continue
            text = ctx.source_text(source)
            if text is not None and collapse_whitespace(ev.quote) not in text:
                yield ctx.diag(
                    ev.positions.get("quote", ev.pos),
                    Severity.ERROR,
                    "E305",
                    f"quote for {claim.id!r} does not occur in source "
                    f"{source.id!r} ({source.file})",
                    "copy the quote exactly, including punctuation and curly "
                    "quotes; only runs of whitespace are forgiven",
                )
        if claim.kind is ClaimKind.FACT and not claim.evidence:
            yield ctx.diag(
                claim.positions.get("kind", claim.pos),
                Severity.WARNING,
                "W402",
                f"fact {claim.id!r} has no evidence",
                "add evidence: source, locator and a short verbatim quote, or "
                "change its kind if it is a judgement",
            )


def rule_themes(m: Map, ctx: CheckContext) -> Iterator[Diagnostic]:
    uses: Counter[str] = Counter()
    first_use: dict[str, Claim] = {}
    for claim in m.claims:
        for theme in claim.themes:
            uses[theme] += 1
            first_use.setdefault(theme, claim)
            if m.themes and theme not in m.themes:
                yield ctx.diag(
                    claim.positions.get("themes", claim.pos),
                    Severity.ERROR,
                    "E306",
                    f"claim {claim.id!r} uses theme {theme!r}, which map.themes does not list",
                    _did_you_mean(theme, m.themes),
                )
    for theme, count in uses.items():
        if count == 1:
            claim = first_use[theme]
            yield ctx.diag(
                claim.positions.get("themes", claim.pos),
                Severity.NOTE,
                "N502",
                f"theme {theme!r} is used by one claim only ({claim.id!r})",
                "a theme groups several claims; is this a typo or a new theme?",
            )


def rule_connected(m: Map, ctx: CheckContext) -> Iterator[Diagnostic]:
    if not any(t in m.claims_by_id for t in m.theses):
        return
    connected = overall(m)  # one rule: a claim is connected when it has a side
    for claim in m.claims:
        if claim.id not in connected:
            yield ctx.diag(
                claim.positions.get("id", claim.pos),
                Severity.WARNING,
                "W401",
                f"claim {claim.id!r} is not connected to any thesis",
                "add a relation from it to a claim of the map, or remove it",
            )


def support_cycles(m: Map) -> list[list[str]]:
    """Groups of claims that support each other in a circle (iterative Tarjan)."""
    graph: dict[str, list[str]] = {}
    for rel in m.relations:
        if rel.type is RelationType.SUPPORT and rel.target in m.claims_by_id:
            for src in rel.sources:
                if src != rel.target:
                    graph.setdefault(src, []).append(rel.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    cycles: list[list[str]] = []
    counter = 0
    for start in graph:
        if start in index:
            continue
        work: list[tuple[str, int]] = [(start, 0)]
        while work:
            node, child_i = work.pop()
            if child_i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            children = graph.get(node, [])
            recurse = False
            while child_i < len(children):
                child = children[child_i]
                child_i += 1
                if child not in index:
                    work.append((node, child_i))
                    work.append((child, 0))
                    recurse = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if recurse:
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    cycles.append(sorted(component))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return cycles


def undercut_cycles(m: Map) -> list[list[str]]:
    """Undercuts that undercut themselves, directly or round a circle of undercuts.

    Each undercut aims at one relation, so following `target` from any
    undercut either leaves the undercuts or comes back round: one walk per
    relation, each relation visited once (no recursion). A circle has no
    link at its end for the undercuts to bear on, so nothing can judge it.
    """
    relations = m.relations_by_id
    state: dict[str, int] = {}  # 1: on the current walk, 2: done
    cycles: list[list[str]] = []
    for rel in m.relations:
        walk: list[str] = []
        current = rel
        while (
            current.type is RelationType.UNDERCUT
            and current.id not in state
            and current.target in relations
        ):
            state[current.id] = 1
            walk.append(current.id)
            current = relations[current.target]
        if state.get(current.id) == 1:  # came back to this walk: a circle
            cycles.append(walk[walk.index(current.id) :])
        for rid in walk:
            state[rid] = 2
    return cycles


def rule_undercut_cycles(m: Map, ctx: CheckContext) -> Iterator[Diagnostic]:
    for cycle in undercut_cycles(m):
        first = m.relations_by_id[cycle[0]]
        what = (
            f"undercut {cycle[0]!r} undercuts itself"
            if len(cycle) == 1
            else f"undercuts {', '.join(map(repr, cycle))} undercut each other in a circle"
        )
        yield ctx.diag(
            first.positions.get("to", first.pos),
            Severity.ERROR,
            "E308",
            what,
            "an undercut must end at a support or attack between claims; "
            "point 'to:' at the link it denies",
        )


def rule_circular_support(m: Map, ctx: CheckContext) -> Iterator[Diagnostic]:
    for cycle in support_cycles(m):
        first = m.claims_by_id[cycle[0]]
        yield ctx.diag(
            first.pos,
            Severity.WARNING,
            "W403",
            f"claims support each other in a circle: {', '.join(cycle)}",
            "a claim cannot be a reason for itself, even indirectly; break the circle",
        )


def rule_flaw_names(m: Map, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A `flaw` argmap's vocabulary (argmap.flaws) does not know: the drill cannot
    accept other names for it or keep them out of its wrong options."""
    from argmap.flaws import known_name, suggestions

    for claim in m.claims:
        if claim.flaw and known_name(claim.flaw) is None:
            close = suggestions(claim.flaw)
            hint = f"did you mean {' or '.join(repr(n) for n in close)}? " if close else ""
            yield ctx.diag(
                claim.positions.get("flaw", claim.pos),
                Severity.WARNING,
                "W404",
                f"claim {claim.id!r} names a flaw argmap does not know: {claim.flaw!r}",
                hint + "the known names are listed in docs/flaws.md",
            )


def rule_unanswered(m: Map, ctx: CheckContext) -> Iterator[Diagnostic]:
    for claim in m.claims:
        if not m.attackers(claim.id):
            yield ctx.diag(
                claim.positions.get("id", claim.pos),
                Severity.NOTE,
                "N501",
                f"nobody answers claim {claim.id!r}",
                "add an attack on it if the other side has a reply",
            )


def leaves_its_folder(file: str) -> bool:
    """Whether a source's `file` points outside the folder it is looked up in: an absolute
    path, a home folder (`~`), or a step up (`..`)."""
    path = Path(file)
    return path.is_absolute() or file.startswith("~") or ".." in path.parts or "\\" in file


def rule_source_files(m: Map, ctx: CheckContext) -> Iterator[Diagnostic]:
    for source in m.sources:
        if source.file and leaves_its_folder(source.file):
            yield ctx.diag(
                source.positions.get("file", source.pos),
                Severity.WARNING,
                "W405",
                f"the file of source {source.id!r} ({source.file}) points outside the "
                "folders quotes are checked in, so it is not read and its quotes are not "
                "checked",
                "give the file's name (or a path inside the --sources folder or the map's "
                "folder), without '..', '~' or a leading '/'",
            )
            continue
        if source.file and ctx.source_text(source) is None:
            why = ctx.unreadable_reason(source)
            if why is not None:
                yield ctx.diag(
                    source.positions.get("file", source.pos),
                    Severity.NOTE,
                    "N503",
                    f"text of source {source.id!r} ({source.file}) was not read "
                    f"({why}); its quotes were not checked",
                    "point 'file' at the source's text saved as a regular file",
                )
                continue
            yield ctx.diag(
                source.positions.get("file", source.pos),
                Severity.NOTE,
                "N503",
                f"text of source {source.id!r} ({source.file}) not found; its "
                "quotes were not checked",
                "pass the folder holding it with --sources DIR",
            )


RULES: tuple[Rule, ...] = (
    rule_duplicate_ids,
    rule_references,
    rule_evidence,
    rule_themes,
    rule_connected,
    rule_undercut_cycles,
    rule_circular_support,
    rule_flaw_names,
    rule_unanswered,
    rule_source_files,
)


def check_map(
    m: Map, source_dirs: Sequence[str | Path] = (), notes: bool = False, grading: bool = False
) -> list[Diagnostic]:
    """Every diagnostic the rules find, in file order; with `notes`, the authoring
    notes too (argmap.authoring_notes). They are asked for, not the default: only
    `check --notes` shows them, and every other caller (import, the explorer, the
    commands that refuse a map with errors) would pay for them and drop them. With
    `grading`, every model answer is graded against its own question (N510,
    argmap.grading.model_answer_check): the grader's cost, so only when asked."""
    ctx = CheckContext(m, source_dirs)
    rules: tuple[Rule, ...] = RULES
    if notes:
        from argmap.authoring_notes import NOTE_RULES

        rules += NOTE_RULES
    if grading:
        from argmap.grading.model_answer_check import rule_model_answers_graded

        rules += (rule_model_answers_graded,)
    found = [diag for rule in rules for diag in rule(m, ctx)]
    return sorted(found, key=lambda d: (d.line, d.col, d.code))
