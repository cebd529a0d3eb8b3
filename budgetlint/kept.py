"""What one reading or lint of a file works out, kept for the next one.

The language server reads and lints an open document again on every edit. An
edit touches one table or one paragraph; whatever was worked out of the rest
(the tables built from a printed table, a table's footnote formulas compiled,
its 绩效 sheet read, the statements of the running text) is taken from the last
run instead of being worked out again. The caller keeps one dict per analysis
and per open document; outside the server there is none and nothing is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

__all__ = ["Kept"]


class Kept:
    """Results by key, taken from ``earlier`` (the last run's) or worked out now.

    ``keep()`` then leaves in ``earlier`` exactly what this run asked for, so that
    it never holds more than one run's results."""

    def __init__(self, earlier: dict | None) -> None:
        self._earlier = earlier
        self._now: dict = {}

    @property
    def active(self) -> bool:
        """Whether anything is kept (a key that is costly to make is then worth making)."""
        return self._earlier is not None

    def get(self, key: Hashable, work: Callable[[], object], hold: tuple = ()):
        """The result kept under ``key``, or ``work()``; ``hold`` is kept beside it."""
        if self._earlier is None:
            return work()
        entry = self._earlier.get(key)
        if entry is None:
            entry = (hold, work())
        self._now[key] = entry
        return entry[1]

    def get_for(self, objects: tuple, work: Callable[[], object]):
        """The result kept for these very ``objects`` (by identity: they are held with
        it, so that no id is reused while it is kept), or ``work()``."""
        return self.get(tuple(map(id, objects)), work, hold=objects)

    def keep(self) -> None:
        """Let go of the last run's results that this run did not ask for."""
        if self._earlier is not None:
            self._earlier.clear()
            self._earlier.update(self._now)
