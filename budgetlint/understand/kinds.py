"""Which standard table a table is, recognised by its title across provincial templates.

Rules select tables by these kind ids.  The patterns are tried in order, the
specific before the general (a 财政拨款收支总表 is also a 收支总表 by its words;
a 基本支出 table is also a 一般公共预算 table).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budgetlint.textnorm import label_key


@dataclass(frozen=True, slots=True)
class TableKind:
    id: str
    name: str  # the standard name, as the 规程 calls the table
    pattern: re.Pattern[str]


def _kind(id: str, name: str, pattern: str) -> TableKind:
    return TableKind(id, name, re.compile(pattern))


TABLE_KINDS: tuple[TableKind, ...] = (
    _kind("contents", "目录", r"^目录$"),
    _kind("performance", "绩效目标表", r"绩效"),
    _kind("three_public", "“三公”经费支出表", r"三公"),
    _kind("gov_fund", "政府性基金预算支出表", r"政府性基金"),
    _kind("soe_capital", "国有资本经营预算支出表", r"国有资本经营"),
    _kind("procurement", "政府采购预算表", r"政府采购"),
    _kind("fiscal_summary", "财政拨款收支总表", r"财政拨款收支"),
    _kind("income_expense_summary", "部门收支总表", r"收支(预算)?总(表|体情况表)|收支预算表"),
    _kind("income_summary", "部门收入总表", r"收入(预算)?(总)?表"),
    _kind("basic_expense", "一般公共预算基本支出表", r"基本支出"),
    _kind("gpb_economic", "一般公共预算支出经济分类表", r"经济分类"),
    _kind("gpb_expense", "一般公共预算支出表", r"一般公共预算(拨款)?支出"),
    _kind("project_expense", "项目支出表", r"项目支出|专项业务经费支出|专项资金"),
    _kind("expense_summary", "部门支出总表", r"支出(预算)?(总)?表"),
)
KINDS_BY_ID = {k.id: k for k in TABLE_KINDS}


def classify(title: str | None) -> TableKind | None:
    if not title:
        return None
    key = label_key(title)
    for kind in TABLE_KINDS:
        if kind.pattern.search(key):
            return kind
    return None
