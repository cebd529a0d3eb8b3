"""Showing what was read: tables as JSON for machines, as rich tables for people.

rich is imported only when a person asks for the readable rendering.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

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


def print_tables(document: Document, stream: TextIO | None = None) -> None:
    """Print every table of ``document`` for a person to read."""
    from rich import box
    from rich.console import Console
    from rich.table import Table as RichTable

    stream = stream or sys.stdout
    console = Console(file=stream, highlight=False, width=None if stream.isatty() else 200)
    if not document.tables:
        console.print("未找到表格。")
    for table in document.tables:
        console.print(_caption(table), style="bold", soft_wrap=True)
        grid = RichTable(box=box.SIMPLE_HEAD, show_lines=False)
        grid.add_column("行", justify="right", style="dim")
        grid.add_column("行次", justify="right")
        grid.add_column("编码")
        grid.add_column("项目", min_width=12, overflow="fold")
        for column in table.columns:
            name = column.header or ""
            if column.number is not None:
                name = f"{column.number}栏 {name}".strip()
            grid.add_column(name, justify="right", overflow="fold")
        for row in table.rows:
            cells = [cell_value(cell) or "" for cell in row.cells]
            grid.add_row(
                str(row.line), "" if row.number is None else str(row.number), row.code or "", row.label, *cells
            )
        console.print(grid)
        for note in table.footnotes:
            console.print(f"[dim]注（第 {note.line} 行）：{note.text}[/dim]")
        console.print()
