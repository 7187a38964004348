"""One progress bar for a whole load: the files, then the officials, then the index.

Shown on a terminal only (stderr a TTY): a log file or a pipe gets no bar.
"""

from __future__ import annotations

import sys

from tqdm import tqdm

# The steps after the files: the officials, then the index.
_LATER_STEPS = 2


class LoadProgress:
    """Counts the files of a load, then its later steps, on one bar."""

    def __init__(self, enabled: bool) -> None:
        self._bar: tqdm | None = None
        self._enabled = enabled and sys.stderr.isatty()

    def files(self, total: int) -> None:
        """The load reads ``total`` files, then takes its later steps."""
        if self._enabled:
            self._bar = tqdm(total=total + _LATER_STEPS, desc="Reading files", unit="file")

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.update(1)

    def describe(self, description: str) -> None:
        """A later step starts (``description``: what it does); ``advance`` when it ends."""
        if self._bar is not None:
            self._bar.set_description(description)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
