"""Kept only for `argmap.grading.batch`, which imports `sides` from here: the rule is
`argmap.sides`. Import from there; this re-export goes when batch.py does."""

from argmap.sides import Side, same_side, sides

__all__ = ["Side", "same_side", "sides"]
