"""agency-name: the disclosure writes its agency's name as its cover does.

`教育与体育局` in the narrative of the `教育和体育局`: readers and the archive search by the
name, and a name written two ways looks like two agencies (or a text copied from another
one).  A rule lists the characters a name may be misspelled with one for another (和, 与, 及);
a place in the text that writes the cover's name with one of them swapped is reported.  The
name itself is the identity's (the cover's `预算单位：` line, the tables' `编制单位：`).
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from budgetlint.checks.base import Check, Finding
from budgetlint.checks.wording import quote
from budgetlint.engine.rule import Field, Rule
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


class AgencyName(Check):
    kind = "agency-name"
    summary = "The agency's name is written as on the cover (`教育和体育局`, not `教育与体育局`)."
    fields = {"swaps": Field(parse_swaps, "groups of characters a name is misspelled with one for another",
                             required=True)}
    variables = ("reported", "computed", "context")
    default_message = "机构名称写作「{reported}」，封面为「{computed}」：「{context}」"
    default_message_en = "the agency's name is written 「{reported}」, the cover has 「{computed}」: 「{context}」"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        name = doc.identity.agency
        pattern = _variants(name, rule.params["swaps"]) if name else None
        if pattern is None:
            return
        for paragraph in doc.document.paragraphs:
            for match in pattern.finditer(paragraph.text):
                if match.group() != name:
                    yield Finding(subject=FigureRef(location=paragraph.locate(match.start()), text=match.group()),
                                  reported=match.group(), computed=name,
                                  values={"context": quote(paragraph.text, match.start(), match.end())})
