"""What the progress database says about the user: totals, weak spots, streak, trend.

`Stats.to_json()` is a public contract (`argmap stats --json`):
`{"answers", "correct", "by_theme": {theme: {"answers", "correct"}},
"by_drill": {drill: {"answers", "correct"}}, "due", "streak_days",
"overrides": {"typed_answers", "overridden", "raised", "lowered"}, "damaged_rows",
"by_map": {map id: {"title", "answers", "correct",
"by_theme": {theme: {"answers", "correct", "name"}}}}}`.
`by_theme` counts a theme id over every map (kept as it was); `by_map`, added
later, keeps each map's themes apart, under the names that map gives them:
from the map record of the progress database (what the map said when it
was drilled), else from a bundled map of that id, else none (`name` null,
`title` null).
Only a `correct` verdict counts as correct (the student's, when they
overrode the grade); `overrides` says how often they did.
Days are calendar days in the local time zone. The streak counts consecutive
days with at least one answer, ending today, or yesterday when there is no
answer yet today (the streak is not lost until a whole day passes).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Protocol

from argmap.map_identity import MapIdentity
from argmap.training.progress import Progress, ProgressError, StoredAnswer

CHART_DAYS = 14


class _Graded(Protocol):
    """An answer as the override count needs it (a stored one, or one from an export)."""

    @property
    def typed(self) -> bool: ...
    @property
    def overridden(self) -> bool: ...
    @property
    def verdict(self) -> str | None: ...
    @property
    def student_verdict(self) -> str | None: ...


_BLOCKS = " ▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True)
class Tally:
    answers: int = 0
    correct: int = 0

    def add(self, correct: bool) -> Tally:
        return Tally(self.answers + 1, self.correct + int(correct))

    @property
    def accuracy(self) -> float:
        return self.correct / self.answers if self.answers else 0.0

    def to_json(self) -> dict[str, int]:
        return {"answers": self.answers, "correct": self.correct}


@dataclass
class Overrides:
    """How often students corrected the grader: a live measure of how far it is trusted.

    `typed` counts typed answers (the only ones a student can correct);
    `raised` and `lowered` split the overrides by direction (right above
    partly above contradictory and wrong).
    """

    typed: int = 0
    overridden: int = 0
    raised: int = 0
    lowered: int = 0

    def add(self, answer: _Graded) -> None:
        self.typed += int(answer.typed)
        if not answer.overridden:
            return
        self.overridden += 1
        change = _RANK.get(answer.student_verdict or "", 0) - _RANK.get(answer.verdict or "", 0)
        self.raised += int(change > 0)
        self.lowered += int(change < 0)

    @property
    def share(self) -> float | None:
        return self.overridden / self.typed if self.typed else None

    def to_json(self) -> dict[str, int]:
        return {
            "typed_answers": self.typed,
            "overridden": self.overridden,
            "raised": self.raised,
            "lowered": self.lowered,
        }

    def describe(self) -> str:
        """`2 of 40 typed answers (5%): 2 raised, 0 lowered`."""
        share = f" ({round(100 * self.share)}%)" if self.share is not None else ""
        return (
            f"{self.overridden} of {self.typed} typed answer{'s' if self.typed != 1 else ''}"
            f"{share}: {self.raised} raised, {self.lowered} lowered"
        )


_RANK = {"correct": 2, "partial": 1, "contradictory": 0, "incorrect": 0}


@dataclass(frozen=True, slots=True)
class MapNames:
    """What a map calls itself and its themes, for showing its figures."""

    title: str = ""
    themes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class MapFigures:
    """The answers from one map: how many, how many right, and by theme (ids as keys)."""

    map_id: str
    total: Tally = Tally()
    by_theme: dict[str, Tally] = field(default_factory=dict)
    names: MapNames = MapNames()

    @property
    def title(self) -> str:
        """The map's title, or its id when no title is known."""
        return self.names.title or self.map_id

    def theme_name(self, theme: str) -> str:
        return self.names.themes.get(theme) or theme

    def themes_by_name(self) -> list[tuple[str, Tally]]:
        """(theme name, tally), in the order of the names: what every view lists."""
        rows = [(self.theme_name(t), tally) for t, tally in self.by_theme.items()]
        return sorted(rows, key=lambda row: row[0].casefold())

    def heading(self) -> str:
        """`Map TITLE (id): 12 answers, 58% correct` (the id only when it adds something)."""
        named = f"{self.title} ({self.map_id})" if self.title != self.map_id else self.map_id
        share = f"{round(100 * self.total.accuracy)}%" if self.total.answers else "-"
        plural = "s" if self.total.answers != 1 else ""
        return f"Map {named}: {self.total.answers} answer{plural}, {share} correct"

    def to_json(self) -> dict[str, object]:
        return {
            "title": self.names.title or None,
            "answers": self.total.answers,
            "correct": self.total.correct,
            "by_theme": {
                k: {**v.to_json(), "name": self.names.themes.get(k)}
                for k, v in sorted(self.by_theme.items())
            },
        }


@dataclass(frozen=True)
class Stats:
    answers: int = 0
    correct: int = 0
    by_theme: dict[str, Tally] = field(default_factory=dict)
    by_drill: dict[str, Tally] = field(default_factory=dict)
    due: int = 0
    streak_days: int = 0
    by_day: tuple[tuple[date, Tally], ...] = ()  # the last CHART_DAYS days, oldest first
    overrides: Overrides = field(default_factory=Overrides)
    damaged: tuple[str, ...] = ()  # damaged rows left out, each described
    by_map: dict[str, MapFigures] = field(default_factory=dict)

    def maps_in_order(self) -> list[MapFigures]:
        """The maps answered from, by title."""
        return sorted(self.by_map.values(), key=lambda f: (f.title.casefold(), f.map_id))

    def to_json(self) -> dict[str, object]:
        return {
            "answers": self.answers,
            "correct": self.correct,
            "by_theme": {k: v.to_json() for k, v in sorted(self.by_theme.items())},
            "by_drill": {k: v.to_json() for k, v in sorted(self.by_drill.items())},
            "due": self.due,
            "streak_days": self.streak_days,
            "overrides": self.overrides.to_json(),
            "damaged_rows": len(self.damaged),
            "by_map": {k: v.to_json() for k, v in sorted(self.by_map.items())},
        }


def streak(days: Iterable[date], today: date) -> int:
    have = set(days)
    day = today if today in have else today - timedelta(days=1)
    count = 0
    while day in have:
        count += 1
        day -= timedelta(days=1)
    return count


def compute_stats(
    answers: Sequence[StoredAnswer],
    due: int,
    now: datetime,
    tz: tzinfo | None = None,
    names: Mapping[str, MapNames] | None = None,
) -> Stats:
    """Stats from stored answers; `tz` decides calendar days (None: local time);
    `names`: map id -> its title and theme names (a map not in it shows ids)."""

    def local_day(moment: datetime) -> date:
        return moment.astimezone(tz).date()

    by_theme: dict[str, Tally] = {}
    by_drill: dict[str, Tally] = {}
    per_map: dict[str, tuple[Tally, dict[str, Tally]]] = {}
    per_day: dict[date, Tally] = {}
    overrides = Overrides()
    correct = 0
    for a in answers:
        overrides.add(a)
        correct += int(a.correct)
        total, themes = per_map.get(a.map_id, (Tally(), {}))
        per_map[a.map_id] = (total.add(a.correct), themes)
        for theme in a.themes:
            by_theme[theme] = by_theme.get(theme, Tally()).add(a.correct)
            themes[theme] = themes.get(theme, Tally()).add(a.correct)
        by_drill[a.drill] = by_drill.get(a.drill, Tally()).add(a.correct)
        day = local_day(a.answered_at)
        per_day[day] = per_day.get(day, Tally()).add(a.correct)
    today = local_day(now)
    chart = tuple(
        (today - timedelta(days=i), per_day.get(today - timedelta(days=i), Tally()))
        for i in range(CHART_DAYS - 1, -1, -1)
    )
    known = names or {}
    by_map = {
        m: MapFigures(m, total, themes, known.get(m, MapNames()))
        for m, (total, themes) in per_map.items()
    }
    return Stats(
        len(answers),
        correct,
        by_theme,
        by_drill,
        due,
        streak(per_day, today),
        chart,
        overrides,
        by_map=by_map,
    )


def map_names(
    answers: Sequence[StoredAnswer], recorded: Mapping[str, MapIdentity]
) -> dict[str, MapNames]:
    """Map id -> names, for every map answered from.

    The map record of the database says what a map called its themes when it
    was drilled (its latest version wins); a map drilled before argmap kept
    the record is looked up among the bundled maps by its id.
    """
    out: dict[str, MapNames] = {}
    for identity in recorded.values():  # in the order first drilled: the latest wins
        out[identity.id] = MapNames(identity.title, dict(identity.themes))
    missing = {a.map_id for a in answers} - set(out)
    if missing:
        from argmap.bundled import bundled_maps
        from argmap.loading import load_map

        for path in bundled_maps():
            loaded = load_map(path).map
            if loaded is not None and loaded.id in missing:
                out[loaded.id] = MapNames(loaded.title, dict(loaded.themes))
    return out


def load_stats(database: Path, now: datetime | None = None, tz: tzinfo | None = None) -> Stats:
    """Stats of the database at `database`; all zero (and no file created) if it is absent.

    Damaged rows are left out and listed in `Stats.damaged`; the file is only read.
    """
    now = now or datetime.now(UTC)
    if database.parent.exists() and not database.parent.is_dir():
        raise ProgressError(
            f"{database.parent}: the data folder is a file, not a folder; "
            "choose the folder that holds your progress with --data-dir"
        )
    if not os.path.lexists(database):  # a dangling or looping link is not "no progress"
        return compute_stats([], 0, now, tz)
    with Progress.open(database, read_only=True) as progress:  # stats never write
        answers = progress.answers()
        names = map_names(answers, progress.maps())
        stats = compute_stats(answers, progress.count_due(now), now, tz, names)
        progress.cards()  # meet damaged cache rows too
        damaged = tuple(d.render() for d in progress.damaged)
    return replace(stats, damaged=damaged)


def sparkline(values: Sequence[float | None]) -> str:
    """One block character per value in [0, 1]; a space where there is no value."""
    out = []
    for v in values:
        out.append(" " if v is None else _BLOCKS[1 + round(max(0.0, min(1.0, v)) * 7)])
    return "".join(out)


def chart_lines(by_day: Sequence[tuple[date, Tally]], width: int = 20) -> list[str]:
    """Accuracy per day as text bars: "2026-11-20  ########....   70%  (10 answers)"."""
    lines = []
    for day, tally in by_day:
        if not tally.answers:
            lines.append(f"{day.isoformat()}  {'.' * width}    -   (no answers)")
            continue
        filled = round(tally.accuracy * width)
        lines.append(
            f"{day.isoformat()}  {'#' * filled}{'.' * (width - filled)}  "
            f"{round(tally.accuracy * 100):3d}%  ({tally.answers} "
            f"answer{'s' if tally.answers != 1 else ''})"
        )
    return lines
