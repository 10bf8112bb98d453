"""Output: one module per format, all rendering :class:`budgetlint.report.result.Report`."""
