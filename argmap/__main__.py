"""`python -m argmap`: the same as the `argmap` command."""

from argmap.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
