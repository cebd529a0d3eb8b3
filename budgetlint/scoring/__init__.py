"""绩效 sheets: the self-evaluation score sheets of a final account read as a
model of their own (budget lines, indicators with their weights and scores,
the total), and the scoring profiles their arithmetic follows."""

from .sheets import Execution, Indicator, Sheet, Weight, read_sheets

__all__ = ["Execution", "Indicator", "Sheet", "Weight", "read_sheets"]
