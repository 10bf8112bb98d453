"""required-tables: the tables every 部门预算公开 must print.

The 规程 requires eight (收支总表, 收入总表, 支出总表, 财政拨款收支总表, 一般公共预算
支出表, 基本支出表, “三公”经费表, 政府性基金表); a province's template may require
more, written as the rule's list (each entry one table: a kind, or a kind and a
title pattern where a template prints two tables of one kind).  A table counts as
present when it is printed.  One the contents lists but the text does not print
is contents-vs-body's finding, so that one absence gives one finding.  A document
printing none of them (通城's tables are "另附") gets a single finding.  A
document that neither prints a required table nor speaks of its budget tables (a
set of performance forms alone, like 沙坡头's) is not taken for a budget
disclosure.
"""

from __future__ import annotations

from typing import Any, Iterator

from budgetlint.checks.base import Check, Finding, table_ref
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import TableSelector, parse_patterns, parse_tables
from budgetlint.i18n import names, t
from budgetlint.report.result import FigureRef
from budgetlint.textnorm import halfwidth
from budgetlint.understand.contents import printed_tables
from budgetlint.understand.kinds import KindCatalogue
from budgetlint.understand.model import DocumentFacts


def parse_required(value: Any) -> tuple[TableSelector, ...]:
    if not isinstance(value, list) or not value:
        raise ValueError("list the required tables, one entry each: a kind or {kind: …, title: …}")
    return tuple(parse_tables(v) for v in value)


def selector_name(selector: TableSelector, kinds: KindCatalogue) -> str:
    """How a report names a required table: its kind's standard name (the first kind's: the others
    are a template's stand-ins for it), and the title it must have."""
    name = kinds.get(selector.kinds[0]).name if selector.kinds else t("table")
    return t("{name} (titled “{title}”)", name=name, title=selector.title.pattern) if selector.title else name


class RequiredTables(Check):
    kind = "required-tables"
    summary = "The disclosure prints every table its template requires."
    fields = {
        "tables": Field(parse_required, "the required tables, one entry each: a kind or {kind, title}",
                        required=True),
        "disclosure": Field(parse_patterns, "how a paragraph names the disclosure's tables (`部门预算公开表（另附）`)",
                            required=True),
    }
    variables = ("missing", "found", "count", "reported", "computed")
    default_message = "缺少{missing}（已印：{found}）"
    default_message_en = "missing: {missing} (printed: {found})"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        printed = printed_tables(doc.tables)
        contents = doc.contents
        listed = contents.entries if contents else ()
        unused = list(printed)
        missing = []
        for selector in rule.params["tables"]:
            table = next((t for t in unused if selector.accepts(t.kind, t.table.title)), None)
            if table is not None:
                unused.remove(table)
            elif not any(selector.accepts(e.kind, e.title) for e in listed):
                missing.append(selector)
        if not missing or doc.document.partly_unread:  # a table may be on a page that could not be read
            return
        found = [t for t in printed if t not in unused]
        mentions = [p for p in doc.document.paragraphs
                    if any(pattern.search(halfwidth(p.text)) for pattern in rule.params["disclosure"])]
        if not found and not mentions and contents is None:
            return  # not a budget disclosure
        missing_names = [selector_name(s, doc.kinds) for s in missing]
        shown = names(table.name for table in printed if table.kind) or t("none")
        listing = FigureRef(location=contents.location, text=contents.name) if contents else None
        if found:  # one finding a table, where the contents lists the tables or where they begin
            anchor = listing or table_ref(found[0])
            groups = [(name, [name]) for name in missing_names]
        else:  # one finding for all, where the text speaks of its tables (`…公开表（另附）`)
            anchor = FigureRef(location=mentions[-1].location, text=mentions[-1].text) if mentions else listing
            groups = [(t("all {n} tables of the disclosure: {names}", n=len(missing_names), names=names(missing_names)),
                       missing_names)]
        for text, group in groups:
            yield Finding(
                subject=anchor,
                reported=t("printed: {names}", names=shown),
                computed=t("required: {names}", names=names(group)),
                values={"missing": text, "found": shown, "count": len(group)},
            )
