"""Tables built on first use, safely across threads.

The library answers from several threads at once. A table filled in place after it was
published (``self._table = {}``, then a loop adding to it) is seen half-filled by a search on
another thread meanwhile: the spelling table once gave such a search no correction at all.
``Lazy`` builds its value completely, under a lock, before anyone can see it; a thread that
asks meanwhile waits for it, and the value is built once. ``replace`` swaps in another whole
value (one reference assignment): a search sees the old value or the new, never a mix.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar, cast

T = TypeVar("T")
_UNSET = object()


class Lazy(Generic[T]):
    """A value built by ``build`` on the first ``get``, once, and only then visible."""

    def __init__(self, build: Callable[[], T]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._value: object = _UNSET

    def get(self) -> T:
        value = self._value
        if value is _UNSET:
            with self._lock:
                if self._value is _UNSET:
                    # Assigned in one step, complete: no thread sees a value being filled.
                    self._value = self._build()
                value = self._value
        return cast(T, value)

    @property
    def ready(self) -> bool:
        """Whether the value is there (built or replaced): ``get`` would not wait."""
        return self._value is not _UNSET

    def replace(self, value: T) -> None:
        """Serve ``value`` from now on, instead of the value built or to be built."""
        with self._lock:
            self._value = value
