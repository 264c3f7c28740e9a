"""The explorer says what its marks mean: the legend, the why-panel, the what-if summary."""

from __future__ import annotations

import json

from textual.widgets import Static

from argmap.view_model import analyse
from argmap_tui.screens.legend import STATE_FILE, LegendScreen, legend_shown
from argmap_tui.widgets.link_list import LinkList
from tests.tui.support import EXAMPLE, detail_text, make_app, settle


def link_texts(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [block.plain for block in app.screen.query_one(LinkList).blocks]


async def test_the_legend_shows_once_on_first_start_and_m_opens_it_again() -> None:
    app = make_app(EXAMPLE, legend=True)
    data_dir = app.context.data_dir
    assert not legend_shown(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LegendScreen)
        table = app.screen.query_one("#legend-table", Static)
        assert table.region.height > 0  # drawn, not just made
        assert legend_shown(data_dir)
        assert json.loads((data_dir / STATE_FILE).read_text()) == {"legend_shown": True}
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.explorer
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, LegendScreen)
        await pilot.press("m")
        await settle(pilot)
        assert app.screen is app.explorer
    again = make_app(EXAMPLE, legend=True)  # the same data folder: already shown
    assert again.context.data_dir == data_dir
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.screen is again.explorer


def test_the_legend_says_what_every_mark_means() -> None:
    from argmap_tui.screens.legend import SECTIONS

    marks = {mark for _, rows in SECTIONS for mark, _ in rows}
    for needed in ("stands", "falls", "open", "✚", "✖", "⊘", "&", "↻+2"):
        assert needed in marks, needed
    for badge in ("A / R", "★ crux", "◎ pivotal", "⚠ flaw"):
        assert badge in marks, badge
    meanings = " ".join(meaning for _, rows in SECTIONS for _, meaning in rows)
    assert "sceptically accepted under preferred semantics" in meanings


async def test_why_a_claim_stands_or_falls_is_said_and_linked() -> None:
    app = make_app(EXAMPLE, analyser=analyse)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        # The thesis falls to the privacy attack: its undercut is itself undercut.
        assert app.explorer.jump_to("locks")
        await settle(pilot)
        body = detail_text(app)
        assert "Falls" in body and "Accepted in no reasonable reading of the map." in body
        first = link_texts(app)[0]
        assert first.startswith("Why: Falls: attacked by “Photos of every resident")
        # Why the attack stands although it was answered: the answer is itself cut.
        assert first.endswith(
            "which stands: the reply “The housing centre says the images are stored…”"
            " is itself undercut by “A promise of deletion made by the operator…”."
        )
        assert app.explorer.detail.link_ids[0] == "photos-collected"
        # Enter on the first link jumps to the attacker, a sourced fact that stands.
        await pilot.press("l", "enter")
        await settle(pilot)
        assert app.explorer.claim_tree.current_claim_id == "photos-collected"
        assert "Nothing attacks it, so it stands." in detail_text(app)
        assert "◎ pivotal (share 1.00;" in detail_text(app)
        for fact in ("data-protected", "promise-unverifiable"):
            assert app.explorer.jump_to(fact)
            await settle(pilot)
            assert "Nothing attacks it, so it stands." in detail_text(app)
        # data-protected stands, but its undercut does not count: the first link says so.
        assert app.explorer.jump_to("data-protected")
        await settle(pilot)
        assert link_texts(app)[0].startswith(
            "Why: Its undercut of the attack by “Photos of every resident"
        )
        assert "does not count: it is itself undercut by “A promise" in link_texts(app)[0]
        assert app.explorer.detail.link_ids[0] == "promise-unverifiable"


async def test_a_fact_shows_its_quote_and_source_without_scrolling_at_100x30() -> None:
    app = make_app(EXAMPLE, analyser=analyse)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.explorer.jump_to("feels-safer")
        await settle(pilot)
        from argmap_tui.widgets.line_panel import ClaimText

        panel = app.screen.query_one(ClaimText)
        shown = "\n".join(
            "".join(seg.text for seg in panel.render_line(y)) for y in range(panel.size.height)
        )
        assert "“he feels his neighborhood is more quiet" in shown.replace("\n", " ")
        assert "Xinhua" in shown
        assert shown.count("Reliability:") == 1


async def test_a_what_if_move_says_what_changed_and_marks_the_claims() -> None:
    app = make_app(EXAMPLE, analyser=analyse)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        line = app.screen.query_one("#what-if-change", Static)
        assert not line.display
        assert app.explorer.jump_to("promise-unverifiable")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        # Rejecting it: data-protected's undercut of the privacy attack acts again, so
        # the attack stops acting and the thesis stands; the facts stand throughout.
        assert line.display
        assert line.content.plain == (
            "What changed: 1 claim now stands, 1 now falls; the thesis's strength 0.77 → 0.83."
        )
        assert app.explorer.changed_claims == {"locks", "promise-unverifiable"}
        assert "It falls because you rejected it (what-if)." in detail_text(app)
        # The thesis now stands, and its why says the reply fell to your rejection.
        assert app.explorer.jump_to("locks")
        await settle(pilot)
        assert link_texts(app)[0].endswith(
            "the reply “A promise of deletion made by the operator…” falls because you"
            " rejected it (what-if)."
        )
        assert app.explorer.jump_to("promise-unverifiable")
        await settle(pilot)
        # The tree marks exactly the changed lines (the mark comes before the badge).
        tree = app.explorer.claim_tree
        built = tree.built_nodes()
        assert any(n.data.claim_id == "locks" for n in built)
        for node in built:
            marked = node.label.plain.split(" ")[1] == "•"
            assert marked == (node.data.claim_id in app.explorer.changed_claims), node.label
        await pilot.press("x")
        await settle(pilot)
        assert line.content.plain == (
            "What changed: 1 claim now stands, 1 now falls; the thesis's strength 0.83 → 0.77."
        )
        # The next move replaces the marks with its own.
        assert app.explorer.jump_to("sublet-common")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        changed = app.explorer.changed_claims
        assert "sublet-common" in changed and "photos-collected" not in changed
        for node in tree.built_nodes():
            marked = node.label.plain.split(" ")[1] == "•"
            assert marked == (node.data.claim_id in changed), node.label


def test_each_source_and_its_reliability_note_are_said_once() -> None:
    from argmap.model import Claim, ClaimKind, Evidence, Map, Source
    from argmap.view_model import ClaimAnalysis
    from argmap_tui.widgets.claim_detail import describe

    fact = Claim(
        id="f",
        text="Two reports agree.",
        kind=ClaimKind.FACT,
        evidence=(
            Evidence("wire", "p. 1", "first [b]quote[/b]"),
            Evidence("paper", "p. 9", "other quote"),
            Evidence("wire", "p. 2", "second quote"),
        ),
    )
    the_map = Map(
        id="m",
        title="m",
        theses=("f",),
        claims=(fact,),
        sources=(
            Source("wire", "Wire story", outlet="Wire", reliability="fast, thin"),
            Source("paper", "Long read", outlet="Paper", reliability="slow, careful"),
        ),
    )
    text = describe(the_map, fact, ClaimAnalysis(label="in", strength=0.5)).plain
    assert text.count("Reliability: fast, thin") == 1
    assert text.count("Reliability: slow, careful") == 1
    assert text.count("— Wire, “Wire story”") == 1
    # The wire's two quotes come together, before its source line; then the paper's.
    order = [text.index(s) for s in ("first [b]quote[/b]", "second quote", "— Wire", "other quote")]
    assert order == sorted(order)
    assert text.index("Two reports agree.") < order[0] < text.index("Stands")


async def test_the_legend_waits_for_the_explorer_under_a_screen_opened_at_start() -> None:
    from argmap_tui.screens.help import HelpScreen

    app = make_app(EXAMPLE, legend=True, opening=lambda a: a.push_screen(HelpScreen([])))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert not legend_shown(app.context.data_dir)  # not seen yet, so not remembered
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LegendScreen)
        assert legend_shown(app.context.data_dir)


def test_a_small_contribution_keeps_a_digit_that_is_not_zero() -> None:
    from argmap_tui.widgets.claim_detail import _signed

    assert [_signed(v) for v in (0.375, -0.25, 0.003, 0.00042, -4e-6)] == [
        "+0.38",
        "-0.25",
        "+0.003",
        "+0.0004",
        "-0.000004",
    ]
