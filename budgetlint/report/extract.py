"""`budgetlint extract`: what the loader and the understanding layer made of a file.

Each table with its number, title, recognised kind, unit and column paths, its
rows as aligned text, then its facts with their locations and intervals: enough
to see why a rule did or did not fire.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from budgetlint.figures import exact_decimals, render_value
from budgetlint.report.text import place
from budgetlint.understand.model import DocumentFacts, TableFacts


def _table_heading(t: TableFacts) -> Text:
    text = Text(f"表格 {t.number}：{t.name}", style="bold")
    kind = t.kind.name if t.kind else "未识别"
    unit = f"单位：{t.unit}" + ("" if t.unit_stated else "（未注明，按全文推定）")
    parts = f"，分 {len(t.table.parts)} 页续表" if len(t.table.parts) > 1 else ""
    text.append(f"  [{kind}] {unit}，起于 {place(t.table.location)}{parts}", style="dim")
    return text


def _grid(t: TableFacts) -> RichTable:
    grid = RichTable(show_edge=True, show_lines=False, header_style="bold")
    roles = {c.index: c.role.value for c in t.columns}
    for col in t.columns:
        grid.add_column(f"{col.title}\n<{roles[col.index]}>", overflow="fold", max_width=24)
    for row in t.table.body:
        grid.add_row(*[c.text for c in row])
    return grid


def _facts(t: TableFacts) -> RichTable:
    facts = RichTable(show_edge=False, box=None, header_style="bold")
    for heading in ("位置", "行", "列", "数字", "区间（元）"):
        facts.add_column(heading, overflow="fold")
    for f in t.facts:
        iv = f.interval
        d = max(exact_decimals(iv.lo), exact_decimals(iv.hi))
        span = f"[{render_value(iv.lo, d)}, {render_value(iv.hi, d)}]"
        facts.add_row(place(f.location), f.entry.title, f.column.title, f.figure.text, span)
    return facts


def _table(t: TableFacts, console: Console, show_facts: bool) -> None:
    console.print(_table_heading(t))
    groups = "；".join(
        f"{'、'.join(c.title for c in g.key_columns) or '（无标签列）'} → {len(g.value_columns)} 列数字，按{g.mode}分层"
        for g in t.groups
    )
    if groups:
        console.print(Text(f"列组：{groups}", style="dim"))
    for doubt in t.doubts:
        console.print(Text(f"未能读懂：{doubt}", style="yellow"))
    console.print(_grid(t))
    for note in t.table.notes:
        console.print(Text(f"表注 {place(note.location)}：{note.text}", style="dim"))
    if show_facts and t.facts:
        console.print(Text(f"{len(t.facts)} 个数字：", style="bold"))
        console.print(_facts(t))


def render(doc: DocumentFacts, console: Console, show_facts: bool = True, show_paragraphs: bool = True) -> None:
    """Tables and paragraphs in reading order, under a heading for each page of a PDF."""
    document = doc.document
    pages = f"{document.pages} 页，" if document.pages else ""
    console.print(Text(f"{document.path}：{doc.identity.label}，{pages}{len(doc.tables)} 张表，"
                       f"{len(document.paragraphs)} 段文字", style="bold underline"))
    not_understood = [t for t in doc.tables if t.doubts]
    if not_understood:
        console.print(Text("未能读懂的表：" + "；".join(f"{t.name}（{place(t.table.location)}）" for t in not_understood),
                           style="yellow"))
    for problem in document.problems:
        console.print(Text(f"提取问题 {place(problem.location)}：{problem.message}", style="yellow"))
    tables = {id(t.table): t for t in doc.tables}
    page = None
    for block in document.blocks:
        if block.location.page is not None and block.location.page != page:
            page = block.location.page
            console.print()
            console.print(Text(f"—— 第 {page} 页 ——", style="bold cyan"))
        if id(block) in tables:
            console.print()
            _table(tables[id(block)], console, show_facts)
        elif show_paragraphs:
            console.print(Text(f"{place(block.location)}  ", style="cyan") + Text(block.text))
