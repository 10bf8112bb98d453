"""The 检查表 of each disclosure, as a district 财政局 writes it: a row per part of the document
and per required table, 符合要求 是/否, and the problems of each row in it.

The rows are data (``checklist:`` in the packs, one list per kind of disclosure): 及时性,
封面, 目录, 主要职能, 机构设置, 名词解释, 预算编制说明, each required table, 其他相关情况
说明, 项目经费情况说明.  A 单位's 检查表 reads 单位 where a 部门's reads 部门.  Every finding
is listed under exactly one row:

1. the row its rule names (``item:``: 目录 for the contents rules);
2. the required table it is about;
3. the row claiming its table's kind (项目支出表 under 项目经费情况说明);
4. the part of the text it is printed in (from where that part's heading stands);
5. else 其他问题.

Formats that hand results back to agencies (the workbook) render this model; it holds no layout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from budgetlint.checks.required_tables import selector_name
from budgetlint.engine.checklist_items import ChecklistEntry
from budgetlint.engine.pack import RuleSet
from budgetlint.i18n import t
from budgetlint.report.result import Coverage, FileResult, InputError, Report, TableSeen, Violation
from budgetlint.understand.identity import Identity
from budgetlint.understand.sections import SectionFound

PASSED, FAILED, REVIEW, UNREAD = "passed", "failed", "review", "unread"  # verdicts; shown through t()
_VERDICT_TEXTS = {PASSED: "passed", FAILED: "failed", REVIEW: "needs review", UNREAD: "not checked"}


def verdict_text(verdict: str) -> str:
    """A verdict as a report writes it (`未通过`, `needs review`)."""
    return t(_VERDICT_TEXTS[verdict])


@dataclass(slots=True)
class Item:
    """One row of a checklist: a part of the document, a required table, or a matter checked by hand."""

    name: str
    passed: bool | None  # None: cannot be told (checked by hand, or a page could not be read)
    note: str  # where it is printed, or why it cannot be told
    findings: list[Violation] = field(default_factory=list)

    @property
    def answer(self) -> str:
        return t({True: "yes", False: "no", None: "cannot tell"}[self.verdict])

    @property
    def verdict(self) -> bool | None:
        return False if self.findings else self.passed


@dataclass(slots=True)
class Disclosure:
    """One disclosure (one file, or the 说明 and tables files checked together) and its checklist."""

    files: list[FileResult]
    findings: list[Violation]
    items: list[Item] = field(default_factory=list)
    error: InputError | None = None  # the disclosure could not be checked at all
    compared: bool = False  # whether another disclosure of its agency was checked with it (a series)

    @property
    def identity(self) -> Identity:
        return self.files[0].identity if self.files else Identity()

    @property
    def paths(self) -> list[str]:
        return [f.path for f in self.files] if self.files else [self.error.path if self.error else ""]

    @property
    def names(self) -> list[str]:
        """Its files' names, not this machine's paths (a checklist is handed on)."""
        return [PurePath(p).name for p in self.paths]

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
        out.append(Disclosure(files, mine, _Sorter(files, rules, mine).items(), compared=bool(paths & in_series)))
    out.extend(Disclosure([], [], error=e) for e in report.errors)
    return out


def worded(text: str, identity: Identity) -> str:
    """A 部门's wording for a 单位's disclosure: `部门预算表` → `单位预算表`."""
    return text.replace("部门", "单位") if identity.level == "unit" else text


class _Sorter:
    """The rows of one disclosure's checklist, and which row each finding belongs to."""

    def __init__(self, files: list[FileResult], rules: RuleSet, findings: list[Violation]):
        self.files = files
        self.rules = rules
        self.findings = findings
        self.identity = files[0].identity
        self.unread = any(v.rule == "BL001" for v in findings)  # a page not read may hold a table not seen
        entries = rules.checklist.get(self.identity.kind or "budget", ())
        self.rows: list[tuple[ChecklistEntry, Item]] = []
        self.tables: list[tuple[str, TableSeen, Item]] = []  # the required tables printed: file, table, its row
        found = {s.id: s for f in files for s in f.sections_seen}
        self.starts: list[tuple[SectionFound, Item]] = []
        for entry in entries:
            if entry.tables:
                self.rows.extend((entry, item) for item in self._table_items(entry))
                continue
            item = self._item(entry, found.get(entry.section))
            self.rows.append((entry, item))
            if entry.section in found:
                self.starts.append((found[entry.section], item))
        self.starts.sort(key=lambda s: (s[0].location.file, s[0].location.sort_key()))
        self.other = Item(t("other problems"), True, "")

    def _item(self, entry: ChecklistEntry, seen: SectionFound | None) -> Item:
        name = worded(entry.item, self.identity)
        if entry.manual:
            return Item(name, None, t("checked by hand: {what}", what=entry.manual))
        if seen is None:
            return Item(name, None, t("no heading of this part was found (templates differ): check by hand"))
        where = t("page {page}", page=seen.location.page) if seen.location.page else ""
        return Item(name, True, f"{where}「{seen.heading}」".strip())

    def _table_items(self, entry: ChecklistEntry) -> list[Item]:
        """A row per table the kind's required-tables rule names, in its order, then one per table
        of the entry's ``also`` kinds that is printed (国有资本经营预算支出表 where a template has it)."""
        printed = [(f.path, seen) for f in self.files for seen in f.tables_seen]
        required = [(selector, selector_name(selector, self.rules.kinds)) for rule in self.rules.rules
                    if rule.kind == "required-tables" and rule.applies_to(self.identity.kind)
                    for selector in rule.params["tables"]]
        rows = []
        for selector, name in required:
            name = worded(t("{group}: {name}", group=entry.item, name=name), self.identity)
            match = next(((path, seen) for path, seen in printed if selector.accepts(
                self.rules.kinds.get(seen.kind) if seen.kind else None, seen.name)), None)
            if match is None:
                rows.append(Item(name, None, t("not found (a page could not be read)")) if self.unread
                            else Item(name, False, t("not found")))
                continue
            printed.remove(match)
            rows.append(self._printed(name, *match))
        for kind in entry.also:
            match = next(((path, seen) for path, seen in printed if seen.kind == kind), None)
            if match is not None:
                printed.remove(match)
                name = worded(t("{group}: {name}", group=entry.item, name=self.rules.kinds.get(kind).name), self.identity)
                rows.append(self._printed(name, *match))
        return rows

    def _printed(self, name: str, path: str, seen: TableSeen) -> Item:
        where = t("page {page}", page=seen.page) if seen.page else ""
        item = Item(name, True, f"{where}《{seen.name}》".strip())
        self.tables.append((path, seen, item))
        return item

    def items(self) -> list[Item]:
        for v in self.findings:
            self._place(v).findings.append(v)
        rows = [item for _, item in self.rows]
        return rows + [self.other] if self.other.findings else rows

    def _place(self, v: Violation) -> Item:
        rule = self.rules.get(v.rule)
        if rule is not None and rule.item:
            named = [item for entry, item in self.rows if entry.item == rule.item]
            if named:
                return next((item for item in named if item.passed is False), named[0])
        table = next(((seen, item) for path, seen, item in self.tables
                      if path == v.file and v.subject.table == seen.name), None)
        if table is not None:
            return table[1]
        kind = next((seen.kind for f in self.files if f.path == v.file for seen in f.tables_seen
                     if seen.name == v.subject.table), None)
        claimed = next((item for entry, item in self.rows if kind and kind in entry.kinds), None)
        if claimed is not None:
            return claimed
        location = v.subject.location
        within = [item for start, item in self.starts if start.location.file == location.file
                  and start.location.sort_key() <= location.sort_key()]
        return within[-1] if within else self.other


def compared_note(d: Disclosure, rules: RuleSet) -> str:
    """Whether the disclosure was compared with others of its agency (the cross-document rules),
    for a checklist's header."""
    if not rules.compares_disclosures:
        return ""
    return t("compared with other disclosures of the agency") if d.compared else \
        t("not compared: no other disclosure of the agency was checked in this run")
