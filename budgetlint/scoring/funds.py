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

from ..lazy import lazy_pattern
from ..model import Figure, Row, Table
from ..places import Place
from ..records import evolve, record
from ..text import unspaced

__all__ = ["Funding", "Part", "line_fundings", "read_fundings"]


@record
class Part:
    """One fund of a block: its name and amount (figure None: the cell is blank)."""

    name: str
    place: Place
    figure: Figure | None


@record
class Funding:
    """A total and its parts, in one column ("全年预算数", "年度资金总额")."""

    what: str
    total: Part
    parts: tuple[Part, ...]
    #: False when a fund of the block was not read (a name no pattern knows, "自筹资金"):
    #: the parts then only bound the total from below.
    complete: bool = True


_TOTAL = lazy_pattern(r"^(实施期|年度|项目)?(财政)?资金(申请)?总额[：:]?$")
_PART = lazy_pattern(r"^(其中[：:]?)?(当年)?(财政拨款|财政资金|上年结转(资金)?|其他资金)[：:]?$")
#: A row that names money the patterns do not know ("单位自筹", "中央补助资金").
_MONEY = lazy_pattern(r"资金|拨款|自筹|结转|补助|收入|经费")


def _kind(name: str) -> str:
    """The fund a part names: 财政 (财政拨款, 财政资金), 结转 or 其他."""
    return "结转" if "结转" in name else "其他" if "其他" in name else "财政"


def _amount(table: Table, row: Row, index: int) -> Part | None:
    place = Place(table, row, table.columns[index])
    cell = place.cell
    if cell is not None and cell.text.strip() and (cell.figure is None or cell.figure.percent):
        return None  # a cell that prints words where the amount should be
    return Part("", place, cell.figure if cell is not None else None)


def _block(table: Table, rows: list[Row], at: int, index: int, column: int) -> tuple[list[Part], bool] | None:
    """The parts under the total at ``rows[at]``: the fund labels below it in column
    ``index``, their amounts in ``column``. None when the block cannot be summed: a
    part that prints words, a second 其中 or a fund named twice (a part of a part)."""
    parts: list[Part] = []
    complete, labelled = True, 0
    for below in rows[at + 1 : at + 9]:
        label = below.cell(index)
        if label is None or not label.text.strip():
            continue  # the other block's part on its own row (上海: 上年结转资金)
        name = unspaced(label.text)
        labelled += 1
        if not _PART.match(name) or labelled > 4:
            complete = complete and not (_MONEY.search(name) and labelled <= 4)
            break
        part = _amount(table, below, column)
        if part is None or name.startswith("其中") and parts:
            return None
        part = evolve(part, name=re.sub(r"^其中[：:]?|[：:]$", "", name))
        if _kind(part.name) in {_kind(p.name) for p in parts}:
            return None
        parts.append(part)
    return parts, complete


def read_fundings(table: Table, rows: list[Row]) -> tuple[Funding, ...]:
    """The label, amount blocks of ``rows``: each 资金总额 label with the amount printed
    right after it, and the fund labels below it in the same column."""
    found = []
    for at, row in enumerate(rows):
        for index, cell in enumerate(row.cells):
            if cell is None or not _TOTAL.match(unspaced(cell.text)):
                continue
            column = next((i for i in range(index + 1, len(row.cells)) if _printing(row.cells[i])), None)
            total = _amount(table, row, column) if column is not None else None
            block = _block(table, rows, at, index, column) if total is not None else None
            if block is None or not block[0] or total.figure is None:
                continue
            name = unspaced(cell.text).rstrip("：:")
            found.append(Funding(name, evolve(total, name=name), tuple(block[0]), block[1]))
    return tuple(found)


def _printing(cell) -> bool:
    return cell is not None and bool(cell.text.strip())


#: The amount columns of a Sichuan sheet, each a block of its own.
_LINE_COLUMNS = ("年初预算数", "全年预算数", "全年执行数")


def line_fundings(table: Table, lines: list, columns: dict, complete: bool) -> tuple[Funding, ...]:
    """年度资金总额 and the fund lines under it, in each amount column of a Sichuan
    sheet (``columns``: header → index); ``complete`` is False when a row of the
    money part was not read as a line. Nothing when a fund is named twice (其中：中央
    财政资金 under 当年财政拨款)."""
    totals = [line for line in lines if "总额" in line.name]
    others = [line for line in lines if "总额" not in line.name]
    if len(totals) != 1 or not others or len({_kind(line.name) for line in others}) != len(others):
        return ()
    fundings = []
    for what in _LINE_COLUMNS:
        index = columns.get(what)
        if index is not None:
            parts = tuple(_line_part(table, line, index) for line in others)
            name = f"{totals[0].name}（{what}）"
            fundings.append(Funding(name, _line_part(table, totals[0], index), parts, complete))
    return tuple(fundings)


def _line_part(table: Table, line, index: int) -> Part:
    """A budget line's amount in column ``index`` (the budget as printed, before its 追减)."""
    place = Place(table, line.budget.row, table.columns[index])
    if index == line.budget.column.index:
        return Part(line.name, place, line.printed_budget_figure)
    return Part(line.name, place, place.cell.figure if place.cell is not None else None)
