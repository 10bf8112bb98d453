"""`python -m budgetlint`."""

from budgetlint.cli import app

app(prog_name="budgetlint")
