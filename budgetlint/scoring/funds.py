"""The money block of a sheet: 年度资金总额 and the funds it is made of
(其中：财政拨款, 上年结转, 其他资金), which must add up in every column.

Target sheets print the block as label, amount pairs ("年度资金总额： 2,134.87"
with the parts in the rows below, in the same column); Sichuan's score sheets
print it as budget lines with 年初预算数, 全年预算数 and 全年执行数 columns. A
part whose amount cell is blank is 0 only when the printed parts already make
the total: otherwise the blank may be a figure the extraction lost.
"""

from __future__ import annotations

import re

import attrs

from ..model import Figure, Row, Table
from ..places import Place

__all__ = ["Funding", "Part", "read_fundings"]


@attrs.frozen
class Part:
    """One fund of a block: its name and amount (figure None: the cell is blank)."""

    name: str
    place: Place
    figure: Figure | None


@attrs.frozen
class Funding:
    """A total and its parts, in one column ("全年预算数", "年度资金总额")."""

    what: str
    total: Part
    parts: tuple[Part, ...]


_TOTAL = re.compile(r"^(实施期|年度|项目)?(财政)?资金(申请)?总额[：:]?$")
_PART = re.compile(r"^(其中[：:]?)?(当年)?(财政拨款|财政资金|上年结转(资金)?|其他资金)[：:]?$")


def _compact(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def _amount(table: Table, row: Row, index: int) -> Part | None:
    place = Place(table, row, table.columns[index])
    cell = place.cell
    if cell is not None and cell.text.strip() and (cell.figure is None or cell.figure.percent):
        return None  # a cell that prints words where the amount should be
    return Part("", place, cell.figure if cell is not None else None)


def read_fundings(table: Table, rows: list[Row]) -> tuple[Funding, ...]:
    """The label, amount blocks of ``rows``: each 资金总额 label with the first
    figure right of it, and the fund labels below it in the same column."""
    found = []
    for at, row in enumerate(rows):
        for index, cell in enumerate(row.cells):
            if cell is None or not _TOTAL.match(_compact(cell.text)):
                continue
            column = next(
                (i for i in range(index + 1, len(row.cells)) if row.cells[i] is not None and row.cells[i].figure),
                None,
            )
            if column is None:
                continue
            total = _amount(table, row, column)
            parts = []
            for below in rows[at + 1 : at + 5]:
                label = below.cell(index)
                if label is None or not label.text.strip():
                    continue  # the other block's part on its own row (上海: 上年结转资金)
                if not _PART.match(_compact(label.text)):
                    break
                part = _amount(table, below, column)
                if part is None:
                    parts = []
                    break
                parts.append(attrs.evolve(part, name=re.sub(r"^其中[：:]?|[：:]$", "", _compact(label.text))))
            if total is not None and parts:
                name = _compact(cell.text).rstrip("：:")
                found.append(Funding(name, attrs.evolve(total, name=name), tuple(parts)))
    return tuple(found)
