"""Splitting the lines of a document into running text and raw table grids.

Two extraction styles occur:

* tab rows: one line per table row, cells separated by tabs, empty cells
  kept (seeds 000, 003, 004);
* one cell per line: every cell on a line of its own that starts with a tab,
  rows separated by blank lines, a cell's text sometimes broken over lines
  that carry no tab (seeds 001, 002).

Blank lines inside a table (page breaks) do not end it; running text does.
A grid keeps every cell's raw text and position; cleaning happens later.
"""

from __future__ import annotations

from typing import NamedTuple

import attrs

__all__ = ["Grid", "RawCell", "TextLine", "split_blocks"]

# How far a broken cell's fragment may run, in characters.
_FRAGMENT_AFTER_CELL = 30
_FRAGMENT_AFTER_BLANK = 20
_BLANKS = " \t\u3000\xa0\r"


class RawCell(NamedTuple):
    """A cell's raw text and where it stands: 1-based lines, 0-based offsets.

    A tuple, not an attrs class: thousands are made per document.
    """

    text: str
    line: int
    start: int
    end_line: int
    end: int


@attrs.frozen
class Grid:
    """A table as extracted: rows of raw cells, before any interpretation."""

    rows: tuple[tuple[RawCell, ...], ...]
    first_line: int
    last_line: int
    one_cell_per_line: bool


@attrs.frozen
class TextLine:
    """A line outside any table (blank lines included)."""

    number: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip(_BLANKS)


def _blank(line: str) -> bool:
    """Nothing but spaces. A lone tab is not blank: it is an empty cell."""
    return "\t" not in line and not line.strip(_BLANKS)


def _single_cell_line(line: str) -> bool:
    body = line.lstrip(" ")
    return body.startswith("\t") and body.count("\t") == 1


def _cell_per_line_style(lines: list[str], start: int) -> bool:
    """Decide the style from the first dozen tab lines of a block."""
    single = multi = 0
    for line in lines[start : start + 60]:
        if "\t" in line:
            if _single_cell_line(line):
                single += 1
            else:
                multi += 1
            if single + multi >= 12:
                break
    return single > multi


def _is_fragment(lines: list[str], index: int, blanks: int) -> bool:
    """Is this tabless line the rest of a cell broken over lines?"""
    text = lines[index].strip(_BLANKS)
    if blanks > 1:
        return False
    if index + 1 < len(lines) and "\t" in lines[index + 1]:
        # Wedged between a cell and the next cell: the cell's own text.
        return True
    if blanks == 0:
        return len(text) <= _FRAGMENT_AFTER_CELL
    if len(text) > _FRAGMENT_AFTER_BLANK or text.endswith("。"):
        return False
    for following in lines[index + 1 : index + 3]:
        if "\t" in following:
            return True
        if not _blank(following):
            return len(following.strip(_BLANKS)) <= _FRAGMENT_AFTER_BLANK
    return False


def _extent(lines: list[str], start: int, one_cell_per_line: bool) -> int:
    """Index of the last line of the table block that starts at ``start``."""
    last = start
    blanks = 0
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if "\t" in line:
            last, blanks = index, 0
        elif _blank(line):
            blanks += 1
        elif one_cell_per_line and _is_fragment(lines, index, blanks):
            last, blanks = index, 0
        else:
            break
    return last


def _tab_row(line: str, number: int) -> tuple[RawCell, ...]:
    cells = []
    offset = 0
    new = tuple.__new__  # RawCell(...) without the keyword-handling wrapper
    for text in line.split("\t"):
        end = offset + len(text)
        cells.append(new(RawCell, (text, number, offset, number, end)))
        offset = end + 1
    return tuple(cells)


def _cell_rows(lines: list[str], first: int, last: int) -> list[tuple[RawCell, ...]]:
    rows: list[tuple[RawCell, ...]] = []
    row: list[RawCell] = []
    pending_break = False
    for index in range(first, last + 1):
        line = lines[index]
        number = index + 1
        if _blank(line):
            pending_break = bool(row)
            continue
        pieces = line.split("\t")
        offset = len(pieces[0]) + 1
        head = pieces[0]
        if head.strip(_BLANKS):
            # Text before any tab continues the cell broken above it.
            pending_break = False
            if row:
                cell = row[-1]
                row[-1] = cell._replace(
                    text=cell.text + head.strip(_BLANKS), end_line=number, end=len(head.rstrip(_BLANKS))
                )
            else:
                row.append(RawCell(head, number, 0, number, len(head)))
        if len(pieces) > 1 and pending_break:
            rows.append(tuple(row))
            row = []
            pending_break = False
        for text in pieces[1:]:
            row.append(RawCell(text, number, offset, number, offset + len(text)))
            offset += len(text) + 1
    if row:
        rows.append(tuple(row))
    return rows


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
        one_cell_per_line = _cell_per_line_style(lines, index)
        last = _extent(lines, index, one_cell_per_line)
        if one_cell_per_line:
            rows = _cell_rows(lines, index, last)
        else:
            rows = [_tab_row(lines[i], i + 1) for i in range(index, last + 1) if "\t" in lines[i]]
        items.append(Grid(tuple(rows), index + 1, last + 1, one_cell_per_line))
        index = last + 1
    return items
