"""The PDFium reader (budgetlint/load/pdfium_page.py) gives the loader what pdfplumber's reading of
the same page (pdfminer) gave: the same glyphs in the same boxes, the same ruling lines, the same
page turned by ``/Rotate``, and leaves out what a clip hides, in a form's own space too."""

from __future__ import annotations

from collections import Counter
from io import BytesIO
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

from budgetlint.load.pdf import _drawn, _upright_boxes, parse_pdf
from budgetlint.load.pdfium_page import page_objects
from budgetlint.textnorm import squash

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "pdf" / "taiqian-2023.pdf"


def _pdf(content: bytes, rotate: int = 0, forms: dict[str, tuple[str, bytes]] | None = None) -> bytes:
    """A one-page A4 PDF drawing ``content`` with Helvetica as /F1; ``forms``: name → (matrix, stream)
    of form XObjects it may draw with ``Do``."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", b"", b"",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    names = []
    for name, (matrix, stream) in (forms or {}).items():
        objects.append(b"<< /Type /XObject /Subtype /Form /BBox [0 0 1000 1000] /Matrix [%s] "
                       b"/Resources << /Font << /F1 5 0 R >> >> /Length %d >>\nstream\n%s\nendstream"
                       % (matrix.encode(), len(stream), stream))
        names.append(b"/%s %d 0 R" % (name.encode(), len(objects)))
    objects[2] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate %d /Contents 4 0 R "
                  b"/Resources << /Font << /F1 5 0 R >> /XObject << %s >> >> >>" % (rotate, b" ".join(names)))
    objects[3] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
    out = BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _both(data: bytes, number: int = 1) -> tuple[dict, dict]:
    """pdfplumber's objects of a page, and the reader's."""
    document = pdfium.PdfDocument(data)
    with pdfplumber.open(BytesIO(data)) as pdf:
        page = pdf.pages[number - 1]
        _upright_boxes(page)
        theirs = page.objects
        read = document[number - 1]
        ours = page_objects(read, page, read.get_rotation())
    document.close()
    return theirs, ours


def _glyphs(objects: dict) -> list[tuple]:
    """Each printed glyph with its box (its right edge left out: PDFium's advance of some CJK glyphs
    differs from pdfminer's by a few tenths of a point)."""
    return sorted((c["text"], c["x0"], c["top"], c["bottom"]) for c in objects.get("char", []) if c["text"].strip())


def _same_glyphs(ours: dict, theirs: dict) -> bool:
    """The same glyphs, each edge within 0.01 pt (PDFium computes in single precision)."""
    left, right = _glyphs(ours), _glyphs(theirs)
    if len(left) != len(right):
        return False
    unmatched = list(right)
    for glyph in left:
        twin = next((g for g in unmatched if g[0] == glyph[0] and all(abs(a - b) <= 0.01 for a, b in zip(g[1:], glyph[1:]))), None)
        if twin is None:
            return False
        unmatched.remove(twin)
    return True


def _visible_rules(objects: dict) -> Counter:
    return Counter((o["object_type"], round(o["x0"], 1), round(o["top"], 1), round(o["x1"], 1), round(o["bottom"], 1))
                   for kind in ("line", "rect", "curve") for o in objects.get(kind, []) if _drawn(o))


def test_the_sample_reads_as_pdfplumber_reads_it():
    """taiqian-2023 (42 pages): every one of pdfplumber's 15,012 printed glyphs, at the same place."""
    document = pdfium.PdfDocument(SAMPLE.read_bytes())
    count = 0
    with pdfplumber.open(SAMPLE) as pdf:
        for number, page in enumerate(pdf.pages):
            read = document[number]
            ours = page_objects(read, page, read.get_rotation())
            assert _same_glyphs(ours, page.objects), f"page {number + 1}"
            count += len(_glyphs(page.objects))
    document.close()
    assert count == 15_012


def test_lines_rectangles_and_curves_are_pdfminer_s():
    """`re` is a rectangle, `m l` a line, a Bézier or an open polyline a curve; white boxes stay white."""
    content = (b"0 0 0 RG 1 w 100 700 200 50 re S 100 600 m 300 600 l S 100 500 m 150 550 l 200 500 l S "
               b"100 400 m 120 450 140 450 160 400 c S 1 1 1 rg 100 300 200 40 re f")
    theirs, ours = _both(_pdf(content))
    assert _visible_rules(ours) == _visible_rules(theirs)
    assert [len(ours.get(kind, [])) for kind in ("rect", "line", "curve")] == [2, 1, 2]
    assert not _drawn(ours["rect"][1])  # the white fill: a cell's background, not a rule


def test_a_turned_page_is_placed_as_pdfminer_places_it():
    content = b"BT /F1 12 Tf 72 720 Td (Total 236.88) Tj ET 0 0 0 RG 72 700 m 300 700 l S"
    for rotate in (90, 180, 270):
        theirs, ours = _both(_pdf(content, rotate=rotate))
        assert _same_glyphs(ours, theirs) and len(_glyphs(ours)) == 11, rotate
        assert _visible_rules(ours) == _visible_rules(theirs), rotate


def test_slanted_digits_are_upright_and_on_their_line():
    """江苏 jianchayuan-2018 p26: the figures are set slanted (`Tm 1 0 0.333 1`); read as not upright,
    each was a line of its own, and `占本年支出合计的 99.94%` fell apart."""
    content = b"BT /F1 12 Tf 72 720 Td (Share ) Tj ET BT /F1 12 Tf 1 0 0.3333 1 110 720 Tm (99.94) Tj ET"
    theirs, ours = _both(_pdf(content))
    assert _same_glyphs(ours, theirs)
    assert all(c["upright"] for c in ours["char"])
    assert squash(parse_pdf(_pdf(content), "slanted.pdf").paragraphs[0].text) == "Share99.94"


def test_a_clip_in_a_form_s_own_space_hides_only_what_it_hides():
    """江苏 jianchayuan-2018 p1: the cover's title is drawn in a form scaled 6 × 8.5 (by the `cm` before
    its `Do`), clipped to its box in the form's own units (0–72); compared with the page's units, the
    clip hid the whole title.
    Outside the clip (here, its right half) a glyph is hidden."""
    form = b"0 0 72 72 re W n BT /F1 3 Tf 40 30 Td [(Visible) -12000 (Hidden)] TJ ET"  # one text object across the clip
    data = _pdf(b"q 2 0 0 2 100 400 cm /Fm1 Do Q", forms={"Fm1": ("2 0 0 2 0 0", form)})  # PDFium: clip after /Matrix, before cm
    _, ours = _both(data)
    assert "".join(c["text"] for c in ours["char"]) == "Visible"
    assert [squash(p.text) for p in parse_pdf(data, "form.pdf").paragraphs] == ["Visible"]


def test_a_glyph_without_unicode_is_unreadable_not_a_figure():
    """A font whose codes map to no character: PDFium gives the code itself; the reader marks it U+FFFD."""
    path = Path(__file__).resolve().parent / "data" / "lost-unicode.pdf"
    _, ours = _both(path.read_bytes())
    assert ours["char"] and all(c["text"] == "\ufffd" for c in ours["char"] if c["text"].strip())


@pytest.mark.parametrize("rotate", [0, 90])
def test_pictures_are_placed_as_pdfminer_places_them(rotate):
    image = b"q 200 0 0 100 50 600 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q"
    theirs, ours = _both(_pdf(image, rotate=rotate))
    box = [(round(i["x0"], 1), round(i["top"], 1), round(i["x1"], 1), round(i["bottom"], 1)) for i in ours["image"]]
    assert box == [(round(i["x0"], 1), round(i["top"], 1), round(i["x1"], 1), round(i["bottom"], 1)) for i in theirs["image"]]


def test_a_thread_reading_a_pdf_waits_while_another_uses_pdfium():
    """PDFium may be called by one thread at a time, whatever the documents: the web server's check
    thread and the report's page pictures, a Dask worker's threads."""
    import threading

    from budgetlint.load.pdfium_page import PDFIUM_LOCK

    done = threading.Event()
    reader = threading.Thread(target=lambda: (parse_pdf(SAMPLE.read_bytes(), "taiqian.pdf"), done.set()))
    with PDFIUM_LOCK:
        reader.start()
        assert not done.wait(1.0)  # the whole file reads in under a second when nothing holds the lock
    reader.join(30)
    assert done.is_set()
