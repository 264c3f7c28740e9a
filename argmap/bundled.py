"""Where the maps shipped with argmap live, installed or in a checkout.

In a wheel the top-level `arguments/` folder is installed as
`argmap/arguments`; in a source checkout (or an editable install) it sits
beside the package. Both are looked up here and nowhere else.
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_MAP = "face-at-the-door.yaml"
EXAMPLE_MAP = "example-smart-locks.yaml"


def bundled_maps_dir() -> Path:
    package = Path(__file__).resolve().parent
    installed = package / "arguments"
    if installed.is_dir():
        return installed
    return package.parent / "arguments"


def bundled_maps() -> list[Path]:
    return sorted(bundled_maps_dir().glob("*.yaml"))


def default_map_path() -> Path:
    """The map `argmap` opens and checks when given no path."""
    folder = bundled_maps_dir()
    main = folder / DEFAULT_MAP
    return main if main.is_file() else folder / EXAMPLE_MAP


def resolve_map_path(name: str) -> Path:
    """A path as given, or the name of a bundled map (with or without .yaml)."""
    path = Path(name)
    if path.exists() or path.suffix and len(path.parts) > 1:
        return path
    for candidate in (bundled_maps_dir() / name, bundled_maps_dir() / f"{name}.yaml"):
        if candidate.is_file():
            return candidate
    return path


# Where `editable_copy` puts the user's copies of bundled maps, inside the data folder.
COPIES_FOLDER = "maps"


def is_bundled(path: Path) -> bool:
    """Whether `path` is one of the maps shipped with argmap (edits there are lost on reinstall)."""
    try:
        return path.resolve().parent == bundled_maps_dir().resolve()
    except OSError:
        return False


def editable_copy(path: Path, data_dir: Path) -> tuple[Path, bool]:
    """A copy of the bundled map `path` the user can edit: (its path, made just now).

    The copy lives in `data_dir/maps/` under the map's file name. An existing
    copy is the user's work and is never overwritten: it is returned as it is.
    Raises OSError when the folder or the copy cannot be written.
    """
    from argmap.atomic_write import write_output

    target = data_dir / COPIES_FOLDER / path.name
    if target.exists():
        return target, False
    target.parent.mkdir(parents=True, exist_ok=True)
    write_output(target, path.read_bytes())
    return target, True
