"""``--format jsonl``: one JSON object a line, for streaming into `jq`, log pipelines and databases.

Each checked file is ``{"type": "file", …}`` (the JSON contract's ``files`` entry, with the
``sha256`` of the file's bytes as checked); each violation is the object of the JSON contract with
``"type": "violation"``; each input error is ``{"type": "error", "path", "message"}``; findings a
waiver accepted are listed (``"type": "waived"``) only when asked for.  Errors first, then files,
then violations, in the order of the JSON format.  Written to a file (``--output``), the records
of each file are appended as it is checked — its findings, then the file, which says it is whole —
so a long batch can be followed (`tail -f`) and resumed (``--resume``, :mod:`budgetlint.resume`);
the finished file is rewritten in the report's order.
"""

from __future__ import annotations

import hashlib
import json

from budgetlint.report.formats import Rendering
from budgetlint.report.json import file_json, violation_json
from budgetlint.report.result import FileResult, InputError, Violation


def line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def error_record(error: InputError) -> dict:
    return {"type": "error", "path": error.path, "message": error.message}


def content_digest(path: str) -> str | None:
    """The SHA-256 of a file's bytes (None: it cannot be read now): a resumed run checks again a file
    that changed since it was recorded."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(2**20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def file_record(result: FileResult, timing: bool = True) -> dict:
    return {"type": "file", **file_json(result, timing), "sha256": content_digest(result.path)}


def file_records(result: FileResult, timing: bool = True) -> list[dict]:
    """A checked file's findings (before waivers: a resumed run applies them again), then the file:
    a run stopped halfway through them leaves no file record, and the file is checked again."""
    return ([{"type": "violation", **violation_json(v)} for v in sorted(result.violations, key=Violation.sort_key)]
            + [file_record(result, timing)])


def render(rendering: Rendering) -> str:
    report = rendering.report
    records = [error_record(e) for e in report.errors]
    records += [file_record(f, rendering.timing) for f in report.files]
    records += [{"type": "violation", **violation_json(v)} for v in report.violations]
    if rendering.show_waived:
        records += [{"type": "waived", **violation_json(v)} for v in sorted(report.waived, key=Violation.sort_key)]
    return "".join(line(r) for r in records)
