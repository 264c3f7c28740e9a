"""argmap: argument maps and debate drills in the terminal.

This package is the headless core. It never imports Textual (a test proves
it), so the command line starts fast and the library can be used anywhere.
"""

__version__ = "0.1.0"
