"""The items of a district's 检查表, as data: ``checklist:`` in a pack, one list per kind of
disclosure, in the order the district's form lists them.

An item is a part of the text (``section``: its id in ``sections:``), the required tables
(``tables: required``: one item per table the kind's required-tables rule names), or a
matter the document cannot show (``manual``: what the auditor checks by hand, 及时性).  An
item may also claim table kinds (``kinds``) whose findings it holds wherever they are
printed (项目支出表 under 项目经费情况说明).  A rule names its item with ``item:``.
"""

from __future__ import annotations

from dataclasses import dataclass

from budgetlint.engine.yamlsource import Source

DOCUMENT_KINDS = ("budget", "final")
_KEYS = ("item", "section", "tables", "manual", "kinds", "also")


@dataclass(frozen=True, slots=True)
class ChecklistEntry:
    item: str  # as the 部门's form words it; a 单位's reads 单位 for 部门
    section: str = ""  # the part of the text it checks
    tables: bool = False  # one item per required table
    manual: str = ""  # checked by hand: what to check
    kinds: tuple[str, ...] = ()  # table kinds whose findings belong here
    also: tuple[str, ...] = ()  # with ``tables``: kinds that are a row of their own when printed
    line: int | None = None  # where the pack defines it
    file: str = ""


def parse_checklist(source: Source, path: tuple) -> dict[str, tuple[ChecklistEntry, ...]]:
    """The ``checklist:`` mapping of a pack (document kind → items), validated with the line of
    each mistake.  Section ids and table kinds are checked once every pack is read."""
    data = source.data
    for key in path:
        data = data[key]
    if not isinstance(data, dict) or not data:
        raise source.error(path, "'checklist' maps a kind of disclosure (budget, final) to its list of items")
    out = {}
    for kind, items in data.items():
        where = path + (kind,)
        if kind not in DOCUMENT_KINDS:
            raise source.error(where, f"checklist: unknown kind of disclosure '{kind}' (use budget or final)")
        if isinstance(items, list) and not items:
            raise source.error(where, f"checklist {kind}: a list of items, each {{item: name, section: id}} or similar")
        out[kind] = tuple(_entry(source, where, raw) for where, raw in source.mappings(where, "checklist item", _KEYS))
    return out


def _entry(source: Source, where: tuple, raw: dict) -> ChecklistEntry:
    item = raw.get("item")
    if not isinstance(item, str) or not item.strip():
        raise source.error(where + ("item",) if "item" in raw else where, "a checklist item needs its name ('item')")
    texts = {}
    for key in ("section", "manual"):
        value = raw.get(key, "")
        if not isinstance(value, str):
            raise source.error(where + (key,), f"checklist item {item}: '{key}' must be a string")
        texts[key] = value.strip()
    tables = raw.get("tables")
    if tables not in (None, "required"):
        raise source.error(where + ("tables",), f"checklist item {item}: 'tables' can only be 'required'")
    lists = {}
    for key in ("kinds", "also"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(k, str) and k for k in value):
            raise source.error(where + (key,), f"checklist item {item}: '{key}' must be a list of table kind ids")
        lists[key] = tuple(value)
    if lists["also"] and tables is None:
        raise source.error(where + ("also",), f"checklist item {item}: 'also' goes with 'tables: required'")
    if sum(bool(x) for x in (texts["section"], tables, texts["manual"])) != 1:
        raise source.error(where, f"checklist item {item}: give one of 'section', 'tables: required' or 'manual'")
    return ChecklistEntry(item.strip(), texts["section"], tables == "required", texts["manual"], lists["kinds"],
                          lists["also"], source.line(where))
