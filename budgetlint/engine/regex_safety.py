"""Patterns from packs that cannot take forever: a repeat inside a repeat is refused where the two can
share characters.

Python's `re` backtracks: `(.+)+无此字样` tries every way of cutting a line into pieces before it
gives up, which on a line of 30 characters is longer than any run.  A pack may come with a pull
request (a `budgetlint.toml` naming it), so a pattern must not be able to stop CI.  A repeat with no
upper bound whose body holds another repeat is refused unless the body has a character it must
match that the inner repeats cannot (`(\\d+,)*`, `((目标|指标)\\d+\\s*:\\s*){2,}`: the `,` and `:` cut
the text into one way of pieces only).  Alternatives inside such a repeat (`(a|ab)*`) are not
analysed; nested repeats are the form that runs away in practice.
"""

from __future__ import annotations

import re
from typing import Any

try:  # Python 3.11 moved the parser; the old names still exist, with a deprecation warning
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT} | ({sre.POSSESSIVE_REPEAT} if hasattr(sre, "POSSESSIVE_REPEAT") else set())
_CATEGORIES = {
    sre.CATEGORY_DIGIT: str.isdigit, sre.CATEGORY_NOT_DIGIT: lambda c: not c.isdigit(),
    sre.CATEGORY_SPACE: str.isspace, sre.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    sre.CATEGORY_WORD: lambda c: c.isalnum() or c == "_", sre.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
}


def compile_safe(pattern: str) -> re.Pattern[str]:
    """Compile a pack's pattern, or raise ValueError saying why it is refused."""
    try:
        compiled = re.compile(pattern)
        tree = sre_parse.parse(pattern)
    except re.error as exc:
        raise ValueError(f"bad pattern {pattern!r}: {exc}") from None
    if _runs_away(list(tree)):
        raise ValueError(f"pattern {pattern!r} repeats a repeat (like `(.+)+`), which can take forever on some "
                         f"text; write it with one repeat, or put a character between the repeats that they "
                         f"cannot match")
    return compiled


def _runs_away(items: list) -> bool:
    """Whether a repeat without bound holds a repeat its body does not cut off, at any depth."""
    for op, av in items:
        if op in _REPEATS:
            body = list(av[2])
            if av[1] == sre.MAXREPEAT and _inner_repeats(body) and not _cut(body):
                return True
            if _runs_away(body):
                return True
        elif any(_runs_away(sub) for sub in _subpatterns(op, av)):
            return True
    return False


def _subpatterns(op: Any, av: Any) -> list[list]:
    if op == sre.SUBPATTERN:
        return [list(av[-1])]
    if op == sre.BRANCH:
        return [list(b) for b in av[1]]
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return [list(av[1])]
    return []


def _inner_repeats(items: list) -> list[tuple]:
    """The repeats (of more than one) a body holds, at any depth."""
    out = []
    for op, av in items:
        if op in _REPEATS:
            if av[1] > 1:
                out.append(av)
            out += _inner_repeats(list(av[2]))
        else:
            for sub in _subpatterns(op, av):
                out += _inner_repeats(sub)
    return out


def _cut(body: list) -> bool:
    """Whether the body must match a character that none of its inner repeats can."""
    repeats = _inner_repeats(body)
    for char in _required_literals(body):
        if not any(_may_match(list(r[2]), char) for r in repeats):
            return True
    return False


def _required_literals(items: list) -> list[str]:
    """Characters the sequence must match, at its own level or in a group it must match."""
    out = []
    for op, av in items:
        if op == sre.LITERAL:
            out.append(chr(av))
        elif op == sre.SUBPATTERN:
            out += _required_literals(list(av[-1]))
        elif op in _REPEATS and av[0] >= 1:
            out += _required_literals(list(av[2]))
    return out


def _may_match(body: list, char: str) -> bool:
    """Whether a repeat's body may match ``char`` (anything but one character or a class: yes)."""
    if len(body) != 1:
        return True
    op, av = body[0]
    if op == sre.LITERAL:
        return chr(av) == char
    if op == sre.NOT_LITERAL:
        return chr(av) != char
    if op == sre.IN:
        return _in_class(av, char)
    return True


def _in_class(items: list, char: str) -> bool:
    negate, hit = False, False
    for op, av in items:
        if op == sre.NEGATE:
            negate = True
        elif op == sre.LITERAL:
            hit |= chr(av) == char
        elif op == sre.RANGE:
            hit |= av[0] <= ord(char) <= av[1]
        elif op == sre.CATEGORY:
            hit |= _CATEGORIES.get(av, lambda c: True)(char)
        else:
            return True
    return hit != negate
