"""Built-in rule families of budgetlint, one module per family (BL1xx footnotes, BL2xx table arithmetic, ...)."""
