"""Rule packs: YAML files of rules, the built-in ones and any given with ``--rules``."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from budgetlint.checks import CHECKS
from budgetlint.engine.quantities import Quantity, Vocabulary, check_unique, parse_quantities
from budgetlint.engine.rule import QuantityRef, Rule, parse_rule
from budgetlint.engine.yamlsource import RuleError, read_yaml


def builtin_rules_dir() -> Path:
    """The built-in packs: inside the installed package, or at the top of a source checkout."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "rules"
    return packaged if packaged.is_dir() else package.parent / "rules"


def load_pack(path: Path, display: str | None = None) -> tuple[list[Rule], list[Quantity]]:
    """The rules and quantities of one pack file."""
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleError(name, None, "rule file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(name, None, f"cannot read rule file: {exc}") from None
    source = read_yaml(text, name)
    data = source.data
    if not isinstance(data, dict) or "rules" not in data:
        raise source.error((), "a rule pack is a mapping with a 'rules:' list")
    unknown = set(data) - {"rules", "quantities", "description"}
    if unknown:
        key = sorted(unknown)[0]
        raise source.error((key,), f"unknown top-level key '{key}' (use rules, quantities, description)")
    if not isinstance(data["rules"], list):
        raise source.error(("rules",), "'rules' must be a list of rules")
    rules = [parse_rule(source, ("rules", i), CHECKS) for i in range(len(data["rules"]))]
    quantities = parse_quantities(source, ("quantities",)) if "quantities" in data else []
    return rules, quantities


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


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    vocabulary: Vocabulary = Vocabulary()

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id.upper() or r.name == rule_id), None)

    def filtered(self, select: list[str] | None, ignore: list[str] | None) -> RuleSet:
        """The rules ``--select`` names (all when none) minus those ``--ignore`` names."""
        chosen = [r for r in self.rules
                  if (not select or any(r.matches(p) for p in select))
                  and not any(r.matches(p) for p in ignore or [])]
        return RuleSet(tuple(chosen), self.vocabulary)


def load_rules(extra: list[Path] | None = None) -> RuleSet:
    """The built-in packs, then the extra files; a rule id may be defined once."""
    builtin = builtin_rules_dir()
    files = sorted(builtin.glob("*.yaml"))
    if not files:
        raise RuleError(str(builtin), None, "no built-in rule packs found (broken installation)")
    rules: list[Rule] = []
    quantities: list[Quantity] = []
    seen: dict[str, str] = {}
    for path in files + list(extra or []):
        display = f"rules/{path.name}" if path.parent == builtin else str(path)
        pack_rules, pack_quantities = load_pack(path, display)
        quantities.extend(pack_quantities)
        for rule in pack_rules:
            if rule.id in seen:
                file, line = rule.origin.rsplit(":", 1)
                raise RuleError(file, int(line), f"rule {rule.id} is already defined at {seen[rule.id]}")
            seen[rule.id] = rule.origin
            rules.append(rule)
    vocabulary = check_unique(quantities)
    linked = [_link(rule, vocabulary) for rule in rules]
    return RuleSet(tuple(sorted(linked, key=lambda r: r.id)), vocabulary)
