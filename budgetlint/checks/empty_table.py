"""empty-table-note: a table with no figures says why, and a table the contents calls empty is.

A table whose every figure is blank or zero must still be published, with a note
saying why it is empty (空表说明): under the table (`本表无数据`, `我单位无政府性基金
支出预算`, `本部门没有使用…安排的支出`), in the contents (`是否空表: 是` with a
reason, as 西乡's 目录 has), or in the narrative's section on that table (`…政府性基金
支出预算支出 0万元`).  A table the contents marks empty must print no
figure.
"""

from __future__ import annotations

import re
from typing import Iterator

from budgetlint.checks.base import Check, Finding, fact_ref, parse_choice, table_ref
from budgetlint.checks.contents_body import listed_ref
from budgetlint.engine.regex_safety import compile_safe
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import parse_patterns, parse_tables
from budgetlint.figures import parse_figure
from budgetlint.i18n import t
from budgetlint.model import Paragraph
from budgetlint.report.result import FigureRef
from budgetlint.textnorm import halfwidth, squash
from budgetlint.understand.kinds import TableKind
from budgetlint.understand.model import DocumentFacts, TableFacts
from budgetlint.understand.passages import is_numbered_heading, passages, sentences


_CLAUSE = re.compile(r"[；;]")
_SECTION_OF_TABLE = re.compile(r"(表)?(情况)?说明$")  # `十、政府性基金预算支出预算情况说明`: the section on a table


def first_figure(table: TableFacts) -> FigureRef | None:
    """The table's first non-zero figure, or ``None`` for a table with no figures.

    Where the table's value columns are understood only they count (a code or a
    unit code is not a figure); a form without them (a 绩效目标表) counts every cell.
    """
    if table.groups:
        fact = next((f for f in table.facts if f.figure.value != 0), None)
        return fact_ref(fact) if fact else None
    for row in table.table.body:
        for cell in row:
            figure = parse_figure(cell.text)
            if figure is not None and not figure.blank and figure.value != 0:
                return FigureRef(location=cell.location, text=cell.text, table=table.name)
    return None


def _under(doc: DocumentFacts, table: TableFacts) -> list[Paragraph]:
    """The notes under a table and the paragraph right after it (an unlabelled `本表无数据`)."""
    blocks = doc.document.blocks
    after = next(i for i, b in enumerate(blocks) if b is table.table) + 1
    following = [blocks[after]] if after < len(blocks) and isinstance(blocks[after], Paragraph) else []
    return table.table.notes + following


def _notes(doc: DocumentFacts, table: TableFacts) -> list[Paragraph]:
    """The notes under a table and the narrative's section on the table (江苏:
    `七、政府性基金支出预算表情况说明` / `…政府性基金支出预算支出 0万元`)."""
    return _under(doc, table) + _section_on(doc, table)


def _section_on(doc: DocumentFacts, table: TableFacts) -> list[Paragraph]:
    """The paragraphs under a narrative heading that names a table of ``table``'s kind."""
    key = ("sections on tables",)
    if key not in doc.memo:  # one pass over the document, not one a table
        sections: dict[TableKind, list[Paragraph]] = {}
        kind = None
        for block in doc.document.blocks:
            if not isinstance(block, Paragraph):
                continue
            if is_numbered_heading(block.text):
                kind = doc.kinds.classify(_SECTION_OF_TABLE.sub("表", squash(block.text)))
            elif kind is not None:
                sections.setdefault(kind, []).append(block)
        doc.memo[key] = sections
    return doc.memo[key].get(table.kind, []) if table.kind is not None else []


def _said_in_narrative(doc: DocumentFacts, table: TableFacts, rule: Rule) -> FigureRef | None:
    """The clause of the narrative that says there is nothing of what the table is about
    (`政府性基金拨款支出预算0万元`): the table's subject, as the rule names it by kind, and a note.

    A clause, not a sentence: `一般公共预算拨款支出预算为0；政府性基金拨款支出预算为21502万元` says the first
    table is empty and not the second."""
    subject = rule.params["said_of"].get(table.kind.id) if table.kind else None
    if subject is None:
        return None
    for passage in passages(doc.document):
        for sentence in sentences(passage):
            start = 0
            for clause in _CLAUSE.split(sentence.text):
                if subject.search(clause) and any(p.search(clause) for p in rule.params["notes"]):
                    return FigureRef(location=sentence.span(start, start + len(clause)), text=clause.strip())
                start += len(clause) + 1
    return None


def _parse_said_of(value: object) -> dict[str, re.Pattern[str]]:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ValueError("a mapping of table kinds to a pattern naming what the table is about")
    return {k: compile_safe(v) for k, v in value.items()}


class EmptyTableNote(Check):
    kind = "empty-table-note"
    summary = ("A table with no figures carries a note saying why; a table the contents, or the note under it, "
               "calls empty is empty.")
    fields = {
        "tables": Field(parse_tables, "the tables to check (kinds or a title pattern)", required=True),
        "notes": Field(parse_patterns, "patterns of a note saying why a table is empty", required=True),
        "check": Field(parse_choice("note", "claim", "said"), "note: an empty table says why (the default); claim: a "
                       "table with figures has no note saying it is empty; said: nor does the narrative",
                       default="note"),
        "said_of": Field(_parse_said_of, "by table kind, what a sentence of the narrative names when it says the "
                         "table is empty (`gov_fund: 政府性基金`)", default={}),
    }
    variables = ("table", "reason", "reported", "computed")
    default_message = "{table}：{reported}，应{computed}"
    default_message_en = "「{table}」: {reported}, should be {computed}"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        if rule.params["check"] == "claim":
            yield from self._claims(rule, doc)
            return
        if rule.params["check"] == "said":
            yield from self._said(rule, doc)
            return
        contents = doc.contents
        for table in rule.params["tables"].select(doc):
            entry = contents.entry_of(table) if contents else None
            figure = first_figure(table)
            if figure is not None:
                if entry is not None and entry.empty:
                    yield Finding(
                        subject=figure,
                        reported=t("marked empty in the contents, yet it has the figure {figure}", figure=figure.text),
                        computed=t("an empty table, or the contents' mark removed"),
                        related=(listed_ref(contents, entry),),
                        values={"table": table.name, "reason": entry.reason},
                    )
                continue
            if entry is not None and entry.empty and entry.reason:
                continue
            if any(p.search(halfwidth(n.text)) for n in _notes(doc, table) for p in rule.params["notes"]):
                continue
            if _said_in_narrative(doc, table, rule):
                continue
            marked = entry is not None and entry.empty
            yield Finding(
                subject=table_ref(table),
                reported=t("marked empty in the contents without a reason, and no note under it") if marked else
                t("no figures (all blank or zero) and no note saying why"),
                computed=t("a note saying why it is empty (“本单位无…，故本表无数据”)"),
                related=(listed_ref(contents, entry),) if marked else (),
                values={"table": table.name, "reason": ""},
            )

    def _said(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        """`本部门无政府性基金预算收支` in the narrative, and a 政府性基金 table with figures."""
        for table in rule.params["tables"].select(doc):
            figure = first_figure(table)
            said = _said_in_narrative(doc, table, rule) if figure is not None else None
            if said is None:
                continue
            yield Finding(subject=said, reported=t("the narrative says 「{note}」", note=said.text[:60]),
                          computed=t("the table has the figure {figure}: it is not empty", figure=figure.text),
                          related=(figure,), values={"table": table.name, "reason": said.text})

    def _claims(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        """`本表为空表` printed under a table that has figures (a note copied from an empty table)."""
        for table in rule.params["tables"].select(doc):
            figure = first_figure(table)
            claim = next((n for n in _under(doc, table) for p in rule.params["notes"] if p.search(halfwidth(n.text))),
                         None)
            if figure is None or claim is None:
                continue
            yield Finding(
                subject=FigureRef(location=claim.location, text=claim.text.strip()),
                reported=t("the note under it says 「{note}」", note=claim.text.strip()[:60]),
                computed=t("the table has the figure {figure}: it is not empty", figure=figure.text),
                related=(figure,),
                values={"table": table.name, "reason": claim.text.strip()},
            )
