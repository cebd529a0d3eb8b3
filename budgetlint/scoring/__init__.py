"""绩效 sheets: the self-evaluation score sheets of a final account read as a
model of their own (budget lines, indicators with their points and scores,
the total), so that rules check arithmetic, not grid positions."""

from .sheets import Execution, Indicator, Sheet, read_sheets

__all__ = ["Execution", "Indicator", "Sheet", "read_sheets"]
