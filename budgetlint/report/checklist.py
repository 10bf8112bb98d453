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

from budgetlint.checks import CHECKS
from budgetlint.checks.base import SeriesCheck
from budgetlint.checks.required_tables import selector_name
from budgetlint.engine.pack import RuleSet
from budgetlint.i18n import language, listed, t
from budgetlint.report.result import Coverage, FileResult, InputError, Report, TableSeen, Violation
from budgetlint.understand.identity import Identity

PASSED, FAILED, REVIEW, UNREAD = "passed", "failed", "review", "unread"  # verdicts; shown through t()
_OTHER_AREA = "other"
_VERDICT_TEXTS = {PASSED: "passed", FAILED: "failed", REVIEW: "needs review", UNREAD: "not checked"}


def verdict_text(verdict: str) -> str:
    """A verdict as a report writes it (`未通过`, `needs review`)."""
    return t(_VERDICT_TEXTS[verdict])


@dataclass(frozen=True, slots=True)
class Item:
    """One line of a checklist: a required table or an area of checks."""

    section: str  # "table printed: {name}" (a required table) or "check: {name}" (an area of checks)
    name: str
    passed: bool | None  # None: cannot be told (a page of the file could not be read)
    note: str  # where the table is printed, or why the item cannot be told
    findings: tuple[Violation, ...] = ()

    @property
    def answer(self) -> str:
        return t({True: "yes", False: "no", None: "cannot tell"}[self.passed])

    @property
    def title(self) -> str:
        return t(self.section, name=self.name)


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
    def coverage(self) -> Coverage:
        return Coverage.of(f.coverage for f in self.files)

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
    in_series = {path for series in report.series for member in series.members for path in member.files}
    out = []
    for files in groups.values():
        paths = {f.path for f in files}
        mine = [v for v in found if v.file in paths]
        out.append(Disclosure(files, mine, _items(files, mine, rules, compared=bool(paths & in_series))))
    out.extend(Disclosure([], [], error=e) for e in report.errors)
    return out


def _items(files: list[FileResult], findings: list[Violation], rules: RuleSet, compared: bool) -> list[Item]:
    """The required tables, then an item per area of checks; the cross-document area cannot be told
    for a disclosure no other of its agency was ``compared`` with."""
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
                items.append(Item("table printed: {name}", name, None if unread else False,
                                  t("not found (a page could not be read)" if unread else "not found")))
                continue
            printed.remove(match)
            path, table = match
            about = [v for v in left if v.file == path and v.subject.table == table.name]
            left = [v for v in left if v not in about]
            where = t("page {page}", page=table.page) if table.page else ""
            items.append(Item("table printed: {name}", name, not about, f"{where}《{table.name}》".strip(), tuple(about)))
    areas: dict[str, list[Violation]] = {}
    area_of = {r.id: (r.area if language() == "zh" else r.area_en) or _OTHER_AREA for r in rules.rules}
    for rule in rules.rules:
        if rule.applies_to(identity.kind):
            areas.setdefault(area_of[rule.id], [])
    for v in left:
        areas.setdefault(area_of.get(v.rule, _OTHER_AREA), []).append(v)
    across = {area_of[r.id] for r in rules.rules if isinstance(CHECKS[r.kind], SeriesCheck)}
    for area, found in areas.items():
        if area in across and not compared and not found:
            items.append(Item("check: {name}", area, None, t("not compared: no other disclosure of the agency was "
                                                             "checked in this run")))
            continue
        counts = Counter(v.severity for v in found)
        note = listed(t("{severity} {n}", severity=t(s), n=counts[s]) for s in ("error", "warning", "info") if counts[s])
        items.append(Item("check: {name}", t(area) if area == _OTHER_AREA else area, not found, note, tuple(found)))
    return items
