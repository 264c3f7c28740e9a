"""Claim texts and theme names for a report, from the very maps the class drilled.

Exports carry only ids and, since format 2, which map each answer came
from (its id, name and content hash): they must not grow with the map, and
a student cannot alter what the teacher reads. The report looks the texts
up in the bundled maps and in any map given with `--map` (a path or a
bundled map's name), choosing for each map id the version whose hash the
answers recorded. Theme names belong to their map: two maps may both have a
theme `privacy` with different names. When the version drilled is not among
the maps read, or an answer does not say (an older export), the report uses
the map with the same id and says so; an id no map knows is shown as it is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from argmap.classroom.progress_files import ClassProgress
from argmap.map_identity import MapIdentity, identify
from argmap.model import Map


@dataclass
class MapTexts:
    claims: dict[tuple[str, str], str] = field(default_factory=dict)  # (map, claim) -> text
    themes: dict[tuple[str, str], str] = field(default_factory=dict)  # (map, theme) -> name
    maps: dict[str, str] = field(default_factory=dict)  # map id -> title
    notes: list[str] = field(default_factory=list)  # which map versions were used, and gaps

    def claim(self, map_id: str, claim_id: str) -> str | None:
        return self.claims.get((map_id, claim_id))

    def theme(self, map_id: str, theme_id: str) -> str:
        """The theme's name in its own map, or its id when no map read names it."""
        return self.themes.get((map_id, theme_id)) or theme_id

    def title(self, map_id: str) -> str:
        return self.maps.get(map_id) or map_id


@dataclass(frozen=True, slots=True)
class _Candidate:
    map: Map
    identity: MapIdentity | None
    path: Path
    given: bool  # named with --map (wins over a bundled map of the same id)


def _short(sha: str) -> str:
    return sha[:12]


def _answers(n: int) -> str:
    return f"{n} answer{'s' if n != 1 else ''}"


def _read_candidates(extra_maps: Iterable[str | Path], problems: list[str]) -> list[_Candidate]:
    from argmap.bundled import bundled_maps, resolve_map_path
    from argmap.loading import load_map

    out = []
    extra = [resolve_map_path(str(p)) for p in extra_maps]
    for path, given in [*((p, False) for p in bundled_maps()), *((p, True) for p in extra)]:
        result = load_map(path)
        if result.map is None:
            if given:
                problems.append(
                    f"{path}: cannot read this map; its claim texts are not shown "
                    "(run 'argmap check' on it)"
                )
            continue
        out.append(_Candidate(result.map, identify(result.map), path, given))
    return out


def _choose(
    map_id: str, hashes: Counter[str | None], candidates: list[_Candidate], notes: list[str]
) -> _Candidate | None:
    """The version of `map_id` to read texts from, with a note when it may not be the one
    the answers came from."""
    same_id = [c for c in candidates if c.map.id == map_id]
    # A version the answers recorded, most answers first; a --map before a bundled one.
    recorded = sorted(
        (c for c in same_id if c.identity is not None and c.identity.sha256 in hashes),
        key=lambda c: (-hashes[c.identity.sha256 if c.identity else None], not c.given),
    )
    chosen = (
        recorded[0]
        if recorded
        else next((c for c in reversed(same_id) if c.given), same_id[0] if same_id else None)
    )
    if chosen is None:
        return None
    chosen_hash = chosen.identity.sha256 if chosen.identity else None
    other_versions = sum(n for h, n in hashes.items() if h is not None and h != chosen_hash)
    unrecorded = hashes.get(None, 0)
    where = f"{chosen.path.name}" + (" (bundled)" if not chosen.given else "")
    if other_versions:
        versions = sorted(_short(h) for h in hashes if h is not None and h != chosen_hash)
        notes.append(
            f"map {map_id}: {_answers(other_versions)} came from another version of it "
            f"(sha256 {', '.join(versions)}) than {where}; their theme names and claim texts "
            "are taken from it and may not match: give the version the class drilled with --map"
        )
    if unrecorded:
        notes.append(
            f"map {map_id}: {_answers(unrecorded)} "
            f"{'does' if unrecorded == 1 else 'do'} not record which version of the map "
            f"{'it' if unrecorded == 1 else 'they'} came from (exported by an older argmap, or "
            f"saved before it kept the record); {'it is' if unrecorded == 1 else 'they are'} "
            f"read against {where}"
        )
    return chosen


def load_map_texts(
    extra_maps: Iterable[str | Path] = (), progress: ClassProgress | None = None
) -> tuple[MapTexts, list[str]]:
    """Texts of the maps the answers in `progress` came from (every map read, when no
    progress is given); and the problems met reading the `extra_maps`."""
    problems: list[str] = []
    candidates = _read_candidates(extra_maps, problems)
    texts = MapTexts()
    used: dict[str, Counter[str | None]] = {}
    recorded: dict[str, MapIdentity] = {}
    if progress is not None:
        for student in progress.students:
            recorded.update({m.sha256: m for m in student.maps})
            for answer in student.answers:
                used.setdefault(answer.map_id, Counter())[answer.map_sha256] += 1
    else:
        used = {c.map.id: Counter() for c in candidates}
    for map_id in sorted(used):
        chosen = _choose(map_id, used[map_id], candidates, texts.notes)
        if chosen is None:
            named = [recorded[h] for h in used[map_id] if h is not None and h in recorded]
            name = named[0].name if named else map_id
            if named and named[0].title:
                texts.maps[map_id] = named[0].title
            texts.notes.append(
                f"map {map_id} ({_answers(sum(used[map_id].values()))}) is not among the maps "
                f"read: its claims and themes are shown by id; give it with --map {name} "
                "(a file or a bundled map's name)"
            )
            continue
        the_map = chosen.map
        texts.maps[map_id] = the_map.title
        for claim in the_map.claims:
            texts.claims[(map_id, claim.id)] = claim.text
        for theme, name in the_map.themes.items():
            texts.themes[(map_id, theme)] = name
    return texts, problems
