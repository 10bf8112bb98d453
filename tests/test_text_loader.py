"""The text loader on the real samples: tables, captions, units, continuations, narrative."""

from budgetlint.load import load_document
from budgetlint.textnorm import squash

from conftest import sample


def _line(number: int, name: str = "xixiang-2024.txt") -> str:
    return sample(name).read_text(encoding="utf-8").splitlines()[number - 1]


def tables_by_title(path):
    doc = load_document(path)
    return doc, {t.title: t for t in doc.tables}


def test_xixiang_tab_tables_with_numbers_titles_and_units():
    doc, tables = tables_by_title(sample("xixiang-2024.txt"))
    numbered = [t for t in doc.tables if t.number]
    assert [t.number for t in numbered] == ["表1", "表4", "表5", "表6", "表7", "表8", "表9", "表10"]
    assert all(t.unit_text == "单位：元" for t in numbered)
    t5 = tables["部门综合预算一般公共预算支出明细表（按支出功能分类科目）"]
    assert [c.text for c in t5.header[0]][:3] == ["功能科目编码", "功能科目名称", "合计"]
    assert t5.body[0][2].text == "2368819"
    # the cell's location: line and 1-based column in the file
    loc = t5.body[0][2].location
    assert (loc.line, loc.column) == (281, 5)
    assert _line(loc.line)[loc.column - 1 :].startswith("2368819")


def test_xixiang_table7_continued_on_next_page_is_one_table():
    doc = load_document(sample("xixiang-2024.txt"))
    t7 = [t for t in doc.tables if t.number == "表7"]
    assert len(t7) == 1
    table = t7[0]
    assert len(table.parts) == 2
    labels = [row[1].text for row in table.body]
    assert labels.count("合计") == 1  # the 合计 repeated on the second page is dropped
    assert labels[-1] == "住房公积金" and table.body[-1][0].text == "2210201"
    assert table.body[-1][0].location.line > table.parts[1].line - 1


def test_xixiang_contents_table_and_notes():
    doc, tables = tables_by_title(sample("xixiang-2024.txt"))
    contents = tables["目录"]
    assert len(contents.body) == 15 and contents.body[8][2].text == "是"
    assert contents.notes[0].text.startswith("注：1.")


def test_taiqian_pipe_tables_unit_over_two_lines_and_split_codes():
    doc, tables = tables_by_title(sample("taiqian-2023.txt"))
    summary = tables["2023年部门收支预算表"]
    assert summary.number == "公开01表"
    assert squash(summary.unit_text) == "单位:万元"  # printed as `单位:` / `万元`
    fiscal = tables["2023 年财政拨款收支总体情况表"]
    assert squash(fiscal.unit_text) == "单位:万元"  # printed as `单位：万` / `元`
    expense = tables["2023 年部门支出预算表"]
    first_coded = next(r for r in expense.body if r[0].text)
    assert [c.text for c in first_coded[:3]] == ["208", "05", "05"]


def test_taiqian_page_break_continues_the_pipe_table():
    doc, tables = tables_by_title(sample("taiqian-2023.txt"))
    summary = tables["2023年部门收支预算表"]
    assert len(summary.parts) == 2
    labels = [r[2].text for r in summary.body]
    assert "十六、商业服务业等" in labels and "十七、金融支出" in labels  # not glued together
    assert summary.body[-1][0].text == "收入总计"
    projects = tables["项目支出预算表"]
    names = [r[1].text for r in projects.body]
    assert "困难群众医保缴费补助资金" in names  # `资金` wrapped onto the next page is joined back


def test_tongcheng_one_cell_per_line_stays_narrative():
    doc = load_document(sample("tongcheng-2024.txt"))
    assert doc.tables == []
    assert any("11224.43万元" in p.text for p in doc.paragraphs)


def test_shapotou_two_tables_with_the_same_title_stay_apart():
    doc = load_document(sample("shapotou-2023.txt"))
    assert [t.title for t in doc.tables] == ["部门项目支出预算绩效目标申报表"] * 2


def test_paragraph_locations():
    doc = load_document(sample("taiqian-2023.txt"))
    para = next(p for p in doc.paragraphs if "占 96.3%" in p.text)
    offset = para.text.index("96.3%")
    loc = para.locate(offset)
    assert _line(loc.line, "taiqian-2023.txt")[loc.column - 1 :].startswith("96.3%")


def test_gb18030_text_is_read(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("单位：万元\n项目\t金额\n合计\t1.00\n".encode("gb18030"))
    doc = load_document(path)
    assert doc.tables[0].body[0][1].text == "1.00"


def test_control_characters_never_reach_a_terminal_or_a_ci_log(tmp_path):
    """A submitted text with a terminal escape (clear screen, set the window title) in a sentence: the
    quoted context of a finding shows spaces where the controls were, and the columns still count."""
    from test_cli import run

    path = tmp_path / "doc.txt"
    path.write_text("某局2024年部门预算\n\n说明：本单位\x1b[2J\x1b]0;pwned\x07收入增加（减少）10 万元。\n", encoding="utf-8")
    for fmt in ("text", "github", "junit"):
        out = run("check", "--no-cache", "--format", fmt, str(path)).stdout
        assert "BL601" in out and not any(ord(ch) < 32 and ch not in "\n\t\r" for ch in out)
    assert "3:23" in run("check", "--no-cache", str(path)).stdout  # 增加（减少） where it was printed



def test_utf16_text_as_windows_notepad_saves_it_reads_like_utf8(tmp_path, rules):
    from budgetlint.lint import check_file

    original = sample("taiqian-2023.txt")
    utf16 = tmp_path / "taiqian-2023.txt"
    utf16.write_bytes(original.read_text(encoding="utf-8").encode("utf-16"))  # with its BOM
    expected = [(v.rule, v.subject.location.line, v.reported) for v in check_file(original, rules).violations]
    found = [(v.rule, v.subject.location.line, v.reported) for v in check_file(utf16, rules).violations]
    assert found == expected and len(found) == 23
