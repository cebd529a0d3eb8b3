"""Showing what was read: tables as JSON for machines, as rich tables for people.

rich is imported only when a person asks for the readable rendering.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

from .lazy import lazy_pattern
from .model import Cell, Document, Table

__all__ = ["cell_value", "print_tables", "table_to_json", "tables_to_json"]


def cell_value(cell: Cell | None) -> str | None:
    """A figure as its decimal string ("1224.48", "76.37%"), text as text, empty as None."""
    if cell is None or cell.empty:
        return None
    return str(cell.figure) if cell.figure else cell.text


def table_to_json(table: Table) -> dict[str, Any]:
    return {
        "title": table.title,
        "kind": table.kind,
        "unrecognised": table.unrecognised,
        "part": table.part,
        "line": table.line,
        "unit": table.unit,
        "department": table.department,
        "year": table.year,
        "columns": [{"number": column.number, "header": column.header} for column in table.columns],
        "rows": [
            {
                "line": row.line,
                "label": row.label,
                "code": row.code,
                "number": row.number,
                "cells": [cell_value(cell) for cell in row.cells],
            }
            for row in table.rows
        ],
        "footnotes": [{"line": note.line, "text": note.text} for note in table.footnotes],
    }


def tables_to_json(document: Document) -> list[dict[str, Any]]:
    return [table_to_json(table) for table in document.tables]


def _caption(table: Table) -> str:
    parts = [table.title or "（无标题表格）"]
    parts.append(
        f"[{table.kind}]" if table.kind else f"[未识别：{table.unrecognised}]" if table.unrecognised else "[未识别]"
    )
    if table.part:
        parts.append(f"· {table.part}")
    facts = [f"第 {table.line} 行"]
    if table.unit:
        facts.append(f"单位：{table.unit}")
    if table.department:
        facts.append(f"部门：{table.department}")
    return " ".join(parts) + "  (" + "，".join(facts) + ")"


def _figure(row: list[str], index: int) -> bool:
    """Whether the value at ``index`` of a rendered row prints a figure (it must not fold)."""
    return index < len(row) and bool(_FIGURE.fullmatch(row[index]))


_FIGURE = lazy_pattern(r"-?[\d,.]+%?")


def _widest(rows: list[list[str]], index: int, header: str = "", figures_only: bool = False) -> int:
    """The display width of column ``index``'s widest value (of its figures only, if asked)."""
    from rich.cells import cell_len

    values = [row[index] for row in rows if index < len(row) and (not figures_only or _figure(row, index))]
    return max(cell_len(value) for value in [header, *values])


def print_tables(document: Document, stream: TextIO | None = None, width: int | None = None) -> None:
    """Print every table of ``document`` for a person to read. Figures and codes are
    never broken across lines nor cut: a table too wide for the terminal is printed
    wider than it (the terminal wraps whole lines), and only names fold."""
    from rich import box
    from rich.console import Console
    from rich.measure import Measurement
    from rich.table import Table as RichTable
    from rich.text import Text

    stream = stream or sys.stdout
    if width is None and not stream.isatty():
        width = 200
    console = Console(file=stream, highlight=False, width=width)
    if not document.tables:
        console.print("未找到表格。")
    for table in document.tables:
        console.print(Text(_caption(table), style="bold"), soft_wrap=True)
        grid = RichTable(box=box.SIMPLE_HEAD, show_lines=False)
        rows = [
            [str(row.line), "" if row.number is None else str(row.number), row.code or ""]
            + [cell_value(cell) or "" for cell in row.cells]
            for row in table.rows
        ]

        grid.add_column("行", justify="right", style="dim", no_wrap=True, min_width=_widest(rows, 0, "行"))
        grid.add_column("行次", justify="right", no_wrap=True, min_width=_widest(rows, 1, "行次"))
        grid.add_column("编码", no_wrap=True, min_width=_widest(rows, 2, "编码"))
        # names and words fold (at most 40 and 24 cells wide); figures never do
        grid.add_column("项目", min_width=12, max_width=40, overflow="fold")
        for index, column in enumerate(table.columns):
            name = column.header or ""
            if column.number is not None:
                name = f"{column.number}栏 {name}".strip()
            least = _widest(rows, 3 + index, figures_only=True)
            grid.add_column(Text(name), justify="right", overflow="fold", min_width=least, max_width=max(least, 24))
        for row, values in zip(table.rows, rows, strict=True):
            grid.add_row(*(Text(value) for value in [*values[:3], row.label, *values[3:]]))  # text, not markup
        terminal = console.width
        console.width = 100_000  # measured without the terminal's limit: the least the table needs
        needed = Measurement.get(console, console.options, grid).minimum
        console.width = max(needed, terminal)  # print(width=) cannot go past the console's
        console.print(grid)
        console.width = terminal
        for note in table.footnotes:
            console.print(Text(f"注（第 {note.line} 行）：{note.text}", style="dim"))
        console.print()
