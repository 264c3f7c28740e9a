"""Full garbage collections wait for the reader to rest."""

from __future__ import annotations

import gc

from argmap_tui.idle_gc import BACKSTOP_THRESHOLD, IDLE_SECONDS, IdleCollector
from tests.tui.support import EXAMPLE, make_app, settle


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_collects_once_after_input_has_rested() -> None:
    clock = Clock()
    runs: list[float] = []
    collector = IdleCollector(collect=lambda: runs.append(clock.now), clock=clock)
    clock.now += 10
    assert not collector.tick()  # no input since start: nothing to collect
    collector.input_seen()
    clock.now += IDLE_SECONDS / 2
    assert not collector.tick()  # still typing
    collector.input_seen()
    clock.now += IDLE_SECONDS / 2
    assert not collector.tick()
    clock.now += IDLE_SECONDS
    assert collector.tick() and runs == [clock.now]
    clock.now += 5
    assert not collector.tick()  # once per rest
    assert collector.collections == 1


def test_start_and_stop_bracket_the_threshold() -> None:
    before = gc.get_threshold()
    collector = IdleCollector()
    collector.start()
    try:
        assert gc.get_threshold() == (before[0], before[1], BACKSTOP_THRESHOLD)
    finally:
        collector.stop()
    assert gc.get_threshold() == before


async def test_the_app_collects_when_keys_rest_and_restores_python_on_exit() -> None:
    before = gc.get_threshold()
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert gc.get_threshold()[2] == BACKSTOP_THRESHOLD
        start = app.idle_gc.collections
        await pilot.press("down", "down")
        await pilot.pause(IDLE_SECONDS * 3)
        assert app.idle_gc.collections == start + 1
    assert gc.get_threshold() == before
