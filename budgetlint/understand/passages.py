"""Narrative passages: paragraphs joined where a sentence was broken, split into sentences.

Extraction breaks sentences wherever the printed line or page ended (`…较上年增加`
/ `9.9 万元，原因是…`).  A paragraph that does not end a sentence is joined with the
next one, unless either is a heading.  Every character keeps its location, so a
figure found in a joined sentence is still reported at its own line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from budgetlint.model import Document, Location, Paragraph, Table, locate
from budgetlint.textnorm import halfwidth

_SENTENCE_END = "。！？!?；;：:"
_HEADING_MARKER = re.compile(r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))")
_FIGURE = re.compile(r"\d")
_HEADING_MAX = 30


@dataclass
class Passage:
    """Running text made of one or more paragraphs, with where each character came from."""

    text: str
    segments: list[tuple[int, Location]]  # (offset in text, location of that character)
    heading: str = ""  # the nearest heading above, without its numbering
    is_heading: bool = False

    def locate(self, offset: int) -> Location:
        return locate(self.segments, offset)

    def span(self, start: int, end: int) -> Location:
        """Where the text from ``start`` to ``end`` was printed: its first character, and on a
        page, the box around its characters on the first character's line (a figure broken
        over two lines is boxed where it starts)."""
        first = self.locate(start)
        if first.bbox is None:
            return first
        top, bottom = first.bbox[1], first.bbox[3]
        boxes = [loc.bbox for loc in (self.locate(i) for i in range(start, end))
                 if loc.bbox is not None and loc.page == first.page and top <= (loc.bbox[1] + loc.bbox[3]) / 2 <= bottom]
        return replace(first, bbox=(min(b[0] for b in boxes), min(b[1] for b in boxes),
                                    max(b[2] for b in boxes), max(b[3] for b in boxes)))


@dataclass
class Sentence:
    passage: Passage
    start: int  # offset of the sentence in the passage text
    text: str  # half-width copy, same length as the printed sentence
    previous: Sentence | None = field(default=None, repr=False)

    def locate(self, offset: int) -> Location:
        return self.passage.locate(self.start + offset)

    def span(self, start: int, end: int) -> Location:
        return self.passage.span(self.start + start, self.start + end)


def _clean(text: str) -> str:
    """Markdown bold and similar marks out, keeping the length so offsets stay valid."""
    return text.replace("**", "  ").replace("__", "  ")


def is_heading(text: str) -> bool:
    s = _clean(text).strip()
    if not s or len(s) > _HEADING_MAX or s[-1] in "，,、":
        return False
    if _HEADING_MARKER.match(s):
        return not s.endswith(("。", "；")) and not re.search(r"\d+(\.\d+)?\s*(万元|元|%)", s)
    return not any(p in s for p in "，。；：") and not _FIGURE.search(s)


def is_numbered_heading(text: str) -> bool:
    """A heading that opens a section (`七、…情况说明`), not a short unnumbered line."""
    return is_heading(text) and bool(_HEADING_MARKER.match(_clean(text).strip()))


def continues_sentence(previous: str, following: str) -> bool:
    """Whether ``following`` continues the sentence ``previous`` left unfinished."""
    prev = _clean(previous).rstrip()
    return bool(prev) and prev[-1] not in _SENTENCE_END and not is_heading(prev) and not is_heading(following)


def heading_label(text: str) -> str:
    s = _clean(text).strip()
    m = _HEADING_MARKER.match(s)
    return s[m.end():].strip() if m else s


def passages(document: Document) -> list[Passage]:
    """The narrative of a document as passages, in reading order; tables end a passage."""
    out: list[Passage] = []
    current: Passage | None = None
    heading = ""
    for block in document.blocks:
        if isinstance(block, Table):
            current = None
            continue
        assert isinstance(block, Paragraph)
        if current is not None and continues_sentence(current.text, block.text):
            offset = len(current.text)
            current.text += block.text
            current.segments.extend((offset + s, loc) for s, loc in block.segments or [(0, block.location)])
            continue
        if is_heading(block.text):
            heading = heading_label(block.text)
        current = Passage(block.text, list(block.segments or [(0, block.location)]), heading=heading,
                          is_heading=is_heading(block.text))
        out.append(current)
    return out


_SPLIT = re.compile(r"[。！？!?](?![)）])")  # `…减少 4.11 万元。）比上年…`: the bracket's last sentence, not its sentence's


def sentences(passage: Passage) -> list[Sentence]:
    text = halfwidth(_clean(passage.text))
    out: list[Sentence] = []
    start = 0
    for m in _SPLIT.finditer(text):
        if text[start : m.end()].strip():
            out.append(Sentence(passage, start, text[start : m.end()]))
        start = m.end()
    if text[start:].strip():
        out.append(Sentence(passage, start, text[start:]))
    for prev, sent in zip(out, out[1:]):
        sent.previous = prev
    return out
