"""self-evaluation: the narrative's 绩效自评 scores agree with their grades and counts.

A 决算's 情况说明 reports its projects' self-evaluation: `绩效自评的2024年度项目4个……平均得分
99.43分（其中，绩效评级为“优”的项目4个；绩效评级为“良”的项目0个……）` (普陀 template), or one
project's `自评得分 92 分，评价等级为“优”`.  A grade is a band of scores (财预〔2020〕10号:
优 90–100, 良 80–90, 中 60–80, 差 below 60; the rule gives the bands, names vary by place), so
three things are checked from the sentence alone:

- the projects counted by grade add up to the projects evaluated;
- the average score lies where the grades allow (4 projects all 优 cannot average 78.5); read
  only where the grades are listed in full (they add up to the projects evaluated);
- one score lies in the band of the grade printed beside it.
Scores are rounded figures; a band's edges count as inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Iterator

from budgetlint.checks.base import Check, Finding
from budgetlint.checks.wording import quote
from budgetlint.engine.rule import Field, Rule
from budgetlint.figures import exact_decimals, render_value
from budgetlint.i18n import t
from budgetlint.interval import Interval
from budgetlint.model import Paragraph
from budgetlint.report.result import FigureRef
from budgetlint.textnorm import halfwidth
from budgetlint.understand.model import DocumentFacts

_SCORE = r"(\d{1,3}(?:\.\d+)?)\s*分"
_QUOTE_OPEN, _QUOTE_CLOSE = "[“\"「']?", "[”\"」']?"


def parse_grades(value: Any) -> dict[str, tuple[Fraction, Fraction]]:
    """`{优: [90, 100], 良: [80, 90]}`: each grade's name and the scores it covers."""
    def band(v: Any) -> bool:
        return (isinstance(v, list) and len(v) == 2 and all(isinstance(x, (int, float)) and not isinstance(x, bool)
                                                             for x in v) and 0 <= v[0] < v[1] <= 1000)
    if not isinstance(value, dict) or not value or not all(isinstance(k, str) and k.strip() and band(v)
                                                           for k, v in value.items()):
        raise ValueError("a mapping of each grade to its lowest and highest score, e.g. {优: [90, 100]}")
    return {k.strip(): (Fraction(str(v[0])), Fraction(str(v[1]))) for k, v in value.items()}


@dataclass(frozen=True)
class _Printed:
    """A number of the sentence: its text, its value as an interval, where it starts."""

    text: str
    interval: Interval
    start: int
    end: int


def _number(match: re.Match[str], group: int) -> _Printed:
    text = match.group(group)
    value = Fraction(text)
    decimals = len(text.partition(".")[2])
    return _Printed(text, Interval.rounded(value, decimals), match.start(group), match.end(group))


class _Patterns:
    """The phrases of a self-evaluation, with the rule's grade names in them."""

    def __init__(self, grades: dict[str, tuple[Fraction, Fraction]]):
        names = "|".join(re.escape(g) for g in sorted(grades, key=len, reverse=True))  # 不合格 before 合格
        grade = f"{_QUOTE_OPEN}({names}){_QUOTE_CLOSE}"
        label = r"(?:评级|等级|评价结果|自评结果)(?:为|是)?"
        self.evaluated = re.compile(r"(?:绩效)?自评[^。;；]{0,20}?项目\s*(\d+)\s*个")
        self.by_grade = re.compile(rf"{label}{grade}的项目\s*(\d+)\s*个")
        self.average = re.compile(rf"平均(?:得)?分(?:为|是)?\s*{_SCORE}")
        self.score_then_grade = re.compile(rf"(?<!平均)得分(?:为|是)?\s*{_SCORE}[,，]?\s*(?:绩效)?(?:评价)?{label}{grade}")
        self.grade_then_score = re.compile(rf"{label}{grade}[,，]?\s*(?:自评)?(?<!平均)得分(?:为|是)?\s*{_SCORE}")


def _listed(counts: list[tuple[str, int]]) -> str:
    """`优 4 个、良 0 个`: the projects of each grade, as the message names them."""
    return "、".join(f"{grade} {n} 个" for grade, n in counts)


def _score_text(value: Fraction) -> str:
    return render_value(value, exact_decimals(value, at_most=2))


class SelfEvaluation(Check):
    kind = "self-evaluation"
    summary = "The narrative's self-evaluation scores agree with their grades, and its graded projects add up."
    fields = {"grades": Field(parse_grades, "each grade and the scores it covers", required=True)}
    variables = ("what", "reported", "computed", "grades", "context")
    default_message = "{what}为 {reported}，按评级（{grades}）应为 {computed}：「{context}」"
    default_message_en = "{what} is {reported}, but the grades ({grades}) give {computed}: 「{context}」"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        grades = rule.params["grades"]
        patterns = _Patterns(grades)
        for paragraph in doc.document.paragraphs:
            if "分" in paragraph.text or "项目" in paragraph.text:
                text = halfwidth(paragraph.text)
                for check in (self._count, self._average, self._grade):
                    yield from check(paragraph, text, patterns, grades)

    @staticmethod
    def _graded(text: str, patterns: _Patterns) -> tuple[_Printed | None, list[tuple[str, int]], int]:
        """The projects evaluated (`绩效自评的项目4个`), the count of each grade listed after it in
        its sentence (another sentence may grade another evaluation), and where that sentence ends."""
        evaluated = patterns.evaluated.search(text)
        if evaluated is None:
            return None, [], 0
        end = text.find("。", evaluated.end())
        end = len(text) if end < 0 else end
        counts = [(m.group(1), int(m.group(2))) for m in patterns.by_grade.finditer(text, evaluated.end(), end)]
        return _number(evaluated, 1), counts, end

    def _count(self, paragraph: Paragraph, text: str, patterns: _Patterns, grades) -> Iterator[Finding]:
        evaluated, counts, _ = self._graded(text, patterns)
        if evaluated is None or len(counts) < 2:
            return
        total = sum(n for _, n in counts)
        if total != int(evaluated.text):
            yield self._finding(paragraph, evaluated, t("the number of self-evaluated projects"),
                                f"{evaluated.text} 个", f"{total} 个", _listed(counts))

    def _average(self, paragraph: Paragraph, text: str, patterns: _Patterns, grades) -> Iterator[Finding]:
        evaluated, counts, end = self._graded(text, patterns)
        average = patterns.average.search(text, 0, end)
        total = sum(n for _, n in counts)
        if evaluated is None or average is None or total == 0 or total != int(evaluated.text):
            return
        low = sum(n * grades[g][0] for g, n in counts) / total
        high = sum(n * grades[g][1] for g, n in counts) / total
        score = _number(average, 1)
        if not score.interval.intersects(Interval(low, high)):
            yield self._finding(paragraph, score, t("the average self-evaluation score"), f"{score.text} 分",
                                f"{_score_text(low)}–{_score_text(high)} 分", _listed(counts))

    def _grade(self, paragraph: Paragraph, text: str, patterns: _Patterns, grades) -> Iterator[Finding]:
        for pattern, score_group, grade_group in ((patterns.score_then_grade, 1, 2),
                                                  (patterns.grade_then_score, 2, 1)):
            for match in pattern.finditer(text):
                score, grade = _number(match, score_group), match.group(grade_group)
                low, high = grades[grade]
                if not score.interval.intersects(Interval(low, high)):
                    yield self._finding(paragraph, score, t("the self-evaluation score"), f"{score.text} 分",
                                        f"{_score_text(low)}–{_score_text(high)} 分", grade)

    @staticmethod
    def _finding(paragraph: Paragraph, figure: _Printed, what: str, reported: str, computed: str,
                 grades: str) -> Finding:
        return Finding(subject=FigureRef(location=paragraph.locate(figure.start), text=figure.text),
                       reported=reported, computed=computed,
                       values={"what": what, "grades": grades,
                               "context": quote(paragraph.text, figure.start, figure.end)})
