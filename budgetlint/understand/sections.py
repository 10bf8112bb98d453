"""The parts of a disclosure's text an auditor checks one by one: 封面, 目录, 主要职能, 机构设置,
名词解释, 预算编制说明, 其他相关情况说明 …, found by their headings.

A district's 检查表 has a row per part, and a finding in the text belongs to the part it is
printed in.  The parts are data (``sections:`` in a pack): an id and the headings that open
it.  A heading is a short line of its own (no sentence
ends in it); before it is matched, its numbering (`一、`, `第二部分`, `（三）`), a year
(`2025年`) and the agency's name (`上海市普陀区商务委员会主要职能`) are taken off, and the
pattern must match what is left whole.  The contents (目录) names the parts too, so its lines
are not taken for their headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budgetlint.engine.regex_safety import compile_safe
from budgetlint.engine.yamlsource import Source
from budgetlint.model import Document, Location, Paragraph
from budgetlint.textnorm import halfwidth

SECTION_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_NUMBERING = re.compile(r"^\s*(第[一二三四五六七八九十]+部分[:：]?|[一二三四五六七八九十]+\s*[、.．]|[(（][一二三四五六七八九十\d]+[)）]"
                        r"|\d+\s*[、.．](?!\d)|附件\s*\d*[:：]?)\s*")
_YEAR = re.compile(r"(19|20)\d\d\s*年度?")
_SPACE = re.compile(r"\s+")
_SENTENCE = re.compile(r"[。；;，,]")
_LONGEST = 40  # a heading is short; longer lines are text
_CONTENTS = "contents"  # the section that lists the others
_LEADER = re.compile(r"([.．·…]{2,}|\s)\s*\d+\s*$")  # a contents line's dot leaders and page number


@dataclass(frozen=True, slots=True)
class Section:
    """A part of the text, as the packs define it."""

    id: str
    patterns: tuple[re.Pattern[str], ...]
    first_page: bool = False  # found only on the first page (the cover)


@dataclass(frozen=True, slots=True)
class SectionFound:
    """Where a part of the text begins, and its heading as printed."""

    id: str
    heading: str
    location: Location


def parse_sections(source: Source, path: tuple) -> list[Section]:
    """The ``sections:`` list of a pack, validated with the line of each mistake."""
    out = []
    for where, raw in source.mappings(path, "section", ("id", "headings", "first_page")):
        section_id = raw.get("id")
        if not isinstance(section_id, str) or not SECTION_ID.match(section_id):
            raise source.error(where + ("id",), "a section id is lower-case words joined by '_', e.g. glossary")
        headings = raw.get("headings")
        if isinstance(headings, str):
            headings = [headings]
        if not isinstance(headings, list) or not headings or not all(isinstance(h, str) and h for h in headings):
            raise source.error(where + ("headings",), f"section {section_id}: headings must be a list of patterns")
        patterns = []
        for j, heading in enumerate(headings):
            try:
                patterns.append(compile_safe(heading))
            except ValueError as exc:
                raise source.error(where + ("headings", j), f"section {section_id}: {exc}") from None
        first_page = raw.get("first_page", False)
        if not isinstance(first_page, bool):
            raise source.error(where + ("first_page",), f"section {section_id}: first_page must be true or false")
        out.append(Section(section_id, tuple(patterns), first_page))
    return out


def heading_key(text: str, agency: str | None) -> str | None:
    """What of a line a section's pattern is matched with (numbering, year, agency and spaces
    off), or ``None`` when the line is no heading."""
    line = _SPACE.sub("", halfwidth(text.replace("**", "")))
    line = line.rstrip(":：。")  # 江苏's contents ends its lines with a full stop: `一、主要职能。`
    if not line or len(line) > _LONGEST or _SENTENCE.search(line):
        return None
    line = _NUMBERING.sub("", line)
    if agency:
        line = line.replace(agency, "")
    return _YEAR.sub("", line)


def find_sections(document: Document, sections: tuple[Section, ...], agency: str | None) -> tuple[SectionFound, ...]:
    """Where each part begins (its first heading outside the contents), in reading order."""
    first: dict[str, SectionFound] = {}
    contents = _Contents()
    for paragraph in document.paragraphs:
        key = heading_key(paragraph.text, agency)
        if contents.lists(paragraph, key):
            continue
        if key is None:
            continue
        location = paragraph.location
        for section in sections:
            if section.id in first or (section.first_page and location.page not in (None, 1)):
                continue
            if any(p.fullmatch(key) for p in section.patterns):
                first[section.id] = SectionFound(section.id, paragraph.text.strip(), location)
                if section.id == _CONTENTS:
                    contents.begin(location)
    return tuple(sorted(first.values(), key=lambda f: (f.location.file, f.location.sort_key())))


class _Contents:
    """The lines of a contents (目录), which name the parts before they begin.  It runs from its
    heading over short lines, and ends at the first sentence, at a line that names one of its
    entries again (the body starting over: `第一部分 部门概况`), or at a new page, unless the
    contents had lines and the page goes on with numbered ones (江苏's runs on to the next page:
    `第四部分 名词解释`; a contents printed as a table has none)."""

    def __init__(self) -> None:
        self.at: Location | None = None
        self.entries: set[str] = set()

    def begin(self, location: Location) -> None:
        self.at, self.entries = location, set()

    def lists(self, paragraph: Paragraph, key: str | None) -> bool:
        """Whether ``paragraph`` is a line of the contents."""
        if self.at is None:
            return False
        location = paragraph.location
        entry = heading_key(_LEADER.sub("", paragraph.text), None)  # the page number off
        new_page = location.file != self.at.file or location.page != self.at.page
        if key is None and not _LEADER.search(paragraph.text) or entry in self.entries \
                or new_page and not (self.entries and _NUMBERING.match(halfwidth(paragraph.text))):
            self.at = None
            return False
        if entry:
            self.entries.add(entry)
        self.at = location
        return True
