"""The 检查表 of each disclosure: what an auditor records for an agency, built from a report.

A district 财政局 keeps one checklist per agency: each table the template requires
(printed? sound?) and each area of checks (表内勾稽, 表间勾稽, 情况说明 …), 符合要求
是/否, with the problems found under each 否.  Every finding is listed under exactly one
item: under the required table it is about when there is one, else under its rule's
area (the pack it comes from).  Formats that hand results back to agencies (the
workbook) render this model; it holds no layout.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from budgetlint.checks.required_tables import selector_name
from budgetlint.engine.pack import RuleSet
from budgetlint.report.result import FileResult, InputError, Report, TableSeen, Violation
from budgetlint.understand.identity import Identity

PASSED, FAILED, REVIEW, UNREAD = "通过", "未通过", "需复核", "无法检查"
_OTHER_AREA = "其他"
_SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


def severity_name(severity: str) -> str:
    return _SEVERITY_NAMES.get(severity, severity)


@dataclass(frozen=True, slots=True)
class Item:
    """One line of a checklist: a required table or an area of checks."""

    section: str  # 公开的表 or 检查项
    name: str
    passed: bool | None  # None: cannot be told (a page of the file could not be read)
    note: str  # where the table is printed, or why the item cannot be told
    findings: tuple[Violation, ...] = ()

    @property
    def answer(self) -> str:
        return {True: "是", False: "否", None: "无法判断"}[self.passed]


@dataclass(slots=True)
class Disclosure:
    """One disclosure (one file, or the 说明 and tables files checked together) and its checklist."""

    files: list[FileResult]
    findings: list[Violation]
    items: list[Item] = field(default_factory=list)
    error: InputError | None = None  # the disclosure could not be checked at all

    @property
    def identity(self) -> Identity:
        return self.files[0].identity if self.files else Identity()

    @property
    def paths(self) -> list[str]:
        return [f.path for f in self.files] if self.files else [self.error.path if self.error else ""]

    @property
    def pages(self) -> int | None:
        return sum(f.pages or 0 for f in self.files) or None

    @property
    def tables(self) -> list[TableSeen]:
        return [t for f in self.files for t in f.tables_seen]

    def count(self, severity: str) -> int:
        return sum(v.severity == severity for v in self.findings)

    @property
    def verdict(self) -> str:
        """未通过 with an error, 需复核 with warnings or notes only, 通过 with none."""
        if self.error is not None:
            return UNREAD
        if self.count("error"):
            return FAILED
        return REVIEW if self.findings else PASSED


def disclosures(report: Report, rules: RuleSet) -> list[Disclosure]:
    """The report's disclosures in the order checked, each with its checklist; then the files
    that could not be checked, one disclosure each."""
    groups: dict[tuple[str, ...], list[FileResult]] = {}
    for result in report.files:
        groups.setdefault(result.disclosure or (result.path,), []).append(result)
    found = report.violations
    out = []
    for files in groups.values():
        paths = {f.path for f in files}
        mine = [v for v in found if v.file in paths]
        out.append(Disclosure(files, mine, _items(files, mine, rules)))
    out.extend(Disclosure([], [], error=e) for e in report.errors)
    return out


def _items(files: list[FileResult], findings: list[Violation], rules: RuleSet) -> list[Item]:
    identity = files[0].identity
    unread = any(v.rule == "BL001" for v in findings)  # a page not read may hold a table not seen
    left = list(findings)
    items = []
    printed = [(f.path, t) for f in files for t in f.tables_seen]
    for rule in rules.rules:
        if rule.kind != "required-tables" or not rule.applies_to(identity.kind):
            continue
        for selector in rule.params["tables"]:
            name = selector_name(selector, rules.kinds)
            match = next(((path, t) for path, t in printed
                          if selector.accepts(rules.kinds.get(t.kind) if t.kind else None, t.name)), None)
            if match is None:
                items.append(Item("公开的表", name, None if unread else False,
                                  "未见此表（有页面未能读取）" if unread else "未见此表"))
                continue
            printed.remove(match)
            path, table = match
            about = [v for v in left if v.file == path and v.subject.table == table.name]
            left = [v for v in left if v not in about]
            where = f"第{table.page}页" if table.page else ""
            items.append(Item("公开的表", name, not about, f"{where}《{table.name}》".strip(), tuple(about)))
    areas: dict[str, list[Violation]] = {}
    for rule in rules.rules:
        if rule.applies_to(identity.kind):
            areas.setdefault(rule.area or _OTHER_AREA, [])
    area_of = {r.id: r.area or _OTHER_AREA for r in rules.rules}
    for v in left:
        areas.setdefault(area_of.get(v.rule, _OTHER_AREA), []).append(v)
    for area, found in areas.items():
        counts = Counter(v.severity for v in found)
        note = "、".join(f"{_SEVERITY_NAMES[s]} {counts[s]} 处" for s in ("error", "warning", "info") if counts[s])
        items.append(Item("检查项", area, not found, note, tuple(found)))
    return items
