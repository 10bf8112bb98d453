"""Office files as agencies send them: which kind a file is, and opening its zip within bounds.

A .docx or .xlsx is a zip of XML parts; its kind is told by the parts it holds, not its
name (an agency's `报表.xls` is often an .xlsx renamed).  Before a part is parsed the
declared sizes of all parts are bounded (:func:`budgetlint.load.limits.check_zip`), and
:mod:`zipfile` inflates no part past its declared size.  Word and Excel 97-2003 files and
password-protected Office files are OLE containers: an Excel 97-2003 workbook (its `Workbook`
stream) is read (:mod:`budgetlint.load.xls`); a Word 97-2003 document or an encrypted file is
not, and the user is told to save it as .docx/.xlsx.
"""

from __future__ import annotations

import zipfile
from io import BytesIO

from budgetlint.i18n import t
from budgetlint.load import LoadError
from budgetlint.load.limits import LimitExceeded, check_zip

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE_WORKBOOKS = ("Workbook", "Book")  # the stream an Excel 97-2003 file keeps its sheets in
_OLE_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # a password-protected .docx/.xlsx
_OLE_WORD = "WordDocument".encode("utf-16-le")  # the stream a Word 97-2003 document keeps its text in
_MAIN_PARTS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx"}


def office_kind(data: bytes) -> str | None:
    """`docx` or `xlsx` for an Office Open XML file, `xls` for an Excel 97-2003 workbook, ``None`` for
    anything else (a LoadError for a Word 97-2003 or an encrypted Office file, which cannot be read)."""
    if data[:8] == OLE_MAGIC:
        if any(name.encode("utf-16-le") in data for name in _OLE_WORKBOOKS) and _OLE_ENCRYPTED not in data:
            return "xls"
        if _OLE_ENCRYPTED in data or _OLE_WORD in data:
            raise LoadError(t("a Word 97-2003 file, or a password-protected Office file: save it as .docx/.xlsx "
                              "without a password and check that"))
        # no stream named at all: its directory, near the end, is missing (a file cut off in transfer)
        raise LoadError(t("a damaged or cut-off Office 97-2003 file: the list of its parts is missing"))
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
        raise LoadError(t("a damaged Office file (zip): {reason}", reason=exc)) from None
    return package


def read_part(package: zipfile.ZipFile, name: str) -> bytes:
    """A part's bytes, inflated a megabyte at a time: :meth:`zipfile.ZipFile.read` inflates a part
    whole before it cuts it to its declared size, so a part that declares 1 KB and inflates to
    gigabytes would take them all.  A part whose bytes do not match its checksum (what such a part
    ends in) is a damaged file.  ``KeyError`` when there is no such part."""
    chunks = []
    try:
        with package.open(name) as part:
            while chunk := part.read(2**20):
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise LoadError(t("a damaged Office file (zip): {reason}", reason=exc)) from None
    return b"".join(chunks)


def part_error(exc: Exception, what: str) -> LoadError:
    """The one line a user sees when a part of an Office file cannot be parsed."""
    return LoadError(t("a damaged {what} file: {reason}", what=what, reason=f"{type(exc).__name__}: {str(exc)[:200]}"))
