"""BL01x: the document as a whole. A table whose header names another 部门 than
every other table of the document was copied from another unit's disclosure."""

from __future__ import annotations

from collections import Counter

import attrs

from budgetlint.engine import Context, rule
from budgetlint.findings import Finding, Severity
from budgetlint.kinds import FINANCIAL
from budgetlint.places import table_name
from budgetlint.text import key

#: How many tables must name one 部门 before it counts as the document's own.
_QUORUM = 3


def _printed(table) -> str:
    """The printed table's name ("表6"), not that of one of its halves."""
    return table_name(attrs.evolve(table, part=None))


@rule("BL010", "foreign-department", Severity.WARNING)
def foreign_department(context: Context):
    """表头的部门与文件中其他各表的部门不同：这张表可能抄自其他单位。

    检查什么：财务表格表头"部门：…""编制部门：…"所写的单位。文件中至少 3 张表写同一个
    单位、且没有别的单位写得一样多时，它就是本文件的部门；写着别的单位的表被指出，
    位置指向那个单位名称，并给出本文件部门的一处写法。一个名称是另一个的前半或后半
    （换行截断、简称）时不算不同。

    为什么：公开文件常由模板或其他单位的文件改成，漏改的表头说明这张表的数字
    可能也不是本单位的。

    不通过的例子（000 表6、表7）::

        部门：武汉市汉阳区医疗保障局        （表1 至表5、表8、表9）
        部门：武汉市汉阳区疾病预防控制中心  （表6、表7）

    通过的例子：各表表头都写"部门：武汉市汉阳区医疗保障局"。
    """
    tables = [
        block[0]
        for block in context.document.blocks()
        if block[0].kind in FINANCIAL and block[0].department and block[0].department_span
    ]
    counts = Counter(key(table.department) for table in tables)
    if not counts:
        return
    ranked = counts.most_common(2)
    own, number = ranked[0]
    if number < _QUORUM or (len(ranked) > 1 and ranked[1][1] == number):
        return  # no department the document clearly belongs to
    first = next(table for table in tables if key(table.department) == own)
    for table in tables:
        name = key(table.department)
        if name == own or name in own or own in name:
            continue
        message = (
            f"{_printed(table)} 表头的部门「{table.department}」与本文件其他 {number} 张表的部门"
            f"「{first.department}」不同：这张表可能抄自其他单位"
        )
        yield Finding(table.department_span, message, ((first.department_span, f"{_printed(first)} 表头的部门"),))
