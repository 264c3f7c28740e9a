"""Debate rounds: two debaters play claims from a map, and the map adjudicates.

Plain dataclasses and functions only; the plain mode (`argmap round --plain`)
and the TUI screen both drive the same `Round`.
"""
