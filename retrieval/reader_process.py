"""Run a reader in a worker process, so that a file it is too slow on can be given up.

trafilatura cannot be stopped part-way, and a thread cannot be stopped from outside, so a web
page is read in a separate process: when it takes longer than its bound the process is ended,
and the next file starts a new one. The process is a fresh interpreter (it shares no lock with
this process's threads), started once and kept between files. What the reader logs is sent
back with its result and logged here under the same logger names, as if it had run here.
"""

from __future__ import annotations

import atexit
import logging
import os
import pickle
import select
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

log = logging.getLogger(__name__)

Argument = TypeVar("Argument")
Result = TypeVar("Result")

_STOP_SECONDS = 5.0  # how long an ended worker may take to exit before it is killed
_LENGTH_BYTES = 8  # each message: its length, then the pickled message


class ReadTimeout(Exception):
    """The reader took longer than its bound; its process was ended."""


class ReaderProcessError(Exception):
    """The worker process ended without an answer (killed, or crashed in C code)."""


class _Worker:
    """``python -m retrieval.reader_process`` with a pipe each way. Started as a program of its
    own, not by multiprocessing, which would run the caller's main script again in it."""

    def __init__(self) -> None:
        to_worker, self.requests = os.pipe()
        self.answers, from_worker = os.pipe()
        environment = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", __name__, str(to_worker), str(from_worker)],
                pass_fds=(to_worker, from_worker),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                env=environment,
            )
        finally:
            os.close(to_worker)
            os.close(from_worker)

    def stop(self) -> None:
        for descriptor in (self.requests, self.answers):
            os.close(descriptor)
        self.process.terminate()
        try:
            self.process.wait(_STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


_lock = threading.Lock()  # one file at a time: the worker answers in order
_worker: _Worker | None = None


@atexit.register
def _stop_worker() -> None:
    """End the worker with this process (it would end by itself at the closed pipe, but after
    this process's check for subprocesses still running)."""
    global _worker
    with _lock:
        if _worker is not None:
            _worker.stop()
            _worker = None


def run_bounded(
    function: Callable[[Argument], Result], argument: Argument, seconds: float
) -> Result:
    """``function(argument)`` in the worker process; ReadTimeout after ``seconds``.

    ``function`` must be a module-level function, ``argument`` and its result picklable. An
    exception it raises is raised here (as ReaderProcessError when it cannot be sent back).
    """
    global _worker
    with _lock:
        if _worker is not None and _worker.process.poll() is not None:
            _worker.stop()  # it died between files: its pipes go too
            _worker = None
        if _worker is None:
            _worker = _Worker()
        worker = _worker
        try:
            level = logging.getLogger().getEffectiveLevel()
            _send(worker.requests, (function, argument, level))
            failed, outcome, records = _receive(worker.answers, time.monotonic() + seconds)
        except BaseException as error:
            # Timed out, dead, or interrupted mid-answer: a new worker for the next file, so
            # that no stale answer is ever read as the next file's.
            _worker = None
            worker.stop()
            if isinstance(error, (EOFError, OSError, pickle.UnpicklingError)):
                raise ReaderProcessError("the reader's process ended without an answer") from error
            if isinstance(error, ReadTimeout):
                raise ReadTimeout(f"took longer than {seconds:g} s") from None
            raise
    for record in records:
        logging.getLogger(record.name).handle(record)
    if failed:
        raise outcome
    result: Result = outcome
    return result


def _send(descriptor: int, message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(len(data).to_bytes(_LENGTH_BYTES, "big") + data)
    while view:
        view = view[os.write(descriptor, view) :]


def _receive(descriptor: int, deadline: float | None = None) -> Any:
    """The next message; ReadTimeout when it is not complete by ``deadline``, EOFError when
    the other end closed."""
    header = _read(descriptor, _LENGTH_BYTES, deadline)
    return pickle.loads(_read(descriptor, int.from_bytes(header, "big"), deadline))


def _read(descriptor: int, size: int, deadline: float | None) -> bytes:
    chunks: list[bytes] = []
    while size:
        if deadline is not None:
            ready, _, _ = select.select([descriptor], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise ReadTimeout
        chunk = os.read(descriptor, min(size, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


class _Collect(logging.Handler):
    """Keeps the worker's log records, made picklable, to be sent back with the result."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        fields = dict(record.__dict__)
        fields.update(msg=record.getMessage(), args=None, exc_info=None)
        if record.exc_info:
            fields["exc_text"] = logging.Formatter().formatException(record.exc_info)
        self.records.append(logging.makeLogRecord(fields))


def _serve(requests: int, answers: int) -> None:
    """The worker's loop: one call at a time, until the other end closes."""
    collect = _Collect()
    root = logging.getLogger()
    root.handlers[:] = [collect]
    while True:
        try:
            function, argument, level = _receive(requests)
        except EOFError:
            return
        root.setLevel(level)
        collect.records = []
        try:
            answer: tuple[bool, Any, list[logging.LogRecord]] = (
                False,
                function(argument),
                collect.records,
            )
        except Exception as error:
            answer = (True, error, collect.records)
        try:
            _send(answers, answer)
        except (pickle.PicklingError, TypeError, AttributeError):  # the answer does not pickle
            detail = traceback.format_exc(limit=3)
            unsent = ReaderProcessError(f"the reader's answer could not be sent back: {detail}")
            _send(answers, (True, unsent, collect.records))


if __name__ == "__main__":
    # Through the module's own name, so that what is pickled names it, not "__main__".
    from retrieval.reader_process import _serve as serve

    serve(int(sys.argv[1]), int(sys.argv[2]))
