"""The document model as plain JSON data, and back, checking every field on the way in.

The cache stores parsed documents on disk, where anyone who can write the cache directory (a CI
cache restored from another branch) can put a file.  Pickle would run whatever such a file says;
this format is data only: a value of the wrong type anywhere makes the whole entry
:class:`Malformed`, and the caller parses the source file again.

Locations, the bulk of a PDF's model (one per printed character run), are stored as short lists
``[file index, page, line, column, x0, top, x1, bottom, part]`` with the file names listed once.
"""

from __future__ import annotations

from typing import Any

from budgetlint.model import Cell, Document, Location, Paragraph, Problem, Table

FORMAT = 3


class Malformed(ValueError):
    """The data is not a document model of this format."""


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise Malformed(what)


def _optional(value: Any, kind: type, what: str) -> Any:
    _expect(value is None or (isinstance(value, kind) and not isinstance(value, bool)), what)
    return value


def _number(value: Any, what: str) -> float:
    _expect(isinstance(value, (int, float)) and not isinstance(value, bool), what)
    return value  # as stored: an int stays an int, so a report prints it the same from the cache


class Encoder:
    def __init__(self) -> None:
        self.files: dict[str, int] = {}

    def location(self, loc: Location) -> list:
        index = self.files.setdefault(loc.file, len(self.files))
        box = list(loc.bbox) if loc.bbox is not None else [None] * 4
        return [index, loc.page, loc.line, loc.column, *box, loc.part]

    def cell(self, cell: Cell) -> list:
        return [cell.text, self.location(cell.location), cell.covered]

    def paragraph(self, p: Paragraph) -> dict:
        return {"text": p.text, "location": self.location(p.location),
                "segments": [[offset, self.location(loc)] for offset, loc in p.segments]}

    def table(self, t: Table) -> dict:
        return {"header": [[self.cell(c) for c in row] for row in t.header],
                "body": [[self.cell(c) for c in row] for row in t.body],
                "location": self.location(t.location), "title": t.title, "number": t.number,
                "unit_text": t.unit_text, "meta": t.meta, "notes": [self.paragraph(n) for n in t.notes],
                "parts": [self.location(p) for p in t.parts],
                "grid": [list(g) for g in t.grid] if t.grid is not None else None}


def document_to_data(document: Document) -> dict:
    encoder = Encoder()
    blocks = [{"table": encoder.table(b)} if isinstance(b, Table) else {"paragraph": encoder.paragraph(b)}
              for b in document.blocks]
    problems = [[p.message, encoder.location(p.location), p.found, p.kind, p.unread, p.values]
                for p in document.problems]
    return {"format": FORMAT, "path": document.path, "pages": document.pages, "files": list(encoder.files),
            "blocks": blocks, "problems": problems}


class Decoder:
    def __init__(self, files: Any):
        _expect(isinstance(files, list) and all(isinstance(f, str) for f in files), "files")
        self.files = files

    def location(self, raw: Any) -> Location:
        _expect(isinstance(raw, list) and len(raw) == 9, "location")
        index, page, line, column, *box, part = raw
        _expect(isinstance(index, int) and 0 <= index < len(self.files), "location file")
        bbox = None
        if any(v is not None for v in box):
            bbox = tuple(_number(v, "bbox") for v in box)
        return Location(self.files[index], _optional(page, int, "page"), _optional(line, int, "line"),
                        _optional(column, int, "column"), bbox, _optional(part, str, "part"))

    def cell(self, raw: Any) -> Cell:
        _expect(isinstance(raw, list) and len(raw) == 3 and isinstance(raw[0], str) and isinstance(raw[2], bool), "cell")
        return Cell(raw[0], self.location(raw[1]), raw[2])

    def rows(self, raw: Any) -> list[list[Cell]]:
        _expect(isinstance(raw, list) and all(isinstance(row, list) for row in raw), "rows")
        return [[self.cell(c) for c in row] for row in raw]

    def paragraph(self, raw: Any) -> Paragraph:
        _expect(isinstance(raw, dict) and isinstance(raw.get("text"), str), "paragraph")
        segments = raw.get("segments")
        _expect(isinstance(segments, list), "segments")
        out = []
        for segment in segments:
            _expect(isinstance(segment, list) and len(segment) == 2 and isinstance(segment[0], int), "segment")
            out.append((segment[0], self.location(segment[1])))
        return Paragraph(raw["text"], self.location(raw.get("location")), out)

    def table(self, raw: Any) -> Table:
        _expect(isinstance(raw, dict), "table")
        notes, parts, grid = raw.get("notes"), raw.get("parts"), raw.get("grid")
        _expect(isinstance(notes, list) and isinstance(parts, list), "table notes")
        if grid is not None:
            _expect(isinstance(grid, list) and all(isinstance(g, list) and len(g) == 2 for g in grid), "grid")
            grid = tuple((_number(a, "grid"), _number(b, "grid")) for a, b in grid)
        return Table(self.rows(raw.get("header")), self.rows(raw.get("body")), self.location(raw.get("location")),
                     _optional(raw.get("title"), str, "title"), _optional(raw.get("number"), str, "number"),
                     _optional(raw.get("unit_text"), str, "unit"), _optional(raw.get("meta"), str, "meta"),
                     [self.paragraph(n) for n in notes], [self.location(p) for p in parts], grid)

    def problem(self, raw: Any) -> Problem:
        _expect(isinstance(raw, list) and len(raw) == 6 and all(isinstance(raw[i], str) for i in (0, 2, 3))
                and isinstance(raw[4], bool) and isinstance(raw[5], dict)
                and all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in raw[5].values()), "problem")
        return Problem(raw[0], self.location(raw[1]), raw[2], raw[3], raw[4], raw[5])


def document_from_data(data: Any) -> Document:
    """The document the data describes; :class:`Malformed` if it is not one, in any detail."""
    _expect(isinstance(data, dict) and data.get("format") == FORMAT, "format")
    decoder = Decoder(data.get("files"))
    blocks, problems = data.get("blocks"), data.get("problems")
    _expect(isinstance(blocks, list) and isinstance(problems, list), "blocks")
    out: list[Paragraph | Table] = []
    for block in blocks:
        _expect(isinstance(block, dict) and len(block) == 1, "block")
        if "table" in block:
            out.append(decoder.table(block["table"]))
        else:
            _expect("paragraph" in block, "block kind")
            out.append(decoder.paragraph(block["paragraph"]))
    return Document(_optional(data.get("path"), str, "path") or "", out, _optional(data.get("pages"), int, "pages"),
                    [decoder.problem(p) for p in problems])
