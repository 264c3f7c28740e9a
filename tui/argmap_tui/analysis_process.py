"""The analysis in a child process, so it can be stopped and never blocks the screen.

The analysis of a big map can run for minutes. In a worker thread it would
hold the interpreter lock (every keypress waits for it) and could not be
stopped: quitting would hang until it finished, because Python joins worker
threads at exit. A child process (a plain `python -m argmap_tui.analysis_process`
talking pickle over its stdin and stdout) runs on the other core, is killed
on quit or when the map is reloaded, and keeps the prepared map between
what-if questions, so each what-if costs one `what_if` call.

The child is sent the text the parent parsed (`Map.source_text`), not the
file's name, so it analyses the version on screen even if the file has
changed since. The text rather than the pickled `Map`: pickling a
10,000-claim map holds the parent's interpreter lock for 0.4 s, while the
text costs the parent nothing and the child parses it on the other core.
The child imports only the core (`argmap.view_model`), never Textual.

The app makes one `ProcessAnalyser` and shares it: the explorer asks it for
labels, the drill screen for the cruxes (`AnalysisCruxes`, the crux drill's
`CruxSource`), which the analysis already contains. So the crux search runs
once per map, in the child, and not in the UI process; a drill that comes
after the explorer's analysis gets the result it kept.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import threading
import weakref
from collections.abc import Callable, Collection
from typing import IO, TYPE_CHECKING

from argmap.model import Map
from argmap.view_model import Analyser, AnalysisView, analyse

if TYPE_CHECKING:
    from argmap.analysis.cruxes import Crux


def serve(requests: IO[bytes], replies: IO[bytes]) -> None:
    """The child's loop: first the pickled (path, text) of the map, then pickled
    (accepted, rejected) requests, each answered with pickled ("ok", base, shown)."""
    from argmap.loading import load_map_text

    try:
        path, text = pickle.load(requests)
    except (EOFError, OSError):
        return
    loaded = load_map_text(text, path)
    base: AnalysisView | None = None
    while True:
        try:
            accepted, rejected = pickle.load(requests)
        except (EOFError, OSError):
            return
        try:
            if loaded.map is None:
                raise ValueError(f"cannot parse {path} for the analysis")
            base, shown = analyse(loaded.map, accepted, rejected, base)
            reply: tuple[object, ...] = ("ok", base, shown)
        except Exception as exc:  # noqa: BLE001 - reported to the parent, which shows it
            reply = ("error", f"{type(exc).__name__}: {exc}")
        pickle.dump(reply, replies)
        replies.flush()


class ProcessAnalyser:
    """An `Analyser` that runs `argmap.view_model.analyse` in a child process per map.

    Called from worker threads; requests are served one at a time. Maps that
    were not parsed from text (built in code) are analysed in the calling thread.
    The base analyses of the last maps are kept (weakly): asked again for one
    (no what-if marks), it answers at once, even while another request runs.
    A request for a map a reload has replaced, if not kept, ends with an
    error instead of stopping the child analysing the new one (a drill may
    still be on the old map). A request that waited while `close` stopped the
    child ends with an error rather than start another: at quit, a drill
    waiting for its cruxes must not hold the exit up for a whole analysis.
    """

    KEPT = 2  # the map shown and the one before it (a drill may still be on it)

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._map: Map | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._known: tuple[tuple[weakref.ref[Map], AnalysisView], ...] = ()  # newest first
        self._closes = 0  # how many times `close` has stopped a child
        self._replaced: tuple[weakref.ref[Map], ...] = ()  # maps a reload replaced, newest first

    def __call__(
        self,
        the_map: Map,
        accepted: Collection[str],
        rejected: Collection[str],
        base: AnalysisView | None,
    ) -> tuple[AnalysisView, AnalysisView]:
        if the_map.source_text is None:
            return analyse(the_map, accepted, rejected, base)
        if not accepted and not rejected and (known := self.known(the_map)) is not None:
            return known, known
        if any(ref() is the_map for ref in self._replaced):
            raise RuntimeError("the map has been reloaded since; its analysis was stopped")
        if the_map is not self._map:
            # A new map (a reload): stop the old child now, so a request still
            # waiting on it ends at once instead of holding the lock.
            if self._map is not None:
                self._replaced = (weakref.ref(self._map), *self._replaced)[: self.KEPT]
            self.close()
        closes = self._closes
        with self._lock:
            if not accepted and not rejected and (known := self.known(the_map)) is not None:
                return known, known  # analysed while this request waited for the lock
            if self._closes != closes and (self._process is None or the_map is not self._map):
                raise RuntimeError("the analysis process was stopped")
            process = self._process
            fresh = process is None
            if process is None:
                process = self._start(the_map)
            try:
                assert process.stdin is not None and process.stdout is not None
                if fresh:
                    pickle.dump((the_map.path or "<map>", the_map.source_text), process.stdin)
                pickle.dump((sorted(accepted), sorted(rejected)), process.stdin)
                process.stdin.flush()
                status, *result = pickle.load(process.stdout)
            except (EOFError, OSError, ValueError, pickle.UnpicklingError) as exc:
                raise RuntimeError("the analysis process stopped") from exc
            if status == "ok" and result[0].available and process is self._process:
                self._keep(the_map, result[0])
        if status != "ok":
            raise RuntimeError(result[0])
        return result[0], result[1]

    def known(self, the_map: Map) -> AnalysisView | None:
        """The base analysis of `the_map` if this service has made it, else None."""
        for ref, view in self._known:  # one read of the tuple: safe beside `_keep`
            if ref() is the_map:
                return view
        return None

    def _keep(self, the_map: Map, view: AnalysisView) -> None:
        others = tuple((r, v) for r, v in self._known if r() is not None and r() is not the_map)
        self._known = ((weakref.ref(the_map), view), *others)[: self.KEPT]

    def _start(self, the_map: Map) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            [sys.executable, "-m", "argmap_tui.analysis_process"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._process, self._map = process, the_map
        return process

    def close(self) -> None:
        """Kill the child (a request waiting on it ends with an error)."""
        process, self._process, self._map = self._process, None, None
        if process is not None:
            self._closes += 1
            # Killing is enough: a thread reading its replies then meets end of file.
            process.kill()
            process.wait(timeout=2)


class AnalysisCruxes:
    """The crux drill's `CruxSource` in the TUI: the cruxes of the analysis `analyser` makes.

    Called in the drill session's thread, which waits while the child
    analyses (the UI does not); `waiting` is called first, so the screen can
    say what it waits for. A failed analysis raises `CruxesUnavailable`.
    """

    def __init__(self, analyser: Analyser, waiting: Callable[[], None] = lambda: None) -> None:
        self.analyser = analyser
        self.waiting = waiting

    def __call__(self, the_map: Map, thesis: str) -> tuple[Crux, ...]:
        from argmap.training.drills import CruxesUnavailable

        self.waiting()
        try:
            base, _ = self.analyser(the_map, (), (), None)
        except Exception as exc:  # noqa: BLE001 - any failure of the service: the card is left out
            raise CruxesUnavailable(f"the analysis of the map failed ({exc})") from exc
        if not base.available:
            raise CruxesUnavailable("the analysis of the map is not available")
        return tuple(base.cruxes.get(thesis, ()))


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
