"""Lists of names in the narrative: `人员经费 13,452.12 万元。主要包括：基本工资、津贴补贴、奖金…`.

Such a list names rows of a table (here the 经济分类 rows of the 基本支出表) without their
amounts; the template asks for the items that actually occur (`按“…基本支出预算表”中实际发生
经济分类支出事项填写`).  Each name keeps where it was printed, so a name the table gives 0.00,
or a row the list leaves out, can be reported at the list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budgetlint.model import Location
from budgetlint.understand.passages import Passage, Sentence, sentences

_OPENER = re.compile(r"(主要包括|具体包括|主要用于|主要有|包括)\s*:?\s*")  # sentences are half-width
_END = re.compile(r"[。;,]|\(按")  # the list runs to the end of its clause (or an instruction in brackets)
_LAST = re.compile(r"(以及|及|和)")  # `…、奖励金和住房公积金`
_TAIL = re.compile(r"(等|等等)(方面)?(的)?(支出|费用|经费)?$")  # `…其他交通费用等`: not a name
_NAME = re.compile(r"^[\u4e00-\u9fff()]+$")
MIN_ITEMS = 3  # a shorter list is as often prose (`包括人员经费、商品和服务支出`) as a list of rows


@dataclass(frozen=True, slots=True, eq=False)
class ListedName:
    name: str
    sentence: Sentence
    start: int  # offsets in the sentence
    end: int

    @property
    def location(self) -> Location:
        return self.sentence.span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class NamedList:
    """The names after one `主要包括：`, in order; ``opener`` is the word that opened it.

    A last item with 和/及 in it is two names (`奖励金和住房公积金`) or one (`其他商品和服务支出`):
    ``names`` reads it as two, ``joined`` (where it differs) as one.
    """

    opener: str
    names: tuple[ListedName, ...]
    joined: tuple[ListedName, ...] | None = None

    @property
    def location(self) -> Location:
        first, last = self.names[0], self.names[-1]
        return first.sentence.span(first.start, last.end)


def _split(sentence: Sentence, start: int, end: int, join_last: bool = False) -> list[ListedName]:
    text, out, position = sentence.text, [], start
    pieces = text[start:end].split("、")
    for i, piece in enumerate(pieces):
        parts = _LAST.split(piece) if i == len(pieces) - 1 and not join_last else [piece]
        offset = position
        for part in parts:
            if _LAST.fullmatch(part):
                offset += len(part)
                continue
            name = part.strip()
            name = _TAIL.sub("", name) if i == len(pieces) - 1 else name
            if name:
                begin = offset + part.index(name)
                out.append(ListedName(name, sentence, begin, begin + len(name)))
            offset += len(part)
        position += len(piece) + 1
    return out


def named_lists(passage: Passage) -> list[NamedList]:
    """The lists of at least three bare names (no figures, no clauses) in a passage."""
    out = []
    for sentence in sentences(passage):
        for opener in _OPENER.finditer(sentence.text):
            stop = _END.search(sentence.text, opener.end())
            end = stop.start() if stop else len(sentence.text)
            names = _split(sentence, opener.end(), end)
            joined = _split(sentence, opener.end(), end, join_last=True)
            if len(names) >= MIN_ITEMS and all(_NAME.match(n.name) and len(n.name) <= 16 for n in names):
                out.append(NamedList(opener.group(1), tuple(names), tuple(joined) if len(joined) != len(names) else None))
    return out
