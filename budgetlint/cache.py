"""A cache of parsed documents, so an unchanged file is not parsed again.

Reading a PDF is most of the time a check takes; the document model it gives
depends only on the file's bytes, the name it is reported under and the loader's
code.  The key is made of all three (the loader's code by a hash of its source,
so a changed loader never serves stale documents).  The cache lives in the
user's cache directory (``$BUDGETLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME`` or
``~/.cache``, under ``budgetlint``); a damaged entry is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from budgetlint import __version__
from budgetlint.model import Document


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
    for source in sorted((package / "load").glob("*.py")) + [package / "model.py", package / "textnorm.py"]:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


class DocumentCache:
    def __init__(self, directory: Path | None = None):
        self.directory = directory or default_directory()

    def _file(self, data: bytes, name: str) -> Path:
        key = hashlib.sha256(data + b"\0" + name.encode() + b"\0" + loader_version().encode()).hexdigest()
        return self.directory / key[:2] / f"{key}.pickle"

    def get(self, data: bytes, name: str) -> Document | None:
        try:
            with open(self._file(data, name), "rb") as f:
                document = pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None
        return document if isinstance(document, Document) else None

    def put(self, data: bytes, name: str, document: Document) -> None:
        """Store atomically; a cache that cannot be written is not an error."""
        target = self._file(data, name)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=target.parent, delete=False, suffix=".tmp") as f:
                pickle.dump(document, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(f.name, target)
        except OSError:
            pass
