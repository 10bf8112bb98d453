"""`budgetlint rules` and `budgetlint explain`: the rule documentation, from the rule packs."""

from __future__ import annotations

import yaml
from rich.console import Console
from rich.table import Table
from rich.text import Text

from budgetlint.checks import CHECKS
from budgetlint.engine.pack import RuleSet
from budgetlint.engine.rule import Rule
from budgetlint.i18n import language, t

_COMMON = ("id", "name", "title", "kind", "severity", "message", "description", "example")


def list_rules(rules: RuleSet, console: Console) -> None:
    table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
    table.add_column(t("rule"), no_wrap=True)
    table.add_column(t("name"), no_wrap=True)
    table.add_column(t("severity"), no_wrap=True)
    table.add_column(t("checks"), overflow="fold")
    for rule in rules.rules:
        table.add_row(rule.id, rule.shown_name(language()), t(rule.severity.value), rule.summary)
    console.print(table)


def explain(rule: Rule, console: Console) -> None:
    check = CHECKS[rule.kind]
    names = f"{rule.title}（{rule.name}）" if language() == "zh" and rule.title else rule.name
    console.print(Text(f"{rule.id} {names}", style="bold"))
    console.print(Text(t("kind: {kind} — {summary}", kind=rule.kind, summary=check.summary) if language() == "en"
                       else t("kind: {kind}", kind=rule.kind)))
    console.print(Text(t("severity: {severity}    defined at: {origin}", severity=t(rule.severity.value),
                         origin=rule.origin)))
    console.print()
    console.print(Text(rule.description))
    if rule.example:
        console.print()
        console.print(Text(t("Example"), style="bold"))
        console.print(Text(rule.example))
    settings = {k: v for k, v in rule.raw.items() if k not in _COMMON}
    if settings:
        console.print()
        console.print(Text(t("Settings"), style="bold"))
        console.print(Text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False, width=100).rstrip()))
    console.print()
    console.print(Text(t("Message"), style="bold"))
    console.print(Text(rule.template(language())))
