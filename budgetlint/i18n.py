"""One language at a time: the words budgetlint's reports write, in Chinese (the default) or English.

Each text a report writes is written in English in the code and looked up here (as gettext
does, without its files): ``t("{n} problems found", n=3)`` gives `发现 3 处问题` in Chinese and
the English itself with ``--lang en``.  The language is chosen once per run, by ``--lang``, else
``BUDGETLINT_LANG``, else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG`` starting with `en`);
worker processes inherit it.  Quoted document text and rule messages are not translated here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGUAGES = ("zh", "en")
_state = {"language": "zh"}


def choose_language(flag: str | None = None, environ: Mapping[str, str] = os.environ) -> str:
    """The language a run writes in: the flag, else BUDGETLINT_LANG, else the locale's, else Chinese."""
    if flag in LANGUAGES:
        return flag
    if environ.get("BUDGETLINT_LANG") in LANGUAGES:
        return environ["BUDGETLINT_LANG"]
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


def set_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"language {language!r}: use one of {', '.join(LANGUAGES)}")
    _state["language"] = language


def language() -> str:
    return _state["language"]


def t(text: str, **values: object) -> str:
    """``text`` in the run's language, its ``{placeholders}`` filled."""
    template = ZH.get(text, text) if _state["language"] == "zh" else text
    return template.format(**values) if values else template


def listed(items: object) -> str:
    """Items as a list is written: `a、b` in Chinese, `a, b` in English."""
    return ("、" if _state["language"] == "zh" else ", ").join(str(i) for i in items)


ZH = {
    # severities and verdicts
    "error": "错误", "warning": "警告", "info": "提示",
    "passed": "通过", "failed": "未通过", "needs review": "需复核", "not checked": "无法检查",
    "yes": "是", "no": "否", "cannot tell": "无法判断",
    # findings
    "reported": "列示", "should be": "应为", "difference": "差", "based on: ": "依据：",
    " … {n} more": " … 另 {n} 项",
    "(checked with {files} as one disclosure)": "（与 {files} 作为同一公开文件一并检查）",
    "waived (not counted)": "已豁免（不计入）",
    # the summary line
    "{n} problems found ({detail})": "发现 {n} 处问题（{detail}）",
    "0 problems found in the files checked": "所检查的文件中发现 0 处问题",
    "no problems found": "未发现问题",
    ", {n} files checked": "，检查 {n} 个文件", " ({n} pages)": "（{n} 页）",
    ", {n} waived": "，{n} 处已豁免",
    ", {n} files could not be checked": "，{n} 个文件无法检查",
    ", {n} files not checked (kinds not read: {kinds}: {files})": "，{n} 个文件未检查（不读的类型：{kinds}：{files}）",
    "{suffix} {n}": "{suffix} {n} 个", "no extension": "无扩展名",
    ", in {seconds} s": "，用时 {seconds} 秒", ".": "。", ", ": "，", "; ": "；",
    # batch tables (text, HTML, workbook)
    "file": "文件", "agency": "单位", "disclosure": "公开类型", "errors": "错误", "warnings": "警告",
    "notes": "提示", "verdict": "结论", "problems": "问题", "rule": "规则", "name": "名称",
    "severity": "级别", "count": "处数", "checking": "检查",
    # HTML
    "budgetlint report": "budgetlint 检查报告",
    "budgetlint {version}: {files} files checked, {n} problems found": "budgetlint {version}：检查 {files} 个文件，发现 {n} 处问题",
    "files that could not be checked": "无法检查的文件",
    "{pages} pages, ": "{pages} 页，",
    "{label}: {pages}{tables} tables, {facts} figures; {n} problems": "{label}：{pages}{tables} 张表，{facts} 个数字；{n} 处问题",
    "page {page}: red, the figure reported; blue, the figures it was compared with":
        "第{page}页：红框为本处数字，蓝框为比较所用的数字",
    "page {page}: the figures compared with": "第{page}页：比较所用的数字",
    "about the rule: {summary}": "规则说明：{summary}",
    # the workbook and checklist
    "budgetlint results": "budgetlint 检查结果",
    "summary": "汇总", "no.": "序号", "year": "年度", "pages": "页数", "tables recognised": "识别的表",
    "checklist": "检查表", "note": "说明", "item": "检查项", "meets requirements": "符合要求", "state": "情况",
    "where": "位置", "message": "问题", "← back to {sheet}": "← 返回{sheet}",
    "{label} checklist": "{label} 检查表",
    "budgetlint {version}: {n} disclosures, {passed} passed": "budgetlint {version}：{n} 份公开文件，{passed} 份通过",
    "{errors} errors, {warnings} warnings, {notes} notes": "错误 {errors} 处，警告 {warnings} 处，提示 {notes} 处",
    "table printed: {name}": "公开的表：{name}", "check: {name}": "检查项：{name}",
    "not found": "未见此表", "not found (a page could not be read)": "未见此表（有页面未能读取）",
    "page {page}": "第{page}页", "{severity} {n}": "{severity} {n} 处", "(not recognised)": "（未能识别）",
    "other": "其他",
    # what a disclosure is
    "{year}": "{year}年", "{level} {kind}": "{level}{kind}", "{year} {what}": "{year}{what}", "department": "部门", "unit": "单位", "budget": "预算", "final accounts": "决算",
}
