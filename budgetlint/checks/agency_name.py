"""agency-name: the disclosure writes its agency's name as its cover does.

`教育与体育局` in the narrative of the `教育和体育局`: readers and the archive search by the
name, and a name written two ways looks like two agencies (or a text copied from another
one).  A rule lists the characters a name may be misspelled with one for another (和, 与, 及);
a place in the text that writes the cover's name with one of them swapped is reported.

A title that names the agency with its district left out (`上海市财政局2024年度部门决算` for
`上海市普陀区财政局`) names another agency, the city's.  With ``levels`` (the words that end a
place's name: 省, 市, 区, 县 …) a name of two places is split (上海市 | 普陀区 | 财政局), and titles —
tables' titles and `编制单位：` lines, lines naming a 预算/决算 with no sentence in them — that write it without the
inner place are reported.  Running text is not searched: a district's narrative may well speak of
the city's agency (`根据上海市财政局要求`).  The name itself is the identity's (the cover's
`预算单位：` line, the tables' `编制单位：`).
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from budgetlint.checks.base import Check, Finding
from budgetlint.checks.wording import quote
from budgetlint.engine.rule import Field, Rule
from budgetlint.model import Location
from budgetlint.report.result import FigureRef
from budgetlint.understand.model import DocumentFacts


def parse_swaps(value: Any) -> tuple[str, ...]:
    """`[和与及]`: groups of characters a name may have one for another, each group a string."""
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and len(set(v)) == len(v) >= 2
                                                           for v in value):
        raise ValueError("a list of groups of characters that are confused for one another, e.g. [和与及]")
    return tuple(value)


def _variants(name: str, swaps: tuple[str, ...]) -> re.Pattern[str] | None:
    """A pattern of the name with any character of a group written as another of its group."""
    parts, swapped = [], False
    for ch in name:
        group = next((g for g in swaps if ch in g), None)
        parts.append(f"[{re.escape(group)}]" if group else re.escape(ch))
        swapped = swapped or group is not None
    return re.compile("".join(parts)) if swapped else None


def parse_levels(value: Any) -> re.Pattern[str]:
    """`[省, 自治区, 市, 区, 县]`: the words that end a place's name."""
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError("a list of the words that end a place's name, e.g. [省, 市, 区, 县]")
    return re.compile("|".join(re.escape(v.strip()) for v in sorted(value, key=len, reverse=True)))


_TITLE = re.compile(r"^[^，。；,;]{4,40}$")  # a cover's or a part's title line, not a sentence
_BUDGET = re.compile(r"预算|决算")


def _without_inner_place(name: str, levels: re.Pattern[str]) -> str | None:
    """`上海市普陀区财政局` → `上海市财政局`: the name with its second place left out (None: one place)."""
    level = levels.pattern
    match = re.fullmatch(rf"(.+?(?:{level}))([\u4e00-\u9fff]{{2,6}}?(?:{level}))([\u4e00-\u9fff(（].+)", name)
    return match.group(1) + match.group(3) if match else None


class AgencyName(Check):
    kind = "agency-name"
    summary = "The agency's name is written as on the cover (`教育和体育局`, not `教育与体育局`; its district kept)."
    fields = {"swaps": Field(parse_swaps, "groups of characters a name is misspelled with one for another",
                             required=True),
              "levels": Field(parse_levels, "words that end a place's name: titles that leave the inner one "
                              "of two places out of the name are reported")}
    variables = ("reported", "computed", "context")
    default_message = "机构名称写作「{reported}」，封面为「{computed}」：「{context}」"
    default_message_en = "the agency's name is written 「{reported}」, the cover has 「{computed}」: 「{context}」"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        name = doc.identity.agency
        if not name:
            return
        pattern = _variants(name, rule.params["swaps"])
        if pattern is not None:
            for paragraph in doc.document.paragraphs:
                for match in pattern.finditer(paragraph.text):
                    if match.group() != name:
                        yield _finding(match.group(), name, paragraph.locate(match.start()),
                                       quote(paragraph.text, match.start(), match.end()))
        levels = rule.params.get("levels")
        other = _without_inner_place(name, levels) if levels is not None else None
        if other is not None:
            yield from self._titles_naming(other, name, doc)

    @staticmethod
    def _titles_naming(other: str, name: str, doc: DocumentFacts) -> Iterator[Finding]:
        for paragraph in doc.document.paragraphs:
            text = re.sub(r"\s+", "", paragraph.text)
            if _TITLE.match(text) and _BUDGET.search(text) and other in text:
                yield _finding(other, name, paragraph.locate(0), text)
        for table in doc.document.tables:
            for line in (table.title, table.meta):
                if line and other in re.sub(r"\s+", "", line):
                    yield _finding(other, name, table.location, line.strip())


def _finding(reported: str, name: str, location: Location, context: str) -> Finding:
    return Finding(subject=FigureRef(location=location, text=reported), reported=reported, computed=name,
                   values={"context": context})
