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

from ..model import Span, Table
from ..places import Place
from .funds import read_fundings
from .sheets import _BARE_NUMBER, Indicator, Sheet
from .weights import Weight

__all__ = ["read_target"]

_HEADER = re.compile(r"^(一级指标|指标名称)$")
_WEIGHT_COLUMN = re.compile(r"分值|权重")
_DECLARED = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]")
_EXECUTION = re.compile(r"执行率分值\s*[（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]")


def _compact(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


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
    span = cell.span
    if found and span.line == span.end_line and text.count(found[1]) == 1:
        start = span.column + text.index(found[1])
        span = Span(span.line, start, span.line, start + len(found[1]))
    return Weight(_compact(text), 0, points, span, row, text=text.strip())


def read_target(table: Table) -> Sheet | None:
    """The target sheet's indicators (with their weights), the weights' declared
    total, budget execution's points and its money blocks; None when the table
    has no indicator header (一级指标 or 指标名称)."""
    header_at = weight_at = None
    for at, row in enumerate(table.rows):
        texts = [_compact(cell.text) if cell is not None else "" for cell in row.cells]
        if any(_HEADER.match(text) for text in texts):
            weight_at = next((i for i, text in enumerate(texts) if _WEIGHT_COLUMN.search(text)), None)
            header_at = at
            break
    if header_at is None:
        return None
    header = table.rows[header_at]
    points = None
    for row in table.rows[:header_at]:
        for cell in row.cells:
            if cell is not None and (found := _EXECUTION.search(_compact(cell.text))):
                points = Decimal(found[1])
    indicators, unread = [], []
    for row in table.rows[header_at + 1 :] if weight_at is not None else ():
        cell = row.cell(weight_at)
        words = [c for c in row.cells if c is not None and c.text.strip()]
        if cell is not None and _BARE_NUMBER.match(cell.text) and cell.figure is not None:
            place = Place(table, row, table.columns[weight_at])
            named = [c.text.strip() for c in row.cells[:weight_at] if c is not None and c.text.strip() and not c.figure]
            indicators.append(Indicator(named[-1] if named else row.label, row, None, place))
        elif len(words) >= 2:
            unread.append(f"第 {row.line} 行的指标没有读出分值")
    return Sheet(
        table,
        points,
        (),
        tuple(indicators),
        None,
        None,
        "目标",
        None,
        tuple(unread),
        declared=_declared(table, header, weight_at) if weight_at is not None else None,
        fundings=read_fundings(table, list(table.rows[:header_at])),
    )
