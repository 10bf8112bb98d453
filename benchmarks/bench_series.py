"""What comparing disclosures with each other costs: a folder of N disclosures with and without series.

Fills a temporary folder with N disclosures of the real corpus (``../shared/real``): first the
sets that form series (江苏 法院/检察院/人大/省委/政协 over several years, 普陀/苏州/无锡/泉州 部门
and 单位), then others, each file once.  Then times ``budgetlint check --no-cache --jobs J`` of
the folder with the cross-document rules (each check keeps a ledger of its figures, the run forms
series and compares them) and with ``--ignore BL7`` (no ledger, no series), alternately, and
prints the median of each, the ratio, and how many series and pairs were formed.

Run: ``python benchmarks/bench_series.py [--disclosures N] [--jobs J] [--repeat R]``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "real"
SERIES_FIRST = ("jiangsu/", "putuo-shangwu", "putuo-zfb", "suzhou-ziranziyuan", "wuxi-jiaoyu", "quanzhou-gongan")
_PART = ("-text.pdf", "-notes.pdf")  # the 说明 of a two-file disclosure: its tables file counts for it


def fill(folder: Path, disclosures: int) -> int:
    """Copy disclosures into ``folder`` (a two-file one counts once); the number of files copied."""
    files = sorted(CORPUS.rglob("*.pdf"), key=lambda p: (not any(k in p.as_posix() for k in SERIES_FIRST), p.as_posix()))
    counted = copied = 0
    for source in files:
        if counted >= disclosures and not source.name.endswith(_PART):
            break
        shutil.copy(source, folder / source.name)
        copied += 1
        counted += not source.name.endswith(_PART)
    return copied


def check(folder: Path, jobs: int, extra: list[str]) -> tuple[float, dict]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "budgetlint", "check", str(folder), "--no-cache", "-f", "json",
                           "--jobs", str(jobs), *extra], capture_output=True, text=True, check=False)
    return time.perf_counter() - started, json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--disclosures", type=int, default=50)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"needs the real corpus at {CORPUS}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        copied = fill(folder, args.disclosures)
        print(f"{args.disclosures} disclosures ({copied} PDFs), --jobs {args.jobs}, {args.repeat} runs each")
        times: dict[str, list[float]] = {"with series": [], "without (--ignore BL7)": []}
        for _ in range(args.repeat):
            seconds, report = check(folder, args.jobs, [])
            times["with series"].append(seconds)
            pairs = sum(len(s["pairs"]) for s in report["series"])
            seconds, _ = check(folder, args.jobs, ["--ignore", "BL7"])
            times["without (--ignore BL7)"].append(seconds)
        print(f"{len(report['series'])} series, {pairs} pairs compared, "
              f"{sum(v['rule'].startswith('BL7') for v in report['violations'])} cross-document findings")
        for name, runs in times.items():
            print(f"{name}: median {statistics.median(runs):.1f} s ({', '.join(f'{s:.1f}' for s in runs)})")
        ratio = statistics.median(times["with series"]) / statistics.median(times["without (--ignore BL7)"])
        print(f"with / without: {ratio:.3f}")


if __name__ == "__main__":
    main()
