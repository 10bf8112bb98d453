"""``--format github``: GitHub Actions workflow commands, so findings show on the pull request.

One ``::error``/``::warning``/``::notice`` line a violation, at the file and line
(a text source) or the file with the page in the title (a PDF has no lines to
point at).  Values are escaped as the Actions toolkit escapes them, so a message
with ``%``, ``:`` or a line break cannot cut the command short.  GitHub shows a
limited number of annotations a step; the rest are in the log.
"""

from __future__ import annotations

from pathlib import PurePath

from budgetlint.i18n import t
from budgetlint.report.formats import Rendering
from budgetlint.report.text import not_read, place
from budgetlint.textnorm import printable

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    """As the Actions toolkit escapes a value, and with no control character (`\x1b[2J` in a file's
    name) left to reach the log."""
    return printable(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: object) -> str:
    """``::name key=value,…::message``, leaving out properties that are None."""
    given = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{name}{' ' + given if given else ''}::{escape_data(message)}"


def render(rendering: Rendering) -> str:
    report = rendering.report
    lines = [command("error", e.message, file=PurePath(e.path).as_posix()) for e in report.errors]
    lines += [command("warning", not_read(path), file=PurePath(path).as_posix()) for path in report.skipped]
    for v in report.violations:
        loc = v.subject.location
        if loc.page is not None:
            title = f"{v.rule} {v.name} ({place(loc)})"
        elif loc.part is not None and loc.line is not None:  # a sheet's cell: its line alone names no sheet
            title = f"{v.rule} {v.name} ({loc.cell_name()})"
        else:
            title = f"{v.rule} {v.name}"
        message = v.message + (t(" [confirmed by: {basis}]", basis=v.basis) if v.basis else "")
        lines.append(command(_COMMAND[v.severity], message, file=PurePath(v.file).as_posix(),
                             line=loc.line, col=loc.column, title=title))
    return "".join(line + "\n" for line in lines)
