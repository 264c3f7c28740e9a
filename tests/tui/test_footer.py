"""At 80 columns the explorer's footer leads with `?`, and `?` lists every key of the screen."""

from __future__ import annotations

from textual.widgets import Footer

from argmap_tui.screens.help import bindings_of
from tests.tui.support import EXAMPLE, make_app, settle


async def test_the_footer_leads_with_the_key_that_lists_the_rest() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        while not hasattr(app.screen, "jump_to"):  # a window over the explorer (the legend)
            app.pop_screen()
            await settle(pilot)
        footer = app.screen.query_one(Footer)
        keys = list(footer.query("FooterKey"))
        assert keys, "the footer shows keys"
        first = keys[0]
        assert first.key_display == "?" and first.description == "Keys"
        # It is drawn within the 80 columns.
        assert first.region.right <= 80 and first.region.y == 23
        listed = " ".join(key for key, _ in bindings_of(app.screen))
        for key in ("S", "R", "x", "o", "/", "?"):
            assert key in listed.split(), key
