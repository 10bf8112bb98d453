"""Columns of a table: header paths from multi-row headers, roles, and column groups.

A merged header cell comes out of extraction as text followed by empty cells
(`本年收入 | | |`).  An empty header cell takes the text on its left when it sits
under the same parent and has sub-headers below it: that is a horizontal span.
Otherwise it is a vertical merge and adds nothing to the path.
"""

from __future__ import annotations

import re

from budgetlint.figures import MONEY_UNITS, parse_figure
from budgetlint.load.assemble import is_column_numbers
from budgetlint.model import Table
from budgetlint.textnorm import despace, label_key
from budgetlint.understand.codes import parse_code
from budgetlint.understand.model import Column, Group, Role

_CODE_PART = {"类", "款", "项"}
_UNIT_CODE = re.compile(r"(单位|部门|项目)\)?(代码|编码)|单位编码|项目编码")
_CODE = re.compile(r"(编码|代码)$")
_NOTE = re.compile(r"备注|说明|简介|理由|依据|^序号?$|^行次$|^栏次$")
_RATE = re.compile(r"[%％]|率|比重|占比|比例")
_COUNT = re.compile(r"数量|人数|台数|辆数|个数|^编制数$|^实有人数$|采购时间")
_LABEL_HEADER = re.compile(r"名称|^项目$|科目|^类型$|^单位$|^部门$|^任务|内容$|规格|型号|目录$")
_HEADER_UNIT = re.compile(r"[(（](万元|亿元|元)[)）]")


def header_paths(table: Table) -> list[tuple[str, ...]]:
    """Each column's header components, top to bottom, spans filled in."""
    width = table.width
    header = [row for row in table.header if not is_column_numbers(row)]  # `栏次 | ** | 1 | 2 …` names no column
    grid = [[despace(c.text) for c in row] + [""] * (width - len(row)) for row in header]
    filled = [row[:] for row in grid]
    for r, row in enumerate(grid):
        for c in range(1, width):
            if row[c] or not filled[r][c - 1]:
                continue
            same_parent = all(filled[k][c] == filled[k][c - 1] for k in range(r))
            has_children = any(grid[k][c] for k in range(r + 1, len(grid)))
            if same_parent and has_children:
                filled[r][c] = filled[r][c - 1]
    paths = []
    for c in range(width):
        path: list[str] = []
        for r in range(len(filled)):
            text = filled[r][c]
            if text and (not path or path[-1] != text):
                path.append(text)
        paths.append(tuple(path))
    return paths


_NUMBERING = re.compile(r"[*＊]+|\d{1,2}")  # `**`, `1`: a column's number in a 栏次 row, not its name


def _keys(path: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(k for k in (label_key(p) for p in path) if k and k not in ("其中", "其中:") and not _NUMBERING.fullmatch(k))


def _holds_codes(table: Table, index: int) -> bool:
    """Whether the column's printed cells are subject codes (and placeholders like `…`)."""
    texts = [despace(row[index].text) for row in table.body if index < len(row) and row[index].text]
    codes = [t for t in texts if parse_code(t)]
    return bool(codes) and all(parse_code(t) or not any(ch.isdigit() for ch in t) for t in texts)


def _role(keys: tuple[str, ...], table: Table, index: int) -> Role:
    last = keys[-1] if keys else ""
    if last in _CODE_PART:
        return Role.CODE_PART
    if last and _UNIT_CODE.search(last):
        return Role.UNIT_CODE
    if last and _CODE.search(last):
        return Role.CODE
    if last and _NOTE.search(last):
        return Role.NOTE
    if last and _RATE.search(last):
        return Role.RATE
    if last and _COUNT.search(last):
        return Role.COUNT
    if any(_CODE.search(k) for k in keys[:-1]) and _holds_codes(table, index):
        return Role.CODE  # `科目编码/合计`: the 合计 row sits under the code heading in 决算 tables
    figures = texts = 0
    for row in table.body:
        text = row[index].text if index < len(row) and not row[index].covered else ""
        if not text:
            continue
        fig = parse_figure(text)
        if fig is not None and not fig.blank:
            figures += 1
        elif fig is None:
            texts += 1
    if figures or texts:
        if figures >= texts:
            return Role.UNNAMED if not keys and any(c.text for row in table.header for c in row) else Role.VALUE
        return Role.LABEL
    if not keys:
        return Role.BLANK
    return Role.LABEL if _LABEL_HEADER.search(last) else Role.VALUE


def _inline_code_parts(table: Table) -> dict[int, str]:
    """`类 | 款 | 项` printed in the first row, beside its `合计` (决算 tables): sub-headings of the
    code columns above them, by column."""
    if not table.body:
        return {}
    first = {i: despace(c.text) for i, c in enumerate(table.body[0])}
    found = {i: t for i, t in first.items() if t in _CODE_PART}
    return found if len(found) >= 2 else {}


def read_columns(table: Table) -> list[Column]:
    columns = []
    inline = _inline_code_parts(table)
    for index, path in enumerate(header_paths(table)):
        if index in inline and (not path or path[-1] != inline[index]):
            path = path + (inline[index],)
        keys = _keys(path)
        unit_match = _HEADER_UNIT.search("".join(path))
        columns.append(Column(
            index=index,
            path=path,
            keys=keys,
            role=_role(keys, table, index),
            unit=MONEY_UNITS[unit_match.group(1)] if unit_match else None,
        ))
    return columns


def column_groups(columns: list[Column]) -> list[Group]:
    """Split the columns into runs of key columns followed by the value columns they label."""
    groups: list[Group] = []
    current: Group | None = None
    for col in columns:
        if col.role in (Role.NOTE, Role.RATE, Role.COUNT, Role.BLANK, Role.UNNAMED):
            continue
        if col.role is Role.VALUE:
            if current is None:
                current = Group([], [])
                groups.append(current)
            current.value_columns.append(col)
        else:
            if current is None or current.value_columns:
                current = Group([], [])
                groups.append(current)
            current.key_columns.append(col)
    return [g for g in groups if g.value_columns]
