"""PDF disclosures: the same findings as their text versions, located on the page, and bad files."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pdfplumber
import sys

import pytest

from budgetlint.cache import DocumentCache
from budgetlint.i18n import set_language
from budgetlint.lint import check_file
from budgetlint.load import LoadError, load_document

from conftest import ROOT, sample
from test_cli import run

PDFS = ROOT / "samples" / "pdf"
TEXTS = ROOT / "samples" / "text"
DATA = Path(__file__).resolve().parent / "data"
NAMES = ["xixiang-2024", "taiqian-2023", "zhangzhou-2024", "shapotou-2023", "tongcheng-2024"]


def findings(path: Path, rules) -> Counter:
    """What was found, independent of where: rule, reported and computed figure."""
    def plain(text: str) -> str:
        return re.sub(r"第\d+[行页]", "@", re.sub(r"\s+", "", text))

    return Counter((v.rule, plain(v.reported), plain(v.computed)) for v in check_file(path, rules).violations)


@pytest.mark.parametrize("name", NAMES)
def test_each_sample_pdf_gives_the_findings_of_its_text(name, rules):
    assert findings(PDFS / f"{name}.pdf", rules) == findings(sample(f"{name}.txt"), rules)


def test_pdf_tables_titles_units_and_continuations():
    doc = load_document(PDFS / "xixiang-2024.pdf")
    assert doc.pages == 31
    by_number = {t.number: t for t in doc.tables if t.number}
    assert by_number["表5"].title == "部门综合预算一般公共预算支出明细表（按支出功能分类科目）"  # two printed lines
    assert by_number["表5"].unit_text == "单位：元"
    t7 = by_number["表7"]
    assert len(t7.parts) == 2 and [p.page for p in t7.parts] == [21, 22]
    assert [row[0].text for row in t7.body].count("") == 1  # one 合计 row, the repeated one dropped
    assert t7.body[-1][0].text == "2210201"
    t1 = by_number["表1"]
    assert len(t1.parts) == 3 and t1.header[0][0].text == "收 入"  # Word repeated the header on each page
    cell = t1.body[0][1]
    assert cell.text == "2368819.00" and cell.location.page == 12 and cell.location.bbox


def test_wrapped_cells_and_merged_headers_in_excel_pages():
    doc = load_document(PDFS / "taiqian-2023.pdf")
    income = next(t for t in doc.tables if t.title.replace(" ", "") == "2023年部门收入预算表")
    assert income.location.page == 11
    assert [c.text for c in income.body[1][:2]] == ["205", "台前县医疗保障局"]  # `台前县医` / `疗保障局` joined
    merged = income.header[0][4]  # a position inside the merged `本年收入` cell repeats its text
    assert income.header[0][3].text == "本年收入" and not income.header[0][3].covered
    assert merged.covered and merged.text == "本年收入"


@pytest.mark.parametrize("rule, reported", [("BL101", "584.50"), ("BL311", "96.3%"), ("BL321", "8%")])
def test_reported_bbox_covers_the_figure_on_the_rendered_page(rule, reported, rules, tmp_path):
    path = PDFS / "taiqian-2023.pdf"
    v = next(v for v in check_file(path, rules).violations if v.rule == rule and v.reported == reported)
    loc = v.subject.location
    assert loc.page and loc.bbox
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[loc.page - 1]
        image = page.to_image(resolution=72, antialias=True)
        image.draw_rect(loc.bbox, stroke=(255, 0, 0), fill=None)
        image.save(tmp_path / "page.png")
        x0, top, x1, bottom = loc.bbox
        inside = [c["text"] for c in page.chars
                  if x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom]
    assert "".join(inside).replace(" ", "") == reported.replace(" ", "")
    assert (tmp_path / "page.png").stat().st_size > 10_000


@pytest.mark.parametrize("name, reason", [
    ("not-a-pdf.pdf", "not a PDF (no %PDF header)"),
    ("truncated.pdf", "incomplete PDF: the file ends too early (cut off while downloading or copying?)"),
    ("encrypted.pdf", "encrypted PDF: a password is needed to read it"),
    ("scanned.pdf", "no text layer on any page (a scanned PDF?): OCR is not supported yet"),
    ("empty.pdf", "empty file"),
])
def test_bad_pdfs_fail_with_their_reason(name, reason):
    set_language("en")  # the reasons as written in the code
    with pytest.raises(LoadError) as info:
        load_document(DATA / name)
    assert str(info.value) == reason


def test_bad_pdfs_in_a_batch_exit_2_and_the_good_file_is_still_checked():
    bad = [str(DATA / n) for n in ("not-a-pdf.pdf", "truncated.pdf", "encrypted.pdf", "scanned.pdf", "empty.pdf")]
    result = run("check", "--format", "json", "--no-cache", *bad, "samples/pdf/taiqian-2023.pdf")
    assert result.returncode == 2
    data = json.loads(result.stdout)
    assert sorted(Path(e["path"]).name for e in data["errors"]) == sorted(Path(b).name for b in bad)
    assert any(v["rule"] == "BL101" and v["location"]["page"] == 15 for v in data["violations"])
    assert len(result.stderr.strip().splitlines()) == 5


def test_glyphs_without_unicode_are_a_located_problem_never_figures(rules):
    result = check_file(DATA / "lost-unicode.pdf", rules)
    problems = [v for v in result.violations if v.rule == "BL001"]
    assert [v.subject.location.page for v in problems] == [1, 2, 3, 4]
    assert all(v.rule == "BL001" for v in result.violations)
    assert result.facts == 0  # nothing unreadable became a figure


def test_a_blank_page_and_text_off_the_page_are_reported_where_a_reader_looks(rules):
    """page-faults.pdf: page 2 is blank; page 3's box was cut 650 pt short, so its lower lines are
    printed below the page (as an over-long Excel sheet prints, renda-2017 p11)."""
    found = {v.rule: v for v in check_file(DATA / "page-faults.pdf", rules).violations if v.rule in ("BL608", "BL609")}
    assert found["BL608"].subject.location.page == 2
    off = found["BL609"]
    assert off.subject.location.page == 3 and off.reported == "效益指标指标3:加强基金监管,"
    # 132: the page's number `-2-`, out of the cut box too, is not counted (a reader misses nothing)
    assert off.message.startswith("第3页有 132 个字符印在页面下方之外")


def test_an_overflow_the_next_page_repeats_in_view_is_not_lost():
    """上海 shangwu-2025 p3/p4: Word printed p3's last line below the page and again at the top of p4,
    and p3's opening lines above p4's top: nothing is lost, nothing is reported.  A short line
    (`单位:万元`, jianchayuan-2019 p21, right of a portrait page) proves nothing by being elsewhere."""
    from budgetlint.load.visibility import off_page_problems

    landscape, portrait = (0.0, 0.0, 842.0, 595.0), (0.0, 0.0, 595.0, 842.0)
    in_view_3 = "上海市普陀区商务委员会是主管全区产业经济的区政府工作部门。主要职能包括:1、贯彻执行国家有关法律"
    in_view_4 = "帮困对象粮油供应管理和粮食流通统计;13、完成区委、区政府交办的其他任务。单位:万元"
    pages = [
        (3, landscape, [("帮困对象粮油供应管理和粮食流通统计;", (58.0, 586.0, 694.0, 612.0))], in_view_3),
        (4, landscape, [("主要职能包括:", (82.0, -40.0, 166.0, -28.0)),
                        ("1、贯彻执行国家有关法律", (58.0, -20.0, 300.0, -8.0))], in_view_4),
        (5, portrait, [("单位:万元", (681.0, 166.0, 731.0, 176.0))], "单位:万元"),
    ]
    (problem,) = off_page_problems("x.pdf", pages)
    assert (problem.location.page, problem.location.bbox, problem.kind) == (5, (595.0, 166.0, 595.0, 176.0), "off-page")
    assert problem.text == "第5页有 5 个字符印在页面右侧之外，阅读时看不到（「单位:万元」）"


def test_cache_serves_an_unchanged_file_and_no_cache_bypasses_it(tmp_path, rules, monkeypatch):
    cache = DocumentCache(tmp_path / "cache")
    first = check_file(PDFS / "shapotou-2023.pdf", rules, cache=cache)
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 1

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr("budgetlint.load.pdf.parse_pdf", no_parsing)
    again = check_file(PDFS / "shapotou-2023.pdf", rules, cache=cache)
    assert (again.tables, again.facts) == (first.tables, first.facts)
    with pytest.raises(AssertionError, match="parsed again"):
        check_file(PDFS / "shapotou-2023.pdf", rules, cache=None)


class _Planted:
    """A pickle that, if unpickled, would leave a file behind (as `os.system` would run a command)."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (self.marker, "ran"))


def test_a_planted_or_damaged_cache_entry_runs_nothing_and_is_replaced(tmp_path, rules):
    """A CI cache is restored from other branches: whatever sits at an entry's name is data at most."""
    import pickle

    source = PDFS / "shapotou-2023.pdf"
    cache = DocumentCache(tmp_path / "cache")
    clean = check_file(source, rules, cache=None)
    entry = cache._file(source.read_bytes(), str(source))
    marker = tmp_path / "ran"
    planted = pickle.dumps(_Planted(marker))
    for damage in (planted, b"\x80\x05garbage", b"{" * 100_000, b'{"format": 1, "files": [], "blocks": [5]}',
                   "{\"format\": 1, \"path\": \"\u00e9\"".encode("utf-16")):
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_bytes(damage)
        again = check_file(source, rules, cache=cache)
        assert [v.message for v in again.violations] == [v.message for v in clean.violations]
        assert not marker.exists()
        assert entry.read_bytes() != damage  # parsed again and replaced
    assert list((tmp_path / "cache").rglob("*.tmp")) == []


def test_another_files_entry_under_this_files_key_is_not_served(tmp_path, rules):
    """An entry copied under another key (a CI cache of another branch) holds another disclosure."""
    mine, other = TEXTS / "taiqian-2023.txt", TEXTS / "zhangzhou-2024.txt"
    cache = DocumentCache(tmp_path / "cache")
    clean = check_file(mine, rules, cache=None)
    check_file(other, rules, cache=cache)
    (stored,) = (tmp_path / "cache").rglob("*.json")
    entry = cache._file(mine.read_bytes(), str(mine))
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_bytes(stored.read_bytes())
    again = check_file(mine, rules, cache=cache)
    assert [v.message for v in again.violations] == [v.message for v in clean.violations]


def test_a_cache_write_that_fails_leaves_no_temporary_file(tmp_path, rules, monkeypatch):
    def full_disk(document):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("budgetlint.cache.document_to_data", full_disk)
    cache = DocumentCache(tmp_path / "cache")
    check_file(PDFS / "shapotou-2023.pdf", rules, cache=cache)
    assert [p for p in (tmp_path / "cache").rglob("*") if p.is_file()] == []


def test_no_cache_flag_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("BUDGETLINT_CACHE_DIR", str(tmp_path / "c"))
    assert run("check", "--no-cache", "samples/pdf/shapotou-2023.pdf").returncode == 0
    assert not (tmp_path / "c").exists()
    assert run("check", "samples/pdf/shapotou-2023.pdf").returncode == 0
    assert list((tmp_path / "c").rglob("*.json"))


def test_pages_in_parallel_give_the_same_document():
    one = load_document(PDFS / "taiqian-2023.pdf", jobs=1)
    two = load_document(PDFS / "taiqian-2023.pdf", jobs=2)
    assert [(t.title, len(t.body)) for t in one.tables] == [(t.title, len(t.body)) for t in two.tables]
    assert [p.text for p in one.paragraphs] == [p.text for p in two.paragraphs]


def test_a_sideways_page_is_said_and_no_table_is_called_missing_or_stood_in_for(tmp_path, rules):
    """台前's 支出总表 (page 12) turned 90°: its text is not read, and no rule may then say a table is
    missing (BL501, BL503) or compare the 收支总表 with the 一般公共预算 table in its stead (BL210)."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=PDFS / "taiqian-2023.pdf")
    writer.pages[11].rotate(90)
    turned = tmp_path / "turned.pdf"
    writer.write(turned)
    result = check_file(turned, rules)
    unread = [v for v in result.violations if v.rule == "BL001"]
    assert [v.subject.location.page for v in unread] == [12] and "侧向" in unread[0].message
    assert not [v for v in result.violations if v.rule in ("BL210", "BL501", "BL503")]
    upright = check_file(PDFS / "taiqian-2023.pdf", rules)
    assert sum(v.rule == "BL210" for v in upright.violations) == 4


def test_a_page_of_many_tiny_ruled_tables_is_not_read_for_tables_and_says_so():
    from budgetlint.load.limits import MAX_GRID, ruled_grid_size

    def rule(orientation: str, at: float, start: float, end: float) -> dict:
        if orientation == "v":
            return {"orientation": "v", "x0": at, "top": start, "bottom": end}
        return {"orientation": "h", "top": at, "x0": start, "x1": end}

    # one real table: 10 columns drawn cell by cell still join into 11 vertical rules
    cells = [rule("v", 10 + 50 * c, 20 * r, 20 * r + 20) for c in range(11) for r in range(30)]
    cells += [rule("h", 20 * r, 10 + 50 * c, 60 + 50 * c) for r in range(31) for c in range(10)]
    assert ruled_grid_size(cells) == 11 * 31
    tiny = [rule(o, 16 * i + d, 16 * j, 16 * j + 12) for i in range(40) for j in range(40) for o in "vh" for d in (0, 6, 12)]
    assert ruled_grid_size(tiny) > MAX_GRID


def test_a_picture_smaller_than_the_page_is_no_scan(rules):
    """西安 医保 2022 p16: a page holding one chart (a quarter of the page) and no text is not a scanned
    page; a page one image covers is.  picture-page.pdf: p1 text, p2 a 440×270 pt picture, p3 a scan."""
    problems = {p.location.page: p for p in load_document(DATA / "picture-page.pdf").problems}
    assert (problems[2].kind, problems[2].unread) == ("picture", True)  # not read: no rule may say what it lacks
    assert problems[3].kind == "unreadable"
    found = [(v.rule, v.subject.location.page) for v in check_file(DATA / "picture-page.pdf", rules).violations]
    assert found == [("BL001", 3)]


def test_fake_bold_is_printed_once_as_pdfplumber_does_it(tmp_path):
    """budgetlint's dedupe keeps the characters pdfplumber's keeps, in the same order (without its
    quadratic ordering step), on every page of two samples."""
    import pdfplumber

    from budgetlint.load.pdf import _deduped

    import importlib.util

    spec = importlib.util.spec_from_file_location("bad_inputs", ROOT / "scripts" / "bad_inputs.py")
    bad_inputs = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bad_inputs", bad_inputs)  # its dataclasses look their module up there
    spec.loader.exec_module(bad_inputs)
    bold = bad_inputs._one_page(tmp_path / "bold.pdf", b"BT /F1 12 Tf 40 780 Td (Total 5) Tj ET\n"
                                                      b"BT /F1 12 Tf 40.3 780.2 Td (Total 5) Tj ET\n")
    for path in (PDFS / "taiqian-2023.pdf", PDFS / "shapotou-2023.pdf", bold):
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                theirs = page.dedupe_chars().chars
                assert _deduped(page).chars == theirs
    with pdfplumber.open(bold) as pdf:
        (page,) = pdf.pages
        assert "".join(c["text"] for c in _deduped(page).chars) == "Table 1Total 5" != "".join(c["text"] for c in page.chars)
