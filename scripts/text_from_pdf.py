"""Write a published PDF disclosure as a text sample, the shape of the seeds in samples/text/.

Why: the seeds are text extractions of published disclosures; a PDF in the real corpus
becomes a sample of the same kind (tables as tab-separated lines under their title and
`单位` line, one paragraph per line), read with budgetlint's own loader so that the text
and the PDF give the same findings.  A label merged across columns is written once, in
its first column; a merged heading is repeated over the columns it spans.
Run: python scripts/text_from_pdf.py PDF OUT.txt
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from budgetlint.load import load_document  # noqa: E402
from budgetlint.model import Cell, Table  # noqa: E402

_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """One line of text as printed: whitespace runs made one space, nothing else changed."""
    return _SPACES.sub(" ", text).strip()


def _header(rows: list[list[Cell]]) -> list[str]:
    """Header rows, a merged heading repeated over every position it covers (across and down)."""
    out: list[list[str]] = []
    for row in rows:
        texts = [clean(c.text) for c in row]
        if out:
            texts = [above if c.covered and not t else t for c, t, above in zip(row, texts, out[-1])]
        out.append(texts)
    return ["\t".join(texts) for texts in out]


def _table(table: Table) -> list[str]:
    lines = [table.name, ""]
    if table.meta:
        lines += [table.meta, ""]
    if table.unit_text:
        lines += [table.unit_text, ""]
    lines += _header(table.header) + ["\t".join("" if c.covered else clean(c.text) for c in row) for row in table.body]
    lines += [clean(note.text) for note in table.notes]
    return lines + [""]


def text_of(pdf: Path) -> str:
    out: list[str] = []
    for block in load_document(pdf).blocks:
        out += _table(block) if isinstance(block, Table) else [clean(block.text), ""]
    return "\n".join(out).rstrip() + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    args.out.write_text(text_of(args.pdf), encoding="utf-8")


if __name__ == "__main__":
    main()
