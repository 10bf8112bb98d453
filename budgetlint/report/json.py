"""``--format json``: the contract in ``docs/output.md`` (one object, UTF-8, stable order)."""

from __future__ import annotations

import json

from budgetlint import __version__
from budgetlint.report.formats import Rendering
from budgetlint.report.result import FileResult, Report, Violation


def violation_json(v: Violation) -> dict:
    return {
        "rule": v.rule,
        "name": v.name,
        "severity": v.severity,
        "message": v.message,
        "file": v.file,
        "location": v.subject.to_json(),
        "reported": v.reported,
        "computed": v.computed,
        "difference": v.difference,
        "related": [r.to_json() for r in v.related],
        "basis": v.basis,
    }


def document_json(result: FileResult) -> dict:
    """What the file is (its disclosure's identity), the tables found in it with their kinds, and
    where the parts of its text begin."""
    return {**result.identity.to_json(), "pages": result.pages,
            "tables": [{"name": t.name, "kind": t.kind, "page": t.page, "figures": t.figures, "checked": t.checked,
                        "understood": t.understood} for t in result.tables_seen],
            "sections": [{"id": s.id, "heading": s.heading, "page": s.location.page, "line": s.location.line}
                         for s in result.sections_seen]}


def file_json(f: FileResult, timing: bool = True) -> dict:
    """A checked file: its size in pages, tables and figures, what it is, its disclosure's files."""
    return {"path": f.path, "pages": f.pages, "tables": f.tables, "facts": f.facts,
            "seconds": f.seconds if timing else None, "document": document_json(f),
            "disclosure": list(f.disclosure) or [f.path], "coverage": f.coverage.to_json()}


def report_json(report: Report, timing: bool = True, show_waived: bool = False) -> dict:
    data = {
        "version": 1,
        "tool": {"name": "budgetlint", "version": __version__},
        "files": [file_json(f, timing) for f in report.files],
        "errors": [{"path": e.path, "message": e.message} for e in report.errors],
        "skipped": list(report.skipped),
        "violations": [violation_json(v) for v in report.violations],
        "series": [s.to_json() for s in report.series],
    }
    if show_waived:
        data["waived"] = [violation_json(v) for v in sorted(report.waived, key=Violation.sort_key)]
    return data


def render(rendering: Rendering) -> str:
    data = report_json(rendering.report, rendering.timing, rendering.show_waived)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
