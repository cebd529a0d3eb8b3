"""BL22x: sums along the subject-code hierarchy of a table, which no printed
formula states: a 类 row is the sum of its 款 rows, a 款 row of its 项 rows
(支出功能分类 201/20101/2010101, 经济分类 301/30101), and the 合计 row of the
类 rows."""

from __future__ import annotations

from collections.abc import Iterator

from budgetlint.arithmetic import disagreement
from budgetlint.engine import Context, rule
from budgetlint.findings import Finding, Severity, say
from budgetlint.kinds import FINANCIAL
from budgetlint.model import Row, Table
from budgetlint.places import Place, describe, row_key
from budgetlint.subjects import class_code
from budgetlint.text import key

_LEVEL = {3: "类", 5: "款", 7: "项"}
#: The parts a sum is of, in English messages.
_ENGLISH = {"其下各类": "类 rows", "其下各款": "款 rows", "其下各项": "项 rows", "各类": "类 rows"}


def _sum_failures(context: Context, table: Table, parent: Row, children: list[Row], what: str) -> Iterator[Finding]:
    for column in table.columns:
        own = parent.cell(column.index)
        if own is None or own.figure is None:
            # A 类 or 合计 that prints no amount: tables that print amounts only on
            # 款/项 rows, a total printed in a cell merged over the next group.
            continue
        sides = disagreement(own, [(1, child.cell(column.index)) for child in children], context.slack)
        if sides is None:
            continue
        mine, total = sides
        place = Place(table, parent, column)
        message = say(
            "{place}为 {figure}，而{what}之和为 {total}（差 {difference}）",
            "{place} is {figure}, but the {what_en} add up to {total} (difference {difference})",
            place=describe(place),
            figure=place.shown,
            what=what,
            what_en=_ENGLISH.get(what, what),
            total=total.value,
            difference=mine.value - total.value,
        )
        parts = [Place(table, child, column) for child in children]
        yield Finding(place.span, message, tuple((part.span, describe(part)) for part in parts))


def _coded_tables(context: Context) -> Iterator[tuple[Table, dict[str, Row], frozenset[str]]]:
    """Each financial table with its rows by code, and the codes printed on more
    than one row (which row holds the quantity is then uncertain)."""
    for table in context.document.tables:
        if table.kind not in FINANCIAL:
            continue
        codes: dict[str, Row] = {}
        duplicated = set()
        for row in table.rows:
            if row.code:
                if row.code in codes:
                    duplicated.add(row.code)
                codes[row.code] = row
        for code in duplicated:
            del codes[code]
        if codes:
            yield table, codes, frozenset(duplicated)


def _is_total(label: str) -> bool:
    """合计, 总计, 本年支出合计, 人员经费合计 …: a row that sums the 类 rows above it."""
    word = key(label)
    return word in ("合计", "总计", "本年支出合计") or word.endswith("经费合计")


def _is_range_total(label: str) -> bool:
    """人员经费合计, 公用经费合计: the total of one column range, not of the table."""
    return key(label).endswith("经费合计")


@rule("BL220", "subject-hierarchy", Severity.ERROR)
def subject_hierarchy(context: Context):
    """科目层级不平：类行不等于其下各款之和，或款行不等于其下各项之和。

    检查什么：表中有科目编码的每一行（支出功能分类 3/5/7 位，经济分类 3/5 位），若表中
    列有它的下一级科目，则在每个数字栏上，它应等于下一级各行之和。按四舍五入的区间
    比较；位置指向上一级的那个数字，并列出下一级各格。

    为什么：上下级科目的数字是逐级汇总的，任何一级抄错、漏填，都会在这里显出来。

    不通过的例子::

        210      卫生健康支出        1,208.45
        21011    行政事业单位医疗       11.74
        21013    医疗救助            1,019.97
        21015    医疗保障管理事务       176.47     ← 应为 176.74，类合计不再成立

    通过的例子（000 表2）：210 卫生健康支出 1,208.45 = 11.74 + 1,019.97 + 176.74。
    """
    for table, codes, duplicated in _coded_tables(context):
        for code, row in codes.items():
            length = len(code) + 2
            if length not in _LEVEL or any(len(c) == length and c.startswith(code) for c in duplicated):
                continue  # a child printed twice: its share of the sum is not certain
            children = [r for c, r in codes.items() if len(c) == length and c.startswith(code)]
            if children:
                yield from _sum_failures(context, table, row, children, f"其下各{_LEVEL[length]}")


@rule("BL221", "total-of-classes", Severity.ERROR)
def total_of_classes(context: Context):
    """合计行不等于各类之和。

    检查什么：有科目编码的表中，没有编码的"合计"（或"总计"、"本年支出合计"、"人员经费合计"、
    "公用经费合计"）行，在每个数字栏上应等于表中各 3 位科目（类）行之和。左右并排印出、各有
    合计的基本支出表中，"人员经费合计"只加左侧的类（301、303），"公用经费合计"只加右侧的类
    （302、310）；表的"合计""总计"加全部的类。印为空的合计不比较。

    为什么：合计是表中各类的汇总；合计与各类对不上，说明漏列了某一类或数字抄错。

    不通过的例子::

        合计                 1,224.48
        208  社会保障和就业支出     9.00
        210  卫生健康支出      1,208.45      （漏列 229 其他支出 7.03）

    通过的例子（000 表2）：合计 1,224.48 = 9.00 + 1,208.45 + 7.03。
    """
    for table, codes, duplicated in _coded_tables(context):
        if any(len(code) == 3 for code in duplicated):
            continue
        totals = [row for row in table.rows if row.code is None and _is_total(row.label)]
        # Where each stacked column range prints a total of its own (人员经费合计 under
        # 301 and 303 on the left of a 基本支出 table, 公用经费合计 under 302 and 310 on
        # the right), a total sums the classes of its range only.
        own_range = len({row.segment for row in totals if _is_range_total(row.label)}) > 1
        for row in totals:
            mine = own_range and _is_range_total(row.label)
            classes = [r for c, r in codes.items() if len(c) == 3 and (not mine or r.segment == row.segment)]
            if classes:
                yield from _sum_failures(context, table, row, classes, "各类")


@rule("BL222", "total-of-named-classes", Severity.ERROR)
def total_of_named_classes(context: Context):
    """不印科目编码的表，合计行不等于各类之和。

    检查什么：既不印科目编码、也不印行次的财务表（如 003 公开03表）中，以"合计"结尾的行
    在每个数字栏上应等于按名称认出的各类（卫生健康支出、住房保障支出……，支出功能分类
    的"类"）行之和。印有行次的表（收支总表）由规则包按行次核对。

    为什么：没有编码也不妨碍核对合计；漏列或抄错的类会在这里显出来。

    不通过的例子::

        合计               1,627.17
        社会保障和就业支出     14.12
        卫生健康支出       1,589.41      （漏列 住房保障支出 23.64）

    通过的例子（003 公开03表 2栏）：189.66 = 14.12 + 151.90 + 23.64。
    """
    for table in context.document.tables:
        if table.kind not in FINANCIAL or any(row.code or row.number is not None for row in table.rows):
            continue
        # A 类 is never the breakdown of another row ("（10）其他支出" under an 经济分类 heading).
        classes = [row for row in table.rows if row.parent is None and class_code(row_key(row.label))]
        if len({class_code(row_key(row.label)) for row in classes}) != len(classes) or not classes:
            continue  # a name printed twice: which row is the 类 is not certain
        for row in table.rows:
            if row not in classes and key(row.label).endswith("合计"):
                yield from _sum_failures(context, table, row, classes, "各类")
