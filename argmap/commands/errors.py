"""The exit codes of every `argmap` command, and the one error a command raises.

A command that cannot do its work raises `CommandError(code, message)`;
`argmap.cli.main` catches it once, prints `argmap: MESSAGE` (and the hint,
if any) to standard error and exits with `code`. No command prints its own
error and returns a number, and none calls `sys.exit`
(tests/core/test_command_errors.py keeps it so).

One set of codes, by meaning (README and docs/*.md give them per command):

- 0 `OK`: done (warnings allowed).
- 1 `FINDINGS`: the command ran and found problems: `check` found errors,
  `grade` skipped rows. `INVALID` (also 1): the input was read but cannot be
  used: a map with errors, a malformed import or ICCMA file, a progress
  database that is damaged or not argmap's, no usable progress file.
- 2 `UNREADABLE`: an input cannot be read (missing, a folder, not UTF-8,
  over the size limit); `USAGE`: a wrong command line; `REFUSED_OUTPUT`: an
  output file cannot be written (its folder does not exist, it exists
  without `--force`, the disk refuses it); `UNAVAILABLE`: something outside
  argmap is missing (textual-serve, Graphviz, a free port).
- 130: interrupted (Ctrl+C).

`grade` is the one exception to "a map with errors is 1": its published
contract gives 1 to skipped rows, so a map it cannot use is 2 there.
"""

from __future__ import annotations

from enum import IntEnum

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: the grounded path loads neither
if TYPE_CHECKING:
    from pathlib import Path


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    INVALID = 1
    UNREADABLE = 2
    USAGE = 2
    REFUSED_OUTPUT = 2
    UNAVAILABLE = 2
    INTERRUPTED = 130


class CommandError(Exception):
    """A command cannot go on: `main` prints `argmap: message` and exits with `code`.

    `message` is printed after `argmap: ` as it is (most begin with
    `error: `); `hint`, when given, on the next line as `  hint: ...`.
    `details` (the diagnostics that explain the error, say) are printed
    before it, as they are.
    """

    def __init__(
        self, code: ExitCode, message: str, hint: str | None = None, *, details: str = ""
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint
        self.details = details

    def with_code(self, code: ExitCode) -> CommandError:
        """The same error, exiting with another code."""
        return CommandError(code, self.message, self.hint, details=self.details)

    def render(self) -> str:
        """What `main` writes to standard error, ending in a newline."""
        lines = [self.details.rstrip("\n")] if self.details else []
        lines.append(f"argmap: {self.message}")
        if self.hint:
            lines.append(f"  hint: {self.hint}")
        return "\n".join(lines) + "\n"


def write_or_refuse(target: Path, data: str | bytes, cannot: str) -> None:
    """Write an output file atomically; a refusal is `argmap: {cannot}: why`, exit 2.

    One rule for every command's `-o`, `--export`, `--transcript`.
    """
    from argmap.atomic_write import write_atomically

    try:
        write_atomically(target, data)
    except OSError as exc:
        raise CommandError(ExitCode.REFUSED_OUTPUT, f"{cannot}: {exc.strerror or exc}") from None


class UsageError(CommandError):
    """A wrong command line: `argmap: error: MESSAGE`, exit 2."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(ExitCode.USAGE, f"error: {message}", hint)
