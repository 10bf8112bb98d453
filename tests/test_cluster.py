"""A batch on a Dask cluster (--scheduler) reports exactly what local processes report."""

from __future__ import annotations

import json
import socket
import struct
import subprocess
import sys
import threading
import time

import pytest

from budgetlint.i18n import t
from conftest import ROOT

distributed = pytest.importorskip("distributed", reason="the dask extra (pip install 'budgetlint[dask]')")


def _check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "budgetlint", "check", "--format", "json", "--no-timing",
                           "--no-cache", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def test_a_two_worker_cluster_gives_the_json_of_two_local_processes(cluster, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 cut off")
    local = _check("--jobs", "2", "samples", str(broken))
    remote = _check("--scheduler", cluster.scheduler_address, "samples", str(broken))
    assert remote.returncode == local.returncode == 2  # the broken file: an input error either way
    assert remote.stdout == local.stdout
    data = json.loads(remote.stdout)
    assert len(data["files"]) >= 20 and [e["path"] for e in data["errors"]] == [str(broken)]
    assert any(v["rule"] == "BL101" and v["reported"] == "584.50" for v in data["violations"])


def test_no_scheduler_at_the_address_is_one_line_and_exit_2():
    done = _check("--scheduler", "tcp://127.0.0.1:9", "samples/text/taiqian-2023.txt")
    assert done.returncode == 2 and "no Dask scheduler could be reached" in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("address", ["foo://x:1", "tcp://[zz", "inproc://nothing", "tcp://localhost:99999", "tcp://host"])
def test_an_address_that_is_none_is_one_line_at_once(address):
    """Dask would take 20 s on some of these and print its own traceback at exit."""
    done = _check("--scheduler", address, "samples/text/taiqian-2023.txt")
    assert done.returncode == 2 and "not an address" in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_a_scheduler_with_no_worker_is_one_line_not_a_wait_forever():
    with distributed.LocalCluster(n_workers=0, processes=True, dashboard_address=None) as empty:
        done = _check("--scheduler", empty.scheduler_address, "samples/text/taiqian-2023.txt")
    assert done.returncode == 2 and "has no worker" in done.stderr
    assert "Traceback" not in done.stderr


class _Waiting:
    """A task no worker is left to run: Dask's future waits for ever."""

    def __init__(self):
        self.waits = 0

    def result(self, timeout=None):
        self.waits += 1
        raise TimeoutError


class _Deserted:
    status = "running"  # still connected to its scheduler

    def __init__(self, workers):
        self.workers = workers

    def scheduler_info(self):
        return {"workers": self.workers}


def test_a_disclosure_is_not_waited_for_once_every_worker_has_left(monkeypatch):
    from budgetlint import cluster

    monkeypatch.setattr(cluster, "_WAIT_SECONDS", 0.01)
    waiting = _Waiting()
    with pytest.raises(cluster.Deserted, match=t("not checked: no worker is left on the cluster")):
        cluster.outcome(_Deserted({}), waiting)
    assert waiting.waits == 1


def test_while_a_worker_is_left_the_wait_goes_on():
    from budgetlint import cluster

    class Slow(_Waiting):
        def result(self, timeout=None):
            self.waits += 1
            if self.waits < 3:
                raise TimeoutError
            return ["done"]

    assert cluster.outcome(_Deserted({"tcp://w:1": {}}), Slow()) == ["done"]


class _Lost:
    """A future whose client lost the scheduler: Dask cancels it with this reason."""

    def result(self, timeout=None):
        raise distributed.client.FutureCancelledError("check_sent-1", "scheduler-connection-lost",
                                                       "Client lost the connection to the scheduler.")


def test_a_lost_scheduler_is_said_once_per_disclosure_in_one_line():
    from budgetlint import cluster

    with pytest.raises(cluster.Deserted, match=t("not checked: the connection to the scheduler was lost")):
        cluster.outcome(_Deserted({"tcp://w:1": {}}), _Lost())


def _wait_for(path, words: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while words not in path.read_text(errors="replace"):
        if time.monotonic() > deadline:
            raise AssertionError(f"{words!r} never appeared in {path}")
        time.sleep(0.2)


def test_a_scheduler_killed_mid_batch_leaves_one_line_per_file_and_no_traceback(tmp_path):
    """Dask logged its own reconnection tracebacks and a three-line cancellation per file."""
    port = "8797"
    log = tmp_path / "scheduler.log"
    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    with open(log, "w") as out:
        scheduler = subprocess.Popen([*dask, "--port", port, "--no-dashboard"], stdout=out, stderr=out)
    worker = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", f"tcp://127.0.0.1:{port}",
                               "--nthreads", "1", "--no-dashboard"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(log, "Register worker")
        batch = subprocess.Popen([sys.executable, "-m", "budgetlint", "check", "--no-cache", "--lang", "en", "--scheduler",
                                  f"tcp://127.0.0.1:{port}", "samples"], cwd=ROOT, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        _wait_for(log, "Receive client connection")
        time.sleep(2)  # the batch is sent (in well under a second) and the one worker is on its first file
        scheduler.kill()
        _, err = batch.communicate(timeout=120)
    finally:
        for process in (scheduler, worker):
            process.kill()
            process.wait()
    assert batch.returncode == 2
    assert "Traceback" not in err and "connection to the scheduler was lost" in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert all(line.startswith("budgetlint") for line in lines), lines


def test_an_endpoint_announcing_a_huge_message_is_refused_before_it_is_allocated():
    """Dask's reader allocated whatever length the peer announced: 3 GB here."""
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]

    def answer():
        while True:
            try:
                peer, _ = server.accept()
            except OSError:
                return
            peer.sendall(struct.pack("Q", 3 * 2**30))

    threading.Thread(target=answer, daemon=True).start()
    try:
        done = _check("--lang", "en", "--scheduler", f"tcp://127.0.0.1:{port}", "samples/text/taiqian-2023.txt")
    finally:
        server.close()
    assert done.returncode == 2 and "announced a message of 3,221,225,472 bytes" in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
