"""``--format text``: violations grouped by file, each with its arithmetic, for people."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path, PurePath

from rich import box
from rich.console import Console
from rich.style import Style
from rich.table import Table
from rich.text import Text

from budgetlint.model import Location
from budgetlint.report.checklist import disclosures
from budgetlint.report.formats import Rendering
from budgetlint.report.result import FigureRef, FileResult, Report, Violation, by_file
from budgetlint.understand.identity import KIND_NAMES, LEVEL_NAMES

_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_MAX_RELATED = 6


def place(location: Location) -> str:
    """`317:41` for text, `p3` for a page, `公开01表!C5` for a cell of a sheet or Word table."""
    if location.page is not None:
        return f"p{location.page}"
    if location.part is not None and location.line is not None:
        return location.cell_name()
    if location.line is not None:
        return f"{location.line}:{location.column}" if location.column else str(location.line)
    return "-"


def _related(refs: tuple[FigureRef, ...]) -> Text:
    text = Text("依据：", style="dim")
    for i, ref in enumerate(refs[:_MAX_RELATED]):
        if i:
            text.append(" · ", style="dim")
        text.append(place(ref.location), style="cyan")
        if ref.text:
            text.append(f" {ref.text}")
        what = "｜".join(p for p in (ref.row, ref.col) if p) or ref.table or ""
        if what:
            text.append(f"（{what}）", style="dim")
    if len(refs) > _MAX_RELATED:
        text.append(f" … 另 {len(refs) - _MAX_RELATED} 项", style="dim")
    return text


def link(location: Location | str) -> str:
    """The file (at its page) as a URI: terminals that know OSC-8 make the place a link to it
    (PDF viewers open `file:…#page=5` at that page).  Rich writes links only to a terminal."""
    file = location if isinstance(location, str) else location.file
    uri = Path(file).resolve().as_uri()
    page = None if isinstance(location, str) else location.page
    return f"{uri}#page={page}" if page is not None else uri


def _violation(v: Violation, indent: str) -> list[Text]:
    head = Text(indent)
    head.append(place(v.subject.location), style=Style(color="cyan", link=link(v.subject.location)))
    head.append("  ")
    head.append(v.severity, style=_SEVERITY_STYLE.get(v.severity, ""))
    head.append("  ")
    head.append(v.rule, style="bold")
    head.append(f"  {v.message}")
    lines = [head]
    arithmetic = Text(indent + "    ")
    arithmetic.append("列示 ", style="dim")
    arithmetic.append(v.reported or "—")
    arithmetic.append("  应为 ", style="dim")
    arithmetic.append(v.computed or "—")
    if v.difference:
        arithmetic.append("  差 ", style="dim")
        arithmetic.append(v.difference)
    lines.append(arithmetic)
    if v.related:
        lines.append(Text(indent + "    ") + _related(v.related))
    return lines


def heading(path: str, result: FileResult | None) -> Text:
    """A file's path, what it is, and the files it was checked with."""
    text = Text()
    text.append(path, style=Style(bold=True, underline=True, link=link(path)))
    if result is not None:
        text.append(f"  {result.identity.label}", style="bold")
        others = [p for p in result.disclosure if p != path]
        if others:
            text.append(f"（与 {'、'.join(others)} 作为同一公开文件一并检查）", style="dim")
    return text


def summary(report: Report, timing: bool = True) -> Text:
    counts = Counter(v.severity for v in report.violations)
    total = sum(counts.values())
    text = Text()
    if total:
        detail = "，".join(f"{k} {counts[k]}" for k in ("error", "warning", "info") if counts[k])
        text.append(f"发现 {total} 处问题（{detail}）", style="bold")
    elif report.errors or report.skipped:  # not a clean pass: some files were not checked
        text.append("所检查的文件中发现 0 处问题", style="bold yellow")
    else:
        text.append("未发现问题", style="bold green")
    pages = f"（{report.pages} 页）" if report.pages else ""
    text.append(f"，检查 {len(report.files)} 个文件{pages}")
    if report.waived:
        text.append(f"，{len(report.waived)} 处已豁免")
    if report.errors:
        text.append(f"，{len(report.errors)} 个文件无法检查", style="bold red")
    if report.skipped:
        kinds = Counter(PurePath(p).suffix.lower() or "无扩展名" for p in report.skipped)
        text.append(f"，{len(report.skipped)} 个文件未检查（不读的类型：" +
                    "、".join(f"{k} {n} 个" for k, n in sorted(kinds.items())) +
                    f"：{'、'.join(report.skipped)}）", style="bold yellow")
    if timing and report.seconds:
        text.append(f"，用时 {report.seconds:.2f} 秒")
    text.append("。")
    return text


def statistics(report: Report) -> list[Text]:
    """Counts per rule, most frequent first (like `ruff --statistics`)."""
    counts = Counter((v.rule, v.name, v.severity) for v in report.violations)
    width = max((len(str(n)) for n in counts.values()), default=1)
    return [Text(f"{n:>{width}}  ") + Text(rule, style="bold") + Text(f"  {severity:<7}  {name}")
            for (rule, name, severity), n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


_VERDICT_STYLE = {"通过": "green", "需复核": "yellow", "未通过": "bold red", "无法检查": "bold red"}


def batch_table(rendering: Rendering) -> Table:
    """A row per disclosure of a batch: the agency, what it is, its findings by severity and the
    verdict (the workbook's 汇总), so a batch of many files ends with one view of them all."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("文件", no_wrap=True)
    table.add_column("单位", overflow="fold")
    table.add_column("公开类型", no_wrap=True)
    for heading in ("错误", "警告", "提示"):
        table.add_column(heading, justify="right", no_wrap=True)
    table.add_column("结论", no_wrap=True)
    for d in disclosures(rendering.report, rendering.rules):
        identity = d.identity
        what = (f"{identity.year}年" if identity.year else "") + LEVEL_NAMES.get(identity.level or "", "") \
            + KIND_NAMES.get(identity.kind or "", "")
        counts = [str(d.count(s)) if d.files else "" for s in ("error", "warning", "info")]
        verdict = Text(d.verdict, style=_VERDICT_STYLE.get(d.verdict, ""))  # why not: on stderr, as always
        table.add_row("\n".join(d.paths), identity.agency or "", what, *counts, verdict)
    return table


def render(rendering: Rendering) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=rendering.color, no_color=not rendering.color,
                      width=rendering.width, highlight=False, soft_wrap=True)
    report = rendering.report
    if rendering.statistics:
        for line in statistics(report):
            console.print(line)
    else:
        results = {f.path: f for f in report.files}
        for path, violations in by_file(report.violations).items():
            console.print(heading(path, results.get(path)))
            for v in violations:
                for line in _violation(v, "  "):
                    console.print(line)
            console.print()
    if rendering.show_waived and report.waived:
        console.print(Text("已豁免（不计入）", style="bold dim"))
        for path, violations in by_file(sorted(report.waived, key=Violation.sort_key)).items():
            console.print(Text(path, style="dim underline"))
            for v in violations:
                for line in _violation(v, "  "):
                    console.print(line, style="dim")
        console.print()
    if not rendering.quiet:
        if len(report.files) + len(report.errors) > 1:
            console.print(batch_table(rendering))
            console.print()
        console.print(summary(report, rendering.timing))
    return buffer.getvalue()
