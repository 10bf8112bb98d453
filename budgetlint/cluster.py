"""Checking a batch on a Dask cluster, for a province's thousands of disclosures.

``budgetlint check --scheduler tcp://host:8786 folder/`` sends each disclosure to the cluster as
the local ``--jobs`` pool would take it: the client reads each file's bytes (so the workers need
no shared folder, and a file is read once, by the machine that names it), a worker loads and
checks them (its own document cache, keyed as a local run keys it), and the client takes the
outcomes back in the files' order — the report, its order and the exit code are those of a
local run.  Needs ``pip install 'budgetlint[dask]'`` here and budgetlint of the same version on
every worker.  The address comes from the command line only, never from a settings file: a
settings file in a pull request must not be able to send the documents elsewhere.  Dask moves
tasks as pickles: use a cluster you run, not one others can reach.
"""

from __future__ import annotations

import logging
from concurrent.futures import CancelledError
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from budgetlint.cache import DocumentCache
from budgetlint.engine.pack import RuleSet
from budgetlint.i18n import language, set_language, t
from budgetlint.lint import Outcome, checked
from budgetlint.load import LoadError, read_bytes
from budgetlint.report.result import InputError

_CONNECT_SECONDS = 10
_DASK_LOGGERS = ("distributed", "tornado", "asyncio", "bokeh")  # where a cluster's own errors are logged
_LARGEST_MESSAGE = 256 * 2**20  # Dask sends frames in shards of 64 MiB; an outcome is far smaller
_WAIT_SECONDS = 10  # how long a wait for a disclosure's outcome lasts before it asks whether a worker is left


class ClusterError(Exception):
    """The cluster cannot be used (Dask missing, no scheduler at the address); one line."""


def _contents(path: Path) -> bytes | str:
    """A file's bytes, or why it cannot be read (said by the worker, in the file's outcome)."""
    try:
        return read_bytes(path)
    except LoadError as exc:
        return str(exc)


def check_sent(files: list[tuple[str, bytes | str]], rules: RuleSet, use_cache: bool, lang: str) -> list[Outcome]:
    """On a worker: check one disclosure from the bytes the client sent, its errors in the client's language."""
    set_language(lang)
    sent = {Path(name): data for name, data in files}

    def read(path: Path) -> bytes:
        data = sent[path]
        if isinstance(data, str):
            raise LoadError(data)
        return data

    return checked(list(sent), rules, 1, DocumentCache() if use_cache else None, read)


def check_address(address: str) -> None:
    """Refuse an address Dask would take seconds to fail on, with a traceback of its own at exit:
    `tcp://host:port` or `tls://host:port` only."""
    try:
        parts = urlsplit(address)
        port = parts.port
    except ValueError as exc:
        raise ClusterError(f"--scheduler {address}: not an address ({exc}); write tcp://host:8786") from None
    if parts.scheme not in ("tcp", "tls") or not parts.hostname or port is None or parts.path not in ("", "/"):
        raise ClusterError(f"--scheduler {address}: not an address; write tcp://host:8786 (or tls://…)")


class Deserted(Exception):
    """The cluster can check nothing more of this batch (every worker left, the scheduler is gone);
    the message says which, for each disclosure not checked."""


def outcome(client, future) -> list[Outcome]:
    """A disclosure's outcomes, waited for in slices: Dask waits for ever for a task no worker is
    left to run, so between slices the scheduler is asked whether any worker remains."""
    while True:
        try:
            return future.result(timeout=_WAIT_SECONDS)
        except TimeoutError:
            if client.status != "running":
                raise Deserted(t("not checked: the connection to the scheduler was lost")) from None
            if not client.scheduler_info().get("workers"):
                raise Deserted(t("not checked: no worker is left on the cluster")) from None
        except CancelledError as exc:
            if getattr(exc, "reason", "") == "scheduler-connection-lost":
                raise Deserted(t("not checked: the connection to the scheduler was lost")) from None
            raise


def _bound_dask_reads() -> None:
    """Refuse a message larger than any a batch exchanges, before Dask allocates it: Dask's TCP
    reader allocates whatever length the peer announces, so an endpoint answering with a huge
    frame length would make this process take gigabytes."""
    from distributed.comm import tcp

    read = tcp.read_bytes_rw
    if getattr(read, "bounded", False):
        return

    async def bounded(stream, n: int):
        if n > _LARGEST_MESSAGE:
            raise OSError(f"it announced a message of {n:,} bytes, more than the "
                          f"{_LARGEST_MESSAGE // 2**20} MB a batch ever exchanges")
        return await read(stream, n)

    bounded.bounded = True  # type: ignore[attr-defined]
    tcp.read_bytes_rw = bounded


def _silence_dask() -> None:
    """Dask logs its own tracebacks (a lost scheduler, its attempts to reconnect, which go on in its
    own thread after the batch has ended) to stderr; what went wrong is said once per disclosure
    instead, in one line.  For the rest of the process: a run with --scheduler ends with its batch."""
    names = [n for n in list(logging.root.manager.loggerDict)
             if any(n == top or n.startswith(top + ".") for top in _DASK_LOGGERS)]
    for name in {*names, *_DASK_LOGGERS}:  # Dask gives some of its loggers a handler of their own
        logger = logging.getLogger(name)
        logger.handlers, logger.propagate = [logging.NullHandler()], False


def outcomes_on_cluster(address: str, disclosures: list[list[Path]], rulesets: list[RuleSet],
                        use_cache: bool) -> Iterator[list[Outcome]]:
    """Each disclosure's outcomes, in order, checked on the cluster at ``address``."""
    check_address(address)
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("--scheduler needs Dask: pip install 'budgetlint[dask]'") from None
    _silence_dask()
    _bound_dask_reads()
    try:
        client = Client(address, timeout=f"{_CONNECT_SECONDS}s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"--scheduler {address}: no Dask scheduler could be reached ({exc})") from None
    try:
        client.wait_for_workers(1, timeout=_CONNECT_SECONDS)
    except (OSError, TimeoutError):
        client.close()
        raise ClusterError(f"--scheduler {address}: the scheduler has no worker to check on "
                           f"(none joined in {_CONNECT_SECONDS} s)") from None
    futures = []
    try:
        for group, rules in zip(disclosures, rulesets):
            files = [(str(p), _contents(p)) for p in group]
            futures.append(client.submit(check_sent, files, rules, use_cache, language(), pure=False))
        deserted: Deserted | None = None  # once the cluster can check nothing more, the rest is not waited for
        for group, future in zip(disclosures, futures):
            try:
                if deserted:
                    raise deserted
                yield outcome(client, future)
            except Deserted as exc:
                deserted = exc
                yield [InputError(str(p), str(exc)) for p in group]
            except Exception as exc:  # a worker lost, or a task the cluster could not run
                reason = (str(exc).splitlines() or [""])[0]
                yield [InputError(str(p), t("not checked: the cluster could not check it ({reason})",
                                            reason=f"{type(exc).__name__}: {reason}"))
                       for p in group]
    finally:  # an interrupt or an error: nothing left running on the cluster for this batch
        client.cancel(futures)
        client.close()
