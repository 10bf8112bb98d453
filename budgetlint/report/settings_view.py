"""`budgetlint check --show-config`: the settings in force and where each came from."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from budgetlint.config import Setting
from budgetlint.i18n import t


def render(settings: dict[str, Setting], console: Console) -> None:
    table = Table(show_edge=False, box=None, header_style="bold")
    for heading in ("setting", "value", "from"):
        table.add_column(t(heading), overflow="fold")
    for key, setting in settings.items():
        value = setting.value
        shown = ", ".join(f"{k}={v}" for k, v in value.items()) if isinstance(value, dict) else (
            ", ".join(map(str, value)) if isinstance(value, list) else str(value))
        table.add_row(key, shown or "—", t(setting.source))
    console.print(table)
