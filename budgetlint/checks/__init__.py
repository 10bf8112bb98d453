"""Rule kinds: one module per kind.  ``CHECKS`` maps a kind name to its check."""

from __future__ import annotations

from budgetlint.checks.agency_name import AgencyName
from budgetlint.checks.amount_unit import AmountUnit
from budgetlint.checks.balance import Balance
from budgetlint.checks.base import Check, Finding
from budgetlint.checks.base_year import BaseYear
from budgetlint.checks.breakdown import Breakdown
from budgetlint.checks.budget_year import BudgetYear
from budgetlint.checks.code_format import CodeFormat
from budgetlint.checks.code_name import CodeName
from budgetlint.checks.column_identity import ColumnIdentity
from budgetlint.checks.completion import CompletionCheck
from budgetlint.checks.contents_body import ContentsVsBody
from budgetlint.checks.cross_table import CrossTable
from budgetlint.checks.detail_level import DetailLevel
from budgetlint.checks.duplicate_row import DuplicateRow
from budgetlint.checks.empty_table import EmptyTableNote
from budgetlint.checks.extraction import Extraction
from budgetlint.checks.growth import Growth
from budgetlint.checks.listed_items import ListedItems
from budgetlint.checks.narrative_table import NarrativeVsTable
from budgetlint.checks.nothing_to_check import NothingToCheck
from budgetlint.checks.part_whole import PartExceedsWhole
from budgetlint.checks.placeholder import Placeholder
from budgetlint.checks.previous_year import PreviousYear
from budgetlint.checks.required_tables import RequiredTables
from budgetlint.checks.restatement import Restatement
from budgetlint.checks.rollup import CodeRollup, OutlineRollup
from budgetlint.checks.self_evaluation import SelfEvaluation
from budgetlint.checks.share import ShareCheck
from budgetlint.checks.sole_source import SoleSource
from budgetlint.checks.stale_waiver import StaleWaiver
from budgetlint.checks.subject_name import SubjectName
from budgetlint.checks.subject_name_across import SubjectNameAcross
from budgetlint.checks.table_total import TableTotal
from budgetlint.checks.table_unit import TableUnit
from budgetlint.checks.terms import MisspelledTerm
from budgetlint.checks.understanding import Understanding
from budgetlint.checks.unit_within_department import UnitWithinDepartment
from budgetlint.checks.wording import Wording

CHECKS: dict[str, Check] = {
    c.kind: c()
    for c in (TableTotal, CodeRollup, OutlineRollup, ColumnIdentity, CrossTable, DuplicateRow, CodeName,
              NarrativeVsTable, ShareCheck, Growth, Breakdown, Restatement, Extraction, StaleWaiver, RequiredTables,
              EmptyTableNote, ContentsVsBody, DetailLevel, CodeFormat, BudgetYear, TableUnit, Placeholder,
              Understanding, Balance, CompletionCheck, Wording, MisspelledTerm, BaseYear, SubjectName, ListedItems,
              NothingToCheck, AmountUnit, PartExceedsWhole, AgencyName, SelfEvaluation,
              SoleSource, PreviousYear, UnitWithinDepartment, SubjectNameAcross)
}

__all__ = ["CHECKS", "Check", "Finding"]
