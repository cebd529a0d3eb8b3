"""A third-party rule pack, loaded in the tests through a fake entry point."""

from budgetlint.engine import Finding, rule
from budgetlint.model import Span


@rule("XY001", "every-table-noted", "info")
def every_table_noted(context):
    """Reports each table without a footnote (a plug-in example)."""
    for table in context.document.tables:
        if not table.footnotes:
            yield Finding(Span(table.line, 1, table.line, 1), f"「{table.title}」没有脚注")


@rule("XY002", "always-crashes", "info")
def always_crashes(context):
    """A rule with a bug: the engine must survive it."""
    raise RuntimeError("boom")


RULES = [every_table_noted, always_crashes]
