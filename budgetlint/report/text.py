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
from budgetlint.i18n import listed, t, tn
from budgetlint.report.checklist import FAILED, PASSED, REVIEW, UNREAD, disclosures, verdict_text
from budgetlint.report.formats import Rendering
from budgetlint.report.result import FigureRef, FileResult, Report, Violation, by_file
from budgetlint.textnorm import printable

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


def _related(refs: tuple[FigureRef, ...], file: str) -> Text:
    """The figures a finding rests on; one in another file (a series') is named with its file."""
    text = Text(t("based on: "), style="dim")
    for i, ref in enumerate(refs[:_MAX_RELATED]):
        if i:
            text.append(" · ", style="dim")
        elsewhere = f"{printable(PurePath(ref.location.file).name)} " if ref.location.file != file else ""
        text.append(elsewhere + place(ref.location), style=Style(color="cyan", link=link(ref.location)))
        if ref.text:
            text.append(f" {ref.text}")
        what = "｜".join(p for p in (ref.row, ref.col) if p) or ref.table or ""
        if what:
            text.append(f"（{what}）", style="dim")
    if len(refs) > _MAX_RELATED:
        text.append(t(" … {n} more", n=len(refs) - _MAX_RELATED), style="dim")
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
    head.append(t(v.severity), style=_SEVERITY_STYLE.get(v.severity, ""))
    head.append("  ")
    head.append(v.rule, style="bold")
    head.append(f"  {v.message}")
    lines = [head]
    arithmetic = Text(indent + "    ")
    printed, expected = v.labels
    arithmetic.append(t(printed) + " ", style="dim")
    arithmetic.append(v.reported or "—")
    arithmetic.append("  " + t(expected) + " ", style="dim")
    arithmetic.append(v.computed or "—")
    if v.difference:
        arithmetic.append("  " + t("difference") + " ", style="dim")
        arithmetic.append(v.difference)
    lines.append(arithmetic)
    if v.related:
        lines.append(Text(indent + "    ") + _related(v.related, v.file))
    if v.basis:
        lines.append(Text(indent + "    " + t("confirmed by: ") + v.basis, style="dim"))
    return lines


def heading(path: str, result: FileResult | None) -> Text:
    """A file's path, what it is, and the files it was checked with."""
    text = Text()
    text.append(printable(path), style=Style(bold=True, underline=True, link=link(path)))
    if result is not None:
        text.append(f"  {result.identity.label}", style="bold")
        others = [p for p in result.disclosure if p != path]
        if others:
            text.append(t("(checked with {files} as one disclosure)", files=listed(others)), style="dim")
    return text


def summary(report: Report, timing: bool = True) -> Text:
    counts = Counter(v.severity for v in report.violations)
    total = sum(counts.values())
    text = Text()
    if total:
        detail = t(", ").join(f"{t(k)} {counts[k]}" for k in ("error", "warning", "info") if counts[k])
        text.append(tn("{n} problem found ({detail})", "{n} problems found ({detail})", total, detail=detail),
                    style="bold")
    elif report.errors or report.skipped:  # not a clean pass: some files were not checked
        text.append(t("0 problems found in the files checked"), style="bold yellow")
    else:
        text.append(t("no problems found"), style="bold green")
    text.append(tn(", {n} file checked", ", {n} files checked", len(report.files))
                + (tn(" ({n} page)", " ({n} pages)", report.pages) if report.pages else ""))
    coverage = report.coverage
    if coverage.figures:
        text.append(t("; {checked} of {figures} table figures checked ({percent}), {understood} of {tables} tables "
                      "understood", checked=coverage.checked, figures=coverage.figures, percent=percent(coverage.ratio),
                      understood=coverage.understood, tables=coverage.tables))
    if report.waived:
        text.append(t(", {n} waived", n=len(report.waived)))
    if report.errors:
        text.append(tn(", {n} file could not be checked", ", {n} files could not be checked", len(report.errors)),
                    style="bold red")
    if report.skipped:
        kinds = Counter(PurePath(p).suffix.lower() or t("no extension") for p in report.skipped)
        text.append(tn(", {n} file not checked (kinds not read: {kinds}: {files})",
                       ", {n} files not checked (kinds not read: {kinds}: {files})", len(report.skipped),
                       kinds=listed(t("{suffix} {n}", suffix=k, n=n) for k, n in sorted(kinds.items())),
                       files=listed(printable(p) for p in report.skipped)), style="bold yellow")
    if timing and report.seconds:
        text.append(t(", in {seconds} s", seconds=f"{report.seconds:.2f}"))
    text.append(t("."))
    return text


def series_labels(report: Report) -> dict[str, str]:
    """Each file of a series, with the series' number and agency (`系列 1：江苏省人民检察院`)."""
    return {path: t("series {n}: {agency}", n=n, agency=series.agency)
            for n, series in enumerate(report.series, 1) for member in series.members for path in member.files}


def series_lines(report: Report) -> list[Text]:
    """A line per series: whose disclosures were compared with each other, and how many pairs."""
    out = []
    for n, series in enumerate(report.series, 1):
        line = Text(t("series {n}: ", n=n), style="bold")
        line.append(series.why)
        line.append(t(", ") + tn("{n} pair compared", "{n} pairs compared", len(series.pairs)), style="dim")
        out.append(line)
    return out


def not_read(path: str) -> str:
    """Why a file beside the disclosures was not checked (`未检查：budgetlint 不读 .doc 文件`)."""
    return t("not checked: budgetlint does not read {kind} files", kind=PurePath(path).suffix.lower() or path)


def percent(ratio: float | None) -> str:
    return "" if ratio is None else f"{ratio:.0%}"


def statistics(rendering: Rendering) -> list[Text]:
    """Counts per rule, most frequent first (like `ruff --statistics`)."""
    counts = Counter((v.rule, rendering.rule_name(v), v.severity) for v in rendering.report.violations)
    width = max((len(str(n)) for n in counts.values()), default=1)
    return [Text(f"{n:>{width}}  ") + Text(rule, style="bold") + Text(f"  {t(severity):<7}  {name}")
            for (rule, name, severity), n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


_VERDICT_STYLE = {PASSED: "green", REVIEW: "yellow", FAILED: "bold red", UNREAD: "bold red"}


def batch_table(rendering: Rendering) -> Table:
    """A row per disclosure of a batch: the agency, what it is, its findings by severity and the
    verdict (the workbook's 汇总), so a batch of many files ends with one view of them all."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(t("file"), no_wrap=True)
    table.add_column(t("agency"), overflow="fold")
    table.add_column(t("disclosure"), no_wrap=True)
    for heading in ("errors", "warnings", "notes"):
        table.add_column(t(heading), justify="right", no_wrap=True)
    table.add_column(t("verdict"), no_wrap=True)
    table.add_column(t("checked"), justify="right", no_wrap=True)
    coverage = {f.path: f.coverage for f in rendering.report.files}
    for d in disclosures(rendering.report, rendering.rules):
        identity = d.identity
        what = identity.what(with_year=True)
        counts = [str(d.count(s)) if d.files else "" for s in ("error", "warning", "info")]
        verdict = Text(verdict_text(d.verdict), style=_VERDICT_STYLE.get(d.verdict, ""))  # why not: on stderr, as always
        checked = "\n".join(percent(coverage[p].ratio) if p in coverage and coverage[p].figures else "" for p in d.paths)
        table.add_row(printable("\n".join(d.paths)), identity.agency or "", what, *counts, verdict, checked)
    return table


def render(rendering: Rendering) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=rendering.color, no_color=not rendering.color,
                      width=rendering.width, highlight=False, soft_wrap=True)
    report = rendering.report
    if rendering.statistics:
        for line in statistics(rendering):
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
        console.print(Text(t("waived (not counted)"), style="bold dim"))
        for path, violations in by_file(sorted(report.waived, key=Violation.sort_key)).items():
            console.print(Text(printable(path), style="dim underline"))
            for v in violations:
                for line in _violation(v, "  "):
                    console.print(line, style="dim")
        console.print()
    if not rendering.quiet:
        if len(report.files) + len(report.errors) > 1:
            console.print(batch_table(rendering))
            console.print()
        for line in series_lines(report):
            console.print(line)
        console.print(summary(report, rendering.timing))
    return buffer.getvalue()
