"""Paths: the one way budgetlint resolves a path someone gave it (a symlink loop or an unreadable
folder is an error that names the path, never a traceback), and where its own rule packs are."""

from __future__ import annotations

from pathlib import Path


class PathError(Exception):
    """A path that cannot be resolved; the message names it."""


def resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop (before Python 3.13)
        raise PathError(f"{path}: cannot be resolved: {exc}") from None


def builtin_rules_dir() -> Path:
    """The built-in packs: inside the installed package, or at the top of a source checkout."""
    package = Path(__file__).resolve().parent
    packaged = package / "rules"
    return packaged if packaged.is_dir() else package.parent / "rules"
