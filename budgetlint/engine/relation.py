"""Relations between columns, written in rules as `合计 = 基本支出 + 项目支出 + [上缴上级支出]`.

The engine parses them itself (no ``eval``): one term on the left, terms joined by
`+` and `-` on the right.  A term is a column name (see
:func:`budgetlint.engine.selectors.column_name`); a term in brackets is optional,
counted as zero where the table has no such column.  A relation whose required
terms are not all in a table does not apply to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budgetlint.engine.selectors import ColumnName, column_name

_TOKEN = re.compile(r"\s*(\[[^\[\]=+\-]+\]|[^\[\]=+\-]+|[=+\-])")


@dataclass(frozen=True)
class Term:
    sign: int  # +1 or -1
    name: ColumnName
    optional: bool = False


@dataclass(frozen=True)
class Relation:
    left: ColumnName
    right: tuple[Term, ...]
    text: str

    @property
    def by_headings(self) -> bool:
        """Whether every term names its column by a full heading path (`合计/预算数`), never by a
        bare name that a header could give to several columns."""
        return all(len(alt) > 1 for name in (self.left, *(t.name for t in self.right)) for alt in name.alternatives)

    def __str__(self) -> str:
        return self.text


def parse_relation(value: object) -> Relation:
    if not isinstance(value, str) or "=" not in value:
        raise ValueError("write a relation like '合计 = 基本支出 + 项目支出'")
    text = value.strip()
    tokens, pos = [], 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise ValueError(f"cannot read the relation at {text[pos:]!r}")
        token = m.group(1).strip()
        if token:
            tokens.append(token)
        pos = m.end()
    if tokens.count("=") != 1 or len(tokens) < 3 or tokens[1] != "=":
        raise ValueError("a relation has one column on the left of a single '='")
    if tokens[0] in "+-" or tokens[0].startswith("["):
        raise ValueError("the left side must be one required column name")
    right: list[Term] = []
    sign = 1
    expect_term = True
    for token in tokens[2:]:
        if token in "+-":
            if expect_term:
                raise ValueError(f"two operators in a row near '{token}'")
            sign, expect_term = (1 if token == "+" else -1), True
            continue
        if not expect_term or re.search(r"\s", token.strip("[] ")):
            raise ValueError(f"missing '+' or '-' in '{token}'")
        optional = token.startswith("[")
        right.append(Term(sign, column_name(token.strip("[] ")), optional))
        expect_term = False
    if expect_term:
        raise ValueError("the relation ends with an operator")
    return Relation(column_name(tokens[0]), tuple(right), text)
