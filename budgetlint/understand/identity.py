"""What a disclosure is: 预算 or 决算, 部门 or 单位, its year, its agency and province.

Read from the cover (`上海市普陀区2025年区级单位预算`, `预算单位：上海市普陀区商务委员会`,
`江苏省人民检察院` / `2018年部门预算`), then from the tables: their kinds (a 收入支出决算总表
belongs to a 决算), their titles (`2025年预算单位…`) and the `编制单位：…` line above them.
Rules that hold for one kind of disclosure only (the tables a budget must print) look
here; where the cover and the tables say nothing, the field stays unknown and such
rules do not run.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from typing import TYPE_CHECKING

from budgetlint.i18n import t
from budgetlint.model import Document
from budgetlint.textnorm import clean, squash

if TYPE_CHECKING:
    from budgetlint.understand.model import TableFacts

KIND_NAMES = {"budget": "预算", "final": "决算"}
_KIND_WORDS = {"budget": "budget", "final": "final accounts"}  # the words reports use (budgetlint.i18n)
_LEVEL_WORDS = {"department": "department", "unit": "unit"}
LEVEL_NAMES = {"department": "部门", "unit": "单位"}
_KIND_BY_WORD = {word: kind for kind, word in KIND_NAMES.items()}
_LEVEL_BY_WORD = {word: level for level, word in LEVEL_NAMES.items()}
_COVER_PARAGRAPHS = 8
_CONTENTS = re.compile(r"^目[录錄]$")
_TITLE = re.compile(r"(?P<year>(19|20)\d\d)年度?(?P<between>.{0,24}?)(?P<level>部门|单位)?(?P<kind>预算|决算)")
_AGENCY_LINE = re.compile(r"^(预算主管部门|主管部门|预算单位|部门名称|单位名称|编制部门|编制单位|部门|单位)[:：](?P<name>.+)$")
_ORGANISATION = re.compile(r"(局|厅|院|委员会|委|办公室|办公厅|中心|办事处|政府|政协|人大|法院|检察院|所|站|队|会|馆|校|学院)"
                           r"(\(汇总\)|本级)?$")
_NOT_NAME = re.compile(r"[(（]\s*(汇总|本级)\s*[)）]|本级|\s")  # `无锡市教育局（本级）`: no empty brackets left
_NUMBERED = re.compile(r"^[-*]*\s*([一二三四五六七八九十\d]+[、.．]|[(（][一二三四五六七八九十\d]+[)）])")
_CLAUSE = re.compile(r"[，。；：、,;:]")
_LEAD = re.compile(r"^(纳入|由|是|为|从|对)")
_YEAR_IN_TITLE = re.compile(r"((?:19|20)\d\d)年")
_UNIT_TITLE = re.compile(r"^(\d{4}年度?)?(预算单位|单位)")
_DEPARTMENT_TITLE = re.compile(r"^(\d{4}年度?)?部门")
_SELF_NAME = re.compile(r"(部门|单位)(预算|决算)")
PROVINCES = ("北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建",
             "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏",
             "陕西", "甘肃", "青海", "宁夏", "新疆", "香港", "澳门", "台湾")


@dataclass(frozen=True, slots=True)
class Identity:
    kind: str | None = None  # "budget" (预算) or "final" (决算)
    level: str | None = None  # "department" (部门) or "unit" (单位)
    year: int | None = None  # the budget year, or the year the final accounts close
    agency: str | None = None
    province: str | None = None  # whose template family the disclosure follows, where it can be told

    @property
    def label(self) -> str:
        """How a report names the disclosure: `2025年 上海市普陀区商务委员会 单位预算`."""
        bits = [t("{year}", year=self.year) if self.year else "", self.agency or "", self.what()]
        return " ".join(b for b in bits if b) or t("(not recognised)")

    def what(self, with_year: bool = False) -> str:
        """What kind of disclosure it is, in the run's language: `部门预算`, `2024年单位决算`
        (`department budget`, `2024 unit final accounts`)."""
        words = [t(_LEVEL_WORDS[self.level]) if self.level else "", t(_KIND_WORDS[self.kind]) if self.kind else ""]
        what = t("{level} {kind}", level=words[0], kind=words[1]).strip() if all(words) else "".join(words)
        year = t("{year}", year=self.year) if with_year and self.year else ""
        return t("{year} {what}", year=year, what=what).strip() if year and what else year or what

    def to_json(self) -> dict:
        return {"kind": self.kind, "level": self.level, "year": self.year, "agency": self.agency,
                "province": self.province}


def cover(document: Document) -> list[str]:
    """The text before the contents (or the first few paragraphs): where a disclosure names itself."""
    texts = [clean(p.text) for p in document.paragraphs[: 3 * _COVER_PARAGRAPHS]]
    end = next((i for i, t in enumerate(texts) if _CONTENTS.match(squash(t))), _COVER_PARAGRAPHS)
    return texts[: min(end, _COVER_PARAGRAPHS)]


def identify(document: Document, tables: list[TableFacts]) -> Identity:
    lines = cover(document)
    title = _TITLE.search(squash("".join(lines)))
    kind = _KIND_BY_WORD.get(title.group("kind")) if title else None
    level = _LEVEL_BY_WORD.get(title.group("level") or "") if title else None
    year = int(title.group("year")) if title else None
    titles = [squash(t.table.title) for t in tables if t.table.title]
    if kind is None:
        kind = _most_common(t.kind.document for t in tables if t.kind and t.kind.document != "any")
    if level is None:
        level = _most_common(("unit" if _UNIT_TITLE.match(t) else "department") for t in titles
                             if _UNIT_TITLE.match(t) or _DEPARTMENT_TITLE.match(t))
    if level is None:  # what the text calls itself most: `部门预算` or `单位预算`
        said = Counter(m.group(1) for p in document.paragraphs for m in _SELF_NAME.finditer(squash(p.text)))
        level = _LEVEL_BY_WORD.get(_most_common(said.elements()) or "")
    if year is None:
        year = _most_common(int(y) for t in titles for y in _YEAR_IN_TITLE.findall(t))
    agency = _agency(lines, tables, title)
    province = next((p for p in PROVINCES if agency and p in agency), None)
    return Identity(kind, level, year, agency, province)


def _most_common(values) -> object | None:
    counts = Counter(values).most_common(1)
    return counts[0][0] if counts else None


def _agency(lines: list[str], tables: list[TableFacts], title: re.Match | None) -> str | None:
    """The agency: a `预算单位：…` line on the cover, else the tables' `编制单位：…` line, else a cover
    line that is an organisation's name, else the words before the year in the cover's title."""
    for line in lines:
        named = _AGENCY_LINE.match(squash(line))
        if named:
            return _name(named.group("name"))
    metas = [_AGENCY_LINE.match(squash(t.table.meta)) for t in tables if t.table.meta]
    found = _most_common(_name(m.group("name")) for m in metas if m)
    if found:
        return found
    for line in lines:
        s = _name(line)
        if _ORGANISATION.search(s) and not _TITLE.search(s) and not _NUMBERED.match(squash(line)) and len(s) <= 30:
            return s
    if title:  # `江苏省人民检察院2018年部门预算`, `2017年度江苏省高级人民法院部门预算公开`
        before = _CLAUSE.split(squash("".join(lines))[: title.start()])[-1]
        for words in (_LEAD.sub("", before), title.group("between")):
            if _ORGANISATION.search(_name(words)):  # `2026年度泉州市公安局（本级）单位预算`
                return _name(words)
    return None


def _name(text: str) -> str:
    return _NOT_NAME.sub("", text).strip("：:*# ")


_SHORT_FORMS = (("中国共产党", "中共"), ("委员会", "委"), ("人民政府", "政府"))


def short_agency(agency: str | None) -> str | None:
    """An agency's name in its short form, the same however a cover writes it
    (`中国共产党江苏省委员会办公厅` and `中共江苏省委办公厅`)."""
    for full, short in _SHORT_FORMS:
        agency = agency.replace(full, short) if agency else agency
    return agency
