"""Tab rows: one line per table row, cells separated by tabs, empty cells
kept (seeds 000, 003, 004, and the text budgetlint renders from a PDF)."""

from __future__ import annotations

from itertools import accumulate, count
from operator import add

from .grid import RawRow

__all__ = ["tab_row"]


def tab_row(line: str, number: int) -> RawRow:
    texts = line.split("\t")
    # Cell i starts after the i cells before it and their i tabs; done with
    # map/accumulate because this runs for every row of every table.
    total = list(accumulate(map(len, texts), initial=0))
    starts = list(map(add, total[:-1], count()))
    ends = list(map(add, total[1:], count()))
    lines = [number] * len(texts)
    return RawRow(texts, lines, starts, lines, ends)
