"""Claim texts and theme labels for a report, from the maps the class drilled.

Exports carry only ids (they must not grow with the map, and a student
cannot alter what the teacher reads). The report looks the texts up in the
bundled maps and in any map given with `--map`; an id no map knows is
shown as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class MapTexts:
    claims: dict[tuple[str, str], str] = field(default_factory=dict)  # (map, claim) -> text
    themes: dict[str, str] = field(default_factory=dict)  # theme id -> label
    maps: dict[str, str] = field(default_factory=dict)  # map id -> title

    def claim(self, map_id: str, claim_id: str) -> str | None:
        return self.claims.get((map_id, claim_id))


def load_map_texts(extra_maps: Iterable[str | Path] = ()) -> tuple[MapTexts, list[str]]:
    """Texts from the bundled maps and `extra_maps` (later ones win); and problems met."""
    from argmap.bundled import bundled_maps
    from argmap.loading import load_map

    texts = MapTexts()
    problems: list[str] = []
    extra = [Path(p) for p in extra_maps]
    for path in [*bundled_maps(), *extra]:
        result = load_map(path)
        if result.map is None:
            if path in extra:
                problems.append(
                    f"{path}: cannot read this map; its claim texts are not shown "
                    "(run 'argmap check' on it)"
                )
            continue
        the_map = result.map
        texts.maps[the_map.id] = the_map.title
        for claim in the_map.claims:
            texts.claims[(the_map.id, claim.id)] = claim.text
        for theme, label in the_map.themes.items():
            if path in extra:
                texts.themes[theme] = label
            else:
                texts.themes.setdefault(theme, label)
    return texts, problems
