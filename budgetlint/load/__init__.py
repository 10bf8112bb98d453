"""Loaders: one module per input format, all producing :class:`budgetlint.model.Document`."""

from __future__ import annotations

from pathlib import Path

from budgetlint.model import Document


class LoadError(Exception):
    """An input that cannot be checked; the message is one line a user can act on."""


def read_bytes(path: Path) -> bytes:
    """The file's content, or a :class:`LoadError` saying why it cannot be read."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LoadError("no such file") from None
    except IsADirectoryError:
        raise LoadError("is a directory") from None
    except PermissionError:
        raise LoadError("permission denied") from None
    except OSError as exc:
        raise LoadError(f"cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise LoadError("empty file")
    return data


def load_document(path: Path, display_path: str | None = None) -> Document:
    """Load any supported file; ``display_path`` is how locations name it."""
    name = display_path or str(path)
    if path.suffix.lower() == ".pdf":
        raise LoadError("PDF input is not supported yet (use a text extraction)")
    from budgetlint.load.text import parse_text

    return parse_text(read_bytes(path), name)
