"""The linter core: find the files, load, understand and check each, collect one report.

One broken file never stops a batch: its problem becomes an :class:`InputError`
and the other files are still checked.
"""

from __future__ import annotations

import time
from pathlib import Path

from budgetlint.engine.pack import RuleSet
from budgetlint.engine.runner import run_rules
from budgetlint.load import LoadError, load_document
from budgetlint.report.result import FileResult, InputError, Report
from budgetlint.understand import understand

# Folders are searched for these; a file named on the command line is checked whatever its name.
DISCOVERED_SUFFIXES = frozenset({".txt", ".pdf"})


def discover(paths: list[str]) -> tuple[list[Path], list[InputError]]:
    """The files to check, in a stable order, and the paths that name nothing checkable."""
    files: list[Path] = []
    errors: list[InputError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DISCOVERED_SUFFIXES)
            if not found:
                errors.append(InputError(raw, "no .txt or .pdf files in this folder"))
            files.extend(found)
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            errors.append(InputError(raw, "no such file or folder"))
    unique = list(dict.fromkeys(files))
    return unique, errors


def check_file(path: Path, rules: RuleSet) -> FileResult:
    """Check one file; raises :class:`LoadError` when it cannot be read as a disclosure."""
    started = time.perf_counter()
    document = load_document(path, str(path))
    facts = understand(document)
    violations = run_rules(rules, facts)
    return FileResult(
        path=str(path),
        pages=document.pages,
        tables=len(facts.tables),
        facts=sum(len(t.facts) for t in facts.tables),
        seconds=round(time.perf_counter() - started, 3),
        violations=violations,
    )


def check_paths(paths: list[str], rules: RuleSet) -> Report:
    files, errors = discover(paths)
    report = Report(errors=errors)
    for path in files:
        try:
            report.files.append(check_file(path, rules))
        except LoadError as exc:
            report.errors.append(InputError(str(path), str(exc)))
        except Exception as exc:  # a bug must not stop the batch; say which file and what
            report.errors.append(InputError(str(path), f"internal error: {type(exc).__name__}: {exc}"))
    report.errors.sort(key=lambda e: e.path)
    return report

