"""Office files as agencies send them: which kind a file is, and opening its zip within bounds.

A .docx or .xlsx is a zip of XML parts; its kind is told by the parts it holds, not its
name (an agency's `报表.xls` is often an .xlsx renamed).  Before a part is parsed the
declared sizes of all parts are bounded (:func:`budgetlint.load.limits.check_zip`), and
:mod:`zipfile` inflates no part past its declared size.  Word and Excel 97-2003 files and
password-protected Office files are OLE containers, which are not read: the user is told to
save them as .docx/.xlsx.
"""

from __future__ import annotations

import zipfile
from io import BytesIO

from budgetlint.load import LoadError
from budgetlint.load.limits import LimitExceeded, check_zip

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAIN_PARTS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx"}


def office_kind(data: bytes) -> str | None:
    """`docx` or `xlsx` for an Office Open XML file, ``None`` for anything else (a LoadError for an
    old or encrypted Office file, which cannot be read)."""
    if data[:8] == OLE_MAGIC:
        raise LoadError("a Word/Excel 97-2003 file, or a password-protected Office file: "
                        "save it as .docx/.xlsx without a password and check that")
    if data[:4] != ZIP_MAGIC:
        return None
    with open_package(data) as package:
        names = set(package.namelist())
    return next((kind for part, kind in _MAIN_PARTS.items() if part in names), None)


def open_package(data: bytes) -> zipfile.ZipFile:
    """The zip of an Office file, its parts checked against the bounds."""
    try:
        package = zipfile.ZipFile(BytesIO(data))
        check_zip([(info.filename, info.file_size) for info in package.infolist()])
    except LimitExceeded as exc:
        raise LoadError(str(exc)) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise LoadError(f"a damaged Office file (zip): {exc}") from None
    return package


def part_error(exc: Exception, what: str) -> LoadError:
    """The one line a user sees when a part of an Office file cannot be parsed."""
    return LoadError(f"a damaged {what} file: {type(exc).__name__}: {str(exc)[:200]}")
