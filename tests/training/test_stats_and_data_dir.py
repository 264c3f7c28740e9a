"""Stats figures (streak, per day, JSON shape) and where the data folder is."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from argmap.data_dir import ENV_VAR, data_dir
from argmap.training.progress import StoredAnswer
from argmap.training.stats import chart_lines, compute_stats, sparkline, streak

NOW = datetime(2026, 3, 14, 15, 0, tzinfo=UTC)


def answer(
    days_ago: float, ok: bool, drill: str = "rebut", themes: tuple[str, ...] = ("privacy",)
) -> StoredAnswer:
    return StoredAnswer(NOW - timedelta(days=days_ago), "m", drill, themes, ok)


def test_the_streak_survives_until_a_whole_day_is_missed() -> None:
    today = date(2026, 3, 14)
    days = [today - timedelta(days=n) for n in (1, 2, 3, 5)]
    assert streak(days, today) == 3  # nothing yet today: yesterday's streak stands
    assert streak([today, *days], today) == 4
    assert streak([today - timedelta(days=2)], today) == 0


def test_compute_stats_counts_by_theme_drill_and_day() -> None:
    answers = [
        answer(0, True),
        answer(0, False, "flaw", ("safety", "privacy")),
        answer(1, True, "flaw", ()),
        answer(20, False),
    ]
    stats = compute_stats(answers, due=5, now=NOW, tz=UTC)
    assert stats.to_json() == {
        "answers": 4,
        "correct": 2,
        "by_theme": {
            "privacy": {"answers": 3, "correct": 1},
            "safety": {"answers": 1, "correct": 0},
        },
        "by_drill": {"flaw": {"answers": 2, "correct": 1}, "rebut": {"answers": 2, "correct": 1}},
        "due": 5,
        "streak_days": 2,
        "overrides": {"typed_answers": 0, "overridden": 0, "raised": 0, "lowered": 0},
        "damaged_rows": 0,
        "by_map": {
            "m": {
                "title": None,
                "answers": 4,
                "correct": 2,
                "by_theme": {
                    "privacy": {"answers": 3, "correct": 1, "name": None},
                    "safety": {"answers": 1, "correct": 0, "name": None},
                },
            }
        },
    }
    assert len(stats.by_day) == 14 and stats.by_day[-1][0] == date(2026, 3, 14)
    assert stats.by_day[-1][1].answers == 2  # the 20-day-old answer is off the chart
    lines = chart_lines(stats.by_day)
    assert lines[-1].startswith("2026-03-14  ##########..........   50%  (2 answers)")
    assert lines[-2].endswith("100%  (1 answer)")


def test_sparkline_draws_one_block_per_day() -> None:
    assert sparkline([0.0, 1.0, None, 0.5]) == "▁█ ▅"


def test_the_data_folder_option_beats_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env"))
    assert data_dir(str(tmp_path / "opt")) == tmp_path / "opt"
    assert data_dir() == tmp_path / "env"
    monkeypatch.delenv(ENV_VAR)
    assert data_dir().name == "argmap"
