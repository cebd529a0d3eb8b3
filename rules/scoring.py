"""BL5xx: the arithmetic of the 绩效自评 score sheets: 执行率 = 执行数 / 预算数,
the budget-execution score = its points × 执行率, and 总分 = the execution score
plus every indicator's score. The sheets are read by budgetlint.scoring; a
figure the model could not read for certain is never checked."""

from __future__ import annotations

from decimal import Decimal

from budgetlint.arithmetic import Interval, percentage, rounded_or_cut
from budgetlint.engine import Context, rule
from budgetlint.findings import Finding, Severity
from budgetlint.places import describe
from budgetlint.scoring import read_sheets

_HUNDRED = Decimal(100)


def _sheets(context: Context):
    """The document's score sheets, read once for every rule of the family."""
    return context.shared(_read)


def _read(context: Context):
    return read_sheets(context.document)


def _stated(place) -> Interval:
    figure = place.cell.figure
    return rounded_or_cut(figure.value, figure.decimals)


def _related(*places):
    return tuple((place.span, f"{describe(place)} {place.shown}") for place in places if place is not None)


def _number(value: Decimal, decimals: int) -> str:
    return f"{value.quantize(Decimal(1).scaleb(-decimals))}"


@rule("BL501", "execution-rate-mismatch", Severity.ERROR)
def execution_rate_mismatch(context: Context):
    """绩效自评表中的执行率不等于执行数 ÷ 预算数。

    检查什么：自评表"预算执行情况"中每一行资金（年度财政资金总额、当年财政拨款……）的
    执行率，对照同一行的执行数 ÷ 预算数。三个数都按印出的位数看作区间；执行率四舍五入
    或截去末位都算相符。

    为什么：执行率决定预算执行一项的得分，算错了，得分和总分跟着错。

    不通过的例子::

        预算执行情况 (万元) (20分)  预算数 (A)  执行数 (B)  执行率 (B/A)  得分 (20分*执行率)
        年度财政资金总额            1027        784.29      74.37%        14.87

    通过的例子（000，医疗救助）::

        年度财政资金总额            1027        784.29      76.37%        15.27
    """
    for sheet in _sheets(context):
        for line in sheet.executions:
            if line.rate is None:
                continue
            computed = percentage(line.spent.interval, line.budget.interval)
            if computed is None or computed.meets(_stated(line.rate)):
                continue
            decimals = line.rate.cell.figure.decimals + 1
            yield Finding(
                line.rate.span,
                f"「{line.name}」执行率 {line.rate.shown}，而执行数 {line.spent.shown} ÷ 预算数 {line.budget.shown}"
                f" = {_number(computed.value, decimals)}%，相差 "
                f"{_number(line.rate.cell.figure.value - computed.value, decimals)} 个百分点",
                _related(line.spent, line.budget),
            )


@rule("BL502", "execution-score-mismatch", Severity.ERROR)
def execution_score_mismatch(context: Context):
    """预算执行一项的得分不等于分值 × 执行率（执行率超过 100% 按 100% 计）。

    检查什么：自评表表头写明预算执行的分值时（"得分 (20分*执行率)""预算执行情况 (20分)"），
    每一行资金的得分对照 分值 × min(执行率, 100%)。执行率取表中印出的数，也取执行数 ÷
    预算数重算的数，与其中任何一个相符都不报告；得分四舍五入或截去末位都算相符。

    为什么：得分是按表头写明的公式算出来的，与之不符，要么得分抄错，要么执行率错了。

    不通过的例子::

        预算执行情况 (万元) (20分)  预算数 (A)  执行数 (B)  执行率 (B/A)  得分 (20分*执行率)
        年度财政资金总额            1.5         1.08        72%           15.4

    通过的例子（000，工会、扶贫等补助经费）::

        年度财政资金总额            1.5         1.08        72%           14.4
    """
    for sheet in _sheets(context):
        if sheet.points is None:
            continue
        for line in sheet.executions:
            if line.score is None or line.rate is None:
                continue
            stated = _stated(line.score)
            rates = [_stated(line.rate), percentage(line.spent.interval, line.budget.interval)]
            expected = [_score(sheet.points, rate) for rate in rates if rate is not None]
            if any(stated.meets(value) for value in expected):
                continue
            shown = _number(expected[0].value, line.score.cell.figure.decimals + 1)
            yield Finding(
                line.score.span,
                f"「{line.name}」得分 {line.score.shown}，而 {sheet.points} 分 × 执行率 {line.rate.shown} = {shown}"
                f"（{_profile(sheet.points)}：得分 = 分值 × 执行率，执行率超过 100% 按 100% 计）",
                _related(line.rate),
            )


#: The scoring profiles by the points budget execution is worth.
_PROFILES = {Decimal(20): "湖北 20 分制", Decimal(10): "全国 10 分制（财预〔2020〕10号）"}


def _profile(points: Decimal) -> str:
    return _PROFILES.get(points, f"预算执行 {points} 分")


def _score(points: Decimal, rate: Interval) -> Interval:
    """``points`` × min(rate, 100%): the budget-execution score a rate earns."""

    def capped(value: Decimal) -> Decimal:
        return min(value, _HUNDRED) * points / _HUNDRED

    return Interval(capped(rate.value), capped(rate.low), capped(rate.high))


@rule("BL505", "total-score-mismatch", Severity.ERROR)
def total_score_mismatch(context: Context):
    """总分不等于预算执行得分加各项指标得分。

    检查什么：自评表的"总分"，对照预算执行一行的得分与指标表中每一项三级指标得分之和。
    指标得分是打出的分，按印出的数计；预算执行得分是乘出来的，四舍五入或截去末位都算相符。
    只在预算执行恰有一行得分、每项指标的得分都读得出时检查；得分格印有两个数
    （"2.5 6"）的表不检查。

    为什么：总分是各项得分相加得来的，与之不符，说明某项得分或总分抄错了。

    不通过的例子::

        年度财政资金总额   1027   784.29   76.37%   15.27
        ……各项指标得分共 80 分……
        总分   96.27

    通过的例子（000，医疗救助）::

        年度财政资金总额   1027   784.29   76.37%   15.27
        ……各项指标得分共 80 分……
        总分   95.27
    """
    for sheet in _sheets(context):
        scores = [line.score for line in sheet.executions if line.score is not None]
        if sheet.total is None or len(scores) != 1 or not sheet.indicators or sheet.unread:
            continue
        if any(indicator.score is None for indicator in sheet.indicators):
            continue
        parts = scores + [indicator.score for indicator in sheet.indicators]
        # an indicator's score is the points given, exact as printed; the execution
        # score is a product, printed rounded or cut
        given = sum(place.cell.figure.value for place in parts[1:])
        computed = _stated(scores[0])
        computed = Interval(computed.value + given, computed.low + given, computed.high + given)
        stated = _stated(sheet.total)
        if stated.meets(computed):
            continue
        decimals = max(place.cell.figure.decimals for place in parts)
        yield Finding(
            sheet.total.span,
            f"总分 {sheet.total.shown}，而预算执行得分 {scores[0].shown} 与 {len(parts) - 1} 项指标得分之和为 "
            f"{_number(computed.value, decimals)}，相差 {_number(sheet.total.cell.figure.value - computed.value, decimals)}",
            _related(*parts),
        )
