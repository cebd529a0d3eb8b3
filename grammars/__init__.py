"""Lark grammars of budgetlint: the footnote and audit-formula language."""
