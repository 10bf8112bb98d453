"""A cache of parsed documents, so an unchanged file is not parsed again.

Reading a PDF is most of the time a check takes; the document model it gives
depends only on the file's bytes, the name it is reported under and the loader's
code.  The key is made of all three (the loader's code by a hash of its source,
so a changed loader never serves stale documents).  The cache lives in the
user's cache directory (``$BUDGETLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME`` or
``~/.cache``, under ``budgetlint``).

Entries are JSON data (:mod:`budgetlint.model_json`), never pickles: a CI cache restored from
another branch is written by someone else, and reading it must not run anything.  An entry that
is damaged, planted, too large or of another format is ignored (the file is parsed again and the
entry replaced); a write that fails leaves no temporary file behind.
"""

from __future__ import annotations

import hashlib
import os
import json
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from budgetlint import __version__
from budgetlint.model import Document
from budgetlint.model_json import document_from_data, document_to_data
from budgetlint.outputs import replace_atomically

_MAX_ENTRY = 512 * 2**20  # bytes: no parsed disclosure comes near; a larger entry is not ours


def default_directory() -> Path:
    if os.environ.get("BUDGETLINT_CACHE_DIR"):
        return Path(os.environ["BUDGETLINT_CACHE_DIR"])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "budgetlint"


@lru_cache(maxsize=1)
def loader_version() -> str:
    """A hash of the code that turns bytes into documents."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for source in sorted((package / "load").glob("*.py")) + [package / n for n in ("model.py", "model_json.py", "textnorm.py")]:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def read_entry(path: Path, limit: int) -> Any:
    """A cache entry's JSON data; ``None`` when it is missing, over ``limit`` bytes or not JSON."""
    try:
        if path.stat().st_size > limit:
            return None
        return json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError, MemoryError):  # JSON and Unicode errors are ValueErrors
        return None


def write_entry(path: Path, data: Callable[[], Any]) -> None:
    """Store ``data()`` atomically; a cache that cannot be written (a full disk, at any step) is not
    an error, and leaves nothing behind."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_atomically(path, json.dumps(data(), ensure_ascii=False, separators=(",", ":")).encode())
    except OSError:
        pass


class DocumentCache:
    def __init__(self, directory: Path | None = None):
        self.directory = directory or default_directory()

    def _file(self, data: bytes, name: str) -> Path:
        key = hashlib.sha256(data + b"\0" + name.encode() + b"\0" + loader_version().encode()).hexdigest()
        return self.directory / key[:2] / f"{key}.json"

    def get(self, data: bytes, name: str) -> Document | None:
        """The cached document, or ``None`` when there is none or it cannot be trusted as one."""
        entry = read_entry(self._file(data, name), _MAX_ENTRY)
        try:
            document = document_from_data(entry) if entry is not None else None
        except (ValueError, RecursionError):  # Malformed is a ValueError
            return None
        return document if document is not None and document.path == name else None  # another file's: planted

    def put(self, data: bytes, name: str, document: Document) -> None:
        write_entry(self._file(data, name), lambda: document_to_data(document))
