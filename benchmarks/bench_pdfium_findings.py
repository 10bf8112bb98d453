"""What budgetlint finds when it reads pypdfium2's characters instead of pdfminer's (issue 26): the
test a pypdfium2 reader must pass, run before the reader exists.

Runs ``budgetlint check`` (one process, no cache) with the loader's layout step patched: the page's
graphics and clips still come from pdfminer, its characters from pypdfium2
(``bench_pdfium_chars.char_dicts``).  Prints each file whose findings, tables or facts differ from
an ordinary run's, and how many files are the same.

Run: ``python benchmarks/bench_pdfium_findings.py [PATH ...]`` (default: ``../shared/real``); it
runs budgetlint twice over the files.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_pdfium_chars  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _patched_check(arguments: list[str]) -> None:
    """``budgetlint check`` in this process, its characters read by pypdfium2."""
    import budgetlint.load.pdf as pdf_loader
    from budgetlint.cli import app

    lay_out, documents = pdf_loader._lay_out, {}

    def with_pdfium_chars(page) -> None:
        lay_out(page)
        key = id(page.pdf)
        if key not in documents:
            documents.clear()
            documents[key] = pdfium.PdfDocument(page.pdf.stream.getvalue())
        same = documents[key][page.page_number - 1]
        page.objects["char"] = bench_pdfium_chars.char_dicts(same, page)
        same.close()

    pdf_loader._lay_out = with_pdfium_chars
    app(["check", *arguments])


def _run(paths: list[str], patched: bool) -> dict:
    command = [sys.executable, __file__, "--patched"] if patched else [sys.executable, "-m", "budgetlint", "check"]
    done = subprocess.run([*command, "--no-cache", "--jobs", "1", "--format", "json", *paths],
                          capture_output=True, text=True, cwd=ROOT)
    return json.loads(done.stdout)


def _by_file(report: dict) -> dict[str, tuple]:
    """Each file's findings (rule, place, figures), tables understood and facts."""
    findings = collections.defaultdict(list)
    for v in report["violations"]:
        findings[v["file"]].append((v["rule"], json.dumps(v["location"], sort_keys=True), v.get("reported"),
                                    v.get("computed")))
    return {f["path"]: (sorted(findings[f["path"]]), f["tables"], f["facts"]) for f in report["files"]}


def _what_differs(mine: tuple, other: tuple) -> str:
    """`places` when only where the findings are differs (a box moved by a point), else what does."""
    def unplaced(findings: list[tuple]) -> list[tuple]:
        return sorted((rule, reported, computed) for rule, _, reported, computed in findings)

    named = [name for name, a, b in (("findings", unplaced(mine[0]), unplaced(other[0])),
                                     ("tables", mine[1], other[1]), ("facts", mine[2], other[2])) if a != b]
    return ", ".join(named) or "places"


def main() -> None:
    if sys.argv[1:2] == ["--patched"]:
        _patched_check(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(ROOT.parent / "shared" / "real")])
    paths = parser.parse_args().paths
    ordinary, patched = _by_file(_run(paths, False)), _by_file(_run(paths, True))
    print(f"{'file':48} {'findings':>9} {'tables':>9} {'facts':>11}  differ")
    for path, mine in ordinary.items():
        other = patched.get(path, ([], None, None))
        if mine != other:
            print(f"{Path(path).name[-48:]:48} {len(mine[0]):4d}>{len(other[0]):<4d} {mine[1]:4}>{other[1]!s:4} "
                  f"{mine[2]:5}>{other[2]!s:5}  {_what_differs(mine, other)}")
    same = sum(1 for path, read in ordinary.items() if patched.get(path) == read)
    alike = sum(1 for path, read in ordinary.items() if path in patched and _what_differs(read, patched[path]) == "places")
    print(f"files with the same findings, tables and facts: {same} of {len(ordinary)}; "
          f"the same but for the places of findings: {alike - same}")


if __name__ == "__main__":
    main()
