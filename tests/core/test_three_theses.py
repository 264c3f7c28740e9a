"""Every view works per thesis on the bundled map's three theses (issue 17).

The second edition argues three theses under one question, sharing claims.
Each test drives one view on the bundled map and checks that what it shows
for a thesis comes from that thesis's branch (`argmap.sides.reach`): the
analysis, the drills of every mode, the rounds, the handouts, the exports
(and their round trip), the checker's notes, and the explorer's choices of
thesis for drills and rounds.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.bundled import default_map_path
from argmap.cli import main
from argmap.loading import load_map
from argmap.model import Map
from argmap.sides import Side, reach, sides
from argmap.training.questions import DrillKind, Question
from argmap.training.session import DrillSession, SessionOptions

THESES = ("face-access", "phone-face-scan", "smart-community")


@pytest.fixture(scope="module")
def bundled() -> Map:
    result = load_map(default_map_path())
    assert result.map is not None
    return result.map


def branch(m: Map, thesis: str) -> set[str]:
    """The claims that argue the thesis, the thesis itself left out."""
    return set(reach(m, thesis).sides) - {thesis}


def only_in(m: Map, thesis: str) -> set[str]:
    others = set().union(*(branch(m, t) for t in m.theses if t != thesis))
    return branch(m, thesis) - others


def test_the_map_has_three_theses_each_with_claims_of_its_own(bundled: Map) -> None:
    assert bundled.theses == THESES
    for thesis in THESES:
        assert only_in(bundled, thesis), thesis  # else a per-thesis view could not differ


# -- analysis --------------------------------------------------------------------------------


def test_analyze_json_gives_each_thesis_its_own_sides_and_cruxes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["analyze", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    m = load_map(default_map_path()).map
    assert m is not None
    theses = payload["structure"]["theses"]
    assert list(theses) == list(THESES)
    for thesis in THESES:
        of = sides(m, thesis)
        for word in ("pro", "con", "both"):
            expected = {c for c, s in of.items() if s is Side(word) and c != thesis}
            assert set(theses[thesis][word]) == expected, (thesis, word)
        cruxes = payload["crux_details"][thesis]
        assert cruxes, thesis
        assert {c["claim"] for c in cruxes} <= branch(m, thesis)
        assert set(payload["cruxes"][thesis]) <= branch(m, thesis)
        assert 0.0 <= payload["strength"][thesis] <= 1.0
    # A claim of the Tangshan thesis alone is counted under no other thesis.
    lone = next(iter(sorted(only_in(m, "smart-community"))))
    for thesis in ("face-access", "phone-face-scan"):
        assert all(lone not in theses[thesis][w] for w in ("pro", "con", "both"))


def test_analyze_text_has_a_section_per_thesis_saying_what_it_shares(
    bundled: Map, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze"]) == 0
    out = capsys.readouterr().out
    for thesis in THESES:
        section = out.split(f"\nthesis {thesis}: ")[1].split("\n\n")[0]
        of = sides(bundled, thesis)
        pro = sum(s is Side.PRO for c, s in of.items() if c != thesis)
        con = sum(s is Side.CON for c, s in of.items() if c != thesis)
        assert f"{pro} pro, {con} con, 0 both" in section
        alone = len(only_in(bundled, thesis))
        shared = len(branch(bundled, thesis)) - alone
        assert f"{alone} argue this thesis alone, {shared} another thesis too" in section
        assert "crux " in section


# -- drills ----------------------------------------------------------------------------------


def asked(m: Map, options: SessionOptions) -> Iterator[Question]:
    session = DrillSession(m, None, options)
    while (question := session.next_question()) is not None:
        yield question


MODES = [
    ("rebut", None),
    ("support", None),
    ("source", None),
    ("flaw", None),
    ("crux", None),
    ("switch", "pro"),
    ("switch", "con"),
]


@pytest.mark.parametrize("thesis", THESES)
@pytest.mark.parametrize(("mode", "side"), MODES)
def test_drills_on_a_thesis_ask_only_about_its_branch(
    bundled: Map, thesis: str, mode: str, side: str | None
) -> None:
    options = SessionOptions(mode=mode, side=side, thesis=thesis, count=40, seed=3)
    questions = list(asked(bundled, options))
    assert questions, (thesis, mode)
    mine = branch(bundled, thesis)
    text = bundled.claims_by_id[thesis].text
    for q in questions:
        assert str(q.drill) == mode
        if q.drill is DrillKind.CRUX:
            assert q.claim_id == thesis and q.subject == text
            assert all(o.claim_id in mine for o in q.options if o.correct)
        else:  # the thesis itself may be rebutted; no other thesis is asked about
            assert q.claim_id in mine | {thesis}, (thesis, mode, q.claim_id)
        if q.drill is DrillKind.SWITCH:
            # the thesis argued is the one asked for (quoted without its full stop)
            assert text.rstrip(".") in q.prompt
            assert sides(bundled, thesis)[q.claim_id] is Side(side).other
        location = q.explanation.location
        if location:  # "In the map: ..." leads to this thesis, not a nearer other one
            assert location[-1].claim_id == thesis and location[-1].is_thesis


def test_mixed_drills_on_a_thesis_come_from_its_branch(bundled: Map) -> None:
    options = SessionOptions(thesis="smart-community", count=60, seed=1, side="con")
    questions = list(asked(bundled, options))
    assert len({q.drill for q in questions}) >= 4
    mine = branch(bundled, "smart-community") | {"smart-community"}
    assert all(q.claim_id in mine for q in questions)


def test_without_a_thesis_the_drills_range_over_every_thesis(bundled: Map) -> None:
    session = DrillSession(bundled, None, SessionOptions(mode="rebut", count=1000, seed=2))
    planned = {c.claim_id for c in session.plan}
    for thesis in THESES:
        assert planned & only_in(bundled, thesis), thesis
    crux = DrillSession(bundled, None, SessionOptions(mode="crux", count=10))
    assert {c.claim_id for c in crux.plan} == set(THESES)
    # Switch sides puts each claim on the first thesis it argues against: the
    # Tangshan thesis's own claims come up too, each naming that thesis.
    switch = list(asked(bundled, SessionOptions(mode="switch", side="con", count=400, seed=5)))
    tangshan = bundled.claims_by_id["smart-community"].text.rstrip(".")
    on_tangshan = [q for q in switch if tangshan in q.prompt]
    assert on_tangshan
    tangshan_claims = branch(bundled, "smart-community") | {"smart-community"}
    assert all(q.claim_id in tangshan_claims for q in on_tangshan)
    for q in switch:  # the "In the map" chain leads to the thesis the question names
        named = [
            t for t in THESES if f'thesis "{bundled.claims_by_id[t].text.rstrip(".")}"' in q.prompt
        ]
        assert len(named) == 1
        location = q.explanation.location
        assert not location or location[-1].claim_id == named[0]


def test_plain_drill_on_a_thesis_names_it_and_asks_from_its_branch(
    bundled: Map, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO("\n" * 5))
    argv = ["drill", "--plain", "--thesis", "smart-community", "--mode", "rebut", "--count", "5"]
    assert main([*argv, "--seed", "4"]) == 0
    out = capsys.readouterr().out
    text = bundled.claims_by_id["smart-community"].text
    assert out.splitlines()[1] == f"Thesis: {text}"  # by its text, not its id
    asked_about = [
        ln.removeprefix("Claim: ") for ln in out.splitlines() if ln.startswith("Claim: ")
    ]
    assert len(asked_about) == 5
    texts = {bundled.claims_by_id[c].text for c in branch(bundled, "smart-community")} | {text}
    assert set(asked_about) <= texts


def test_drill_with_a_thesis_the_map_lacks_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["drill", "--plain", "--thesis", "phone"]) == 2
    err = capsys.readouterr().err
    assert "'phone' is not a thesis of this map" in err
    assert "face-access, phone-face-scan, smart-community" in err


# -- rounds ----------------------------------------------------------------------------------


@pytest.mark.parametrize("thesis", THESES)
def test_a_round_on_each_motion_offers_moves_from_its_branch_and_is_judged(
    bundled: Map, thesis: str
) -> None:
    from argmap.debate.adjudication import adjudicate
    from argmap.debate.round import Round, settings_for

    rnd = Round(bundled, settings_for(bundled, thesis, turns=6))
    mine = branch(bundled, thesis)
    rng = random.Random(thesis)
    while not rnd.over:
        replies = rnd.replies()
        assert all(r.claim_id in mine for r in replies), thesis
        answers = rnd.replies_to_last() or replies
        if not answers:
            rnd.pass_turn()
            continue
        rnd.play(rng.choice(answers))
    assert rnd.turns[0].reply is not None and rnd.turns[0].reply.target == thesis
    judged = adjudicate(rnd)
    assert judged.motion == thesis
    assert judged.winner in (Side.PRO, Side.CON)
    assert set(rnd.played) <= mine | {thesis}


# -- handouts --------------------------------------------------------------------------------


def points_of(themes: list[tuple[str, dict[str, list[object]]]]) -> dict[str, set[str]]:
    """Claim id -> the side words it is listed under."""
    out: dict[str, set[str]] = {}
    for _, by_side in themes:
        for side, points in by_side.items():
            for p in points:
                out.setdefault(p.claim.id, set()).add(side)  # type: ignore[attr-defined]
    return out


def test_the_handout_has_a_section_per_thesis_on_that_thesiss_sides(bundled: Map) -> None:
    from argmap.formats.handout import outline, write_html, write_markdown

    o = outline(bundled)
    assert [s.thesis_id for s in o.sections] == list(THESES)
    for section in o.sections:
        listed = points_of(section.themes)  # type: ignore[arg-type]
        of = sides(bundled, section.thesis_id)
        assert set(listed) == branch(bundled, section.thesis_id)
        assert all(words == {str(of[c])} for c, words in listed.items())
    md = write_markdown(bundled)
    page = write_html(bundled)
    for i, thesis in enumerate(THESES, 1):
        text = bundled.claims_by_id[thesis].text
        assert f"### Thesis {i}: {text}" in md.replace("\\", "")
        assert f"<h3>Thesis {i}: " in page
    assert md.index("### Thesis 1:") < md.index("### Thesis 2:") < md.index("### Thesis 3:")


@pytest.mark.parametrize("thesis", THESES)
def test_a_handout_of_one_thesis_keeps_to_its_branch(bundled: Map, thesis: str) -> None:
    from argmap.formats.handout import outline

    o = outline(bundled, questions=True, thesis=thesis)
    assert o.theses == [bundled.claims_by_id[thesis].text] and not o.sections
    listed = points_of(o.themes)  # type: ignore[arg-type]
    assert set(listed) == branch(bundled, thesis)
    of = sides(bundled, thesis)
    assert all(words == {str(of[c])} for c, words in listed.items())
    others = [bundled.claims_by_id[t].text[:40] for t in THESES if t != thesis]
    links = [link for _, by in o.themes for ps in by.values() for p in ps for link in p.links]
    for other in others:  # a shared claim's link to another thesis is left out
        assert not any(other in link for link in links)
        assert not any(other in q.prompt or other in q.answer for q in o.questions)
    assert len(o.questions) == len({q.prompt for q in o.questions}) > 0
    quoted = {ev.source for c in listed for ev in bundled.claims_by_id[c].evidence}
    titles = {s.title for s in bundled.sources if s.id in quoted}
    assert {title for title, _, _ in o.sources} == titles


def test_export_thesis_option_writes_one_thesis_and_refuses_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "tangshan.md"
    assert main(["export", "--to", "markdown", "--thesis", "smart-community", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.count("\n> ") == 1 and "Smart Community" in text.split("## Lines")[0]
    assert "## Questions" not in text
    assert main(["export", "--to", "html", "--questions", "--thesis", "phone-face-scan"]) == 0
    page = capsys.readouterr().out
    assert "<h2>The thesis</h2>" in page and "<h2>Answer key</h2>" in page
    assert main(["export", "--to", "markdown", "--thesis", "nope"]) == 2
    assert "'nope' is not a thesis of this map" in capsys.readouterr().err
    assert main(["export", "--to", "json", "--thesis", "face-access"]) == 2
    assert "--thesis goes with a handout" in capsys.readouterr().err


# -- exports and their round trip ------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["argdown", "aif", "json"])
def test_exports_read_back_keep_the_three_theses_and_their_sides(bundled: Map, fmt: str) -> None:
    from argmap.formats.registry import reader, writer

    written = writer(fmt).write(bundled)
    assert isinstance(written, str)
    back = reader(fmt).read(written, f"<{fmt}>").map
    assert len(back.theses) == 3
    by_text = {c.text: c.id for c in back.claims}
    for old, new in zip(THESES, back.theses, strict=True):
        assert back.claims_by_id[new].text == bundled.claims_by_id[old].text
        expected = {
            by_text[bundled.claims_by_id[c].text]: s for c, s in sides(bundled, old).items()
        }
        assert dict(sides(back, new)) == expected, (fmt, old)


def test_dot_and_graphml_mark_all_three_theses(bundled: Map) -> None:
    import xml.etree.ElementTree as ET

    from argmap.formats.dot import write_dot
    from argmap.formats.graphml import write_graphml

    root = ET.fromstring(write_graphml(bundled))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = {k.get("attr.name"): k.get("id") for k in root.iter(f"{{{ns['g']}}}key")}
    marked = {
        node.get("id", "")[2:]
        for node in root.iter(f"{{{ns['g']}}}node")
        for data in node.findall("g:data", ns)
        if data.get("key") == keys["thesis"] and data.text == "true"
    }
    assert marked == set(THESES)
    dot = write_dot(bundled)
    for thesis in THESES:
        assert f'"c:{thesis}" [' in dot


# -- the checker -----------------------------------------------------------------------------


def test_check_notes_on_the_bundled_map_are_only_unanswered_claims(
    bundled: Map, sources_dir: Path
) -> None:
    from argmap.authoring_notes import side_balance
    from argmap.checking import check_map

    found = check_map(bundled, [sources_dir], notes=True)
    assert {d.code for d in found} == {"N501"}
    for thesis in THESES:  # the balance note (N508) is judged per thesis
        counts = side_balance(bundled, thesis)
        assert sum(counts["claims"].values()) == len(branch(bundled, thesis))


# -- the explorer ----------------------------------------------------------------------------


async def test_the_explorers_drills_and_rounds_let_you_choose_the_thesis() -> None:
    from textual.widgets import Button, Select

    from argmap_tui.app import create_app
    from argmap_tui.screens.drill import DrillScreen, DrillSetup
    from argmap_tui.screens.round import MotionSetup, RoundScreen
    from tests.tui.support import context_for, fake_analyser, settle

    path = default_map_path()
    m = load_map(path).map
    assert m is not None
    app = create_app(context_for(path), m, analyser=fake_analyser)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        setup = app.screen
        assert isinstance(setup, DrillSetup)
        chooser = setup.query_one("#setup-thesis", Select)
        assert not isinstance(chooser.value, str)  # the whole map unless one is chosen
        chooser.value = "smart-community"
        setup.query_one("#setup-mode", Select).value = "rebut"
        setup.query_one("#setup-start", Button).press()
        for _ in range(50):
            await settle(pilot)
            screen = app.screen
            if isinstance(screen, DrillScreen) and screen.session is not None:
                break
        assert isinstance(screen, DrillScreen) and screen.session is not None
        assert screen.session.options.thesis == "smart-community"
        mine = branch(m, "smart-community") | {"smart-community"}
        assert screen.session.plan and all(c.claim_id in mine for c in screen.session.plan)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        motion = app.screen
        assert isinstance(motion, MotionSetup)
        assert motion.query_one("#motion-choice", Select).value == "face-access"
        motion.query_one("#motion-choice", Select).value = "phone-face-scan"
        motion.query_one("#motion-start", Button).press()
        await settle(pilot)
        assert isinstance(app.screen, RoundScreen)
        assert app.screen.rnd.settings.motion == "phone-face-scan"
        assert all(r.claim_id in branch(m, "phone-face-scan") for r in app.screen.rnd.replies())


TWO_THESES = """\
argmap: 1
map: {id: two, title: Two theses, theses: [t1, t2]}
claims:
  - {id: t1, text: Towns should fund libraries., kind: policy}
  - {id: t2, text: Towns should fund pools., kind: policy}
  - {id: s, text: Public goods pay for themselves., kind: value}
  - {id: a, text: Pools cost more than they return., kind: value}
  - {id: x, text: Nobody asked about parks., kind: value}
relations:
  - {type: support, from: s, to: t1}
  - {type: support, from: s, to: t2}
  - {type: attack, from: a, to: s}
"""


def test_a_handout_lists_a_shared_claim_under_each_thesis_and_the_unconnected_last() -> None:
    from argmap.formats.handout import outline, write_markdown
    from argmap.loading import load_map_text

    m = load_map_text(TWO_THESES, "two.yaml").map
    assert m is not None
    o = outline(m)
    assert [points_of(s.themes) for s in o.sections] == [  # type: ignore[arg-type]
        {"s": {"pro"}, "a": {"con"}},
        {"s": {"pro"}, "a": {"con"}},
    ]
    assert points_of(o.unconnected) == {"x": {"none"}}  # type: ignore[arg-type]
    md = write_markdown(m)
    last = md.index("### Not connected to any thesis")
    assert md.index("### Thesis 2: Towns should fund pools.") < last < md.index("Nobody asked")
