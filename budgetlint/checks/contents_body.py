"""contents-vs-body: the contents (目录) lists the tables printed, in their order, by their titles.

``check: listed`` reports a table the contents lists but the text does not print
(西乡's 表2 收入总表); ``unlisted`` a printed table of the selected kinds the
contents leaves out (only where the contents is a list of budget tables: two or
more of them); ``order`` a table printed out of the contents' order; ``titles``
a table printed under another title than the contents gives it.  Titles are
compared without spaces, numbering, a leading year or bracket style, so
`一、收支预算总表` and `2024 年度收支预算总表` agree.
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.base import Check, Finding, parse_choice, table_ref
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import TableSelector, parse_tables
from budgetlint.i18n import t
from budgetlint.report.result import FigureRef
from budgetlint.understand.contents import Contents, ContentsEntry, part_of, printed_tables, same_title
from budgetlint.understand.kinds import TableKind
from budgetlint.understand.model import DocumentFacts, TableFacts


def listed_ref(contents: Contents, entry: ContentsEntry) -> FigureRef:
    """A contents line, for a finding about the table it lists."""
    return FigureRef(location=entry.location, text=entry.title, table=contents.name, row=entry.name)


def _longest_ordered(positions: list[int]) -> set[int]:
    """The indices of a longest increasing run of ``positions`` (the entries already in order)."""
    best: list[list[int]] = []
    for i, p in enumerate(positions):
        chains = [c for c in best if positions[c[-1]] < p]
        best.append(max(chains, key=len, default=[]) + [i])
    return set(max(best, key=len, default=[]))


def _values(entry: ContentsEntry | None, table: TableFacts | None, note: str = "") -> dict[str, str]:
    """Every placeholder of the kind's messages, whichever check reports."""
    return {"entry": entry.name if entry else "", "listed": entry.title if entry else "",
            "table": table.name if table else "", "printed": (table.table.title or "") if table else "",
            "note": note}


class ContentsVsBody(Check):
    kind = "contents-vs-body"
    summary = "The contents lists the tables printed, in their order, under their titles."
    fields = {
        "check": Field(parse_choice("listed", "unlisted", "order", "titles"),
                       "listed tables printed, printed tables listed, their order, or their titles", required=True),
        "tables": Field(parse_tables, "the tables concerned (kinds or a title pattern); all when not given"),
    }
    variables = ("entry", "table", "note", "listed", "printed", "reported", "computed")
    default_message = "目录与正文不符：{reported}，应为 {computed}"
    default_message_en = "the table of contents and the tables differ: {reported}, should be {computed}"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        contents = doc.contents
        if contents is None:
            return
        selector: TableSelector | None = rule.params["tables"]

        def concerned(kind: TableKind | None, title: str | None) -> bool:
            return selector is None or selector.accepts(kind, title)

        printed = printed_tables(doc.tables)
        pairs = [(e, t) for e, t in contents.pairs
                 if concerned(e.kind, e.title) or (t is not None and concerned(t.kind, t.table.title))]
        check = rule.params["check"]
        if check == "listed":
            if not doc.document.partly_unread:  # the table may be on a page that could not be read
                yield from self._listed(contents, pairs)
        elif check == "unlisted":
            listed = {id(t) for _, t in pairs}
            if len(pairs) >= 2:  # fewer: a contents of the narrative's sections, not of the tables
                yield from self._unlisted(contents, [t for t in printed if t.kind and id(t) not in listed
                                                     and concerned(t.kind, t.table.title)
                                                     and not any(part_of(e, t) for e in contents.entries)])
        elif check == "order":
            yield from self._order(contents, [(e, t) for e, t in pairs if t is not None], printed)
        else:
            yield from self._titles(contents, [(e, t) for e, t in pairs if t is not None], doc.identity.agency)

    def _listed(self, contents: Contents, pairs: list[tuple[ContentsEntry, TableFacts | None]]) -> Iterator[Finding]:
        if len(pairs) >= 2 and all(table is None for _, table in pairs):
            # none of them printed here: the tables were published apart (北京's 报表 file), or left out
            first = pairs[0][0]
            yield Finding(
                subject=listed_ref(contents, first),
                reported=t("the {n} tables in the contents are none of them in the body", n=len(pairs)),
                computed=t("the tables printed in the body, or checked with the file that prints them (--group)"),
                values={**_values(first, None, ""),
                        "entry": t("{first} … {last} ({n} tables)", first=first.name, last=pairs[-1][0].name, n=len(pairs))},
            )
            return
        for entry, table in pairs:
            if table is not None:
                continue
            note = t(" (marked empty in the contents: {reason}; an empty table is published too)",
                     reason=entry.reason or t("no reason given")) if entry.empty else ""
            yield Finding(
                subject=listed_ref(contents, entry),
                reported=t("「{name}」 is in the contents, not in the body", name=entry.name),
                computed=t("the table printed in the body"),
                values=_values(entry, None, note),
            )

    def _unlisted(self, contents: Contents, tables: list[TableFacts]) -> Iterator[Finding]:
        for table in tables:
            yield Finding(
                subject=table_ref(table),
                reported=t("「{name}」 is printed, not in the contents", name=table.name),
                computed=t("「{contents}」 lists the table", contents=contents.name),
                related=(FigureRef(location=contents.location, text=contents.name),),
                values=_values(None, table),
            )

    def _order(self, contents: Contents, pairs: list[tuple[ContentsEntry, TableFacts]],
               printed: list[TableFacts]) -> Iterator[Finding]:
        in_order = _longest_ordered([printed.index(t) for _, t in pairs])
        by_print = sorted(pairs, key=lambda p: printed.index(p[1]))
        for i, (entry, table) in enumerate(pairs):
            if i in in_order:
                continue
            k = by_print.index((entry, table))
            after_printed = t("after 「{name}」", name=by_print[k - 1][1].name) if k else t("first")
            after_listed = t("after 「{name}」", name=pairs[i - 1][0].name) if i else t("first")
            yield Finding(
                subject=table_ref(table),
                reported=t("printed {place}", place=after_printed),
                computed=t("{place}, as in the contents", place=after_listed),
                related=(listed_ref(contents, entry),),
                values=_values(entry, table),
            )

    def _titles(self, contents: Contents, pairs: list[tuple[ContentsEntry, TableFacts]],
                agency: str | None) -> Iterator[Finding]:
        for entry, table in pairs:
            printed = table.table.title or ""
            if same_title(printed, entry.title, agency):
                continue
            yield Finding(
                subject=table_ref(table),
                reported=printed,
                computed=entry.title,
                related=(listed_ref(contents, entry),),
                values=_values(entry, table),
            )
