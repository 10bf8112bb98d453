"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run: the rules that ran (with their documentation), one result per violation,
the checked files as artifacts, and input errors as tool execution notifications.
Paths are relative (``%SRCROOT%``, the working directory), as code scanning resolves
them against the repository; an absolute path inside the working directory is made
relative, one outside it stays a file URI.  A PDF has no lines, but code scanning
places an alert only at a region: a PDF result's region is its first line, and the
page and box go into the message and the properties (with our own line hash, since
the PDF's first line is the same for every result).  No timestamps and no working
directory in the log: the same input gives the same file.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path, PurePath
from urllib.parse import quote

from budgetlint import __version__
from budgetlint.checks import CHECKS
from budgetlint.engine.rule import Rule
from budgetlint.i18n import t
from budgetlint.model import Location
from budgetlint.report.formats import Rendering
from budgetlint.report.result import FigureRef, Report, Violation
from budgetlint.report.text import not_read, place

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "budgetlint/v1"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _rule(rule: Rule) -> dict:
    description = "\n\n".join(rule.paragraphs)
    example_text = f"\n\n{t('Example')}：\n{rule.example}" if rule.example else ""
    example_markdown = f"\n\n**{t('Example')}**\n\n```text\n{rule.example}\n```" if rule.example else ""
    kind = f"`{rule.kind}`: {CHECKS[rule.kind].summary}"
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": description},
        "help": {"text": description + example_text, "markdown": f"{description}{example_markdown}\n\n{kind}"},
        "defaultConfiguration": {"level": _LEVEL[rule.severity.value]},
        "properties": {"kind": rule.kind},
    }


def _uri(path: str) -> dict:
    """A path as a URI reference against ``%SRCROOT%`` (the working directory); an absolute path
    outside it as a file URI."""
    if PurePath(path).is_absolute():
        try:
            path = str(Path(path).relative_to(Path.cwd()))
        except ValueError:
            return {"uri": Path(path).as_uri()}
    return {"uri": quote(PurePath(path).as_posix()), "uriBaseId": "%SRCROOT%"}


def _artifact(path: str, artifacts: dict[str, int]) -> dict:
    return {"artifactLocation": {**_uri(path), "index": artifacts[path]}}


def _physical(location: Location, artifacts: dict[str, int]) -> dict:
    physical = _artifact(location.file, artifacts)
    if location.line is not None:
        physical["region"] = {"startLine": location.line, "startColumn": location.column or 1}
    else:  # a page: code scanning needs a region to show an alert at
        physical["region"] = {"startLine": 1}
    return physical


def _where(location: Location) -> dict:
    """What SARIF has no place for: the page and box of a figure in a PDF, the sheet and cell of one in
    a workbook or a Word table (`公开01表!C5`: its line and column alone do not say which sheet)."""
    bbox = list(location.bbox) if location.bbox else None
    cell = location.cell_name() if location.part is not None and location.line is not None else None
    return {k: v for k, v in (("page", location.page), ("bbox", bbox), ("cell", cell)) if v is not None}


def _related(i: int, ref: FigureRef, artifacts: dict[str, int]) -> dict:
    what = "｜".join(p for p in (ref.table, ref.row, ref.col) if p)
    related = {
        "id": i,
        "physicalLocation": _physical(ref.location, artifacts),
        "message": {"text": f"{ref.text}（{what}）" if what else ref.text or place(ref.location)},
    }
    where = _where(ref.location)
    if where:
        related["properties"] = where
    return related


def _fingerprint(v: Violation) -> str:
    """What the finding is about, not which line it is on: rule, file, table, row, column, figure."""
    ref = v.subject
    key = "\x1f".join(p or "" for p in (v.rule, PurePath(v.file).as_posix(), ref.table, ref.row, ref.col, v.reported))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _result(v: Violation, rule_index: int, artifacts: dict[str, int], fingerprint: str) -> dict:
    loc = v.subject.location
    message = v.message if loc.page is None else f"{v.message}（{place(loc)}）"
    # Code scanning reads only primaryLocationLineHash, and its upload action computes one
    # from the source line (warning when one is given); a result without a line gets none, so it gets ours.
    fingerprints = {FINGERPRINT: fingerprint}
    if loc.line is None:
        fingerprints["primaryLocationLineHash"] = fingerprint
    properties = {**_where(loc), "table": v.subject.table, "row": v.subject.row, "col": v.subject.col,
                  "reported": v.reported, "computed": v.computed, "difference": v.difference, "basis": v.basis}
    result = {
        "ruleId": v.rule,
        "ruleIndex": rule_index,
        "level": _LEVEL[v.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": _physical(loc, artifacts)}],
        "partialFingerprints": fingerprints,
        "properties": {k: value for k, value in properties.items() if value is not None},
    }
    if v.related:
        result["relatedLocations"] = [_related(i, ref, artifacts) for i, ref in enumerate(v.related)]
    return result


def _artifacts(report: Report) -> dict[str, int]:
    """Every file the log names: those checked, those that could not be, and any other a finding is in."""
    paths = [f.path for f in report.files] + [e.path for e in report.errors] + list(report.skipped)
    for v in report.violations:
        paths += [v.file] + [r.location.file for r in (v.subject, *v.related)]
    return {path: i for i, path in enumerate(dict.fromkeys(paths))}


def sarif_log(rendering: Rendering) -> dict:
    report = rendering.report
    rules = rendering.rules.rules
    rule_index = {r.id: i for i, r in enumerate(rules)}
    artifacts = _artifacts(report)
    seen: Counter[str] = Counter()
    results = []
    for v in report.violations:
        fingerprint = _fingerprint(v)
        seen[fingerprint] += 1  # the same figure twice in one place: told apart by order, as code scanning does
        results.append(_result(v, rule_index[v.rule], artifacts, f"{fingerprint}:{seen[fingerprint]}"))
    notifications = [
        {"level": "error", "message": {"text": e.message},
         "locations": [{"physicalLocation": _artifact(e.path, artifacts)}]}
        for e in report.errors
    ] + [
        {"level": "warning", "message": {"text": not_read(path)},
         "locations": [{"physicalLocation": _artifact(path, artifacts)}]}
        for path in report.skipped
    ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "budgetlint", "version": __version__,
                                "rules": [_rule(r) for r in rules]}},
            "invocations": [{"executionSuccessful": not report.errors,
                             "toolExecutionNotifications": notifications}],
            "artifacts": [{"location": _uri(path)} for path in artifacts],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render(rendering: Rendering) -> str:
    return json.dumps(sarif_log(rendering), ensure_ascii=False, indent=2) + "\n"
