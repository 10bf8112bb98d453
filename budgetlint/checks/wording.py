"""wording: the text reads as finished prose — no template left in it, no sentence cut off.

Each rule gives the patterns of what must not stand in the narrative (`增加（减少）`,
`（如持平作持平表述）`, `主要原因是。`, `。。`, `预算预算`), matched on the text with
full-width forms made half-width; every occurrence is reported at its place, quoting it.
``at_end`` reports a match only where it ends its paragraph and its section — the next
heading stands as high as the one it is under, or the document ends (`主要用于：` and then
the next section's heading); ``level`` applies a rule to 部门 or to
单位 disclosures only (a 单位预算 that speaks of `部门预算安排`); ``except_under`` leaves out
the sections whose heading it matches — text the agency quotes rather than writes (the 三定
duties under `主要职能`, the classification's definitions under `名词解释`).
"""

from __future__ import annotations

import re
from typing import Iterator

from budgetlint.checks.base import Check, Finding, parse_bool_field, parse_choice, parse_text_field
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import parse_patterns
from budgetlint.i18n import language
from budgetlint.model import Paragraph
from budgetlint.report.result import FigureRef
from budgetlint.textnorm import halfwidth, squash
from budgetlint.understand.model import DocumentFacts
from budgetlint.understand.passages import is_heading
from budgetlint.understand.rows import split_label

_CONTEXT = 12  # characters of the sentence shown on each side of what was found


def quote(text: str, start: int, end: int) -> str:
    """What was found, with a little of its sentence around it."""
    left, right = max(start - _CONTEXT, 0), min(end + _CONTEXT, len(text))
    return ("…" if left else "") + text[left:right].strip() + ("…" if right < len(text) else "")


_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
_STYLES = ("一、", "（一）", "1、", "(1)", "①")


def _rank(text: str) -> int | None:
    """How high a numbered heading stands: 第X部分 0, 一、 1, （一） 2, 1、 3, (1) 4, ① 5."""
    if not is_heading(text):
        return None
    if _PART.match(squash(text)):
        return 0
    style = split_label(squash(text))[0]
    return _STYLES.index(style) + 1 if style else None


def _section_ends(blocks: list, i: int) -> bool:
    """Whether block ``i`` is the last of its section: the document ends, or a heading follows
    that stands as high as the heading the paragraph is under (`（三）` after `（二）`'s text)."""
    if i + 1 == len(blocks):
        return True
    after = blocks[i + 1]
    if not isinstance(after, Paragraph) or (following := _rank(after.text)) is None:
        return False
    own = next((r for b in reversed(blocks[:i]) if isinstance(b, Paragraph)
                and (r := _rank(b.text)) is not None), None)
    return own is not None and following <= own


def under_headings(blocks: list, headings: list[re.Pattern[str]]) -> set[int]:
    """Indices of the paragraphs in a section whose numbered heading matches one of ``headings``
    (the section runs until a heading that stands as high)."""
    if not headings:
        return set()
    out: set[int] = set()
    open_: list[tuple[int, bool]] = []  # the numbered headings the paragraph is under: rank, matched
    for i, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        rank = _rank(block.text)
        if rank is not None:
            while open_ and open_[-1][0] >= rank:
                open_.pop()
            open_.append((rank, any(h.search(squash(block.text)) for h in headings)))
        if any(matched for _, matched in open_):
            out.add(i)
    return out


class Wording(Check):
    kind = "wording"
    summary = "The narrative holds no template alternative, instruction or cut-off sentence, no doubled word."
    fields = {
        "patterns": Field(parse_patterns, "what must not stand in the text (regular expressions)", required=True),
        "expected": Field(parse_text_field, "what should stand instead, for the message", required=True,
                          translated=True),
        "at_end": Field(parse_bool_field, "report only where the match ends its paragraph and its section",
                        default=False),
        "level": Field(parse_choice("department", "unit"), "apply only to 部门 or to 单位 disclosures"),
        "except_under": Field(parse_patterns, "headings of sections whose text the agency quotes, not checked",
                              default=()),
    }
    variables = ("reported", "computed", "context")
    default_message = "「{context}」：{computed}"
    default_message_en = "「{context}」: {computed}"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        level = rule.params["level"]
        if level is not None and doc.identity.level != level:
            return
        blocks = doc.document.blocks
        quoted = under_headings(blocks, rule.params["except_under"])
        for i, paragraph in enumerate(blocks):
            if not isinstance(paragraph, Paragraph) or i in quoted:
                continue
            text = halfwidth(paragraph.text)
            for pattern in rule.params["patterns"]:
                for match in pattern.finditer(text):
                    if rule.params["at_end"] and (text[match.end():].strip() or not _section_ends(blocks, i)):
                        continue
                    found = paragraph.text[match.start():match.end()]
                    yield Finding(subject=FigureRef(location=paragraph.locate(match.start()), text=found),
                                  reported=found, computed=rule.text("expected", language()),
                                  values={"context": quote(paragraph.text, match.start(), match.end())})
