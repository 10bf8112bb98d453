"""The contents page (目录): the tables a disclosure says it holds, and which printed table each is.

A contents comes as a table (`报表 | 报表名称 | 是否空表 | 公开空表理由`, or lines
with page numbers `一、收支预算总表.....	7`) or as paragraphs under a `目录` line
(`- 一、2023 年部门收支预算表`).  It lists the narrative's parts and sections
too; only the lines naming a table are kept.  Completeness rules compare these
entries with the tables actually printed, so each entry is matched here to the
printed table it names: by its number (`表9`), then by its title, then by its
kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from budgetlint.model import Block, Document, Location, Paragraph
from budgetlint.textnorm import label_key, squash
from budgetlint.understand.kinds import KindCatalogue, TableKind
from budgetlint.load.assemble import TABLE_NUMBER
from budgetlint.understand.model import TableFacts
from budgetlint.understand.rows import split_label

_HEADING = re.compile(r"^目[录錄]$")
_BULLET = re.compile(r"^[-•·*]\s*")
_PART = re.compile(r"^第[一二三四五六七八九十\d]+部分|^附件")
_LEADER = re.compile(r"\s*([.．·…]{2,}.*|\s\d+)$")  # dot leaders, a page number
_NUMBER = re.compile(rf"^({TABLE_NUMBER})\s*")
_YEAR = re.compile(r"^\(?\d{4}年度?\)?")
_LEVEL = re.compile(r"^(部门|预算单位|单位|本级)")
_QUALIFIER = re.compile(r"(?<=表)\([^()]*\)$")
_SECTION = re.compile(r"^(预算|决算)(公开)?(报)?表(格)?$")  # `五、部门预算表`: the part holding the tables
_TABLE_TITLE = re.compile(r"表(\([^()]*\))?$")  # a table's title, perhaps with `（按…分类）` after it
_EMPTY_COLUMN = re.compile(r"空表$")
_REASON_COLUMN = re.compile(r"理由|原因")
_FLAGS = {"是": True, "否": False}
_LINE = 60  # a contents line is short: longer numbered text is the narrative


@dataclass(frozen=True, slots=True)
class ContentsEntry:
    """One table a contents lists."""

    title: str  # as listed, without bullet, number, dot leaders or page number
    number: str | None  # 表9, when the contents prints one
    kind: TableKind | None
    location: Location
    empty: bool | None = None  # 是否空表, when the contents has that column
    reason: str = ""  # 公开空表理由

    @property
    def name(self) -> str:
        return " ".join(b for b in (self.number, self.title) if b)


@dataclass(frozen=True, slots=True)
class Contents:
    entries: tuple[ContentsEntry, ...]
    location: Location
    name: str  # how messages name it: the contents table's name, or 目录
    printed: tuple[TableFacts | None, ...] = ()  # the printed table of each entry, None when not printed

    @property
    def pairs(self) -> list[tuple[ContentsEntry, TableFacts | None]]:
        return list(zip(self.entries, self.printed))

    def entry_of(self, table: TableFacts) -> ContentsEntry | None:
        """The entry listing a printed table, if any."""
        return next((e for e, t in self.pairs if t is table), None)


def title_key(title: str, agency: str | None = None) -> str:
    """What two printings of one title share: no spaces, numbering, leading year, the agency's
    name, 部门/单位, a qualifier in brackets after it (`（功能科目）`) or bracket style."""
    return _QUALIFIER.sub("", _core(title, agency))


def same_title(a: str, b: str, agency: str | None = None) -> bool:
    """Whether two printings name one table the same way: equal but for numbering, year, agency
    and 部门/单位; a bracketed qualifier only one of them prints (`财政拨款支出预算表（功能科目）`)
    is left out, or read where the other puts it (`“三公”经费…支出预算表（一般公共预算）` and
    `一般公共预算“三公”经费…支出预算表`).  Two qualifiers must agree.  A title naming alternatives
    names each table of its family."""
    core_a, core_b = _core(a, agency), _core(b, agency)
    if core_a == core_b or _one_of(core_a, core_b) or _one_of(core_b, core_a):
        return True
    qualified = [c for c in (core_a, core_b) if _QUALIFIER.search(c)]
    if len(qualified) != 1:
        return False
    plain = core_b if qualified[0] is core_a else core_a
    qualifier = _QUALIFIER.search(qualified[0])
    return plain in (qualified[0][: qualifier.start()], qualifier.group(0)[1:-1] + qualified[0][: qualifier.start()])


def _one_of(generic: str, specific: str) -> bool:
    """Whether a title naming a family of tables (`专项或共同事权转移支付绩效目标表`, one table per
    transfer payment in the body) names ``specific`` (`医药卫生体制改革专项转移支付绩效目标表`): it ends
    with one of the alternatives, the words they share after them included."""
    if "或" not in generic:
        return False
    first, second = generic.split("或", 1)
    shared = [second[k:] for k in range(1, len(second) - 3)]  # `转移支付绩效目标表`, …
    return any(specific.endswith(alternative) for alternative in [second, *(first + tail for tail in shared)])


def _core(title: str, agency: str | None) -> str:
    key = split_label(_NUMBER.sub("", label_key(title)).lstrip(":、."))[2]
    key = _YEAR.sub("", key)
    if agency:
        key = key.replace(label_key(agency), "")
    return _LEVEL.sub("", key)


def _entry(text: str, location: Location, kinds: KindCatalogue, number: str | None = None,
           **flags) -> ContentsEntry | None:
    """The entry a contents line makes, or ``None`` when the line names no table."""
    title = _LEADER.sub("", _BULLET.sub("", text.strip())).strip()
    if _PART.match(squash(title)):
        return None
    numbered = _NUMBER.match(title)
    if numbered:
        number, title = number or squash(numbered.group(1)), title[numbered.end():]
    key = title_key(title)
    if not _TABLE_TITLE.search(key) or _SECTION.match(key):
        return None
    return ContentsEntry(title, number, kinds.classify(title), location, **flags)


def _from_table(table: TableFacts, kinds: KindCatalogue) -> Contents:
    printed = table.table
    headers = [label_key("".join(row[i].text for row in printed.header)) for i in range(printed.width)]
    flag = next((i for i, h in enumerate(headers) if _EMPTY_COLUMN.search(h)), None)
    reason = next((i for i, h in enumerate(headers) if _REASON_COLUMN.search(h)), None)
    entries = []
    for row in printed.body:
        cells = [c for i, c in enumerate(row) if c.text.strip() and i not in (flag, reason)]
        numbers = [c for c in cells if _NUMBER.fullmatch(squash(c.text))]
        title = next((c for c in cells if c not in numbers and not squash(c.text).isdigit()), None)  # not a page
        if title is None:
            continue
        number = squash(numbers[0].text) if numbers else None
        entry = _entry(title.text, title.location, kinds, number,
                       empty=_FLAGS.get(squash(row[flag].text)) if flag is not None else None,
                       reason=row[reason].text.strip() if reason is not None else "")
        if entry:
            entries.append(entry)
    return Contents(tuple(entries), printed.location, printed.name)


def _listed(text: str) -> bool:
    """Whether a paragraph reads as a contents line: short, and a bullet, a part, numbered or paged."""
    s = squash(text)
    return len(s) <= _LINE and bool(_BULLET.match(text) or _PART.match(s) or _LEADER.search(text)
                                    or split_label(s)[0])


def _from_paragraphs(blocks: list[Block], heading: Paragraph, kinds: KindCatalogue) -> Contents:
    """The lines under a `目录` heading, up to the first that is not a contents line or repeats one
    (the text starting over with the same headings)."""
    entries: list[ContentsEntry] = []
    first = next(i for i, b in enumerate(blocks) if b is heading) + 1
    broken: Paragraph | None = None  # a line that stopped short of its table's title (a page ended)
    for block in blocks[first:]:
        if not isinstance(block, Paragraph):
            break
        text, start = block.text, block
        if broken is not None and not _listed(text) and len(squash(broken.text + text)) <= _LINE:
            text, start = broken.text + text, broken
        elif not _listed(text):
            break
        bullet = len(text) - len(_BULLET.sub("", text))
        entry = _entry(text, start.locate(bullet), kinds)
        broken = block if entry is None and split_label(squash(text))[0] else None
        if entry and any(_core(e.title, None) == _core(entry.title, None) for e in entries):
            break  # the text starting over (`（七）一般公共预算支出表（按功能分类）` and `（八）…（按经济分类）` are two)
        if entry:
            entries.append(entry)
    return Contents(tuple(entries), heading.location, "目录")


def read_contents(document: Document, tables: list[TableFacts], kinds: KindCatalogue) -> Contents | None:
    """The contents listing the most tables, its entries matched to the printed ``tables``;
    ``None`` when no contents lists a table."""
    found = [_from_table(t, kinds) for t in tables if t.kind and t.kind.id == "contents"]
    blocks = document.blocks
    found += [_from_paragraphs(blocks, b, kinds) for b in blocks
              if isinstance(b, Paragraph) and len(b.text) <= 8 and _HEADING.match(squash(b.text))]
    contents = max((c for c in found if c.entries), key=lambda c: len(c.entries), default=None)
    if contents is None:
        return None
    return replace(contents, printed=tuple(_match(contents.entries, printed_tables(tables))))


def printed_tables(tables: list[TableFacts]) -> list[TableFacts]:
    """The tables other than the contents itself."""
    return [t for t in tables if not (t.kind and t.kind.id == "contents")]


def _numbers(number: str) -> tuple[int, ...]:
    return tuple(int(d) for d in re.findall(r"\d+", number))


def part_of(entry: ContentsEntry, table: TableFacts) -> bool:
    """Whether ``table`` is printed as a part of what ``entry`` lists (`表14-1`, `表14-2` for `表14`)."""
    if not (entry.number and table.table.number):
        return False
    listed, printed = _numbers(entry.number), _numbers(table.table.number)
    return len(printed) > len(listed) and printed[: len(listed)] == listed


def _match(entries: tuple[ContentsEntry, ...], tables: list[TableFacts]) -> list[TableFacts | None]:
    """The printed table each entry names (``None`` when it is not printed); each table is used once.

    By number first (`表9` is 表9 whatever its title), then by the same title, then
    by kind, for tables the contents titles differently (`部门专项业务经费绩效目标表`
    printed as `部门预算专项业务经费绩效目标表`) unless both are numbered otherwise.
    """
    def by_number(e: ContentsEntry, t: TableFacts) -> bool:
        return bool(e.number and t.table.number) and _numbers(e.number) == _numbers(t.table.number)

    def by_title(e: ContentsEntry, t: TableFacts) -> bool:
        return title_key(e.title) == title_key(t.table.title or "")

    def by_kind(e: ContentsEntry, t: TableFacts) -> bool:
        return e.kind is not None and e.kind == t.kind and not (e.number and t.table.number)

    found: list[TableFacts | None] = [None] * len(entries)
    for same in (by_number, by_title, by_kind, part_of):
        for i, entry in enumerate(entries):
            if found[i] is None:
                found[i] = next((t for t in tables if t not in found and same(entry, t)), None)
    return found
