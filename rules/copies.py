"""BL312: a row a table prints twice, on two parts of the same side (the 按功能分类
and 按经济分类 halves of a budget 总表 both end with 本年支出合计 and 支出总计).
BL328: the economic classes a budget 总表 lists under 基本支出 against the
基本支出 table's."""

from __future__ import annotations

from collections import defaultdict

from budgetlint.arithmetic import disagreement
from budgetlint.engine import Context, rule
from budgetlint.findings import Finding, Severity, say
from budgetlint.lazy import lazy_pattern
from budgetlint.places import Place, describe, row_key

_ORDINAL = lazy_pattern(r"（\d+）$")


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
                    message = say(
                        "同一行在表中印了两次而数字不同：{place} {figure}，"
                        "{earlier} {earlier_figure}（差 {difference}）",
                        "one row printed twice in the table with different figures: {place} {figure}, "
                        "{earlier} {earlier_figure} (difference {difference})",
                        place=describe(place),
                        figure=cells[1].figure,
                        earlier=describe(earlier),
                        earlier_figure=cells[0].figure,
                        difference=difference,
                    )
                    yield Finding(place.span, message, ((earlier.span, f"{describe(earlier)} 为 {cells[0].figure}"),))


_BASIC_TABLES = ("一般公共预算基本支出表", "财政拨款基本支出表")
_SUMMARY_TABLES = ("部门收支总表", "财政拨款收支总表")
#: The economic classes a budget 总表 lists under 一、基本支出, by the words of their names.
_CLASSES = (("工资福利", "301"), ("对个人和家庭", "303"), ("商品和服务", "302"), ("商品服务", "302"))


def _basic_lines(table):
    """The 总表's 一、基本支出 row and the class rows printed under it, up to 二、项目支出."""
    start = next((i for i, row in enumerate(table.rows) if not row.code and row_key(row.label) == "基本支出"), None)
    if start is None:
        return None, []
    lines = []
    for row in table.rows[start + 1 :]:
        name = row_key(row.label)
        if row.code or name.startswith("项目支出") or row.label.startswith("二"):
            break
        code = next((code for words, code in _CLASSES if words in name), None)
        if code is not None:
            lines.append((row, code))
    return table.rows[start], lines


@rule("BL328", "basic-classes-differ", Severity.ERROR)
def basic_classes_differ(context: Context):
    """预算总表在"基本支出"下按经济分类列出的数，与基本支出表的同一类不符。

    检查什么：部门收支总表（或财政拨款收支总表）在"一、基本支出"下列出工资福利支出、对个人和
    家庭的补助、商品和服务支出；一般公共预算（财政拨款）基本支出表按经济分类列出同样的类
    （301、303、302）。两表的基本支出合计相同时（基本支出全部来自这一种资金），每一类也应
    相同；合计不同时不比较。位置指向总表的那一行，并给出基本支出表的那一行。

    为什么：两张表说的是同一笔基本支出的构成。总表把资本性支出并进了商品和服务支出，
    或漏改了一类，读者看到的构成就与明细表不一致。

    不通过的例子（004 表六与表三）::

        表六  一、基本支出 332.85   3.商品和服务支出 116.38
        表三  合计 332.85           302 商品和服务支出 106.38   310 资本性支出 10.00

    通过的例子::

        表六  一、基本支出 332.85   3.商品和服务支出 106.38   （另列资本性支出 10.00）
    """
    basics = [t for t in context.document.tables if t.kind in _BASIC_TABLES and t.columns and not t.unrecognised]
    if len(basics) != 1:
        return
    basic = basics[0]
    total_row = next((row for row in basic.rows if not row.code and row_key(row.label) == "合计"), None)
    if total_row is None:
        return
    column = basic.columns[0]
    total = Place(basic, total_row, column)
    for table in context.document.tables:
        if table.kind not in _SUMMARY_TABLES or not (table.part or "").startswith("支出") or not table.columns:
            continue
        head, lines = _basic_lines(table)
        if head is None or not lines:
            continue
        summary_total = Place(table, head, table.columns[0])
        cells = (summary_total.cell, total.cell)
        if not all(c is not None and c.figure is not None for c in cells):
            continue
        if disagreement(cells[0], [(1, cells[1])], context.slack) is not None:
            continue  # other funds in the 总表's 基本支出: the classes are not the same quantities
        listed = {code for _, code in lines}
        others = [
            Place(basic, row, column)
            for row in basic.rows
            if row.code
            and len(row.code) == 3
            and row.code not in listed
            and Place(basic, row, column).cell
            and Place(basic, row, column).cell.figure
        ]
        for row, code in lines:
            place = Place(table, row, table.columns[0])
            detail_row = basic.row_by_code(code)
            detail = Place(basic, detail_row, column) if detail_row is not None else None
            if disagreement(place.cell, [(1, detail.cell if detail else None)], context.slack) is None:
                continue
            more = "、".join(f"{p.row.code} {p.row.label} {p.shown}" for p in others)
            message = say(
                "{place} {figure} 与{where} {shown} 不符，而两表的基本支出合计都是 {total}"
                + ("；基本支出表另有 {more}" if others else ""),
                "{place} {figure} differs from {where_en} {shown_en}, while both tables total 基本支出 {total}"
                + ("; the 基本支出 table also has {more}" if others else ""),
                place=describe(place),
                figure=place.shown,
                where=describe(detail) if detail else f"基本支出表的 {code} 类",
                where_en=describe(detail) if detail else f"class {code} of the 基本支出 table",
                shown=detail.shown if detail else "未列",
                shown_en=detail.shown if detail else "(not listed)",
                total=total.shown,
                more=more,
            )
            related = [(total.span, f"{describe(total)} {total.shown}")]
            if detail is not None:
                related.insert(0, (detail.span, f"{describe(detail)} {detail.shown}"))
            yield Finding(place.span, message, tuple(related))
