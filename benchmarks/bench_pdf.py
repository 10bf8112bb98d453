"""How fast and how lean `budgetlint check` is on PDFs, against a bare pdfplumber pass.

Prints, for a 30+ page disclosure PDF (default: samples/pdf/taiqian-2023.pdf):

* the bare pdfplumber pass: open, ``dedupe_chars``, ``extract_words`` and
  ``find_tables`` + ``extract`` on every page, then close the page (inside this
  process, and as a command of its own, to compare with a command);
* `budgetlint check` cold (``--no-cache``) with one process and with ``--jobs``,
  and the ratios to the bare pass;
* `budgetlint check` warm, and its share of the cold time: as a whole command (both caches
  filled: the findings are served as stored) and inside the process (the parsed-document cache
  only: the rules are run again);
* peak memory (max RSS of a child process) of a check of a 300-page PDF made by
  repeating the sample's pages (needs pypdf: ``pip install -e '.[samples]'``).

Run: ``python benchmarks/bench_pdf.py [PDF] [--jobs N] [--repeat K]``.  Figures
are the best of K runs (default 3), in seconds.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PDF = ROOT / "samples" / "pdf" / "taiqian-2023.pdf"


def bare_pass(path: Path) -> float:
    started = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            deduped = page.dedupe_chars()
            deduped.extract_words()
            for table in deduped.find_tables():
                table.extract()
            deduped.close()
            page.close()
    return time.perf_counter() - started


def bare_command(path: Path) -> float:
    """The bare pass as a command of its own: interpreter start-up and pdfplumber import included."""
    script = f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import bench_pdf; bench_pdf.bare_pass(bench_pdf.Path(sys.argv[1]))"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", script, str(path)], check=True)
    return time.perf_counter() - started


def command(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "budgetlint", "check", "--format", "json", *args],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - started


def bare_version(env: dict[str, str]) -> float:
    """`budgetlint --version`: what every command pays before it loads anything of its own."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "budgetlint", "--version"], stdout=subprocess.DEVNULL, env=env, check=True)
    return time.perf_counter() - started


def in_process_warm(path: Path) -> tuple[float, float]:
    """(cold, warm) seconds of check_file inside one process, imports and rules excluded."""
    from budgetlint.cache import DocumentCache
    from budgetlint.engine.pack import load_rules
    from budgetlint.lint import check_file

    rules = load_rules()
    with tempfile.TemporaryDirectory() as directory:
        cache = DocumentCache(Path(directory))
        started = time.perf_counter()
        check_file(path, rules, 1, cache)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        check_file(path, rules, 1, cache)
        return cold, time.perf_counter() - started


def peak_memory_mb(path: Path, jobs: int | None) -> float:
    """Max resident set size of `budgetlint check` on ``path``, in MB (``jobs`` None: the default)."""
    flags = f"'--jobs', '{jobs}', " if jobs else ""
    probe = (
        "import resource, sys\n"
        "from budgetlint.cli import app\n"
        "try:\n"
        f"    app(['check', '--no-cache', '--format', 'json', {flags}sys.argv[1]])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,"
        " file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(path)], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, check=False)
    own, children = (int(x) for x in done.stderr.split()[-2:])
    return max(own, children) / 1024


def long_pdf(source: Path, pages: int, directory: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(source)
    writer = PdfWriter()
    while len(writer.pages) < pages:
        for page in reader.pages:
            if len(writer.pages) < pages:
                writer.add_page(page)
    target = directory / f"long-{pages}.pdf"
    with open(target, "wb") as f:
        writer.write(f)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", nargs="?", type=Path, default=DEFAULT_PDF)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--long-pages", type=int, default=300)
    args = parser.parse_args()
    with pdfplumber.open(args.pdf) as pdf:
        pages = len(pdf.pages)
    print(f"{args.pdf.name}: {pages} pages, {args.pdf.stat().st_size / 1024:.0f} KB, {os.cpu_count()} cores")

    bare = min(bare_pass(args.pdf) for _ in range(args.repeat))
    bare_cmd = min(bare_command(args.pdf) for _ in range(args.repeat))
    with tempfile.TemporaryDirectory() as cache_dir:
        env = {**os.environ, "BUDGETLINT_CACHE_DIR": cache_dir}
        cold_1 = min(command(["--no-cache", "--jobs", "1", str(args.pdf)], env) for _ in range(args.repeat))
        cold_n = min(command(["--no-cache", "--jobs", str(args.jobs), str(args.pdf)], env) for _ in range(args.repeat))
        command(["--jobs", "1", str(args.pdf)], env)  # fill the cache
        warm = min(command(["--jobs", "1", str(args.pdf)], env) for _ in range(args.repeat))
        startup = min(command(["--no-cache", "--jobs", "1", str(ROOT / "tests" / "data" / "not-a-pdf.pdf")], env)
                      for _ in range(args.repeat))
        version = min(bare_version(env) for _ in range(args.repeat))
    cold_in, warm_in = in_process_warm(args.pdf)

    print(f"bare pdfplumber pass            {bare:7.3f} s in-process, {bare_cmd:.3f} s as a command")
    print(f"budgetlint check, 1 process     {cold_1:7.3f} s   ratio {cold_1 / bare_cmd:4.2f}x the bare command")
    print(f"budgetlint check, {args.jobs} processes    {cold_n:7.3f} s   ratio {cold_n / bare_cmd:4.2f}x the bare command")
    print(f"budgetlint check, cached        {warm:7.3f} s   {100 * warm / cold_1:4.1f}% of cold"
          f" (command start-up alone {startup:.3f} s)")
    print(f"budgetlint --version            {version:7.3f} s   (the command line itself, before any check is loaded)")
    print(f"  inside the process            cold {cold_in:.3f} s ({cold_in / bare:4.2f}x the bare pass),"
          f" cached {warm_in:.3f} s = {100 * warm_in / cold_in:4.1f}%")

    try:
        with tempfile.TemporaryDirectory() as directory:
            big = long_pdf(args.pdf, args.long_pages, Path(directory))
            for jobs in (1, args.jobs):
                print(f"peak memory, {args.long_pages}-page PDF, --jobs {jobs}: {peak_memory_mb(big, jobs):6.1f} MB")
    except ImportError:
        print("peak memory: skipped (pip install pypdf to build the long PDF)")


if __name__ == "__main__":
    main()
