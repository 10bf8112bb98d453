"""A batch on a Dask cluster (--scheduler) reports exactly what local processes report."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

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
    def __init__(self, workers):
        self.workers = workers

    def scheduler_info(self):
        return {"workers": self.workers}


def test_a_disclosure_is_not_waited_for_once_every_worker_has_left(monkeypatch):
    from budgetlint import cluster

    monkeypatch.setattr(cluster, "_WAIT_SECONDS", 0.01)
    waiting = _Waiting()
    with pytest.raises(cluster.NoWorkerLeft):
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
