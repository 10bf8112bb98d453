"""Understanding: from the document model to located facts, in the tables and the narrative."""

from __future__ import annotations

import re
from collections import Counter

from budgetlint.figures import MONEY_UNITS, YUAN, Unit
from budgetlint.i18n import t
from budgetlint.model import Document, Paragraph, Table
from budgetlint.understand.columns import column_groups, read_columns
from budgetlint.understand.contents import read_contents
from budgetlint.understand.confirmation import unconfirmed
from budgetlint.understand.fitting import fit
from budgetlint.understand.identity import identify
from budgetlint.understand.kinds import KindCatalogue, builtin_kinds
from budgetlint.understand.model import DocumentFacts, Role, TableFacts
from budgetlint.understand.codes import SubjectCode
from budgetlint.understand.narrative import read_narrative
from budgetlint.understand.statements import Narrative
from budgetlint.understand.subjects import Status, SubjectIndex
from budgetlint.understand.rows import read_entries
from budgetlint.understand.sections import Section, find_sections

_UNIT = re.compile(r"(万元|亿元|元)")
_UNIT_LINE = re.compile(r"(?:金额)?单位[:：](万元|亿元|元)")
NOT_ADDING_UP = "its totals do not add up under any reading of its layout ({fails} of {n} sums fail: 「{row}」, 「{column}」 {reported} against {computed}), so it is not understood and no rule compared its figures"  # noqa: E501
_MONEY_TITLE = re.compile(r"预算|决算|收入|支出|经费|资金")
_ANNOUNCES = re.compile(r"(如下|下表|见表)[:：]?$")
# Summary tables name their function classes without printing codes (`十、卫生健康支出`).
_CLASS_NAMING_KINDS = frozenset({"income_expense_summary", "fiscal_summary", "gov_fund", "soe_capital",
                                 "final_summary", "final_fiscal_summary"})


def stated_unit(table: Table) -> Unit | None:
    """The money unit a table states (`单位：万元`, or `（万元）` in its title)."""
    for text in (table.unit_text, table.title):
        if text:
            m = _UNIT.search(text.replace(" ", ""))
            if m and (text is table.unit_text or "（" in text or "(" in text):
                return MONEY_UNITS[m.group(1)]
    return None


def understand_table(table: Table, number: int, default_unit: Unit, kinds: KindCatalogue,
                     introduced: str | None = None, unit: Unit | None = None) -> TableFacts:
    """What ``table`` means; ``introduced`` is the sentence that introduces an untitled table
    (`本单位重点项目绩效目标情况如下：`), which says what it is where no title does; ``unit`` the
    unit stated for it elsewhere (where it states none itself)."""
    unit = stated_unit(table) or unit
    kind = kinds.classify(table.title) or (kinds.classify(introduced) if not table.title and introduced else None)
    columns = read_columns(table)
    facts = TableFacts(
        table=table,
        number=number,
        kind=kind,
        unit=unit or default_unit,
        unit_stated=unit is not None,
        columns=columns,
    )
    infer = kind is not None and kind.id in _CLASS_NAMING_KINDS
    for group in column_groups(columns):
        group.entries = read_entries(table, facts, group, infer_classes=infer)
        facts.groups.append(group)
    fit(facts)
    facts.doubts = doubts(facts)
    return facts


def doubts(facts: TableFacts) -> list[str]:
    """What a reader of the table should know was not understood (and so not checked)."""
    out = [t("column {n} has figures but no heading, so what they are is unknown; they take part in no sum",
             n=c.index + 1) for c in facts.columns if c.role is Role.UNNAMED]
    table = facts.table
    if facts.kind is None and facts.facts and (facts.unit_stated or _MONEY_TITLE.search(table.title or "")):
        what = t("titled 「{title}」", title=table.title) if table.title else t("no title")
        out.append(t("not recognised as any of the disclosure's tables ({what}); its {n} figures were checked by no rule",
                     what=what, n=len(facts.facts)))
    failing = unconfirmed(facts)
    if facts.kind is not None and failing:
        s = failing[0]
        out.append(t(NOT_ADDING_UP, fails=len(failing), n=len(facts.sums), row=s.total.entry.title, column=s.total.column.title,
                     reported=s.total.figure.text, computed=s.total.figure.render(s.computed.mid)))
    return out


def understand(document: Document, kinds: KindCatalogue | None = None, sections: tuple[Section, ...] = ()) -> DocumentFacts:
    """The facts of a document; tables are recognised with ``kinds`` (the rule set's, or the built-in ones),
    the parts of the text with ``sections``."""
    kinds = kinds or builtin_kinds()
    stated = [u for u in (stated_unit(t) for t in document.tables) if u]
    default = Counter(stated).most_common(1)[0][0] if stated else YUAN
    tables = [understand_table(t, i + 1, default, kinds, _introduction(document, t), _unit_of_part(document, t))
              for i, t in enumerate(document.tables)]
    narrative = read_narrative(document)
    resolve_subjects(narrative, tables)
    identity = identify(document, tables)
    return DocumentFacts(document, tables, narrative, read_contents(document, tables, kinds), kinds, identity,
                         find_sections(document, sections, identity.agency))


def _unit_of_part(document: Document, table: Table) -> Unit | None:
    """The unit another part of the table states: a table too wide for its pages prints the
    columns that do not fit on pages of their own, and 上海's print the unit there only (数据局
    2026: `单位：元` above an empty 其他收入 column, on the page after the rows) — a part read as a
    table of the same title, or a unit line on a page of no table before the next table."""
    if table.title:
        same = next((u for other in document.tables if other is not table and other.title == table.title
                     and (u := stated_unit(other))), None)
        if same:
            return same
    last = max(p.page or 0 for p in table.parts)
    following = min((t.location.page or 0 for t in document.tables if (t.location.page or 0) > last), default=None)
    tabled = {p.page for t in document.tables for p in t.parts}
    for para in document.paragraphs:
        page = para.location.page
        if (page and page > last and (following is None or page < following) and page not in tabled
                and (m := _UNIT_LINE.fullmatch(para.text.replace(" ", "")))):
            return MONEY_UNITS[m.group(1)]
    return None


def _introduction(document: Document, table: Table) -> str | None:
    """The paragraph right before a table, where it announces one (`…情况如下：`, `…见下表：`)."""
    blocks = document.blocks
    i = next(k for k, b in enumerate(blocks) if b is table)
    previous = blocks[i - 1] if i else None
    if isinstance(previous, Paragraph) and len(previous.text) <= 80 and _ANNOUNCES.search(previous.text.strip()):
        return previous.text
    return None


def resolve_subjects(narrative: Narrative, tables: list[TableFacts]) -> None:
    """Amounts named by a 类/款/项 path get the code the tables give that path (so they are checked
    against its figure, as `事业单位医疗（2101102）9.9 万元` is)."""
    index = SubjectIndex(tables)
    for amount in narrative.amounts:
        if not amount.subjects:
            continue
        amount.resolutions = tuple(index.resolve([named.ref for named in amount.subjects]))
        last = amount.resolutions[-1]
        if amount.code is None and last.status is Status.RESOLVED:
            printed = "".join(f"{n.ref.name}({n.ref.level})" for n in amount.subjects)
            amount.code = SubjectCode(last.code, printed, inferred=True)
