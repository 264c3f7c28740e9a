"""The figures of a class report: accuracy by theme and drill, and the claims most missed.

Accuracy is correct answers over answers, counted per answer (a student who
drilled a theme ten times weighs ten times): that is what the class actually
practised. An answer counts once for each of its claim's themes, and a theme
belongs to its map (two maps may both have a `privacy` theme: they are two
rows, each under its own map). Only a
`correct` verdict is right (the student's own, when they overrode the grade);
how often they did is counted apart, in `Overrides`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from argmap.classroom.progress_files import Answer, ClassProgress, StudentFile
from argmap.training.stats import Overrides

MOST_MISSED = 10


@dataclass
class Tally:
    answers: int = 0
    correct: int = 0

    def add(self, correct: bool) -> None:
        self.answers += 1
        self.correct += int(correct)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answers if self.answers else None

    @property
    def wrong(self) -> int:
        return self.answers - self.correct


@dataclass
class Breakdown:
    """Overall, by map, by theme (of a map) and by drill, for one student or the class."""

    total: Tally = field(default_factory=Tally)
    by_theme: dict[tuple[str, str], Tally] = field(default_factory=dict)  # (map, theme)
    by_drill: dict[str, Tally] = field(default_factory=dict)
    overrides: Overrides = field(default_factory=Overrides)
    by_map: dict[str, Tally] = field(default_factory=dict)

    def add(self, answer: Answer) -> None:
        self.overrides.add(answer)
        self.total.add(answer.correct)
        self.by_drill.setdefault(answer.drill, Tally()).add(answer.correct)
        self.by_map.setdefault(answer.map_id, Tally()).add(answer.correct)
        for theme in answer.themes:
            self.by_theme.setdefault((answer.map_id, theme), Tally()).add(answer.correct)

    def themes_in(self, map_id: str) -> dict[str, Tally]:
        """Theme id -> tally, for the themes of one map."""
        return {theme: t for (m, theme), t in self.by_theme.items() if m == map_id}


@dataclass(frozen=True, slots=True)
class MissedClaim:
    map_id: str
    claim_id: str
    wrong: int
    answers: int
    students_wrong: int  # how many students got it wrong at least once


@dataclass(frozen=True, slots=True)
class StudentSummary:
    name: str
    path: str
    figures: Breakdown


@dataclass(frozen=True, slots=True)
class ClassSummary:
    students: tuple[StudentSummary, ...]
    figures: Breakdown
    missed: tuple[MissedClaim, ...]

    @property
    def themes(self) -> list[tuple[str, str]]:
        return sorted(self.figures.by_theme)

    @property
    def maps(self) -> list[str]:
        return sorted(self.figures.by_map)

    @property
    def drills(self) -> list[str]:
        return sorted(self.figures.by_drill)


def breakdown(answers: Iterable[Answer]) -> Breakdown:
    figures = Breakdown()
    for answer in answers:
        figures.add(answer)
    return figures


def most_missed(students: Iterable[StudentFile], limit: int = MOST_MISSED) -> list[MissedClaim]:
    """Claims with wrong answers, most wrong answers first (then most students, then id)."""
    tallies: dict[tuple[str, str], Tally] = {}
    who: dict[tuple[str, str], set[str]] = {}
    for student in students:
        for answer in student.answers:
            key = (answer.map_id, answer.claim_id)
            tallies.setdefault(key, Tally()).add(answer.correct)
            if not answer.correct:
                who.setdefault(key, set()).add(student.student.casefold())
    ranked = sorted(
        (key for key, t in tallies.items() if t.wrong),
        key=lambda k: (-tallies[k].wrong, -len(who[k]), k),
    )
    return [
        MissedClaim(m, c, tallies[(m, c)].wrong, tallies[(m, c)].answers, len(who[(m, c)]))
        for m, c in ranked[:limit]
    ]


def summarise(progress: ClassProgress, limit: int = MOST_MISSED) -> ClassSummary:
    students = tuple(
        StudentSummary(s.student, s.path, breakdown(s.answers)) for s in progress.students
    )
    everyone = breakdown(a for s in progress.students for a in s.answers)
    return ClassSummary(students, everyone, tuple(most_missed(progress.students, limit)))


def percent(tally: Tally | None) -> str:
    """`73%`, or an en dash when there is nothing to measure."""
    if tally is None or tally.accuracy is None:
        return "–"
    return f"{round(100 * tally.accuracy)}%"


def label(labels: Mapping[str, str], key: str) -> str:
    return labels.get(key) or key
