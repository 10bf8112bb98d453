"""Which files a check covers: those named, and the disclosures folders hold.

Kept apart from the linter core so that finding the files costs no import of the rules and
checks (a re-check served from the result cache needs the files, not the checks).
"""

from __future__ import annotations

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


def discover(paths: list[str]) -> tuple[list[Path], list[InputError], list[str]]:
    """The files to check, in a stable order; the paths that name nothing checkable; and the files
    found in folders that are of kinds budgetlint does not read."""
    files: list[Path] = []
    errors: list[InputError] = []
    skipped: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            present = sorted(p for p in path.rglob("*") if p.is_file())
            found = [p for p in present if p.suffix.lower() in DISCOVERED_SUFFIXES]
            if not found:
                errors.append(InputError(raw, t("no disclosure files in this folder (.pdf, .docx, .xlsx, .xls, .txt)")))
            files.extend(found)
            skipped.extend(str(p) for p in present if _not_read(p))
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            errors.append(InputError(raw, t("no such file or folder")))
    unique = list(dict.fromkeys(files))
    return unique, errors, list(dict.fromkeys(skipped))
