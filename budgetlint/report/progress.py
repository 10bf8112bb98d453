"""A progress bar over the files of a batch, on an interactive terminal only.

Never in CI logs (``$CI``), with a machine format or with ``--output``: there it
would only add noise between the lines a program reads.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from budgetlint.i18n import t
from budgetlint.textnorm import printable


@contextmanager
def bar(shown: bool, console: Console) -> Iterator[Callable[[str, int], None] | None]:
    """Yield a callback to call with each finished file and the number of files (or None when no
    bar is shown)."""
    if not shown:
        yield None
        return
    columns = (TextColumn(t("checking")), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("{task.description}", markup=False))
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("", total=None)

        def done(path: str, total: int) -> None:
            progress.update(task, total=total, advance=1, description=printable(path))

        yield done
