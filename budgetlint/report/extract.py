"""`budgetlint extract`: what the loader and the understanding layer made of a file.

Each table with its number, title, recognised kind, unit and column paths, its
rows as aligned text, then its facts with their locations and intervals: enough
to see why a rule did or did not fire.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from budgetlint.engine.quantities import Vocabulary
from budgetlint.figures import exact_decimals, render_value
from budgetlint.i18n import listed, t
from budgetlint.report.text import place
from budgetlint.series.ledger import last_years
from budgetlint.understand.model import DocumentFacts, TableFacts


def _table_heading(table: TableFacts) -> Text:
    text = Text(t("table {number}: {name}", number=table.number, name=table.name), style="bold")
    kind = table.kind.name if table.kind else t("not recognised")
    unit = t("unit: {unit}", unit=table.unit) + ("" if table.unit_stated else t(" (not stated, taken from the file)"))
    parts = t(", continued over {n} pages", n=len(table.table.parts)) if len(table.table.parts) > 1 else ""
    text.append(t("  [{kind}] {unit}, from {place}{parts}", kind=kind, unit=unit, place=place(table.table.location),
                  parts=parts), style="dim")
    return text


def _grid(table: TableFacts) -> RichTable:
    grid = RichTable(show_edge=True, show_lines=False, header_style="bold")
    roles = {c.index: c.role.value for c in table.columns}
    for col in table.columns:
        grid.add_column(f"{col.title}\n<{roles[col.index]}>", overflow="fold", max_width=24)
    for row in table.table.body:
        grid.add_row(*[c.text for c in row])
    return grid


def _facts(table: TableFacts) -> RichTable:
    facts = RichTable(show_edge=False, box=None, header_style="bold")
    for heading in ("place", "row", "column", "figure", "interval (yuan)"):
        facts.add_column(t(heading), overflow="fold")
    for f in table.facts:
        iv = f.interval
        d = max(exact_decimals(iv.lo), exact_decimals(iv.hi))
        span = f"[{render_value(iv.lo, d)}, {render_value(iv.hi, d)}]"
        facts.add_row(place(f.location), f.entry.title, f.column.title, f.figure.text, span)
    return facts


def _table(table: TableFacts, console: Console, show_facts: bool) -> None:
    console.print(_table_heading(table))
    groups = t("; ").join(
        t("{keys} → {n} columns of figures, levels by {mode}", keys=listed(c.title for c in g.key_columns)
          or t("(no label column)"), n=len(g.value_columns), mode=g.mode)
        for g in table.groups
    )
    if groups:
        console.print(Text(t("column groups: {groups}", groups=groups), style="dim"))
    for doubt in table.doubts:
        console.print(Text(t("not understood: {doubt}", doubt=doubt), style="yellow"))
    console.print(_grid(table))
    for note in table.table.notes:
        console.print(Text(t("note {place}: {text}", place=place(note.location), text=note.text), style="dim"))
    if show_facts and table.facts:
        console.print(Text(t("{n} figures:", n=len(table.facts)), style="bold"))
        console.print(_facts(table))


def _last_years(doc: DocumentFacts, vocabulary: Vocabulary, console: Console) -> None:
    """The last year's figures the narrative's changes imply, which a series compares with last
    year's disclosure (BL701), with the table rows each is matched by; or why a change is not."""
    readings = list(last_years(doc, vocabulary))
    if not readings:
        return
    console.print()
    console.print(Text(t("last year's figures the narrative implies (compared with last year's disclosure):"),
                       style="bold"))
    for change, posting, why in readings:
        head = Text(f"{place(change.amount.location)}  ", style="cyan")
        if posting is None:
            console.print(head + Text(t("{change}: not compared ({why})", change=change.amount.text, why=t(why)),
                                      style="yellow"))
            continue
        rows = listed("·".join(part for part in key if part) for key in posting.keys)
        console.print(head + Text(t("{worked_out} = {figure}, matched by {rows}", worked_out=posting.worked_out,
                                    figure=posting.figure.text, rows=rows)))


def render(doc: DocumentFacts, console: Console, show_facts: bool = True, show_paragraphs: bool = True,
           vocabulary: Vocabulary | None = None) -> None:
    """Tables and paragraphs in reading order, under a heading for each page of a PDF; with a
    ``vocabulary``, the last year's figures the narrative implies."""
    document = doc.document
    pages = t("{n} pages, ", n=document.pages) if document.pages else ""
    console.print(Text(t("{path}: {label}, {pages}{tables} tables, {paragraphs} paragraphs", path=document.path,
                         label=doc.identity.label, pages=pages, tables=len(doc.tables),
                         paragraphs=len(document.paragraphs)), style="bold underline"))
    not_understood = [table for table in doc.tables if table.doubts]
    if not_understood:
        console.print(Text(t("tables not understood: ") + t("; ").join(
            f"{table.name}（{place(table.table.location)}）" for table in not_understood), style="yellow"))
    for problem in document.problems:
        console.print(Text(t("extraction problem {place}: {problem}", place=place(problem.location),
                             problem=problem.text), style="yellow"))
    tables = {id(table.table): table for table in doc.tables}
    page = None
    for block in document.blocks:
        if block.location.page is not None and block.location.page != page:
            page = block.location.page
            console.print()
            console.print(Text(t("—— page {page} ——", page=page), style="bold cyan"))
        if id(block) in tables:
            console.print()
            _table(tables[id(block)], console, show_facts)
        elif show_paragraphs:
            console.print(Text(f"{place(block.location)}  ", style="cyan") + Text(block.text))
    if vocabulary is not None:
        _last_years(doc, vocabulary, console)
