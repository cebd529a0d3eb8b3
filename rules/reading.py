"""BL0xx: what could not be read. The layout stage finds these; the rules
here publish them, so they can be selected, ignored and documented like any
other finding."""

from __future__ import annotations

from budgetlint.engine import Context, rule
from budgetlint.findings import Finding, say
from budgetlint.model import Span
from budgetlint.reading.problems import PROBLEMS


def _problems(context: Context, code: str):
    for problem in context.document.problems:
        if problem.code == code:
            span = Span(problem.line, problem.column, problem.end_line, problem.end_column)
            related = tuple((Span(r.line, r.column, r.line, r.column), r.message) for r in problem.related)
            kind = PROBLEMS[code]
            message = (
                say(kind.template, kind.english, **dict(problem.arguments)) if problem.arguments else problem.message
            )
            yield Finding(span, message, related)


@rule("BL001", PROBLEMS["BL001"].symbol, PROBLEMS["BL001"].severity)
def unreadable_table(context: Context):
    """表格无法读取：表格的文本在导出时已错乱，无法恢复行列。

    检查什么：表格标题之后没有可分行分栏的表格，而是一行挤满数字的文字（导出工具
    把整张表压成了一行，单元格顺序也已打乱）。

    为什么：这样的表无法核对。budgetlint 不去猜测数字属于哪一行哪一栏，
    而是指出这张表需要按原件人工核对，或重新导出。

    不通过的例子（003，公开04表）::

        #### 2024年度财政拨款收入支出决算总表
        公开 04 表
        部门: 江岸区医保局 金额单位:万元 支 收 λ 出 政府性基 … 1,627.17 33 二、…

    通过的例子：标题下是按行、按栏（制表符分隔或每格一行）排列的表格。
    """
    return _problems(context, "BL001")


@rule("BL002", PROBLEMS["BL002"].symbol, PROBLEMS["BL002"].severity)
def garbled_row(context: Context):
    """表格行文本错乱：表格中夹着一行并非单元格的长文本，已忽略。

    检查什么：财务表格中出现长度超过 80 字的"单元格"——通常是同一张表被导出了
    两次，第二次的文字挤进了一行（003 公开03表末行）。

    为什么：把这样的行当作数据会产生错误的合计；忽略它，并指出它的位置。

    不通过的例子::

        购房补贴→5. 13→5. 13→…
        →项目 科目名称 栏次 合计 社会保障和就业支出 行政事业单位养老支出 …（数百字）

    通过的例子：每个单元格只含一个科目名称或一个数字。
    """
    return _problems(context, "BL002")


@rule("BL003", PROBLEMS["BL003"].symbol, PROBLEMS["BL003"].severity)
def column_numbers_out_of_order(context: Context):
    """表头的栏次重号或跳号：同一个栏次印了两次，或中间缺了一个。

    检查什么：财务表格表头下标明栏次的一行（"栏次 1 2 3 …"），相邻两栏的栏次应当
    依次加 1。某栏与前一栏同号，或比前一栏大 2 以上，位置指向这一栏的栏次，并给出
    前一栏的栏次。

    为什么：表注的公式（"6栏=1栏+2栏"）和说明按栏次引用数字；栏次重了或缺了，读者
    和 budgetlint 都无法确定公式说的是哪一栏。

    不通过的例子（004 表八）::

        1  2  3  4  5  6  7  8  9  9  10  11

    通过的例子::

        1  2  3  4  5  6  7  8  9  10  11  12
    """
    return _problems(context, "BL003")


@rule("BL004", PROBLEMS["BL004"].symbol, PROBLEMS["BL004"].severity)
def fused_figures(context: Context):
    """两个数字粘连：表格的一格印着"48.5044.05"这样有两个小数点的数。

    检查什么：表格中只由数字和两个以上小数点组成的单元格。两个数之间的分隔在排版或
    导出时丢了；不知道前一个数到哪一位为止，所以不作拆分的猜测。

    为什么：这一格既不是一个数，也无法确定是哪两个数，与之相关的合计、比例都无法核对，
    需要按原件改正。

    不通过的例子（002）::

        2、医疗保障专项经费    50    48.5044.05

    通过的例子::

        2、医疗保障专项经费    50    48.50    44.05
    """
    return _problems(context, "BL004")


@rule("BL005", PROBLEMS["BL005"].symbol, PROBLEMS["BL005"].severity)
def nothing_to_check(context: Context):
    """没有可检查的内容：文件是空的，或者既没有表格也没有一个数字。

    检查什么：读完整个文件，没有找到一张表格，正文中也没有一个数字。

    为什么：这样的文件不会有任何发现，而"没有发现"不能当作"检查通过"：多半是给错了
    文件（空文件、导出失败的文本、说明文字而非公开文件），需要换成真正的公开文件。

    不通过的例子：一个空文件；只有"部门预算公开说明"几个字的文本。

    通过的例子：有一张表格，或正文中有金额的任何文件。
    """
    return _problems(context, "BL005")
