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

from itertools import accumulate, count
from operator import add
from typing import NamedTuple

import attrs

__all__ = ["Grid", "RawRow", "TextLine", "split_blocks"]

# How far a broken cell's fragment may run, in characters.
_FRAGMENT_AFTER_CELL = 30
_FRAGMENT_AFTER_BLANK = 20
_BLANKS = " \t\u3000\xa0\r"


class RawRow(NamedTuple):
    """A row as extracted: each cell's raw text and where it stands.

    Parallel lists rather than an object per cell, because most cells are
    empty and a document has thousands. Lines count from 1; ``starts`` and
    ``ends`` are 0-based offsets in the cell's first and last line.
    """

    texts: list[str]
    lines: list[int]
    starts: list[int]
    end_lines: list[int]
    ends: list[int]


@attrs.frozen
class Grid:
    """A table as extracted: rows of raw cells, before any interpretation."""

    rows: tuple[RawRow, ...]
    first_line: int
    one_cell_per_line: bool


@attrs.frozen
class TextLine:
    """A line outside any table (blank lines included)."""

    number: int
    text: str


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


def _tab_row(line: str, number: int) -> RawRow:
    texts = line.split("\t")
    # Cell i starts after the i cells before it and their i tabs; done with
    # map/accumulate because this runs for every row of every table.
    total = list(accumulate(map(len, texts), initial=0))
    starts = list(map(add, total[:-1], count()))
    ends = list(map(add, total[1:], count()))
    lines = [number] * len(texts)
    return RawRow(texts, lines, starts, lines, ends)


class _RowBuilder:
    """Collects the cells of one cell-per-line row."""

    def __init__(self) -> None:
        self.row = RawRow([], [], [], [], [])

    def __bool__(self) -> bool:
        return bool(self.row.texts)

    def add(self, text: str, number: int, start: int) -> None:
        row = self.row
        row.texts.append(text)
        row.lines.append(number)
        row.starts.append(start)
        row.end_lines.append(number)
        row.ends.append(start + len(text))

    def extend_last(self, text: str, number: int, end: int) -> None:
        """The last cell goes on over another line."""
        row = self.row
        row.texts[-1] += text
        row.end_lines[-1] = number
        row.ends[-1] = end


def _cell_rows(lines: list[str], first: int, last: int) -> list[RawRow]:
    rows: list[RawRow] = []
    row = _RowBuilder()
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
                row.extend_last(head.strip(_BLANKS), number, len(head.rstrip(_BLANKS)))
            else:
                row.add(head, number, 0)
        if len(pieces) > 1 and pending_break:
            rows.append(row.row)
            row = _RowBuilder()
            pending_break = False
        for text in pieces[1:]:
            row.add(text, number, offset)
            offset += len(text) + 1
    if row:
        rows.append(row.row)
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
        items.append(Grid(tuple(rows), index + 1, one_cell_per_line))
        index = last + 1
    return items
