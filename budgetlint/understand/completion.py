"""Reading a 决算's budget execution: `年初预算为 A 万元，支出决算为 B 万元，完成年初预算的 C%`.

A 决算 explains, item by item, the final figure against the year's initial budget: the
budget (`年初预算为`), the final figure (`支出决算为`, `决算为`, `决算数为`), the
completion rate (`完成年初预算的 C%`) and a comparison (`决算数小于预算数的主要原因`,
`决算数与预算数基本持平`), over one or a few sentences of a paragraph.  The budget and
the final figure are different quantities: amounts read here carry their ``basis`` so that
no rule compares a 年初预算 with a 决算 as if they were one figure.

The budget pairs with the next final figure of the same paragraph when that figure names
no other subject (`一般公共预算财政拨款支出年初预算为 …，支出决算为 …`); `其中：因公出国
（境）费决算为 0.00 万元` names its own and has no budget stated.  Where a paragraph states
several budgets (`年初预算为 A，全年预算为 F`), the rate's own words say which it is of
(`完成年初预算的`: the 年初 one, also the default); the others are kept, so that a rate
computed on the wrong one can be told.
"""

from __future__ import annotations

import re
from fractions import Fraction

from budgetlint.figures import NUMBER, Figure
from budgetlint.textnorm import label_key
from budgetlint.understand.passages import Passage, Sentence
from budgetlint.understand.statements import Amount, Completion, Printed

_BUDGET = re.compile(r"(年初|全年|调整后?)预算(数)?(为|是)?$")
_ACTUAL = re.compile(r"(支出)?决算(数)?(为|是)?$")
_SUBJECT_WORDS = re.compile(r"(年初|全年|调整|支出|财政拨款)")
_RATE = re.compile(r"完成(了)?(年初|全年)?(调整)?预算(数)?的?\s*(比例)?(为)?\s*$")
_COMPARISON = re.compile(
    r"决算数?(?P<word>大于|高于|超过|多于|小于|低于|少于|等于)(年初|全年)?(调整)?预算数?"
    r"|决算数?与(年初|全年)?(调整)?预算数?(?P<roughly>基本|大体)?(?P<flat>持平|一致|相同|相等)")
_DIRECTIONS = {"大于": 1, "高于": 1, "超过": 1, "多于": 1, "小于": -1, "低于": -1, "少于": -1, "等于": 0}


def _kind(budget: Amount) -> str | None:
    """Which budget an amount is: 年初, 全年 or 调整 (`调整后预算`)."""
    match = _BUDGET.search(label_key(budget.printed_label))
    return match.group(1)[:2] if match else None


def _subject(label: str, pattern: re.Pattern[str]) -> str:
    """What an amount is of, without the words that say it is a budget or a final figure."""
    return _SUBJECT_WORDS.sub("", pattern.sub("", label))


class CompletionReader:
    """Fed the amounts, rates and sentences of the narrative in order; collects completions."""

    def __init__(self) -> None:
        self.found: list[Completion] = []
        self._budgets: dict[int, list[Amount]] = {}  # per passage: the budgets stated, not yet paired
        self._current: dict[int, Completion] = {}  # per passage: the completion being stated

    def amount(self, amount: Amount) -> None:
        label = label_key(amount.printed_label)
        key = id(amount.value.sentence.passage)
        if _BUDGET.search(label) and "决算" not in label:
            amount.basis = "budget"
            self._budgets.setdefault(key, []).append(amount)
        elif _ACTUAL.search(label):
            amount.basis = "actual"
            budgets = self._budgets.pop(key, [])
            own = _subject(label, _ACTUAL)
            if budgets and own and own != _subject(label_key(budgets[0].printed_label), _BUDGET):
                budgets = []  # `其中：因公出国（境）费决算为 …`: another item, its budget not stated
            initial = [b for b in budgets if _kind(b) == "年初"]
            budget = (initial or budgets)[-1] if budgets else None
            completion = Completion(amount, budget, others=[b for b in budgets if b is not budget])
            self._current[key] = completion
            self.found.append(completion)

    def finish(self) -> list[Completion]:
        """The completions read; a 年初预算 no 决算 figure followed is an ordinary amount (a budget
        disclosure says `年初预算为 2444.5 万元` of the budget itself)."""
        for amounts in self._budgets.values():
            for amount in amounts:
                amount.basis = ""
        return self.found

    def rate(self, passage: Passage, before: str, rate: Printed) -> bool:
        """Take `完成年初预算的 C%` for the completion being stated; False when it is not one."""
        completion = self._current.get(id(passage))
        match = _RATE.search(before)
        if not match or completion is None or completion.rate is not None:
            return False
        completion.rate = rate
        named = match.group(2) or ("调整" if match.group(3) else None)  # `完成全年预算的`: of that budget
        chosen = next((b for b in completion.others if named and _kind(b) == named), None)
        if chosen is not None and completion.budget is not None:
            completion.others = [b for b in completion.others if b is not chosen] + [completion.budget]
            completion.budget = chosen
        return True

    def sentence(self, sentence: Sentence) -> None:
        """A comparison (`决算数小于预算数`) for the completion stated last in the paragraph."""
        completion = self._current.get(id(sentence.passage))
        match = _COMPARISON.search(sentence.text)
        if completion is None or match is None or completion.comparison is not None:
            return
        completion.comparison = Printed(_words(match.group(0)), sentence, match.start(), match.end())
        completion.direction = 0 if match.group("flat") else _DIRECTIONS[match.group("word")]
        completion.roughly = bool(match.group("roughly"))


def _words(text: str) -> Figure:
    """The comparison's words as a pseudo-figure (the check reports them as printed)."""
    return Figure(text, Fraction(0), 0, NUMBER)
