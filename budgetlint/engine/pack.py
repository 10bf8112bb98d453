"""Rule packs: YAML files of rules, the built-in ones and any given with ``--rules``."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Mapping

from budgetlint.checks import CHECKS
from budgetlint.checks.base import SeriesCheck
from budgetlint.engine.checklist_items import ChecklistEntry, parse_checklist
from budgetlint.engine.quantities import Quantity, Vocabulary, check_unique, parse_quantities
from budgetlint.engine.rule import QuantityRef, Rule, parse_rule
from budgetlint.engine.selectors import TableSelector, Side
from budgetlint.engine.yamlsource import RuleError, read_yaml
from budgetlint.understand.kinds import KindCatalogue, TableKind, builtin_kinds, builtin_rules_dir, parse_table_kinds
from budgetlint.understand.sections import Section, parse_sections

_SECTIONS = ("rules", "quantities", "table-kinds", "sections", "checklist")


@dataclass(frozen=True)
class Pack:
    """What one pack file defines."""

    rules: list[Rule]
    quantities: list[Quantity]
    kinds: list[TableKind]
    sections: list[Section] = field(default_factory=list)
    checklist: dict[str, tuple[ChecklistEntry, ...]] = field(default_factory=dict)


def load_pack(path: Path, display: str | None = None) -> Pack:
    """The rules, quantities and table kinds of one pack file."""
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleError(name, None, "rule file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(name, None, f"cannot read rule file: {exc}") from None
    source = read_yaml(text, name)
    data = source.data
    if not isinstance(data, dict) or not any(key in data for key in _SECTIONS):
        raise source.error((), "a rule pack is a mapping with a 'rules:' list (or 'quantities:', 'table-kinds:')")
    unknown = set(data) - {*_SECTIONS, "description"}
    if unknown:
        key = sorted(unknown)[0]
        raise source.error((key,), f"unknown top-level key '{key}' (use {', '.join(_SECTIONS)}, description)")
    if not isinstance(data.get("rules", []), list):
        raise source.error(("rules",), "'rules' must be a list of rules")
    return Pack(
        rules=[parse_rule(source, ("rules", i), CHECKS) for i in range(len(data.get("rules", [])))],
        quantities=parse_quantities(source, ("quantities",)) if "quantities" in data else [],
        kinds=parse_table_kinds(source, ("table-kinds",)) if "table-kinds" in data else [],
        sections=parse_sections(source, ("sections",)) if "sections" in data else [],
        checklist=parse_checklist(source, ("checklist",)) if "checklist" in data else {},
    )


def _link(rule: Rule, vocabulary: Vocabulary) -> Rule:
    """Replace the quantity ids a rule names by the quantities themselves."""
    params = dict(rule.params)
    for key, value in rule.params.items():
        if not isinstance(value, QuantityRef):
            continue
        if value.every:
            params[key] = vocabulary
            continue
        found = []
        for qid in value.ids:
            quantity = vocabulary.get(qid)
            if quantity is None:
                file = rule.origin.rsplit(":", 1)[0]
                raise RuleError(file, rule.lines.get(key), f"rule {rule.id}: key '{key}': unknown quantity '{qid}'")
            found.append(quantity)
        params[key] = tuple(found)
    return replace(rule, params=params)


def _selectors(value: object):
    """Every table selector inside a rule parameter (sides, lists of them, quantities)."""
    if isinstance(value, TableSelector):
        yield value
    elif isinstance(value, Side):
        yield value.tables
    elif isinstance(value, Quantity):
        for side in value.sides:
            yield side.tables
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _selectors(item)


def _check_kinds(origin: str, line: int | None, what: str, value: object, kinds: KindCatalogue) -> None:
    """A rule or quantity naming a table kind no pack defines is an error at its line."""
    file, defined_at = origin.rsplit(":", 1)
    for selector in _selectors(value):
        for kind_id in selector.kinds:
            if kinds.get(kind_id) is None:
                raise RuleError(file, line or int(defined_at),
                                f"{what}: unknown table kind '{kind_id}' (known: {', '.join(kinds.ids)})")


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    vocabulary: Vocabulary = Vocabulary()
    kinds: KindCatalogue = field(default_factory=builtin_kinds)
    defined: frozenset[str] = frozenset()  # every rule id the packs define, selected or not
    sections: tuple[Section, ...] = ()  # the parts of the text a checklist has an item for
    checklist: Mapping[str, tuple[ChecklistEntry, ...]] = field(default_factory=dict)  # by kind of disclosure
    fingerprint: str = ""  # of the settings it was built from (:mod:`budgetlint.results`); "": not cached

    @property
    def compares_disclosures(self) -> bool:
        """Whether a rule compares disclosures with each other (budgetlint.series): only then does a
        check leave a ledger of its figures, and a run form series."""
        return any(isinstance(CHECKS[r.kind], SeriesCheck) for r in self.rules)

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id.upper() or r.name == rule_id), None)

    def filtered(self, select: list[str] | None, ignore: list[str] | None) -> RuleSet:
        """The rules ``--select`` names (all when none) minus those ``--ignore`` names."""
        chosen = [r for r in self.rules
                  if (not select or any(r.matches(p) for p in select))
                  and not any(r.matches(p) for p in ignore or [])]
        return replace(self, rules=tuple(chosen))


def load_rules(extra: list[Path] | None = None) -> RuleSet:
    """The built-in packs, then the extra files; a rule id may be defined once."""
    builtin = builtin_rules_dir()
    files = sorted(builtin.glob("*.yaml"))
    if not files:
        raise RuleError(str(builtin), None, "no built-in rule packs found (broken installation)")
    rules: list[Rule] = []
    quantities: list[Quantity] = []
    kinds = KindCatalogue(())
    sections: dict[str, Section] = {}
    checklist: dict[str, tuple[ChecklistEntry, ...]] = {}
    items: set[str] = set()  # every item any pack names (a province's checklist may replace the built-in one)
    seen: dict[str, str] = {}
    for path in files + list(extra or []):
        display = f"rules/{path.name}" if path.parent == builtin else str(path)
        pack = load_pack(path, display)
        quantities.extend(pack.quantities)
        kinds = kinds.extended(pack.kinds)
        sections.update((s.id, s) for s in pack.sections)  # a later pack's section replaces one of its id
        checklist.update((kind, _located(entries, display)) for kind, entries in pack.checklist.items())
        items.update(e.item for entries in pack.checklist.values() for e in entries)
        for rule in pack.rules:
            if rule.id in seen:
                file, line = rule.origin.rsplit(":", 1)
                raise RuleError(file, int(line), f"rule {rule.id} is already defined at {seen[rule.id]}")
            seen[rule.id] = rule.origin
            rules.append(rule)
    vocabulary = check_unique(quantities)
    for quantity in quantities:
        _check_kinds(quantity.origin, None, f"quantity {quantity.id}", quantity, kinds)
    for rule in rules:
        for key, value in rule.params.items():
            _check_kinds(rule.origin, rule.lines.get(key), f"rule {rule.id}: key '{key}'", value, kinds)
    _check_checklist(checklist, items, sections, kinds, rules)
    linked = [_link(rule, vocabulary) for rule in rules]
    return RuleSet(tuple(sorted(linked, key=lambda r: r.id)), vocabulary, kinds, frozenset(r.id for r in linked),
                   tuple(sections.values()), checklist)


def _located(entries: tuple[ChecklistEntry, ...], file: str) -> tuple[ChecklistEntry, ...]:
    return tuple(replace(e, file=file) for e in entries)


def _check_checklist(checklist: dict[str, tuple[ChecklistEntry, ...]], names: set[str], sections: dict[str, Section],
                     kinds: KindCatalogue, rules: list[Rule]) -> None:
    """A checklist item names sections and table kinds some pack defines; a rule's ``item`` is the name of an
    item some pack's checklist has (``names``)."""
    for entries in checklist.values():
        for entry in entries:
            if entry.section and entry.section not in sections:
                raise RuleError(entry.file, entry.line, f"checklist item {entry.item}: unknown section '{entry.section}' "
                                                        f"(known: {', '.join(sections)})")
            unknown = [k for k in entry.kinds + entry.also if kinds.get(k) is None]
            if unknown:
                raise RuleError(entry.file, entry.line, f"checklist item {entry.item}: unknown table kind '{unknown[0]}'")
    for rule in rules:
        if rule.item and rule.item not in names:
            file = rule.origin.rsplit(":", 1)[0]
            raise RuleError(file, rule.lines.get("item"), f"rule {rule.id}: key 'item': no checklist item is named "
                                                          f"'{rule.item}' (known: {', '.join(sorted(names))})")
