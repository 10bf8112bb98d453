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


def t(text: str, /, **values: object) -> str:
    """``text`` in the run's language, its ``{placeholders}`` filled."""
    template = ZH.get(text, text) if _state["language"] == "zh" else text
    return template.format(**values) if values else template


def tn(one: str, many: str, n: int, /, **values: object) -> str:
    """A text that counts ``n`` things: in English ``one`` for one and ``many`` otherwise (`1 file
    checked`, `2 files checked`); Chinese has one form, the catalogue's for ``many``."""
    return t(one if n == 1 and _state["language"] != "zh" else many, n=n, **values)


def listed(items: object) -> str:
    """Items as a list is written: `a、b` in Chinese, `a, b` in English."""
    return ("、" if _state["language"] == "zh" else ", ").join(str(i) for i in items)


def names(items: object) -> str:
    """Names the document or a rule pack gives (tables, items) as a list: `a、b` in Chinese, and
    `「a」, 「b」` in English, where the quotes tell the document's words from the report's."""
    if _state["language"] == "zh":
        return listed(items)
    return listed(f"「{item}」" for item in items)


ZH = {
    # severities and verdicts
    "error": "错误", "warning": "警告", "info": "提示",
    "passed": "通过", "failed": "未通过", "needs review": "需复核", "not checked": "无法检查",
    "yes": "是", "no": "否", "cannot tell": "无法判断",
    # findings
    "reported": "列示", "should be": "应为", "found": "所见", "expected": "应当", "difference": "差", "based on: ": "依据：",
    " … {n} more": " … 另 {n} 项",
    "(checked with {files} as one disclosure)": "（与 {files} 作为同一公开文件一并检查）",
    "the same agency ({agency}): {what}": "同一单位（{agency}）：{what}",
    "named as one agency's (--series): {what}": "按 --series 指定为同一单位：{what}",
    "not compared: no other disclosure of the agency was checked in this run": "未比对：本次检查中没有该单位的其他公开",
    "series {n}: ": "系列 {n}：", "series {n}: {agency}": "系列 {n}：{agency}", "compared in": "所属系列",
    "{n} other figures of the two disclosures agree": "两份公开其余 {n} 处对应数字相符",
    "last year's figures the narrative implies (compared with last year's disclosure):": "说明中的增减所隐含的上年数（与上年公开比对）：",
    "{change}: not compared ({why})": "{change}：不比对（{why}）",
    "{worked_out} = {figure}, matched by {rows}": "{worked_out} = {figure}，对应 {rows}",
    "the change may be of several amounts": "增减可能指几个金额",
    "the change names no amount": "增减未指明金额",
    "the change is on last year's outturn, not its budget": "比较的是上年执行数，不是上年预算",
    "the change is given as a reason: it is a part's": "增减是作为原因说的，属于其中一部分",
    "the amount is not this year's money": "该金额不是本年金额",
    "no understood table figure agrees with the amount": "表中没有读懂且与之一致的数字", "series": "系列（同一单位的几份公开相互比对）",
    "{n} pair compared": "比对 {n} 对", "{n} pairs compared": "比对 {n} 对",
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
    # settings (budgetlint.config) and selectors
    "must be a string or a list of strings": "须为字符串或字符串列表", "must be error, warning or info": "须为 error、warning 或 info",
    "must be a table of rule = level, e.g. {example}": "须为“规则 = 级别”的表，如 {example}",
    "must be a whole number of processes, 1 or more": "须为进程数，1 或更多",
    "must be at most {n}, the processors of this machine": "最多为 {n}，即本机的处理器数",
    "must be true or false": "须为 true 或 false", "must be one of {values}": "须为 {values} 之一",
    "--config {path}: no such file": "--config {path}：没有这个文件",
    "--config {path}: has no [tool.budgetlint] table of settings": "--config {path}：其中没有 [tool.budgetlint] 设置表",
    "{path}: [tool.budgetlint] must be a table of settings": "{path}：[tool.budgetlint] 须为设置表",
    "{path}: cannot read: {reason}": "{path}：无法读取：{reason}", "{path}: invalid TOML": "{path}：不是有效的 TOML",
    "{path}: invalid TOML at line {line}, column {column}": "{path}：第 {line} 行第 {column} 列不是有效的 TOML",
    "{path}: invalid TOML: a number of thousands of digits": "{path}：不是有效的 TOML：有一个数长达几千位",
    "{path}: {where}unknown key '{key}' (known: {known})": "{path}：{where}未知的设置“{key}”（可用：{known}）",
    "{path}: {where}key '{key}': {reason}": "{path}：{where}设置“{key}”：{reason}", "{source}: --jobs: {reason}": "{source}：--jobs：{reason}",
    "{key}: no rule matches '{prefix}' (see `budgetlint rules`)": "{key}：没有规则与“{prefix}”相符（见 budgetlint rules）",
    "severity: no rule '{rule}' is in use": "severity：未使用规则“{rule}”",
    "command line": "命令行", "default": "默认", "default (output is not a terminal)": "默认（输出不是终端）",
    "setting": "设置", "value": "值", "from": "来自",
    # the words typer writes around the help texts (budgetlint.cli_words)
    "Usage: ": "用法：", "Options": "选项", "Arguments": "参数", "Commands": "命令",
    "Show this message and exit.": "显示本帮助并退出。", "<int range>": "<整数>", "<int>": "<整数>", "<str>": "<文本>",
    "<float>": "<数>", "<path>": "<路径>", "[OPTIONS]": "[选项]", "COMMAND [ARGS]...": "命令 [参数]...",
    "default: {0}": "默认：{0}", "required": "必填", "from {0} to {1}": "{0} 至 {1}", "at least {0}": "至少 {0}",
    "budgetlint: warning: listening on {host}: anyone who can reach it can upload files and read the reports":
        "budgetlint：警告：在 {host} 上监听，能访问到它的人都可以上传文件、读取报告",
    "budgetlint: open {url} (Ctrl-C to stop)": "budgetlint：请打开 {url}（按 Ctrl-C 停止）",
    "FILE": "文件", "FILES": "文件列表", "PATH...": "路径...", "RULE": "规则", "ADDRESS": "地址",
    # the workbook and checklist
    "budgetlint results": "budgetlint 检查结果",
    "summary": "汇总", "no.": "序号", "year": "年度", "pages": "页数", "tables recognised": "识别的表",
    "checklist": "检查表", "note": "说明", "item": "检查项", "meets requirements": "符合要求", "state": "情况",
    "where": "位置", "message": "问题", "← back to {sheet}": "← 返回{sheet}",
    "{label} checklist": "{label} 检查表",
    "budgetlint {version}: {n} disclosures, {passed} passed": "budgetlint {version}：{n} 份公开文件，{passed} 份通过",
    "{errors} errors, {warnings} warnings, {notes} notes": "错误 {errors} 处，警告 {warnings} 处，提示 {notes} 处",
    "{group}: {name}": "{group}：{name}", "{label} {value}": "{label} {value}", ": ": "：", "department name": "部门名称",
    "web address": "公开网址", "cross-document checks": "跨文档核对", "other problems": "其他问题",
    "checked by hand: {what}": "人工核对：{what}",
    "no heading of this part was found (templates differ): check by hand": "未找到此部分的标题（各地模板不同），请人工核对",
    "compared with other disclosures of the agency": "已与该单位的其他公开比对",
    "not found": "未见此表", "not found (a page could not be read)": "未见此表（有页面未能读取）",
    "page {page}": "第{page}页", "(not recognised)": "（未能识别）",
    # what a disclosure is
    "{year}": "{year}年", "{level} {kind}": "{level}{kind}", "{year} {what}": "{year}{what}", "department": "部门", "unit": "单位", "budget": "预算", "final accounts": "决算",
    # input errors: a file that cannot be checked, in one line
    "budgetlint: error: {message}": "budgetlint：错误：{message}", "{path}: {message}": "{path}：{message}",
    "no such file": "文件不存在", "no such file or folder": "文件或文件夹不存在", "is a directory": "这是一个文件夹",
    "this server answers only as {hosts}": "本服务只接受以 {hosts} 访问",
    "an upload must come from this server's own page": "只能从本服务自己的页面上传",
    "the server is busy checking other batches; try again in a while": "服务正忙于检查其他批次，请稍后再试",
    "the upload could not be saved: {reason}": "上传的文件无法保存：{reason}",
    "none of the files could be checked: {reasons}": "所有文件都无法检查：{reasons}",
    "a folder that cannot be read ({reason}): the files in it were not checked":
        "文件夹无法读取（{reason}），其中的文件未检查",
    "a link to nothing that can be read (it loops, or what it names is gone)": "链接指向的文件无法读取（循环链接，或目标已不存在）",
    "permission denied": "没有读取权限", "cannot read: {reason}": "无法读取：{reason}", "empty file": "空文件",
    "too large: over {size} (files over that are not read)": "文件过大：超过 {size}（不读取超过此大小的文件）",
    "too large: {size} (text disclosures over {limit} are not read)": "文件过大：{size}（不读取超过 {limit} 的文本）",
    "not a {kind} file (its content is not Word's or Excel's)": "不是 {kind} 文件（内容不是 Word 或 Excel 格式）",
    "no disclosure files in this folder (.pdf, .docx, .xlsx, .xls, .txt)":
        "此文件夹中没有公开文件（.pdf、.docx、.xlsx、.xls、.txt）",
    "not a text file (damaged UTF-16)": "不是文本文件（UTF-16 编码损坏）",
    "not a text file (binary content)": "不是文本文件（二进制内容）",
    "not a text file (neither UTF-8 nor GB18030)": "不是文本文件（既不是 UTF-8 也不是 GB18030 编码）",
    "not a PDF (no %PDF header)": "不是 PDF 文件（没有 %PDF 文件头）",
    "not a PDF (no document structure)": "不是 PDF 文件（没有文档结构）",
    "incomplete PDF: the file ends too early (cut off while downloading or copying?)":
        "PDF 文件不完整：文件提前结束（下载或复制时被截断？）",
    "damaged PDF: its structure cannot be read": "PDF 文件已损坏：无法读取其结构",
    "encrypted PDF: a password is needed to read it": "PDF 已加密：需要密码才能读取",
    "no text layer on any page (a scanned PDF?): OCR is not supported yet":
        "所有页面都没有文字层（扫描件？）：暂不支持文字识别（OCR）",
    "the text of every page runs sideways (pages rotated 90°?): rotate them upright and check again":
        "所有页面的文字都是侧向的（页面旋转了 90°？）：请将页面转正后再检查",
    "too many pages: {count} (PDFs over {limit} pages are not read)": "页数过多：{count} 页（不读取超过 {limit} 页的 PDF）",
    "too many cells: {count} (workbooks over {limit} are not read)": "单元格过多：{count} 个（不读取超过 {limit} 个单元格的工作簿）",
    "a compressed stream inflates to more than {limit} (a decompression bomb?); the PDF is not read":
        "压缩数据解压后超过 {limit}（疑为解压炸弹），不读取此 PDF",
    "too many parts: {count} (Office files over {limit} are not read)": "部件过多：{count} 个（不读取超过 {limit} 个部件的 Office 文件）",
    "its parts inflate to {size} (over {limit}: a decompression bomb?); the file is not read":
        "各部件解压后共 {size}（超过 {limit}，疑为解压炸弹），不读取此文件",
    "a Word 97-2003 file, or a password-protected Office file: save it as .docx/.xlsx without a password and check that":
        "这是 Word 97-2003 文件或加密的 Office 文件：请另存为不加密的 .docx/.xlsx 后再检查",
    "a damaged Office file (zip): {reason}": "Office 文件已损坏（zip）：{reason}",
    "a damaged {what} file: {reason}": "{what} 文件已损坏：{reason}",
    "not a Word document (no word/document.xml)": "不是 Word 文档（没有 word/document.xml）",
    "a Word document without a body": "Word 文档没有正文", "the Word document holds no text": "Word 文档中没有文字",
    "no visible sheet holds any text": "没有可见的工作表含有文字",
    "a password-protected Excel file: save it without a password and check that": "Excel 文件已加密：请另存为不加密的文件后再检查",
    "a damaged Excel 97-2003 file: {reason}": "Excel 97-2003 文件已损坏：{reason}",
    "a damaged or cut-off Office 97-2003 file: the list of its parts is missing": "Office 97-2003 文件已损坏或不完整：找不到其中各部分的目录",
    "internal error: {error}": "内部错误：{error}",
    "not checked: a worker process died (killed, or out of memory)": "未检查：工作进程意外退出（被终止或内存不足）",
    "not checked: budgetlint does not read {kind} files": "未检查：budgetlint 不读 {kind} 文件",
    "not checked: the run was interrupted ({signal})": "未检查：运行被中断（{signal}）",
    "not checked: the cluster could not check it ({reason})": "未检查：集群未能检查此文件（{reason}）",
    "not checked: no worker is left on the cluster": "未检查：集群上已没有工作进程",
    "not checked: the connection to the scheduler was lost": "未检查：与集群调度器的连接已断开",
    # usage and output errors
    "--config and --isolated exclude each other": "--config 与 --isolated 不能同时使用",
    "give the files or folders to check (or --group FILES)": "请给出要检查的文件或文件夹（或 --group 文件）",
    "budgetlint: port {port} is in use; using {free}": "budgetlint：端口 {port} 已被占用，改用 {free}",
    "Do not open the page in the default browser.": "不在默认浏览器中打开页面。",
    "--statistics counts the findings in the text report; it does not go with --format {name}":
        "--statistics 是在文本报告中按规则计数，不能与 --format {name} 同用",
    "--resume goes on from a jsonl report: give --format jsonl --output FILE":
        "--resume 从 jsonl 报告继续：请同时给出 --format jsonl --output 文件",
    "--format {name} writes a workbook, not text: give --output FILE.{name}":
        "--format {name} 输出的是工作簿而不是文本：请用 --output 文件名.{name}",
    "--write-waivers {file}: not written, {n} file(s) could not be checked": "--write-waivers {file}：未写入，{n} 个文件无法检查",
    "--write-waivers {file}: is not a waiver file; write the baseline elsewhere":
        "--write-waivers {file}：不是豁免文件，请把基线写到别处",
    "--write-waivers {file}: {n} waiver(s) carry reasons people wrote (first at line {line}); write the baseline elsewhere":
        "--write-waivers {file}：其中 {n} 条豁免有人工填写的理由（第一条在第 {line} 行），请把基线写到别处",
    "no rule '{rule}' (see `budgetlint rules`)": "没有规则「{rule}」（见 `budgetlint rules`）",
    "budgetlint serve needs the web extra: pip install 'budgetlint[web]'":
        "budgetlint serve 需要 web 组件：pip install 'budgetlint[web]'",
    "{option} {target}: is a folder; give a file name": "{option} {target}：这是文件夹，请给出文件名",
    "{option} {target}: the folder {folder} does not exist": "{option} {target}：文件夹 {folder} 不存在",
    "{option} {target}: would overwrite {given}, which is being read": "{option} {target}：会覆盖正在读取的 {given}",
    "{option} {target}: is not writable": "{option} {target}：不可写",
    "{target}: cannot be written: {reason}": "{target}：无法写入：{reason}",
    "standard output: cannot be written: {reason}": "标准输出：无法写入：{reason}",
    # --help
    "Check Chinese budget disclosures (预算/决算公开): do the tables and the narrative add up?":
        "检查预算、决算公开文件：表格和说明的数字是否一致？",
    "Check disclosures; exit 0 when clean, 1 on findings (at or above --fail-on), 2 on a usage or input error.":
        "检查公开文件；没有问题时退出码为 0，有问题（达到 --fail-on 级别）时为 1，用法或输入错误时为 2。",
    "List the rules: id, name, kind, severity and what each checks.": "列出规则：编号、名称、类型、级别和检查内容。",
    "Explain one rule: what it checks, why, an example, its settings and message.": "说明一条规则：检查什么、为什么、示例、设置和提示语。",
    "Show what budgetlint read from a file, page by page: tables (kind, unit, columns, facts) and paragraphs.":
        "逐页显示从文件中读到的内容：表格（种类、单位、列、数字）和段落。",
    "Open a page in the browser (http://127.0.0.1:8000) to check disclosures without a terminal; needs budgetlint[web].":
        "在浏览器中打开检查页面（http://127.0.0.1:8000），不用命令行即可检查；需要 budgetlint[web]。",
    "Show the version.": "显示版本。", "An extra YAML rule pack (repeatable).": "另加一个 YAML 规则包（可重复）。",
    "Files or folders to check.": "要检查的文件或文件夹。", "Output format [default: text on a terminal, else concise].": "输出格式 [默认：在终端上为 text，否则为 concise]。",
    "Write the report to FILE.": "把报告写入文件。",
    "Only these rules: ids, id prefixes (BL1) or names; comma-separated.": "只用这些规则：编号、编号前缀（BL1）或名称，逗号分隔。",
    "Skip these rules: ids, id prefixes or names; comma-separated.": "跳过这些规则：编号、编号前缀或名称，逗号分隔。",
    "Exit 1 only for findings at this level or above [default: info].": "只有达到此级别的问题才以 1 退出 [默认：info]。",
    "Processes: files in parallel, or the pages of one long PDF [default: all cores].":
        "进程数：并行检查多个文件，或一个长 PDF 的各页 [默认：全部 CPU 核]。",
    "Parse every file again instead of using the cache.": "不用缓存，重新解析每个文件。",
    "A waiver file of accepted findings (repeatable).": "豁免文件：已接受的问题（可重复）。",
    "Write the findings as a baseline waiver file, then exit 0.": "把发现的问题写成基线豁免文件，然后以 0 退出。",
    "Also show the findings a waiver accepted.": "同时显示已豁免的问题。",
    "Count the findings per rule instead of listing them.": "按规则统计问题数，不逐条列出。",
    "Leave out timings, for byte-reproducible output.": "不输出用时，使输出逐字节可复现。",
    "Print the settings in force and where each comes from, then exit.": "显示生效的设置及其来源，然后退出。",
    "Files that are one disclosure (the 说明 and the tables), comma-separated; repeatable.":
        "属于同一公开的文件（说明和报表），逗号分隔；可重复。",
    "Disclosures of one agency to compare with each other (last year's and this year's budget, the 部门's and its "
    "单位's), comma-separated; repeatable. Without it, disclosures whose covers name the same agency are compared.":
        "同一单位的几份公开（上年与本年预算、部门与所属单位），相互比对；逗号分隔，可重复。不给出时，封面所写单位相同的公开相互比对。",
    "Do not check files named as parts of one disclosure (x-text.pdf, x-tables.pdf) together.":
        "不把按名称属于同一公开的文件（x-text.pdf、x-tables.pdf）合并检查。",
    "Exit 0 even when there are findings (still 2 on a usage or input error).": "即使有问题也以 0 退出（用法或输入错误仍为 2）。",
    "Print the findings only: no summary line, no progress bar.": "只输出问题：不要汇总行和进度条。",
    "Colour the text report: auto (on a terminal, unless NO_COLOR is set), always, never.":
        "文本报告的颜色：auto（在终端上且未设置 NO_COLOR 时）、always、never。",
    "Use this settings file (budgetlint.toml or pyproject.toml) for every file instead of each folder's own.":
        "所有文件都用此设置文件（budgetlint.toml 或 pyproject.toml），不用各文件夹自己的。",
    "Ignore every settings file: defaults and flags only.": "忽略所有设置文件：只用默认值和命令行选项。",
    "The language of the report: zh (default) or en [default: BUDGETLINT_LANG, else the locale].":
        "报告的语言：zh（默认）或 en [默认：BUDGETLINT_LANG，否则按系统区域设置]。",
    "With --format jsonl --output FILE: check only the files FILE does not record yet (a stopped batch goes on).":
        "与 --format jsonl --output 文件 一起用：只检查该文件尚未记录的文件（继续中断的批量检查）。",
    "Check on this Dask cluster (tcp://host:8786) instead of local processes; needs budgetlint[dask].":
        "在此 Dask 集群（tcp://host:8786）上检查，而不用本机进程；需要 budgetlint[dask]。",
    "A rule id (BL101) or name.": "规则编号（BL101）或名称。", "The file to show.": "要显示的文件。",
    "List each table's figures.": "列出每张表的数字。", "Print the narrative paragraphs too.": "同时显示说明的段落。",
    "The address to listen on; 127.0.0.1 keeps the page on this machine.": "监听的地址；127.0.0.1 表示页面只在本机可用。",
    "The port.": "端口。", "The largest upload, in MB.": "单次上传的上限（MB）。",
    # what findings say in their own words (checks, the understanding of tables, the loaders' problems)
    "blank": "空白", "line {line}": "第{line}行", "{n}-digit level": "{n}位", "class level": "类", "section level": "款",
    "item level": "项",
    "(untitled table)": "（无标题表格）", "(not checked)": "（未检查）", "(no such finding)": "（无此问题）",
    "functional classification": "功能分类", "departmental economic classification": "部门经济分类",
    "government economic classification": "政府经济分类",
    "{code} is not a class of the {scheme}": "{code} 不是{scheme}的类",
    "a class code of the current subjects": "现行科目中的类编码",
    "{code} has a 00 part": "{code} 含 00 段", "section and item parts from 01 to 99": "款、项段为 01–99",
    "{code}'s parent {parent} is not listed (the table's other subjects are under theirs)":
        "{code} 的上级 {parent} 未列示（同表其他科目都列在上级之下）",
    "a code starting with {parent}, or {parent} listed": "以 {parent} 开头的编码或补列 {parent}",
    "the final figure is above the budget": "决算数大于预算数", "the final figure is below the budget": "决算数小于预算数",
    "the final figure equals the budget": "决算数与预算数持平",
    "no completion rate: the initial budget is zero": "年初预算为零，不应有完成率",
    " (marked empty in the contents: {reason}; an empty table is published too)": "（目录注明为空表：{reason}；空表也应公开）",
    "no reason given": "未写理由",
    "「{name}」 is in the contents, not in the body": "目录列有「{name}」，正文未见",
    "the table printed in the body": "正文印有此表",
    "「{name}」 is printed, not in the contents": "正文印有「{name}」，目录未列",
    "「{contents}」 lists the table": "{contents}列出此表",
    "after 「{name}」": "「{name}」之后", "first": "最前",
    "printed {place}": "正文印在{place}", "{place}, as in the contents": "按目录应在{place}",
    "{code} 「{label}」 only to the {level}": "{code} {label} 只列到{level}",
    "broken down to the {level} ({n}-digit codes)": "细化到{level}（{n}位编码）",
    "lists {items}": "列有{items}", "lists no parts": "列有：无分项", "also {items}": "另列{items}",
    "listed once (first at {place})": "不重复（首见{place}）",
    "marked empty in the contents, yet it has the figure {figure}": "目录标为空表，表中却有数字 {figure}",
    "an empty table, or the contents' mark removed": "为空表，或在目录中改标为非空表",
    "marked empty in the contents without a reason, and no note under it": "目录标为空表但未写理由，表下也无说明",
    "no figures (all blank or zero) and no note saying why": "表中没有数字（全为空白或零），也无空表说明",
    "a note saying why it is empty (“本单位无…，故本表无数据”)": "附空表说明（如“本单位无…，故本表无数据”）",
    "the note under it says 「{note}」": "表下注明「{note}」",
    "the narrative says 「{note}」": "说明中称「{note}」",
    "the table has the figure {figure}: it is not empty": "表中有数字 {figure}，不是空表",
    "text that can be copied": "可复制的文字", "the page removed, or what is missing printed": "删去该页，或补上漏印的内容",
    "printed inside the page": "印在页面之内",
    "up": "增加", "down": "减少", "flat": "持平",
    "no growth rate: last year's figure is zero": "上年为零，不应有增长率",
    "from {base} to {current}": "由 {base} 到 {current}", "{direction} {amount}": "{direction}{amount}",
    "{direction} (as the change of {amount} says)": "{direction}（与「{direction}{amount}」一致）",
    "{base} and {current} ({direction} {change})": "{base} 与 {current}（{direction} {change}）",
    " ({parts})": "（{parts}）", "baseline: ": "基线：", "{name} ({level})": "{name}（{level}）", "「{name}」 not listed": "未列「{name}」", "「{name}」 {figure}": "{name} {figure}",
    "no table, no amount": "无表格、无金额", "the disclosure's tables and narrative": "公开表及情况说明",
    "the real content, or the template text removed": "填写实际内容或删去模板文字", " ({n} in this table)": "（本表共 {n} 处）",
    " or ": "或", "table": "表", "none": "无", "{name} (titled “{title}”)": "{name}（标题含“{title}”）",
    "all {n} tables of the disclosure: {names}": "全部 {n} 张预算公开表：{names}",
    "printed: {names}": "已印：{names}", "required: {names}": "应有：{names}",
    "no unit stated": "未注明单位", "“单位：{unit}” stated": "注明“单位：{unit}”",
    "column {n} has figures but no heading, so what they are is unknown; they take part in no sum":
        "第{n}列有数字却没有表头，看不出是什么数，未参与计算",
    "titled 「{title}」": "标题「{title}」", "no title": "没有标题",
    "not recognised as any of the disclosure's tables ({what}); its {n} figures were checked by no rule":
        "未能识别是哪一张公开表（{what}），表中 {n} 个数字未按任何规则检查",
    "its totals do not add up under any reading of its layout ({fails} of {n} sums fail: 「{row}」, 「{column}」 {reported} against {computed}), so it is not understood and no rule compared its figures":  # noqa: E501
        "按表格版式的任何读法，合计都加不平（{n} 处合计中 {fails} 处不符，如「{row}」「{column}」{reported}，"
        "相加为 {computed}），未能读懂，未与其他表或说明比对",
    "; {checked} of {figures} table figures checked ({percent}), {understood} of {tables} tables understood":
        "；表中 {figures} 个数字核对了 {checked} 个（核对覆盖率 {percent}），读懂表格 {understood}/{tables} 张",
    "checked": "核对覆盖率",
    "tables understood": "读懂的表",
    "{checked} of {figures} table figures ({percent}), {understood} of {tables} tables understood":
        "表中 {figures} 个数字核对了 {checked} 个（{percent}），读懂表格 {understood}/{tables} 张",
    "; {percent} of its table figures checked, {understood} of {tables} tables understood":
        "；核对覆盖率 {percent}，读懂表格 {understood}/{tables} 张",
    "confirmed by: ": "读法确认：",
    " [confirmed by: {basis}]": "（读法确认：{basis}）",
    "confirmed by": "读法确认",
    "the table's other {n} row sums agree": "本表其余 {n} 处行合计相符",
    "the table's other {n} codes are each listed once": "本表其余 {n} 个编码各列一次",
    "the {n} tables in the contents are none of them in the body": "目录所列 {n} 张表正文均未印",
    "{first} … {last} ({n} tables)": "{first}至{last}（共 {n} 张表）",
    "the tables printed in the body, or checked with the file that prints them (--group)":
        "正文印出这些表，或与印有这些表的文件一并检查（--group）",
    "{n} of the {total} statements of it give {value}": "说明中 {total} 处提到此数，{n} 处为 {value}",
    "both statements are in one section": "两处在说明的同一节",
    "the table's other {n} column sums agree": "本表其余 {n} 处列合计相符",
    "the relation holds on the table's other {n} rows": "本表其余 {n} 行此关系成立",
    "the relation names every column of the table": "关系式列出了本表每一列",
    "the relation names each column by its full heading": "关系式按完整表头指明每一列",
    "the relation is the column's definition": "此关系即该列的定义",
    "in the {column} column the same rows add up": "同样各行在「{column}」列相加相符",
    "one figure ({figure}, {row}) would, corrected, also make another sum of the table add up":
        "同一数字（{row} {figure}）使本表另一处合计也差同样的数，改正它两处都相符",
    "every row is placed by the code or number it prints": "各行均按所印编码或序号定级，读法无歧义",
    "each side's grand total adds up over its own rows": "两方总计各与本方各行相加相符",
    "the two tables agree on their other {n} figures compared": "两表其余 {n} 处对应数字一致",
    "the figures compared add up to the same total in both tables": "所比各项在两表中合计相同",
    "the two tables' totals agree": "两表的合计相符",
    "both figures are totals their own tables' rows confirm": "两数均为各自表中各行相加相符的合计",
    "page {page} has no text layer (a scan?); OCR is not supported, the page was not checked":
        "第{page}页没有文字层（扫描件？），暂不支持 OCR，本页未检查",
    "image": "图像", "page {page} is blank (no text)": "第{page}页是空白页（没有文字）", "blank page": "空白页",
    "; the rate printed is this year's figure over last year's": "；所印的是本年数与上年数之比",
    "; the share printed is of {base}": "；所印的是占{base}的比例",
    "; the figure printed is last year's": "；所印的是表中该行的上年数",
    "growth rate": "增长率", "rate of decline": "下降率",
    # the csv report's headings not named elsewhere
    "page": "页码", "line": "行号", "cell": "单元格", "col": "栏", "computed": "计算值", "basis": "读法确认",
    "the number of self-evaluated projects": "绩效自评项目数",
    "the average self-evaluation score": "平均得分",
    "the self-evaluation score": "自评得分",
    "; the rate printed is of the other budget stated, {budget}": "；所印的是决算数与另一预算数 {budget} 之比",
    "page {page} holds only a picture (a chart?), with no text to check": "第{page}页只有一幅图（图表？），没有可核对的文字",
    "picture": "图片", "nothing: a picture is not checked": "无需处理：图片不核对",
    "page {page}'s text runs sideways (the page turned 90°?), the page was not checked; turn the page upright and check again":
        "第{page}页的文字是侧向的（页面转了 90°？），本页未检查；请把页面转正后再检查",
    "sideways text": "侧向文字",
    "page {page}: {n} glyphs map to no character ((cid:…) or U+FFFD); the text holding them was not read":
        "第{page}页有 {n} 个字形无法转为文字（(cid:…) 或 U+FFFD），含这些字形的文字未读取",
    "page {page} has too many table lines (vertical × horizontal = {grid}, at most {limit}); its tables were not read":
        "第{page}页的表格线过多（纵线×横线 = {grid}，上限 {limit}），本页表格未读取",
    "too many table lines": "表格线过多",
    "page {page}: {chars} characters are printed below the page, out of sight (「{text}」{more})":
        "第{page}页有 {chars} 个字符印在页面下方之外，阅读时看不到（「{text}」{more}）",
    "page {page}: {chars} characters are printed above the page, out of sight (「{text}」{more})":
        "第{page}页有 {chars} 个字符印在页面上方之外，阅读时看不到（「{text}」{more}）",
    "page {page}: {chars} characters are printed right of the page, out of sight (「{text}」{more})":
        "第{page}页有 {chars} 个字符印在页面右侧之外，阅读时看不到（「{text}」{more}）",
    "page {page}: {chars} characters are printed left of the page, out of sight (「{text}」{more})":
        "第{page}页有 {chars} 个字符印在页面左侧之外，阅读时看不到（「{text}」{more}）",
    "{cell}'s formula has no saved result (open and save the workbook in Excel, then check again)":
        "{cell} 的公式没有保存计算结果（在 Excel 中打开、保存后再检查）",
    "sheet 「{name}」 spans {height} rows × {width} columns, over {limit} cells: it was not read":
        "工作表「{name}」有 {height} 行 × {width} 列，超过 {limit} 格，未读取",
    "sheet too large": "工作表过大",
    # budgetlint rules, explain and extract
    "checks": "检查内容", "kind: {kind} — {summary}": "类型：{kind} — {summary}", "kind: {kind}": "类型：{kind}",
    "severity: {severity}    defined at: {origin}": "级别：{severity}    定义于：{origin}",
    "Example": "示例", "Settings": "设置", "Message": "提示",
    "table {number}: {name}": "表格 {number}：{name}", "not recognised": "未识别", "unit: {unit}": "单位：{unit}",
    " (not stated, taken from the file)": "（未注明，按全文推定）", ", continued over {n} pages": "，分 {n} 页续表",
    "  [{kind}] {unit}, from {place}{parts}": "  [{kind}] {unit}，起于 {place}{parts}",
    "place": "位置", "row": "行", "column": "列", "figure": "数字", "interval (yuan)": "区间（元）",
    "{keys} → {n} columns of figures, levels by {mode}": "{keys} → {n} 列数字，按{mode}分层",
    "(no label column)": "（无标签列）", "column groups: {groups}": "列组：{groups}",
    "not understood: {doubt}": "未能读懂：{doubt}", "note {place}: {text}": "表注 {place}：{text}",
    "{n} figures:": "{n} 个数字：", "{n} pages, ": "{n} 页，",
    "{path}: {label}, {pages}{tables} tables, {paragraphs} paragraphs": "{path}：{label}，{pages}{tables} 张表，{paragraphs} 段文字",
    "tables not understood: ": "未能读懂的表：", "extraction problem {place}: {problem}": "提取问题 {place}：{problem}",
    "—— page {page} ——": "—— 第 {page} 页 ——",
    "{n} findings, the first: {message}": "{n} 处，首处：{message}",
    # budgetlint serve
    "budgetlint: uploads are kept in {folder} until the server stops": "budgetlint：上传的文件保存在 {folder}，服务停止时删除",
    "an upload must state its size (Content-Length)": "上传需注明大小（Content-Length）",
    "the files uploaded are {size} MB, over the limit of {limit} MB": "上传的文件共 {size} MB，超过上限 {limit} MB",
    "no file was received": "没有收到文件", "no such batch": "没有这批文件", "no such result": "没有这份结果",
    "check report.html": "检查报告.html", "check results.xlsx": "检查结果.xlsx", "check results.json": "检查结果.json",
    "Checking budget and final-accounts disclosures": "预决算公开检查",
    "Drop an agency's budget or final-accounts disclosure (PDF, Word, Excel or text) below, or click to choose files; several files can go at once, and a disclosure's narrative and tables should go together. The files are checked on this machine only and deleted when the server stops. At most {limit} MB an upload.":
        "把部门（单位）预算、决算公开文件（PDF、Word、Excel 或文本）拖到下面，或点击选择文件；一次可放多个文件，"
        "同一公开的说明和报表请一起上传。文件只在本机检查，服务停止后即删除。单次上传上限 {limit} MB。",
    "Drop files here, or": "拖放文件到这里，或", "status": "状态", "Download:": "下载：",
    "Check again with these disclosures": "按此分组重新检查", "which disclosure": "所属公开",
    "Files that are one disclosure (a narrative and its tables) share a number; change a file's number to join or split them.":
        "属于同一份公开的文件（说明及其报表）编号相同；改变文件的编号即可合并或拆分。",
    "on its own": "单独一份", "disclosure {n}": "第 {n} 份", "the disclosures must list each file of the batch once":
        "分组须列出本批的每个文件，且每个只列一次", "the batch is still being checked": "这批文件还在检查中",
    "check results (Excel checklist)": "检查结果（Excel 检查表）", "open the report in a new window": "在新窗口打开报告",
    "check report": "检查报告", "checking…": "检查中…", "could not be checked: ": "无法检查：", "done": "完成",
    " ({errors} errors, {warnings} warnings)": "（错误 {errors} 处，警告 {warnings} 处）",
}
