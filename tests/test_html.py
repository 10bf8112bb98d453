"""The HTML report: self-contained, with the page regions of PDF findings and the lines of text ones."""

from __future__ import annotations

import base64
import io
import re

import pdfplumber
import pytest
from PIL import Image

from budgetlint.i18n import t
from budgetlint.lint import check_paths
from budgetlint.report.formats import Rendering, renderer

from conftest import ROOT


def test_html_report_embeds_page_images_and_highlighted_lines(rules):
    report = check_paths([str(ROOT / "samples/pdf/taiqian-2023.pdf"), str(ROOT / "samples/text/taiqian-2023.txt")],
                         rules.filtered(["BL101", "BL311"], None))
    page = renderer("html")(Rendering(report, rules))
    assert page.startswith("<!DOCTYPE html>") and "http" not in page.split("<body>")[0]  # nothing to fetch
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', page)
    pdf_findings = [v for v in report.violations if v.subject.location.page]
    assert len(images) >= len(pdf_findings) == 5
    for data in images:
        picture = Image.open(io.BytesIO(base64.b64decode(data)))
        assert picture.width > 100 and picture.height > 40
        assert (220, 38, 38) in {c for _, c in picture.convert("RGB").getcolors(1 << 20)}  # the red box is drawn
    assert "第15页：红框为本处数字" in page  # 一般公共预算支出预算表, where 584.50 stands
    # text findings: the lines around them, the figure marked
    assert '<mark class="subject">584.50</mark>' in page
    assert '<mark class="related">44.00</mark>' in page


def test_page_pictures_outline_the_figures_and_never_paint_over_them(rules, monkeypatch):
    from pdfplumber.display import PageImage

    drawn = []
    original = PageImage.draw_rect

    def recording(self, bbox, fill=None, stroke=None, stroke_width=1):
        drawn.append((tuple(bbox), fill))
        return original(self, bbox, fill=fill, stroke=stroke, stroke_width=stroke_width)

    monkeypatch.setattr(PageImage, "draw_rect", recording)
    report = check_paths([str(ROOT / "samples/pdf/taiqian-2023.pdf")], rules.filtered(["BL101"], None))
    renderer("html")(Rendering(report, rules))
    figure = report.violations[0].subject.location.bbox  # 584.50, 合计 of 基本支出
    assert drawn and all(fill is None for _, fill in drawn)
    boxes = [box for box, _ in drawn]
    assert any(b[0] < figure[0] and b[1] < figure[1] and b[2] > figure[2] and b[3] > figure[3] for b in boxes)


@pytest.fixture()
def crops(monkeypatch) -> list[tuple[int, tuple]]:
    """The (page, region) of every crop the HTML report renders, as it renders them."""
    from pdfplumber.page import Page

    made: list[tuple[int, tuple]] = []
    original = Page.crop

    def recording(self, bbox, *args, **kwargs):
        made.append((self.page_number, tuple(bbox)))
        return original(self, bbox, *args, **kwargs)

    monkeypatch.setattr(Page, "crop", recording)
    return made


def test_a_table_finding_picture_shows_its_whole_row_label_and_code_included(rules, crops):
    report = check_paths([str(ROOT / "samples/pdf/taiqian-2023.pdf")], rules.filtered(["BL401"], None))
    renderer("html")(Rendering(report, rules))
    duplicate = report.violations[0]  # 2210201 住房公积金 listed twice on page 15
    (crop,) = [box for page, box in crops if page == duplicate.subject.location.page]
    top = duplicate.subject.location.bbox[1]
    with pdfplumber.open(ROOT / "samples/pdf/taiqian-2023.pdf") as pdf:
        row = [c for c in pdf.pages[14].chars if abs(c["top"] - top) < 3]
    label = "".join(c["text"] for c in row)
    assert "221" in label and "住房公积金" in label
    assert all(crop[0] <= c["x0"] and c["x1"] <= crop[2] and crop[1] <= c["top"] and c["bottom"] <= crop[3] for c in row)


def test_a_batch_report_opens_with_contents_linking_each_file_and_each_finding(rules):
    paths = [str(ROOT / "samples/text/taiqian-2023.txt"), str(ROOT / "samples/text/zhangzhou-2024.txt"),
             str(ROOT / "tests/data/empty.pdf")]
    report = check_paths(paths, rules)
    page = renderer("html")(Rendering(report, rules))
    contents = page[page.index('<table class="counts contents">'):]
    contents = contents[: contents.index("</table>")]
    rows = re.findall(r"<tr><td>\d+</td>(.*?)</tr>", contents)
    assert len(rows) == 3 and "无法检查" in rows[2] and t("empty file") in rows[2]
    taiqian = [v for v in report.violations if v.file.endswith("taiqian-2023.txt")]
    links = re.findall(r'href="#(file-1-\d+)"', rows[0])
    assert len(links) == len(taiqian) > 20
    for anchor in links:  # each link leads to a finding, inside the file's collapsible section
        assert f'<div class="finding" id="{anchor}">' in page
    assert '<details id="file-1" open><summary><h2>' in page and 'href="#file-2"' in rows[1]


def test_page_pictures_are_drawn_in_sixteen_colours_keeping_the_outlines_exact(rules):
    report = check_paths([str(ROOT / "samples/pdf/taiqian-2023.pdf")], rules.filtered(["BL101"], None))
    page = renderer("html")(Rendering(report, rules))
    for data in re.findall(r'src="data:image/png;base64,([^"]+)"', page):
        picture = Image.open(io.BytesIO(base64.b64decode(data)))
        colours = {c for _, c in picture.convert("RGB").getcolors(1 << 20)}
        assert picture.mode == "P" and len(colours) <= 16 and (220, 38, 38) in colours


def test_each_finding_carries_its_rules_explanation(rules):
    report = check_paths([str(ROOT / "samples/text/taiqian-2023.txt")], rules.filtered(["BL101"], None))
    page = renderer("html")(Rendering(report, rules))
    rule = rules.get("BL101")
    assert page.count(f"<summary>规则说明：{rule.summary}</summary>") == len(report.violations) == 3


def test_a_table_figures_picture_shows_its_column_heading(rules, crops):
    report = check_paths([str(ROOT / "samples/pdf/taiqian-2023.pdf")], rules.filtered(["BL101"], None))
    renderer("html")(Rendering(report, rules))
    total = next(v for v in report.violations if v.reported == "584.50")  # 合计 of the 基本支出 column, page 15
    heading = total.subject.heading
    with pdfplumber.open(ROOT / "samples/pdf/taiqian-2023.pdf") as pdf:
        chars = [c for c in pdf.pages[14].chars if heading.bbox[0] - 1 <= c["x0"] and c["x1"] <= heading.bbox[2] + 1
                 and heading.bbox[1] - 1 <= c["top"] and c["bottom"] <= heading.bbox[3] + 1]
    assert "".join(c["text"] for c in chars).replace(" ", "") == "基本支出"
    shown = [box for page, box in crops if page == 15]
    assert any(all(b[1] <= c["top"] and c["bottom"] <= b[3] for c in chars) for b in shown)
