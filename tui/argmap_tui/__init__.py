"""The Textual front end of argmap. Only this package imports Textual."""
