"""Files budgetlint writes (a report, a waiver baseline): checked before any work, written whole.

Every write goes through here so that each way it can go wrong is one clear error, found before a
batch is checked rather than after: a folder that does not exist, a folder where the file should
be, a file that is one of the inputs (a disclosure or a waiver file being read).  The text is
written to a temporary file beside the target and moved over it, so a full disk or a killed run
leaves the old file or the new one, never half a report.  The new file has the old one's mode (or,
new, the mode the umask gives), and a name that is a symbolic link writes the file it points to.
A device or a pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written to as a stream, never
replaced: as root, replacing `/dev/null` with a regular file would break the machine.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from pathlib import Path

from budgetlint.i18n import t
from budgetlint.paths import PathError, resolved


class OutputError(Exception):
    """A file that cannot or must not be written; the message names it."""


def _resolved(path: Path) -> Path:
    try:
        return resolved(path)
    except PathError as exc:
        raise OutputError(str(exc)) from None


def check_target(target: Path, inputs: list[str], option: str) -> None:
    """Refuse a target that cannot be written, or that is a file being read (``inputs``)."""
    resolved = _resolved(target)
    if resolved.is_dir():
        raise OutputError(t("{option} {target}: is a folder; give a file name", option=option, target=target))
    if not resolved.parent.is_dir():
        raise OutputError(t("{option} {target}: the folder {folder} does not exist", option=option, target=target,
                            folder=resolved.parent))
    for given in inputs:
        source = _resolved(Path(given))
        if resolved == source or (source.is_dir() and source in resolved.parents
                                  and resolved.suffix.lower() in (".pdf", ".txt", ".md", ".docx", ".xlsx", ".xls")):
            raise OutputError(t("{option} {target}: would overwrite {given}, which is being read", option=option,
                                target=target, given=given))
    if resolved.exists() and not os.access(resolved, os.W_OK):
        raise OutputError(t("{option} {target}: is not writable", option=option, target=target))


def _mode(target: Path) -> int:
    """The mode a written file gets: the file's own where it exists, else what the umask allows."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def replace_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target`` and move it over ``target``; on any
    failure (a full disk, an interrupt) the temporary file is removed and the error raised."""
    temporary: str | None = None
    try:
        with tempfile.NamedTemporaryFile(dir=target.parent, delete=False, prefix=f".{target.name}.",
                                         suffix=".tmp") as f:
            temporary = f.name
            f.write(data)
        os.chmod(temporary, _mode(target))
        os.replace(temporary, target)
    except BaseException:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise


def cannot_write(target: object, exc: OSError) -> str:
    """The one line for a file that cannot be written (a full disk, no permission)."""
    return t("{target}: cannot be written: {reason}", target=target, reason=exc.strerror or exc)


def write_text(target: Path, text: str | bytes) -> None:
    """Write ``text`` (UTF-8, or bytes as they are) to ``target`` whole, or raise :class:`OutputError`
    and leave ``target`` as it was."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    real = _resolved(target)  # through a symbolic link: the file it names
    try:
        if real.exists() and not real.is_file():
            with open(real, "wb") as stream:
                stream.write(data)
        else:
            replace_atomically(real, data)
    except OSError as exc:
        raise OutputError(cannot_write(target, exc)) from None


def write_stdout(text: str | bytes) -> None:
    """Write the report to standard output, or raise :class:`OutputError` when it is closed, a
    pipe whose reader has gone, or a full disk.  Afterwards standard output points nowhere, so
    the interpreter's own flush at exit cannot fail a second time with a traceback."""
    try:
        if sys.stdout is None:
            raise OSError(errno.EBADF, "closed")
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    except OSError as exc:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 — lives until exit
        reason = "closed by its reader" if exc.errno == errno.EPIPE else (exc.strerror or str(exc))
        raise OutputError(t("standard output: cannot be written: {reason}", reason=reason)) from None
