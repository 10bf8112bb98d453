"""A long batch followed and resumed through its jsonl report.

``budgetlint check --format jsonl --output run.jsonl folder/`` appends each file's records to
``run.jsonl`` as soon as the file is checked (:class:`JsonlStream`), so the batch can be followed
while it runs and survives a stop; when it ends, the file is rewritten whole in the report's
order.  ``--resume`` reads the files already recorded (:func:`finished_files`) and checks only the
others: the report then covers both, as if the batch had run at once.  Files that gave an input
error, files whose record a stop cut off (a file's record follows its findings) and files whose
bytes changed since (the record's ``sha256``) are checked again.  The records are read back as data, each field checked; a line that is
not a budgetlint record stops the run (exit 2), except a last line cut off by the stop.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from budgetlint.model import Location
from budgetlint.outputs import OutputError, cannot_write
from budgetlint.report.json import violation_json
from budgetlint.report.jsonl import content_digest, error_record, file_records, line
from budgetlint.report.result import FigureRef, FileResult, InputError, TableSeen, Violation
from budgetlint.understand.identity import Identity
from budgetlint.understand.sections import SectionFound


class ResumeError(Exception):
    """The jsonl file cannot be resumed from; the message names the file and line."""


class JsonlStream:
    """Appends each checked file's records to the report file as the batch goes."""

    def __init__(self, path: Path, resume: bool):
        self.path = path
        try:
            self.file: TextIO = path.open("a" if resume else "w", encoding="utf-8")
        except OSError as exc:
            raise OutputError(cannot_write(f"--output {path}", exc)) from None

    def write(self, outcomes: list[FileResult | InputError]) -> None:
        records = [r for o in outcomes for r in ([error_record(o)] if isinstance(o, InputError) else file_records(o))]
        self._append(records)

    def write_violations(self, violations: list[Violation]) -> None:
        """Findings made once every file was checked (a series'), after the files' records."""
        self._append([{"type": "violation", **violation_json(v)} for v in violations])

    def _append(self, records: list[dict]) -> None:
        try:
            self.file.write("".join(line(r) for r in records))
            self.file.flush()
        except OSError as exc:  # a full disk: the batch stops here, with one line
            raise OutputError(cannot_write(f"--output {self.path}", exc)) from None

    def close(self) -> None:
        self.file.close()


def _field(record: dict, key: str, kind: type | tuple[type, ...], optional: bool = False) -> Any:
    if not isinstance(record, dict):
        raise ValueError(f"'{key}' is not in an object")
    value = record.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise ValueError(f"'{key}' is missing or not {getattr(kind, '__name__', kind)}")
    return value


def _location(data: Any, file: str) -> Location:
    if not isinstance(data, dict):
        raise ValueError("a location is not an object")
    bbox = _field(data, "bbox", list, optional=True)
    if bbox is not None and (len(bbox) != 4 or not all(isinstance(v, (int, float)) for v in bbox)):
        raise ValueError("'bbox' is not four numbers")
    file = _field(data, "file", str, True) or file  # a series' related figure is in another file
    return Location(file, _field(data, "page", int, True), _field(data, "line", int, True),
                    _field(data, "column", int, True), tuple(bbox) if bbox else None, _field(data, "part", str, True))


def _figure(data: Any, file: str) -> FigureRef:
    return FigureRef(_location(data, file), _field(data, "text", str), _field(data, "table", str, True),
                     _field(data, "row", str, True), _field(data, "col", str, True))


def violation_from(record: dict) -> Violation:
    """A violation record of the JSON contract, back as the violation it was made from.  A related
    figure is in the file its location names, else (a record written before locations named
    theirs) in the violation's own file."""
    file = _field(record, "file", str)
    related = _field(record, "related", list)
    return Violation(
        rule=_field(record, "rule", str), name=_field(record, "name", str), severity=_field(record, "severity", str),
        message=_field(record, "message", str), file=file, subject=_figure(record.get("location"), file),
        reported=_field(record, "reported", str), computed=_field(record, "computed", str),
        difference=_field(record, "difference", str, True), related=tuple(_figure(r, file) for r in related),
        basis=_field(record, "basis", str, True))


def file_from(record: dict) -> FileResult:
    document = _field(record, "document", dict)
    tables = tuple(TableSeen(_field(t, "name", str), _field(t, "kind", str, True), _field(t, "page", int, True),
                             _field(t, "figures", int), _field(t, "checked", int), _field(t, "understood", bool))
                   for t in _field(document, "tables", list))
    identity = Identity(_field(document, "kind", str, True), _field(document, "level", str, True),
                        _field(document, "year", int, True), _field(document, "agency", str, True),
                        _field(document, "province", str, True))
    path = _field(record, "path", str)
    sections = tuple(SectionFound(_field(s, "id", str), _field(s, "heading", str),
                                  Location(path, _field(s, "page", int, True), _field(s, "line", int, True)))
                     for s in _field(document, "sections", list, True) or [])  # a report before sections: none
    disclosure = tuple(_field(record, "disclosure", list))
    return FileResult(path=path, pages=_field(record, "pages", int, True), tables=_field(record, "tables", int),
                      facts=_field(record, "facts", int), seconds=_field(record, "seconds", (int, float), True) or 0.0,
                      identity=identity, disclosure=disclosure if disclosure != (path,) else (),
                      tables_seen=tables, sections_seen=sections)


def finished_files(path: Path) -> dict[str, FileResult]:
    """The files a jsonl report records as checked, with their findings (waived ones included: the
    waivers are applied again).  A missing file is a fresh start."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ResumeError(f"--resume {path}: cannot be read: {exc}") from None
    lines = text.split("\n")
    if lines and lines[-1]:
        lines.pop()  # the last line, cut off when the run was stopped
    files: dict[str, FileResult] = {}
    found: list[Violation] = []
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
            kind = record.get("type") if isinstance(record, dict) else None
            if kind == "file":
                result = file_from(record)
                digest = content_digest(result.path)
                if digest is not None and record.get("sha256") == digest:  # else changed since, or unknown
                    files[result.path] = result
            elif kind in ("violation", "waived"):
                found.append(violation_from(record))
            elif kind != "error":
                raise ValueError(f"unknown record type {kind!r}")
        except (ValueError, TypeError, RecursionError) as exc:  # RecursionError: JSON nested thousands deep
            raise ResumeError(f"--resume {path}:{number}: not a budgetlint jsonl record ({exc})") from None
    for v in found:  # findings about no recorded file (a stale waiver) are made again
        if v.file in files and v not in files[v.file].violations:
            files[v.file].violations.append(v)
    return files
