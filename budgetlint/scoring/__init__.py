"""绩效 sheets: the self-evaluation score sheets of a final account and the
target sheets of a budget, read as a model of their own (budget lines,
indicators with their weights and scores, money blocks, the total), so that
rules check arithmetic, not grid positions."""

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


def read_sheets(document: Document, earlier: dict | None = None) -> list[Sheet]:
    """Every score sheet, score summary and target sheet of the document, as a model.

    ``earlier`` (see Context.remembered) keeps each table's sheet from one call to
    the next: a table read again as the same object is not read again."""
    sheets = []
    kept: dict = {}
    for table in document.tables:
        if earlier is not None and id(table) in earlier:  # the table is kept with it: no id is reused
            kept[id(table)] = earlier[id(table)]
        elif table.kind in _SHEETS or table.kind in _SUMMARIES or table.kind in _TARGETS:
            kept[id(table)] = (table, _sheet_of(table))
        else:
            continue
        if kept[id(table)][1] is not None:
            sheets.append(kept[id(table)][1])
    if earlier is not None:
        earlier.clear()
        earlier.update(kept)
    return sheets


def _sheet_of(table) -> Sheet | None:
    if table.kind in _SHEETS:
        sheet = read_sheet(table)
        if not (sheet.executions or sheet.indicators):
            sheet = read_listing(table) or sheet
        return sheet
    if table.kind in _SUMMARIES:
        return read_summary(table)
    return read_target(table)
