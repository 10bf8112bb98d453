"""How reading one PDF page grows with its characters: a page of N characters, N doubling.

Makes one-page PDFs of 2 500 … 20 000 characters (100 lines of figures, as a dense table prints them)
and prints, per size, the tables and cells read back, the seconds budgetlint's loader takes on it and the ratio to the previous
size: a reading linear in the characters doubles with them, a quadratic step quadruples.

Run: ``python benchmarks/bench_page_chars.py [--sizes 2500,5000,10000,20000]`` (needs pypdf, in the
``test`` extra).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, StreamObject

from budgetlint.load import load_document

ROWS = 100  # lines of the page, 8 pt apart: read as the rows of a table at every size
CELL = "1234.56 "  # a figure and the space after it


def page_of(path: Path, chars: int) -> Path:
    """A page of ``ROWS`` lines of figures, as many per line as make ``chars`` characters: a wider
    table, not a taller one, so that every size is read the same way (a table)."""
    per_line = max(chars // (ROWS * len(CELL)), 1)
    width = max(595, 40 + per_line * 20)
    line = (CELL * per_line).encode()
    ops = b"".join(b"BT /F1 4 Tf 20 %d Td (%s) Tj ET\n" % (822 - i * 8, line) for i in range(ROWS))
    writer = PdfWriter()
    page = writer.add_blank_page(width, 842)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    stream = StreamObject()
    stream.set_data(ops)
    page[NameObject("/Contents")] = writer._add_object(stream)
    with open(path, "wb") as f:
        writer.write(f)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2500,5000,10000,20000")
    sizes = [int(n) for n in parser.parse_args().sizes.split(",")]
    print(f"{'chars':>7} {'tables':>7} {'cells':>7} {'seconds':>8} {'× prev':>7}")
    previous = None
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes:
            path = page_of(Path(folder) / f"p{n}.pdf", n)
            started = time.perf_counter()
            document = load_document(path)
            seconds = time.perf_counter() - started
            cells = sum(len(row) for t in document.tables for row in t.header + t.body)
            print(f"{n:>7} {len(document.tables):>7} {cells:>7} {seconds:>8.2f} "
                  f"{f'{seconds / previous:.2f}' if previous else '':>7}")
            previous = seconds


if __name__ == "__main__":
    main()
