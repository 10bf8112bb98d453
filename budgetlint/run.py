"""One `budgetlint check`: settings to rules, rules over the files, waivers, the exit code.

The command line only gathers flags and prints; what a check *does* is here, so
that it can be called (and tested) without a terminal.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from budgetlint.cache import DocumentCache
from budgetlint.config import PER_FILE, Setting, find_settings_file, resolve
from budgetlint.engine.pack import RuleSet, load_rules
from budgetlint.severity import Severity
from budgetlint.engine.yamlsource import RuleError
from budgetlint.i18n import t
from budgetlint.lint import check_paths
from budgetlint.report.result import Report
from budgetlint.resume import JsonlStream, finished_files
from budgetlint.results import rules_fingerprint
from budgetlint.waivers import apply_waivers, load_waivers
from budgetlint.workers import stop_on_signals


def ruleset(settings: dict[str, Setting]) -> RuleSet:
    """The built-in and extra packs, narrowed by select/ignore, with severities overridden."""
    rules = load_rules([Path(p) for p in settings["rules"].value])
    for key in ("select", "ignore"):  # a selector naming nothing would switch checks off without a word
        for prefix in settings[key].value or []:
            if not any(r.matches(prefix) for r in rules.rules):
                raise RuleError(t(settings[key].source), None,
                                t("{key}: no rule matches '{prefix}' (see `budgetlint rules`)", key=key, prefix=prefix))
    rules = rules.filtered(settings["select"].value, settings["ignore"].value)
    overrides: dict[str, Any] = settings["severity"].value
    for rule_id in overrides:
        if not any(r.matches(rule_id) for r in rules.rules):
            raise RuleError(t(settings["severity"].source), None, t("severity: no rule '{rule}' is in use", rule=rule_id))
    return replace(rules, fingerprint=rules_fingerprint(settings), rules=tuple(
        replace(r, severity=Severity(next(v for k, v in overrides.items() if r.matches(k))))
        if any(r.matches(k) for k in overrides) else r
        for r in rules.rules
    ))


class FolderRules:
    """Each checked file's rules: its nearest settings file's, with the command line's rule flags
    over them (ruff's hierarchy), so that `check b a/sub` and `check a/sub b` check alike.  One rule
    set per settings file, built once."""

    def __init__(self, flags: dict[str, Any], run_file: Path | None, run_rules: RuleSet):
        self.flags = {key: flags.get(key) for key in PER_FILE}
        self.by_file: dict[Path | None, RuleSet] = {run_file: run_rules}

    def __call__(self, path: Path) -> RuleSet:
        found = find_settings_file(path)
        key = found[0] if found else None
        if key not in self.by_file:
            self.by_file[key] = ruleset(resolve(found, self.flags))
        return self.by_file[key]

    def in_use(self) -> RuleSet:
        """Every rule some file was checked with: what a report documents."""
        first, *others = self.by_file.values()
        rules = {r.id: r for r in first.rules}
        for other in others:
            for rule in other.rules:
                rules.setdefault(rule.id, rule)
        return replace(first, rules=tuple(rules.values()))


def run_check(paths: list[str], settings: dict[str, Setting], rules: RuleSet,
              on_file: Callable[[str, int], None] | None = None, groups: list[list[str]] | None = None,
              rules_for: Callable[[Path], RuleSet] | None = None, scheduler: str | None = None,
              stream: Path | None = None, resume: bool = False, series: list[list[str]] | None = None) -> Report:
    """Check ``paths``; ``groups`` name files that are one disclosure; ``rules_for`` gives a file's
    rules when they depend on its folder (else ``rules`` for all); ``scheduler``: a Dask cluster's.
    With ``stream`` (a jsonl report file) each file's records are appended to it as it is checked;
    with ``resume`` the files it already records are not checked again (:mod:`budgetlint.resume`);
    ``series`` name disclosures of one agency to compare (:mod:`budgetlint.series`)."""
    waivers = [w for p in settings["waivers"].value for w in load_waivers(Path(p))]
    for w in waivers:  # a waiver of nothing would hide nothing now, and anything once the name is reused
        if w.rule not in rules.defined:
            raise RuleError(w.origin.file, w.origin.line, f"waiver: no rule '{w.rule}' (see `budgetlint rules`)")
        if not Path(w.file).is_file():
            raise RuleError(w.origin.file, w.origin.line, f"waiver: no file '{w.file}'")
    started = time.perf_counter()
    cache = DocumentCache() if settings["cache"].value else None
    grouped = [p for group in (groups or []) + (series or []) for p in group if p not in paths]
    finished = finished_files(stream) if stream is not None and resume else {}
    writer = JsonlStream(stream, resume) if stream is not None else None
    try:
        with stop_on_signals():
            report = check_paths(paths + list(dict.fromkeys(grouped)), rules, jobs=settings["jobs"].value,
                                 cache=cache, on_file=on_file, groups=groups, auto_group=settings["auto-group"].value,
                                 rules_for=rules_for, scheduler=scheduler, finished=finished,
                                 on_checked=writer.write if writer is not None else None,
                                 on_series=writer.write_violations if writer is not None else None, series=series)
    finally:
        if writer is not None:
            writer.close()
    apply_waivers(report, waivers, rules, not_checked_now=set(finished))
    report.seconds = round(time.perf_counter() - started, 3)
    return report
