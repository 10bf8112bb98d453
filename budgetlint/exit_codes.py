"""The exit codes, as linters have them: 0 clean, 1 findings, 2 a usage or input error."""

EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2
