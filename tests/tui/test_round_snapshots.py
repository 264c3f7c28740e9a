"""SVG snapshots of the round screen: a turn at 80x24, the verdict at 160x48, and the
verdict explained (the burden of proof) at both sizes.

No clock (the default), so the pictures do not depend on time. Regenerate with
`pytest tests/tui/test_round_snapshots.py --snapshot-update` and look at the
report before accepting a change.
"""

from __future__ import annotations

from textual.pilot import Pilot

from argmap.debate.round import settings_for
from argmap.debate.rules import Side
from argmap_tui.screens.round import round_app
from tests.tui.support import EXAMPLE, REPO, context_for, fake_analyser, load, settle

BURDEN = REPO / "tests" / "debate" / "data" / "burden.yaml"


def app_for(theme: str):  # type: ignore[no-untyped-def]
    the_map = load(EXAMPLE)
    settings = settings_for(
        the_map, first=Side.CON, turns=3, names={Side.PRO: "Ana", Side.CON: "Ben"}
    )
    app = round_app(context_for(EXAMPLE), the_map, settings, None, analyser=fake_analyser)
    app.theme = theme
    return app


def test_round_first_turn_small(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def before(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await pilot.press("ctrl+f", *"photos")

    assert snap_compare(app_for("textual-dark"), terminal_size=(80, 24), run_before=before)


def test_round_verdict_large_light(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def before(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await pilot.press("ctrl+f", *"photos", "enter")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter", "ctrl+n")
        await settle(pilot)

    assert snap_compare(app_for("textual-light"), terminal_size=(160, 48), run_before=before)


def burden_app():  # type: ignore[no-untyped-def]
    the_map = load(BURDEN)
    settings = settings_for(the_map, first=Side.PRO, turns=4)
    return round_app(context_for(BURDEN), the_map, settings, None, analyser=fake_analyser)


async def issue_round(pilot: Pilot[object]) -> None:
    """Pro argues outsiders, Con attacks it with no-figures, both pass (issue 18)."""
    await settle(pilot)
    await pilot.press("enter")  # outsiders, the first move listed
    await settle(pilot)
    await pilot.press("enter")  # no-figures, the first answer to it
    await settle(pilot)
    await pilot.press("ctrl+n", "ctrl+n")
    await settle(pilot)


def test_round_explained_verdict_small(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(burden_app(), terminal_size=(80, 24), run_before=issue_round)


def test_round_explained_verdict_large(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(burden_app(), terminal_size=(160, 48), run_before=issue_round)
