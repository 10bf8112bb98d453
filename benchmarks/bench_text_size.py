"""How the time of a text disclosure grows with its size: the sample text repeated 1, 2, 4 … times.

Prints, per size, the wall time and peak memory of one ``budgetlint check --no-cache`` and the
ratio to the previous size: a cost linear in size doubles with it, a quadratic one quadruples.
The loader refuses texts over ``MAX_TEXT_BYTES`` (2 MB); real ones are under 60 KB.

Run: ``python benchmarks/bench_text_size.py [--copies 1,2,4,8,16,32]``.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "text" / "taiqian-2023.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", default="1,2,4,8,16,32")
    counts = [int(n) for n in parser.parse_args().copies.split(",")]
    text = SAMPLE.read_text(encoding="utf-8")
    previous = None
    print(f"{'copies':>6} {'MB':>6} {'seconds':>8} {'× prev':>7} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for n in counts:
            path = Path(folder) / f"x{n}.txt"
            path.write_text(text * n, encoding="utf-8")
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "budgetlint", "check", "--no-cache", "--format", "json", str(path)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
            seconds = time.perf_counter() - started
            peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
            ratio = f"{seconds / previous:.2f}" if previous else ""
            print(f"{n:>6} {path.stat().st_size / 2**20:>6.2f} {seconds:>8.2f} {ratio:>7} {peak:>8.0f}")
            previous = seconds


if __name__ == "__main__":
    main()
