"""Search by words through the command palette, with a cap on the hits."""

from __future__ import annotations

from textual.command import CommandPalette

from argmap.claim_search import allowed_typos, search_claims
from argmap_tui.search import MAX_HITS, PLACEHOLDER
from argmap_tui.widgets.claim_tree import ClaimTree
from tests.tui.support import EXAMPLE, HOSTILE, load, make_app, settle


def matching_claims(the_map, query: str, limit: int = MAX_HITS) -> list[str]:  # type: ignore[no-untyped-def]
    return [hit.claim_id for hit in search_claims(the_map, query, limit)]


def test_every_word_must_match_text_or_id() -> None:
    the_map = load(EXAMPLE)
    assert matching_claims(the_map, "faces door") == ["locks"]
    assert matching_claims(the_map, "PHOTOS") == ["photos-collected"]
    assert matching_claims(the_map, "elderly-checks") == ["elderly-checks"]
    assert matching_claims(the_map, "faces nonsense") == []
    assert matching_claims(the_map, "   ") == []


def test_hits_are_capped() -> None:
    the_map = load(EXAMPLE)
    everything = matching_claims(the_map, "e", limit=1000)
    assert len(everything) == len(the_map.claims)
    assert len(matching_claims(the_map, "e", limit=3)) == 3
    assert MAX_HITS <= 50


async def search_and_choose(pilot, words: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*words)
    for _ in range(20):
        await pilot.pause(0.05)
        if pilot.app.screen.query("CommandList Option"):
            break
    await pilot.press("enter")
    await settle(pilot)


async def test_palette_search_jumps_to_the_claim() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await search_and_choose(pilot, "promise deletion")
        tree = app.screen.query_one(ClaimTree)
        assert tree.current_claim_id == "promise-unverifiable"
        # The jump is in the history.
        await pilot.press("backspace")
        await settle(pilot)
        assert tree.current_claim_id == "locks"


async def test_palette_shows_hostile_claims_literally() -> None:
    app = make_app(HOSTILE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await search_and_choose(pilot, "[/]")
        assert app.is_running
        tree = app.screen.query_one(ClaimTree)
        assert tree.current_claim_id == "t"


def test_typos_are_forgiven_after_the_hits_as_typed() -> None:
    the_map = load(EXAMPLE)
    assert allowed_typos("dog") == 0 and allowed_typos("faces") == 1
    assert allowed_typos("recognition") == 2
    # A missing letter, a swapped pair, a changed one.
    assert "promise-unverifiable" in matching_claims(the_map, "deltion")
    assert "promise-unverifiable" in matching_claims(the_map, "promsie")
    assert "sublet-common" in matching_claims(the_map, "tenamts")
    # Short words are not stretched: "fce" is not "face".
    assert matching_claims(the_map, "fce") == []
    hits = search_claims(the_map, "strangers", MAX_HITS)
    exact = [h.exact for h in hits]
    assert exact and exact == sorted(exact, reverse=True), "as typed before forgiven"


def test_quotes_sources_and_notes_are_searched_and_named() -> None:
    the_map = load(EXAMPLE)
    quoted = search_claims(the_map, "instantly deny", MAX_HITS)
    assert [h.claim_id for h in quoted] == ["lock-denies"] or quoted[0].fields == ("quote",)
    assert quoted[0].fields == ("quote",) and "instantly deny" in quoted[0].excerpt
    claim = the_map.claims_by_id[quoted[0].claim_id]
    source = the_map.sources_by_id[claim.evidence[0].source]
    by_source = search_claims(the_map, source.title.split()[-1], 1000)
    assert claim.id in [h.claim_id for h in by_source]
    assert any("source" in h.fields for h in by_source)
    noted = next(c for c in the_map.claims if c.note)
    word = max(noted.note.split(), key=len).strip(".,;:()\"'")
    assert any(
        h.claim_id == noted.id and "note" in h.fields for h in search_claims(the_map, word, 1000)
    )


async def test_the_box_says_what_it_searches_and_claims_come_first(tmp_path) -> None:  # type: ignore[no-untyped-def]
    keys = tmp_path / "keys.yaml"
    keys.write_text(
        "argmap: 1\nmap: {id: k, title: Keys, theses: [t]}\n"
        "claims:\n"
        "  - {id: t, text: Tenants should hold the keys to their own door., kind: policy}\n",
        encoding="utf-8",
    )
    app = make_app(keys)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        palette = pilot.app.screen
        assert isinstance(palette, CommandPalette)
        from textual.widgets import Input

        assert palette.query_one(Input).placeholder == PLACEHOLDER
        await pilot.press(*"keys")
        for _ in range(40):
            await pilot.pause(0.05)
            if len(palette.query("CommandList Option")) >= 2:
                break
        from textual.widgets import OptionList

        options = palette.query_one(OptionList)
        assert options.option_count >= 2, "the claim and Textual's own Keys command"
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        first = prompts[0]
        assert "Tenants should hold the keys" in first
