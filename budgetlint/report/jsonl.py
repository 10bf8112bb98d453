"""``--format jsonl``: one JSON object a line, for streaming into `jq`, log pipelines and databases.

Each violation is the object of the JSON contract with ``"type": "violation"``;
each input error is ``{"type": "error", "path", "message"}``; findings a waiver
accepted are listed (``"type": "waived"``) only when asked for.  Errors first,
then violations, in the order of the JSON format.
"""

from __future__ import annotations

import json

from budgetlint.report.formats import Rendering
from budgetlint.report.json import violation_json
from budgetlint.report.result import Violation


def render(rendering: Rendering) -> str:
    report = rendering.report
    records = [{"type": "error", "path": e.path, "message": e.message} for e in report.errors]
    records += [{"type": "violation", **violation_json(v)} for v in report.violations]
    if rendering.show_waived:
        records += [{"type": "waived", **violation_json(v)} for v in sorted(report.waived, key=Violation.sort_key)]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
