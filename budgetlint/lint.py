"""The linter core: group the files found into disclosures, load, understand and check each.

One broken file never stops a batch: its problem becomes an :class:`InputError`
and the other files (of its disclosure too) are still checked.
"""

from __future__ import annotations

import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable, Iterator

from budgetlint.cache import DocumentCache
from budgetlint.disclosure import Part, group_files
from budgetlint.discovery import discover
from budgetlint.engine.pack import RuleSet
from budgetlint.engine.runner import run_rules
from budgetlint.i18n import language, t
from budgetlint.load import LoadError, load_document, read_bytes
from budgetlint.model import Document, combine
from budgetlint.report.result import FileResult, InputError, Posting, Report, TableSeen, Violation
from budgetlint.results import ResultCache
from budgetlint.series.checking import check_series
from budgetlint.series.ledger import ledger
from budgetlint.understand.reading import understand
from budgetlint.understand.model import DocumentFacts, Fact
from budgetlint.workers import Interrupted, process_pool

Outcome = FileResult | InputError

def _result(document: Document, facts: DocumentFacts, seconds: float, members: list[Document], violations,
            checked: set[Fact], postings: tuple[Posting, ...]) -> FileResult:
    """What a check found in one file of a disclosure, and how much of its tables it checked."""
    own = [t for t in facts.tables if t.table.location.file == document.path]
    return FileResult(
        path=document.path,
        pages=document.pages,
        tables=len(own),
        facts=sum(len(t.facts) for t in own),
        seconds=round(seconds, 3),
        violations=[v for v in violations if v.file == document.path],
        identity=facts.identity,
        disclosure=tuple(d.path for d in members) if len(members) > 1 else (),
        tables_seen=tuple(TableSeen(t.name, t.kind.id if t.kind else None, t.table.location.page,
                                    len(t.facts) if t.kind is None or t.kind.amounts else 0,
                                    sum(f in checked for f in t.facts), t.understood) for t in own),
        ledger=tuple(p for p in postings if p.ref.location.file == document.path),
        sections_seen=tuple(s for s in facts.sections if s.location.file == document.path),
    )


def describe(path: Path, rules: RuleSet, cache: DocumentCache | None = None) -> Part | None:
    """What a file says it is, before it is checked (its identity, whether it has tables and text),
    for grouping files into disclosures by what they are; ``None`` when it cannot be read (the check
    says why)."""
    try:
        document = load_document(path, str(path), cache=cache)
    except LoadError:
        return None
    facts = understand(document, rules.kinds)
    return Part(str(path), facts.identity, bool(facts.tables), bool(facts.narrative.amounts))


def check_disclosure(paths: list[Path], rules: RuleSet, jobs: int = 1,
                     cache: DocumentCache | None = None, read: Callable[[Path], bytes] = read_bytes) -> list[Outcome]:
    """Check the files of one disclosure together: cross-table, narrative and contents rules
    see all of them; each finding is reported in the file where its figure is.  ``read`` gives a
    file's bytes (see :func:`budgetlint.load.load_document`)."""
    outcomes: dict[Path, Outcome] = {}
    documents: list[Document] = []
    loading: dict[str, float] = {}
    for path in paths:
        started = time.perf_counter()
        try:
            documents.append(load_document(path, str(path), jobs=jobs, cache=cache, read=read))
        except LoadError as exc:
            outcomes[path] = InputError(str(path), str(exc))
        loading[str(path)] = time.perf_counter() - started
    if documents:
        started = time.perf_counter()
        try:
            facts = understand(combine(documents), rules.kinds, rules.sections)
            checked: set[Fact] = set()
            violations = run_rules(rules, facts, checked)
            postings = ledger(facts, rules.vocabulary) if rules.compares_disclosures else ()
        except Exception as exc:  # a bug must not stop the batch; say which files and what
            for document in documents:
                outcomes[Path(document.path)] = InputError(document.path, internal_error(exc))
        else:
            checking = time.perf_counter() - started
            for i, document in enumerate(documents):
                seconds = loading[document.path] + (checking if i == 0 else 0.0)
                outcomes[Path(document.path)] = _result(document, facts, seconds, documents, violations, checked,
                                                          postings)
    return [outcomes[p] for p in paths]


def internal_error(exc: Exception) -> str:
    """The one line for a bug met while checking a file (the batch goes on)."""
    return t("internal error: {error}", error=f"{type(exc).__name__}: {exc}")


def check_file(path: Path, rules: RuleSet, jobs: int = 1, cache: DocumentCache | None = None) -> FileResult:
    """Check one file as a disclosure of its own; raises :class:`LoadError` when it cannot be read."""
    (outcome,) = check_disclosure([path], rules, jobs, cache)
    if isinstance(outcome, InputError):
        raise LoadError(outcome.message)
    return outcome


def checked(group: list[Path], rules: RuleSet, jobs: int, cache: DocumentCache | None,
            read: Callable[[Path], bytes] = read_bytes) -> list[Outcome]:
    """:func:`check_disclosure`, where even a bug gives the files' outcomes rather than stopping a batch;
    with a cache, a disclosure checked before with the same rules is served from its results."""
    try:
        if cache is None or not rules.fingerprint:
            return check_disclosure(group, rules, jobs, cache, read)
        return _checked_once(group, rules, jobs, cache, read)
    except Exception as exc:  # a bug must not stop the batch; say which files and what
        return [InputError(str(p), internal_error(exc)) for p in group]


def _checked_once(group: list[Path], rules: RuleSet, jobs: int, cache: DocumentCache,
                  read: Callable[[Path], bytes]) -> list[Outcome]:
    results = ResultCache(cache.directory)
    try:
        contents = {path: read(path) for path in group}
    except LoadError:  # the check says which file, and why
        return check_disclosure(group, rules, jobs, cache, read)
    key = results.key([(str(p), data) for p, data in contents.items()], rules.fingerprint, language())
    stored = results.get(key, [str(p) for p in group])
    if stored is not None:
        return list(stored)
    outcomes = check_disclosure(group, rules, jobs, cache, contents.__getitem__)  # the bytes the key names
    if all(isinstance(o, FileResult) for o in outcomes):
        results.put(key, outcomes)
    return outcomes


_worker_cache: DocumentCache | None = None


def _start_worker(cache: DocumentCache | None) -> None:
    global _worker_cache
    _worker_cache = cache


def _check_in_worker(group: list[Path], rules: RuleSet) -> list[Outcome]:
    return checked(group, rules, 1, _worker_cache)


def _outcomes(disclosures: list[list[Path]], rulesets: list[RuleSet], jobs: int,
              cache: DocumentCache | None, scheduler: str | None = None) -> Iterator[list[Outcome]]:
    """Each disclosure's outcomes, in order; a disclosure whose worker died is named, not lost."""
    if scheduler is not None:
        from budgetlint.cluster import outcomes_on_cluster

        yield from outcomes_on_cluster(scheduler, disclosures, rulesets, cache is not None)
    elif jobs > 1 and len(disclosures) > 1:
        with process_pool(min(jobs, len(disclosures)), _start_worker, (cache,)) as pool:
            futures = [pool.submit(_check_in_worker, group, rules) for group, rules in zip(disclosures, rulesets)]
            for group, future in zip(disclosures, futures):
                try:
                    yield future.result()
                except BrokenProcessPool:
                    yield [InputError(str(p), t("not checked: a worker process died (killed, or out of memory)"))
                           for p in group]
    else:
        for group, rules in zip(disclosures, rulesets):
            yield checked(group, rules, jobs, cache)


def check_paths(paths: list[str], rules: RuleSet, jobs: int = 1, cache: DocumentCache | None = None,
                on_file: Callable[[str, int], None] | None = None, groups: list[list[str]] | None = None,
                auto_group: bool = True, rules_for: Callable[[Path], RuleSet] | None = None,
                scheduler: str | None = None, finished: dict[str, FileResult] | None = None,
                on_checked: Callable[[list[Outcome]], None] | None = None,
                on_series: Callable[[list[Violation]], None] | None = None,
                series: list[list[str]] | None = None) -> Report:
    """Check files and folders: disclosures in ``jobs`` processes, a single long PDF's pages
    in ``jobs`` processes.  Results come in the order of the files, whatever ``jobs`` is;
    ``on_file`` is told of each file as it is done, and of how many there are (a progress bar).  ``groups`` name files
    that are one disclosure; with ``auto_group``, files whose names show they are parts of
    one disclosure are grouped too (see :mod:`budgetlint.disclosure`).  ``rules_for`` gives the
    rules of a disclosure by its first file (settings per folder); without it, ``rules`` for all.
    With a ``scheduler`` (a Dask scheduler's address) the disclosures are checked on that cluster
    instead of in local processes; the report is the same.  A disclosure all of whose files are
    ``finished`` (a resumed run) is not checked again: its results are reported in its place;
    ``on_checked`` is given the outcomes of each disclosure checked now, in order, and ``on_series``
    the findings of the cross-document rules, once all are checked (:mod:`budgetlint.series`); ``series``
    name files whose disclosures are one agency's, whatever their covers call it.  When the run is
    interrupted (:class:`~budgetlint.workers.Interrupted`), what finished is reported and each
    file not checked is named as an error."""
    files, errors, skipped = discover(paths)
    report = Report(errors=errors, skipped=skipped)
    explicit = [[Path(p) for p in group] for group in groups or []]
    disclosures = group_files(files, explicit, auto_group)
    rulesets = [rules_for(group[0]) if rules_for else rules for group in disclosures]  # a bad settings file stops us here
    finished = finished or {}
    pending = [i for i, group in enumerate(disclosures) if not all(str(p) in finished for p in group)]
    checking = _outcomes([disclosures[i] for i in pending], [rulesets[i] for i in pending], jobs, cache, scheduler)
    done = 0
    try:
        for group in disclosures:
            if all(str(p) in finished for p in group):
                outcomes: list[Outcome] = [finished[str(p)] for p in group]
            else:
                outcomes = next(checking)
                if on_checked is not None:
                    on_checked(outcomes)
            for outcome in outcomes:
                if on_file is not None:
                    on_file(outcome.path, len(files))
                (report.errors if isinstance(outcome, InputError) else report.files).append(outcome)
            done += 1
    except Interrupted as exc:
        report.interrupted = exc.signum
        report.errors += [InputError(str(p), t("not checked: the run was interrupted ({signal})", signal=exc))
                          for group in disclosures[done:] for p in group]
    finally:
        checking.close()  # stops the workers at once, whatever ended the loop
    rules_of = {str(p): ruleset for group, ruleset in zip(disclosures, rulesets) for p in group}
    added = check_series(report, rules_of.__getitem__, series or [])
    if on_series is not None and added:
        on_series(added)
    report.errors.sort(key=lambda e: e.path)
    return report
