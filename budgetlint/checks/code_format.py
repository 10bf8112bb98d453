"""code-format: subject codes are well formed.

``check: padding``: a code printed over 类 | 款 | 项 columns pads its parts to two
digits (`221 | 02 | 01`; `221 | 2 | 1` reads as another code and sorts out of
place).  ``check: structure``: a code belongs to its classification: its 类
exists (功能分类 201–234, 部门经济分类 301–399, 政府经济分类 501–599, as listed in
:mod:`budgetlint.understand.codes`), no 款 or 项 part is `00`, and in a table
that prints 类 rows above their 款 (or 款 above their 项), a 款 whose 类 is not
printed while the others' are is out of place (`21101` for `21011`).
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.base import Check, Finding, entry_ref, parse_choice
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import parse_tables
from budgetlint.i18n import t
from budgetlint.understand.codes import CLASSES, SubjectCode
from budgetlint.understand.model import DocumentFacts, Entry

_SCHEME_NAMES = {"function": "functional classification", "economic": "departmental economic classification",
                 "gov_economic": "government economic classification"}


def _padded(code: SubjectCode) -> str:
    """The code printed as its split columns should print it: `221 | 02 | 01`."""
    parts = code.printed.count("|")
    return " | ".join([code.digits[:3]] + [code.digits[3 + 2 * i: 5 + 2 * i] for i in range(parts)])


def _problem(code: SubjectCode, printed: set[str], placed: set[int]) -> tuple[str, str] | None:
    """What is wrong with a code's structure, as (found, expected), or ``None``."""
    classes = CLASSES.get(code.scheme)
    if classes is not None and code.digits[:3] not in classes:
        return (t("{code} is not a class of the {scheme}", code=code.digits[:3], scheme=t(_SCHEME_NAMES[code.scheme])),
                t("a class code of the current subjects"))
    parts = [code.digits[i: i + 2] for i in range(3, len(code.digits), 2)]
    if "00" in parts:
        return t("{code} has a 00 part", code=code.digits), t("section and item parts from 01 to 99")
    parent = code.digits[:-2]
    if code.level > 1 and code.level in placed and parent not in printed:
        return (t("{code}'s parent {parent} is not listed (the table's other subjects are under theirs)",
                  code=code.digits, parent=parent),
                t("a code starting with {parent}, or {parent} listed", parent=parent))
    return None


def _misplaced(coded: list[tuple[Entry, SubjectCode]]) -> Iterator[tuple[Entry, SubjectCode, str, str]]:
    for scheme in sorted({c.scheme for _, c in coded}):
        of_scheme = [(e, c) for e, c in coded if c.scheme == scheme]
        printed = {c.digits for _, c in of_scheme}
        # the levels whose codes this table prints under their parents (at least one does)
        placed = {c.level for _, c in of_scheme if c.level > 1 and c.digits[:-2] in printed}
        for entry, code in of_scheme:
            problem = _problem(code, printed, placed)
            if problem:
                yield entry, code, *problem


class CodeFormat(Check):
    kind = "code-format"
    summary = "Subject codes are zero-padded, exist in their classification and sit under their parents."
    fields = {
        "check": Field(parse_choice("padding", "structure"), "split codes zero-padded, or codes well placed",
                       required=True),
        "tables": Field(parse_tables, "the tables to check (kinds or a title pattern)", required=True),
    }
    variables = ("table", "row", "code", "reported", "computed")
    default_message = "{table}「{row}」：科目编码 {reported}，应为 {computed}"
    default_message_en = "「{table}」 「{row}」: subject code {reported}, should be {computed}"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        for table in rule.params["tables"].select(doc):
            for group in table.groups:
                coded = [(e, c) for e in group.entries for c, _ in e.names if not c.inferred]
                if rule.params["check"] == "padding":
                    found = [(e, c, c.printed, _padded(c)) for e, c in coded if not c.padded]
                else:
                    found = list(_misplaced(coded))
                for entry, code, reported, computed in found:
                    yield Finding(
                        subject=entry_ref(table, entry),
                        reported=reported,
                        computed=computed,
                        values={"table": table.name, "row": entry.title, "code": code.printed},
                    )
