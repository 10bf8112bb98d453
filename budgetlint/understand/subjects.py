"""Subjects the narrative names by name and level: `一般公共服务支出（类）商贸事务（款）行政运行（项）`.

Item explanations name a 项 by the names of its 类, 款 and 项, each with its level in
brackets (Shanghai), or the 款 and 项 under a heading that names the 类 (江苏:
`（一）公共安全（类）` / `1．法院（款）行政运行（项）支出 17279.29 万元`); some print the code
with the level (`医疗卫生与计划生育支出（210类）`).  The tables give each code its name, so a
path of names resolves to a code — the amount is then checked against that code's figure
— and a name or a level the tables do not give that code is a finding of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from budgetlint.textnorm import label_key

if TYPE_CHECKING:
    from budgetlint.understand.model import TableFacts

LEVELS = {"类": 3, "款": 5, "项": 7}  # the digits of a function code at each level
_REF = re.compile(r"(?P<name>[\u4e00-\u9fff、]+?)\s*[(（]\s*(?P<code>\d{2,7})?\s*(?P<level>类|款|项)\s*[)）]")
_LEADING = re.compile(r"^(其中|主要用于|用于|包括|以及|及|和|的|为|是|对|在|、)+")
_SUFFIX = re.compile(r"(支出)$")


class Status(StrEnum):
    RESOLVED = "resolved"
    LEVEL = "level"  # the name is the tables' name of a code at another level
    NAME = "name"  # the code (printed, or found from the levels below) is named otherwise in the tables
    UNKNOWN = "unknown"  # the tables do not say which code this is


@dataclass(frozen=True, slots=True)
class SubjectRef:
    """One name with its level, as printed: `商贸事务（款）`, `医疗卫生与计划生育支出（210类）`."""

    name: str
    level: str  # 类, 款 or 项
    code: str | None  # printed with the level: the whole code (`210类`) or the level's two digits (`01项`)
    start: int  # offsets in the text it was found in
    end: int

    @property
    def key(self) -> str:
        return name_key(self.name)


@dataclass(frozen=True, slots=True)
class Resolution:
    ref: SubjectRef
    status: Status
    code: str | None = None  # the code the tables give it (the one it names, for LEVEL and NAME)
    table_name: str = ""  # the tables' name for that code
    table_level: str = ""  # for LEVEL: the level the tables give the name


def name_key(name: str) -> str:
    """What two namings of one subject share: no spaces, quotes, a trailing 支出."""
    return _SUFFIX.sub("", label_key(name))


def subject_refs(text: str) -> list[SubjectRef]:
    """The names with levels in a text, in order."""
    out = []
    for m in _REF.finditer(text):
        name = _LEADING.sub("", m.group("name"))
        if name:
            out.append(SubjectRef(name, m.group("level"), m.group("code"), m.start(), m.end()))
    return out


class SubjectIndex:
    """The function-classified codes the tables print, with their names."""

    def __init__(self, tables: list[TableFacts]):
        self.names: dict[str, set[str]] = {}  # code → name keys
        self.printed: dict[str, str] = {}  # code → the name as first printed
        for table in tables:
            for group in table.groups:
                for entry in group.entries:
                    code = entry.code
                    if code is None or code.scheme != "function" or entry.is_total:
                        continue
                    name = entry.key or entry.label
                    if name:
                        self.names.setdefault(code.digits, set()).add(name_key(name))
                        self.printed.setdefault(code.digits, name)

    def _codes(self, key: str, digits: int, parent: str | None) -> list[str]:
        return [c for c, names in self.names.items() if len(c) == digits and key in names
                and (parent is None or c.startswith(parent))]

    def resolve(self, path: list[SubjectRef]) -> list[Resolution]:
        """Each name of a path (outermost first) resolved to its code, within its parent's."""
        out: list[Resolution] = []
        parent: str | None = None
        for ref in path:
            digits = LEVELS[ref.level]
            if ref.code is not None and len(ref.code) > 2:
                code = ref.code if len(ref.code) == digits and ref.code in self.names else None
                status = Status.UNKNOWN if code is None else \
                    Status.RESOLVED if ref.key in self.names[code] else Status.NAME
            else:  # by name, the level's own two digits (`住房公积金（01项）`) where printed
                found = [c for c in self._codes(ref.key, digits, parent) if ref.code is None or c.endswith(ref.code)]
                code = found[0] if len(found) == 1 else None
                status = Status.RESOLVED if code else Status.UNKNOWN
            if status is Status.UNKNOWN and ref.code is None:
                elsewhere = [(c, lv) for lv, n in LEVELS.items() if n != digits
                             for c in self._codes(ref.key, n, None)]
                if len(elsewhere) == 1:  # `卫生健康支出（款）`: the tables' 210 is a 类
                    code, level = elsewhere[0]
                    out.append(Resolution(ref, Status.LEVEL, code, self.printed[code], level))
                    parent = None
                    continue
            out.append(Resolution(ref, status, code, self.printed.get(code, "") if code else ""))
            parent = code if code else None
        return out
