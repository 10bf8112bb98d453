"""The vocabulary of quantities a narrative names: 收入总计, 基本支出, 公务接待费 …

A rule pack may define ``quantities:``.  Each has an id, a name, the labels the
narrative uses for it (patterns over the normalised label: no spaces, numbering,
subject or time words) and the places in the tables that print it (sides, as in
cross-table rules).  Narrative rules use the vocabulary to know what an amount is
and where the tables state it; breakdown rules name their total and parts by id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from budgetlint.engine.regex_safety import compile_safe
from budgetlint.engine.selectors import Side, parse_side
from budgetlint.engine.yamlsource import RuleError, Source
from budgetlint.textnorm import label_key
from budgetlint.understand.model import DocumentFacts, Fact
from budgetlint.understand.statements import Amount

QUANTITY_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Quantity:
    id: str
    name: str
    kind: str  # money or count
    labels: tuple[re.Pattern[str], ...]
    sides: tuple[Side, ...]
    origin: str

    def cells(self, doc: DocumentFacts) -> list[Fact]:
        """Every figure the tables print for this quantity (found once a document)."""
        key = ("cells", id(self))
        if key not in doc.memo:
            doc.memo[key] = [f for side in self.sides for table in side.select(doc) for f in side.cells(table)]
        return doc.memo[key]

    def readings(self, doc: DocumentFacts) -> list[tuple[Fact, ...]]:
        """Every figure the tables print for this quantity, and what each may stand for with its
        side's readings (its 上年结转 part added, where the side says so); found once a document."""
        key = ("readings", id(self))
        if key not in doc.memo:
            doc.memo[key] = [reading for side in self.sides for table in side.select(doc) for f in side.cells(table)
                             for reading in side.readings(f)]
        return doc.memo[key]


_REMEMBERED = 50_000  # labels named, kept for the next time they are met


@dataclass(frozen=True)
class Vocabulary:
    quantities: tuple[Quantity, ...] = ()
    # (label, kind) -> its quantity: rules ask of the same labels again and again (each share of a
    # long narrative asks of every amount), and a label's quantity never changes
    _named: dict[tuple[str, str], Quantity | None] = field(default_factory=dict, compare=False, repr=False)

    def get(self, quantity_id: str) -> Quantity | None:
        return next((q for q in self.quantities if q.id == quantity_id), None)

    def classify(self, amount: Amount) -> Quantity | None:
        """The quantity an amount's label names; the first defined wins."""
        return self.named(amount.label, amount.kind)

    def named(self, label: str, kind: str = "money") -> Quantity | None:
        """The quantity a cleaned label names (`三公经费`), without an amount to go with it."""
        key = (label, kind)
        if key not in self._named:
            if len(self._named) > _REMEMBERED:  # a batch of thousands of disclosures: start afresh
                self._named.clear()
            self._named[key] = next((q for q in self.quantities if q.kind == kind
                                     and any(p.fullmatch(label) for p in q.labels)), None)
        return self._named[key]


def parse_quantities(source: Source, path: tuple) -> list[Quantity]:
    out = []
    for where, raw in source.mappings(path, "quantity", ("id", "name", "kind", "labels", "tables")):
        qid = raw.get("id")
        if not isinstance(qid, str) or not QUANTITY_ID.match(qid):
            raise source.error(where + ("id",), "a quantity id is lower-case words joined by '_', e.g. basic_expense")
        out.append(Quantity(
            id=qid,
            name=_text(raw, "name", source, where),
            kind=_kind(raw, source, where),
            labels=_labels(raw, source, where),
            sides=_sides(raw, source, where),
            origin=f"{source.file}:{source.line(where)}",
        ))
    return out


def _text(raw: dict, key: str, source: Source, where: tuple) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise source.error(where + (key,), f"quantity {raw.get('id')}: '{key}' must be a non-empty string")
    return value.strip()


def _kind(raw: dict, source: Source, where: tuple) -> str:
    kind = raw.get("kind", "money")
    if kind not in ("money", "count"):
        raise source.error(where + ("kind",), f"quantity {raw['id']}: kind must be money or count")
    return kind


def _labels(raw: dict, source: Source, where: tuple) -> tuple[re.Pattern[str], ...]:
    labels = raw.get("labels")
    if isinstance(labels, str):
        labels = [labels]
    if not isinstance(labels, list) or not labels or not all(isinstance(x, str) for x in labels):
        raise source.error(where + ("labels",), f"quantity {raw['id']}: labels must be a list of patterns")
    out = []
    for i, pattern in enumerate(labels):
        try:
            out.append(compile_safe(label_key(pattern)))
        except ValueError as exc:
            raise source.error(where + ("labels", i), f"quantity {raw['id']}: {exc}") from None
    return tuple(out)


def _sides(raw: dict, source: Source, where: tuple) -> tuple[Side, ...]:
    sides: Any = raw.get("tables", [])
    if not isinstance(sides, list):
        raise source.error(where + ("tables",), f"quantity {raw['id']}: tables must be a list of {{tables, row, column}}")
    out = []
    for i, side in enumerate(sides):
        try:
            out.append(parse_side(side))
        except ValueError as exc:
            raise source.error(where + ("tables", i), f"quantity {raw['id']}: {exc}") from None
    return tuple(out)


def check_unique(quantities: list[Quantity]) -> Vocabulary:
    seen: dict[str, str] = {}
    for q in quantities:
        if q.id in seen:
            file, line = q.origin.rsplit(":", 1)
            raise RuleError(file, int(line), f"quantity {q.id} is already defined at {seen[q.id]}")
        seen[q.id] = q.origin
    return Vocabulary(tuple(quantities))
