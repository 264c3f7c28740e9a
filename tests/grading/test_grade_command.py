"""`argmap grade` end to end: CSV and JSON Lines, malformed rows, hostile text, exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import main

RESULT_KEYS = {"id", "student", "verdict", "score", "matched", "points", "feedback"}
REBUT_RENT_GAP = (
    "The blog cites no source and its city-wide averages use conversions that "
    "do not agree, so the size of the gap is unknown."
)
REF = "Plants make their food from sunlight, water and carbon dioxide."


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap.cli", "grade", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        encoding="utf-8",
    )


def write(tmp_path: Path, text: str | bytes, name: str = "answers.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def grade_json(capsys, *args: str) -> tuple[int, list[dict], str]:
    code = main(["grade", "--json", *args])
    captured = capsys.readouterr()
    return code, [json.loads(line) for line in captured.out.splitlines()], captured.err


CLASS_CSV = (
    "id,student,claim,drill,answer,reference,key_points\n"
    f'1,Ann,rent-gap,rebut,"{REBUT_RENT_GAP}",,\n'
    '2,Ann,,,"Plants make food from sunlight, water and carbon dioxide.",'
    f'"{REF}",sunlight;water;carbon dioxide\n'
    f'3,Ben,,,asdf qwer zxcv lorem ipsum,"{REF}",\n'
    "4,Ben,fraud-thesis,switch,No figures show that any fraud was stopped.,,\n"
)


def test_csv_class_all_graded_exits_zero_in_input_order(tmp_path, capsys) -> None:
    code, results, err = grade_json(capsys, str(write(tmp_path, CLASS_CSV)))
    assert code == 0, err
    assert err == ""
    assert [r["id"] for r in results] == ["1", "2", "3", "4"]
    assert all(set(r) == RESULT_KEYS for r in results)
    assert [r["matched"] for r in results[:2]] == ["rent-gap-doubtful", "reference"]
    assert results[2]["matched"] in (None, "reference")  # gibberish may match nothing
    assert results[3]["matched"] == "no-fraud-figures"
    assert results[1]["verdict"] == "correct"
    assert results[2]["verdict"] == "incorrect"
    assert [p["point"] for p in results[1]["points"]] == ["sunlight", "water", "carbon dioxide"]


def test_jsonl_class_gives_the_same_grades_as_the_same_csv(tmp_path, capsys) -> None:
    rows = [
        {
            "id": "1",
            "student": "Ann",
            "claim": "rent-gap",
            "drill": "rebut",
            "answer": REBUT_RENT_GAP,
        },
        {
            "id": "2",
            "student": "Ann",
            "reference": REF,
            "key_points": ["sunlight", "water", "carbon dioxide"],
            "answer": "Plants make food from sunlight, water and carbon dioxide.",
        },
        {"id": "3", "student": "Ben", "reference": [REF], "answer": "asdf qwer zxcv lorem ipsum"},
        {
            "id": "4",
            "student": "Ben",
            "claim": "fraud-thesis",
            "drill": "switch",
            "answer": "No figures show that any fraud was stopped.",
        },
    ]
    jsonl = write(tmp_path, "".join(json.dumps(r) + "\n" for r in rows), "answers.jsonl")
    code, from_jsonl, _ = grade_json(capsys, str(jsonl))
    _, from_csv, _ = grade_json(capsys, str(write(tmp_path, CLASS_CSV)))
    assert code == 0 and from_jsonl == from_csv


def test_text_output_is_a_table_and_a_summary_per_student(tmp_path, capsys) -> None:
    path = str(write(tmp_path, CLASS_CSV))
    _, results, _ = grade_json(capsys, path)
    assert main(["grade", path]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == ["line", "id", "student", "verdict", "score", "matched"]
    table = [line.split()[:5] for line in lines if re.match(r"\s*\d+  ", line)]
    assert table == [
        [str(n + 2), r["id"], r["student"], r["verdict"], f"{round(r['score'] * 100)}%"]
        for n, r in enumerate(results)
    ]
    summary = {
        line.split()[0]: line
        for line in lines[lines.index("By student:") + 1 :]
        if line.startswith("  ")
    }
    assert list(summary) == ["Ann", "Ben"]
    for name, line in summary.items():
        mine = [r for r in results if r["student"] == name]
        assert f"{len(mine)} answers" in line
        for verdict in ("correct", "partial", "contradictory", "incorrect"):
            assert f"{sum(r['verdict'] == verdict for r in mine)} {verdict}" in line
        mean = sum(r["score"] for r in mine) / len(mine)
        assert line.endswith(f"mean score {round(mean * 100)}%")
    assert lines[-1] == "4 answers graded."


MALFORMED_CSV = (
    "id,student,claim,drill,answer,reference,key_points\n"
    "ok,Ann,rent-gap,rebut,It is unsourced.,,\n"
    "unknown,Ann,no-such-claim,rebut,x,,\n"
    "nomodel,Ann,deterrence-invisible,rebut,x,,\n"
    'badkp,Ann,,,x,r,"[oops"\n'
    "ragged,Ann,,,x,r,,extra,cells\n"
    "nodrill,Ann,rent-gap,,x,,\n"
)


def test_malformed_csv_rows_are_reported_by_line_and_skipped(tmp_path, capsys) -> None:
    path = write(tmp_path, MALFORMED_CSV)
    code, results, err = grade_json(capsys, str(path))
    assert code == 1
    assert [r["id"] for r in results] == ["ok"]
    skipped = [line for line in err.splitlines() if line.startswith("argmap: skipped")]
    assert [line.split(":")[2] for line in skipped] == ["3", "4", "5", "6", "7"]
    assert all(f"{path}:" in line for line in skipped)
    assert "unknown claim 'no-such-claim'" in skipped[0]
    assert "no model answer" in skipped[1]
    assert "key_points is not a valid JSON list" in skipped[2]
    assert "fields but the header has 7" in skipped[3]
    assert "no drill" in skipped[4]
    assert "bundled map" in err  # an unknown claim hints at naming the map


def test_no_answer_column_skips_every_row(tmp_path, capsys) -> None:
    code, results, err = grade_json(capsys, str(write(tmp_path, "id,reply,reference\n1,x,r\n")))
    assert code == 1 and results == []
    assert "answers.csv:2: no answer column" in err


def test_malformed_jsonl_rows(tmp_path, capsys) -> None:
    path = write(
        tmp_path,
        (
            '{"id": "a", "answer": "x", "reference": "r"}\n'
            '{"id": "b", "answer": "x", "reference": "r"\n'
            '{"id": "c", "answer": "x", "claim": "nope", "drill": "rebut"}\n'
            '{"id": "d", "answer": "x", "reference": "r", "key_points": "[1,"}\n'
            '{"id": "e", "reference": "r"}\n'
        ),
        "a.jsonl",
    )
    code, results, err = grade_json(capsys, str(path))
    assert code == 1 and [r["id"] for r in results] == ["a"]
    assert [
        line.split(":")[2] for line in err.splitlines() if line.startswith("argmap: skipped")
    ] == ["2", "3", "4", "5"]


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "empty.csv", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "picture.csv", "binary file"),
        (b"id,answer,reference\n1,na\xefve,r\n", "latin1.csv", "not UTF-8"),
    ],
)
def test_unreadable_files_exit_two_without_a_traceback(tmp_path, content, name, message) -> None:
    path = write(tmp_path, content, name)
    proc = run(str(path))
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr and str(path) in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_a_folder_or_a_missing_file_exits_two(tmp_path, capsys) -> None:
    assert main(["grade", str(tmp_path)]) == 2
    assert "folder" in capsys.readouterr().err
    assert main(["grade", str(tmp_path / "missing.csv")]) == 2
    assert "missing.csv: no such file" in capsys.readouterr().err


def test_a_bom_file_from_a_spreadsheet_is_graded(tmp_path, capsys) -> None:
    path = write(tmp_path, (f'\ufeffanswer,reference\r\n"{REF}","{REF}"\r\n').encode())
    code, results, _ = grade_json(capsys, str(path))
    assert code == 0 and results[0]["verdict"] == "correct"


def test_a_header_without_rows_grades_nothing_and_says_so(tmp_path, capsys) -> None:
    assert main(["grade", str(write(tmp_path, "answer,reference\n"))]) == 0
    assert "no answers" in capsys.readouterr().err


# ------------------------------------------------------------------ the map


def test_the_map_is_not_loaded_when_no_row_needs_it(tmp_path) -> None:
    path = write(tmp_path, f'answer,reference\nx,"{REF}"\n')
    probe = (
        "import sys\nfrom argmap.cli import main\n"
        f"code = main(['grade', '--json', {str(path)!r}])\n"
        "print('LOADED' if 'argmap.loading' in sys.modules else 'NOT LOADED', code)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert proc.stdout.splitlines()[-1] == "NOT LOADED 0", proc.stderr


def test_a_map_given_first_is_the_one_graded_against(tmp_path, capsys, example_map_path) -> None:
    path = write(tmp_path, "claim,drill,answer\nlocks,rebut,The photos were collected.\n")
    code, results, _ = grade_json(capsys, str(example_map_path), str(path))
    assert code == 0 and results[0]["matched"] == "photos-collected"
    code, _, err = grade_json(capsys, str(path))  # the bundled map has no claim 'locks'
    assert code == 1 and "unknown claim 'locks'" in err


def test_a_broken_map_exits_two(tmp_path, capsys) -> None:
    broken = write(tmp_path, "claims: [\n", "broken.yaml")
    answers = write(tmp_path, "claim,drill,answer\nrent-gap,rebut,x\n")
    assert main(["grade", str(broken), str(answers)]) == 2
    assert "broken.yaml" in capsys.readouterr().err


# ------------------------------------------------------------------ -o


def test_output_file_is_written_and_stdout_stays_empty(tmp_path, capsys) -> None:
    target = tmp_path / "grades.jsonl"
    code = main(["grade", "--json", "-o", str(target), str(write(tmp_path, CLASS_CSV))])
    assert code == 0 and capsys.readouterr().out == ""
    assert len(target.read_text(encoding="utf-8").splitlines()) == 4
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_output_into_a_missing_folder_exits_two(tmp_path, capsys) -> None:
    code = main(["grade", "-o", str(tmp_path / "no" / "x.txt"), str(write(tmp_path, CLASS_CSV))])
    assert code == 2 and "does not exist" in capsys.readouterr().err


# ------------------------------------------------------------------ hostile text

HOSTILE = {
    "markup": "[bold red]pwned[/bold red] [link=file:///etc/passwd]x[/link]",
    "ansi": "\x1b[2J\x1b[31mred\x1b]0;title\x07 text",
    "script": "<script>alert('x')</script>",
    "formula": "=cmd|' /C calc'!A0",
    "newline": "first line\nsecond line\r\nthird",
    "bidi": "abc\u202eevil\u2066txt\u2069",
}


def hostile_csv() -> str:
    def cell(text: str) -> str:
        return '"' + text.replace('"', '""') + '"'

    lines = ["id,student,answer,reference,key_points"]
    for name, text in HOSTILE.items():
        # (A key_points cell that starts with '[' is read as JSON, so the markup goes later.)
        lines.append(
            ",".join(
                [cell(f"{name}:{text}"), cell(text), cell(text), cell(REF), cell(f"point; {text}")]
            )
        )
    return "\n".join(lines) + "\n"


def test_hostile_text_round_trips_in_json_and_is_escaped(tmp_path, capsys) -> None:
    code, results, err = grade_json(capsys, str(write(tmp_path, hostile_csv())))
    assert code == 0, err
    assert [r["id"] for r in results] == [f"{k}:{v}" for k, v in HOSTILE.items()]
    assert [r["student"] for r in results] == list(HOSTILE.values())
    main(["grade", "--json", str(write(tmp_path, hostile_csv()))])
    raw = capsys.readouterr().out
    assert raw.isascii() and "\x1b" not in raw and "\u202e" not in raw
    assert len(raw.splitlines()) == len(HOSTILE)  # a line break inside a field stays escaped


def test_hostile_text_is_shown_literally_and_cannot_drive_the_terminal(tmp_path, capsys) -> None:
    assert main(["grade", str(write(tmp_path, hostile_csv()))]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert not any(ch in out for ch in "\u202e\u2066\u2069\r")
    assert "[bold red]pwned" in out  # markup is text, never rendered
    assert "<script>alert('x')</scr" in out  # cut to the column's width, never parsed
    assert "=cmd|' /C calc'!A0" in out
    rows = [line for line in out.splitlines() if re.match(r"\s*\d+  ", line)]
    assert len(rows) == len(HOSTILE)  # one table line per answer, whatever the newlines
    assert any("newline:first line…" in line for line in rows)  # cut at a word, never in one


def test_hostile_claim_ids_are_reported_as_text(tmp_path, capsys) -> None:
    path = write(tmp_path, 'claim,drill,answer\n"\x1b[31mx\u202e",rebut,y\n')
    assert main(["grade", str(path)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err and "unknown claim" in err


def test_lone_surrogates_in_jsonl_do_not_crash_the_output(tmp_path) -> None:
    path = write(
        tmp_path, '{"id": "\\ud800", "answer": "\\udfff x", "reference": "r"}\n', "a.jsonl"
    )
    for extra in ((), ("--json",)):
        proc = run(*extra, str(path))
        assert proc.returncode == 0, proc.stderr
        assert "Traceback" not in proc.stderr


# ------------------------------------------------------------------ the docs

DOCS = Path(__file__).resolve().parents[2] / "docs" / "trainer.md"


def test_the_worked_example_in_the_docs_runs_as_documented(tmp_path, capsys) -> None:
    text = DOCS.read_text(encoding="utf-8")
    example = text[text.index("### A worked example") :]
    csv_block, after = example.split("```csv\n", 1)[1].split("```\n", 1)
    shown = after.split("```\n", 1)[1].split("```", 1)[0].splitlines()
    path = write(tmp_path, csv_block, "homework.csv")
    assert main(["grade", str(path)]) == 1  # as the docs say: row 5 is skipped
    captured = capsys.readouterr()
    assert f"{path}:6: unknown claim 'rent-gapp'; did you mean 'rent-gap'?" in captured.err
    printed = captured.out.splitlines()
    table = [line.split()[:3] for line in printed if re.match(r"\s*\d+  ", line)]
    documented = [line.split()[:3] for line in shown if re.match(r"\s*\d+  ", line)]
    assert (
        table
        == documented
        == [["2", "1", "Ana"], ["3", "2", "Ana"], ["4", "3", "Ben"], ["5", "4", "Ben"]]
    )
    assert printed[-1] == shown[-1] == "4 answers graded, 1 row not graded (listed above)."


def test_verdicts_do_not_depend_on_the_hash_seed() -> None:
    """The same answers graded in two processes with different string hashing give the
    same results: a teacher who grades a class twice gets one set of verdicts."""
    # (Seeds 2 and 3 once gave these rows different feedback: a tie among the claims
    # an answer might answer instead was broken by set order.)
    sample = Path(__file__).resolve().parents[1] / "data" / "grading" / "face-at-the-door-dev.jsonl"
    outputs = []
    for seed in ("2", "3"):
        done = subprocess.run(
            [sys.executable, "-m", "argmap.cli", "grade", "--json", str(sample)],
            capture_output=True,
            text=True,
            timeout=120,
            encoding="utf-8",
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) >= 150
