"""How far pypdfium2's characters are from the ones budgetlint reads today (pdfminer via pdfplumber),
per real file: the gap a pypdfium2 reader must close before it can replace pdfminer (issue 26).

For every page, the characters pdfplumber gives (``page.chars``) and those pypdfium2's text page
gives (generated spaces and line ends left out) are aligned as two strings.  Per file it prints

* the characters of each, and the share of pdfplumber's that pypdfium2 gives with the same text;
* for the aligned characters, how far pypdfium2's box is from pdfplumber's (the 95th percentile of
  the distance, in points): left edge from the glyph's origin, right edge from its loose box, top
  and bottom from the baseline and the font's descent as pdfminer places them;
* the CPU seconds of both readings.

Run: ``python benchmarks/bench_pdfium_chars.py [PDF ...] [--limit N]`` (default: every PDF of
``../shared/real``).
"""

from __future__ import annotations

import argparse
import ctypes
import difflib
import math
import statistics
import time
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as raw

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real"


def plumber_chars(path: Path) -> list[list[tuple]]:
    """Each page's characters as pdfplumber gives them: text, x0, x1, top, bottom."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            pages.append([(c["text"], c["x0"], c["x1"], c["top"], c["bottom"]) for c in page.chars])
            page.close()
    return pages


def _descent(textpage, index: int, size: float) -> float:
    """The font's descent at ``size`` (negative, in points), as pdfminer puts a glyph's box bottom."""
    obj = raw.FPDFText_GetTextObject(textpage, index)
    font = raw.FPDFTextObj_GetFont(obj) if obj else None
    value = ctypes.c_float()
    if font and raw.FPDFFont_GetDescent(font, ctypes.c_float(size), ctypes.byref(value)):
        return value.value
    return 0.0


def pdfium_chars(path: Path) -> list[list[tuple]]:
    """Each page's characters as pypdfium2 gives them, with pdfminer's box (from the origin, the
    advance in the loose box, and the font's size and descent), placed on the page as displayed
    (rotation applied, top-down) as pdfplumber places them."""
    pages = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for page in pdf:
            width, height = page.get_size()  # as displayed
            rotation = {0: 0, 90: 1, 180: 2, 270: 3}[page.get_rotation()]
            shown_x, shown_y = ctypes.c_int(), ctypes.c_int()

            def shown(x: float, y: float) -> tuple[int, int]:
                raw.FPDF_PageToDevice(page.raw, 0, 0, round(width * 100), round(height * 100), rotation,
                                      x, y, ctypes.byref(shown_x), ctypes.byref(shown_y))
                return shown_x.value / 100, shown_y.value / 100

            text = page.get_textpage()
            out = []
            x, y = ctypes.c_double(), ctypes.c_double()
            rect, matrix = raw.FS_RECTF(), raw.FS_MATRIX()
            for i in range(text.count_chars()):
                if raw.FPDFText_IsGenerated(text.raw, i):
                    continue
                code = raw.FPDFText_GetUnicode(text.raw, i)
                if code in (0xFFFE, 0xFFFF):
                    continue
                raw.FPDFText_GetCharOrigin(text.raw, i, ctypes.byref(x), ctypes.byref(y))
                raw.FPDFText_GetLooseCharBox(text.raw, i, ctypes.byref(rect))
                raw.FPDFText_GetMatrix(text.raw, i, ctypes.byref(matrix))  # the text matrix scales the font
                size = raw.FPDFText_GetFontSize(text.raw, i) * math.hypot(matrix.c, matrix.d)
                low = y.value + _descent(text.raw, i, size)
                (ax, ay), (bx, by) = shown(x.value, low), shown(rect.right, low + size)
                out.append((chr(code), min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)))
            text.close()
            page.close()
            pages.append(out)
    finally:
        pdf.close()
    return pages


def compare(theirs: list[list[tuple]], ours: list[list[tuple]]) -> tuple[int, int, dict[str, list[float]]]:
    """Characters of pdfplumber given the same by pypdfium2, and the box distances of those."""
    same = total = 0
    gaps: dict[str, list[float]] = {"x0": [], "x1": [], "top": [], "bottom": []}
    for a, b in zip(theirs, ours):
        total += len(a)
        matcher = difflib.SequenceMatcher(None, [c[0] for c in a], [c[0] for c in b], autojunk=False)
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                p, q = a[block.a + k], b[block.b + k]
                same += 1
                for n, key in enumerate(("x0", "x1", "top", "bottom"), start=1):
                    gaps[key].append(abs(p[n] - q[n]))
    return same, total, gaps


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
    print(f"{'file':44} {'chars':>7} {'same':>7} {'x0':>6} {'x1':>6} {'top':>6} {'bottom':>6} {'s plumber':>9} {'s pdfium':>8}")
    shares = []
    for path in pdfs:
        started = time.process_time()
        theirs = plumber_chars(path)
        middle = time.process_time()
        ours = pdfium_chars(path)
        ended = time.process_time()
        same, total, gaps = compare(theirs, ours)
        shares.append(same / total if total else 1.0)
        name = path.name[-44:]
        print(f"{name:44} {total:7d} {shares[-1]:7.1%} " + " ".join(f"{_p95(gaps[k]):6.2f}" for k in gaps)
              + f" {middle - started:9.2f} {ended - middle:8.2f}")
    print(f"files {len(pdfs)}: median share of characters the same {statistics.median(shares):.1%}, "
          f"lowest {min(shares):.1%}")


if __name__ == "__main__":
    main()
