"""A plug-in that reuses a built-in rule code, which the engine must refuse."""

from budgetlint.engine import rule


@rule("BL110", "my-formula-check", "error")
def my_formula_check(context):
    """Claims a code that belongs to a built-in rule."""
    return []
