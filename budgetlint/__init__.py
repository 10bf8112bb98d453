"""budgetlint: checks that a Chinese budget disclosure's tables and narrative add up."""

__version__ = "0.1.0"
