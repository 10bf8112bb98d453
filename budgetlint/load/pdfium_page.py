"""A page's characters, rules and pictures read by PDFium (pypdfium2), as the dicts pdfplumber
makes of pdfminer's layout: what the loader and the table finder read, at a fraction of pdfminer's
cost (pdfminer's parsing and pdfplumber's conversion were half of a check's time; issue 26).

Everything is placed as pdfminer places it, so that the rest of the loader cannot tell the two
apart: the page turned by its ``/Rotate`` as pdfminer turns it (from its MediaBox), a glyph boxed
from its origin to its advance and from the font's descent one font size up, each subpath of a path
a line, a rectangle or a curve by pdfminer's rule.

A glyph that a clip hides is left out.  What Excel and WPS print in a cell, a table region or a
text frame is clipped to it, and the rest is still in the file: the overflow of a merged cell cut by
the page break, printed again in full on the next page (北京 预算12表), or a text frame whose text
flows on to the next page (普陀区 主要职能), printed on both pages and clipped on each.  PDFium's
text page keeps them; each text object's clip (and those of the forms holding it) says which.

PDFium's text page leaves out the space glyphs a PDF prints; the loader puts spaces in gaps itself
(``pdf._line_text``), and a contents page's dot leaders are no longer read as a table's columns.
"""

from __future__ import annotations

import ctypes
import threading
from typing import Any, Iterator

import pypdfium2.raw as raw

# PDFium may be called by one thread of a process at a time, whatever the documents (pypdfium2's
# "Incompatibility with Threading"): the web server checks in a thread of its own while pages are
# drawn for its reports, and a Dask worker runs a task per thread.  Whoever calls it holds this.
PDFIUM_LOCK = threading.RLock()

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
Box = tuple[float, float, float, float]

_EDGE = 2.0  # points: a clip this close to the page's edge (or beyond it) is the page's own edge
_OVERLAP = 1.0  # points: a glyph hidden by a clip lies this far inside it at most
_UNMAPPED = "\ufffd"  # a glyph PDFium maps to no character (pdfminer's `(cid:…)`)
_FILL_MODES = {raw.FPDF_FILLMODE_ALTERNATE: "evenodd", raw.FPDF_FILLMODE_WINDING: "nonzero"}


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (a point mapped by ``m``, the result by ``n``)."""
    a1, b1, c1, d1, e1, f1 = m
    a0, b0, c0, d0, e0, f0 = n
    return (a0 * a1 + c0 * b1, b0 * a1 + d0 * b1, a0 * c1 + c0 * d1, b0 * c1 + d0 * d1,
            a0 * e1 + c0 * f1 + e0, b0 * e1 + d0 * f1 + f0)


def apply(m: Matrix, x: float, y: float) -> Point:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


class Placement:
    """Where pdfplumber puts a point of the PDF's user space on the page it opened: turned by the
    page's rotation and moved to the MediaBox's origin, as pdfminer's interpreter does, then
    measured from the top as pdfplumber measures it."""

    def __init__(self, plumbed: Any, rotation: int):
        x0, y0, x1, y1 = plumbed.page_obj.mediabox
        self.device: Matrix = {90: (0, -1, 1, 0, -y0, x1), 180: (-1, 0, 0, -1, x1, y1),
                               270: (0, 1, -1, 0, y1, -x0)}.get(rotation % 360, (1, 0, 0, 1, -x0, -y0))
        self.left, self.top_edge = plumbed.mediabox[0], plumbed.mediabox[1]
        self.height = plumbed.height
        self.doctop = plumbed.initial_doctop
        self.number = plumbed.page_number

    def box(self, x0: float, y0: float, x1: float, y1: float) -> dict:
        """pdfplumber's keys for a box given in device space (y up)."""
        top = self.height - y1 + self.top_edge
        return {"x0": x0 + self.left, "x1": x1 + self.left, "y0": y0, "y1": y1, "width": x1 - x0,
                "height": y1 - y0, "top": top, "bottom": top + (y1 - y0), "doctop": self.doctop + top,
                "page_number": self.number}

    def point(self, x: float, y: float) -> Point:
        """A device-space point as pdfplumber's (x, top)."""
        return (x + self.left, self.height - y + self.top_edge)


def _bounds(points: list[Point]) -> Box:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _color(obj: Any, getter: Any) -> tuple[float, ...]:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, r, g, b, a):
        return (0.0,)
    return (r.value / 255, g.value / 255, b.value / 255)


def _segments(count: int, get: Any) -> list[tuple[str, Point]]:
    """A path's segments as (operator, point): `m`, `l`, a Bézier's three points as `c`, and `h`
    after a segment that closes its subpath."""
    x, y = ctypes.c_float(), ctypes.c_float()
    out: list[tuple[str, Point]] = []
    for i in range(count):
        segment = get(i)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        kind = raw.FPDFPathSegment_GetType(segment)
        out.append(({raw.FPDF_SEGMENT_MOVETO: "m", raw.FPDF_SEGMENT_BEZIERTO: "c"}.get(kind, "l"), (x.value, y.value)))
        if raw.FPDFPathSegment_GetClose(segment):
            out.append(("h", (x.value, y.value)))
    return out


def _subpaths(segments: list[tuple[str, Point]]) -> Iterator[list[tuple[str, tuple[Point, ...]]]]:
    """Each subpath as pdfminer's operations: a Bézier's three points one `c`, a closing line back
    to the start (how PDFium stores `re` and `h`) one `h`."""
    path: list[tuple[str, tuple[Point, ...]]] = []
    bezier: list[Point] = []
    for op, point in segments:
        if op == "m":
            if path:
                yield path
            path, bezier = [("m", (point,))], []
        elif op == "c":
            bezier.append(point)
            if len(bezier) == 3:
                path.append(("c", tuple(bezier)))
                bezier = []
        elif op == "h":
            start = path[0][1][-1] if path else point
            if path and path[-1][0] == "l" and path[-1][1][-1] == start and len(path) > 2:
                path.pop()
            path.append(("h", (start,)))
        elif path:
            path.append(("l", (point,)))
    if path:
        yield path


def _shape(ops: list[tuple[str, tuple[Point, ...]]], pts: list[Point]) -> str:
    """pdfminer's kind of a subpath: one segment a line, an axis-aligned closed quadrilateral a
    rectangle, anything else a curve (``PDFLayoutAnalyzer.paint_path``)."""
    shape = "".join(op for op, _ in ops)
    if shape in ("ml", "mlh"):
        return "line"
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            return "rect"
    return "curve"


_IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)


def _placed_box(box: Box, matrix: Matrix) -> Box:
    return _bounds([apply(matrix, x, y) for x in (box[0], box[2]) for y in (box[1], box[3])])


def _within(box: Box | None, clip: Box | None) -> Box | None:
    if box is None or clip is None:
        return box or clip
    return (max(box[0], clip[0]), max(box[1], clip[1]), min(box[2], clip[2]), min(box[3], clip[3]))


class _PageWalk:
    """The page's objects, Form XObjects opened, each with the matrix that places it in the page's
    space; for each text object, the clip it is drawn in (its own and those of the forms holding
    it: pdfminer's clipping state, which a form inherits).  PDFium gives what a form holds (clips
    too) in the form's space after its ``/Matrix``, and the form object's matrix (the `cm` before
    its ``Do``) places that space in the space holding the form."""

    def __init__(self, page: Any, placement: Placement):
        self.placement = placement
        self.graphics: dict[str, list[dict]] = {"line": [], "rect": [], "curve": [], "image": []}
        self.text_clips: dict[int, Box | None] = {}
        paths: dict[tuple[int, int], Box] = {}  # the clip paths met on the page
        matrix = raw.FS_MATRIX()
        stack = [(raw.FPDFPage_CountObjects(page), lambda i: raw.FPDFPage_GetObject(page, i), _IDENTITY, None)]
        while stack:
            count, get, outer, inherited = stack.pop()
            for i in range(count):
                obj = get(i)
                kind = raw.FPDFPageObj_GetType(obj)
                if kind == raw.FPDF_PAGEOBJ_TEXT:
                    own = _clip_box(obj, paths)
                    self.text_clips[_address(obj)] = _within(own and _placed_box(own, outer), inherited)
                    continue
                if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM, raw.FPDF_PAGEOBJ_IMAGE):
                    continue
                raw.FPDFPageObj_GetMatrix(obj, matrix)
                placed = multiply((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
                if kind == raw.FPDF_PAGEOBJ_FORM:
                    own = _clip_box(obj, paths)
                    stack.append((raw.FPDFFormObj_CountObjects(obj), lambda k, form=obj: raw.FPDFFormObj_GetObject(form, k),
                                  placed, _within(own and _placed_box(own, outer), inherited)))
                elif kind == raw.FPDF_PAGEOBJ_IMAGE:
                    corners = [apply(placed, x, y) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
                    box = _bounds([apply(placement.device, *p) for p in corners])
                    self.graphics["image"].append({**placement.box(*box), "object_type": "image"})
                else:
                    self._path(obj, multiply(placed, placement.device))

    def _path(self, obj: Any, matrix: Matrix) -> None:
        fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
        raw.FPDFPath_GetDrawMode(obj, fill_mode, stroke)
        width = ctypes.c_float()
        raw.FPDFPageObj_GetStrokeWidth(obj, width)
        style = {"stroke": bool(stroke.value), "fill": fill_mode.value != 0,
                 "evenodd": fill_mode.value == raw.FPDF_FILLMODE_ALTERNATE, "linewidth": width.value,
                 "stroking_color": _color(obj, raw.FPDFPageObj_GetStrokeColor),
                 "non_stroking_color": _color(obj, raw.FPDFPageObj_GetFillColor), "dash": None,
                 "mcid": None, "tag": None}
        segments = _segments(raw.FPDFPath_CountSegments(obj), lambda i: raw.FPDFPath_GetPathSegment(obj, i))
        place = self.placement
        for ops in _subpaths(segments):
            placed_ops = [(op, tuple(apply(matrix, *p) for p in points)) for op, points in ops]
            pts = [points[-1] for _, points in placed_ops]
            kind = _shape(placed_ops, pts)
            obj_dict = {**place.box(*_bounds(pts)), **style, "object_type": kind,  # a Bézier's control points not counted
                        "pts": [place.point(*p) for p in pts]}
            if kind == "curve":
                obj_dict["path"] = [(op, *(place.point(*p) for p in points)) for op, points in placed_ops]
            self.graphics[kind].append(obj_dict)


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


_X, _Y = ctypes.c_float(), ctypes.c_float()


def _clip_box(obj: Any, known: dict[tuple[int, int], Box]) -> Box | None:
    """The box bounding what an object's clip lets through, in the space of the form (or page)
    holding it (None: no clip).  Asked of every text object (Excel's PDFs make one a glyph: 180,000
    in 北京 weijian), whose clips share their paths: a path's bounds are read once, ``known`` by
    the address of its points and their count."""
    clip = raw.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return None
    box = None
    for p in range(raw.FPDFClipPath_CountPaths(clip)):
        count = raw.FPDFClipPath_CountPathSegments(clip, p)
        if count <= 0:
            continue
        key = (_address(raw.FPDFClipPath_GetPathSegment(clip, p, 0)), count)
        if key not in known:
            xs, ys = [], []
            for i in range(count):
                raw.FPDFPathSegment_GetPoint(raw.FPDFClipPath_GetPathSegment(clip, p, i), _X, _Y)
                xs.append(_X.value)
                ys.append(_Y.value)
            known[key] = (min(xs), min(ys), max(xs), max(ys))
        box = _within(box, known[key])
    return box


def _unsubset(name: bytes) -> bytes:
    """A font's name without its subset tag (`ABCDEF+SimSun`: PDFium names it `SimSun`)."""
    return name[7:] if len(name) > 7 and name[6:7] == b"+" and name[:6].isalpha() and name[:6].isupper() else name


def _descriptor_descents(plumbed: Any) -> dict[bytes, float | None]:
    """The descent (per point of size) pdfminer gives each font of the page, by name: the
    ``/Descent`` of its font descriptor (0 when it has none, a standard font's from its metrics),
    where PDFium would measure the font file.  None for a name two fonts with different descents share."""
    from pdfminer.fontmetrics import FONT_METRICS
    from pdfminer.pdftypes import PDFStream, resolve1

    found: dict[bytes, float | None] = {}
    seen: set[int] = set()
    pending = [plumbed.page_obj.resources]
    while pending:
        resources = resolve1(pending.pop())
        if not isinstance(resources, dict) or id(resources) in seen:
            continue
        seen.add(id(resources))
        for spec in (resolve1(f) for f in (resolve1(resources.get("Font")) or {}).values()):
            if not isinstance(spec, dict):
                continue
            base = getattr(resolve1(spec.get("BaseFont")), "name", b"")
            base = base.encode() if isinstance(base, str) else bytes(base)
            descendants = resolve1(spec.get("DescendantFonts"))
            owner = resolve1(descendants[0]) if isinstance(descendants, list) and descendants else spec
            descriptor = resolve1(owner.get("FontDescriptor")) if isinstance(owner, dict) else None
            if base.decode("latin-1") in FONT_METRICS and getattr(spec.get("Subtype"), "name", "") != "Type0":
                descriptor = FONT_METRICS[base.decode("latin-1")][0]
            value = resolve1(descriptor.get("Descent", 0)) if isinstance(descriptor, dict) else 0
            descent = -abs(value) / 1000 if isinstance(value, (int, float)) else 0.0
            key = _unsubset(base)
            found[key] = descent if found.get(key, descent) == descent else None
        for xobject in (resolve1(x) for x in (resolve1(resources.get("XObject")) or {}).values()):
            if isinstance(xobject, PDFStream):
                pending.append(xobject.get("Resources"))
    return found


class _Fonts:
    """Each font's name and descent per point of size: pdfminer's descent where the page's
    resources give it unambiguously, else PDFium's."""

    def __init__(self, descents: dict[bytes, float | None]) -> None:
        self.descents = descents
        self.known: dict[int, tuple[str, float]] = {}

    def __call__(self, font: Any) -> tuple[str, float]:
        key = _address(font)
        if key not in self.known:
            size = raw.FPDFFont_GetBaseFontName(font, None, 0) if font else 0
            name = ctypes.create_string_buffer(size)
            if size:
                raw.FPDFFont_GetBaseFontName(font, name, size)
            per_point = self.descents.get(_unsubset(name.value))
            if per_point is None:
                descent = ctypes.c_float()
                per_point = descent.value / 100 if font and raw.FPDFFont_GetDescent(font, 100.0, descent) else -0.2
            self.known[key] = (name.value.decode("utf-8", "replace"), per_point)
        return self.known[key]


def _hidden(glyph: Box, clip: Box, page: Box) -> bool:
    """Whether a clip keeps a glyph out of sight: the glyph lies outside the clip's box, on a side
    where the clip ends inside the page (text beyond the page's own edge is not hidden here: it is
    read, and reported as printed off the page unless a neighbouring page shows it)."""
    inf = float("inf")
    x0 = clip[0] if clip[0] > page[0] + _EDGE else -inf
    y0 = clip[1] if clip[1] > page[1] + _EDGE else -inf
    x1 = clip[2] if clip[2] < page[2] - _EDGE else inf
    y1 = clip[3] if clip[3] < page[3] - _EDGE else inf
    return min(glyph[2], x1) - max(glyph[0], x0) < _OVERLAP or min(glyph[3], y1) - max(glyph[1], y0) < _OVERLAP


def _glyph(text: Any, i: int, count: int) -> str:
    """The character of the text page's glyph ``i``: U+FFFD where the font maps it to none (PDFium
    then gives the glyph's code), a character outside the BMP from its two UTF-16 halves."""
    code = raw.FPDFText_GetUnicode(text, i)
    if code in (0, 0xFFFE, 0xFFFF) or raw.FPDFText_HasUnicodeMapError(text, i):
        return _UNMAPPED
    if 0xD800 <= code < 0xDC00 and i + 1 < count:
        low = raw.FPDFText_GetUnicode(text, i + 1)
        if 0xDC00 <= low < 0xE000:
            return chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
    return _UNMAPPED if 0xD800 <= code < 0xE000 else chr(code)


def _chars(page: Any, placement: Placement, mediabox: Box, fonts: _Fonts, clips: dict[int, Box | None]) -> list[dict]:
    text = raw.FPDFText_LoadPage(page)
    x, y = ctypes.c_double(), ctypes.c_double()
    box, m = raw.FS_RECTF(), raw.FS_MATRIX()
    device = placement.device
    out = []
    owners: dict[int, tuple[Box | None, str, float]] = {}
    try:
        count = raw.FPDFText_CountChars(text)
        low_surrogate = -1  # the index of the second half of a character outside the BMP
        for i in range(count):
            if i == low_surrogate or raw.FPDFText_IsGenerated(text, i):
                continue
            glyph = _glyph(text, i, count)
            if len(glyph) == 1 and ord(glyph) > 0xFFFF:
                low_surrogate = i + 1
            raw.FPDFText_GetCharOrigin(text, i, x, y)
            raw.FPDFText_GetLooseCharBox(text, i, box)
            owner = raw.FPDFText_GetTextObject(text, i)
            key = _address(owner)
            if key not in owners:  # a text object's clip and font, asked once for all its glyphs
                owners[key] = (clips.get(key), *(fonts(raw.FPDFTextObj_GetFont(owner)) if owner else ("", -0.2)))
            clip, fontname, descent = owners[key]
            if clip is not None and _hidden((box.left, box.bottom, box.right, box.top), clip, mediabox):
                continue
            raw.FPDFText_GetMatrix(text, i, m)
            font_size = raw.FPDFText_GetFontSize(text, i)
            low, high = descent * font_size, (descent + 1) * font_size
            if abs(m.b) < 1e-6 and m.a > 0:  # pdfminer's box: from the origin to the advance (the loose box's width)
                advance = box.right - x.value
                corners = [(x.value + m.c * low, y.value + m.d * low), (x.value + advance, y.value + m.d * high)]
            else:  # turned in the page's own space: the loose box
                corners = [(px, py) for px in (box.left, box.right) for py in (box.bottom, box.top)]
            x0, y0, x1, y1 = _bounds([apply(device, *corner) for corner in corners])
            a, b, c, d, _, _ = multiply((m.a, m.b, m.c, m.d, 0, 0), device[:4] + (0, 0))
            ox, oy = apply(device, x.value, y.value)
            out.append({**placement.box(x0, y0, x1, y1), "text": glyph, "fontname": fontname, "size": y1 - y0,
                        "adv": x1 - x0, "upright": a * d > 0 and b * c <= 0, "matrix": (a, b, c, d, ox, oy),
                        "object_type": "char", "mcid": None, "tag": None, "ncs": "DeviceGray",
                        "stroking_color": (0,), "non_stroking_color": (0,)})
    finally:
        raw.FPDFText_ClosePage(text)
    return out


def page_objects(page: Any, plumbed: Any, rotation: int) -> dict[str, list[dict]]:
    """The objects of a PDFium page as pdfplumber's ``page.objects`` holds them, placed with the
    geometry of ``plumbed`` (the same page opened by pdfplumber, its boxes read upright)."""
    placement = Placement(plumbed, rotation)
    mediabox = tuple(plumbed.page_obj.mediabox)
    walk = _PageWalk(page, placement)
    objects = walk.graphics
    objects["char"] = _chars(page, placement, mediabox, _Fonts(_descriptor_descents(plumbed)), walk.text_clips)
    return {kind: found for kind, found in objects.items() if found}
