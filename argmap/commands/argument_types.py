"""Argument types shared by commands, so each refuses bad numbers the same way."""

from __future__ import annotations

import argparse
import math


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def seconds(text: str, *, zero_allowed: bool = False) -> float:
    """A finite number of seconds; `zero_allowed` when 0 means "no clock"."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not math.isfinite(value) or value < 0 or (value == 0 and not zero_allowed):
        raise argparse.ArgumentTypeError(
            "must be 0 (untimed) or a positive number of seconds"
            if zero_allowed
            else "must be more than 0 seconds"
        )
    return value


def seconds_or_zero(text: str) -> float:
    return seconds(text, zero_allowed=True)
