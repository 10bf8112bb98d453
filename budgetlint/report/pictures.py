"""Pictures of the places a report points at: the band of a PDF page holding a finding's figure,
boxed in red, and the figures it was compared with, in blue.  The HTML report and the workbook
show them, so that an auditor sees the place without opening the PDF."""

from __future__ import annotations

import base64
import io

from budgetlint.load.pdfium_page import PDFIUM_LOCK
from budgetlint.report.result import FigureRef

_RESOLUTION = 110  # dpi: Chinese text stays legible, images stay small
_MAX_PIXELS = 4_000_000  # per rendered page (A4 at 110 dpi is 1.2 M): a page 20 times A4 is drawn smaller, not in 4 GB
_PAD = 28.0  # points above and below the boxed figures; across, the page's whole width (the row's
# label and code, the whole line of a sentence)
_SUBJECT = (220, 38, 38)
_RELATED = (37, 99, 235)
_GREYS = 14  # the picture's palette: these greys, and the two outline colours
_AROUND = 2.5  # points between a figure and its box: the outline never touches the glyphs it marks


def _around(bbox: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    return (bbox[0] - _AROUND, bbox[1] - _AROUND, bbox[2] + _AROUND, bbox[3] + _AROUND)


def _small(image):
    """The picture in 16 colours — 14 greys and the red and blue of the outlines, exactly — which
    is all black text on white, grey rules and the outlines need: the PNG is a quarter of the
    size, so a report of 150 disclosures stays tens of megabytes, not hundreds."""
    from PIL import Image

    greys = [round(255 * k / (_GREYS - 1)) for k in range(_GREYS)]
    palette = Image.new("P", (1, 1))
    palette.putpalette([v for g in greys for v in (g, g, g)] + [*_SUBJECT, *_RELATED] + [0, 0, 0] * (256 - _GREYS - 2))
    return image.convert("RGB").quantize(palette=palette, dither=Image.Dither.NONE)


class PagePictures:
    """Renders regions of the PDF pages a report points at, one open file at a time."""

    def __init__(self) -> None:
        self.path: str | None = None
        self.pdf = None

    def _open(self, path: str):
        import pdfplumber

        from budgetlint.load.limits import bound_pdf_streams

        bound_pdf_streams()

        if path != self.path:
            self.close()
            self.pdf = pdfplumber.open(path)
            self.path = path
        return self.pdf

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()
        self.pdf, self.path = None, None

    def image(self, path: str, number: int, subject: FigureRef | None, related: list[FigureRef]) -> str | None:
        """:meth:`png` as a data URI, for a page that holds its pictures."""
        data = self.png(path, number, subject, related)
        return "data:image/png;base64," + base64.b64encode(data).decode("ascii") if data else None

    def png(self, path: str, number: int, subject: FigureRef | None, related: list[FigureRef]) -> bytes | None:
        """A PNG of the band of the page holding the boxes (and the heading of the subject's
        column: in the band when it is near, as a strip above it when it is far), or None when it
        cannot be drawn."""
        boxes = [r.location.bbox for r in ([subject] if subject else []) + related if r.location.bbox]
        if not boxes:
            return None
        heading = subject.heading if subject is not None and subject.heading and subject.heading.page == number else None
        try:
            pdf = self._open(path)
            page = pdf.pages[number - 1]
            top, bottom = min(b[1] for b in boxes), max(b[3] for b in boxes)
            if heading is not None and bottom - heading.bbox[1] <= 0.6 * page.height - 2 * _PAD:
                top, heading = min(top, heading.bbox[1]), None  # near: the band reaches up to it
            region = (0, max(top - _PAD, 0), page.width, min(bottom + _PAD, page.height))
            if region[3] - region[1] > 0.6 * page.height:
                region = (0, 0, page.width, page.height)
            inches = page.width / 72 * page.height / 72  # the whole page is rendered, then cut
            resolution = min(_RESOLUTION, (_MAX_PIXELS / max(inches, 1e-6)) ** 0.5)
            with PDFIUM_LOCK:  # pdfplumber draws the page with PDFium
                shot = page.crop(region).to_image(resolution=resolution, antialias=True)
            for ref in related:
                if ref.location.bbox:
                    shot.draw_rect(_around(ref.location.bbox), fill=None, stroke=_RELATED, stroke_width=2)
            if subject is not None and subject.location.bbox:  # outlined, never filled over the figure
                shot.draw_rect(_around(subject.location.bbox), fill=None, stroke=_SUBJECT, stroke_width=3)
            picture = shot.annotated
            if heading is not None:  # far above: its strip on top, a grey rule between
                strip = (0, max(heading.bbox[1] - _AROUND * 2, 0), page.width, min(heading.bbox[3] + _AROUND * 2, page.height))
                with PDFIUM_LOCK:
                    above = page.crop(strip).to_image(resolution=resolution, antialias=True)
                picture = _stacked(above.annotated, picture)
            buffer = io.BytesIO()
            _small(picture).save(buffer, format="PNG", optimize=True)
            page.close()
        except Exception:  # a file that moved or changed since the check: show the finding without its picture
            return None
        return buffer.getvalue()


def _stacked(upper, lower):
    """Two pictures of one width, one above the other, a grey rule between."""
    from PIL import Image

    gap = 6
    joined = Image.new("RGB", (max(upper.width, lower.width), upper.height + gap + lower.height), (255, 255, 255))
    joined.paste(upper.convert("RGB"), (0, 0))
    joined.paste((160, 160, 160), (0, upper.height + gap // 2 - 1, joined.width, upper.height + gap // 2 + 1))
    joined.paste(lower.convert("RGB"), (0, upper.height + gap))
    return joined
