"""How every command finds and loads the map it was given.

One place decides what "no path" means (the bundled map) and how a map that
fails to load is reported, so all commands behave alike on bad input: a map
that `argmap check` finds errors in is refused by every command, with the
same diagnostics, so no analysis, export or drill is ever built on a
duplicate id or a dangling relation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from argmap.bundled import bundled_maps, default_map_path, resolve_map_path
from argmap.commands.errors import CommandError, ExitCode, UsageError
from argmap.diagnostics import Diagnostic, render_text
from argmap.model import Map


@dataclass
class OpenedMap:
    map: Map | None
    diagnostics: list[Diagnostic]
    exit_code: ExitCode


def map_path(name: str | None) -> Path:
    return default_map_path() if name is None else resolve_map_path(name)


def missing_map_hint() -> str:
    """What to say when a map name is neither a file nor a bundled map."""
    names = ", ".join(p.stem for p in bundled_maps())
    return f"check the path; the bundled maps are: {names}" if names else "check the path"


def map_diagnostics(
    path: Path, source_dirs: Sequence[str | Path] = (), notes: bool = False, grading: bool = False
) -> tuple[Map | None, list[Diagnostic]]:
    """Load and check a map: what `argmap check` reports, in file order
    (the authoring notes only with `notes`, the model answers graded only with
    `grading`).

    Loading problems and checker findings are one sorted list, so every
    command shows a map's problems the same way, line by line.
    """
    from argmap.checking import check_map
    from argmap.diagnostics import sort_key
    from argmap.loading import load_map

    if not path.exists() and not path.is_symlink():
        from argmap.diagnostics import Severity

        return None, [
            Diagnostic(
                str(path),
                0,
                0,
                Severity.ERROR,
                "E000",
                "no such file (and no bundled map of that name)",
                missing_map_hint(),
            )
        ]
    result = load_map(path)
    found = list(result.diagnostics)
    if result.map is not None and not any(d.code == "E000" for d in found):
        found += check_map(result.map, source_dirs, notes=notes, grading=grading)
    return result.map, sorted(found, key=sort_key)


def open_map(name: str | None, source_dirs: Sequence[str | Path] = ()) -> OpenedMap:
    """Load and check a map; `exit_code` is non-zero when it cannot be used."""
    the_map, found = map_diagnostics(map_path(name), source_dirs)
    errors = [d for d in found if d.is_error]
    if any(d.code == "E000" for d in errors):
        return OpenedMap(None, found, ExitCode.UNREADABLE)
    if the_map is None or errors:
        return OpenedMap(the_map, found, ExitCode.INVALID)
    return OpenedMap(the_map, found, ExitCode.OK)


def load_usable_map(name: str | None, source_dirs: Sequence[str | Path] = ()) -> Map:
    """The loaded map; `CommandError` (with its errors, as `check` lists them) if unusable.

    Exit 2 when the file cannot be read, 1 when the map has errors.
    """
    opened = open_map(name, source_dirs)
    if opened.exit_code or opened.map is None:
        errors = [d for d in opened.diagnostics if d.is_error]
        details = render_text(errors)
        if opened.exit_code == ExitCode.UNREADABLE:
            raise CommandError(ExitCode.UNREADABLE, "cannot open the map", details=details)
        count = f"{len(errors)} error{'s' if len(errors) != 1 else ''}"
        raise CommandError(
            ExitCode.INVALID,
            f"the map has {count} (listed above, as 'argmap check' "
            "reports them); fix them and run the command again",
            details=details,
        )
    return opened.map


def require_source_dirs(dirs: Sequence[str]) -> None:
    """Refuse a `--sources` folder that is not there: it would check no quote at all."""
    for folder in dirs:
        if not Path(folder).is_dir():
            what = "is not a folder" if Path(folder).exists() else "does not exist"
            raise UsageError(
                f"--sources {folder!r} {what}; give the folder that holds the sources' text files"
            )
