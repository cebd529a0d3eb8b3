"""BL1xx: the arithmetic that each table's footnote states ("27行=（1+…+8）行",
"1栏各行=（2+3）栏各行"), compiled into checks bound to the table, and the
defects of the footnotes themselves."""

from __future__ import annotations

from budgetlint.engine import Context, rule
from budgetlint.findings import Finding, Severity
from budgetlint.footnote_checks import evaluate


def _problems(context: Context, code: str):
    for problem in context.footnotes.problems:
        if problem.code == code:
            yield Finding(problem.span, problem.message, problem.related)


@rule("BL101", "formula-syntax", Severity.WARNING)
def formula_syntax(context: Context):
    """脚注公式无法解析：公式文字残缺或有错字，无法据以核对。

    检查什么：表格脚注里形如"N行=（…）行""N栏各行=（…）栏各行"的公式，能否按公式
    语言读出。位置指向出错的那个字。

    为什么：脚注公式是表格自己声明的勾稽关系；写错的公式既不能核对表格，也会误导
    读者。

    不通过的例子（000 表4）::

        37行=（32+34+—38）行        "—"前缺少数字

    通过的例子::

        57行=（31+32+……+56）行
    """
    return _problems(context, "BL101")


@rule("BL102", "formula-self-reference", Severity.WARNING)
def formula_self_reference(context: Context):
    """脚注公式引用自身：等号两边出现同一行（栏）。

    检查什么：公式右边的行次（栏次，含范围）是否包含左边的行次（栏次）。位置指向
    右边那个引用。

    为什么：这样的公式只有在其余各项都为零时才成立，多是从别的表抄错。

    不通过的例子（000 表4）::

        28行=（28+29+31）行

    通过的例子::

        30行=（27+28+29）行
    """
    return _problems(context, "BL102")


@rule("BL103", "formula-unknown-reference", Severity.WARNING)
def formula_unknown_reference(context: Context):
    """脚注公式引用了表中没有的行或栏。

    检查什么：公式中的每个行次、栏次，在该表（左右并排的表则在同一侧）中是否
    恰好有一行（栏）。栏次重复印出时也在此报告。

    为什么：引用不存在的行或栏，说明脚注抄自行次不同的另一张表，或表格缺行。

    不通过的例子：只有 1～3 栏的表，脚注写 ``1栏各行=（2+3+4）栏各行``。

    通过的例子：``1栏各行=（2+3）栏各行``。
    """
    return _problems(context, "BL103")


@rule("BL104", "formula-contradicts-headers", Severity.WARNING)
def formula_contradicts_headers(context: Context):
    """脚注公式与表头矛盾：按表头，等号左边那栏不可能等于右边各栏之和。

    检查什么（只报告确定的矛盾）：

    - 把"预算数"一侧的栏写成"决算数"一侧各栏之和；
    - 把某组的"小计"栏与该组的分项栏相加（重复计算）；
    - 写明某组各分项之和等于某栏，但表头表明该组之和是另一栏（该组的"小计"）。

    为什么：脚注常从别的表复制而来，栏次对不上，照此核对只会得出错误结论。

    不通过的例子（000 表7，"三公"经费表，3栏为"公务用车购置及运行费/小计"，4、5 栏为其
    分项）::

        1栏=（2+3+4）栏        3栏已含4栏
        2栏=（4+5）栏          4+5 之和是 3栏，不是 2栏
        3栏=（8+9+10）栏       3栏属于预算数，8～10栏属于决算数

    通过的例子::

        9栏=（10+11）栏        9栏正是 10、11 栏所属组的小计
    """
    return _problems(context, "BL104")


@rule("BL110", "formula-failed", Severity.ERROR)
def formula_failed(context: Context):
    """脚注公式不成立：表中数字不满足表格自己声明的等式。

    检查什么：把每条可读、无矛盾的脚注公式绑定到表格：``N行=（…）行`` 在该行的每个
    编号栏上核对，``N栏各行=（…）栏各行`` 与 ``N栏=（…）栏`` 在每个数据行上核对。空单元格
    按 0 计；含文字或百分数的单元格不参与核对。位置指向等号左边的那个数字（该格为空时
    指向其行次），并给出脚注公式的位置。

    四舍五入：每个印出的数字代表其末位半个单位以内的任何值（两位小数即 ±0.005），
    n 个数相加的误差可达 n 个半单位；两边的区间不相交才报告，可用 ``--slack`` 再放宽
    （舍位平衡）。

    不通过的例子（000 表4，29行为空，而 27行为 1224.45）::

        29行=（27+28）行

    通过的例子（000 表2）::

        1栏各行=(2+3+4+5+6+7)栏各行       合计 1,224.48 = 1,224.48 + 0 + … + 0
    """
    for check in context.footnotes.checks:
        yield from evaluate(check, context.slack)
