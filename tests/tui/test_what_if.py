"""What-if: one key marks a claim accepted or rejected, the tree and detail follow."""

from __future__ import annotations

from textual.widgets import Static

from argmap.view_model import analyse
from argmap_tui.widgets.claim_tree import ClaimTree
from tests.tui.support import EXAMPLE, detail_text, make_app, settle


def label_of(tree: ClaimTree, claim_id: str) -> str:
    return next(n.label.plain for n in tree.built_nodes() if n.data.claim_id == claim_id)


async def test_reject_accept_and_reset_change_labels_at_once() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(ClaimTree)
        assert label_of(tree, "photos-collected").startswith("✖ stands 0.50 ")
        tree.select_claim("photos-collected")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert label_of(tree, "photos-collected").startswith("✖ R falls  0.00 ")
        body = detail_text(app)
        assert "Falls" in body and "What-if: R rejected" in body
        status = app.screen.query_one("#status", Static).content.plain
        assert "what-if: 0 accepted, 1 rejected" in status
        # Accepting the same claim replaces the rejection.
        await pilot.press("a")
        await settle(pilot)
        assert label_of(tree, "photos-collected").startswith("✖ A stands 1.00 ")
        assert app.screen.accepted == {"photos-collected"} and not app.screen.rejected
        await pilot.press("x")
        await settle(pilot)
        assert label_of(tree, "photos-collected").startswith("✖ stands 0.50 ")
        assert "what-if" not in app.screen.query_one("#status", Static).content.plain


async def test_pressing_the_same_key_again_unmarks() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert app.screen.rejected == {"locks"}
        await pilot.press("r")
        await settle(pilot)
        assert not app.screen.rejected
        assert label_of(app.screen.query_one(ClaimTree), "locks").startswith("◆ stands ")


async def test_real_analysis_fills_in_and_what_if_reaches_other_claims() -> None:
    app = make_app(EXAMPLE, analyser=analyse)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(ClaimTree)
        assert app.screen.analysis is not None and app.screen.analysis.available
        before = {n.data.claim_id: n.label.plain for n in tree.built_nodes()}
        assert all(t.split()[1] in {"stands", "falls", "open"} for t in before.values())
        tree.select_claim("photos-collected")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        after = {n.data.claim_id: n.label.plain for n in tree.built_nodes()}
        changed = {cid for cid in before if before[cid] != after[cid]}
        assert changed - {"photos-collected"}, "rejecting a claim changed nothing else"


async def test_default_app_analyses_in_a_child_process_and_stops_it_on_quit() -> None:
    from argmap_tui.analysis_process import ProcessAnalyser

    app = make_app(EXAMPLE, analyser=ProcessAnalyser())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert app.explorer.analysis is not None and app.explorer.analysis.available
        thesis = app.explorer.claim_tree.root.children[0].label.plain
        assert thesis.split()[1] in {"stands", "falls", "open"}
        child = app.analyser._process  # type: ignore[attr-defined]
        assert child is not None and child.poll() is None
    assert child.poll() is not None
