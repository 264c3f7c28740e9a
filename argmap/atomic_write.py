"""Write an output file the user named: never half a file, never the wrong file.

Every output argmap writes (`export -o`, `import -o`, `round --transcript`,
`class-report -o`, `stats --export`, ...) goes through `write_output`, which
decides by what the path already is (docs/interop.md, "Writing outputs"):

- nothing there: a new file, with the mode the user's umask gives (0644
  under the usual 022), so a teacher can share a map in a class folder;
- a regular file: replaced atomically (written beside it, then renamed), so
  a crash or a kill leaves the old file or the new one, never half of
  either; the old file's permission bits are kept;
- a symbolic link: followed; the file it points to is written by these same
  rules and the link stays a link;
- a character device (/dev/null, /dev/stdout, a terminal) or a FIFO: written
  into, as a shell redirection would; it is never replaced by a file;
- anything else is refused with a message that says why: a regular file with
  other hard links (replacing it would silently split the links), a
  directory, a block device, a socket, a FIFO nobody is reading.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

MAX_LINKS_FOLLOWED = 40


class OutputRefused(OSError):
    """The path exists but is not something argmap will write an output onto."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(errno.EINVAL, reason, str(path))


def _umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _final_target(target: Path) -> Path:
    """Follow symbolic links (relative ones from their own folder) to what they name."""
    seen = 0
    while target.is_symlink():
        seen += 1
        if seen > MAX_LINKS_FOLLOWED:
            raise OutputRefused(target, "too many levels of symbolic links")
        link = Path(os.readlink(target))
        target = link if link.is_absolute() else target.parent / link
    return target


def _write_into(target: Path, payload: bytes, is_fifo: bool) -> None:
    """Write into a device or FIFO that already exists, as `> target` would."""
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0)
    if is_fifo:
        flags |= os.O_NONBLOCK  # no reader: fail at once rather than hang
    try:
        fd = os.open(target, flags)
    except OSError as exc:
        if is_fifo and exc.errno == errno.ENXIO:
            raise OutputRefused(target, "it is a FIFO that no program is reading") from None
        raise
    try:
        if is_fifo:
            os.set_blocking(fd, True)
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _replace(
    target: Path,
    payload: bytes,
    mode: int,
    existing: os.stat_result | None,
) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            if existing is not None and hasattr(os, "fchown"):
                # keep the owner when allowed (root writing a user's file)
                with contextlib.suppress(OSError):
                    os.fchown(handle.fileno(), existing.st_uid, existing.st_gid)
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_output(target: Path | str, data: str | bytes) -> None:
    """Write `data` to the path the user gave, by the rules in the module docstring.

    Raises OSError (OutputRefused for a refusal) whose `strerror` says why,
    for the caller to print after "cannot write PATH: ".
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    final = _final_target(Path(target))
    try:
        existing = os.stat(final)
    except FileNotFoundError:
        existing = None
    kind = existing.st_mode if existing is not None else 0
    if existing is None:
        if not final.parent.is_dir():
            via = f" (where the symbolic link {target} points)" if final != Path(target) else ""
            raise OutputRefused(
                final,
                f"the folder {final.parent} does not exist{via}; create it or choose another path",
            )
        _replace(final, payload, 0o666 & ~_umask(), None)
    elif stat.S_ISREG(kind):
        if existing.st_nlink > 1:
            raise OutputRefused(
                final,
                f"it has {existing.st_nlink - 1} other hard "
                "link(s), which replacing it would cut off; write to "
                "another path, or remove the extra links",
            )
        _replace(final, payload, stat.S_IMODE(kind), existing)
    elif stat.S_ISCHR(kind) or stat.S_ISFIFO(kind):
        _write_into(final, payload, stat.S_ISFIFO(kind))
    elif stat.S_ISDIR(kind):
        raise OutputRefused(final, "it is a folder; give a file name inside it")
    else:
        what = (
            "a block device"
            if stat.S_ISBLK(kind)
            else "a socket"
            if stat.S_ISSOCK(kind)
            else "not a regular file"
        )
        raise OutputRefused(
            final, f"it is {what}; argmap writes only files, character devices and FIFOs"
        )


def write_atomically(target: Path, data: str | bytes) -> None:
    """The former name of `write_output`, kept so every caller gets the same rules."""
    write_output(target, data)
