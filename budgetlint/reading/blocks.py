"""Splitting the lines of a document into running text and raw table grids.

A line with a tab belongs to a table; the table's style (tab rows, or one
cell per line) is decided from its first lines and read by the module of
that style. Blank lines inside a table (page breaks) do not end it; running
text does.
"""

from __future__ import annotations

from .cell_lines import cell_per_line_style, cell_rows, is_fragment
from .grid import Grid, TextLine, is_blank
from .tab_text import tab_row

__all__ = ["split_blocks"]


def _extent(lines: list[str], start: int, one_cell_per_line: bool) -> int:
    """Index of the last line of the table block that starts at ``start``."""
    last = start
    blanks = 0
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if "\t" in line:
            last, blanks = index, 0
        elif is_blank(line):
            blanks += 1
        elif one_cell_per_line and is_fragment(lines, index, blanks):
            last, blanks = index, 0
        else:
            break
    return last


def split_blocks(lines: list[str] | tuple[str, ...]) -> list[Grid | TextLine]:
    """The document as a sequence of text lines and table grids, in order."""
    lines = list(lines)
    items: list[Grid | TextLine] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if "\t" not in line:
            items.append(TextLine(index + 1, line))
            index += 1
            continue
        one_cell_per_line = cell_per_line_style(lines, index)
        last = _extent(lines, index, one_cell_per_line)
        if one_cell_per_line:
            rows = cell_rows(lines, index, last)
        else:
            rows = [tab_row(lines[i], i + 1) for i in range(index, last + 1) if "\t" in lines[i]]
        items.append(Grid(tuple(rows), index + 1, one_cell_per_line))
        index = last + 1
    return items
