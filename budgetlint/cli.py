"""The `budgetlint` command: typer commands only; the work happens in the modules they call."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from budgetlint import __version__
from budgetlint.cache import DocumentCache
from budgetlint.engine.pack import RuleSet, load_rules
from budgetlint.engine.yamlsource import RuleError
from budgetlint.lint import check_paths
from budgetlint.load import LoadError, load_document
from budgetlint.report import extract as extract_view
from budgetlint.report import rules_doc
from budgetlint.report.formats import Rendering, formats
from budgetlint.understand import understand

EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2
DEFAULT_JOBS = os.cpu_count() or 1

app = typer.Typer(
    name="budgetlint",
    help="Check Chinese budget disclosures (预算/决算公开): do the tables and the narrative add up?",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"


def _stdout() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _fail(message: str) -> typer.Exit:
    """Print a one-line error on stderr; the caller raises the returned exit."""
    Console(stderr=True, highlight=False, soft_wrap=True).print(f"budgetlint: error: {message}", markup=False)
    return typer.Exit(EXIT_ERROR)


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for raw in values or [] for v in raw.split(",") if v.strip()]


def _rules(extra: list[Path] | None, select: list[str] | None = None, ignore: list[str] | None = None) -> RuleSet:
    try:
        rules = load_rules(extra)
    except RuleError as exc:
        raise _fail(str(exc)) from None
    return rules.filtered(_split(select), _split(ignore))


def _version(value: bool) -> None:
    if value:
        print(f"budgetlint {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
) -> None:
    """budgetlint — a linter for budget disclosures."""


RulesOption = Annotated[
    Optional[list[Path]], typer.Option("--rules", help="An extra YAML rule pack (repeatable).", metavar="FILE")
]


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to check.", metavar="PATH...")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.TEXT,
    rules: RulesOption = None,
    select: Annotated[Optional[list[str]], typer.Option(help="Only these rules: ids, id prefixes (BL1) or names; comma-separated.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help="Skip these rules: ids, id prefixes or names; comma-separated.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes: files in parallel, or the pages of one long PDF.")] = DEFAULT_JOBS,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Parse every file again instead of using the cache.")] = False,
) -> None:
    """Check disclosures; exit 0 when clean, 1 on violations, 2 on a usage or input error."""
    ruleset = _rules(rules, select, ignore)
    report = check_paths(paths, ruleset, jobs=jobs, cache=None if no_cache else DocumentCache())
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    for error in report.errors:
        err.print(f"budgetlint: error: {error.path}: {error.message}", markup=False)
    rendering = Rendering(report, ruleset, color=sys.stdout.isatty(), width=_stdout().width)
    sys.stdout.write(formats()[format.value](rendering))
    if report.errors:
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_VIOLATIONS if report.violations else EXIT_CLEAN)


@app.command("rules")
def list_rules(rules: RulesOption = None) -> None:
    """List the rules: id, name, kind, severity and what each checks."""
    rules_doc.list_rules(_rules(rules), _stdout())


@app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(help="A rule id (BL101) or name.", metavar="RULE")],
    rules: RulesOption = None,
) -> None:
    """Explain one rule: what it checks, why, an example, its settings and message."""
    rule = _rules(rules).get(rule_id)
    if rule is None:
        raise _fail(f"no rule '{rule_id}' (see `budgetlint rules`)")
    rules_doc.explain(rule, _stdout())


@app.command()
def extract(
    path: Annotated[Path, typer.Argument(help="The file to show.", metavar="FILE")],
    facts: Annotated[bool, typer.Option("--facts/--no-facts", help="List each table's figures.")] = True,
    paragraphs: Annotated[bool, typer.Option("--paragraphs/--no-paragraphs", help="Print the narrative paragraphs too.")] = True,
) -> None:
    """Show what budgetlint read from a file, page by page: tables (kind, unit, columns, facts) and paragraphs."""
    try:
        document = load_document(path)
    except LoadError as exc:
        raise _fail(f"{path}: {exc}") from None
    extract_view.render(understand(document), _stdout(), show_facts=facts, show_paragraphs=paragraphs)
