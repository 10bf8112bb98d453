"""Rules as data: the fields every rule has, and how a rule's YAML is validated.

A rule is a mapping in a rule pack::

    - id: BL101
      name: total-row
      kind: table-total
      severity: error
      tables: [gpb_expense, expense_summary]
      message: "{table}「{column}」列：{row} {reported}，明细相加 {computed}（差 {difference}）"
      message_en: "「{table}」, column 「{column}」: 「{row}」 {reported}, the items add up to {computed} …"
      description: |
        What it checks and why.
      example: |
        A small example.

``kind`` names a check (see :mod:`budgetlint.checks`) and decides which other keys
the rule may have; each is validated here with the file and line of the key.  A text a
finding prints (``message``, a wording rule's ``expected``) may have an English twin
(``message_en``, ``expected_en``), used with ``--lang en``.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from budgetlint.engine.yamlsource import Source
from budgetlint.severity import Severity

RULE_ID = re.compile(r"^[A-Z]{2,5}\d{3}$")
RULE_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Field:
    """A kind-specific rule key: how to parse it, whether it must be given, what it means."""

    parse: Callable[[Any], Any]
    doc: str
    required: bool = False
    default: Any = None
    translated: bool = False  # printed in findings: ``<key>_en`` may give its English


@dataclass(frozen=True)
class QuantityRef:
    """Quantity ids named by a rule, resolved once every pack's vocabulary is read."""

    ids: tuple[str, ...] = ()
    every: bool = False  # the whole vocabulary


def parse_quantity_ids(value: Any) -> QuantityRef:
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(v, str) and v.strip() for v in items):
        raise ValueError("name quantities by id, e.g. basic_expense or [personnel, public_expense]")
    return QuantityRef(tuple(v.strip() for v in items))


EVERY_QUANTITY = QuantityRef(every=True)
NO_QUANTITY = QuantityRef(())


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    kind: str
    severity: Severity
    message: str
    description: str
    example: str
    params: Mapping[str, Any]
    origin: str  # file:line where the rule is defined
    raw: Mapping[str, Any]  # the rule as written, for `budgetlint explain`
    lines: Mapping[str, int]  # the line of each key, for errors found after loading
    documents: tuple[str, ...] = ()  # the disclosures it holds for (budget, final); all when empty
    message_en: str = ""  # the message in English; the Chinese one when not given
    title: str = ""  # its name in Chinese (`合计行`), as Chinese reports show it; ``name`` is the English one
    item: str = ""  # the checklist item its findings belong to, wherever they are (目录 for the contents rules)

    def template(self, language: str) -> str:
        """The message template in ``language`` (``zh`` or ``en``)."""
        return self.message_en if language == "en" and self.message_en else self.message

    def text(self, key: str, language: str) -> str:
        """A translated field (a wording rule's ``expected``) in ``language``."""
        english = self.params.get(f"{key}_en")
        return english if language == "en" and english else self.params[key]

    def applies_to(self, kind: str | None) -> bool:
        """Whether the rule runs on a disclosure of this kind (``None``: not known, so only
        rules that hold for every disclosure run)."""
        return not self.documents or kind in self.documents

    @property
    def paragraphs(self) -> list[str]:
        """The description's paragraphs, unwrapped (the YAML wraps them at about 40 characters)."""
        return unwrap(self.description)

    @property
    def summary(self) -> str:
        """The description's first sentence: what the rule checks, in one line."""
        first = self.paragraphs[0]
        end = first.find("。")
        return first[: end + 1] if end >= 0 else first

    def shown_name(self, language: str) -> str:
        """How a report in ``language`` names the rule: its Chinese title, or its English name."""
        return self.title if language == "zh" and self.title else self.name

    def matches(self, prefix: str) -> bool:
        """Whether ``--select``/``--ignore`` ``prefix`` names this rule (`ALL`, `BL1`, `BL101`, a name, a title)."""
        return prefix == "ALL" or self.id.startswith(prefix) or prefix == self.name or bool(self.title) and prefix == self.title


_COMMON = ("id", "name", "title", "kind", "severity", "message", "message_en", "description", "example", "documents",
           "item")
DOCUMENT_KINDS = ("budget", "final")


def _cjk_punctuation(c: str) -> bool:
    return not c.isascii() and unicodedata.category(c).startswith("P")


def unwrap(text: str) -> list[str]:
    """Paragraphs of wrapped text, each on one line.  A space stays only where the wrap fell
    next to a Latin word or number (Chinese text has none between characters)."""
    paragraphs = []
    for paragraph in text.split("\n\n"):
        joined = ""
        for line in (line.strip() for line in paragraph.splitlines()):
            ends = (joined[-1:], line[:1])
            if joined and line and any(c.isascii() for c in ends) and not any(map(_cjk_punctuation, ends)):
                joined += " "
            joined += line
        paragraphs.append(joined)
    return paragraphs


def template_fields(template: str) -> list[str]:
    """The placeholders of a message template; ValueError when it is not a plain template."""
    fields = []
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise ValueError(f"placeholder {{{name}}} must be a plain name like {{table}}")
        fields.append(name)
    return fields


class _Blank(dict):
    """Template values where a placeholder the finding did not fill prints as nothing."""

    def __missing__(self, key: str) -> str:
        return ""


def render(template: str, values: Mapping[str, Any]) -> str:
    return template.format_map(_Blank({k: ("" if v is None else v) for k, v in values.items()}))


def parse_rule(source: Source, path: tuple, checks: Mapping[str, Any]) -> Rule:
    """Validate the rule mapping at ``path`` of ``source`` against the check of its kind."""
    raw = source.data
    for key in path:
        raw = raw[key]
    if not isinstance(raw, dict):
        raise source.error(path, "a rule must be a mapping of keys (id, name, kind, …)")

    def text(key: str, required: bool = True) -> str:
        value = raw.get(key)
        if value is None:
            if required:
                raise source.error(path, f"rule {raw.get('id', '?')}: missing key '{key}'")
            return ""
        if not isinstance(value, str) or not value.strip():
            raise source.error(path + (key,), f"key '{key}': must be a non-empty string")
        return value.strip()

    rule_id = text("id")
    if not RULE_ID.match(rule_id):
        raise source.error(path + ("id",), f"key 'id': '{rule_id}' is not a rule id like BL101")
    where = f"rule {rule_id}"
    name = text("name")
    if not RULE_NAME.match(name):
        raise source.error(path + ("name",), f"{where}: key 'name': use lower-case words joined by '-'")
    kind = text("kind")
    check = checks.get(kind)
    if check is None:
        known = ", ".join(sorted(checks))
        raise source.error(path + ("kind",), f"{where}: key 'kind': unknown kind '{kind}' (known: {known})")
    severity_text = raw.get("severity", "error")
    try:
        severity = Severity(severity_text)
    except ValueError:
        raise source.error(path + ("severity",), f"{where}: key 'severity': must be error, warning or info") from None
    message = text("message", required=False) or check.default_message
    message_en = text("message_en", required=False) or ("" if raw.get("message") else check.default_message_en)
    for key, template in (("message", message), ("message_en", message_en)):
        try:
            unknown = [f for f in template_fields(template) if f not in check.variables]
        except ValueError as exc:
            raise source.error(path + (key,), f"{where}: key '{key}': {exc}") from None
        if unknown:
            allowed = ", ".join("{" + v + "}" for v in check.variables)
            raise source.error(path + (key,), f"{where}: key '{key}': unknown placeholder {{{unknown[0]}}} (allowed: {allowed})")

    params: dict[str, Any] = {}
    fields = {**check.fields, **{f"{key}_en": Field(spec.parse, f"{spec.doc}, in English")
                                 for key, spec in check.fields.items() if spec.translated}}
    for key in raw:
        if key not in _COMMON and key not in fields:
            allowed = ", ".join(list(_COMMON) + list(fields))
            raise source.error(path + (key,), f"{where}: unknown key '{key}' for kind {kind} (allowed: {allowed})")
    for key, spec in fields.items():
        if key not in raw:
            if spec.required:
                raise source.error(path, f"{where}: missing key '{key}' ({spec.doc})")
            params[key] = spec.default
            continue
        try:
            params[key] = spec.parse(raw[key])
        except (ValueError, TypeError) as exc:
            raise source.error(path + (key,), f"{where}: key '{key}': {exc}") from None
    documents = raw.get("documents", [])
    documents = [documents] if isinstance(documents, str) else documents
    if not isinstance(documents, list) or not all(d in DOCUMENT_KINDS for d in documents):
        raise source.error(path + ("documents",), f"{where}: key 'documents': list budget and/or final")
    return Rule(
        id=rule_id,
        name=name,
        kind=kind,
        severity=severity,
        message=message,
        message_en=message_en,
        description=text("description"),
        example=text("example", required=False),
        params=params,
        origin=f"{source.file}:{source.line(path)}",
        raw=raw,
        lines={key: source.line(path + (key,)) for key in raw},
        documents=tuple(documents),
        item=text("item", required=False),
        title=text("title", required=False),
    )
