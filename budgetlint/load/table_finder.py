"""pdfplumber's table finding, in time linear in a page's rules and characters.

pdfplumber's ``TableFinder`` tests every vertical rule against every horizontal one, looks for each
intersection's cell among all the intersections after it, and groups cells in repeated passes;
``Table.extract`` tests every character against every row.  On a dense page (20,000 characters,
2,500 cells) that took seconds, growing with the square of the page.  These functions give the same
intersections, cells, tables and text — same values, same order — from sorted indexes: each rule
meets only the rules in its span, each point looks along its own row and column, cells are grouped
by the corners they share, and a row's characters are found by bisection.  pdfplumber still finds
the edges (snapping, joining) and its ``Table`` objects are what the loader reads.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import itemgetter
from typing import Any

from pdfplumber import utils
from pdfplumber.table import Table, TableFinder, TableSettings

_SLACK = 1e-6  # widens an index window so that its float bounds never drop a pair the exact test keeps


def find_tables(page: Any, settings: dict | None = None) -> list[Table]:
    """``page.find_tables(settings)``, in linear time."""
    return _LinearTableFinder(page, TableSettings.resolve(settings)).tables


class _LinearTableFinder(TableFinder):
    """pdfplumber's finder with each quadratic step replaced (its ``get_edges`` kept)."""

    def __init__(self, page: Any, settings: TableSettings):
        self.page = page
        self.settings = settings
        self.edges = self.get_edges()
        self.intersections = intersections(self.edges, settings.intersection_x_tolerance,
                                           settings.intersection_y_tolerance)
        self.cells = cells(self.intersections)
        self.tables = [Table(page, group) for group in tables_of(self.cells)]


def intersections(edges: list[dict], x_tolerance: float, y_tolerance: float) -> dict:
    """pdfplumber's ``edges_to_intersections``: each vertical rule meets the horizontal ones whose
    height lies in its span (a window of the rules sorted by height), tested as pdfplumber tests them."""
    verticals = sorted((e for e in edges if e["orientation"] == "v"), key=itemgetter("x0", "top"))
    horizontals = sorted((e for e in edges if e["orientation"] == "h"), key=itemgetter("top", "x0"))
    tops = [h["top"] for h in horizontals]
    found: dict = {}
    for v in verticals:
        first = bisect_left(tops, v["top"] - y_tolerance - _SLACK)
        last = bisect_right(tops, v["bottom"] + y_tolerance + _SLACK)
        for h in horizontals[first:last]:
            if (v["top"] <= h["top"] + y_tolerance and v["bottom"] >= h["top"] - y_tolerance
                    and v["x0"] >= h["x0"] - x_tolerance and v["x0"] <= h["x1"] + x_tolerance):
                point = found.setdefault((v["x0"], h["top"]), {"v": [], "h": []})
                point["v"].append(v)
                point["h"].append(h)
    return found


def cells(found: dict) -> list[tuple]:
    """pdfplumber's ``intersections_to_cells``: each point's smallest cell, looking only at the
    points below it in its column and right of it in its row (in pdfplumber's order)."""
    points = sorted(found)
    rules = {p: {o: set(map(utils.obj_to_bbox, found[p][o])) for o in ("v", "h")} for p in points}
    columns: dict[float, list] = {}
    rows: dict[float, list] = {}
    for p in points:  # sorted by x, then top: each column top-down, each row left to right
        columns.setdefault(p[0], []).append(p)
        rows.setdefault(p[1], []).append(p)
    column_place, row_place = _places(columns), _places(rows)

    def connects(a: tuple, b: tuple) -> bool:
        if a[0] == b[0] and not rules[a]["v"].isdisjoint(rules[b]["v"]):
            return True
        return a[1] == b[1] and not rules[a]["h"].isdisjoint(rules[b]["h"])

    out = []
    for p in points:
        below = columns[p[0]][column_place[p] + 1:]
        right = rows[p[1]][row_place[p] + 1:]
        out.append(_smallest_cell(p, below, right, found, connects))
    return [c for c in out if c is not None]


def _places(lines: dict[float, list]) -> dict[tuple, int]:
    """Each point's position in its column (or row)."""
    return {p: i for line in lines.values() for i, p in enumerate(line)}


def _smallest_cell(p: tuple, below: list, right: list, found: dict, connects) -> tuple | None:
    for down in below:
        if not connects(p, down):
            continue
        for across in right:
            if not connects(p, across):
                continue
            corner = (across[0], down[1])
            if corner in found and connects(corner, across) and connects(corner, down):
                return (p[0], p[1], corner[0], corner[1])
    return None


def tables_of(found: list[tuple]) -> list[list[tuple]]:
    """pdfplumber's ``cells_to_tables``: cells that share a corner, directly or through others, are
    one table (its passes find exactly these groups); tables top to bottom, then left to right,
    each of more than one cell, its cells in the order found."""
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple, int] = {}
    for i, (x0, top, x1, bottom) in enumerate(found):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            if corner in owner:
                parent[root(i)] = root(owner[corner])
            else:
                owner[corner] = i
    groups: dict[int, list[tuple]] = {}
    for i, cell in enumerate(found):
        groups.setdefault(root(i), []).append(cell)
    tables = sorted(groups.values(), key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def extract(table: Table) -> list[list[str | None]]:
    """``table.extract()``: each cell's text, from the characters whose centre is in it, in the
    page's order; a row's characters found by bisection on their heights, a cell's on their widths."""
    chars = table.page.chars
    middles = sorted(((c["top"] + c["bottom"]) / 2, i) for i, c in enumerate(chars))
    heights = [m for m, _ in middles]
    out = []
    for row in table.rows:
        _, top, _, bottom = row.bbox
        window = middles[bisect_left(heights, top):bisect_left(heights, bottom)]
        placed = [(i, chars[i]) for i in sorted(i for _, i in window) if _inside(chars[i], row.bbox)]
        across = sorted(((c["x0"] + c["x1"]) / 2, i, c) for i, c in placed)
        widths = [m for m, _, _ in across]
        texts: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                continue
            found = across[bisect_left(widths, cell[0]):bisect_left(widths, cell[2])]
            mine = [c for _, _, c in sorted(found, key=itemgetter(1)) if _inside(c, cell)]
            texts.append(utils.extract_text(mine) if mine else "")
        out.append(texts)
    return out


def _inside(char: dict, bbox: tuple) -> bool:
    """pdfplumber's test of a character in a box: its centre, the box's low edges included."""
    v_mid = (char["top"] + char["bottom"]) / 2
    h_mid = (char["x0"] + char["x1"]) / 2
    x0, top, x1, bottom = bbox
    return h_mid >= x0 and h_mid < x1 and v_mid >= top and v_mid < bottom
