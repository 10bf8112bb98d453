"""How reading one PDF page grows with its characters: a page of N characters, N doubling.

Makes one-page PDFs of 2 500 … 20 000 characters (lines of figures, as a dense table prints them)
and prints, per size, the characters read back, the seconds budgetlint's loader takes on it and the ratio to the previous
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

LINE = "1234.56 7890.12 3456.78 9012.34 "  # 32 characters


def page_of(path: Path, chars: int) -> Path:
    lines = max(chars // len(LINE), 1)
    size = 2400  # points: 625 lines of 2-point text fit, each on its own baseline
    step = (size - 40) / lines
    ops = b"".join(b"BT /F1 2 Tf 20 %.2f Td (%s) Tj ET\n" % (size - 20 - i * step, LINE.encode())
                   for i in range(lines))
    writer = PdfWriter()
    page = writer.add_blank_page(595, size)
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
    print(f"{'chars':>7} {'read':>7} {'seconds':>8} {'× prev':>7}")
    previous = None
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes:
            path = page_of(Path(folder) / f"p{n}.pdf", n)
            started = time.perf_counter()
            document = load_document(path)
            seconds = time.perf_counter() - started
            read = sum(len(p.text) for p in document.paragraphs) + sum(len(c.text) for t in document.tables
                                                                       for row in t.header + t.body for c in row)
            print(f"{n:>7} {read:>7} {seconds:>8.2f} {f'{seconds / previous:.2f}' if previous else '':>7}")
            previous = seconds


if __name__ == "__main__":
    main()
