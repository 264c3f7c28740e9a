"""The debate trainer: drills generated from a map, graded, scheduled and remembered.

No Textual here: the plain mode, the CLI and the TUI screens all drive the
same `DrillSession`.
"""
