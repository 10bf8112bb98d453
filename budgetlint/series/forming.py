"""Which checked disclosures are one agency's, and how they stand to each other.

A run that checks several disclosures of one agency can compare them: this year's budget with
last year's (its `上年` figures, its narrative's `比上年` changes), a 部门 disclosure with the 单位
disclosures of the same agency.  They are found from each disclosure's identity (what its cover
and tables say: agency, year, 预算/决算, 部门/单位, see :mod:`budgetlint.understand.identity`), so a
disclosure whose identity is not fully known joins no series, and two disclosures claiming the
same identity (a file checked twice under two names) make it ambiguous: neither is paired.  A user
may name the disclosures of one agency (``--series``) where the covers name it differently.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from budgetlint.i18n import t
from budgetlint.report.result import FileResult, Posting
from budgetlint.understand.identity import Identity, short_agency

# How one agency's name is written in full and short (`中国共产党江苏省委员会办公厅`, `中共江苏省委办公厅`):
# names are compared in their short form.

PREVIOUS_YEAR = "previous-year"  # (last year's disclosure, this year's)
DEPARTMENT_UNIT = "department-unit"  # (the 部门 disclosure, a 单位 disclosure of the same agency)


@dataclass(frozen=True, slots=True)
class Disclosure:
    """One checked disclosure: its files, what it is and the figures it left."""

    files: tuple[str, ...]
    identity: Identity
    ledger: tuple[Posting, ...]

    @property
    def name(self) -> str:
        return self.identity.label


@dataclass(frozen=True, slots=True)
class Pair:
    """Two disclosures a cross-document rule compares: ``other`` is the one ``this`` is checked
    against (last year's, or the 部门's), and findings are reported in ``this``."""

    relation: str
    this: Disclosure
    other: Disclosure

    def to_json(self) -> dict:
        return {"relation": self.relation, "this": list(self.this.files), "other": list(self.other.files)}


@dataclass(frozen=True, slots=True)
class Series:
    """The disclosures of one agency the run checked, and the pairs among them."""

    agency: str
    members: tuple[Disclosure, ...]
    pairs: tuple[Pair, ...]
    named: bool = False  # put together because a user named them (--series), not by their covers

    @property
    def why(self) -> str:
        """Why these disclosures were put together, for reports."""
        what = "、".join(m.identity.what(with_year=True) for m in self.members)
        if self.named:
            return t("named as one agency's (--series): {what}", what=what)
        return t("the same agency ({agency}): {what}", agency=self.agency, what=what)

    def to_json(self) -> dict:
        return {"agency": self.agency, "why": self.why,
                "members": [{"files": list(m.files), **m.identity.to_json()} for m in self.members],
                "pairs": [p.to_json() for p in self.pairs]}


def disclosures(files: list[FileResult]) -> list[Disclosure]:
    """The checked disclosures, each with its files' ledgers together, in the order of their first file."""
    grouped: dict[tuple[str, ...], list[FileResult]] = {}
    for result in files:
        grouped.setdefault(result.disclosure or (result.path,), []).append(result)
    return [Disclosure(tuple(r.path for r in members), members[0].identity,
                       tuple(p for r in members for p in r.ledger)) for members in grouped.values()]


def form_series(files: list[FileResult], named: list[list[str]] | None = None) -> list[Series]:
    """The series among the checked files: disclosures of one agency with at least one pair.
    Disclosures a ``named`` list of files takes in are one agency's whatever their covers call it
    (a 单位 named otherwise than its 部门, an agency renamed from one year to the next)."""
    chosen = [{Path(p).resolve() for p in group} for group in named or []]
    by_identity: dict[tuple, list[Disclosure]] = defaultdict(list)
    names: dict[str, str] = {}
    for disclosure in disclosures(files):
        i = disclosure.identity
        group = next((n for n, paths in enumerate(chosen) if any(Path(f).resolve() in paths for f in disclosure.files)),
                     None)
        agency = short_agency(i.agency) if group is None else f"#{group}"
        if agency and i.year and i.kind and i.level:
            by_identity[(agency, i.kind, i.level, i.year)].append(disclosure)
            names.setdefault(agency, i.agency or "")
    known = {key: found[0] for key, found in by_identity.items() if len(found) == 1}
    by_agency: dict[str, list[Pair]] = defaultdict(list)
    for (agency, kind, level, year), this in known.items():
        previous = known.get((agency, kind, level, year - 1))
        if previous is not None:
            by_agency[agency].append(Pair(PREVIOUS_YEAR, this, previous))
        department = known.get((agency, kind, "department", year)) if level == "unit" else None
        if department is not None:
            by_agency[agency].append(Pair(DEPARTMENT_UNIT, this, department))
    out = []
    for agency, pairs in by_agency.items():
        members = {id(d): d for p in pairs for d in (p.other, p.this)}.values()
        ordered = sorted(members, key=lambda d: (d.identity.year, d.identity.level != "department", d.files))
        out.append(Series(names[agency], tuple(ordered), tuple(sorted(pairs, key=lambda p: p.this.files)),
                          agency.startswith("#")))
    return sorted(out, key=lambda s: s.members[0].files)
