"""The understanding layer: tables and paragraphs become located facts (:mod:`budgetlint.understand.reading`
is the way in).  Kept empty, so that a module that needs one part (an identity, a table kind) does
not load them all.
"""
