"""What a reader of a PDF does not see: characters printed outside the page box.

A text or a table too long for its page, exported from Word or Excel, keeps running below the
page's edge (江苏 renda-2017 p11: the 财政拨款基本支出预算表 goes on for 1,800 pt below the page, so
the published page shows its first twenty rows), and a caption can sit to the right of a portrait
page (jianchayuan-2019 p21: `单位：万元` at x = 681 on a 595 pt page).  The loader still reads
those characters, so the checks see what the agency meant to publish; what a reader cannot see is
said, at its page.  Lines that the next or previous page prints in view (a Word page whose overflow
is repeated at the top of the next) are not lost, and are not reported.
"""

from __future__ import annotations

from typing import Iterable

from budgetlint.model import BBox, Location, Problem
from budgetlint.textnorm import squash

_SLACK = 1.0  # pt: a glyph box may touch the edge
_SAME_LINE = 2.0  # pt between the tops of characters on one line
_RECOGNISABLE = 8  # characters: a shorter line (`单位：万元`) is on every page and proves nothing


def is_off_page(char: dict, page_box: BBox) -> bool:
    x0, top, x1, bottom = page_box
    return (char["x0"] < x0 - _SLACK or char["x1"] > x1 + _SLACK or char["top"] < top - _SLACK
            or char["bottom"] > bottom + _SLACK)


def off_page_lines(chars: Iterable[dict], page_box: BBox) -> list[tuple[str, BBox]]:
    """The printed characters outside the page box, as lines of text with their boxes."""
    lines: list[list[dict]] = []
    for char in sorted((c for c in chars if c["text"].strip() and is_off_page(c, page_box)), key=lambda c: (c["top"], c["x0"])):
        if lines and abs(char["top"] - lines[-1][0]["top"]) <= _SAME_LINE:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [("".join(c["text"] for c in sorted(line, key=lambda c: c["x0"])),
             (min(c["x0"] for c in line), min(c["top"] for c in line),
              max(c["x1"] for c in line), max(c["bottom"] for c in line))) for line in lines]


_OFF_PAGE = {
    "below": "page {page}: {chars} characters are printed below the page, out of sight (「{text}」{more})",
    "above": "page {page}: {chars} characters are printed above the page, out of sight (「{text}」{more})",
    "right": "page {page}: {chars} characters are printed right of the page, out of sight (「{text}」{more})",
    "left": "page {page}: {chars} characters are printed left of the page, out of sight (「{text}」{more})",
}


def _side(box: BBox, page_box: BBox) -> str:
    if box[3] > page_box[3]:
        return "below"
    if box[1] < page_box[1]:
        return "above"
    return "right" if box[2] > page_box[2] else "left"


def _clipped(box: BBox, page_box: BBox) -> BBox:
    """The box pressed onto the page: the strip of its edge nearest the unseen text, where a person looks."""
    def clamp(v: float, low: float, high: float) -> float:
        return min(max(v, low), high)

    return (clamp(box[0], page_box[0], page_box[2]), clamp(box[1], page_box[1], page_box[3]),
            clamp(box[2], page_box[0], page_box[2]), clamp(box[3], page_box[1], page_box[3]))


def _shown(texts: list[str], k: int, neighbours: list[str]) -> bool:
    """Whether line ``k`` is printed in view on a neighbouring page: by itself, or (a short line such
    as `主要职能包括:`) together with the line before or after it."""
    readings = [texts[k]] + ([texts[k - 1] + texts[k]] if k > 0 else []) + \
               ([texts[k] + texts[k + 1]] if k + 1 < len(texts) else [])
    return any(len(r) >= _RECOGNISABLE and r in seen for r in readings for seen in neighbours)


def off_page_problems(path: str, pages: list[tuple[int, BBox, list[tuple[str, BBox]], str]]) -> list[Problem]:
    """One problem per page with unseen lines; ``pages`` holds, per page in order, its number, its
    box, its off-page lines and its visible text (squashed), to tell a repeated overflow from a loss."""
    out = []
    for i, (number, page_box, lines, _) in enumerate(pages):
        neighbours = [pages[j][3] for j in (i - 1, i + 1) if 0 <= j < len(pages)]
        texts = [squash(text) for text, _ in lines]
        unseen = [line for k, line in enumerate(lines) if not _shown(texts, k, neighbours)]
        if not unseen:
            continue
        chars = sum(len(squash(text)) for text, _ in unseen)
        first_text, first_box = unseen[0]
        more = "……" if len(unseen) > 1 or len(squash(first_text)) > 30 else ""
        out.append(Problem(
            _OFF_PAGE[_side(first_box, page_box)],
            Location(path, page=number, bbox=_clipped(first_box, page_box)),
            squash(first_text)[:60],
            kind="off-page",
            values={"page": number, "chars": chars, "text": squash(first_text)[:30], "more": more},
        ))
    return out
