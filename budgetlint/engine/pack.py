"""Rule packs: YAML files of rules, the built-in ones and any given with ``--rules``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from budgetlint.checks import CHECKS
from budgetlint.checks.base import SeriesCheck
from budgetlint.engine.quantities import Quantity, Vocabulary, check_unique, parse_quantities
from budgetlint.engine.rule import QuantityRef, Rule, parse_rule
from budgetlint.engine.selectors import TableSelector, Side
from budgetlint.engine.yamlsource import RuleError, read_yaml
from budgetlint.understand.kinds import KindCatalogue, TableKind, builtin_kinds, builtin_rules_dir, parse_table_kinds

_SECTIONS = ("rules", "quantities", "table-kinds")


@dataclass(frozen=True)
class Pack:
    """What one pack file defines."""

    rules: list[Rule]
    quantities: list[Quantity]
    kinds: list[TableKind]


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
        raise source.error((key,), f"unknown top-level key '{key}' (use rules, quantities, table-kinds, description)")
    if not isinstance(data.get("rules", []), list):
        raise source.error(("rules",), "'rules' must be a list of rules")
    area, area_en = pack_area(data.get("description"), path)
    return Pack(
        rules=[replace(parse_rule(source, ("rules", i), CHECKS), area=area, area_en=area_en)
               for i in range(len(data.get("rules", [])))],
        quantities=parse_quantities(source, ("quantities",)) if "quantities" in data else [],
        kinds=parse_table_kinds(source, ("table-kinds",)) if "table-kinds" in data else [],
    )


def pack_area(description: object, path: Path) -> tuple[str, str]:
    """What a pack checks, in a few words, in Chinese and English: the leads of its description's
    lines (`表内勾稽（BL1xx）：…` / `Within-table arithmetic: …`), or the file's name where it has none."""
    lines = [line.strip() for line in description.splitlines() if line.strip()] if isinstance(description, str) else []
    chinese = next((line for line in lines if not line[0].isascii()), "")
    english = next((line for line in lines if line[0].isascii()), "")
    leads = [re.split(r"[（(：:]", line, maxsplit=1)[0].strip() for line in (chinese, english)]
    return leads[0] or leads[1] or path.stem, leads[1] or leads[0] or path.stem


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
    seen: dict[str, str] = {}
    for path in files + list(extra or []):
        display = f"rules/{path.name}" if path.parent == builtin else str(path)
        pack = load_pack(path, display)
        quantities.extend(pack.quantities)
        kinds = kinds.extended(pack.kinds)
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
    linked = [_link(rule, vocabulary) for rule in rules]
    return RuleSet(tuple(sorted(linked, key=lambda r: r.id)), vocabulary, kinds, frozenset(r.id for r in linked))
