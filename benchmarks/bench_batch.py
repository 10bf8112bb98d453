"""A district's season in one run: time, memory and report sizes for a batch of N PDFs.

Copies the real corpus (``../shared/real``, else ``samples/pdf``) round-robin into a temporary
folder until it holds N files (default 150, what a district reviews in a season), then prints
for one ``budgetlint check --jobs J`` of the folder per format (``--format html``, ``xlsx``):
wall time, the peak memory of the process tree's largest process, and the size of the report.
Optionally (``--cluster``) the same check on a two-worker local Dask cluster, for the time of
``--scheduler`` against ``--jobs 2`` (needs ``budgetlint[dask]``).

Run: ``python benchmarks/bench_batch.py [--files N] [--jobs J] [--formats html,xlsx] [--cluster]``.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = [ROOT.parent / "shared" / "real", ROOT / "samples" / "pdf"]


def fill(folder: Path, count: int) -> None:
    sources = next(sorted(c.rglob("*.pdf")) for c in CORPUS if c.is_dir() and any(c.rglob("*.pdf")))
    for n in range(count):
        source = sources[n % len(sources)]
        shutil.copy(source, folder / f"{n + 1:03d}-{source.name}")


def check(folder: Path, out: Path, fmt: str, extra: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "budgetlint", "check", str(folder), "--no-cache", "-q", "-f", fmt,
                    "-o", str(out), *extra], check=False, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=150)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--formats", default="html,xlsx")
    parser.add_argument("--cluster", action="store_true", help="also time a two-worker local Dask cluster (json)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "batch"
        folder.mkdir()
        fill(folder, args.files)
        print(f"{args.files} PDFs, {sum(p.stat().st_size for p in folder.iterdir()) / 2**20:.0f} MB")
        for fmt in args.formats.split(","):
            out = Path(tmp) / f"report.{fmt}"
            seconds, peak = check(folder, out, fmt, ["--jobs", str(args.jobs)])
            print(f"--format {fmt} --jobs {args.jobs}: {seconds:.1f} s, peak {peak / 1024:.0f} MB, "
                  f"report {out.stat().st_size / 2**20:.1f} MB")
        if args.cluster:
            from distributed import LocalCluster

            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
                seconds, _ = check(folder, Path(tmp) / "cluster.json", "json",
                                   ["--no-timing", "--scheduler", cluster.scheduler_address])
            local, _ = check(folder, Path(tmp) / "local.json", "json", ["--no-timing", "--jobs", "2"])
            same = (Path(tmp) / "cluster.json").read_bytes() == (Path(tmp) / "local.json").read_bytes()
            print(f"--scheduler (2 workers): {seconds:.1f} s; --jobs 2: {local:.1f} s; same JSON: {same}")


if __name__ == "__main__":
    main()
