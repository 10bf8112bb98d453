"""What a submitted file may cost to read: bounds on size, pages, decompression and drawing.

In CI budgetlint reads files that someone else wrote.  A 1 MB PDF can hold a stream that
inflates to gigabytes; a page can carry thousands of tiny ruled tables whose intersections take
minutes to find; a text file can be any size.  Each bound below is far above what real
disclosures need (the corpus: 60 × 60 table rules on a page at most, content streams under 1 MB,
texts under 1 MB), and crossing one gives a clear error or an input finding
on its page, never a run that eats the machine.  The README's limits section lists them.
"""

from __future__ import annotations

import zlib
from typing import Any

from budgetlint.i18n import t

MAX_FILE_BYTES = 256 * 2**20  # any input file, before it is parsed
# a text disclosure: the longest real one (a whole PDF's text) is 57 KB; 2 MB checks in about 30 s
# (benchmarks/bench_text_size.py: some cross-checks still grow with tables × narrative figures)
MAX_TEXT_BYTES = 2 * 2**20
MAX_PAGES = 2_000
MAX_STREAM_BYTES = 64 * 2**20  # one PDF stream once inflated
MAX_GRID = 10_000  # vertical × horizontal rules on a page (the corpus: 3 600 at most; 10 000 reads in 4 s)
MAX_UNZIPPED_BYTES = 256 * 2**20  # a Word or Excel file (a zip of XML) once inflated, all parts together
MAX_ZIP_MEMBERS = 10_000
MAX_SHEET_CELLS = 1_000_000  # rows × columns a worksheet spans (a disclosure's sheet has a few thousand)
# cells a workbook holds, all sheets together (the sample: 2 479; 200 000 read in about 50 s and 200 MB,
# while a 19.6 MB workbook of millions took 6 GB and 9 minutes)
MAX_WORKBOOK_CELLS = 200_000
_JOIN = 3.0  # points: pdfplumber's default snap and join tolerance


class LimitExceeded(Exception):
    """An input past one of the bounds; the message says which and is one line."""


def megabytes(size: int) -> str:
    return f"{size / 2**20:.0f} MB"


def check_page_count(count: int) -> None:
    if count > MAX_PAGES:
        raise LimitExceeded(t("too many pages: {count} (PDFs over {limit} pages are not read)", count=count, limit=MAX_PAGES))


def check_zip(members: list[tuple[str, int]]) -> None:
    """Refuse an Office file (a zip) whose parts would inflate past :data:`MAX_UNZIPPED_BYTES`;
    ``members`` are the names and declared sizes, which bound what :mod:`zipfile` will inflate."""
    if len(members) > MAX_ZIP_MEMBERS:
        raise LimitExceeded(t("too many parts: {count} (Office files over {limit} are not read)", count=len(members),
                                limit=MAX_ZIP_MEMBERS))
    total = sum(size for _, size in members)
    if total > MAX_UNZIPPED_BYTES:
        raise LimitExceeded(t("its parts inflate to {size} (over {limit}: a decompression bomb?); the file is not read",
                              size=megabytes(total), limit=megabytes(MAX_UNZIPPED_BYTES)))


def check_cells(count: int) -> None:
    """Refuse a workbook holding more cells than :data:`MAX_WORKBOOK_CELLS`, counted in its XML
    before openpyxl builds an object of each."""
    if count > MAX_WORKBOOK_CELLS:
        raise LimitExceeded(t("too many cells: {count} (workbooks over {limit} are not read)", count=count,
                              limit=MAX_WORKBOOK_CELLS))


def ruled_grid_size(edges: list[dict]) -> int:
    """Vertical rules × horizontal rules once touching segments are joined, as pdfplumber joins
    them: the number of intersections pdfplumber will test, and a bound on the cells it will
    assemble.  A real table has a few dozen rules each way however its cells are drawn; a page
    of 1 000 tiny separate grids has thousands, and pdfplumber's table finding (quadratic in
    them) takes minutes.  Counted in O(n log n), before pdfplumber does anything."""
    counts = []
    for orientation, start, end, position in (("v", "top", "bottom", "x0"), ("h", "x0", "x1", "top")):
        segments = sorted((round(e[position] / _JOIN), e[start], e[end]) for e in edges
                          if e.get("orientation") == orientation)
        joined, line, reach = 0, None, 0.0
        for at, begin, finish in segments:
            if at != line or begin > reach + _JOIN:
                joined += 1
                line, reach = at, finish
            else:
                reach = max(reach, finish)
        counts.append(joined)
    return counts[0] * counts[1]


def _too_large() -> LimitExceeded:
    return LimitExceeded(t("a compressed stream inflates to more than {limit} (a decompression bomb?); the PDF is not read",
                           limit=megabytes(MAX_STREAM_BYTES)))


class _BoundedDecompressor:
    """``zlib.decompressobj`` that stops at :data:`MAX_STREAM_BYTES` of output."""

    def __init__(self, *args: Any):
        self._inner = zlib.decompressobj(*args)
        self._produced = 0

    def decompress(self, data: bytes) -> bytes:
        out = self._inner.decompress(data, MAX_STREAM_BYTES - self._produced + 1)
        self._produced += len(out)
        if self._produced > MAX_STREAM_BYTES:
            raise _too_large()
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _BoundedZlib:
    """The part of :mod:`zlib` pdfminer uses, with inflation bounded.  pdfminer inflates a whole
    stream with ``zlib.decompress`` (and a damaged one byte by byte with ``decompressobj``)."""

    error = zlib.error
    decompressobj = _BoundedDecompressor

    @staticmethod
    def decompress(data: bytes, *args: Any) -> bytes:
        inflater = _BoundedDecompressor(*args[:1])  # wbits
        out = inflater.decompress(data)
        if not inflater.eof:
            raise zlib.error("incomplete or truncated stream")  # as zlib.decompress: pdfminer then tries harder
        return out


def check_page_streams(page: Any) -> None:
    """Inflate a page's content streams and the forms it draws (through :class:`_BoundedZlib`)
    before PDFium reads them: PDFium inflates without a bound, so a bomb is refused here."""
    from pdfminer.pdftypes import PDFStream, resolve1

    seen: set[int] = set()
    pending: list[Any] = [*page.contents, (page.resources or {}).get("XObject")]
    while pending:
        item = resolve1(pending.pop())
        if id(item) in seen or not isinstance(item, (dict, PDFStream)):
            continue
        seen.add(id(item))
        if isinstance(item, dict):  # a form's XObject resources: name → stream
            pending.extend(item.values())
        elif getattr(item.get("Subtype"), "name", "Form") == "Form":  # an image is never decoded
            item.get_data()
            resources = resolve1(item.get("Resources"))
            pending.append(resources.get("XObject") if isinstance(resources, dict) else None)


def bound_pdf_streams() -> None:
    """Make pdfminer inflate streams through :class:`_BoundedZlib` (idempotent)."""
    from pdfminer import pdftypes

    pdftypes.zlib = _BoundedZlib  # type: ignore[assignment]
