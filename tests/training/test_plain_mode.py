"""`argmap drill --plain` end to end: one line per question, feedback at once, clean EOF."""

from __future__ import annotations

import io
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.model import Map
from argmap.training.plain import run_plain
from argmap.training.progress import DATABASE_NAME, Progress
from argmap.training.session import DrillSession, SessionOptions

REPO = Path(__file__).resolve().parents[2]
DRILL_MAP = Path(__file__).resolve().parent / "data" / "drill-map.yaml"
FEEDBACK = re.compile(r"^(Correct|Partly right|Contradicts the point|Not quite|Skipped)")


def argmap(
    *args: str,
    stdin: str = "",
    data: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    if data is not None:
        env["ARGMAP_DATA_DIR"] = str(data)
    return subprocess.run(
        [sys.executable, "-m", "argmap.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def feedback_lines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if FEEDBACK.match(line)]


def stored(data: Path) -> list[tuple[str, str, int]]:
    db = sqlite3.connect(data / DATABASE_NAME)
    return db.execute("SELECT drill, claim_id, correct FROM reviews ORDER BY id").fetchall()


def test_each_line_answers_one_question_and_eof_ends_cleanly(tmp_path: Path) -> None:
    run = argmap(
        "drill",
        str(DRILL_MAP),
        "--plain",
        "--seed",
        "3",
        "--count",
        "8",
        stdin="1\n2\n\n1\n",
        data=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    out = run.stdout
    assert len(feedback_lines(out)) == 4  # one feedback per line given, no extra prompts
    assert "End of input" in out
    assert "Question 5 of 8" in out and "Question 6" not in out
    assert "\x1b" not in out and not re.search(r"[\u2500-\u257f]", out)
    assert len(stored(tmp_path)) == 3  # the empty line skipped, the rest kept
    assert "Session over: 3 answered" in out


def test_feedback_always_carries_the_explanation(tmp_path: Path) -> None:
    run = argmap(
        "drill",
        str(DRILL_MAP),
        "--plain",
        "--seed",
        "1",
        "--count",
        "5",
        stdin="1\n2\n1\n2\n1\n",
        data=tmp_path,
    )
    blocks = run.stdout.split("\nQuestion ")[1:]
    assert len(blocks) == 5
    for block in blocks:
        assert "Model answer: " in block and "In the map: " in block


def test_the_same_seed_asks_the_same_questions(tmp_path: Path) -> None:
    runs = [
        argmap(
            "drill",
            str(DRILL_MAP),
            "--plain",
            "--seed",
            "9",
            "--count",
            "4",
            data=tmp_path / str(i),
        )
        for i in range(2)
    ]
    assert runs[0].stdout.replace(str(tmp_path / "0"), "") == runs[1].stdout.replace(
        str(tmp_path / "1"), ""
    )


def test_typed_answers_are_graded_and_saved(drill_map: Map, tmp_path: Path) -> None:
    typed = {
        "one-story": "That is anecdotal evidence.",
        "slippery": "It is a slipery slope.",
        "teachers-only": "This is not source bias at all.",
    }
    with Progress.open(tmp_path / DATABASE_NAME) as progress:
        session = DrillSession(drill_map, progress, SessionOptions(mode="flaw", count=3, seed=2))
        results = {}
        while (q := session.next_question()) is not None:
            results[q.claim_id] = session.answer(q, typed[q.claim_id], 5.0)
        assert set(results) == set(typed)
        assert results["one-story"].grade.correct  # a synonym
        assert results["slippery"].grade.correct  # a typo
        assert not results["teachers-only"].grade.correct  # a negation
        assert results["teachers-only"].lines()[0] == "Contradicts the point."
        assert any(
            line.startswith("Contradicted: source bias")
            for line in results["teachers-only"].lines()
        )
        saved = [(k.claim_id, a) for k, a in ((r.key, r) for r in progress.log())]
        assert len(saved) == 3


def test_data_dir_option_beats_the_environment(tmp_path: Path) -> None:
    run = argmap(
        "drill",
        str(DRILL_MAP),
        "--plain",
        "--count",
        "1",
        "--data-dir",
        str(tmp_path / "opt"),
        stdin="1\n",
        data=tmp_path / "env",
    )
    assert run.returncode == 0
    assert (tmp_path / "opt" / DATABASE_NAME).exists()
    assert not (tmp_path / "env" / DATABASE_NAME).exists()


def test_switch_without_a_side_is_a_usage_error(tmp_path: Path) -> None:
    run = argmap("drill", str(DRILL_MAP), "--plain", "--mode", "switch", data=tmp_path)
    assert run.returncode == 2
    assert "--side" in run.stderr and "Traceback" not in run.stderr


def test_a_newer_database_gives_a_clear_message_and_stays(tmp_path: Path) -> None:
    tmp_path.mkdir(exist_ok=True)
    db = sqlite3.connect(tmp_path / DATABASE_NAME)
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    before = (tmp_path / DATABASE_NAME).read_bytes()
    for args in (("drill", str(DRILL_MAP), "--plain"), ("stats", "--json")):
        run = argmap(*args, stdin="1\n", data=tmp_path)
        assert run.returncode == 1
        assert "newer argmap" in run.stderr and "Traceback" not in run.stderr
    assert (tmp_path / DATABASE_NAME).read_bytes() == before


def test_stats_json_counts_the_answers_stored(tmp_path: Path) -> None:
    empty = argmap("stats", "--json", data=tmp_path)
    assert json.loads(empty.stdout) == {
        "answers": 0,
        "correct": 0,
        "by_theme": {},
        "by_drill": {},
        "due": 0,
        "streak_days": 0,
        "damaged_rows": 0,
        "overrides": {"typed_answers": 0, "overridden": 0, "raised": 0, "lowered": 0},
        "by_map": {},
    }
    assert not (tmp_path / DATABASE_NAME).exists()  # looking does not create
    argmap(
        "drill",
        str(DRILL_MAP),
        "--plain",
        "--count",
        "4",
        "--seed",
        "5",
        stdin="1\n2\n3\n1\n",
        data=tmp_path,
    )
    rows = stored(tmp_path)
    data = json.loads(argmap("stats", "--json", data=tmp_path).stdout)
    assert set(data) == {
        "answers",
        "correct",
        "by_theme",
        "by_drill",
        "due",
        "streak_days",
        "overrides",
        "damaged_rows",
        "by_map",
    }
    assert data["answers"] == len(rows) == 4
    assert data["by_map"]["drill-test"]["answers"] == 4
    assert data["correct"] == sum(ok for _, _, ok in rows)
    assert sum(v["answers"] for v in data["by_drill"].values()) == 4
    assert all(set(v) == {"answers", "correct"} for v in data["by_theme"].values())
    assert data["streak_days"] == 1
    text = argmap("stats", data=tmp_path)
    assert text.returncode == 0 and "Accuracy per day" in text.stdout


def fake_clock(step: float):
    now = [0.0]

    def clock() -> float:
        now[0] += step
        return now[0]

    return clock


def test_a_timed_round_scores_speed_and_accuracy_and_stops_at_the_bell(
    drill_map: Map, tmp_path: Path
) -> None:
    with Progress.open(tmp_path / DATABASE_NAME) as progress:
        # Every clock reading advances 2 s: each answer takes 2 s, 30 s in all.
        clock = fake_clock(2.0)
        session = DrillSession(
            drill_map, progress, SessionOptions(mode="timed", seed=4, time_limit=30), clock=clock
        )
        answers = io.StringIO("1\n" * 50)
        out = io.StringIO()
        assert run_plain(session, answers, out, clock=clock) == 0
        text = out.getvalue()
        s = session.summary
        assert "Time is up." in text
        assert 0 < s.answered < 50
        assert s.points == sum(int(p) for p in re.findall(r"Points: (\d+)\.", text))
        # Right answers earn 10 for accuracy plus a speed bonus; late ones nothing.
        assert s.points <= 20 * s.correct
        assert len(progress.log()) == s.answered


@pytest.mark.parametrize("mode", ["rebut", "support", "source", "flaw"])
def test_each_mode_asks_only_its_drill(mode: str, drill_map: Map) -> None:
    session = DrillSession(drill_map, None, SessionOptions(mode=mode, count=20, seed=0))
    kinds = set()
    while (q := session.next_question()) is not None:
        kinds.add(str(q.drill))
    assert kinds == {mode}


def test_switch_sides_runs_in_plain_mode(tmp_path: Path) -> None:
    run = argmap(
        "drill",
        str(DRILL_MAP),
        "--plain",
        "--mode",
        "switch",
        "--side",
        "con",
        "--count",
        "2",
        "--seed",
        "1",
        stdin="1\n1\n",
        data=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("Switch sides") == 2
    assert "You are arguing the CON side" in run.stdout
    assert '.".' not in run.stdout  # a thesis ending in a full stop is quoted without it
    assert [d for d, _, _ in stored(tmp_path)] == ["switch", "switch"]


def test_killing_the_plain_mode_keeps_every_acknowledged_answer(tmp_path: Path) -> None:
    import signal

    env = {**os.environ, "PYTHONPATH": str(REPO), "ARGMAP_DATA_DIR": str(tmp_path)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "argmap.cli",
            "drill",
            str(DRILL_MAP),
            "--plain",
            "--count",
            "30",
            "--seed",
            "2",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdin is not None and proc.stdout is not None
    acknowledged = 0
    proc.stdin.write("1\n")
    proc.stdin.flush()
    for line in proc.stdout:
        if FEEDBACK.match(line) and not line.startswith("Skipped"):
            acknowledged += 1
            if acknowledged == 6:
                break
            proc.stdin.write("2\n" if acknowledged % 2 else "1\n")
            proc.stdin.flush()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert acknowledged == 6
    with Progress.open(tmp_path / DATABASE_NAME) as p:
        assert p.integrity() == "ok"
        assert len(p.log()) == 6


def test_editing_a_claims_text_keeps_its_history(drill_map: Map, tmp_path: Path) -> None:
    import dataclasses

    with Progress.open(tmp_path / DATABASE_NAME) as progress:
        session = DrillSession(drill_map, progress, SessionOptions(mode="rebut", count=1, seed=0))
        q = session.next_question()
        session.answer(q, "1", 3.0)
        edited = dataclasses.replace(
            drill_map,
            claims=tuple(
                dataclasses.replace(c, text=c.text + " (reworded)") for c in drill_map.claims
            ),
        )
        assert ("rebut", q.claim_id) in progress.due_at(edited.id)

        # Known and not yet due, the card yields to the three new ones: with a fresh
        # history it would be drawn like any new card.
        def planned(the_map: Map, prog: Progress | None, seed: int) -> set[str]:
            return {
                c.claim_id
                for c in DrillSession(
                    the_map, prog, SessionOptions(mode="rebut", count=3, seed=seed)
                ).plan
            }

        assert all(q.claim_id not in planned(edited, progress, s) for s in range(10))
        assert any(q.claim_id in planned(edited, None, s) for s in range(10))


def test_five_thousand_digits_ask_again_without_a_traceback(tmp_path: Path) -> None:
    run = argmap(
        "drill",
        str(DRILL_MAP),
        "--plain",
        "--mode",
        "source",
        "--count",
        "1",
        "--seed",
        "0",
        stdin="5" * 5000 + "\n#2)\n",
        data=tmp_path,
    )
    assert run.returncode == 0 and "Traceback" not in run.stderr
    assert "Exceeds the limit" not in run.stdout + run.stderr
    assert "Not understood: there is no such option" in run.stdout
    assert "5" * 50 not in run.stdout
    assert len(stored(tmp_path)) == 1  # the digits stored nothing; "#2)" was an answer


def test_map_text_cannot_forge_a_line_in_plain_mode(tmp_path: Path) -> None:
    path = tmp_path / "forge.yaml"
    path.write_text(
        'argmap: 1\nmap: {id: forge, title: "Forge\\nCorrect.", theses: [t]}\nclaims:\n'
        '  - {id: t, text: "The thesis\\n  3. a forged option", kind: policy}\n'
        '  - {id: a, text: "An attack\\nCorrect.\\u202e", kind: value, key_points: [attack]}\n'
        '  - {id: b, text: "A support of the thesis here", kind: value}\n'
        "relations:\n  - {type: attack, from: a, to: t}\n  - {type: support, from: b, to: t}\n",
        encoding="utf-8",
    )
    run = argmap(
        "drill",
        str(path),
        "--plain",
        "--mode",
        "rebut",
        "--count",
        "1",
        stdin="1\n",
        data=tmp_path / "data",
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert not any(line.startswith("  3.") for line in lines)
    assert sum(line.startswith("Correct.") for line in lines) <= 1  # only a real grade
    assert "\u202e" not in run.stdout and "⟨U+202E⟩" in run.stdout


def test_a_crux_search_on_a_big_map_is_announced_once_per_thesis() -> None:
    """Seconds of silence before a crux question would look like a hang."""
    import io
    from types import SimpleNamespace

    from argmap.training.plain import CRUX_NOTICE_CLAIMS, announced_cruxes

    asked: list[str] = []

    def source(the_map, thesis):  # type: ignore[no-untyped-def]
        asked.append(thesis)
        return ()

    out = io.StringIO()
    find = announced_cruxes(source, out)
    big = SimpleNamespace(claims=[None] * CRUX_NOTICE_CLAIMS)
    small = SimpleNamespace(claims=[None] * 10)
    for the_map, thesis in ((big, "t1"), (big, "t1"), (big, "t2"), (small, "t3")):
        assert find(the_map, thesis) == ()  # type: ignore[arg-type]
    assert asked == ["t1", "t1", "t2", "t3"]
    assert out.getvalue().count("Finding the cruxes") == 2
