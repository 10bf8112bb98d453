"""Which standard table a table is, recognised by its title across provincial templates.

The kinds are data (``rules/table-kinds.yaml``, and any pack that adds to it): an id
rules select tables by, the standard name, whether the table belongs to a budget (预算)
or to final accounts (决算), and title patterns.  Of all the patterns that match a title,
the one matching the longest stretch of it wins: `2025年预算单位财政拨款收支预算总表`
matches both `收支预算总表` and `财政拨款收支预算总表`, and is a 财政拨款收支总表.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from budgetlint.engine.regex_safety import compile_safe
from budgetlint.engine.yamlsource import RuleError, Source, read_yaml
from budgetlint.paths import builtin_rules_dir
from budgetlint.textnorm import label_key

KIND_ID = re.compile(r"^[a-z][a-z0-9_]*$")
DOCUMENT_KINDS = ("budget", "final", "any")
BUILTIN_FILE = "table-kinds.yaml"


@dataclass(frozen=True, slots=True)
class TableKind:
    id: str
    name: str  # the standard name, as the 规程 calls the table
    document: str  # "budget", "final" or "any": the disclosures that print it
    patterns: tuple[re.Pattern[str], ...]
    amounts: bool = True  # its figures are amounts whose totals add up (not page numbers, not indicators)

    def match_length(self, key: str) -> int:
        """How much of a title key the longest matching pattern covers (0: no match)."""
        spans = [m.end() - m.start() for m in (p.search(key) for p in self.patterns) if m]
        return max(spans, default=0)


_REMEMBERED = 50_000  # titles classified, kept for the next time they are met


@dataclass(frozen=True)
class KindCatalogue:
    kinds: tuple[TableKind, ...]
    # title -> its kind: the same titles and headings are classified again and again
    _classified: dict[str, TableKind | None] = field(default_factory=dict, compare=False, repr=False)

    def get(self, kind_id: str) -> TableKind | None:
        return next((k for k in self.kinds if k.id == kind_id), None)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(k.id for k in self.kinds)

    def classify(self, title: str | None) -> TableKind | None:
        """The kind whose pattern matches the longest stretch of ``title``; the first listed on a tie."""
        if not title:
            return None
        if title not in self._classified:
            if len(self._classified) > _REMEMBERED:  # a batch of thousands of disclosures: start afresh
                self._classified.clear()
            key = label_key(title)
            best, length = None, 0
            for kind in self.kinds:
                n = kind.match_length(key)
                if n > length:
                    best, length = kind, n
            self._classified[title] = best
        return self._classified[title]

    def extended(self, more: list[TableKind]) -> KindCatalogue:
        """This catalogue with ``more`` added: a known id gains the titles, a new id is a new kind."""
        kinds = list(self.kinds)
        for kind in more:
            i = next((i for i, k in enumerate(kinds) if k.id == kind.id), None)
            if i is None:
                kinds.append(kind)
            else:
                kinds[i] = TableKind(kinds[i].id, kinds[i].name, kinds[i].document, kinds[i].patterns + kind.patterns,
                                     kinds[i].amounts)
        return KindCatalogue(tuple(kinds))


def parse_table_kinds(source: Source, path: tuple) -> list[TableKind]:
    """The ``table-kinds:`` list of a pack, validated with the line of each mistake."""
    out = []
    for where, raw in source.mappings(path, "table kind", ("id", "name", "document", "titles", "amounts")):
        kind_id = raw.get("id")
        if not isinstance(kind_id, str) or not KIND_ID.match(kind_id):
            raise source.error(where + ("id",), "a table kind id is lower-case words joined by '_', e.g. gpb_expense")
        name = raw.get("name", kind_id)
        if not isinstance(name, str) or not name.strip():
            raise source.error(where + ("name",), f"table kind {kind_id}: name must be a non-empty string")
        document = raw.get("document", "any")
        if document not in DOCUMENT_KINDS:
            raise source.error(where + ("document",), f"table kind {kind_id}: document must be budget, final or any")
        titles = raw.get("titles")
        if isinstance(titles, str):
            titles = [titles]
        if not isinstance(titles, list) or not titles or not all(isinstance(t, str) and t for t in titles):
            raise source.error(where + ("titles",), f"table kind {kind_id}: titles must be a list of patterns")
        patterns = []
        for j, title in enumerate(titles):
            try:
                patterns.append(compile_safe(label_key(title)))
            except ValueError as exc:
                raise source.error(where + ("titles", j), f"table kind {kind_id}: {exc}") from None
        amounts = raw.get("amounts", True)
        if not isinstance(amounts, bool):
            raise source.error(where + ("amounts",), f"table kind {kind_id}: amounts must be true or false")
        out.append(TableKind(kind_id, name.strip(), document, tuple(patterns), amounts))
    return out


@lru_cache(maxsize=1)
def builtin_kinds() -> KindCatalogue:
    """The kinds of the built-in title table, for callers that have no rule set at hand."""
    path = builtin_rules_dir() / BUILTIN_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleError(str(path), None, f"cannot read the built-in table kinds: {exc}") from None
    return KindCatalogue(tuple(parse_table_kinds(read_yaml(text, f"rules/{BUILTIN_FILE}"), ("table-kinds",))))
