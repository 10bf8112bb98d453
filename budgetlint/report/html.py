"""``--format html``: one self-contained page for auditors, who would rather look than read coordinates.

For each file: counts per rule and severity, then each finding with its message,
its arithmetic (as printed, as computed, the difference, the figures used) and
the place itself: for a PDF, the page region rendered with the figure boxed in
red and the figures it was compared with in blue; for text, the lines around it
with the same figures highlighted.  Images are embedded (base64 PNG), so the
file works offline and can be mailed as it is.
"""

from __future__ import annotations

import html
from collections import Counter
from pathlib import Path, PurePath

from budgetlint import __version__
from budgetlint.engine.rule import Rule
from budgetlint.i18n import language, t
from budgetlint.report.checklist import disclosures, verdict_text
from budgetlint.report.formats import Rendering
from budgetlint.report.result import FigureRef, FileResult, Report, Violation, by_file
from budgetlint.report.pictures import PagePictures
from budgetlint.report.text import percent, place

_CONTEXT_LINES = 2
_OPEN_UP_TO = 10  # files: a larger batch opens with its sections closed, the contents leading to them
# a link to a finding in a closed section opens the section first
_OPEN_TARGET = """function openTarget(){var t=location.hash&&document.getElementById(location.hash.slice(1));
for(var e=t;e;e=e.parentElement){if(e.tagName==='DETAILS'){e.open=true;}}if(t){t.scrollIntoView();}}
window.addEventListener('hashchange',openTarget);openTarget();"""

_STYLE = """
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2em auto;
       max-width: 1100px; color: #1f2937; line-height: 1.5; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 2px solid #e5e7eb; }
table.counts { border-collapse: collapse; margin: .5em 0 1em; }
table.counts td, table.counts th { border: 1px solid #e5e7eb; padding: 2px 10px; text-align: left; }
.finding { border: 1px solid #e5e7eb; border-radius: 6px; padding: .8em 1em; margin: 1em 0; }
.finding.waived { opacity: .6; }
.head { font-weight: bold; } .where { color: #6b7280; font-family: monospace; margin-right: .6em; }
.sev { border-radius: 4px; padding: 0 6px; margin-right: .5em; color: white; font-size: .85em; }
.sev.error { background: #dc2626; } .sev.warning { background: #d97706; } .sev.info { background: #2563eb; }
.arith { margin: .4em 0; } .arith b { font-family: monospace; } .basis { color: #4b5563; font-size: .9em; }
.used { color: #4b5563; font-size: .9em; } .used li { margin: 0; }
figure { margin: .6em 0 0; } figcaption { color: #6b7280; font-size: .85em; }
img.page { max-width: 100%; border: 1px solid #d1d5db; display: block; }
pre.source { background: #f9fafb; border: 1px solid #e5e7eb; padding: .5em; overflow-x: auto; font-size: .9em; }
mark.subject { background: #fecaca; outline: 2px solid #dc2626; } mark.related { background: #bfdbfe; }
.errors li { color: #b91c1c; }
details > summary { cursor: pointer; } details.why { color: #4b5563; font-size: .9em; margin-top: .4em; border: 0; } details > summary h2 { display: inline; border: 0; }
details { border-bottom: 2px solid #e5e7eb; margin-top: 1.5em; padding-bottom: .5em; }
.contents td, .contents th { white-space: nowrap; } .contents td.links { white-space: normal; }
.contents td.links a { margin-right: .3em; font-size: .85em; }
.verdict.passed { color: #15803d; } .verdict.review { color: #b45309; }
.verdict.failed, .verdict.unread { color: #b91c1c; font-weight: bold; }
"""


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _where(ref: FigureRef) -> str:
    return place(ref.location)


class _Sources:
    """Lines of the text files a report points at."""

    def __init__(self) -> None:
        self.lines: dict[str, list[str] | None] = {}

    def get(self, path: str) -> list[str] | None:
        if path not in self.lines:
            from budgetlint.load import LoadError, read_bytes
            from budgetlint.load.text import decode

            try:
                self.lines[path] = decode(read_bytes(Path(path))).split("\n")
            except LoadError:
                self.lines[path] = None
        return self.lines[path]


def _highlighted(line: str, marks: list[tuple[int, int, str]]) -> str:
    out, at = [], 0
    for start, end, kind in sorted(marks):
        if start < at:
            continue
        out.append(_esc(line[at:start]))
        out.append(f'<mark class="{kind}">{_esc(line[start:end])}</mark>')
        at = end
    out.append(_esc(line[at:]))
    return "".join(out)


def _source_excerpt(v: Violation, sources: _Sources) -> str:
    lines = sources.get(v.subject.location.file)
    if not lines:
        return ""
    marks: dict[int, list[tuple[int, int, str]]] = {}
    for ref, kind in [(v.subject, "subject")] + [(r, "related") for r in v.related]:
        loc = ref.location
        if loc.line and loc.column and ref.text and loc.file == v.subject.location.file:
            start = loc.column - 1
            marks.setdefault(loc.line, []).append((start, start + len(ref.text), kind))
    shown: list[int] = []
    line = v.subject.location.line or 1
    for n in sorted(set(range(max(line - _CONTEXT_LINES, 1), min(line + _CONTEXT_LINES, len(lines)) + 1)) | set(marks)):
        if shown and n > shown[-1] + 1:
            shown.append(-1)
        shown.append(n)
    rows = ["…" if n < 0 else f"{n:>5} │ {_highlighted(lines[n - 1], marks.get(n, []))}" for n in shown]
    return '<pre class="source">' + "\n".join(rows) + "</pre>"


def _pictures(v: Violation, pages: PagePictures) -> str:
    """The subject's page with the figures on it marked, then up to two more pages of the figures
    it was compared with (in another file for a series' finding: that file is named)."""
    subject = v.subject
    by_page: dict[tuple[str, int], list[FigureRef]] = {}
    for ref in v.related:
        if ref.location.page:
            by_page.setdefault((ref.location.file, ref.location.page), []).append(ref)
    out = []
    if subject.location.page:
        on_it = by_page.pop((subject.location.file, subject.location.page), [])
        uri = pages.image(subject.location.file, subject.location.page, subject, on_it)
        if uri:
            out.append(_figure(uri, t("page {page}: red, the figure reported; blue, the figures it was compared with",
                                      page=subject.location.page)))
    for (file, number), refs in sorted(by_page.items())[:2]:
        uri = pages.image(file, number, None, refs)
        if uri:
            caption = t("page {page}: the figures compared with", page=number)
            if file != subject.location.file:
                caption = f"{PurePath(file).name} {caption}"
            out.append(_figure(uri, caption))
    return "".join(out)


def _figure(uri: str, caption: str) -> str:
    return f'<figure><img class="page" loading="lazy" decoding="async" alt="{_esc(caption)}" src="{uri}"><figcaption>{_esc(caption)}</figcaption></figure>'


def _explanation(rule: Rule | None) -> str:
    """What the rule checks and why (`budgetlint explain`), folded under the finding."""
    if rule is None:
        return ""
    paragraphs = "".join(f"<p>{_esc(p)}</p>" for p in rule.paragraphs)
    example = f'<pre class="source">{_esc(rule.example.rstrip())}</pre>' if rule.example.strip() else ""
    return f'<details class="why"><summary>{_esc(t("about the rule: {summary}", summary=rule.summary))}</summary>{paragraphs}{example}</details>'


def _finding(v: Violation, pages: PagePictures, sources: _Sources, rendering: Rendering, waived: bool = False,
             anchor: str | None = None) -> str:
    parts = [
        f'<div class="finding{" waived" if waived else ""}"' + (f' id="{anchor}"' if anchor else "") + ">",
        f'<div class="head"><span class="where">{_esc(_where(v.subject))}</span>'
        f'<span class="sev {_esc(v.severity)}">{_esc(t(v.severity))}</span>{_esc(v.rule)} {_esc(rendering.rule_name(v))}</div>',
        f"<div>{_esc(v.message)}</div>",
        f'<div class="arith">{t(v.labels[0])} <b>{_esc(v.reported)}</b>　{t(v.labels[1])} <b>{_esc(v.computed)}</b>'
        + (f"　{t('difference')} <b>{_esc(v.difference)}</b>" if v.difference else "") + "</div>",
    ]
    if v.basis:
        parts.append(f'<div class="basis">{_esc(t("confirmed by: ") + v.basis)}</div>')
    if v.related:
        items = "".join(
            f"<li>{_esc(_where(r))} {_esc(r.text)} {_esc('｜'.join(x for x in (r.table, r.row, r.col) if x))}</li>"
            for r in v.related)
        parts.append(f'<ul class="used">{items}</ul>')
    parts.append(_pictures(v, pages) if v.subject.location.page else _source_excerpt(v, sources))
    parts.append(_explanation(rendering.rules.get(v.rule)))
    parts.append("</div>")
    return "\n".join(parts)


def _coverage(result: FileResult) -> str:
    """`；核对覆盖率 83%（读懂表格 8/8 张）` for a file with tables of figures."""
    c = result.coverage
    if not c.figures:
        return ""
    return t("; {percent} of its table figures checked, {understood} of {tables} tables understood",
             percent=percent(c.ratio), understood=c.understood, tables=c.tables)


def _counts(rendering: Rendering, violations: list[Violation]) -> str:
    counts = Counter((v.rule, rendering.rule_name(v), v.severity) for v in violations)
    rows = "".join(f"<tr><td>{_esc(rule)}</td><td>{_esc(name)}</td><td>{_esc(t(sev))}</td><td>{n}</td></tr>"
                   for (rule, name, sev), n in sorted(counts.items()))
    head = "".join(f"<th>{t(h)}</th>" for h in ("rule", "name", "severity", "count"))
    return f'<table class="counts"><tr>{head}</tr>{rows}</table>'


def _contents(rendering: Rendering, anchors: dict[str, str], numbers: dict[int, str]) -> str:
    """A row per disclosure: its files (links to their sections), agency, kind, findings by
    severity (each number a link to that finding) and the verdict, as in the workbook's 汇总."""
    rows = []
    for n, d in enumerate(disclosures(rendering.report, rendering.rules), 1):
        files = "<br>".join(f'<a href="#{anchors[p]}">{_esc(p)}</a>' if p in anchors else _esc(p) for p in d.paths)
        identity = d.identity
        what = identity.what(with_year=True)
        links = " ".join(f'<a href="#{numbers[id(v)]}">{k}</a>' for k, v in enumerate(d.findings, 1) if id(v) in numbers)
        counts = "".join(f"<td>{d.count(s) if d.files else ''}</td>" for s in ("error", "warning", "info"))
        reason = f": {_esc(d.error.message)}" if d.error else ""
        checked = percent(d.coverage.ratio) if d.files else ""
        rows.append(f"<tr><td>{n}</td><td>{files}</td><td>{_esc(identity.agency or '')}</td><td>{_esc(what)}</td>"
                    f'{counts}<td class="verdict {d.verdict}">{_esc(verdict_text(d.verdict))}{reason}</td>'
                    f'<td>{checked}</td><td class="links">{links}</td></tr>')
    head = "".join(f"<th>{t(h)}</th>" for h in ("file", "agency", "disclosure", "errors", "warnings", "notes",
                                                 "verdict", "checked", "problems"))
    return f'<table class="counts contents"><tr><th>#</th>{head}</tr>' + "".join(rows) + "</table>"


def _series(report: Report, anchors: dict[str, str]) -> str:
    """The disclosures compared with each other (one agency's: budgetlint.series), each a link to its section."""
    items = []
    for series in report.series:
        members = "、".join(f'<a href="#{anchors[m.files[0]]}">{_esc(m.identity.what(with_year=True))}</a>'
                           if m.files[0] in anchors else _esc(m.identity.what(with_year=True)) for m in series.members)
        items.append(f"<li>{_esc(series.why)}（{members}）</li>")
    return f'<h2>{t("series")}</h2><ul class="series">{"".join(items)}</ul>'


def render(rendering: Rendering) -> str:
    report: Report = rendering.report
    pages, sources = PagePictures(), _Sources()
    body = [f"<h1>{t('budgetlint report')}</h1><p>"
            + _esc(t("budgetlint {version}: {files} files checked, {n} problems found", version=__version__,
                     files=len(report.files), n=len(report.violations))
                   + (t(", {n} waived", n=len(report.waived)) if report.waived else "") + t(".")) + "</p>"]
    if report.errors:
        items = "".join(f"<li>{_esc(e.path)}: {_esc(e.message)}</li>" for e in report.errors)
        body.append(f'<h2>{t("files that could not be checked")}</h2><ul class="errors">{items}</ul>')
    grouped = by_file(report.violations)
    anchors = {result.path: f"file-{n}" for n, result in enumerate(report.files, 1)}
    numbers = {id(v): f"{anchors.get(path, 'other')}-{k}" for path, found in grouped.items()
               for k, v in enumerate(found, 1)}
    if len(report.files) + len(report.errors) > 1:
        body.append(_contents(rendering, anchors, numbers))
    if report.series:
        body.append(_series(report, anchors))
    opened = " open" if len(report.files) <= _OPEN_UP_TO else ""
    try:
        for result in report.files:
            found = grouped.pop(result.path, [])
            pages_text = t("{pages} pages, ", pages=result.pages) if result.pages else ""
            about = t("{label}: {pages}{tables} tables, {facts} figures; {n} problems", label=result.identity.label,
                      pages=pages_text, tables=result.tables, facts=result.facts, n=len(found)) + _coverage(result)
            body.append(f'<details id="{anchors[result.path]}"{opened}><summary><h2>{_esc(result.path)}</h2> '
                        f"{_esc(about)}</summary>")
            if found:
                body.append(_counts(rendering, found))
                body.extend(_finding(v, pages, sources, rendering, anchor=numbers[id(v)]) for v in found)
            body.append("</details>")
        for path, found in grouped.items():  # findings about no checked file (stale waivers)
            body.append(f"<h2>{_esc(path)}</h2>")
            body.extend(_finding(v, pages, sources, rendering, anchor=numbers[id(v)]) for v in found)
        if rendering.show_waived and report.waived:
            body.append(f"<h2>{t('waived (not counted)')}</h2>")
            body.extend(_finding(v, pages, sources, rendering, waived=True) for v in sorted(report.waived, key=Violation.sort_key))
    finally:
        pages.close()
    return (f"<!DOCTYPE html>\n<html lang=\"{'zh-CN' if language() == 'zh' else 'en'}\"><head><meta charset=\"utf-8\">"
            f"<title>{t('budgetlint report')}</title><style>{_STYLE}</style></head><body>\n"
            + "\n".join(body) + f"\n<script>{_OPEN_TARGET}</script></body></html>\n")
