"""stale-waiver: a waiver that no longer matches any finding.

Documents have nothing to say about waivers, so this kind checks no document;
:mod:`budgetlint.waivers` reports stale waivers under the rule of this kind, so
that they are explained, selected and ignored like any other finding.
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.base import Check, Finding


class StaleWaiver(Check):
    kind = "stale-waiver"
    summary = "A waiver in the waiver file that matches no finding any more (fixed, or the figure changed)."
    fields = {}
    variables = ("rule", "file", "figure", "reported", "computed", "difference")
    default_message = "豁免已失效：{file} 中 {rule} 的「{figure}」已不再出现"
    default_message_en = "stale waiver: 「{figure}」 of {rule} in {file} no longer occurs"

    def run(self, rule, doc) -> Iterator[Finding]:
        return iter(())
