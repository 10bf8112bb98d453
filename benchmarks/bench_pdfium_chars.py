"""How far pypdfium2's characters are from the ones budgetlint reads today (pdfminer via pdfplumber),
per real file: the gap a pypdfium2 reader must close before it can replace pdfminer (issue 26).

For every page, the characters pdfplumber gives (``page.chars``) and those pypdfium2's text page
gives (generated spaces and line ends left out, boxed as pdfminer boxes a glyph: :func:`char_dicts`)
are aligned as two strings.  Per file it prints

* the characters of pdfplumber, and the share of them pypdfium2 gives with the same text;
* for the aligned characters, how far pypdfium2's box is from pdfplumber's (the 95th percentile of
  the distance, in points, of the left, right, top and bottom edges);
* the CPU seconds of both readings.

Rotated pages are not turned as pdfminer turns them: their boxes differ.  ``bench_pdfium_findings.py``
checks the corpus with these characters.

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
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as raw

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real"
EDGES = ("x0", "x1", "top", "bottom")


def _font_name(font: Any) -> str:
    size = raw.FPDFFont_GetBaseFontName(font, None, 0)
    name = ctypes.create_string_buffer(size)
    raw.FPDFFont_GetBaseFontName(font, name, size)
    return name.value.decode("utf-8", "replace")


def char_dicts(page: Any, plumbed: Any) -> list[dict]:
    """The characters of a pypdfium2 page as pdfplumber's ``page.chars`` gives them (the keys the
    loader reads), placed with ``plumbed``'s geometry (the same page opened by pdfplumber).

    pdfminer's box of a glyph: from its origin to its advance (the right of pdfium's loose box),
    from the baseline plus the font's descent, one font size high; the size is pdfium's times the
    text matrix's scale (``FPDFText_GetFontSize`` alone is in text space)."""
    text = page.get_textpage()
    left, bottom_edge, _, _ = page.get_mediabox()
    mb_x0, mb_top = plumbed.mediabox[:2]
    out = []
    x, y, descent = ctypes.c_double(), ctypes.c_double(), ctypes.c_float()
    box, matrix = raw.FS_RECTF(), raw.FS_MATRIX()
    try:
        for i in range(text.count_chars()):
            code = raw.FPDFText_GetUnicode(text.raw, i)
            if raw.FPDFText_IsGenerated(text.raw, i) or code in (0, 0xFFFE, 0xFFFF):
                continue
            raw.FPDFText_GetCharOrigin(text.raw, i, ctypes.byref(x), ctypes.byref(y))
            raw.FPDFText_GetLooseCharBox(text.raw, i, ctypes.byref(box))
            raw.FPDFText_GetMatrix(text.raw, i, ctypes.byref(matrix))
            size = raw.FPDFText_GetFontSize(text.raw, i) * math.hypot(matrix.c, matrix.d)
            font = raw.FPDFTextObj_GetFont(raw.FPDFText_GetTextObject(text.raw, i))
            below = descent.value if font and raw.FPDFFont_GetDescent(font, ctypes.c_float(size),
                                                                      ctypes.byref(descent)) else -0.2 * size
            y0 = y.value + below - bottom_edge
            x0, x1 = x.value - left + mb_x0, box.right - left + mb_x0
            top = plumbed.height - (y0 + size) + mb_top
            out.append({"text": chr(code), "fontname": _font_name(font) if font else "", "size": size,
                        "upright": abs(matrix.b) < 1e-9 and abs(matrix.c) < 1e-9,
                        "matrix": (matrix.a, matrix.b, matrix.c, matrix.d, x.value, y.value), "adv": x1 - x0,
                        "x0": x0, "x1": x1, "y0": y0, "y1": y0 + size, "width": x1 - x0, "height": size,
                        "top": top, "bottom": top + size, "doctop": plumbed.initial_doctop + top,
                        "object_type": "char", "page_number": plumbed.page_number, "mcid": None, "tag": None,
                        "ncs": "DeviceGray", "stroking_color": (0,), "non_stroking_color": (0,)})
    finally:
        text.close()
    return out


def read_both(path: Path) -> tuple[list[list[dict]], list[list[dict]], float, float]:
    """Each page's characters by pdfplumber and by pypdfium2, and the CPU seconds of each."""
    theirs, ours, plumber_seconds, pdfium_seconds = [], [], 0.0, 0.0
    document = pdfium.PdfDocument(str(path))
    try:
        with pdfplumber.open(path) as pdf:
            for number, plumbed in enumerate(pdf.pages):
                started = time.process_time()
                theirs.append(plumbed.chars)
                middle = time.process_time()
                page = document[number]
                ours.append(char_dicts(page, plumbed))
                page.close()
                plumber_seconds += middle - started
                pdfium_seconds += time.process_time() - middle
                plumbed.close()
    finally:
        document.close()
    return theirs, ours, plumber_seconds, pdfium_seconds


def compare(theirs: list[list[dict]], ours: list[list[dict]]) -> tuple[int, int, dict[str, list[float]]]:
    """Characters of pdfplumber given the same by pypdfium2, and the box distances of those."""
    same = total = 0
    gaps: dict[str, list[float]] = {edge: [] for edge in EDGES}
    for a, b in zip(theirs, ours):
        total += len(a)
        matcher = difflib.SequenceMatcher(None, [c["text"] for c in a], [c["text"] for c in b], autojunk=False)
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                p, q = a[block.a + k], b[block.b + k]
                same += 1
                for edge in EDGES:
                    gaps[edge].append(abs(p[edge] - q[edge]))
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
        theirs, ours, plumber_seconds, pdfium_seconds = read_both(path)
        same, total, gaps = compare(theirs, ours)
        shares.append(same / total if total else 1.0)
        print(f"{path.name[-44:]:44} {total:7d} {shares[-1]:7.1%} " + " ".join(f"{_p95(gaps[e]):6.2f}" for e in EDGES)
              + f" {plumber_seconds:9.2f} {pdfium_seconds:8.2f}")
    print(f"files {len(pdfs)}: median share of characters the same {statistics.median(shares):.1%}, "
          f"lowest {min(shares):.1%}")


if __name__ == "__main__":
    main()
