"""绩效 sheets: the self-evaluation score sheets of a final account and the
target sheets of a budget, read as a model of their own (budget lines,
indicators with their weights and scores, money blocks, the total), so that
rules check arithmetic, not grid positions."""

from ..kept import Kept
from ..model import Document
from .funds import Funding, Part
from .sheets import Execution, Indicator, Sheet, read_listing, read_sheet, read_summary
from .targets import read_target
from .weights import Weight, weight_trees

__all__ = ["Execution", "Funding", "Indicator", "Part", "Sheet", "Weight", "read_sheets", "weight_trees"]

#: The kinds of table that are score sheets, score summaries and target sheets.
_SHEETS = ("项目支出绩效自评表", "部门整体支出绩效自评表")
_SUMMARIES = ("绩效评分表",)
_TARGETS = ("项目支出绩效目标表", "部门整体支出绩效目标表")


def read_sheets(document: Document, kept: Kept | None = None) -> list[Sheet]:
    """Every score sheet, score summary and target sheet of the document, as a model;
    a table that ``kept`` holds from the last lint (the same object) is not read again."""
    kept = kept or Kept(None)
    found = [
        kept.get_for((table,), lambda table=table: _sheet_of(table))
        for table in document.tables
        if table.kind in _SHEETS or table.kind in _SUMMARIES or table.kind in _TARGETS
    ]
    kept.keep()
    return [sheet for sheet in found if sheet is not None]


def _sheet_of(table) -> Sheet | None:
    if table.kind in _SHEETS:
        sheet = read_sheet(table)
        if not (sheet.executions or sheet.indicators):
            sheet = read_listing(table) or sheet
        return sheet
    if table.kind in _SUMMARIES:
        return read_summary(table)
    return read_target(table)
