"""Make the damaged and unusual PDFs the loader tests run against (tests/data/).

Each is a real file of a kind users send: a download that is an HTML error page,
a PDF cut off in transfer, one locked with a password, a scan without a text
layer, an empty file, one whose fonts lost their Unicode maps (text comes out
as `(cid:…)`), and one with a blank page and a page whose text runs off its edge
(its page box cut short, as an over-long Excel sheet prints).  Needs pypdf and pdfplumber (`pip install -e '.[samples]'`).
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, RectangleObject

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "samples" / "pdf" / "shapotou-2023.pdf"
OUT = ROOT / "tests" / "data"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "not-a-pdf.pdf").write_text(
        "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n", encoding="utf-8")
    data = SOURCE.read_bytes()
    (OUT / "truncated.pdf").write_bytes(data[: len(data) // 2])
    (OUT / "empty.pdf").write_bytes(b"")

    writer = PdfWriter(clone_from=PdfReader(SOURCE))
    writer.encrypt(user_password="budget", owner_password="owner")
    with open(OUT / "encrypted.pdf", "wb") as f:
        writer.write(f)

    with pdfplumber.open(SOURCE) as pdf:
        image = pdf.pages[0].to_image(resolution=100, antialias=True).original.convert("RGB")
    image.save(OUT / "scanned.pdf", "PDF", resolution=100)

    writer = PdfWriter(clone_from=PdfReader(SOURCE))
    for page in writer.pages[:1]:
        fonts = page["/Resources"]["/Font"]
        for name in fonts:
            font = fonts[name].get_object()
            if NameObject("/ToUnicode") in font:
                del font[NameObject("/ToUnicode")]
    writer.write(OUT / "lost-unicode.pdf")

    writer = PdfWriter()
    reader = PdfReader(SOURCE)
    writer.add_page(reader.pages[0])
    writer.add_blank_page()
    cut = writer.add_page(reader.pages[1])
    box = cut.mediabox
    cut.mediabox = cut.cropbox = RectangleObject([box.left, box.bottom + 650, box.right, box.top])
    writer.write(OUT / "page-faults.pdf")


if __name__ == "__main__":
    main()
