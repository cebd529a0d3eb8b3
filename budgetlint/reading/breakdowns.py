"""Rows that break down the row above them, kept as a hierarchy.

A 收支总表 prints "年初财政拨款结转和结余" and under it "一、一般公共预算财政拨款"
again, the same name as an income row further up; "其中：" rows and "（1）"
sub-rows detail the row before them. The numbering tells: a row numbered
"一、" / "（一）" / "1." / "（1）" as the first of its style belongs to the row
right above it, and the next numbers of that style to the same row.
"""

from __future__ import annotations

from ..lazy import lazy_pattern
from ..model import Row
from ..records import evolve
from ..text import chinese_number

__all__ = ["breakdowns", "ordinal"]

_STYLES = (
    ("一、", lazy_pattern(r"^([一二三四五六七八九十]{1,3})[、.．]")),
    ("（一）", lazy_pattern(r"^[（(]([一二三四五六七八九十]{1,3})[)）]")),
    ("1.", lazy_pattern(r"^(\d{1,2})(?:[.．、](?!\d))")),
    ("（1）", lazy_pattern(r"^[（(](\d{1,2})[)）]")),
    ("①", lazy_pattern(r"^([①②③④⑤⑥⑦⑧⑨⑩])")),
)
_AMONG = lazy_pattern(r"^其中[:：]")
#: A total row (合计, 总计, 小计) sums rows; it is never the row that others break down.
_TOTAL = lazy_pattern(r"(?:合\s*计|总\s*计|小\s*计)$")


def ordinal(label: str) -> tuple[str, int] | None:
    """The numbering style and number a row label opens with ("（一）" → ("（一）", 1))."""
    for style, pattern in _STYLES:
        found = pattern.match(label)
        if found:
            text = found[1]
            if style in ("一、", "（一）"):
                number = chinese_number(text)
                return (style, number) if number is not None else None
            if style == "①":
                return style, "①②③④⑤⑥⑦⑧⑨⑩".index(text) + 1
            return style, int(text)
    return None


def breakdowns(rows: list[Row]) -> list[Row]:
    """``rows`` with the parent of each breakdown row set (rows with a subject code
    have their hierarchy in the code and are left as they are). Each stacked column
    range is its own list of rows: a row never breaks down one of another range."""
    result: list[Row] = []
    for segment in sorted({row.segment for row in rows}):
        offset = len(result)
        part = [row for row in rows if row.segment == segment]
        result.extend(
            evolve(row, parent=row.parent + offset) if row.parent is not None else row for row in _breakdowns(part)
        )
    return result


def _breakdowns(rows: list[Row]) -> list[Row]:
    result = list(rows)
    # For each numbering style, the parent of the run now open and its last number.
    runs: dict[str, tuple[int | None, int]] = {}
    for index, row in enumerate(rows):
        if row.code or index == 0:
            continue
        previous = index - 1
        if _AMONG.match(row.label):
            result[index] = evolve(row, parent=previous)
            continue
        found = ordinal(row.label)
        if found is None:
            continue
        style, number = found
        run = runs.get(style)
        if run is not None and number == run[1] + 1:
            parent = run[0]
        elif number == 1:
            opens = run is None and _opens_table(rows, index)
            parent = None if opens or _TOTAL.search(rows[previous].label) else previous
        else:
            continue
        runs[style] = (parent, number)
        if parent is not None:
            result[index] = evolve(row, parent=parent)
    return result


def _opens_table(rows: list[Row], index: int) -> bool:
    """The first numbered row of a table whose rows above are not amounts' owners
    (a side that starts with "一、"): nothing to break down."""
    return all(not any(cell is not None and cell.figure for cell in row.cells) for row in rows[:index])
