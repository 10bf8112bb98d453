"""Which files a check covers: those named, and the disclosures folders hold.

Kept apart from the linter core so that finding the files costs no import of the rules and
checks (a re-check served from the result cache needs the files, not the checks).
"""

from __future__ import annotations

import os
from pathlib import Path

from budgetlint.i18n import t
from budgetlint.report.result import InputError

# Folders are searched for these; a file named on the command line is checked whatever its name.
DISCOVERED_SUFFIXES = frozenset({".txt", ".pdf", ".docx", ".xlsx", ".xls"})
# Files a folder of disclosures holds for budgetlint itself: not disclosures, not worth a word.
OWN_FILES = frozenset({"budgetlint.toml", "pyproject.toml"})
OWN_SUFFIXES = frozenset({".yaml", ".yml"})  # waiver files and rule packs


def _not_read(path: Path) -> bool:
    """A file in a folder that budgetlint does not read and that is not its own (hidden, settings,
    waivers): it is named in the report, so that a folder of Excel disclosures is not passed as clean."""
    return (path.suffix.lower() not in DISCOVERED_SUFFIXES and not path.name.startswith(".")
            and path.name not in OWN_FILES and path.suffix.lower() not in OWN_SUFFIXES)


def _walk(folder: Path) -> tuple[list[Path], list[InputError]]:
    """Every file under ``folder`` (links to folders are not followed), and an error for each
    subfolder that cannot be read and each link to nothing: a locked subfolder holding a disclosure
    must not pass as a clean folder."""
    files: list[Path] = []
    errors: list[InputError] = []

    def unreadable(exc: OSError) -> None:
        reason = exc.strerror or str(exc)
        errors.append(InputError(str(exc.filename or folder),
                                 t("a folder that cannot be read ({reason}): the files in it were not checked",
                                   reason=reason)))

    for root, folders, names in os.walk(folder, onerror=unreadable):
        folders.sort()
        for name in names:
            path = Path(root) / name
            if path.is_file():
                files.append(path)
            elif path.is_symlink():
                errors.append(InputError(str(path), t("a link to nothing that can be read (it loops, or what it "
                                                      "names is gone)")))
    return sorted(files), errors


def discover(paths: list[str]) -> tuple[list[Path], list[InputError], list[str]]:
    """The files to check, in a stable order; the paths that name nothing checkable; and the files
    found in folders that are of kinds budgetlint does not read."""
    files: list[Path] = []
    errors: list[InputError] = []
    skipped: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            present, unread = _walk(path)
            errors.extend(unread)
            found = [p for p in present if p.suffix.lower() in DISCOVERED_SUFFIXES]
            if not found and not unread:
                errors.append(InputError(raw, t("no disclosure files in this folder (.pdf, .docx, .xlsx, .xls, .txt)")))
            files.extend(found)
            skipped.extend(str(p) for p in present if _not_read(p))
        elif path.exists():
            files.append(path)
        elif path.is_symlink():
            errors.append(InputError(raw, t("a link to nothing that can be read (it loops, or what it names is gone)")))
        else:
            errors.append(InputError(raw, t("no such file or folder")))
    unique = list(dict.fromkeys(files))
    return unique, errors, list(dict.fromkeys(skipped))
