"""A cache of check results: a disclosure checked again with nothing changed is not checked again.

A CI job re-runs budgetlint on the same files with the same settings far more often than on new
ones.  What a disclosure's check finds depends only on its files (names and bytes), the rules in
force (the packs' bytes, select, ignore and severities: :func:`rules_fingerprint`), the language
the messages are written in and budgetlint's own code and built-in packs
(:func:`code_version`).  The key is a hash of all of them, so a change to any is a new entry,
never a stale one.  A re-check that finds every disclosure here (:func:`cached_report`) parses
no rule and imports no check: it costs little more than starting the command.

Entries are JSON data read back field by field (never code), beside the parsed documents of
:mod:`budgetlint.cache` and trusted as they are: a damaged, foreign or oversized entry is a miss,
and the disclosure is checked and the entry replaced.  Only outcomes without an input error are
kept (a file that could not be read is tried again).
"""

from __future__ import annotations

import hashlib
import json
import time
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from budgetlint import __version__
from budgetlint.cache import DocumentCache, read_entry, write_entry
from budgetlint.config import Setting, find_settings_file
from budgetlint.disclosure import group_files
from budgetlint.discovery import discover
from budgetlint.figures import MONEY_UNITS, Figure
from budgetlint.i18n import language
from budgetlint.interval import Interval
from budgetlint.load import LoadError, read_bytes
from budgetlint.model_json import Decoder, Encoder, Malformed
from budgetlint.paths import builtin_rules_dir
from budgetlint.series.forming import form_series
from budgetlint.report.result import FigureRef, FileResult, Posting, Report, TableSeen, Violation
from budgetlint.understand.identity import Identity
from budgetlint.understand.sections import SectionFound

FORMAT = 4  # 2: a violation records what confirmed its structure, a table how much of it was checked;
#            3: a file keeps its ledger (what a series compares, budgetlint.series);
#            4: and where the parts of its text begin (a checklist's items)
_MAX_ENTRY = 64 * 2**20  # bytes: the findings of one disclosure come nowhere near


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of budgetlint's code and built-in packs: what a check does and says."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")) + sorted(builtin_rules_dir().glob("*.yaml")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


def rules_fingerprint(settings: dict[str, Setting]) -> str:
    """What decides which rules run and how, as settings name it (before any pack is parsed);
    ``""`` when a pack cannot be read (its check will say so, and nothing is cached)."""
    digest = hashlib.sha256(code_version().encode())
    for pack in settings["rules"].value:
        try:
            digest.update(str(pack).encode() + b"\0" + Path(pack).read_bytes())
        except OSError:
            return ""
    chosen = [settings["select"].value, settings["ignore"].value, settings["severity"].value]
    digest.update(json.dumps(chosen, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()


def _figure(encoder: Encoder, ref: FigureRef) -> list:
    heading = encoder.location(ref.heading) if ref.heading is not None else None
    return [encoder.location(ref.location), ref.text, ref.table, ref.row, ref.col, heading]


def _violation(encoder: Encoder, v: Violation) -> list:
    return [v.rule, v.name, v.severity, v.message, v.file, _figure(encoder, v.subject), v.reported, v.computed,
            v.difference, [_figure(encoder, r) for r in v.related], v.basis]


def _file(encoder: Encoder, result: FileResult) -> dict:
    identity = result.identity
    return {"path": result.path, "pages": result.pages, "tables": result.tables, "facts": result.facts,
            "identity": [identity.kind, identity.level, identity.year, identity.agency, identity.province],
            "disclosure": list(result.disclosure),
            "seen": [[s.name, s.kind, s.page, s.figures, s.checked, s.understood] for s in result.tables_seen],
            "sections": [[s.id, s.heading, encoder.location(s.location)] for s in result.sections_seen],
            "violations": [_violation(encoder, v) for v in result.violations],
            "ledger": [[[list(k) for k in p.keys], _printed(p.figure), str(p.interval.lo), str(p.interval.hi),
                        _figure(encoder, p.ref), p.year, p.worked_out, list(p.names)] for p in result.ledger]}


def _printed(figure: Figure) -> list:
    return [figure.text, str(figure.value), figure.decimals, figure.unit.name, figure.blank, figure.grouped]


def outcomes_to_data(outcomes: list[FileResult]) -> dict:
    encoder = Encoder()
    files = [_file(encoder, result) for result in outcomes]
    return {"format": FORMAT, "files": list(encoder.files), "outcomes": files}


class _Reader:
    """Entries back as results, every field checked (:class:`~budgetlint.model_json.Malformed` if not)."""

    def __init__(self, files: Any):
        self.decoder = Decoder(files)

    @staticmethod
    def value(raw: Any, kinds: type | tuple[type, ...], optional: bool = False) -> Any:
        if raw is None and optional:
            return None
        if not isinstance(raw, kinds) or isinstance(raw, bool) and kinds is not bool:
            raise Malformed("result field")
        return raw

    def text(self, raw: Any, optional: bool = False) -> str | None:
        return self.value(raw, str, optional)

    def figure(self, raw: Any) -> FigureRef:
        if not isinstance(raw, list) or len(raw) != 6:
            raise Malformed("figure")
        heading = self.decoder.location(raw[5]) if raw[5] is not None else None
        return FigureRef(self.decoder.location(raw[0]), self.text(raw[1]), self.text(raw[2], True),
                         self.text(raw[3], True), self.text(raw[4], True), heading)

    def violation(self, raw: Any) -> Violation:
        if not isinstance(raw, list) or len(raw) != 11:
            raise Malformed("violation")
        rule, name, severity, message, file, subject, reported, computed, difference, related, basis = raw
        return Violation(self.text(rule), self.text(name), self.text(severity), self.text(message), self.text(file),
                         self.figure(subject), self.text(reported), self.text(computed), self.text(difference, True),
                         tuple(self.figure(r) for r in self.value(related, list)), self.text(basis, True))

    def posting(self, raw: Any) -> Posting:
        if not isinstance(raw, list) or len(raw) != 8:
            raise Malformed("posting")
        keys, printed, lo, hi, ref, year, worked_out, names = raw
        keys = [self.value(k, list) for k in self.value(keys, list)]
        if any(len(k) != 3 for k in keys) or not isinstance(printed, list) or len(printed) != 6:
            raise Malformed("posting")
        text, value, decimals, unit, blank, grouped = printed
        if unit not in MONEY_UNITS:
            raise Malformed("posting unit")
        try:
            figure = Figure(self.text(text), Fraction(self.text(value)), self.value(decimals, int), MONEY_UNITS[unit],
                            self.value(blank, bool), self.value(grouped, bool))
            interval = Interval(Fraction(self.text(lo)), Fraction(self.text(hi)))
        except (ValueError, ZeroDivisionError) as exc:
            raise Malformed("posting figure") from exc
        return Posting(tuple((self.text(a), self.text(b), self.text(c)) for a, b, c in keys), figure, interval,
                       self.figure(ref), self.value(year, int), self.text(worked_out),
                       tuple(self.text(n) for n in self.value(names, list)))

    def seen(self, raw: Any) -> TableSeen:
        if not isinstance(raw, list) or len(raw) != 6:
            raise Malformed("table")
        name, kind, page, figures, checked, understood = raw
        return TableSeen(self.text(name), self.text(kind, True), self.value(page, int, True), self.value(figures, int),
                         self.value(checked, int), self.value(understood, bool))

    def section(self, raw: Any) -> SectionFound:
        if not isinstance(raw, list) or len(raw) != 3:
            raise Malformed("section")
        return SectionFound(self.text(raw[0]), self.text(raw[1]), self.decoder.location(raw[2]))

    def result(self, raw: Any, seconds: float) -> FileResult:
        if not isinstance(raw, dict):
            raise Malformed("file")
        identity = self.value(raw.get("identity"), list)
        if len(identity) != 5:
            raise Malformed("identity")
        kind, level, year, agency, province = identity
        seen = self.value(raw.get("seen"), list)
        return FileResult(
            path=self.text(raw.get("path")), pages=self.value(raw.get("pages"), int, True),
            tables=self.value(raw.get("tables"), int), facts=self.value(raw.get("facts"), int), seconds=seconds,
            violations=[self.violation(v) for v in self.value(raw.get("violations"), list)],
            identity=Identity(self.text(kind, True), self.text(level, True), self.value(year, int, True),
                              self.text(agency, True), self.text(province, True)),
            disclosure=tuple(self.text(p) for p in self.value(raw.get("disclosure"), list)),
            tables_seen=tuple(self.seen(s) for s in seen),
            ledger=tuple(self.posting(p) for p in self.value(raw.get("ledger"), list)),
            sections_seen=tuple(self.section(s) for s in self.value(raw.get("sections"), list)),
        )


def outcomes_from_data(data: Any, seconds: float = 0.0) -> list[FileResult]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise Malformed("format")
    reader = _Reader(data.get("files"))
    return [reader.result(raw, seconds) for raw in _Reader.value(data.get("outcomes"), list)]


class ResultCache:
    """Results by disclosure, under ``results/`` in the cache directory."""

    def __init__(self, directory: Path):
        self.directory = directory / "results"

    @staticmethod
    def key(contents: list[tuple[str, bytes]], fingerprint: str, language: str) -> str:
        digest = hashlib.sha256(f"{FORMAT}\0{fingerprint}\0{language}".encode())
        for name, data in contents:
            digest.update(b"\0" + name.encode() + b"\0" + hashlib.sha256(data).digest())
        return digest.hexdigest()

    def _file(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str, paths: list[str]) -> list[FileResult] | None:
        """The results of the files ``paths`` stored under ``key``, or ``None`` when there are none
        that can be trusted (one result a file, in order, or it is not theirs)."""
        started = time.perf_counter()
        entry = read_entry(self._file(key), _MAX_ENTRY)
        try:
            stored = outcomes_from_data(entry, round(time.perf_counter() - started, 3))
        except (ValueError, RecursionError):  # Malformed is a ValueError
            return None
        return stored if [r.path for r in stored] == paths else None

    def put(self, key: str, outcomes: list[FileResult]) -> None:
        write_entry(self._file(key), lambda: outcomes_to_data(outcomes))


class LazyRules:
    """The rule set of a run served from the cache, parsed only if a report asks for it (SARIF's
    rule documentation, the HTML explanations, a batch's checklist)."""

    def __init__(self, build: Callable[[], Any]):
        self._build, self._rules = build, None

    def __getattr__(self, name: str) -> Any:
        if self._rules is None:
            self._rules = self._build()
        return getattr(self._rules, name)


def cached_report(paths: list[str], settings: dict[str, Setting], run_file: Path | None, per_folder: bool,
                  groups: list[list[str]]) -> Report | None:
    """The report of a check all of whose disclosures are in the cache, checked with the run's rules
    (``settings``, from ``run_file``) in the run's language; ``None`` as soon as one is not, or has
    a settings file of its own (``per_folder``), or a path needs a word of its own (the check proper
    says it), or two of them form a series (its cross-document rules must run)."""
    started = time.perf_counter()
    fingerprint = rules_fingerprint(settings)
    files, errors, skipped = discover(paths + [p for group in groups for p in group if p not in paths])
    if errors:
        return None
    cache = ResultCache(DocumentCache().directory)
    report = Report(skipped=skipped)
    for group in group_files(files, [[Path(p) for p in g] for g in groups], settings["auto-group"].value):
        if per_folder:
            own = find_settings_file(group[0])
            if (own[0] if own else None) != run_file:
                return None
        try:
            contents = [(str(p), read_bytes(p)) for p in group]
        except LoadError:
            return None
        stored = cache.get(cache.key(contents, fingerprint, language()), [name for name, _ in contents]) \
            if fingerprint else None
        if stored is None:
            return None
        report.files.extend(stored)
    if any(series.pairs for series in form_series(report.files)):
        return None  # disclosures compared with each other: their rules must run (budgetlint.series)
    report.seconds = round(time.perf_counter() - started, 3)
    return report
