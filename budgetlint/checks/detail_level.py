"""detail-level: a table is as detailed as the 规程 requires.

`require: {codes: function, digits: 7}`: every row of that classification with
money in it reaches the 7-digit 项, or has rows beneath it that do
(一般公共预算支出 to the 功能分类 项; 基本支出 to the 经济分类 款 with 5).  A 类
printed alone hides what the money is for; a row of zeros hides nothing.
`require: {items: {name: pattern, …}}`: the table names each item, in a row or a
column (the 三公 table: 因公出国（境）费, 公务接待费, and 公务用车 split into 购置费 and
运行费).  Patterns match a whole label, numbering and `其中` removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from budgetlint.checks.base import Check, Finding, entry_ref, table_ref, LEVELS, level_name
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import parse_patterns, parse_tables
from budgetlint.i18n import names, t
from budgetlint.understand.codes import SCHEMES
from budgetlint.understand.model import DocumentFacts, Entry, Group, TableFacts
from budgetlint.understand.rows import split_label

@dataclass(frozen=True)
class CodeLevel:
    scheme: str
    digits: int


@dataclass(frozen=True)
class Items:
    items: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]


def parse_requirement(value: Any) -> CodeLevel | Items:
    if isinstance(value, dict) and set(value) == {"codes", "digits"}:
        if value["codes"] not in SCHEMES.values():
            raise ValueError(f"codes: one of {', '.join(SCHEMES.values())}")
        if value["digits"] not in LEVELS:
            raise ValueError("digits: 3 (类), 5 (款) or 7 (项)")
        return CodeLevel(value["codes"], value["digits"])
    if isinstance(value, dict) and set(value) == {"items"} and isinstance(value["items"], dict) and value["items"]:
        return Items(tuple((str(name), parse_patterns(p)) for name, p in value["items"].items()))
    raise ValueError("give {codes: function, digits: 7} or {items: {name: pattern, …}}")


def _coarse_rows(group: Group, need: CodeLevel) -> Iterator[tuple[Entry, str]]:
    """Rows of the classification, with money, short of the level and with nothing beneath.

    A row printed again beneath itself (`21999 其他支出` twice) says the classification goes no finer."""
    coded = [(e, c.digits) for e in group.entries for c, _ in e.names if not c.inferred and c.scheme == need.scheme]
    printed = {digits for _, digits in coded}
    finest = {e.code.digits for e in group.entries if e.restates_parent}
    for entry, digits in coded:
        if (len(digits) >= need.digits or digits in finest
                or any(d.startswith(digits) and d != digits for d in printed)):
            continue
        if any(not f.blank and f.figure.value != 0 for f in entry.cells.values()):
            yield entry, digits


def _labels(table: TableFacts) -> set[str]:
    printed = table.table
    return {split_label(c.text)[2] for row in printed.header + printed.body for c in row if c.text.strip()}


class DetailLevel(Check):
    kind = "detail-level"
    summary = "Rows reach the required code level; a table names its required items."
    fields = {
        "tables": Field(parse_tables, "the tables to check (kinds or a title pattern)", required=True),
        "require": Field(parse_requirement, "{codes: function, digits: 7} or {items: {name: pattern, …}}",
                         required=True),
        "undivided": Field(parse_patterns, "codes the classification divides no further (219xx 援助其他地区 款 have "
                           "no 项)", default=()),
    }
    variables = ("table", "row", "code", "level", "missing", "reported", "computed")
    default_message = "{table}：{reported}，应{computed}"
    default_message_en = "「{table}」: {reported}, should be {computed}"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        need = rule.params["require"]
        for table in rule.params["tables"].select(doc):
            if isinstance(need, CodeLevel):
                yield from self._codes(table, need, rule.params["undivided"])
            else:
                yield from self._items(table, need)

    def _codes(self, table: TableFacts, need: CodeLevel, undivided: tuple[re.Pattern[str], ...]) -> Iterator[Finding]:
        for group in table.groups:
            for entry, digits in _coarse_rows(group, need):
                if any(p.fullmatch(digits) for p in undivided):
                    continue
                level = level_name(len(digits))
                yield Finding(
                    subject=entry_ref(table, entry),
                    reported=t("{code} 「{label}」 only to the {level}", code=digits, label=entry.label, level=level),
                    computed=t("broken down to the {level} ({n}-digit codes)", level=level_name(need.digits),
                               n=need.digits),
                    values={"table": table.name, "row": entry.title, "code": digits, "level": level, "missing": ""},
                )

    def _items(self, table: TableFacts, need: Items) -> Iterator[Finding]:
        labels = _labels(table)
        listed = [name for name, patterns in need.items if any(p.fullmatch(k) for p in patterns for k in labels)]
        missing = [name for name, _ in need.items if name not in listed]
        if missing:
            yield Finding(
                subject=table_ref(table),
                reported=t("lists {items}", items=names(listed)) if listed else t("lists no parts"),
                computed=t("also {items}", items=names(missing)),
                values={"table": table.name, "row": "", "code": "", "level": "", "missing": names(missing)},
            )
