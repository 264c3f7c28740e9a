"""What the explorer tests share: the test maps, a predictable analysis, a ready app."""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from argmap.context import Context
from argmap.loading import load_map
from argmap.model import Map
from argmap.view_model import Analyser, AnalysisView, ClaimAnalysis, flaw_view
from argmap_tui.app import STYLES, ArgmapApp, EditorRunner, Opening, create_app
from argmap_tui.screens.legend import remember_legend_shown
from argmap_tui.widgets.line_panel import ClaimText

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "arguments" / "example-smart-locks.yaml"
BUNDLED = REPO / "arguments" / "face-at-the-door.yaml"
DATA = Path(__file__).resolve().parent / "data"
HOSTILE = DATA / "hostile.yaml"
CYCLE = DATA / "cycle.yaml"


def load(path: Path) -> Map:
    result = load_map(path)
    assert result.map is not None, [d.render() for d in result.diagnostics]
    return result.map


def fake_analyser(
    the_map: Map, accepted: Collection[str], rejected: Collection[str], base: AnalysisView | None
) -> tuple[AnalysisView, AnalysisView]:
    """A stand-in analysis whose answers a test can predict.

    Every claim is `in` with its base score as strength; a rejected claim is
    `out` with 0.0, an accepted one `in` with 1.0. Sides: the thesis and claims
    whose id sorts before "m" are pro, the rest con. It tests the UI's wiring,
    not the analysis.
    """

    def facts(claim_id: str, score: float, label: str) -> ClaimAnalysis:
        side = "pro" if claim_id in the_map.theses or claim_id < "m" else "con"
        return ClaimAnalysis(
            side=side,
            label=label,
            acceptance="sceptically under grounded",
            acceptance_words="accepted in every reasonable reading of the map",
            strength=score,
            crux=claim_id == the_map.claims[-1].id,
        )

    claims = {}
    for claim in the_map.claims:
        if claim.id in rejected:
            claims[claim.id] = facts(claim.id, 0.0, "out")
        elif claim.id in accepted:
            claims[claim.id] = facts(claim.id, 1.0, "in")
        else:
            claims[claim.id] = facts(claim.id, claim.base_score, "in")
    views = {
        "unanswered": [(c.id, "") for c in the_map.claims if not the_map.attackers(c.id)],
        "cruxes": [(the_map.claims[-1].id, "[flips grounded]")],
        "pivotal": [(c.id, "[0.50]") for c in the_map.claims[:2]],
        "flaws": flaw_view(the_map),
    }
    view = AnalysisView(
        claims=claims,
        views=views,
        sides={cid: f.side for cid, f in claims.items()},
        what_if=bool(accepted or rejected),
    )
    return view, view


def context_for(path: Path = EXAMPLE, *, legend: bool = False, **options: object) -> Context:
    """A test's context: no file watching unless asked, the test's data folder.

    The legend the explorer shows on first start is taken as seen, unless
    `legend` asks for a first start.
    """
    options.setdefault("watch", False)
    context = Context.make(path, **options)  # type: ignore[arg-type]
    if not legend:
        remember_legend_shown(context.data_dir)
    return context


def make_app(
    path: Path = EXAMPLE,
    *,
    run_editor: EditorRunner | None = None,
    analyser: Analyser | None = fake_analyser,
    opening: Opening | None = None,
    **options: object,
) -> ArgmapApp:
    """The app on a map, with the predictable analysis; `options` go to the context."""
    return create_app(
        context_for(path, **options),
        load(path),
        run_editor=run_editor,
        analyser=analyser,
        opening=opening,
    )


def detail_text(app: App[object]) -> str:
    """The plain text the claim panel shows."""
    return app.screen.query_one(ClaimText).text.plain


async def settle(pilot: Pilot[object]) -> None:
    """Wait for the analysis and reload workers and the refreshes they cause."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
    explorer = pilot.app.explorer  # type: ignore[attr-defined]
    for _ in range(50):
        if not explorer.detail_pending:
            break
        await pilot.pause(0.02)


class Host(App[int]):
    """A bare app showing one screen, with the shared stylesheet, so that keys other
    screens add to the explorer app do not change what a test sees (or a snapshot)."""

    CSS_PATH = STYLES / "app.tcss"

    def __init__(self, make_screen: Callable[[], Screen[Any]], theme: str = "textual-dark") -> None:
        super().__init__()
        self._make_screen = make_screen
        self._start_theme = theme

    def on_mount(self) -> None:
        self.theme = self._start_theme
        self.push_screen(self._make_screen())


async def worked(pilot: Pilot[Any]) -> None:
    """Wait for the workers and for the messages they post (the drill screen's saves)."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
