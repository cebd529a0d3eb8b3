"""A table as extracted, before any interpretation: rows of raw cells with
the place of each, whatever the source (tab rows, one cell per line, PDF)."""

from __future__ import annotations

from collections import namedtuple

from ..records import record

__all__ = ["BLANKS", "Grid", "RawRow", "TextLine", "is_blank"]

BLANKS = " \t\u3000\xa0\r"


class RawRow(namedtuple("RawRow", "texts lines starts end_lines ends")):
    """A row as extracted: each cell's raw text and where it stands.

    Parallel lists rather than an object per cell, because most cells are
    empty and a document has thousands. Lines count from 1; ``starts`` and
    ``ends`` are 0-based offsets in the cell's first and last line.
    """

    __slots__ = ()
    texts: list[str]
    lines: list[int]
    starts: list[int]
    end_lines: list[int]
    ends: list[int]


@record
class Grid:
    """A table as extracted: rows of raw cells, before any interpretation."""

    rows: tuple[RawRow, ...]
    first_line: int
    one_cell_per_line: bool


@record
class TextLine:
    """A line outside any table (blank lines included)."""

    number: int
    text: str


def is_blank(line: str) -> bool:
    """Nothing but spaces. A lone tab is not blank: it is an empty cell."""
    return "\t" not in line and not line.strip(BLANKS)
