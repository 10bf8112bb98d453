"""Reading the narrative (情况说明): amounts, changes, shares and breakdowns.

A sentence is read clause by clause (clauses end at `，` `；` `：`).  A clause is a
share (`占 23.70%`), a rate (`增长 8%`), a flat claim (`与上年持平`), a change
(`比上年增加 360.53 万元`), or states amounts (`基本支出 584.50 万元`,
`一般公共预算拨款收入 236.88 万元、政府性基金拨款收入 0 万元`).  `其中` opens a
list of parts of the amount before it (of the previous sentence's, when it starts
a sentence; of the following enumerated paragraphs' amounts, when it ends one);
`主要用于` opens a list that does not claim to be complete.

Figures that are not amounts of the disclosure are skipped: years, document
numbers, codes, and thresholds (`单价 20 万元以上`, `100万元（含）以上`, `每人不低于1元`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction

from budgetlint.figures import MONEY_UNITS, NUMBER, PERCENT, WAN_YUAN, Figure, Unit
from budgetlint.model import Document
from budgetlint.textnorm import label_key
from budgetlint.understand.codes import SubjectCode, parse_code
from budgetlint.understand.completion import CompletionReader
from budgetlint.understand.lists import named_lists
from budgetlint.understand.passages import Passage, Sentence, passages, sentences
from budgetlint.understand.statements import Amount, Change, Named, Narrative, Printed, Share
from budgetlint.understand.subjects import LEVELS, subject_refs

_COUNT_UNITS = ("万人次", "万人", "万户", "人次", "人", "个", "辆", "台(套)", "台", "套", "项", "家", "次", "名", "所", "户", "条", "张")
_TOKEN = re.compile(
    r"(?<![\d.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(?P<unit>万元|亿元|元|%|" + "|".join(re.escape(u) for u in _COUNT_UNITS) + r"|万(?![\u4e00-\u9fff]))"
)
_THRESHOLD_AFTER = re.compile(r"^\s*(\(含\)|（含）)?\s*(及\s*[\d.,]+\s*(万元|元)?\s*)?(以上|以下|以内|及以上|及以下|左右|起)")
_THRESHOLD_BEFORE = re.compile(r"(单价|单位价值|价值|每[\u4e00-\u9fff]{0,6}|不低于|不超过|超过|低于|高于|不少于|不多于|≥|≤|<|>|=|约)\s*$")
_COMPARISON = re.compile(r"(比|较|同比|与|同|和)\s*(上年|去年|上一?年度?|\d{4}\s*年度?)?\s*(年初)?(预算数?|同期|决算数?)?\s*(相比|比较|对比)?")
_COMPARED = re.compile(r"(比|较|与|同)\s*(上年|去年|上一?年度?|\d{4}\s*年度?)|同比")
_INCREASE = "增加|增长|上升|提高"
_DECREASE = "减少|下降|降低"
_DIRECTION = re.compile(rf"({_INCREASE}|{_DECREASE})了?\s*$")
_FLAT = re.compile(r"持平|相同|不变|无变化|没有变化")
_SHARE = re.compile(r"占(?P<base>[^%\d]*?)(的)?(比重|比例)?(为)?\s*$")
_QUALIFIED_BASE = re.compile(r"除外|不含|扣除|以外")
_OPEN_COMPLETE = re.compile(r"^\s*(其中|分别为|分别是|具体为|包括)\s*")
_OPEN_PARTIAL = re.compile(r"^\s*(主要用于|主要包括|主要有|重点用于)\s*(以下方面|如下)?\s*")
_PRIOR = re.compile(r"(上年|去年|上一年)(?!结转|结余)")  # 上年结转 is this year's income
_GENERIC = re.compile(r"(支出)?(年初)?(预算|决算)?(执行)?(数)?(安排)?")  # says which figure, not of what
_YEARS = re.compile(r"((?:19|20)\d\d)\s*年")
_TOPIC = re.compile(r"[(（](类|款|项)[)）]\s*$")  # a subject named with its level, before a colon
_ENUMERATION = re.compile(r"^\s*([(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.]|\d+[、.．](?!\d)|[①-⑳])")

# label cleaning
_CODE_AFTER = re.compile(r"[(（]\s*(\d{3}(?:\d{2}){0,2})\s*[)）]\s*$")
_CODE_BEFORE = re.compile(r"^\s*(\d{3}(?:\d{2}){0,2})\s*[-－—]\s*")
_ORG = re.compile(r"^[\u4e00-\u9fff]{1,8}?(省|市|县|区|州|旗)[\u4e00-\u9fff]*?(局|中心|常委会|委员会|委|办公室|院|站|所|队|处|厅)"
                  r"(办公厅|办公室)?"  # 人大常委会办公厅
                  r"([\u4e00-\u9fff]{2,10}?(支队|大队|分局|分院))?(\(汇总\)|本级)?")  # 公安局交通管理支队
_UP_TO_YEAR = re.compile(r"^.*?\d{4}\s*年度?")
# (not 涉及: `…实行了绩效目标管理，涉及一般公共预算财政拨款 X 万元` is the part the projects take, not the whole)
# (本年 stays before 收入 and 支出: `本年收入`, `本年财政拨款收入` leave out 上年结转, `本年支出` 年终结转, unlike 总计)
_SUBJECT = re.compile(r"^(本单位|本部门|我单位|我部门|我局|本局|单位|本级|全年|当年|本年度?(?!(财政拨款)?(收入|支出))|今年|年初"
                      r"|纳入|相应|安排)+")
_TRAILING = re.compile(r"(为|是|共|共计|合计为|达到?|约|预计|安排|预算安排|预算数为|预算数|预算为|年初预算|年初|的)$")
_NEW_SUBJECT = re.compile(r"^\s*(本单位|本部门|我单位|我部门|我局|本局|\d{4}\s*年|[\u4e00-\u9fff]{1,8}?(省|市|县|区|州|旗)[\u4e00-\u9fff]*?(局|中心))")
_LEADING_WORDS = re.compile(r"^(其中|分别为|分别是|具体为|包括|主要用于|主要包括|另|此外|同时|以及|及|和|含|为|是|:|,)+")


def _inside_bracket(text: str) -> str:
    """The words an amount stands after inside a bracket left open before it: `…与 2016 年度相比
    （2016 年度部门支出预算安排为 8,648.07 万元）` is labelled by what the bracket says."""
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in "(（":
            depth, start = depth + 1, i + 1
        elif ch in ")）":
            depth = max(depth - 1, 0)
    return text[start:] if depth else text


def _is_prior(label_text: str, sentence: str) -> bool:
    """Whether an amount is last year's: its label says 上年, or names an earlier year than the
    sentence's own (`2017 年度…与 2016 年度相比（2016 年度部门支出预算安排为 8,648.07 万元）`)."""
    if _PRIOR.search(label_text):
        return True
    own, said = [int(y) for y in _YEARS.findall(label_text)], [int(y) for y in _YEARS.findall(sentence)]
    return bool(own) and max(own) < max(said)


def clean_label(text: str) -> tuple[str, SubjectCode | None]:
    """The comparison label of an amount and its subject code: `本单位当年预算收入` → 预算收入."""
    s = _LEADING_WORDS.sub("", _ENUMERATION.sub("", text.strip().strip("*")))
    code = None
    m = _CODE_AFTER.search(s) or _CODE_BEFORE.search(s)
    if m:
        code = parse_code(m.group(1))
        s = s[: m.start()] + s[m.end():] if m.re is _CODE_AFTER else s[m.end():]
    key = label_key(s)
    key = _ENUMERATION.sub("", key)
    key = _LEADING_WORDS.sub("", key)
    key = _UP_TO_YEAR.sub("", key)
    key = _ORG.sub("", key)
    key = _SUBJECT.sub("", key)
    key = _LEADING_WORDS.sub("", key)
    previous = None
    while previous != key:
        previous, key = key, _TRAILING.sub("", key)
    return key, code


@dataclass
class _Token:
    printed: Printed
    kind: str  # money, count, percent
    threshold: bool


def _unit(unit: str) -> tuple[Unit, str, int]:
    """The figure unit, the kind of quantity, and the count scale of a printed unit."""
    if unit == "%":
        return PERCENT, "percent", 1
    if unit in MONEY_UNITS:
        return MONEY_UNITS[unit], "money", 1
    if unit == "万":
        return WAN_YUAN, "money", 1
    return NUMBER, "count", 10_000 if unit.startswith("万") else 1


def _tokens(sentence: Sentence, start: int, end: int) -> list[_Token]:
    text = sentence.text
    out = []
    for m in _TOKEN.finditer(text, start, end):
        if m.group("unit") == "项" and text[m.start() - 1 : m.start()] == "(" and text[m.end() : m.end() + 1] == ")":
            continue  # `住房公积金（01项）`: the 项's own digits, not a count of items
        digits = m.group("num").replace(",", "")
        unit, kind, scale = _unit(m.group("unit"))
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        value = Fraction(digits)
        if scale != 1:  # `31.7万人`: a count of 317 000, rounded to 1 000
            value, decimals = value * scale, decimals - 4
        figure = Figure(text=m.group(0).strip(), value=value, decimals=decimals, unit=unit, grouped="," in m.group("num"),
                        exact=kind == "count" and scale == 1 and "." not in digits)
        threshold = bool(_THRESHOLD_AFTER.match(text[m.end() : m.end() + 16])
                         or _THRESHOLD_BEFORE.search(text[max(start, m.start() - 10) : m.start()]))
        out.append(_Token(Printed(figure, sentence, m.start(), m.end()), kind, threshold))
    return out


def _clauses(text: str) -> list[tuple[int, int, str]]:
    """(start, end, delimiter) of each clause; delimiters inside brackets do not count.  A comparison
    right after a bracket (`运行维护费 12.64 万元（…）比上年减少 4.11 万元`) starts a clause of its own."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "(（[【":
            depth += 1
        elif ch in ")）]】":
            depth = max(depth - 1, 0)
            if depth == 0 and _COMPARED.match(text, i + 1):
                out.append((start, i + 1, ","))
                start = i + 1
        elif ch in ",;:" and depth == 0 and not (ch == "," and _between_digits(text, i)):
            out.append((start, i, ch))
            start = i + 1
    if start < len(text):
        out.append((start, len(text), ""))
    return out


def _inside_brackets(text: str, start: int, at: int) -> bool:
    """Whether position ``at`` lies inside a bracket opened since ``start``."""
    depth = 0
    for ch in text[start:at]:
        if ch in "(（[【":
            depth += 1
        elif ch in ")）]】":
            depth = max(depth - 1, 0)
    return depth > 0


def _between_digits(text: str, i: int) -> bool:
    """A thousands separator (`16,506.19`), not a clause break."""
    return 0 < i < len(text) - 3 and text[i - 1].isdigit() and text[i + 1 : i + 4].isdigit()


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A clause split at `、` where the list items carry their own figures."""
    cuts, depth = [], 0
    for i in range(start, end):
        ch = text[i]
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(depth - 1, 0)
        elif ch == "、" and depth == 0:
            cuts.append(i)
    bounds, last = [], start
    for cut in cuts:
        if _TOKEN.search(text, last, cut):
            bounds.append((last, cut))
            last = cut + 1
    bounds.append((last, end))
    return bounds


@dataclass
class _List:
    whole: Amount
    complete: bool
    nested: bool = False  # a list inside a list ends at the next `；`
    single: bool = False  # a paragraph item of a list opened above: takes one amount
    segment: int = 0  # `；` seen since the list opened


class _Reader:
    def __init__(self) -> None:
        self.narrative = Narrative()
        self.completions = CompletionReader()

    def read(self, document: Document) -> Narrative:
        pending: _List | None = None  # a `其中：` ending a paragraph, whose items follow
        for passage in passages(document):
            if passage.is_heading or (pending is not None and not self._continues_list(passage)):
                pending = None
            if not passage.is_heading:
                pending = self._passage(passage, pending) or pending
        return self.narrative

    def _continues_list(self, passage: Passage) -> bool:
        """Whether a paragraph is the next item of a list opened by the paragraph above."""
        first = sentences(passage)[:1]
        if not first:
            return False
        clause_end = _clauses(first[0].text)[0][1]
        return bool(_ENUMERATION.match(passage.text)) or any(
            t.kind != "percent" and not t.threshold for t in _tokens(first[0], 0, clause_end))

    def _passage(self, passage: Passage, pending: _List | None) -> _List | None:
        """Read a passage; return the list its last sentence opens for the paragraphs below."""
        mains: list[Amount] = []  # each sentence's main amount, so far
        dangling = None
        for sentence in sentences(passage):
            item = _List(pending.whole, pending.complete, single=True) if pending else None
            dangling = self._sentence(sentence, passage, mains, item)
            pending = None
        return dangling

    def _sentence(self, sentence: Sentence, passage: Passage, mains: list[Amount],
                  item: _List | None) -> _List | None:
        text = sentence.text
        stack: list[_List] = [item] if item else []
        main: Amount | None = None
        last: Amount | None = None
        last_change: Change | None = None
        dangling: _List | None = None  # a list opened with nothing listed after it yet
        previous_main = mains[-1] if mains else None
        topic = ""  # `检察（款）: 2018年预算支出合计 …`: what the sentence's amounts are of
        for start, end, delimiter in _clauses(text):
            body = text[start:end]
            if start == 0 and delimiter == ":" and _TOPIC.search(body) and not _TOKEN.search(body):
                topic = body.strip()
                continue
            opener = _OPEN_COMPLETE.match(body) or _OPEN_PARTIAL.match(body)
            if not opener and delimiter == ":" and stack and not _TOKEN.search(body):
                stack, dangling = [], None  # `其中：①人员经费：…`: what follows is of a heading the list names,
                continue  # not parts of the list's whole
            if opener:
                whole = last or previous_main
                if whole is not None:
                    nested = any(not f.single for f in stack) and last is not None
                    frame = _List(whole, complete=bool(_OPEN_COMPLETE.match(body)), nested=nested)
                    stack = stack + [frame] if nested else [frame]
                    dangling = frame if frame.complete else None
                start += opener.end()
            tokens = [t for t in _tokens(sentence, start, end) if not t.threshold]
            money = [t for t in tokens if t.kind != "percent"]
            percents = [t for t in tokens if t.kind == "percent"]
            before_percent = text[start : percents[0].printed.start] if percents else ""
            share = _SHARE.search(before_percent) if percents else None
            flat = _FLAT.search(body) if not money else None
            if percents and not money and self.completions.rate(passage, before_percent, percents[0].printed):
                pass  # `完成年初预算的 98.20%`
            elif share:
                self._share(percents[0].printed, share.group("base"), last, main, previous_main)
            elif percents and not money and _DIRECTION.search(before_percent):
                rate = {"rate": percents[0].printed, "rate_direction": _direction(before_percent)}
                if last_change is not None and last_change.rate is None and last_change.flat is None:
                    last_change.rate, last_change.rate_direction = rate["rate"], rate["rate_direction"]
                else:
                    last_change = self._change(sentence, "", last, main, previous_main, **rate)
            elif flat:
                words = Printed(Figure(flat.group(0), Fraction(0), 0, NUMBER), sentence,
                                start + flat.start(), start + flat.end())
                if last_change is not None and last_change.flat is None:
                    last_change.flat = words
                else:
                    last_change = self._change(sentence, "", last, main, previous_main, flat=words)
            elif money and _DIRECTION.search(text[start : money[0].printed.start]):
                before = text[start : money[0].printed.start]
                subject = _COMPARISON.split(before)[0] if _COMPARED.search(before) else _DIRECTION.split(before)[0]
                last_change = self._change(sentence, subject, last, main, previous_main,
                                           amount=money[0].printed, direction=_direction(before))
            elif money:
                for a, b in _pieces(text, start, end):
                    for token in (t for t in money if a <= t.printed.start < b):
                        # `下属1家机关和1家参公事业单位…机关运行经费预算为464.64万元`: each figure is labelled
                        # by the words since the one before it
                        if _NEW_SUBJECT.match(text[a : token.printed.start]):
                            stack = []  # `；本单位当年预算支出 …`: a new statement, not one more part
                        label_text = text[a : token.printed.start]
                        amount = self._amount(token, label_text, passage, stack, topic)
                        amount.subjects = self._subjects(sentence, passage, 0 if topic else a, token.printed.start,
                                                         bool(_GENERIC.fullmatch(clean_label(label_text)[0])))
                        stack = [f for f in stack if not (f.single and amount.whole is f.whole)]
                        if main is None and amount.whole is None:
                            main = amount
                        if not _inside_brackets(text, start, token.printed.start):  # an aside's figures are
                            last, last_change, dangling = amount, None, None  # not what follows it is about
                        a = token.printed.end
            if delimiter == ";":
                stack = [f for f in stack if not f.nested]
                if item is not None and not stack:  # `…原因是…增加；对个人和家庭的补助支出（303）376.76 万元`:
                    stack = [item]  # a list's paragraph may hold its next item after a `；`
                for frame in stack:
                    frame.segment += 1
        if main is not None:
            mains.append(main)
        self.completions.sentence(sentence)
        return dangling

    def _amount(self, token: _Token, label_text: str, passage: Passage, stack: list[_List],
                topic: str = "") -> Amount:
        label_text = _inside_bracket(label_text)
        label, code = clean_label(label_text)
        if not label and not code and passage.heading:
            label = clean_label(passage.heading)[0]  # `（一）因公出国（境）经费` / `2024年预算安排 0.00 万元`
        if topic:  # `检察（款）: 2018 年预算支出合计 16,444.36万元` is the 检察 款's total
            label, label_text = clean_label(topic)[0] + label, f"{topic} {label_text.strip()}"
        amount = Amount(token.printed, label, label_text.strip(" :：,，*"), code, kind=token.kind,
                        prior=_is_prior(label_text, token.printed.sentence.text))
        if stack:
            frame = stack[-1]
            amount.whole, amount.complete, amount.segment = frame.whole, frame.complete, frame.segment
            frame.whole.parts.append(amount)
        self.completions.amount(amount)
        self.narrative.amounts.append(amount)
        return amount

    @staticmethod
    def _subjects(sentence: Sentence, passage: Passage, start: int, end: int, generic: bool) -> tuple[Named, ...]:
        """The 类/款/项 path an amount is of: named before it in its clause, else — for an amount
        labelled only as what figure it is (`支出决算为 B 万元`) — in the first sentence of its
        paragraph (`1、…行政运行（项）。…`); under a heading that names the outer levels
        (`（一）公共安全（类）` / `1．法院（款）行政运行（项）…`)."""
        own = [Named(replace(ref, start=ref.start + start, end=ref.end + start), sentence)
               for ref in subject_refs(sentence.text[start:end])]
        if not own and generic:
            first = sentences(passage)[0]
            own = [Named(ref, first) for ref in subject_refs(first.text)] if first.start < sentence.start else []
        if not own:
            return ()
        outer = [Named(ref, None) for ref in subject_refs(passage.heading)
                 if LEVELS[ref.level] < LEVELS[own[0].ref.level]]
        return tuple(outer + own)

    def _change(self, sentence: Sentence, subject: str, last: Amount | None, main: Amount | None,
                previous_main: Amount | None, **values) -> Change:
        subject_label = clean_label(subject)[0] if subject else ""
        candidates: list[Amount] = []
        if subject_label:  # `收入增加 360.53 万元`: the amount of 收入 stated in this passage
            candidates += [a for a in reversed(self.narrative.amounts)
                           if a.value.sentence.passage is sentence.passage and subject_label in a.label]
        candidates += [a for a in (last, last.whole if last else None, main, previous_main) if a is not None]
        candidates = [a for a in candidates if not a.prior]  # a change is on this year's figure
        base = next((a for a in reversed(self.narrative.amounts)
                     if a.value.sentence is sentence and a.prior and a.kind == "money"), None)
        change = Change(sentence, list(dict.fromkeys(candidates)), subject=subject_label, base=base, **values)
        if change.candidates:
            change.candidates[0].changes.append(change)
        self.narrative.changes.append(change)
        return change

    def _share(self, rate: Printed, base_label: str, last: Amount | None, main: Amount | None,
               previous_main: Amount | None) -> None:
        parts = [a for a in (last, main) if a is not None]
        label = clean_label(base_label)[0]
        bases: list[Amount] = []
        if _QUALIFIED_BASE.search(base_label):  # `占财政性资金（人员类…除外）总额的比例`: a base no figure states
            self.narrative.shares.append(Share(rate, list(dict.fromkeys(parts)), [], label, True))
            return
        if label:  # `占预算总额的 2.1%`
            bases += [a for a in reversed(self.narrative.amounts) if label in a.label]
        named = bool(bases)
        if last is not None and last.whole is not None:
            bases.append(last.whole)
        shared = {id(s.parts[0]) for s in self.narrative.shares if s.parts}  # `A 万元，占 x%；B 万元，占 y%`: A is no base
        if not label or named:  # `占本年支出预算 34.27%` names a base none of them is: no guess
            bases += [a for a in (main, previous_main)
                      if a is not None and a is not last and id(a) not in shared and not a.prior]
        self.narrative.shares.append(Share(rate, list(dict.fromkeys(parts)), list(dict.fromkeys(bases)), label, named))


def _direction(text: str) -> int:
    m = _DIRECTION.search(text)
    if not m:
        return 0
    return 1 if re.fullmatch(_INCREASE, m.group(1)) else -1


def read_narrative(document: Document) -> Narrative:
    reader = _Reader()
    narrative = reader.read(document)
    narrative.completions = reader.completions.finish()
    narrative.lists = [found for passage in passages(document) if not passage.is_heading
                       for found in named_lists(passage)]
    for change in narrative.changes:  # a change is on this year's outturn, never on its 年初预算
        change.candidates = [a for a in change.candidates if a.basis != "budget"]
    return narrative

