"""Subject codes of the government budget classification (政府收支分类科目).

功能分类 codes start with 2 and nest 类 (3 digits) › 款 (5) › 项 (7); 部门经济分类
codes start with 3 (类 301, 款 30101, some provinces add a 7-digit level);
政府经济分类 codes start with 5.  A code printed over split 类 | 款 | 项 columns is
joined here, zero-padding the parts, and remembers whether they were padded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budgetlint.textnorm import label_key

SCHEMES = {"1": "revenue", "2": "function", "3": "economic", "5": "gov_economic"}
_CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")
_PART = re.compile(r"^\d{1,2}$")


@dataclass(frozen=True, slots=True)
class SubjectCode:
    digits: str
    printed: str
    padded: bool = True  # False when a split part was printed without its leading zero
    inferred: bool = False  # derived from a class name, not printed as a code

    @property
    def scheme(self) -> str:
        return SCHEMES.get(self.digits[0], "unknown")

    @property
    def level(self) -> int:
        """1 for 类, 2 for 款, 3 for 项 (or an economic code's third level)."""
        return (len(self.digits) - 1) // 2

    def is_ancestor_of(self, other: SubjectCode) -> bool:
        return len(self.digits) < len(other.digits) and other.digits.startswith(self.digits)

    def __str__(self) -> str:
        return self.digits


def parse_code(text: str) -> SubjectCode | None:
    """A code printed in one cell (`2080505`, `301`), or ``None``."""
    s = re.sub(r"\s+", "", text)
    if _CODE.match(s) and s[0] in SCHEMES:
        return SubjectCode(s, text.strip())
    return None


def join_split_code(parts: list[str]) -> SubjectCode | None:
    """A code printed over 类 | 款 | 项 columns: `208 | 05 | 05` → 2080505."""
    texts = [re.sub(r"\s+", "", p) for p in parts]
    while texts and not texts[-1]:
        texts.pop()
    if not texts or not _CODE.match(texts[0]) or len(texts[0]) != 3:
        return None
    if any(not _PART.match(t) for t in texts[1:]):
        return None
    digits = texts[0] + "".join(t.zfill(2) for t in texts[1:])
    if digits[0] not in SCHEMES:
        return None
    printed = " | ".join(texts)
    return SubjectCode(digits, printed, padded=all(len(t) == 2 for t in texts[1:]))


# 2024 支出功能分类科目, 类 level, with the names (and former names) printed in summary tables.
FUNCTION_CLASSES = {
    "201": ("一般公共服务",),
    "202": ("外交",),
    "203": ("国防",),
    "204": ("公共安全",),
    "205": ("教育",),
    "206": ("科学技术",),
    "207": ("文化旅游体育与传媒", "文化体育旅游与传媒", "文化体育与传媒"),
    "208": ("社会保障和就业",),
    "209": ("社会保险基金",),
    "210": ("卫生健康",),
    "211": ("节能环保",),
    "212": ("城乡社区", "城乡社区事务"),
    "213": ("农林水", "农林水事务"),
    "214": ("交通运输",),
    "215": ("资源勘探工业信息等", "资源勘探信息等", "资源勘探电力信息等"),
    "216": ("商业服务业等",),
    "217": ("金融",),
    "219": ("援助其他地区",),
    "220": ("自然资源海洋气象等",),
    "221": ("住房保障",),
    "222": ("粮油物资储备",),
    "223": ("国有资本经营预算",),
    "224": ("灾害防治及应急管理",),
    "227": ("预备费",),
    "229": ("其他",),
    "230": ("转移性",),
    "231": ("债务还本",),
    "232": ("债务付息",),
    "233": ("债务发行费用",),
    "234": ("抗疫特别国债安排的",),
}
_CLASS_BY_NAME = {name: code for code, names in FUNCTION_CLASSES.items() for name in names}

# 部门预算支出经济分类 and 政府预算支出经济分类 (since the 2018 reform), 类 level.
ECONOMIC_CLASSES = {
    "301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助", "307": "债务利息及费用支出",
    "309": "资本性支出（基本建设）", "310": "资本性支出", "311": "对企业补助（基本建设）", "312": "对企业补助",
    "313": "对社会保障基金补助", "399": "其他支出",
}
GOV_ECONOMIC_CLASSES = {
    "501": "机关工资福利支出", "502": "机关商品和服务支出", "503": "机关资本性支出（一）",
    "504": "机关资本性支出（二）", "505": "对事业单位经常性补助", "506": "对事业单位资本性补助",
    "507": "对企业补助", "508": "对企业资本性支出", "509": "对个人和家庭的补助", "510": "对社会保障基金补助",
    "511": "债务利息及费用支出", "512": "债务还本支出", "513": "转移性支出", "514": "预备费及预留",
    "599": "其他支出",
}
CLASSES = {"function": FUNCTION_CLASSES, "economic": ECONOMIC_CLASSES, "gov_economic": GOV_ECONOMIC_CLASSES}
_TRAILING = re.compile(r"[^\u4e00-\u9fff]+$")


def infer_function_class(label: str) -> SubjectCode | None:
    """The 类 code a summary table row names without printing it (`十、卫生健康支出` → 210)."""
    key = _TRAILING.sub("", label_key(label))
    for suffix in ("支出", ""):
        if suffix and not key.endswith(suffix):
            continue
        name = key[: len(key) - len(suffix)] if suffix else key
        code = _CLASS_BY_NAME.get(name)
        if code:
            return SubjectCode(code, label.strip(), inferred=True)
    return None
