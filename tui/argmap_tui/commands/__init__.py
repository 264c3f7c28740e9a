"""The commands that open the terminal UI, found by `argmap.cli` through entry points."""
