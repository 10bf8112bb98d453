"""Waivers: findings an auditor has accepted, kept in a YAML file beside the disclosures.

A PDF cannot carry `noqa` comments, so an accepted finding is named by what it
is about: the rule, the file, the table, row and column (or, outside a table,
the page or line) and the figure as printed.  A waived finding is not counted;
the same place with a different figure is a new finding (the waiver no longer
matches it); a waiver that matches nothing is reported as stale.  Paths in the
file are relative to it, so it works from any working directory.

::

    waivers:
      - rule: BL101
        file: disclosures/2023.pdf
        table: 2023 年一般公共预算支出预算表
        row: 合计
        col: 基本支出
        figure: "584.50"
        reason: 住房公积金重复列示，已通知编制单位，下一版更正
        accepted_by: 张三
        date: 2026-11-23
"""

from __future__ import annotations

import datetime
import getpass
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from budgetlint.engine.pack import RuleSet
from budgetlint.engine.rule import render
from budgetlint.engine.yamlsource import RuleError, read_yaml
from budgetlint.i18n import ZH, language, t
from budgetlint.model import Location
from budgetlint.outputs import OutputError, write_text
from budgetlint.paths import PathError, resolved
from budgetlint.report.result import FigureRef, Report, Violation

STALE_RULE = "BL002"
_PLACE = ("table", "row", "col", "page", "line")


@dataclass(frozen=True)
class Waiver:
    rule: str
    file: str  # absolute
    figure: str
    table: str | None
    row: str | None
    col: str | None
    page: int | None
    line: int | None
    reason: str
    accepted_by: str
    origin: Location  # where the waiver is written

    def matches(self, v: Violation) -> bool:
        ref = v.subject
        if (v.rule, _absolute(v.file), v.reported) != (self.rule, self.file, self.figure):
            return False
        if (self.table, self.row, self.col) != (ref.table, ref.row, ref.col):
            return False
        if self.table is None and self.row is None:  # nothing names the place: the page or line must
            return (self.page, self.line) == (ref.location.page, ref.location.line)
        return True


def _absolute(path: str, base: Path | None = None) -> str:
    """The path as the waiver and the finding are compared; raises PathError on a link that loops."""
    p = Path(path)
    return str(resolved(base / p if base and not p.is_absolute() else p))


def _shown(path: Path) -> str:
    """How reports name the waiver file: relative to the working folder when it is below it."""
    relative = os.path.relpath(path.resolve())
    return path.as_posix() if relative.startswith("..") else relative


def load_waivers(path: Path) -> list[Waiver]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(str(path), None, f"cannot read waiver file: {exc}") from None
    source = read_yaml(text, str(path))
    data = source.data
    if not isinstance(data, dict) or not isinstance(data.get("waivers"), list):
        raise source.error((), "a waiver file is a mapping with a 'waivers:' list")
    out = []
    for i, raw in enumerate(data["waivers"]):
        where = ("waivers", i)
        if not isinstance(raw, dict):
            raise source.error(where, "a waiver is a mapping (rule, file, figure, reason, accepted_by …)")
        for key in ("rule", "file", "figure", "reason", "accepted_by"):
            if not isinstance(raw.get(key), (str, int, float)) or not str(raw.get(key)).strip():
                raise source.error(where + ((key,) if key in raw else ()), f"waiver: missing or empty '{key}'")
        unknown = set(raw) - {"rule", "file", "figure", "reason", "accepted_by", "date", *_PLACE}
        if unknown:
            key = sorted(unknown)[0]
            raise source.error(where + (key,), f"waiver: unknown key '{key}'")
        for key in ("table", "row", "col"):
            if raw.get(key) is not None and not isinstance(raw[key], str):
                raise source.error(where + (key,), f"waiver: '{key}' must be text, as the report prints it")
        for key in ("page", "line"):
            if raw.get(key) is not None and (not isinstance(raw[key], int) or isinstance(raw[key], bool)
                                             or raw[key] < 1):
                raise source.error(where + (key,), f"waiver: '{key}' must be a number from 1")
        try:
            file = _absolute(str(raw["file"]), path.parent)
        except PathError as exc:
            raise source.error(where + ("file",), f"waiver: {exc}") from None
        out.append(Waiver(
            rule=str(raw["rule"]), file=file, figure=str(raw["figure"]),
            table=raw.get("table"), row=raw.get("row"), col=raw.get("col"),
            page=raw.get("page"), line=raw.get("line"),
            reason=str(raw["reason"]), accepted_by=str(raw["accepted_by"]),
            origin=Location(_shown(path), line=source.line(where), column=5),
        ))
    return out


def apply_waivers(report: Report, waivers: list[Waiver], rules: RuleSet, not_checked_now: set[str] = frozenset()) -> None:
    """Move waived findings to ``report.waived``; report each waiver that matched nothing, except on
    files ``not_checked_now`` (results of an earlier run, whose waived findings may not be recorded)."""
    used: set[int] = set()
    for result in report.files:
        kept = []
        for v in result.violations:
            match = next((i for i, w in enumerate(waivers) if w.matches(v)), None)
            if match is None:
                kept.append(v)
            else:
                used.add(match)
                report.waived.append(v)
        result.violations = kept
    checked = {_absolute(f.path) for f in report.files if f.path not in not_checked_now}
    ran = {r.id for r in rules.rules}
    stale_rule = rules.get(STALE_RULE)
    for i, w in enumerate(waivers):
        if i in used or w.file not in checked or w.rule not in ran or stale_rule is None:
            continue  # a waiver for a file or rule not checked this time is not stale
        values = {"rule": w.rule, "file": os.path.relpath(w.file), "figure": w.figure, "reported": w.figure,
                  "computed": "", "difference": None}
        report.extra.append(Violation(
            rule=stale_rule.id, name=stale_rule.name, severity=stale_rule.severity.value,
            message=render(stale_rule.template(language()), values), file=w.origin.file,
            subject=FigureRef(w.origin, w.figure, w.table, w.row, w.col),
            reported=w.figure, computed=t("(no such finding)"),
        ))


_BASELINE = "baseline: "  # how a baseline's reasons begin, in the run's language
_BASELINE_PREFIXES = (ZH[_BASELINE], _BASELINE)  # either marks a reason no person wrote


def check_baseline_target(path: Path) -> None:
    """Refuse to write a baseline over a waiver file whose reasons people wrote (or over a file that is
    not a waiver file at all): a baseline is regenerated, reasons are not."""
    if not path.exists():
        return
    try:
        existing = load_waivers(path)
    except RuleError:
        raise OutputError(t("--write-waivers {file}: is not a waiver file; write the baseline elsewhere", file=path)) from None
    written = [w for w in existing if not w.reason.startswith(_BASELINE_PREFIXES)]
    if written:
        raise OutputError(t("--write-waivers {file}: {n} waiver(s) carry reasons people wrote (first at line {line}); "
                            "write the baseline elsewhere", file=path, n=len(written), line=written[0].origin.line))


def write_waivers(path: Path, violations: list[Violation]) -> None:
    """Write every finding as accepted: a baseline, to be reviewed and given reasons."""
    who = os.environ.get("BUDGETLINT_USER") or _user()
    today = datetime.date.today().isoformat()
    entries = []
    for v in violations:
        ref = v.subject
        entry = {"rule": v.rule, "file": os.path.relpath(_absolute(v.file), path.resolve().parent)}
        for key in ("table", "row", "col"):
            if getattr(ref, key) is not None:
                entry[key] = getattr(ref, key)
        if ref.table is None and ref.row is None:
            entry.update({k: getattr(ref.location, k) for k in ("page", "line") if getattr(ref.location, k)})
        entry.update({"figure": v.reported, "reason": t(_BASELINE) + v.message, "accepted_by": who, "date": today})
        entries.append(entry)
    header = ("# budgetlint waivers: findings accepted as they are. Review each reason before relying on it.\n"
              "# Written by `budgetlint check --write-waivers`; used with `--waivers` or `waivers = [...]` in the settings.\n")
    body = yaml.safe_dump({"waivers": entries}, allow_unicode=True, sort_keys=False, width=120)
    write_text(path, header + body)


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "baseline"
