"""How far budgetlint's PDFium reader (:mod:`budgetlint.load.pdfium_page`) is from pdfplumber's
reading of the same pages (pdfminer), per real file: run it after upgrading pypdfium2, pdfplumber
or pdfminer (issue 26).

For every page, pdfplumber's objects and the reader's are compared:

* characters (spaces left out: PDFium's text page drops the space glyphs, and the loader puts
  spaces in gaps itself): the share of pdfplumber's given with the same text, and for those the
  95th percentile of the distance of their boxes' edges, in points;
* ruling lines (the edges of visible lines, rectangles and curves): the share of pdfplumber's the
  reader gives, each end within 0.05 pt (PDFium computes in single precision);
* the CPU seconds of both readings.

Glyphs hidden by a clip are in pdfplumber's characters and not in the reader's (the loader removed
them from pdfminer's too), so a file with clipped text is below 100 % by design.  A glyph's right
edge may differ by a few tenths of a point: PDFium's advance of some CJK glyphs is not pdfminer's.

Run: ``python benchmarks/bench_reader_fidelity.py [PDF ...] [--limit N]`` (default: every PDF of
``../shared/real``).
"""

from __future__ import annotations

import argparse
import difflib
import statistics
import time
from io import BytesIO
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from pdfplumber.utils import obj_to_edges

from budgetlint.load.pdf import _drawn, _upright_boxes
from budgetlint.load.pdfium_page import page_objects

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real"
EDGES = ("x0", "x1", "top", "bottom")


_CLOSE = 0.05  # points


def _rules(objects: dict[str, list[dict]]) -> list[tuple]:
    return [(e["orientation"], e["x0"], e["top"], e["x1"], e["bottom"])
            for kind in ("line", "rect", "curve") for o in objects.get(kind, []) if _drawn(o)
            for e in obj_to_edges(o) if e.get("orientation") in ("h", "v")]


def _same_rules(theirs: list[tuple], ours: list[tuple]) -> int:
    """How many of ``theirs`` have a rule in ``ours`` of the same orientation, each end within 0.05 pt."""
    near: dict[tuple, list[tuple]] = {}
    for rule in ours:
        near.setdefault((rule[0], round(rule[1]), round(rule[2])), []).append(rule)
    return sum(1 for rule in theirs if any(
        all(abs(a - b) <= _CLOSE for a, b in zip(rule[1:], other[1:]))
        for dx in (-1, 0, 1) for dy in (-1, 0, 1)
        for other in near.get((rule[0], round(rule[1]) + dx, round(rule[2]) + dy), ())))


def _printed(objects: dict[str, list[dict]]) -> list[dict]:
    return [c for c in objects.get("char", []) if c["text"].strip()]


def compare_file(path: Path) -> dict:
    """Characters and rules of every page of ``path`` by pdfplumber and by the reader."""
    data = path.read_bytes()
    found = {"chars": 0, "same": 0, "rules": 0, "same rules": 0, "plumber s": 0.0, "reader s": 0.0,
             "gaps": {edge: [] for edge in EDGES}}
    document = pdfium.PdfDocument(data)
    try:
        with pdfplumber.open(BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages):
                _upright_boxes(page)
                started = time.process_time()
                theirs = page.objects
                middle = time.process_time()
                read = document[number]
                ours = page_objects(read, page, read.get_rotation())
                read.close()
                found["plumber s"] += middle - started
                found["reader s"] += time.process_time() - middle
                a, b = _printed(theirs), _printed(ours)
                matcher = difflib.SequenceMatcher(None, [c["text"] for c in a], [c["text"] for c in b], autojunk=False)
                for block in matcher.get_matching_blocks():
                    for k in range(block.size):
                        for edge in EDGES:
                            found["gaps"][edge].append(abs(a[block.a + k][edge] - b[block.b + k][edge]))
                    found["same"] += block.size
                found["chars"] += len(a)
                rules = _rules(theirs)
                found["rules"] += len(rules)
                found["same rules"] += _same_rules(rules, _rules(ours))
                page.close()
    finally:
        document.close()
    return found


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values, default=0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    pdfs = args.pdfs or sorted(REAL.rglob("*.pdf"))
    if args.limit:
        pdfs = pdfs[:args.limit]
    print(f"{'file':44} {'chars':>7} {'same':>7} {'x0':>5} {'x1':>5} {'top':>5} {'bottom':>6} {'rules':>6} {'same':>7} "
          f"{'s plumber':>9} {'s reader':>8}")
    shares, rule_shares = [], []
    for path in pdfs:
        f = compare_file(path)
        shares.append(f["same"] / f["chars"] if f["chars"] else 1.0)
        rule_shares.append(f["same rules"] / f["rules"] if f["rules"] else 1.0)
        print(f"{path.name[-44:]:44} {f['chars']:7d} {shares[-1]:7.1%} "
              + " ".join(f"{_p95(f['gaps'][e]):5.2f}" for e in EDGES)
              + f" {f['rules']:6d} {rule_shares[-1]:7.1%} {f['plumber s']:9.2f} {f['reader s']:8.2f}")
    print(f"files {len(pdfs)}: characters the same, median {statistics.median(shares):.1%} (lowest {min(shares):.1%}); "
          f"rules the same, median {statistics.median(rule_shares):.1%} (lowest {min(rule_shares):.1%})")


if __name__ == "__main__":
    main()
