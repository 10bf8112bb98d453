"""The bad-input corpus: what a careless user or an attacker can hand budgetlint in CI.

Each case is a file (or settings, a cache entry, an output target) made in a folder, the
command that reads it, the exit code it must give and a piece of the one line it must print.
Never a traceback, nothing executed, memory and time bounded (README, "Limits").  The PDFs are
made from the samples in a second or two, so nothing large is committed.

    python scripts/bad_inputs.py DIR     # make the cases in DIR and show what budgetlint does

tests/test_bad_inputs.py runs every case (and .ci/run with it).  Needs pypdf
(in the ``test`` extra).
"""

from __future__ import annotations

import os
import pickle
import struct
import subprocess
import sys
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, StreamObject

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PDF = ROOT / "samples" / "pdf" / "taiqian-2023.pdf"
SAMPLE_TEXT = ROOT / "samples" / "text" / "taiqian-2023.txt"
EXECUTED = "executed.txt"  # what a planted payload would create if it ran


@dataclass
class Case:
    name: str
    args: list[str]  # after `budgetlint check`
    exit: int
    says: str  # a piece of stdout or stderr
    env: dict[str, str] = field(default_factory=dict)
    stdout: str | None = None  # a file to send stdout to (default: captured)


def _one_page(path: Path, content: bytes, size: tuple[int, int] = (595, 842)) -> Path:
    """A one-page PDF with a title line in Helvetica and ``content`` after it; in its font, code 27
    is the glyph `uni001B`, which text extraction gives as ESC."""
    writer = PdfWriter()
    page = writer.add_blank_page(*size)
    escape = DictionaryObject({NameObject("/Type"): NameObject("/Encoding"),
                               NameObject("/Differences"): ArrayObject([NumberObject(27), NameObject("/uni001B")])})
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica"),
                             NameObject("/Encoding"): writer._add_object(escape)})
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    stream = StreamObject()
    stream.set_data(b"BT /F1 12 Tf 40 800 Td (Table 1) Tj ET\n" + content)
    page[NameObject("/Contents")] = writer._add_object(stream)
    with open(path, "wb") as f:
        writer.write(f)
    return path


def inflate_bomb(path: Path) -> Path:
    """1 page whose content stream is 160 KB compressed and 160 MB inflated."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    stream = StreamObject()
    stream._data = zlib.compress(b"BT ET\n" + b" " * (160 * 2**20), 9)
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    page[NameObject("/Contents")] = writer._add_object(stream)
    with open(path, "wb") as f:
        writer.write(f)
    return path


def tiny_tables(path: Path) -> Path:
    """2 400 tiny ruled 2×2 tables on one page: pdfplumber alone takes minutes on it."""
    ops = [f"{10 + j * 13.5} {20 + i * 19} 12 12 re S {16 + j * 13.5} {20 + i * 19} m {16 + j * 13.5} {32 + i * 19} l S "
           f"{10 + j * 13.5} {26 + i * 19} m {22 + j * 13.5} {26 + i * 19} l S" for i in range(40) for j in range(60)]
    return _one_page(path, ("0.3 w\n" + "\n".join(ops)).encode(), (842, 842))


def sample_pages(path: Path, change) -> Path:
    """The sample PDF with ``change(page)`` applied to each page."""
    writer = PdfWriter(clone_from=SAMPLE_PDF)
    for page in writer.pages:
        change(page)
    writer.write(path)
    return path


class _Payload:
    """Unpickled, it opens (creates) a file: the proof that a cache entry ran code."""

    def __init__(self, marker: Path):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def office_bomb(path: Path, inflated: int = 2**30) -> Path:
    """A .docx whose document.xml declares 1 000 bytes and inflates to ``inflated`` (1 GB of spaces
    in 1 MB): the declared sizes pass every bound, the bytes do not."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = b" " * 2**20
    body = b"".join(deflate.compress(block) for _ in range(inflated // len(block))) + deflate.flush()
    parts = [(b"[Content_Types].xml", zlib.compress(b"<Types/>")[2:-4], 8), (b"word/document.xml", body, 1000)]
    out, offsets = bytearray(), []
    for name, data, size in parts:
        offsets.append(len(out))
        out += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, 0, len(data), size, len(name), 0)
        out += name + data
    directory = len(out)
    for (name, data, size), offset in zip(parts, offsets):
        out += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, 0, len(data), size,
                           len(name), 0, 0, 0, 0, 0, offset) + name
    out += struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(out) - directory, directory, 0)
    path.write_bytes(bytes(out))
    return path


def nested_controls(path: Path, depth: int = 100_000) -> Path:
    """A .docx whose one paragraph sits inside ``depth`` nested content controls (w:sdt)."""
    import zipfile

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = ("<w:sdt><w:sdtContent>" * depth + "<w:p><w:r><w:t>收支总表 合计 5</w:t></w:r></w:p>"
            + "</w:sdtContent></w:sdt>" * depth)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f"<w:document {w}><w:body>{body}</w:body></w:document>")
    return path


def many_cells(path: Path, rows: int = 25_000, columns: int = 10) -> Path:
    """A workbook of 250 000 small cells in about 1 MB: inside every bound on bytes, not on cells."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("收支总表")
    for r in range(rows):
        sheet.append([f"项目{r}"] + [r + c for c in range(columns - 1)])
    book.save(path)
    return path


def cache_entry(cache: Path) -> Path:
    """Where the cache keeps the sample text's parse (the name an attacker can predict)."""
    sys.path.insert(0, str(ROOT))
    from budgetlint.cache import DocumentCache

    entry = DocumentCache(cache)._file(SAMPLE_TEXT.read_bytes(), str(SAMPLE_TEXT.relative_to(ROOT)))
    entry.parent.mkdir(parents=True, exist_ok=True)
    return entry


def build(d: Path) -> list[Case]:
    """Make every case under ``d``; returns them in a stable order."""
    d.mkdir(parents=True, exist_ok=True)
    text = str(SAMPLE_TEXT.relative_to(ROOT))  # run from ROOT: the name the cache key is made of
    cases = [
        Case("inflate bomb", [str(inflate_bomb(d / "bomb.pdf"))], 2, "inflates to more than 64 MB"),
        Case("2 400 tiny tables on a page", [str(tiny_tables(d / "tiny-tables.pdf"))], 1, "too many table lines"),
        Case("Word part declaring 1 KB, inflating to 1 GB", [str(office_bomb(d / "bomb.docx"))], 2,
             "damaged Office file"),
        Case("workbook of 250 000 cells", [str(many_cells(d / "many-cells.xlsx"))], 2, "too many cells"),
        Case("100 000 nested content controls", [str(nested_controls(d / "nested.docx"))], 1, "BL004"),
        Case("terminal escapes in a PDF", [str(_one_page(d / "escapes.pdf", b"BT /F1 12 Tf 40 780 Td "
                                                                         b"(Total \x1b[2J\x1b[31m 5) Tj ET\n"))],
             1, "BL004"),  # nothing to check on it: said, not passed as clean
        Case("every page sideways", [str(sample_pages(d / "sideways.pdf", lambda p: p.rotate(90)))], 2,
             "runs sideways"),
        Case("page 20 times A4, HTML report", ["--format", "html", "--output", str(d / "big.html"),
                                               str(sample_pages(d / "big-page.pdf", lambda p: p.scale_by(20)))],
             1, ""),
    ]
    (d / "huge.txt").write_bytes(SAMPLE_TEXT.read_bytes() * (3 * 2**20 // SAMPLE_TEXT.stat().st_size + 1))
    cases.append(Case("3 MB text", [str(d / "huge.txt")], 2, "too large"))
    (d / "escapes.txt").write_text(SAMPLE_TEXT.read_text(encoding="utf-8").replace("台前县", "\x1b]0;pwned\x07\x1b[2J台前县"),
                                   encoding="utf-8")
    cases.append(Case("terminal escapes in a text", ["-f", "text", str(d / "escapes.txt")], 1, "台前县"))
    (d / "utf16.txt").write_bytes(SAMPLE_TEXT.read_text(encoding="utf-8").encode("utf-16"))
    cases.append(Case("UTF-16 text", [str(d / "utf16.txt")], 1, "BL311"))

    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdef", "bcdefg"))
    (d / "laughs.yaml").write_text(laughs, encoding="utf-8")
    (d / "recursive.yaml").write_text("waivers: &w [*w]\n", encoding="utf-8")
    cases += [Case("alias bomb rule pack", ["--rules", str(d / "laughs.yaml"), text], 2, "aliases"),
              Case("recursive alias waivers", ["--waivers", str(d / "recursive.yaml"), text], 2, "aliases")]
    (d / "title5.yaml").write_text("rules:\n  - id: XY101\n    name: x\n    kind: table-total\n"
                                   "    tables: {title: 5}\n    description: d\n", encoding="utf-8")
    cases.append(Case("tables: {title: 5}", ["--rules", str(d / "title5.yaml"), text], 2, "title5.yaml:5:"))
    (d / "ghost.yaml").write_text("waivers:\n  - rule: BL999\n    file: x.txt\n    figure: '1'\n    reason: r\n"
                                  "    accepted_by: x\n", encoding="utf-8")
    cases.append(Case("waiver of no rule", ["--waivers", str(d / "ghost.yaml"), text], 2, "no rule 'BL999'"))

    (d / "loop").symlink_to(d / "loop")
    cases += [Case("symlink loop as path", [str(d / "loop")], 2, "loop"),
              Case("symlink loop as --rules", ["--rules", str(d / "loop"), text], 2, "loop")]
    for name, settings, says in [("select nothing", 'select = ["NOPE"]\n', "no rule matches 'NOPE'"),
                                 ("jobs = 10000", "jobs = 10000\n", "must be at most"),
                                 ("tool = 5", None, "BL311")]:
        folder = d / name.replace(" ", "-").replace('"', "")
        folder.mkdir()
        (folder / "x.txt").write_bytes(SAMPLE_TEXT.read_bytes())
        if settings is None:
            (folder / "pyproject.toml").write_text("tool = 5\n", encoding="utf-8")
        else:
            (folder / "budgetlint.toml").write_text(settings, encoding="utf-8")
        cases.append(Case(f"settings: {name}", [str(folder)], 2 if settings else 1, says))

    cache_entry(d / "planted").write_bytes(pickle.dumps(_Payload(d / EXECUTED)))
    cases.append(Case("planted pickle in the cache", [text], 1, "BL311",
                      env={"BUDGETLINT_CACHE_DIR": str(d / "planted")}))
    cache_entry(d / "damaged").write_bytes(b"\xff\xfe\x00garbage{")
    cases.append(Case("damaged cache entry", [text], 1, "BL311", env={"BUDGETLINT_CACHE_DIR": str(d / "damaged")}))
    cases.append(Case("output into a missing folder", ["--output", str(d / "no" / "r.txt"), text], 2,
                      "does not exist"))
    cases.append(Case("output onto a folder", ["--output", str(d), text], 2, "is a folder"))
    cases.append(Case("output onto the disclosure", ["--output", text, text], 2, "being read"))
    cases.append(Case("stdout a full disk", [text], 2, "No space left", stdout="/dev/full"))
    cases.append(Case("jobs beyond the processors", ["--jobs", str((os.cpu_count() or 1) + 1), text], 2,
                      "must be at most"))
    return cases


def run(case: Case, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    # the cases name what each error says in English, whatever the machine's language
    # a cache of its own, outside the checkout: the cases must leave nothing in the repository
    cache = Path(tempfile.gettempdir()) / "budgetlint-bad-inputs-cache"
    env = {**os.environ, "BUDGETLINT_CACHE_DIR": str(cache), "BUDGETLINT_LANG": "en", **case.env}
    out = open(case.stdout, "w") if case.stdout else subprocess.PIPE  # noqa: SIM115
    try:
        return subprocess.run([sys.executable, "-m", "budgetlint", "check", *case.args], stdout=out,
                              stderr=subprocess.PIPE, text=True, env=env, cwd=cwd, timeout=120)
    finally:
        if case.stdout:
            out.close()


def main() -> None:
    directory = Path(sys.argv[1] if len(sys.argv) > 1 else "bad-inputs")
    for case in build(directory):
        done = run(case)
        ok = done.returncode == case.exit and case.says in (done.stdout or "") + done.stderr
        print(f"{'ok ' if ok else 'BAD'} exit {done.returncode} (want {case.exit})  {case.name}")


if __name__ == "__main__":
    main()
