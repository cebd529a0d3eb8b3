"""BL5xx: the arithmetic of the 绩效自评 score sheets: 执行率 = 执行数 / 预算数,
the budget-execution score = its points × 执行率, and 总分 = the execution score
plus every indicator's score. The sheets are read by budgetlint.scoring; a
figure the model could not read for certain is never checked."""

from __future__ import annotations

import re
from decimal import Decimal

from budgetlint.arithmetic import ZERO, Interval, percentage, rounded_or_cut
from budgetlint.engine import Context, rule
from budgetlint.figures import WAN_PER_UNIT, find_numbers
from budgetlint.findings import Finding, Severity
from budgetlint.model import Span
from budgetlint.places import describe
from budgetlint.scoring import read_sheets
from budgetlint.text import key

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
    return tuple((place.span, f"{describe(place)} {_printed(place)}") for place in places if place is not None)


def _printed(place) -> str:
    """A cell as printed: its figure, or its text ("185.04（追减21.05，结转5.04）")."""
    cell = place.cell
    return place.shown if cell is None or cell.figure is not None else cell.text.strip()


def _budget(line) -> str:
    """The budget a rate is computed on, as the sheet prints it ("190.27（追减21.05，结转5.04），
    即 169.22" when its cell states an adjustment)."""
    if not line.adjustment:
        return line.budget.cell.text.strip()
    return f"{line.budget.cell.text.strip()}，即 {line.denominator.value}"


def _number(value: Decimal, decimals: int) -> str:
    return f"{value.quantize(Decimal(1).scaleb(-decimals))}"


@rule("BL501", "execution-rate-mismatch", Severity.ERROR)
def execution_rate_mismatch(context: Context):
    """绩效自评表中的执行率不等于执行数 ÷ 预算数。

    检查什么：自评表"预算执行情况"中每一行资金（年度财政资金总额、当年财政拨款……）的
    执行率，对照同一行的执行数 ÷ 预算数。预算数格写明年中调整的（"190.27（追减21.05，
    结转5.04）"），按调整后的数（169.22）算；四川式的表按"全年预算数"算。三个数都按印出
    的位数看作区间；执行率四舍五入或截去末位都算相符。

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
            computed = percentage(line.spent.interval, line.denominator)
            if computed is None or computed.meets(_stated(line.rate)):
                continue
            decimals = line.rate.cell.figure.decimals + 1
            yield Finding(
                line.rate.span,
                f"「{line.name}」执行率 {line.rate.shown}，而执行数 {line.spent.shown} ÷ 预算数 {_budget(line)}"
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
            rates = [_stated(line.rate), percentage(line.spent.interval, line.denominator)]
            expected = [_earned(sheet.points, rate) for rate in rates if rate is not None]
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


def _earned(points: Decimal, rate: Interval) -> Interval:
    """``points`` × min(rate, 100%): the budget-execution score a rate earns."""

    def capped(value: Decimal) -> Decimal:
        return min(value, _HUNDRED) * points / _HUNDRED

    return Interval(capped(rate.value), capped(rate.low), capped(rate.high))


@rule("BL503", "score-exceeds-points", Severity.ERROR)
def score_exceeds_points(context: Context):
    """指标的得分超过了它的分值。

    检查什么：每项指标都印出自己的分值和得分的自评表（四川式：… 分值 得分 偏差原因），
    每项指标的得分不得大于分值。

    为什么：一项指标最多得满分；得分大于分值，不是得分抄错，就是分值抄错，总分也跟着错。

    不通过的例子::

        数量指标   参保人数≧4.8万人   4.8万人   4.86万人   10   12

    通过的例子（001）::

        数量指标   参保人数≧4.8万人   4.8万人   4.86万人   10   10
    """
    for sheet in _sheets(context):
        for indicator in sheet.indicators:
            if indicator.points is None or indicator.score is None:
                continue
            if indicator.score.cell.figure.value > indicator.points.cell.figure.value:
                yield Finding(
                    indicator.score.span,
                    f"指标得分 {indicator.score.shown} 大于其分值 {indicator.points.shown}",
                    _related(indicator.points),
                )


@rule("BL504", "points-do-not-add-up", Severity.ERROR)
def points_do_not_add_up(context: Context):
    """各行、各项指标的分值加起来不等于总分一行的分值。

    检查什么：四川式自评表的"总分"一行印有分值合计（通常为 100），对照各资金行与各项指标
    分值之和。表中有一行读不出分值（例如两行并成了一行）时不检查。

    为什么：分值是评分办法规定的权重，加起来不是总分，说明某项分值抄错或漏印。

    不通过的例子::

        年度资金总额 … 分值 10；当年财政拨款 10；上年结转资金 5；其他资金 5
        指标分值 10、10、10、10、10、10、5、5
        总分   100   98      （各分值之和为 100 时相符；改一项为 15 则不符）

    通过的例子（001）::

        资金 10 + 10 + 5 + 5，指标 10 × 6 + 5 × 2，总分分值 100
    """
    for sheet in _sheets(context):
        if sheet.total_points is None or sheet.unread or not sheet.indicators:
            continue
        parts = [line.points for line in sheet.executions] + [indicator.points for indicator in sheet.indicators]
        if any(place is None for place in parts):
            continue
        given = sum(place.cell.figure.value for place in parts)
        stated = sheet.total_points.cell.figure.value
        if given != stated:
            yield Finding(
                sheet.total_points.span,
                f"{sheet.total_points.row.label.strip() or '总分'}一行的分值为 {sheet.total_points.shown}，"
                f"而 {len(parts)} 行分值之和为 {given}，"
                f"相差 {stated - given}",
                _related(*parts),
            )


@rule("BL505", "total-score-mismatch", Severity.ERROR)
def total_score_mismatch(context: Context):
    """总分不等于预算执行得分加各项指标得分。

    检查什么：自评表的"总分"，对照预算执行的得分与指标表中每一项三级指标得分之和：
    湖北式的表预算执行恰有一行得分，四川式的表每一行资金都有得分，都加进总分；得分汇总表
    （评价指标 / 权重 / 标准分值 / 自评得分，"综合绩效"一行）是各一级指标得分之和，"其中"
    各行不重复相加。指标得分是打出的分，按印出的数计；预算执行得分是乘出来的，四舍五入
    或截去末位都算相符。
    有一项得分读不出（得分格印有两个数"2.5 6"，或两行并成了一行）的表不检查。

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
        scores = [line.score for line in sheet.executions]
        if sheet.total is None or None in scores or not sheet.indicators or sheet.unread:
            continue
        if not scores and sheet.style != "汇总":
            continue
        if sheet.style == "湖北" and len(scores) != 1:
            continue
        if any(indicator.score is None for indicator in sheet.indicators):
            continue
        parts = scores + [indicator.score for indicator in sheet.indicators]
        # an execution score is a product printed rounded or cut (Sichuan's are points given,
        # exact); an indicator's score is points given
        executed = sum(
            (_stated(score) if sheet.style == "湖北" else Interval.of(score.cell.figure).exact for score in scores),
            ZERO,
        )
        computed = executed.shifted(sum(indicator.score.cell.figure.value for indicator in sheet.indicators))
        total = _stated(sheet.total) if sheet.style != "四川" else Interval.of(sheet.total.cell.figure).exact
        if total.meets(computed):
            continue
        decimals = max(place.cell.figure.decimals for place in parts)
        shown = f"预算执行得分 {'、'.join(score.shown for score in scores)} 与 " if scores else ""
        yield Finding(
            sheet.total.span,
            f"总分 {sheet.total.shown}，而{shown}{len(parts) - len(scores)} 项指标得分之和为 "
            f"{_number(computed.value, decimals)}，"
            f"相差 {_number(sheet.total.cell.figure.value - computed.value, decimals)}",
            _related(*parts),
        )


#: "2020 年度医疗救助项目绩效自评得分 95.27 分"
_SCORE_SAID = re.compile(
    r"年度\s*(?P<name>[\u4e00-\u9fff、（）()]+?)项目(?:绩效)?自评(?:总)?得分(?:为)?\s*(?P<score>\d+(?:\.\d+)?)\s*分"
)

#: "3. 政府买岗经费项目绩效自评综述：项目全年预算数为 3 万元，执行数为 2.22 万元，完成预算的 44.5%"
_PROJECT = re.compile(r"([\u4e00-\u9fff、（）()]+?)项目(?:支出)?绩效自评(?:综述|情况)?[：:]")


def _by_project(sheets) -> dict:
    """The sheets with one budget line, by their 项目名称 (a name printed on two sheets names none)."""
    found: dict = {}
    for sheet in sheets:
        if sheet.project and len(sheet.executions) == 1:
            found.setdefault(key(sheet.project), []).append(sheet)
    return {name: listed[0] for name, listed in found.items() if len(listed) == 1}


@rule("BL506", "sheet-restatement-mismatch", Severity.ERROR)
def sheet_restatement_mismatch(context: Context):
    """文字中复述的项目预算数、执行数、执行率与该项目自评表不符。

    检查什么："××项目绩效自评综述：项目全年预算数为 a 万元，执行数为 b 万元，完成预算的
    c%"这样的句子，按项目名称找到项目名称相同的那一张自评表（恰有一张，且只有一行资金），
    把 a、b、c 分别与表中的预算数、执行数、执行率比较；"××年度××项目绩效自评得分 d 分"
    的 d 与该表的总分比较。都按印出的位数看作区间，执行率四舍五入或截去末位都算相符。

    为什么：同一个项目在说明和自评表中写出两个预算数，读者不知道哪一个是对的；通常是
    其中一处照抄了别的项目或调整前的数。

    不通过的例子（000，政府买岗经费：自评表预算数为 5 万元）::

        3. 政府买岗经费项目绩效自评综述：项目全年预算数为 3 万元，执行数为 2.22 万元，
        完成预算的 44.5%。

    通过的例子（000）::

        1. 医疗救助项目绩效自评综述：项目全年预算数为 1,027 万元，执行数为 784.29 万元，
        完成预算的 76.4%。
    """
    sheets = _by_project(_sheets(context))
    if not sheets:
        return
    yield from _scores_said(context, sheets)
    for completion in context.statements.completions:
        if completion.budget is None or completion.actual is None:
            continue
        sentence = completion.sentence
        named = _PROJECT.search(sentence.marked, 0, completion.budget.start)
        sheet = sheets.get(key(named[1])) if named else None
        if sheet is None:
            continue
        line = sheet.executions[0]
        unit = sheet.table.unit or "万元"  # the sheets print "预算执行情况 (万元)"
        factor = WAN_PER_UNIT.get(unit)
        pairs = [
            (completion.budget, line.budget, line.printed_budget, "预算数"),
            (completion.actual, line.spent, line.spent.interval, "执行数"),
        ]
        for token, place, printed, what in pairs:
            if factor is None or Interval.of(token.figure).scaled(token.factor).meets(printed.scaled(factor)):
                continue
            yield Finding(
                token.figure.span,
                f"文字说「{named[1]}」项目{what} {token.figure}{token.figure.unit or ''}，"
                f"而该项目自评表的{what}为 {printed.value}{unit}",
                _related(place),
            )
        rate = completion.rate
        if rate is not None and line.rate is not None:
            stated = rounded_or_cut(rate.figure.value, rate.figure.decimals)
            if not stated.meets(_stated(line.rate)):
                yield Finding(
                    rate.figure.span,
                    f"文字说「{named[1]}」项目完成预算的 {rate.figure}%，而该项目自评表的执行率为 {line.rate.shown}",
                    _related(line.rate),
                )


def _scores_said(context: Context, sheets: dict):
    """ "××项目绩效自评得分 95.27 分" against the 总分 of that project's sheet."""
    for paragraph in context.document.paragraphs:
        for segment in paragraph.segments:
            if "自评" not in segment.text:
                continue
            for said in _SCORE_SAID.finditer(segment.text):
                sheet = sheets.get(key(said["name"]))
                if sheet is None or sheet.total is None:
                    continue
                (number,) = find_numbers(said["score"])
                if rounded_or_cut(number.value, number.decimals).meets(Interval.of(sheet.total.cell.figure)):
                    continue
                start = segment.column + said.start("score")
                span = Span(segment.line, start, segment.line, start + len(said["score"]))
                yield Finding(
                    span,
                    f"文字说「{said['name']}」项目自评得分 {said['score']} 分，"
                    f"而该项目自评表的总分为 {sheet.total.shown}",
                    _related(sheet.total),
                )
