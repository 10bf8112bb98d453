"""``--format concise``: one line a finding, starting with a location editors and viewers open.

``path:line:col: BL101 message`` for a text source (editors, terminals and CI logs turn
it into a link to the line), ``path#page=5: BL101 message`` for a PDF (PDF viewers and
browsers open the file at that page).  Findings on one page come in reading order,
top to bottom, and name the table and row they are in when the message does not.
Input errors go to stderr, as in every format; this is the part a program or a
person greps.  The last line counts what was found and names every file not checked (as ruff's
`Found 3 errors.`), so a CI log shows a clean run, and a `.doc` left beside the PDFs, too.
"""

from __future__ import annotations

from pathlib import PurePath

from budgetlint.i18n import t
from budgetlint.report.formats import Rendering
from budgetlint.report.result import Violation
from budgetlint.report.text import summary
from budgetlint.textnorm import printable


def where(v: Violation) -> str:
    """The clickable location of a finding."""
    loc, path = v.subject.location, printable(PurePath(v.file).as_posix())
    if loc.page is not None:
        return f"{path}#page={loc.page}"
    if loc.part is not None and loc.line is not None:
        return f"{path}:{loc.cell_name()}"
    if loc.line is not None:
        return f"{path}:{loc.line}:{loc.column or 1}"
    return path


def _reading_order(v: Violation) -> tuple:
    loc = v.subject.location
    top, left = (loc.bbox[1], loc.bbox[0]) if loc.bbox else (0.0, 0.0)
    return (v.file, loc.page or 0, loc.part_order, loc.line or 0, round(top), left, loc.column or 0, v.rule)


def _label(v: Violation) -> str:
    """`（表名 · 行）` where the message does not already say which table and row."""
    parts = [p for p in (v.subject.table, v.subject.row) if p and p not in v.message]
    return t(" ({parts})", parts=" · ".join(parts)) if parts else ""


def _basis(v: Violation) -> str:
    """What confirmed the structure an arithmetic finding rests on, after it."""
    return t(" [confirmed by: {basis}]", basis=v.basis) if v.basis else ""


def render(rendering: Rendering) -> str:
    findings = "".join(f"{where(v)}: {v.rule} [{t(v.severity)}] {v.message}{_label(v)}{_basis(v)}\n"
                       for v in sorted(rendering.report.violations, key=_reading_order))
    return findings + summary(rendering.report, rendering.timing).plain + "\n"
