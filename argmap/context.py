"""What one run of argmap was told: the map file, the data folder, the sources, the look.

The command line makes one `Context` and hands it to whatever it starts (the
app and, through it, every screen). Nothing downstream works these out again:
when the stats screen and the drill setup each called `data_dir()` for
themselves, `argmap drill --data-dir X` showed and saved progress somewhere
else than X.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from argmap.data_dir import data_dir


@dataclass(frozen=True)
class Context:
    """The run's settings, resolved once.

    `map_path` is the file shown (and watched); `data_dir` the folder of the
    progress database, already resolved from `--data-dir`, `$ARGMAP_DATA_DIR`
    or the platform's default; `source_dirs` the folders of the sources' text
    files used to check quotes; `theme` the Textual theme to start in (None:
    the default); `watch` whether the map file is polled for changes; `judge`
    how a debate round is decided (`burden` or `semantics`, as `argmap round
    --judge`), for every round the app opens.
    """

    map_path: Path
    data_dir: Path
    source_dirs: tuple[Path, ...] = ()
    theme: str | None = None
    watch: bool = True
    judge: str = "burden"

    @classmethod
    def make(
        cls,
        map_path: str | Path,
        *,
        data_dir_option: str | Path | None = None,
        source_dirs: Sequence[str | Path] = (),
        theme: str | None = None,
        watch: bool = True,
        judge: str = "burden",
    ) -> Context:
        """The context for these options (`data_dir_option` is the `--data-dir` value)."""
        return cls(
            map_path=Path(map_path),
            data_dir=data_dir(data_dir_option),
            source_dirs=tuple(Path(d) for d in source_dirs),
            theme=theme,
            watch=watch,
            judge=judge,
        )

    @property
    def database(self) -> Path:
        """The progress database in the data folder."""
        from argmap.training.progress import DATABASE_NAME

        return self.data_dir / DATABASE_NAME
