"""BL312: a row a table prints twice, on two parts of the same side (the 按功能分类
and 按经济分类 halves of a budget 总表 both end with 本年支出合计 and 支出总计)."""

from __future__ import annotations

import re
from collections import defaultdict

from budgetlint.arithmetic import disagreement
from budgetlint.engine import Context, rule
from budgetlint.findings import Finding, Severity
from budgetlint.places import Place, describe, row_key

_ORDINAL = re.compile(r"（\d+）$")


@rule("BL312", "repeated-row", Severity.ERROR)
def repeated_row(context: Context):
    """同一张表同一侧重复印出的行，数字不一致。

    检查什么：左右并排印出的表中，同属"支出"一侧的几组（如预算总表的"按功能分类"与
    "按经济分类"两组）都印有的同名行（本年支出合计、结转下年、支出总计），其金额应当
    相同。位置指向后一处，并给出前一处。

    为什么：同一个数在同一张表里印两遍，两遍不同，至少有一遍是错的。

    不通过的例子::

        项目（按功能分类）  预算数 │ 项目          预算数
        本年支出合计       2,245.15 │ 本年支出合计  2,254.15

    通过的例子（004 表六）：两组的本年支出合计都是 2,245.15。
    """
    for parts in context.document.blocks():
        sides = defaultdict(list)
        for table in parts:
            if table.part and table.columns:
                sides[_ORDINAL.sub("", table.part)].append(table)
        for tables in sides.values():
            first_seen: dict[tuple[str, str], Place] = {}
            for table in tables:
                column = table.columns[0]
                for row in table.rows:
                    if not row_key(row.label) or row.code:
                        continue
                    # A breakdown row ("一、一般公共预算财政拨款" under 年初结转) is another
                    # quantity than the row of the same name above it.
                    owner = row_key(table.rows[row.parent].label) if row.parent is not None else ""
                    name = (owner, row_key(row.label))
                    place = Place(table, row, column)
                    earlier = first_seen.setdefault(name, place)
                    if earlier is place:
                        continue
                    cells = (earlier.cell, place.cell)
                    if not all(c is not None and c.figure is not None for c in cells):
                        continue
                    if disagreement(cells[1], [(1, cells[0])], context.slack) is None:
                        continue
                    difference = cells[1].figure.value - cells[0].figure.value
                    message = (
                        f"同一行在表中印了两次而数字不同：{describe(place)} {cells[1].figure}，"
                        f"{describe(earlier)} {cells[0].figure}（差 {difference}）"
                    )
                    yield Finding(place.span, message, ((earlier.span, f"{describe(earlier)} 为 {cells[0].figure}"),))
