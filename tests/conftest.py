"""Shared helpers: the example documents, read once, and cell look-ups."""

from __future__ import annotations

import functools
from decimal import Decimal
from pathlib import Path

import pytest

import budgetlint
from budgetlint.model import Document, Table

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SEEDS = {
    "000": EXAMPLES / "000_hanyang_2020_final.txt",
    "001": EXAMPLES / "001_xiqu_2020_final.txt",
    "002": EXAMPLES / "002_yuhua_2020_selfeval.txt",
    "003": EXAMPLES / "003_jiangan_2024_final.txt",
    "004": EXAMPLES / "004_kaifaqu_2021_budget.txt",
}


@functools.lru_cache(maxsize=None)
def seed(name: str) -> Document:
    return budgetlint.read_path(SEEDS[name])


def table(document: Document, kind: str | None, part: str | None = None, nth: int = 0) -> Table:
    found = [t for t in document.tables if t.kind == kind and (part is None or t.part == part)]
    assert len(found) > nth, (
        f"no table {kind!r} part {part!r} #{nth}; have {[(t.kind, t.part) for t in document.tables]}"
    )
    return found[nth]


def row_of(table: Table, which):
    """A row by 行次 (int), subject code (digit string) or label (other string)."""
    if isinstance(which, int):
        row = table.row(which)
    elif which.isdigit():
        row = table.row_by_code(which)
    else:
        row = table.row_by_label(which)
    assert row is not None, f"{table.title}: no row {which!r}"
    return row


def value(table: Table, which, column: int | None = None, index: int | None = None):
    """The figure in a row at 栏次 ``column`` (or at position ``index``); None if empty."""
    row = row_of(table, which)
    if column is not None:
        col = table.column(column)
        assert col is not None, f"{table.title}: no column {column}"
        index = col.index
    cell = row.cell(index)
    if cell is None or cell.empty:
        return None
    return cell.figure if cell.figure is not None else cell.text


def fig(table: Table, which, column: int | None = None, index: int | None = None) -> Decimal:
    found = value(table, which, column, index)
    assert found is not None and not isinstance(found, str), f"not a figure: {found!r}"
    return found.value


def kinds_count(document: Document) -> dict:
    counts: dict = {}
    for t in document.tables:
        counts[t.kind] = counts.get(t.kind, 0) + 1
    return counts


@pytest.fixture
def doc000():
    return seed("000")
