"""Process pools that end when the run ends: on Ctrl-C, SIGTERM, an error or a dead worker.

``ProcessPoolExecutor`` on its own leaves a batch running after Ctrl-C (its ``with`` waits for
every queued file), and a SIGTERM kills the main process but not its workers, which go on
reading PDFs nobody will see.  Here the main process turns SIGTERM into :class:`Interrupted`,
workers ignore SIGINT (the main process decides), and leaving the pool on any exception cancels
what is queued and terminates the workers at once.
"""

from __future__ import annotations

import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, Callable, Iterator

from budgetlint.i18n import language as current_language, set_language


def usable_processors() -> int:
    """The processors this process may run on: a container's or a CI runner's CPU set, which may
    be far fewer than the host's ``os.cpu_count()`` (more processes than that only wait)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Interrupted(BaseException):
    """The run was asked to stop (SIGINT or SIGTERM); like KeyboardInterrupt, not an error of the input."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _raise_interrupted(signum: int, _frame: Any) -> None:
    raise Interrupted(signum)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise :class:`Interrupted` in the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, _raise_interrupted) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _start(initializer: Callable[..., None] | None, initargs: tuple[Any, ...], language: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    set_language(language)  # a worker started afresh (not forked) writes in the run's language too
    if initializer is not None:
        initializer(*initargs)


def _stop(pool: ProcessPoolExecutor) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())  # the only handle on the workers
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(5)


@contextmanager
def process_pool(workers: int, initializer: Callable[..., None] | None = None,
                 initargs: tuple[Any, ...] = ()) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``workers`` processes; leaving the block by an exception (Interrupted included)
    stops the workers at once instead of waiting for the queue."""
    pool = ProcessPoolExecutor(workers, initializer=_start,
                               initargs=(initializer, initargs, current_language()))
    try:
        yield pool
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)
