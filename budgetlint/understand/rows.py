"""Rows of a column group: their labels, codes, outline numbering and totals.

Labels carry structure: `一、` `（一）` `1、` `(1)` `①` number an outline, `其中：`
marks a part that need not be a complete breakdown (unless it opens a numbered
list: `其中：（1）购置费 （2）运行费`), and `合计` / `总计` / `小计` (also
`本年收入合计`, `支出总计`) mark totals.
"""

from __future__ import annotations

import re

from budgetlint.figures import Unit, parse_figure
from budgetlint.model import Cell, Table
from budgetlint.textnorm import despace, label_key
from budgetlint.understand.codes import SubjectCode, infer_function_class, join_split_code, parse_code
from budgetlint.understand.model import Column, Entry, Fact, Group, Role, TableFacts

_CN = "一二三四五六七八九十百零〇"
MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("一、", re.compile(rf"^[{_CN}]+[、.]")),
    ("（一）", re.compile(rf"^\([{_CN}]+\)")),
    ("1、", re.compile(r"^\d{1,2}[、.](?!\d)|^\d{1,2}\.(?=(19|20)\d\d年)")),
    ("(1)", re.compile(r"^\(\d{1,2}\)")),
    ("①", re.compile(r"^[①-⑳]")),
)
_PARTIAL = re.compile(r"^其中[:]?")
_TOTAL_RANKS = (("总计", 3), ("合计", 2), ("小计", 1))
_UNIT_CODE_TEXT = re.compile(r"^\d{3,12}$|^-$")
_FUND_CODE_TEXT = re.compile(r"^\d{1,2}$")  # under `单位编码`, `1 全额` over the units `116001` …
_NUMBERING_ROWS = frozenset({"栏次", "行次", "序号"})
_LABEL_CODE = re.compile(r"^(?P<open>[\[【(（])?(?P<code>\d{3}(?:\d{2}){0,2})(?(open)[\]】)）])(?P<sep>[-－—.、:]?)"
                         r"(?P<name>[\u4e00-\u9fff].*)$")


def split_label(text: str) -> tuple[str | None, bool, str]:
    """`其中：（1）公务用车购置费` → marker style, whether it is a 其中 part, the bare key."""
    key = label_key(text)
    partial = False
    m = _PARTIAL.match(key)
    if m and len(key) > m.end():
        partial, key = True, key[m.end():]
    for style, pattern in MARKERS:
        mm = pattern.match(key)
        if mm and len(key) > mm.end():
            # `其中：(1)…` opens a numbered, complete breakdown
            return style, False, key[mm.end():]
    return None, partial, key


def total_rank(key: str) -> int:
    for word, rank in _TOTAL_RANKS:
        if key == word or (key.endswith(word) and len(key) <= 12):
            return rank
    return 0


def _cell(row: list[Cell], col: Column) -> Cell:
    return row[col.index]


def _codes(row: list[Cell], group: Group) -> tuple[SubjectCode | None, list[tuple[SubjectCode, str]], str | None, str]:
    """The row's subject codes with their names, its unit code (or fund code), and its label text."""
    parts = [_cell(row, c).text for c in _subject_code_parts(group)]
    primary = join_split_code(parts) if parts else None
    pending: list[SubjectCode] = [primary] if primary else []
    names: list[tuple[SubjectCode, str]] = []
    unit_code: str | None = None
    labels: list[tuple[Column, str]] = []
    for col in group.key_columns:
        text = despace(_cell(row, col).text)
        if not text or col.role is Role.CODE_PART:
            continue
        if col.role is Role.UNIT_CODE:
            if _UNIT_CODE_TEXT.match(text) or _FUND_CODE_TEXT.match(text):
                unit_code = text
            continue
        if col.role is Role.CODE:
            code = parse_code(text)
            if code:
                pending.append(code)
                continue
        elif _UNIT_CODE_TEXT.match(text) and text != "-":
            unit_code = unit_code or text  # a unit code printed in a name column (`205`)
            continue
        elif not pending and (joined := _label_code(text)):
            code, text = joined
            pending.append(code)
        for code in pending:
            names.append((code, text))
        pending = []
        labels.append((col, text))
    names.extend((code, "") for code in pending)
    codes = [c for c, _ in names]
    label = next((t for c, t in labels if "名称" in "".join(c.keys)), labels[0][1] if labels else "")
    if not label and primary is None:  # `人员经费合计` (or `合计`) printed over the code columns
        label = next((despace(t) for t in parts if despace(t) and not despace(t).isdigit()), "")
    return (codes[0] if codes else None), names, unit_code, label


def _subject_code_parts(group: Group) -> list[Column]:
    """The 类 | 款 | 项 columns of the row's subject code: the first family of code-part columns (a
    procurement table also prints each item's economic 类 | 款 under `部门预算支出经济科目编码`)."""
    family: list[Column] = []
    for col in group.key_columns:
        if col.role is not Role.CODE_PART:
            continue
        if family and (col.keys[:-1] != family[0].keys[:-1] or col.index != family[-1].index + 1):
            break
        family.append(col)
    return family


def _label_code(text: str) -> tuple[SubjectCode, str] | None:
    """A code printed in the name (`[205]教育支出`, `2010601-行政运行`, `301 工资福利支出`, `30101基本工资`),
    and the name.  A bare number before a word is a code only where it can be one (a 功能, 部门经济 or
    政府经济 class, 款 or 项): `100辆` is no code."""
    m = _LABEL_CODE.match(text)
    if not m or not m.group("name"):
        return None
    code = parse_code(m.group("code"))
    if code is None or (not m.group("open") and not m.group("sep") and code.digits[0] not in "235"):
        return None
    return SubjectCode(code.digits, m.group("code")), m.group("name")


def _names_function_classes(group: Group) -> bool:
    """Whether the group's labels are expenditure by function (支出 … 功能), not income or economic."""
    words = "".join(k for c in group.key_columns for k in c.keys)
    return "支出" in words and "经济" not in words


def read_entries(table: Table, facts: TableFacts, group: Group, infer_classes: bool) -> list[Entry]:
    entries: list[Entry] = []
    infer_classes = infer_classes and _names_function_classes(group)
    for r, row in enumerate(table.body):
        if not any(_cell(row, c).text for c in group.key_columns + group.value_columns):
            continue
        code, names, unit_code, label = _codes(row, group)
        fund_code = unit_code if unit_code and _FUND_CODE_TEXT.match(unit_code) else None
        marker, partial, key = split_label(label)
        if key in _NUMBERING_ROWS:
            continue  # `栏次 | 1 | 2 | 3`: the columns' numbers, not figures
        if code is None and infer_classes and key:
            code = infer_function_class(key)
        label_cell = next((_cell(row, c) for c in group.key_columns if _cell(row, c).text), None)
        first_value = _cell(row, group.value_columns[0])
        entry = Entry(
            row=r,
            label=label,
            key=key,
            location=(label_cell or first_value).location,
            code=code,
            names=tuple(names),
            unit_code=None if fund_code else unit_code,
            fund_code=fund_code,
            marker=marker,
            total_rank=total_rank(key) if not code or code.inferred else 0,
            partial=partial,
        )
        for col in group.value_columns:
            cell = _cell(row, col)
            if cell.covered:
                continue  # inside a merged cell: no figure of its own
            unit: Unit = col.unit or facts.unit
            figure = parse_figure(cell.text, unit)
            if figure is not None:
                entry.cells[col.index] = Fact(figure, facts, entry, col, cell.location)
        if not label and not code and not unit_code and not any(not f.blank for f in entry.cells.values()):
            continue
        entries.append(entry)
    _mark_implied_total(entries)
    _mark_grand_totals(entries)
    _mark_partial_runs(entries)
    _mark_label_depths(entries, table, group)
    return entries


def _mark_label_depths(entries: list[Entry], table: Table, group: Group) -> None:
    """Several label columns, each further right naming the parts of the one before (`专项名称 |
    经济科目 | 采购物品名称`, `一般公共预算资金 | 小计` then ` | 公共财政拨款资金`): the label columns
    where each row prints text of its own (its depth, see :func:`~budgetlint.understand.hierarchy.column_reading`)."""
    labels = [c for c in group.key_columns if c.role is Role.LABEL]
    if len(labels) < 2:
        return
    for entry in entries:
        row = table.body[entry.row]
        entry.labelled = tuple(i for i, c in enumerate(labels) if _cell(row, c).text and not _cell(row, c).covered)


def _mark_implied_total(entries: list[Entry]) -> None:
    """A first row with figures but no label or code, above labelled rows (or alone: 江苏's
    支出总表 is one row under `合计 | 基本支出 | 项目支出`), is the total."""
    if entries:
        first = entries[0]
        if not first.label and not first.code and not first.unit_code and first.cells:
            first.total_rank = 2


def _mark_grand_totals(entries: list[Entry]) -> None:
    """A total whose name the name of an earlier total of its rank contains, with rows between them
    (`本年收入合计 … 上年结转结余 … 收入合计`), totals that total too: it ranks above it."""
    for i, later in enumerate(entries):
        if not later.is_total:
            continue
        for j in range(i - 1, -1, -1):
            earlier = entries[j]
            if earlier.is_total and earlier.total_rank == later.total_rank:
                between = any(not e.is_total for e in entries[j + 1 : i])
                if between and len(later.key) < len(earlier.key) and later.key in earlier.key:
                    later.total_rank += 1
                break


def _mark_partial_runs(entries: list[Entry]) -> None:
    """An unnumbered row right after a `其中` row continues that list (`其中：A … / B …`)."""
    for prev, entry in zip(entries, entries[1:]):
        if prev.partial and not entry.marker and not entry.is_total and not entry.code and not entry.unit_code:
            entry.partial = True
