"""What a cold check costs against reading the PDF alone, per real file, in one run (issue 26).

For each PDF (default: every PDF of ``../shared/real``, else ``samples/pdf``) prints the CPU
seconds of

* a bare pdfplumber pass: ``dedupe_chars``, ``extract_words``, ``find_tables`` + ``extract`` on
  every page (what any pdfplumber-based tool pays);
* pypdfium2 reading every page's characters with their boxes, and its path objects (the ruling
  lines a table finder needs): the floor of reading the file;
* ``check_file`` cold (no cache, one process, the rules loaded once beforehand);

and the ratios budgetlint / pdfplumber and budgetlint / pypdfium2, then their medians.  CPU time
(``time.process_time``), so a busy machine changes the figures little.  Then the peak memory of
a check of a 300-page PDF with the default settings (``bench_pdf.peak_memory_mb``).

Run: ``python benchmarks/bench_ratios.py [PDF ...] [--limit N] [--long-pages 300]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_pdf  # noqa: E402  (the bare pass, the long PDF and the peak memory, as bench_pdf measures them)

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real"


def cpu(work, *args) -> float:
    started = time.process_time()
    work(*args)
    return time.process_time() - started


def pdfium_pass(path: Path) -> None:
    """Every character with its box, and every path object's bounds: what a reader needs at least."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        for page in pdf:
            text = page.get_textpage()
            for i in range(text.count_chars()):
                text.get_charbox(i)
            text.get_text_range()
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
                obj.get_bounds()
            text.close()
            page.close()
    finally:
        pdf.close()


def budgetlint_pass(path: Path, rules) -> None:
    from budgetlint.lint import check_file

    check_file(path, rules, 1, None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files (0: all)")
    parser.add_argument("--long-pages", type=int, default=300)
    args = parser.parse_args()
    pdfs = args.pdfs or sorted(REAL.rglob("*.pdf")) or sorted((ROOT / "samples" / "pdf").glob("*.pdf"))
    if args.limit:
        pdfs = pdfs[:args.limit]

    from budgetlint.engine.pack import load_rules

    rules = load_rules()
    to_plumber, to_pdfium = [], []
    print(f"{'file':48} {'pages':>5} {'pdfplumber':>10} {'pypdfium2':>9} {'budgetlint':>10} {'/plumber':>8} {'/pdfium':>8}")
    for path in pdfs:
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
        plumber = cpu(bench_pdf.bare_pass, path)
        pdfium_seconds = cpu(pdfium_pass, path)
        ours = cpu(budgetlint_pass, path, rules)
        to_plumber.append(ours / plumber)
        to_pdfium.append(ours / pdfium_seconds)
        name = str(path.relative_to(REAL) if path.is_relative_to(REAL) else path.name)[-48:]
        print(f"{name:48} {pages:5d} {plumber:10.2f} {pdfium_seconds:9.2f} {ours:10.2f} {to_plumber[-1]:8.2f} "
              f"{to_pdfium[-1]:8.1f}")
    print(f"median over {len(pdfs)} files: budgetlint / pdfplumber {statistics.median(to_plumber):.2f}x, "
          f"budgetlint / pypdfium2 {statistics.median(to_pdfium):.1f}x")
    try:
        with tempfile.TemporaryDirectory() as directory:
            big = bench_pdf.long_pdf(bench_pdf.DEFAULT_PDF, args.long_pages, Path(directory))
            print(f"peak memory, {args.long_pages}-page PDF, default settings: {bench_pdf.peak_memory_mb(big, None):.1f} MB")
    except ImportError:
        print("peak memory: skipped (pip install pypdf to build the long PDF)")


if __name__ == "__main__":
    main()
