"""The detail panel: everything about a claim, links to jump along, and history."""

from __future__ import annotations

from argmap_tui.widgets.claim_detail import _relation_links
from argmap_tui.widgets.claim_tree import ClaimTree
from argmap_tui.widgets.link_list import LinkList
from tests.tui.support import CYCLE, EXAMPLE, detail_text, make_app, settle


def link_texts(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [block.plain for block in app.screen.query_one(LinkList).blocks]


async def test_detail_shows_text_kind_themes_evidence_source_and_analysis() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert app.screen.jump_to("feels-safer")
        await settle(pilot)
        body = detail_text(app)
        for expected in (
            "Residents report that their neighbourhood feels quieter",
            "Kind: fact",
            "Themes: Keeping residents safe",
            "“he feels his neighborhood is more quiet and secure now”",
            "Xinhua",
            "paragraph 9",
            "Reliability: Official voice of the Chinese state",
            "⚠ Flaw: anecdote",
            "Note: One resident quoted by a state news agency",
            "Side: pro",
            "Stands   █████░░░░░ 0.50 strength (base 0.50)",
            "Accepted in every reasonable reading of the map.",
        ):
            assert expected in body, expected
        links = link_texts(app)
        assert any(t.startswith("→ supports: Beijing's public housing") for t in links)
        assert any(
            t.startswith("⊘ this link undercut by: A state news agency")
            and "why: Even if the quote is accurate" in t
            for t in links
        )


async def test_supporters_and_attackers_are_listed_with_their_why() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        links = link_texts(app)
        assert sum(t.startswith("✚ supported by:") for t in links) == 5
        attacks = [t for t in links if t.startswith("✖ attacked by:")]
        assert len(attacks) == 1 and "why: Residents had to hand over their faces" in attacks[0]


async def test_jump_to_a_linked_claim_and_back_and_forward() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(ClaimTree)
        links = app.screen.query_one(LinkList)
        index = next(i for i, t in enumerate(link_texts(app)) if "Photos of every" in t)
        await pilot.press("l")
        assert links.has_focus and links.highlighted == 0
        await pilot.press(*["down"] * index)
        assert links.highlighted == index
        await pilot.press("enter")
        await settle(pilot)
        assert tree.current_claim_id == "photos-collected"
        assert tree.has_focus
        # Follow a second link: the undercut of the photos claim's attack on the thesis.
        links.highlighted = next(
            i for i, t in enumerate(link_texts(app)) if "this link undercut by" in t
        )
        links.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert tree.current_claim_id == "data-protected"
        await pilot.press("backspace")
        await settle(pilot)
        assert tree.current_claim_id == "photos-collected"
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert tree.current_claim_id == "locks"
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert tree.current_claim_id == "photos-collected"
        assert app.screen.detail.claim_id == "photos-collected"


async def test_show_claim_is_the_public_way_in() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert app.show_claim("promise-unverifiable")
        await settle(pilot)
        assert app.screen is app.explorer
        assert app.explorer.claim_tree.current_claim_id == "promise-unverifiable"
        assert not app.show_claim("no-such-claim")
        await settle(pilot)
        assert any("no-such-claim" in n.message for n in app._notifications)


async def test_show_claim_comes_back_from_another_mode() -> None:
    from textual.screen import Screen

    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        app.add_mode("elsewhere", Screen)
        await app.switch_mode("elsewhere")
        await settle(pilot)
        assert app.current_mode == "elsewhere"
        assert app.show_claim("state-voice")
        await settle(pilot)
        assert app.current_mode == "explore" and app.screen is app.explorer
        assert app.explorer.claim_tree.current_claim_id == "state-voice"
        assert app.explorer.detail.claim_id == "state-voice"


async def test_links_change_with_the_move_and_a_click_jumps() -> None:
    """The links are drawn in the same keypress as the move (no waiting), and a
    click on a link jumps to its claim."""
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        detail = app.screen.detail
        tree = app.screen.claim_tree
        before = link_texts(app)
        await pilot.press("down")
        await pilot.pause()
        assert detail.claim_id == tree.current_claim_id != "locks"
        assert link_texts(app) != before
        claim = app.map.claims_by_id[detail.claim_id]
        assert link_texts(app) == [link.text.plain for link in _relation_links(app.map, claim)]
        target = detail.link_ids[0]
        links = app.screen.query_one(LinkList)
        assert await pilot.click(LinkList, offset=(2, 0))
        await settle(pilot)
        assert tree.current_claim_id == target
        assert links.highlighted is None or not links.has_focus


async def test_a_claim_without_links_says_so_and_l_says_why() -> None:
    app = make_app(CYCLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert app.screen.jump_to("lonely")
        await settle(pilot)
        links = app.screen.query_one(LinkList)
        assert link_texts(app) == []
        assert links.render_line(0).text.startswith("No linked claims.")
        await pilot.press("l")
        await settle(pilot)
        assert not links.has_focus
        assert any("no linked claims" in n.message for n in app._notifications)
