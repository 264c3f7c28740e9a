"""Read abstract argumentation frameworks in the three ICCMA forms.

- ICCMA 2023 (`.af`, `.i23`): a header `p af N`, then one attack `i j` per
  line; arguments are 1..N; lines starting with `#` are comments.
- ASPARTIX (`.apx`): facts `arg(a).` and `att(a,b).`; `%` starts a comment.
- Trivial Graph Format (`.tgf`): one argument id per line, a line `#`, then
  one attack `a b` per line.

The form comes from the extension, else from the content. Only the standard
library is imported, and a well-formed ICCMA 2023 file takes a fast path
(one regular expression over the whole body, no per-line Python code), so
reading is not what makes `argmap analyze big.af --semantics grounded` slow.
Malformed content raises `FrameworkFormatError` naming file, line and column.
"""

from __future__ import annotations

import os
import re

from argmap.analysis.semantics import Framework
from argmap.input_file import read_input
from argmap.limits import ARGUMENTS

FORMS = ("i23", "apx", "tgf")
_EXTENSIONS = {".af": "i23", ".i23": "i23", ".apx": "apx", ".tgf": "tgf"}


class FrameworkFormatError(Exception):
    def __init__(self, path: str, line: int, col: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{col}: {message}")
        self.path, self.line, self.col, self.message = path, line, col, message


def read_framework(path: str | os.PathLike[str], form: str | None = None) -> Framework:
    """Read a file; OSError and UnicodeDecodeError pass through (unreadable)."""
    # Not pathlib: its import is a visible part of the grounded path.
    text = read_input(path).decode("utf-8")
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    return parse_framework(text, os.fspath(path), form or _EXTENSIONS.get(suffix))


def detect_form(text: str) -> str:
    """Guess the form from the first line that says something."""
    for line in text.split("\n"):  # not splitlines: NEL, FF, VT end no line here
        stripped = line.strip()
        if not stripped or stripped.startswith("%"):
            continue
        if stripped.startswith("p ") or stripped.startswith("p\t"):
            return "i23"
        if stripped.startswith(("arg(", "att(", "arg (", "att (")):
            return "apx"
        if stripped.startswith("#") and stripped != "#":
            continue  # an ICCMA 2023 comment
        return "tgf"
    return "tgf"


def parse_framework(text: str, path: str = "<string>", form: str | None = None) -> Framework:
    form = form or detect_form(text)
    if form == "i23":
        return _parse_i23(text, path)
    if form == "apx":
        return _parse_apx(text, path)
    if form == "tgf":
        return _parse_tgf(text, path)
    raise ValueError(f"unknown framework form {form!r}; choose from {', '.join(FORMS)}")


# --------------------------------------------------------------------------- ICCMA 2023

_HEADER = re.compile(r"[ \t]*p[ \t]+af[ \t]+(\d+)[ \t]*\r?")
_BODY = re.compile(
    r"(?:[ \t]*\d+[ \t]+\d+[ \t]*\r?\n|[ \t]*\r?\n)*"
    r"(?:[ \t]*\d+[ \t]+\d+[ \t]*\r?)?"
)


def _parse_i23(text: str, path: str) -> Framework:
    pos = 0
    lineno = 0
    n = -1
    while pos <= len(text):
        end = text.find("\n", pos)
        if end < 0:
            end = len(text)
        line = text[pos:end]
        lineno += 1
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            match = _HEADER.fullmatch(line)
            if match is None:
                col = len(line) - len(line.lstrip()) + 1
                raise FrameworkFormatError(
                    path,
                    lineno,
                    col,
                    "expected the header 'p af N' (N arguments) before any attack",
                )
            digits = match.group(1)
            pos = end + 1
            n = _declared(text[pos:], digits, path, lineno, match.start(1) + 1)
            break
        pos = end + 1
    if n < 0:
        raise FrameworkFormatError(
            path, max(lineno, 1), 1, "no 'p af N' header: is this an ICCMA 2023 file?"
        )
    body = text[pos:]
    names = [str(i) for i in range(1, n + 1)]
    if "#" not in body and _BODY.fullmatch(body):
        try:
            nums = list(map(int, body.split()))
        except ValueError:  # a number of thousands of digits: the slow path says where
            nums = [0]
        if not nums or (min(nums) >= 1 and max(nums) <= n):
            src = nums[0::2]
            dst = nums[1::2]
            return Framework.from_indices(names, map((-1).__add__, src), map((-1).__add__, dst))
    return _slow_i23(body, path, lineno, n, names)


def _declared(body: str, digits: str, path: str, line: int, col: int) -> int:
    """The N of `p af N`, refused when the file could never name that many.

    Arguments 1..N are built whether or not an attack names them, so a
    20-byte `p af 100000000` would cost gigabytes. Each argument an attack
    line names takes at least one digit, so N may be at most the number of
    non-blank characters after the header, or `argmap.limits.ARGUMENTS`
    (for isolated arguments), whichever is larger.
    """
    blanks = body.count(" ") + body.count("\n") + body.count("\t") + body.count("\r")
    allowed = max(ARGUMENTS.value, len(body) - blanks)
    if len(digits) > len(str(allowed)) or int(digits) > allowed:
        shown = digits if len(digits) <= 20 else f"{digits[:8]}... ({len(digits)} digits)"
        raise FrameworkFormatError(
            path,
            line,
            col,
            f"'p af {shown}' declares more arguments than argmap builds "
            f"for this file ({allowed:,}: its attack lines name fewer); "
            f"check the header, or {ARGUMENTS.hint()}",
        )
    return int(digits)


def _slow_i23(body: str, path: str, header_line: int, n: int, names: list[str]) -> Framework:
    """Line by line, to say exactly where the first problem is."""
    src: list[int] = []
    dst: list[int] = []
    for k, line in enumerate(body.split("\n")):
        lineno = header_line + 1 + k
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        col = len(line) - len(line.lstrip()) + 1
        parts = stripped.split()
        if len(parts) != 2:
            raise FrameworkFormatError(
                path,
                lineno,
                col,
                f"expected an attack 'i j' (two argument numbers), got {stripped[:40]!r}",
            )
        for part in parts:
            at = line.index(part, col - 1) + 1
            if not part.isdigit():
                raise FrameworkFormatError(
                    path, lineno, at, f"{part[:20]!r} is not an argument number"
                )
            if len(part) > len(str(n)) or not 1 <= int(part) <= n:
                raise FrameworkFormatError(
                    path,
                    lineno,
                    at,
                    f"argument {part[:20]} is outside 1..{n} declared by 'p af {n}'",
                )
            col = at + len(part)
        src.append(int(parts[0]) - 1)
        dst.append(int(parts[1]) - 1)
    return Framework.from_indices(names, src, dst)


# --------------------------------------------------------------------------- ASPARTIX

_FACT = re.compile(r"\s*(arg|att)\s*\(\s*([^\s,()]+)\s*(?:,\s*([^\s,()]+)\s*)?\)\s*\.")


def _parse_apx(text: str, path: str) -> Framework:
    names: dict[str, None] = {}
    attacks: list[tuple[str, str, int, int, int]] = []
    for lineno, raw in enumerate(text.split("\n"), start=1):
        line = raw.split("%", 1)[0]
        pos = 0
        while line[pos:].strip():
            match = _FACT.match(line, pos)
            if match is None:
                col = pos + len(line[pos:]) - len(line[pos:].lstrip()) + 1
                raise FrameworkFormatError(path, lineno, col, "expected 'arg(a).' or 'att(a,b).'")
            kind, first, second = match.groups()
            if kind == "arg":
                if second is not None:
                    raise FrameworkFormatError(
                        path, lineno, match.start(3) + 1, "arg(...) takes one argument id"
                    )
                names.setdefault(first, None)
            else:
                if second is None:
                    raise FrameworkFormatError(
                        path,
                        lineno,
                        match.start(1) + 1,
                        "att(...) takes two argument ids: att(a,b).",
                    )
                attacks.append((first, second, lineno, match.start(2) + 1, match.start(3) + 1))
            pos = match.end()
    for a, b, lineno, col_a, col_b in attacks:
        for arg, col in ((a, col_a), (b, col_b)):
            if arg not in names:
                raise FrameworkFormatError(
                    path, lineno, col, f"attack names {arg!r}, which no arg({arg}). declares"
                )
    return Framework.from_attacks(names, ((a, b) for a, b, *_ in attacks))


# --------------------------------------------------------------------------- TGF


def _parse_tgf(text: str, path: str) -> Framework:
    names: dict[str, None] = {}
    attacks: list[tuple[str, str]] = []
    in_edges = False
    for lineno, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        col = len(line) - len(line.lstrip()) + 1
        if stripped == "#":
            if in_edges:
                raise FrameworkFormatError(path, lineno, col, "a second '#' separator")
            in_edges = True
            continue
        parts = stripped.split()
        if not in_edges:
            names.setdefault(parts[0], None)
            continue
        if len(parts) < 2:
            raise FrameworkFormatError(
                path, lineno, col, "expected an attack 'a b' after the '#' line"
            )
        for part in parts[:2]:
            if part not in names:
                raise FrameworkFormatError(
                    path,
                    lineno,
                    line.index(part) + 1,
                    f"attack names {part!r}, which is not listed before the '#' line",
                )
        attacks.append((parts[0], parts[1]))
    return Framework.from_attacks(names, attacks)
