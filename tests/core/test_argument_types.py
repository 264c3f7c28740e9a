"""The number types commands share: clear refusals, never a traceback."""

from __future__ import annotations

import argparse

import pytest

from argmap.commands.argument_types import positive_int, seconds, seconds_or_zero


def test_positive_int() -> None:
    assert positive_int("3") == 3
    for bad, words in (("0", "at least 1"), ("-2", "at least 1"), ("x", "not a whole number")):
        with pytest.raises(argparse.ArgumentTypeError, match=words):
            positive_int(bad)


@pytest.mark.parametrize("bad", ["0", "-1", "nan", "inf", "soon"])
def test_seconds_must_be_positive_and_finite(bad: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        seconds(bad)


def test_zero_seconds_means_untimed_only_where_allowed() -> None:
    assert seconds("1.5") == 1.5
    assert seconds_or_zero("0") == 0.0
    for bad in ("-1", "nan", "inf"):
        with pytest.raises(argparse.ArgumentTypeError, match="0 \\(untimed\\)"):
            seconds_or_zero(bad)
