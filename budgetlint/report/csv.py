"""``--format csv``: one row per finding, for people who sort and filter in other tools.

UTF-8 with a byte-order mark, which Excel and WPS need to read Chinese from a CSV file;
the columns are those of the JSON report's violations, flattened (a finding's place as
page, line, column and cell, the table, row and column labels it is about).  Headings and
severities are in the run's language (`规则`, `错误` in a Chinese report; `rule`, `error` with
``--lang en``), as an auditor's spreadsheet shows them.
"""

from __future__ import annotations

import csv
import io
import re

from budgetlint.i18n import t
from budgetlint.report.formats import Rendering
from budgetlint.textnorm import printable

_HEADINGS = ("file", "agency", "rule", "name", "severity", "page", "line", "column", "cell", "table", "row",
             "col", "message", "reported", "computed", "difference", "basis")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[-+]?\d[\d,]*(\.\d+)?%?")


def inert(value: object) -> object:
    """A field a spreadsheet cannot run and a terminal cannot obey: text beginning like a formula
    (`=HYPERLINK(…)`, a file named `+1.txt`) gets a leading `'`, as OWASP's CSV-injection guidance
    says, and control characters (`\x1b[2J`) become spaces; a plain number (`-552.00`) stays as it is."""
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        value = "'" + value
    return printable(value)


def render(rendering: Rendering) -> str:
    report = rendering.report
    agencies = {f.path: f.identity.agency or "" for f in report.files}
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([t(heading) for heading in _HEADINGS])
    for v in report.violations:
        loc = v.subject.location
        writer.writerow([inert(field) for field in (
            v.file, agencies.get(v.file, ""), v.rule, rendering.rule_name(v), t(v.severity), loc.page, loc.line, loc.column,
            loc.cell_name() if loc.part is not None and loc.line is not None else None,
            v.subject.table, v.subject.row, v.subject.col, v.message, v.reported, v.computed, v.difference,
            v.basis,
        )])
    return out.getvalue()
