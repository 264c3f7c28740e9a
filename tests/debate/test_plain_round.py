"""A scripted two-player round end to end, through `argmap round --plain`."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from argmap.debate.adjudication import adjudicate
from argmap.debate.clock import TurnClock
from argmap.debate.plain import PlainRound
from argmap.debate.round import Round, settings_for
from argmap.debate.transcript import md_text, render_transcript
from argmap.sides import Side
from tests.debate.small_maps import S, build, chain

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "arguments" / "example-smart-locks.yaml"
BURDEN = ROOT / "tests" / "debate" / "data" / "burden.yaml"


def argmap(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_scripted_round_with_search_wording_and_transcript(tmp_path: Path) -> None:
    transcript = tmp_path / "round.md"
    script = (
        "\n".join(
            [
                "photos",  # Con searches by words: lists photos-collected
                "1",  # ... and picks it
                "",  # keeps the map's wording
                "data-protected",  # Pro answers by claim id
                "They delete the | images",  # in Pro's own words
                "zebra",  # Con searches for nothing
                "pass",  # ... and passes: promise-unverifiable is never played
            ]
        )
        + "\n"
    )
    done = argmap(
        "round",
        "--plain",
        str(EXAMPLE),
        "--first",
        "con",
        "--turns",
        "3",
        "--pro",
        "Ana",
        "--con",
        "Ben",
        "--transcript",
        str(transcript),
        stdin=script,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Turn 1 of 3: Con (Ben) to play" in out
    assert "Moves matching 'photos':" in out
    assert "Con plays photos-collected, which attacks locks." in out
    assert (
        "Pro plays data-protected, which undercuts the link from photos-collected to locks." in out
    )
    assert "Nothing you may play matches 'zebra' (1 move is open to you); type 'all'" in out
    # data-protected was never answered: dropped, it stands, so the motion is defended.
    assert (
        "2. Pro data-protected undercuts the link from photos-collected to locks;"
        " answered by: DROPPED" in out
    )
    assert "the motion stands (in) under grounded semantics" in out
    # ... but Pro only rebutted and never argued for the motion: the burden is not carried.
    assert "Winner: Con (Ben), by the burden of proof." in out
    assert "  - Burden of proof: Pro played no argument for the motion" in out
    assert "  - By the semantics alone (--judge semantics), Pro would win." in out
    assert (
        "  - locks stands, defended by data-protected, which undercuts the attack of"
        " photos-collected." in out
    )
    assert "  - Pro's data-protected (turn 2) was never answered by Con: dropped" in out
    # Con wins already, so promise-unverifiable would change nothing: not listed.
    assert "promise-unverifiable (Con)" not in out
    assert "locks-stop-strangers (Pro) supports locks: then Pro wins" in out
    text = transcript.read_text()
    assert "**Motion** (`locks`)" in text
    assert (
        "2. **Pro** (Ana) plays `data-protected`, which undercuts the link from"
        " `photos-collected` to `locks`" in text
    )
    assert "> In their words: They delete the \\| images" in text
    assert "| 2 | Pro | `data-protected` | nobody | dropped: it stands |" in text
    assert "| 1 | Con | `photos-collected` | turn 2 | answered |" in text
    assert "- **Judged by**: the burden of proof (`--judge burden`)" in text
    assert "**Con (Ben) wins the round**, judged by the burden of proof." in text
    assert "### Why\n\n- Burden of proof: Pro played no argument for the motion" in text
    assert (
        "- `locks` stands, defended by `data-protected`, which undercuts the attack of"
        " `photos-collected`." in text
    )


def test_an_undercut_of_an_undercut_is_worded_through_the_link_it_cuts() -> None:
    # Con: photos-collected; Pro: data-protected; Con: promise-unverifiable, all in the
    # map's wording. The relation id r-undercut-photos is never named as a claim.
    script = "photos-collected\n\ndata-protected\n\npromise-unverifiable\n\n"
    done = argmap("round", "--plain", str(EXAMPLE), "--first", "con", "--turns", "3", stdin=script)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert (
        "Con plays promise-unverifiable, which undercuts the link by which data-protected"
        " undercuts the link from photos-collected to locks." in out
    )
    assert "r-undercut-photos" not in out and "[r-photos]" not in out
    assert "the motion falls (out) under grounded semantics" in out
    # The privacy attack stands because its reply was cut, and the verdict says so.
    assert (
        "  - locks falls to photos-collected (the reply data-protected is itself undercut by"
        " promise-unverifiable)." in out
    )


def test_judge_semantics_decides_by_the_motions_label_alone() -> None:
    script = "photos-collected\n\ndata-protected\n\npass\n"
    done = argmap(
        "round",
        "--plain",
        str(EXAMPLE),
        "--first",
        "con",
        "--turns",
        "3",
        "--pro",
        "Ana",
        "--judge",
        "semantics",
        stdin=script,
    )
    assert done.returncode == 0, done.stderr
    assert "judged by the semantics alone" in done.stdout
    assert "Winner: Pro (Ana), by the semantics alone." in done.stdout
    assert "With the burden of proof (--judge burden), Con would win." in done.stdout
    # The undercut of Pro's undercut would have won it for Con; it bears on the motion.
    assert "  promise-unverifiable (Con) undercuts locks: then the motion falls" in done.stdout
    assert "r-photos" not in done.stdout
    bad = argmap("round", "--plain", str(EXAMPLE), "--judge", "jury", stdin="")
    assert bad.returncode == 2 and "invalid choice: 'jury'" in bad.stderr


def test_linked_premises_are_announced_together_and_a_search_says_what_is_open(
    tmp_path: Path,
) -> None:
    # Pro: outsiders; Con: photo-spoof, which brings faces-online (linked attack).
    script = "outsiders\n\nspoof\nphoto-spoof\n\nzebra\nend\n"
    transcript = tmp_path / "linked.md"
    done = argmap(
        "round",
        "--plain",
        str(BURDEN),
        "--turns",
        "4",
        "--transcript",
        str(transcript),
        stdin=script,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "[photo-spoof] together with [faces-online] attack [outsiders]: A printed" in out
    assert "Con plays photo-spoof together with faces-online, which attack outsiders." in out
    assert "[photo-spoof] together with faces-online" in out  # what Pro is told Con played
    assert "2. Con photo-spoof together with faces-online attack outsiders; answered by" in out
    assert "  - outsiders falls to photo-spoof together with faces-online, which was never" in out
    assert "Nothing you may play matches 'zebra' (" in out
    text = transcript.read_text()
    assert (
        "2. **Con** plays `photo-spoof` together with `faces-online`, which attack `outsiders`: "
        "A printed photo of a pupil opens a cheap face gate. / Photos of every pupil"
    ) in text
    assert "| 2 | Con | `photo-spoof` together with `faces-online` | nobody |" in text


def test_with_no_move_open_a_search_says_so_not_no_match() -> None:
    m = build([("rp", S, "p", "m")], ["m", "p"])  # Con has nothing to attack with
    said: list[str] = []
    lines = iter(["zebra", "pass"])
    rnd = Round(m, settings_for(m, first=Side.CON, turns=1))
    PlainRound(rnd, lambda prompt: next(lines, None), said.append).run()
    assert (
        "No move is open to you at all, so nothing matches 'zebra': type 'pass' (or 'end')." in said
    )
    assert not any(line.startswith("Nothing you may play matches") for line in said)


def test_end_of_input_ends_cleanly_and_still_judges() -> None:
    done = argmap("round", "--plain", str(EXAMPLE), "--first", "con", stdin="1\n")
    assert done.returncode == 0, done.stderr
    assert "Result: given only the claims played, the motion" in done.stdout
    assert "Traceback" not in done.stderr


def test_bad_motion_and_bad_folder_are_usage_errors(tmp_path: Path) -> None:
    done = argmap("round", "--plain", str(EXAMPLE), "--motion", "nope", stdin="")
    assert done.returncode == 2 and "no claim 'nope'" in done.stderr
    done = argmap(
        "round",
        "--plain",
        str(EXAMPLE),
        "--transcript",
        str(tmp_path / "missing" / "r.md"),
        stdin="",
    )
    assert done.returncode == 2 and "no such folder" in done.stderr


def test_plain_clock_forfeits_a_move_made_over_time() -> None:
    now = [0.0]
    lines = iter(["1", ""])

    def ask(prompt: str) -> str | None:
        now[0] += 20.0  # every line takes the debater 20 s
        return next(lines, None)

    said: list[str] = []
    m = chain()
    rnd = Round(m, settings_for(m, first=Side.CON, seconds=30))
    PlainRound(rnd, ask, said.append, TurnClock(30, lambda: now[0])).run()
    assert rnd.turns[0].over_time and rnd.turns[0].attempted is not None
    assert rnd.turns[0].reply is None and "a" not in rnd.played
    assert any("Over time (40 s of 30 s)" in line for line in said)


def test_transcript_escapes_markdown_in_map_text_and_wording() -> None:
    assert md_text("*all* | <b>none</b>\n[x](y)") == (
        "\\*all\\* \\| &lt;b&gt;none&lt;/b&gt; \\[x\\](y)"
    )
    m = chain()
    rnd = Round(m, settings_for(m, first=Side.CON, names={Side.CON: "<img src=x>"}))
    rnd.play(rnd.reply_for("a"), wording="**loud** `code`")
    text = render_transcript(rnd, adjudicate(rnd))
    assert re.search(r"(?<!\\)<img", text) is None and "&lt;img src=x&gt;" in text
    assert "\\*\\*loud\\*\\* \\`code\\`" in text


def test_five_thousand_digits_are_no_move_not_a_crash() -> None:
    done = argmap(
        "round",
        "--plain",
        str(EXAMPLE),
        "--first",
        "con",
        stdin="5" * 5000 + "\n" + "²\n" + "end\n",
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "Exceeds the limit" not in done.stderr
    assert "No move 555555... in the list" in done.stdout
    assert "5" * 100 not in done.stdout  # the line is not echoed back whole
