"""The linter core: find the files, load, understand and check each, collect one report.

One broken file never stops a batch: its problem becomes an :class:`InputError`
and the other files are still checked.
"""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable

from budgetlint.cache import DocumentCache
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


def check_file(path: Path, rules: RuleSet, jobs: int = 1, cache: DocumentCache | None = None) -> FileResult:
    """Check one file; raises :class:`LoadError` when it cannot be read as a disclosure."""
    started = time.perf_counter()
    document = load_document(path, str(path), jobs=jobs, cache=cache)
    facts = understand(document, rules.kinds)
    violations = run_rules(rules, facts)
    return FileResult(
        path=str(path),
        pages=document.pages,
        tables=len(facts.tables),
        facts=sum(len(t.facts) for t in facts.tables),
        seconds=round(time.perf_counter() - started, 3),
        violations=violations,
    )


def _told(outcome: FileResult | InputError, on_file: Callable[[str], None] | None) -> FileResult | InputError:
    if on_file is not None:
        on_file(outcome.path)
    return outcome


def _checked(path: Path, rules: RuleSet, jobs: int, cache: DocumentCache | None) -> FileResult | InputError:
    try:
        return check_file(path, rules, jobs, cache)
    except LoadError as exc:
        return InputError(str(path), str(exc))
    except Exception as exc:  # a bug must not stop the batch; say which file and what
        return InputError(str(path), f"internal error: {type(exc).__name__}: {exc}")


_worker: tuple[RuleSet, DocumentCache | None] | None = None


def _start_worker(rules: RuleSet, cache: DocumentCache | None) -> None:
    global _worker
    _worker = (rules, cache)


def _check_in_worker(path: Path) -> FileResult | InputError:
    assert _worker is not None
    return _checked(path, _worker[0], 1, _worker[1])


def check_paths(paths: list[str], rules: RuleSet, jobs: int = 1, cache: DocumentCache | None = None,
                on_file: Callable[[str], None] | None = None) -> Report:
    """Check files and folders: many files in ``jobs`` processes, a single long PDF's pages
    in ``jobs`` processes.  Results come in the order of the files, whatever ``jobs`` is;
    ``on_file`` is told of each file as it is done (a progress bar)."""
    files, errors = discover(paths)
    report = Report(errors=errors)
    if jobs > 1 and len(files) > 1:
        with ProcessPoolExecutor(min(jobs, len(files)), initializer=_start_worker, initargs=(rules, cache)) as pool:
            outcomes = [_told(o, on_file) for o in pool.map(_check_in_worker, files)]
    else:
        outcomes = [_told(_checked(f, rules, jobs, cache), on_file) for f in files]
    for outcome in outcomes:
        (report.errors if isinstance(outcome, InputError) else report.files).append(outcome)
    report.errors.sort(key=lambda e: e.path)
    return report

