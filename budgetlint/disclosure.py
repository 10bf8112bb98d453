"""Which files make up one disclosure.

Some agencies publish the 说明 and the tables as two files (江苏: `…-budget-text.pdf` and
`…-budget-tables.pdf`); their contents page lists tables printed in the other file, and
the narrative restates figures the other file prints.  Such files are checked together.
Files are grouped when a user says so (``--group a.pdf,b.pdf``), or automatically when
they lie in one folder and their names differ only by what part of the disclosure each
holds (`text`/`tables`, `说明`/`报表` …).  Files uploaded on the web page are named by
whoever uploads them, so there the parts are found by what each says it is (:func:`by_identity`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from budgetlint.understand.identity import Identity, short_agency

# What a file name may add to say which part of a disclosure the file holds.
_PART_WORDS = ("text", "notes", "tables", "table", "narrative", "说明", "情况说明", "编制说明", "文字", "正文",
               "报表", "表格", "附表", "公开表")
_PART = re.compile(r"[-_ .（(]*(" + "|".join(sorted(map(re.escape, _PART_WORDS), key=len, reverse=True))
                   + r")[)）]?$", re.IGNORECASE)


def stem(path: Path) -> str | None:
    """The name a part file shares with the other parts of its disclosure, or ``None``
    when the name does not say it is a part."""
    name = path.stem
    match = _PART.search(name)
    return name[: match.start()] if match and match.start() > 0 else None


def group_files(files: list[Path], explicit: list[list[Path]], automatic: bool = True) -> list[list[Path]]:
    """The disclosures among ``files``, in the order of their first file.

    ``explicit`` groups come first as given; of the other files, those in one folder that
    share a :func:`stem` form a group when ``automatic``; every other file is a
    disclosure of its own.
    """
    assigned: dict[Path, int] = {}
    groups: list[list[Path]] = []
    by_target = {f.resolve(): f for f in files}
    for members in explicit:
        present = [by_target[m.resolve()] for m in members if m.resolve() in by_target]
        present = [f for f in dict.fromkeys(present) if f not in assigned]
        if present:
            for f in present:
                assigned[f] = len(groups)
            groups.append(present)
    if automatic:
        by_stem: dict[tuple[Path, str], list[Path]] = {}
        for f in files:
            key = stem(f)
            if f not in assigned and key:
                by_stem.setdefault((f.parent, key), []).append(f)
        for members in by_stem.values():
            if len(members) > 1:
                for f in members:
                    assigned[f] = len(groups)
                groups.append(sorted(members))
    for f in files:
        if f not in assigned:
            assigned[f] = len(groups)
            groups.append([f])
    return sorted(groups, key=lambda g: files.index(g[0]))


@dataclass(frozen=True, slots=True)
class Part:
    """What a file says it is, read before it is checked: its identity, and whether it holds
    tables and running text."""

    name: str
    identity: Identity
    tables: bool
    text: bool


def _agrees(a: Identity, b: Identity) -> bool:
    """Whether two files say they are the same disclosure: kind, year and agency known in both and
    the same (the agency in its short form), the level the same where both state it."""
    known = all((a.kind, a.year, a.agency, b.kind, b.year, b.agency))
    level = a.level is None or b.level is None or a.level == b.level
    return known and level and (a.kind, a.year, short_agency(a.agency)) == (b.kind, b.year, short_agency(b.agency))


def by_identity(parts: list[Part]) -> list[list[str]]:
    """Files that are one disclosure by what they say, whatever they are called: a file of tables
    only and a file of text only whose identities agree, when each has no other such partner
    (two candidates are not guessed between).  Every other file is a disclosure of its own."""
    tables = [p for p in parts if p.tables and not p.text]
    texts = [p for p in parts if p.text and not p.tables]
    partner = {}
    for table in tables:
        matches = [text for text in texts if _agrees(table.identity, text.identity)]
        if len(matches) == 1 and sum(_agrees(t.identity, matches[0].identity) for t in tables) == 1:
            partner[table.name] = matches[0].name
    joined = {text: table for table, text in partner.items()}
    order = [p.name for p in parts]
    groups = []
    for part in parts:
        if part.name in joined:
            continue
        members = [part.name, partner[part.name]] if part.name in partner else [part.name]
        groups.append(sorted(members, key=order.index))
    return sorted(groups, key=lambda g: order.index(g[0]))
