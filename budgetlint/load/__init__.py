"""Loaders: one module per input format, all producing :class:`budgetlint.model.Document`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from budgetlint.i18n import t
from budgetlint.load.limits import MAX_FILE_BYTES, megabytes
from budgetlint.model import Document

if TYPE_CHECKING:
    from budgetlint.cache import DocumentCache


class LoadError(Exception):
    """An input that cannot be checked; the message is one line a user can act on."""


def read_bytes(path: Path) -> bytes:
    """The file's content, or a :class:`LoadError` saying why it cannot be read (a file over
    :data:`~budgetlint.load.limits.MAX_FILE_BYTES` is not read into memory at all)."""
    try:
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise LoadError(t("no such file")) from None
    except IsADirectoryError:
        raise LoadError(t("is a directory")) from None
    except PermissionError:
        raise LoadError(t("permission denied")) from None
    except OSError as exc:
        raise LoadError(t("cannot read: {reason}", reason=exc.strerror or exc)) from None
    if not data.strip():
        raise LoadError(t("empty file"))
    if len(data) > MAX_FILE_BYTES:
        raise LoadError(t("too large: over {size} (files over that are not read)", size=megabytes(MAX_FILE_BYTES)))
    return data


def load_document(path: Path, display_path: str | None = None, jobs: int = 1,
                  cache: DocumentCache | None = None, read: Callable[[Path], bytes] = read_bytes) -> Document:
    """Load any supported file; ``display_path`` is how locations name it.

    A PDF, Word or Excel file is recognised by its first bytes (an agency's file is often
    misnamed), else by its name; anything else is read as text.  With a ``cache``, an
    unchanged file is not parsed again.  ``read`` gives the file's bytes (on a cluster's worker,
    the bytes the client sent).
    """
    name = display_path or str(path)
    data = read(path)
    if cache is not None:
        cached = cache.get(data, name)
        if cached is not None:
            return cached
    document = _parser(path, data, jobs)(data, name)
    if cache is not None:
        cache.put(data, name, document)
    return document


def _parser(path: Path, data: bytes, jobs: int):
    """The loader of a file's format: ``(data, name) -> Document``."""
    from budgetlint.load.office import office_kind

    if data[:5] == b"%PDF-" or path.suffix.lower() == ".pdf":
        from budgetlint.load.pdf import parse_pdf

        return lambda data, name: parse_pdf(data, name, jobs=jobs)
    kind = office_kind(data)
    if kind == "docx":
        from budgetlint.load.docx import parse_docx

        return parse_docx
    if kind == "xlsx":
        from budgetlint.load.xlsx import parse_xlsx

        return parse_xlsx
    if kind == "xls":
        from budgetlint.load.xls import parse_xls

        return parse_xls
    if path.suffix.lower() in (".docx", ".xlsx", ".xlsm", ".xls"):
        raise LoadError(t("not a {kind} file (its content is not Word's or Excel's)", kind=path.suffix.lower()[1:]))
    from budgetlint.load.text import parse_text

    return parse_text
