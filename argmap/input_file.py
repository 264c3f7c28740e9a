"""Read an input file whole, refusing what could never end or never fit.

`argmap check /dev/zero` used to read forever, and a FIFO blocks the open
itself. Every file argmap reads as input (maps, imports, frameworks, source
texts) comes through `read_input`: only a regular file is read, and only up
to the documented size limit (`argmap.limits.FILE_MB`). Only `os` and
`stat` are imported, so the fast grounded path of `argmap analyze` can use
it too.
"""

from __future__ import annotations

import os
import stat

from argmap.limits import FILE_MB


class InputRefused(OSError):
    """A path that is not a regular file, or one past the size limit.

    An `OSError`, so every caller that already reports an unreadable file
    reports this one the same way; `strerror` holds the whole explanation.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.strerror = message


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_input(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a regular file no bigger than the limit; else `InputRefused`.

    Opened without blocking (a FIFO would otherwise wait for a writer), then
    checked with `fstat` on the open file, so nothing can be swapped in
    between the check and the read. The read itself stops one byte past the
    limit, for files whose size the system does not know (/proc).
    """
    limit = FILE_MB.value * 1024 * 1024
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputRefused(
                f"it is {_kind(info.st_mode)}, not a regular file; argmap reads only regular files"
            )
        if info.st_size > limit:
            raise InputRefused(_too_big(info.st_size))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 24, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise InputRefused(_too_big(total, at_least=True))
        return b"".join(chunks)
    finally:
        os.close(fd)


def _too_big(size: int, at_least: bool = False) -> str:
    mb = size / (1024 * 1024)
    return (
        f"it is {'more than ' if at_least else ''}{mb:,.1f} MB, over the limit of "
        f"{FILE_MB.value:,} MB; {FILE_MB.hint()} (in MB)"
    )
