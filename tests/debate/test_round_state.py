"""The round's bookkeeping: turns, sides, the clock rule, the end."""

from __future__ import annotations

import pytest

from argmap.debate.clock import TurnClock
from argmap.debate.round import Round, RoundError, settings_for
from argmap.sides import Side
from tests.debate.small_maps import chain


def test_sides_alternate_from_the_chosen_first_side() -> None:
    rnd = Round(chain(), settings_for(chain(), first=Side.CON, turns=4))
    assert rnd.side_on_turn is Side.CON
    rnd.play(rnd.reply_for("a"))
    assert rnd.side_on_turn is Side.PRO
    assert rnd.played == {"m": Side.PRO, "a": Side.CON}


def test_reply_for_prefers_answering_the_last_move_and_refuses_illegal_claims() -> None:
    m = chain()
    rnd = Round(m, settings_for(m, first=Side.CON))
    rnd.play(rnd.reply_for("a"))
    assert rnd.reply_for("b").relation_id == "rb"
    with pytest.raises(RoundError, match="already been played"):
        rnd.reply_for("a")
    with pytest.raises(RoundError, match="does not answer"):
        rnd.reply_for("c")
    with pytest.raises(RoundError, match="no claim"):
        rnd.reply_for("zzz")


def test_a_move_over_time_is_recorded_but_counts_as_a_pass() -> None:
    m = chain()
    rnd = Round(m, settings_for(m, first=Side.CON, seconds=30))
    turn = rnd.play(rnd.reply_for("a"), seconds=31)
    assert turn.over_time and turn.passed and turn.attempted is not None
    assert "a" not in rnd.played
    on_time = rnd.play(rnd.reply_for("p"), seconds=30)
    assert not on_time.over_time and "p" in rnd.played


def test_the_round_ends_after_its_turns_or_two_passes() -> None:
    m = chain()
    rnd = Round(m, settings_for(m, turns=3))
    rnd.pass_turn()
    assert not rnd.over
    rnd.pass_turn()
    assert rnd.over
    with pytest.raises(RoundError, match="over"):
        rnd.pass_turn()
    full = Round(m, settings_for(m, turns=1))
    full.play(full.reply_for("p"))
    assert full.over


def test_settings_refuse_an_unknown_motion_and_zero_turns() -> None:
    m = chain()
    assert settings_for(m).motion == "m"
    with pytest.raises(RoundError, match="theses: m"):
        settings_for(m, "nope")
    with pytest.raises(RoundError, match="at least one turn"):
        settings_for(m, turns=0)


def test_clock_measures_against_the_limit() -> None:
    now = [100.0]
    clock = TurnClock(limit=10, now=lambda: now[0])
    clock.start()
    now[0] = 107.0
    assert clock.remaining() == pytest.approx(3.0) and not clock.over_time()
    now[0] = 110.5
    assert clock.over_time() and clock.remaining() == 0
    assert clock.stop() == pytest.approx(10.5) and not clock.running
    assert TurnClock().remaining() is None
