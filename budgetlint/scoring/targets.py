"""A 绩效目标表 (项目支出 or 部门整体) as a model: it scores nothing yet, but
its weights and its money must add up.

The indicator header names the weight column and often its total
("分值权重（90分）", "分值（90）"; "指标权重(%)" is 100), and a cell beside the
money gives budget execution's points ("执行率分值（10分）"): the indicators'
weights make the first, and with the second they make 100.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..lazy import lazy_pattern
from ..model import Table
from ..places import Place
from ..text import unspaced
from .funds import read_fundings
from .sheets import BARE_NUMBER, Indicator, Sheet
from .weights import Weight, number_span

__all__ = ["read_target"]

_HEADER = lazy_pattern(r"^(一级指标|指标名称)$")
_WEIGHT_COLUMN = lazy_pattern(r"分值|权重")
_DECLARED = lazy_pattern(r"[（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]")
_SUBTOTAL = lazy_pattern(r"^(合计|小计|总计|合\s*计)[：:]?$")
_EXECUTION = lazy_pattern(r"执行率分值\s*[（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]")


def _declared(table: Table, row, index: int) -> Weight | None:
    """The weights' total a header cell prints: "分值权重（90分）" 90, "指标权重(%)" 100."""
    cell = row.cells[index]
    text = cell.text
    found = _DECLARED.search(text)
    if found:
        points = Decimal(found[1])
    elif re.search(r"[（(]\s*%\s*[)）]", text):
        points = Decimal(100)
    else:
        return None
    span = number_span(text, cell.span, found[1]) if found else cell.span
    return Weight(unspaced(text), 0, points, span, row, text=text.strip(), percent=not found)


def read_target(table: Table) -> Sheet | None:
    """The target sheet's indicators (with their weights), the weights' declared
    total, budget execution's points and its money blocks; None when the table
    has no indicator header (一级指标 or 指标名称)."""
    header_at = weight_at = name_at = None
    for at, row in enumerate(table.rows):
        texts = [unspaced(cell.text) if cell is not None else "" for cell in row.cells]
        if any(_HEADER.match(text) for text in texts):
            weight_at = next((i for i, text in enumerate(texts) if _WEIGHT_COLUMN.search(text)), None)
            name_at = next((i for i, text in enumerate(texts) if text in ("三级指标", "指标名称")), None)
            header_at = at
            break
    if header_at is None:
        return None
    if name_at is None:
        weight_at = None  # weights that cannot be told from the subtotals of their levels
    header = table.rows[header_at]
    points = None
    for row in table.rows[:header_at]:
        for cell in row.cells:
            if cell is not None and (found := _EXECUTION.search(unspaced(cell.text))):
                points = Decimal(found[1])
    indicators, unread = [], []
    for row in table.rows[header_at + 1 :] if weight_at is not None else ():
        cell = row.cell(weight_at)
        words = [c for c in row.cells if c is not None and c.text.strip()]
        name = row.cell(name_at)
        if any(_SUBTOTAL.match(unspaced(text)) for text in [row.label] + [c.text for c in words]):
            continue
        if cell is not None and BARE_NUMBER.match(cell.text) and cell.figure is not None:
            if name is None or not name.text.strip():
                # a level's own subtotal, or an indicator whose name was lost: not summed
                unread.append(f"第 {row.line} 行有分值而没有三级指标")
                continue
            place = Place(table, row, table.columns[weight_at])
            indicators.append(Indicator(name.text.strip(), row, None, place))
        elif len(words) >= 2:
            unread.append(f"第 {row.line} 行的指标没有读出分值")
    return Sheet(
        table,
        points,
        executions=(),
        indicators=tuple(indicators),
        total=None,
        style="目标",
        unread=tuple(unread),
        declared=_declared(table, header, weight_at) if weight_at is not None else None,
        fundings=read_fundings(table, list(table.rows[:header_at])),
    )
