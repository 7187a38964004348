"""Tables built on first use: once, whole, and waited for by other threads."""

from __future__ import annotations

import threading

from retrieval.search.lazy import Lazy


def test_value_is_built_once() -> None:
    """Two gets build the value once and return the same object."""
    calls: list[int] = []

    def build() -> dict[str, bool]:
        calls.append(1)
        return {"built": True}

    lazy = Lazy(build)
    assert lazy.get() is lazy.get()
    assert calls == [1]


def test_other_thread_waits_for_the_whole_value() -> None:
    """A get on another thread while the value is built waits, then sees it complete."""
    release = threading.Event()
    building = threading.Event()

    def build() -> list[int]:
        building.set()
        release.wait(5)
        return [1, 2, 3]

    lazy = Lazy(build)
    seen: list[list[int]] = []
    first = threading.Thread(target=lambda: seen.append(lazy.get()))
    first.start()
    assert building.wait(5)
    second = threading.Thread(target=lambda: seen.append(lazy.get()))
    second.start()
    second.join(0.2)
    assert second.is_alive()
    release.set()
    first.join(5)
    second.join(5)
    assert seen == [[1, 2, 3], [1, 2, 3]]


def test_value_of_none_is_built_once() -> None:
    """A build returning None is not mistaken for one not yet run."""
    calls: list[int] = []
    lazy: Lazy[None] = Lazy(lambda: calls.append(1))
    lazy.get()
    lazy.get()
    assert calls == [1]
