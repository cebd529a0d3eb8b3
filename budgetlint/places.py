"""Places: a cell of a document as the rules name it (table, row, column),
how a finding describes it to a reader, and the row names used to match the
same row across tables."""

from __future__ import annotations

import functools
import re

from .arithmetic import Interval
from .lazy import lazy_pattern
from .model import Cell, Column, Row, Span, Table
from .records import record
from .text import ITEM_MARK, chinese_number, key

__all__ = ["Place", "describe", "row_key", "row_name", "table_name", "table_number"]

_ENUMERATION = lazy_pattern(rf"^(?:{ITEM_MARK})\s*")
_CLASS_MARK = lazy_pattern(r"[（(](?:类|款|项)[)）]")
_TABLE_NUMBER = lazy_pattern(r"[（(]?\s*(表\s*([一二三四五六七八九十\d]+))\s*[)）]?\s*$")


@functools.lru_cache(maxsize=8192)
def row_key(label: str) -> str:
    """A row's name for matching across tables: without "九、", "(类)", spaces."""
    return key(_CLASS_MARK.sub("", _ENUMERATION.sub("", label.strip())))


def row_name(row: Row) -> str:
    """A row as a reader finds it: "第 27 行「本年收入合计」", "科目 208「…」"."""
    name = f"第 {row.number} 行" if row.number is not None else (f"科目 {row.code}" if row.code else "")
    if row.label:
        name += f"「{row.label}」"
    return name or f"（文件第 {row.line} 行的无名行）"


def column_name(column: Column) -> str:
    return f"{column.number}栏" if column.number is not None else f"「{column.header or ''}」栏"


def table_number(table: Table) -> int | None:
    """The number the title gives the table: 6 for "…决算表（表6）" or "…（表六）"."""
    found = _TABLE_NUMBER.search(table.title or "")
    return chinese_number(found[2]) if found else None


def table_name(table: Table) -> str:
    """ "表4（收入）" where the title numbers the table, else its kind."""
    found = _TABLE_NUMBER.search(table.title or "")
    name = re.sub(r"\s+", "", found[1]) if found else (table.kind or table.title or "表")
    return f"{name}（{table.part}）" if table.part else name


@record
class Place:
    """A cell of a document named by a rule: its table, row and column."""

    table: Table
    row: Row
    column: Column

    @property
    def cell(self) -> Cell | None:
        return self.row.cell(self.column.index)

    @property
    def identity(self) -> tuple:
        return (self.table.block, self.table.part, self.row.line, self.row.number, self.column.index)

    @property
    def span(self) -> Span:
        return self.row.span_at(self.column.index)

    @property
    def interval(self) -> Interval:
        return Interval.of_cell(self.cell)

    @property
    def shown(self) -> str:
        """The figure as printed, or 空."""
        cell = self.cell
        return str(cell.figure) if cell is not None and cell.figure else "空"


def describe(place: Place) -> str:
    """A place as a reader finds it: "表4（收入） 第 2 行「…」1栏"."""
    return f"{table_name(place.table)} {row_name(place.row)}{column_name(place.column)}"
