"""One module per `argmap` subcommand.

Each module has `register(subparsers)`, which adds its parser and sets
`func`, and keeps heavy imports inside the function that runs the command,
so that `argmap check` never pays for networkx or Textual.
"""
