"""The crux drill asks the app's analysis service (the explorer's) for its cruxes: the
question comes from it, the screen stays usable while it works, a failure is said."""

from __future__ import annotations

import pickle
import threading
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path
from typing import Any

from textual.widgets import Static

from argmap.analysis.cruxes import Crux
from argmap.loading import load_map
from argmap.model import Map
from argmap.training.drills import in_process_cruxes
from argmap.training.questions import DrillKind
from argmap.training.session import SessionOptions
from argmap.view_model import AnalysisView, analyse
from argmap_tui.analysis_process import AnalysisCruxes, ProcessAnalyser
from argmap_tui.app import ArgmapApp
from argmap_tui.screens.drill import FINDING_CRUXES, DrillScreen, drill_app
from argmap_tui.screens.explore import ExploreScreen
from argmap_tui.widgets.question import QuestionView
from tests.tui.support import context_for, fake_analyser, worked

DRILL_MAP = Path(__file__).resolve().parents[1] / "training" / "data" / "drill-map.yaml"
# The service's answer differs from the real search (which finds `one-story`), so a
# question graded by it can only have come from the service.
SERVICE_CRUXES = {"ban": (Crux("students-consent", True, False, -0.25),)}


def load(path: Path) -> Map:
    result = load_map(path)
    assert result.map is not None
    return result.map


class Service:
    """The fake analyser of the explorer tests, with cruxes; it records who asked, and
    can hold (or fail) the drill session's requests."""

    def __init__(self, hold: bool = False, fail: bool = False) -> None:
        self.calls: list[tuple[str, Map, bool]] = []  # thread, map, what-if asked
        self.release = threading.Event()
        if not hold:
            self.release.set()
        self.fail = fail

    def __call__(
        self,
        the_map: Map,
        accepted: Collection[str],
        rejected: Collection[str],
        base: AnalysisView | None,
    ) -> tuple[AnalysisView, AnalysisView]:
        thread = threading.current_thread().name
        self.calls.append((thread, the_map, bool(accepted or rejected)))
        if thread.startswith("drill-session"):
            self.release.wait(10)
            if self.fail:
                raise RuntimeError("the analysis process stopped")
        base_view, shown = fake_analyser(the_map, accepted, rejected, base)
        return replace(base_view, cruxes=SERVICE_CRUXES), replace(shown, cruxes=SERVICE_CRUXES)

    def drill_calls(self) -> list[tuple[str, Map, bool]]:
        return [c for c in self.calls if c[0].startswith("drill-session")]


def make(service: Service, **options: Any) -> ArgmapApp:
    """The app opened on the drills, as `argmap drill` opens it, with `service` as its
    analyser (so the explorer and the drills share it)."""
    return drill_app(
        context_for(DRILL_MAP), load(DRILL_MAP), SessionOptions(**options), analyser=service
    )


def status(screen: DrillScreen) -> str:
    return str(screen.query_one("#drill-status", Static).render())


async def test_the_crux_question_comes_from_the_apps_analyser() -> None:
    service = Service()
    app = make(service, mode="crux", seed=0)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await worked(pilot)
        screen = app.screen
        assert isinstance(screen, DrillScreen)
        question = screen.query_one(QuestionView).question
        assert question.drill is DrillKind.CRUX
        assert [o.claim_id for o in question.options if o.correct] == ["students-consent"]
        assert "flip" in question.prompt
        # Asked from the session's thread, of the map on screen, for the map as written.
        assert service.drill_calls() == [(service.drill_calls()[0][0], app.map, False)]
        # The explorer asked the same service.
        assert any(not c[0].startswith("drill-session") for c in service.calls)


async def test_the_screen_says_it_is_finding_the_cruxes_and_stays_usable() -> None:
    service = Service(hold=True)
    app = make(service, mode="crux", seed=0)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        try:
            for _ in range(200):  # up to 10 s on a loaded machine
                await pilot.pause(0.05)
                screen = app.screen
                if isinstance(screen, DrillScreen) and screen.query("#finding-cruxes"):
                    break
            screen = app.screen
            assert isinstance(screen, DrillScreen)
            assert FINDING_CRUXES in status(screen)
            assert "Finding the cruxes" in str(screen.query_one("#finding-cruxes").render())
            assert not screen.query(QuestionView)
            await pilot.press("escape")  # keys still work: back to the explorer
            await pilot.pause()
            assert isinstance(app.screen, ExploreScreen)
            await pilot.press("d")  # and back to the drills, still waiting
            await pilot.pause()
            assert app.screen is screen and not screen.query(QuestionView)
        finally:
            service.release.set()
        await worked(pilot)
        assert screen.query(QuestionView) and not screen.query("#finding-cruxes")
        assert FINDING_CRUXES not in status(screen)


async def test_a_failing_service_leaves_the_crux_card_out_and_says_so() -> None:
    service = Service(fail=True)
    app = make(service, mode="mixed", seed=96, count=3)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await worked(pilot)
        screen = app.screen
        assert isinstance(screen, DrillScreen) and screen.session is not None
        assert [c.drill for c in screen.session.plan] == ["source", "crux", "rebut"]
        first = screen.query_one(QuestionView).question
        await pilot.press("enter")  # skip it
        await worked(pilot)
        await pilot.press("n")  # the crux card: the service fails, the next card is shown
        await worked(pilot)
        assert service.drill_calls()  # the crux card was asked of the service
        messages = [str(n.message) for n in app._notifications]
        assert (
            "A crux question was left out: the analysis of the map failed "
            "(the analysis process stopped)"
        ) in messages
        shown = screen.query_one(QuestionView).question
        assert shown is not first and shown.drill is DrillKind.REBUT
        assert FINDING_CRUXES not in status(screen) and screen.waiting is None


async def test_a_crux_only_session_on_a_failing_service_ends_with_the_reason() -> None:
    app = make(Service(fail=True), mode="crux", seed=0)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await worked(pilot)
        screen = app.screen
        assert isinstance(screen, DrillScreen) and screen.finished
        assert "Session over: 0 answered" in str(screen.query_one("#summary").render())
        assert any("crux question was left out" in str(n.message) for n in app._notifications)


def test_the_service_gives_the_drill_the_analysis_it_already_made() -> None:
    """After the explorer's analysis the drill's request is answered from it (the same
    object, not a new reply from the child), with the cruxes the drill's own search finds."""
    the_map = load(DRILL_MAP)
    analyser = ProcessAnalyser()
    try:
        base, _ = analyser(the_map, (), (), None)  # the explorer's request
        again, _ = analyser(the_map, (), (), None)
        assert again is base
        assert AnalysisCruxes(analyser)(the_map, "ban") == in_process_cruxes(the_map, "ban")
        kept, shown = analyser(the_map, (), ("one-story",), base)  # a what-if: the child
        assert shown.what_if and kept == base  # sends its base along, which is kept
        assert analyser(the_map, (), (), None)[0] is kept
    finally:
        analyser.close()


def test_a_service_whose_analysis_is_unavailable_is_a_clear_failure() -> None:
    from argmap.training.drills import CruxesUnavailable
    from argmap.view_model import unavailable

    the_map = load(DRILL_MAP)

    def down(*_: object) -> tuple[AnalysisView, AnalysisView]:
        view = unavailable(the_map)
        return view, view

    try:
        AnalysisCruxes(down)(the_map, "ban")
    except CruxesUnavailable as exc:
        assert "not available" in str(exc)
    else:
        raise AssertionError("no CruxesUnavailable")


def test_the_analysis_carries_the_drills_cruxes_through_a_pickle() -> None:
    """The service's view holds the cruxes the drill would search for itself (one rule),
    and keeps them when it comes back from the child process pickled."""
    the_map = load(DRILL_MAP)
    base, _ = analyse(the_map)
    assert base.cruxes["ban"]  # the map has cruxes, so the comparison means something
    assert tuple(base.cruxes["ban"]) == in_process_cruxes(the_map, "ban")
    back = pickle.loads(pickle.dumps(base))
    assert back.cruxes["ban"] == in_process_cruxes(the_map, "ban")
    assert back == base


SLOW = (  # a map the child takes seconds over: a chain of 5,000 attacks
    "map: {id: c, title: C, theses: [c0]}\nclaims:\n"
    + "".join(f"  - {{id: c{i}, text: c{i}, kind: value}}\n" for i in range(5000))
    + "relations:\n"
    + "".join(f"  - {{type: attack, from: c{i}, to: c{i - 1}}}\n" for i in range(1, 5000))
)


def slow_map() -> Map:
    the_map = load(DRILL_MAP)
    object.__setattr__(the_map, "source_text", SLOW)
    return the_map


def ask_in_thread(analyser: ProcessAnalyser, the_map: Map, errors: list[str]) -> threading.Thread:
    def ask() -> None:
        try:
            analyser(the_map, (), (), None)
        except RuntimeError as exc:
            errors.append(str(exc))

    thread = threading.Thread(target=ask)
    thread.start()
    return thread


def test_closing_the_service_ends_a_drill_request_waiting_behind_the_explorers() -> None:
    """At quit the explorer closes the service: a drill request queued behind the
    explorer's must end too, not start a child of its own and hold the exit up."""
    import time

    the_map = slow_map()
    analyser = ProcessAnalyser()
    errors: list[str] = []
    explorer = ask_in_thread(analyser, the_map, errors)
    time.sleep(0.3)
    drill = ask_in_thread(analyser, the_map, errors)
    time.sleep(0.2)
    assert explorer.is_alive() and drill.is_alive()
    started = time.perf_counter()
    analyser.close()
    explorer.join(timeout=5)
    drill.join(timeout=5)
    assert not explorer.is_alive() and not drill.is_alive()
    assert time.perf_counter() - started < 3
    assert len(errors) == 2 and "stopped" in errors[1]
    assert analyser._process is None  # no child was started after the close


def test_a_drill_on_the_map_before_a_reload_leaves_the_new_analysis_alone() -> None:
    import time

    old = slow_map()
    new = load(DRILL_MAP)
    analyser = ProcessAnalyser()
    try:
        errors: list[str] = []
        thread = ask_in_thread(analyser, old, errors)  # the old map, never finished
        time.sleep(0.3)
        base, _ = analyser(new, (), (), None)  # the reload: the explorer asks for the new map
        thread.join(timeout=5)
        child = analyser._process
        try:
            analyser(old, (), (), None)  # a drill still on the old map
        except RuntimeError as exc:
            assert "reloaded" in str(exc)
        else:
            raise AssertionError("the old map was analysed again")
        assert analyser._process is child and child is not None and child.poll() is None
        assert analyser(new, (), (), None)[0] is base
    finally:
        analyser.close()


async def test_with_the_real_service_the_drill_gets_the_analysis_cruxes() -> None:
    """End to end: the app's own ProcessAnalyser (a child process) grades the crux card."""
    app = drill_app(context_for(DRILL_MAP), load(DRILL_MAP), SessionOptions(mode="crux", seed=0))
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        screen = app.screen
        for _ in range(400):  # the child starts and analyses: up to 20 s on a loaded machine
            await pilot.pause(0.05)
            screen = app.screen
            if isinstance(screen, DrillScreen) and (screen.query(QuestionView) or screen.finished):
                break
        assert isinstance(screen, DrillScreen) and isinstance(app.analyser, ProcessAnalyser)
        question = screen.query_one(QuestionView).question
        flippers = {c.claim for c in in_process_cruxes(app.map, "ban") if c.flips_grounded}
        assert [o.claim_id for o in question.options if o.correct][0] in flippers
