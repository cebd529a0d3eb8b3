"""BL5xx: the arithmetic of the 绩效 sheets: 执行率 = 执行数 / 预算数, the
budget-execution score = its points × 执行率, 总分 = the execution score plus
every indicator's score, weights that make their group's weight, money that
makes its total, and what the text says of a sheet against the sheet. The
sheets are read by budgetlint.scoring; a figure the model could not read for
certain is never checked. Every message names the scoring profile the sheet
is checked under (budgetlint.scoring.profiles)."""

from __future__ import annotations

import re
from collections import Counter
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from budgetlint.arithmetic import ZERO, Interval, percentage, rounded_or_cut, stands_for
from budgetlint.engine import Context, rule
from budgetlint.figures import WAN_PER_UNIT, find_numbers
from budgetlint.findings import Finding, Severity, say
from budgetlint.lazy import lazy_pattern
from budgetlint.model import Span
from budgetlint.places import describe
from budgetlint.scoring import read_sheets, weight_trees
from budgetlint.scoring.profiles import profile_of
from budgetlint.text import key, unspaced

_HUNDRED = Decimal(100)


def _sheets(context: Context):
    """The document's sheets, read once for every rule of the family."""
    return context.shared(_read)


def _read(context: Context):
    return read_sheets(context.document, context.remembered("sheets"))


def _profiles(context: Context) -> dict:
    """Each sheet's scoring profile (by the sheet's identity), worked out once."""
    return context.shared(_work_out_profiles)


def _work_out_profiles(context: Context) -> dict:
    return {id(sheet): profile_of(sheet, context.scoring) for sheet in _sheets(context)}


def _under(context: Context, sheet):
    """ "（湖北 20 分制）": the profile a finding on ``sheet`` is judged under (a message
    in both languages, or "" when no profile applies)."""
    profile = _profiles(context).get(id(sheet))
    return say("（{name}）", " ({name})", name=say(profile.name, profile.english)) if profile is not None else ""


def _stated(place) -> Interval:
    figure = place.cell.figure
    return rounded_or_cut(figure.value, figure.decimals)


def _related(*places):
    return tuple((place.span, f"{describe(place)} {_printed(place)}") for place in places if place is not None)


def _printed(place) -> str:
    """A cell as printed: its figure, or its text ("185.04（追减21.05，结转5.04）")."""
    cell = place.cell
    return place.shown if cell is None or cell.figure is not None else cell.text.strip()


def _budget(line):
    """The budget a rate is computed on, as the sheet prints it ("190.27（追减21.05，结转5.04），
    即 169.22" when its cell states an adjustment)."""
    if not line.adjustment:
        return line.budget.cell.text.strip()
    return say(
        "{cell}，即 {value}",
        "{cell}, that is {value}",
        cell=line.budget.cell.text.strip(),
        value=line.denominator.value,
    )


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
            others = [percentage(line.spent.interval, other.interval) for other in line.other_budgets]
            stated = _stated(line.rate)
            if computed is None or any(rate is not None and rate.meets(stated) for rate in [computed, *others]):
                continue
            decimals = line.rate.cell.figure.decimals + 1
            message = say(
                "「{line}」执行率 {rate}，而执行数 {spent} ÷ 预算数 {budget} = {computed}%，"
                "相差 {difference} 个百分点{profile}",
                "{line}: rate {rate}, but spent {spent} ÷ budget {budget} = {computed}%, "
                "{difference} percentage points apart{profile}",
                line=line.name,
                rate=line.rate.shown,
                spent=line.spent.shown,
                budget=_budget(line),
                computed=_number(computed.value, decimals),
                difference=_number(line.rate.cell.figure.value - computed.value, decimals),
                profile=_under(context, sheet),
            )
            yield Finding(line.rate.span, message, _related(line.spent, line.budget, *line.other_budgets))


@rule("BL502", "execution-score-mismatch", Severity.ERROR)
def execution_score_mismatch(context: Context):
    """预算执行一项的得分不等于分值 × 执行率（执行率超过 100% 按 100% 计）。

    检查什么：预算执行按 分值 × 执行率 计分的自评表（湖北 20 分制、全国 10 分制；分值取表头
    写明的"得分 (20分*执行率)""预算执行情况 (20分)"，表头没写时取配置的评分办法或本文件
    其他表写明的分值），每一行资金的得分对照 分值 × min(执行率, 100%)。执行率取表中印出的
    数，也取执行数 ÷ 预算数重算的数，与其中任何一个相符都不报告。得分四舍五入或截去末位
    都算相符；但本文件至少三行得分只能是四舍五入（或只能是截尾）、至多一行相反时，按本
    文件自己的做法，那相反的一行也报告。四川式的表各资金行按档次给分，不按乘积，不检查。

    为什么：得分是按表头写明的公式算出来的，与之不符，要么得分抄错，要么执行率错了。

    不通过的例子::

        预算执行情况 (万元) (20分)  预算数 (A)  执行数 (B)  执行率 (B/A)  得分 (20分*执行率)
        年度财政资金总额            1.5         1.08        72%           15.4

    通过的例子（000，工会、扶贫等补助经费）::

        年度财政资金总额            1.5         1.08        72%           14.4
    """
    convention, evidence = _convention(context)
    for sheet in _sheets(context):
        profile = _profiles(context).get(id(sheet))
        points = profile.execution if profile is not None else None
        if points is None:
            continue
        for line in sheet.executions:
            if line.score is None or line.rate is None:
                continue
            figure = line.score.cell.figure
            stated = stands_for(figure.value, figure.decimals, convention)
            rates = [Interval.of(line.rate.cell.figure), percentage(line.spent.interval, line.denominator)]
            expected = [_earned(points, rate) for rate in rates if rate is not None]
            if any(stated.meets(value) for value in expected):
                continue
            shown = _number(expected[0].value, figure.decimals + 1)
            if convention is not None and any(_stated(line.score).meets(value) for value in expected):
                english = {"四舍五入": "rounding", "截尾": "truncation"}
                other = "截尾" if convention == "四舍五入" else "四舍五入"
                reason = say(
                    "；本文件其他 {rows} 行得分都按{convention}，此行却是{other}",
                    "; the document's other {rows} rows use {convention_en}, this one {other_en}",
                    rows=evidence,
                    convention=convention,
                    other=other,
                    convention_en=english[convention],
                    other_en=english[other],
                )
            else:
                reason = ""
            message = say(
                "「{line}」得分 {score}，而 {points} 分 × 执行率 {rate} = {expected}"
                "（{profile}：得分 = 分值 × 执行率，执行率超过 100% 按 100% 计{reason}）",
                "{line}: score {score}, but {points} points × rate {rate} = {expected} "
                "({profile}: score = points × rate, a rate above 100% counting as 100%{reason})",
                line=line.name,
                score=line.score.shown,
                points=points,
                rate=line.rate.shown,
                expected=shown,
                profile=say(profile.name, profile.english),
                reason=reason,
            )
            yield Finding(line.score.span, message, _related(line.rate))


def _convention(context: Context) -> tuple[str | None, int]:
    """The document's way of printing an execution score, from its own rows: a row
    whose score is the product rounded but not cut is evidence of 四舍五入 (15.05 for
    15.048), and the reverse of 截尾. A convention is taken when at least three
    rows show it and at most one shows the other; then that one is reported."""
    return context.shared(_work_out_convention)


def _work_out_convention(context: Context) -> tuple[str | None, int]:
    votes: Counter = Counter()
    for sheet in _sheets(context):
        profile = _profiles(context).get(id(sheet))
        if profile is None or profile.execution is None:
            continue
        for line in sheet.executions:
            if line.score is None or line.rate is None:
                continue
            value = profile.execution * min(line.rate.cell.figure.value, _HUNDRED) / _HUNDRED
            unit = Decimal(1).scaleb(-line.score.cell.figure.decimals)
            stated = line.score.cell.figure.value
            rounds = value.quantize(unit, ROUND_HALF_UP) == stated
            cuts = value.quantize(unit, ROUND_DOWN) == stated
            if rounds != cuts:
                votes["四舍五入" if rounds else "截尾"] += 1
    for convention, count in votes.items():
        if count >= 3 and sum(votes.values()) - count <= 1:
            return convention, count
    return None, 0


def _earned(points: Decimal, rate: Interval) -> Interval:
    """``points`` × min(rate, 100%): the budget-execution score a rate earns."""

    def capped(value: Decimal) -> Decimal:
        return min(value, _HUNDRED) * points / _HUNDRED

    return Interval(capped(rate.value), capped(rate.low), capped(rate.high))


@rule("BL503", "score-exceeds-points", Severity.ERROR)
def score_exceeds_points(context: Context):
    """指标的得分超过了它的分值，或一组指标的得分之和超过了这一组的分值。

    检查什么：每项指标都印出自己的分值和得分的自评表（四川式：… 分值 得分 偏差原因），
    每项指标的得分不得大于分值；湖北式的表把分值写在指标名里（"数量指标 (15分)"），
    这一组下各项指标的得分之和不得大于 15。"成本指标""满意度指标"在湖北的表里是二级
    指标、在全国的框架里是一级指标，两种读法下都超过才报告。

    为什么：一项指标最多得满分；得分大于分值，不是得分抄错，就是分值抄错，总分也跟着错。

    不通过的例子::

        数量指标   参保人数≧4.8万人   4.8万人   4.86万人   10   12

    通过的例子（001；000 医疗救助：数量指标 (15分) 下三项各 5 分）::

        数量指标   参保人数≧4.8万人   4.8万人   4.86万人   10   10
    """
    for sheet in _sheets(context):
        for indicator in sheet.indicators:
            if indicator.points is None or indicator.score is None:
                continue
            if indicator.score.cell.figure.value > indicator.points.cell.figure.value:
                message = say(
                    "指标得分 {score} 大于其分值 {points}{profile}",
                    "indicator scored {score}, above its points {points}{profile}",
                    score=indicator.score.shown,
                    points=indicator.points.shown,
                    profile=_under(context, sheet),
                )
                yield Finding(indicator.score.span, message, _related(indicator.points))
        yield from _groups_overscored(context, sheet)


def _trees(context: Context, sheet) -> list:
    """Every reading of ``sheet``'s weighted labels (Hubei's first under its profile),
    worked out once for BL503 and BL504; none when no label prints a weight."""
    return context.shared(_work_out_trees).get(id(sheet), [])


def _work_out_trees(context: Context) -> dict:
    trees = {}
    for sheet in _sheets(context):
        if not any(w.points is not None for w in sheet.weights):
            continue
        profile = _profiles(context).get(id(sheet))
        trees[id(sheet)] = weight_trees(sheet.weights, second=profile is not None and profile.key == "湖北")
    return trees


def _in_every_reading(trees: list, check) -> dict:
    """What ``check`` finds (by the span of the figure at fault) under every reading of
    a sheet's labels: a fault of one reading only may be the reading's."""
    agreed = None
    for tree in trees:
        found = check(tree)
        agreed = found if agreed is None else {span: item for span, item in agreed.items() if span in found}
    return agreed or {}


def _groups_overscored(context: Context, sheet):
    """A weighted label ("数量指标 (15分)") whose indicators score more than its weight,
    under every reading of the sheet's labels."""
    if not sheet.weights or any(indicator.score is None for indicator in sheet.indicators):
        return
    rows = {id(row): at for at, row in enumerate(sheet.table.rows)}
    scored = [(rows[id(indicator.row)], indicator) for indicator in sheet.indicators]

    def overscored(tree) -> dict:
        found = {}
        for node, end in _ranges(tree, rows, len(sheet.table.rows)):
            weight = node.weight
            start = rows[id(weight.row)]
            inside = [indicator for at, indicator in scored if start <= at < end]
            total = sum((indicator.score.cell.figure.value for indicator in inside), Decimal(0))
            if inside and total > weight.points:
                found[weight.span] = (weight, inside, total)
        return found

    for weight, inside, total in _in_every_reading(_trees(context, sheet), overscored).values():
        message = say(
            "「{label}」下各项指标得分之和为 {total}，超过其分值 {points}{profile}",
            "the indicators under {label} score {total} together, above its points {points}{profile}",
            label=weight.text,
            total=total,
            points=weight.points,
            profile=_under(context, sheet),
        )
        yield Finding(weight.span, message, _related(*(indicator.score for indicator in inside)))


def _ranges(tree, rows: dict, end: int):
    """Each weighted label of a reading with the row its indicators end before: the row
    of the next label that is not under it."""
    order = []

    def walk(node, labels):
        if node.weight is not None:
            labels.append(node)
        for child in node.children:
            walk(child, labels)

    walk(tree, order)
    for at, node in enumerate(order):
        if node.weight.points is None or node.weight.level == 0 and tree.weight is node.weight:
            continue
        under = set()
        stack = list(node.children)
        while stack:
            child = stack.pop()
            under.add(id(child))
            stack.extend(child.children)
        later = next((other for other in order[at + 1 :] if id(other) not in under), None)
        yield node, rows[id(later.weight.row)] if later is not None else end


@rule("BL504", "points-do-not-add-up", Severity.ERROR)
def points_do_not_add_up(context: Context):
    """分值（权重）加起来不等于它们的合计。

    检查什么：
    - 四川式自评表"总分"一行的分值（通常为 100），对照各资金行与各项指标分值之和；
    - 湖北式自评表写在指标名里的分值："产出指标 (40分)"对照其下各二级指标的分值之和，
      "年度绩效目标 (80分)"对照各一级指标（没有一级分值时为各二级分值）之和，并与预算执行
      的 20 分合为 100；"成本指标""满意度指标"两种层级都读，两种读法下都不符才报告；
      有一个带分值的指标名认不出层级时，整张表的这一项不检查；
    - 绩效目标表表头写明的合计（"分值权重（90分）""分值（90）"；"指标权重(%)"为 100），
      对照各项三级指标的分值之和，并与"执行率分值（10分）"合为 100（百分比的权重不与分值
      相加）。合计、小计行和没有三级指标的分值行不算作指标；后一种使该表不检查。
    表中有一行读不出分值（例如两行并成了一行）时不检查。

    为什么：分值是评分办法规定的权重，加起来不是合计，说明某项分值抄错或漏印。

    不通过的例子::

        产出指标 (40分)   数量指标 (15分) …   质量指标 (10分) …   时效指标 (10分) …
        成本指标 (6分) …                      （15 + 10 + 10 + 6 = 41）

    通过的例子（001；000 医疗救助：15 + 10 + 10 + 5 = 40；国家信访局目标表：分值（90））::

        资金 10 + 10 + 5 + 5，指标 10 × 6 + 5 × 2，总分分值 100
    """
    for sheet in _sheets(context):
        yield from _labels_do_not_add_up(context, sheet)
        if sheet.unread or not sheet.indicators or sheet.style == "四川" and not sheet.executions:
            continue
        parts = [line.points for line in sheet.executions] + [indicator.points for indicator in sheet.indicators]
        if any(place is None for place in parts):
            continue
        given = sum(place.cell.figure.value for place in parts)
        if sheet.total_points is not None:
            stated = sheet.total_points.cell.figure.value
            if given != stated:
                message = say(
                    "{row}一行的分值为 {stated}，而 {count} 行分值之和为 {given}，相差 {difference}{profile}",
                    "the {row} row gives {stated} points, but its {count} rows' points add up to {given}, "
                    "{difference} apart{profile}",
                    row=sheet.total_points.row.label.strip() or "总分",
                    stated=sheet.total_points.shown,
                    count=len(parts),
                    given=given,
                    difference=stated - given,
                    profile=_under(context, sheet),
                )
                yield Finding(sheet.total_points.span, message, _related(*parts))
        elif sheet.declared is not None:
            yield from _declared_total(context, sheet, parts, given)


def _declared_total(context: Context, sheet, parts: list, given: Decimal):
    """A target sheet's header total ("分值权重（90分）") against its indicators' weights
    and, with the execution points ("执行率分值（10分）"), against 100: one finding."""
    declared = sheet.declared
    wrong = []
    if given != declared.points:
        wrong.append(
            say(
                "而 {count} 项指标的分值之和为 {given}，相差 {difference}",
                "but its {count} indicators' weights add up to {given}, {difference} apart",
                count=len(parts),
                given=given,
                difference=declared.points - given,
            )
        )
    if sheet.points is not None and not declared.percent and declared.points + sheet.points != _HUNDRED:
        wrong.append(
            say(
                "与执行率分值 {execution} 分之和为 {sum}，不是 100",
                "with the {execution} points of budget execution it makes {sum}, not 100",
                execution=sheet.points,
                sum=declared.points + sheet.points,
            )
        )
    if wrong:
        both = len(wrong) == 2
        message = say(
            "表头「{header}」，{first}" + ("；{second}" if both else "") + "{profile}",
            "header {header}: {first}" + ("; {second}" if both else "") + "{profile}",
            header=declared.text,
            first=wrong[0],
            second=wrong[-1],
            profile=_under(context, sheet),
        )
        yield Finding(declared.span, message, _related(*parts) if given != declared.points else ())


def _labels_do_not_add_up(context: Context, sheet):
    """The weights printed in labels: a label's weight against the weights of the
    labels under it, the root's against the first level's; reported when the sum
    fails under every reading of the ambiguous labels."""
    if not sheet.weights:
        return
    profile = _profiles(context).get(id(sheet))
    execution = profile.execution if profile is not None else None

    def wrong(tree) -> dict:
        found = {}
        _check_weights(tree, execution, found)
        return found

    for span, (message, related) in _in_every_reading(_trees(context, sheet), wrong).items():
        yield Finding(span, say("{message}{profile}", message=message, profile=_under(context, sheet)), related)


def _weight_of(node) -> Decimal | None:
    """A label's weight: printed, or the sum of its children's when all are known."""
    if node.weight is not None and node.weight.points is not None:
        return node.weight.points
    if not node.children:
        return None
    weights = [_weight_of(child) for child in node.children]
    return None if None in weights else sum(weights, Decimal(0))


def _check_weights(node, execution: Decimal | None, found: dict, root: bool = True) -> bool:
    """Compare each printed weight with the weights under it, the lowest first; a
    label whose parts do not make it is reported once, not again in its parent's
    sum. Returns whether anything under (or at) ``node`` failed."""
    failed = False
    for child in node.children:
        failed |= _check_weights(child, execution, found, root=False)
    weight = node.weight
    if weight is None or weight.points is None:
        return failed
    # the root and budget execution make 100; a single numbered target (年度目标 1) may not be the root
    if root and execution is not None and not re.search(r"\d", weight.name) and weight.points + execution != _HUNDRED:
        found[weight.span] = (
            say(
                "「{label}」与预算执行 {execution} 分之和为 {sum}，不是 100",
                "{label} and the {execution} points of budget execution make {sum}, not 100",
                label=weight.text,
                execution=execution,
                sum=weight.points + execution,
            ),
            (),
        )
        return True
    parts = [_weight_of(child) for child in node.children]
    if failed or not parts or None in parts or sum(parts, Decimal(0)) == weight.points:
        return failed
    given = sum(parts, Decimal(0))
    named = " + ".join(f"{child.weight.name} {part}" for child, part in zip(node.children, parts, strict=True))
    related = tuple((child.weight.span, child.weight.text) for child in node.children)
    message = say(
        "「{label}」，而其下 {parts} = {given}，相差 {difference}",
        "{label}, but the labels under it make {parts} = {given}, {difference} apart",
        label=weight.text,
        parts=named,
        given=given,
        difference=weight.points - given,
    )
    found[weight.span] = (message, related)
    return True


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
        executions = "、".join(score.shown for score in scores)
        message = say(
            "总分 {total}，而"
            + ("预算执行得分 {executions} 与 " if scores else "")
            + "{count} 项指标得分之和为 {computed}，相差 {difference}{profile}",
            "total {total}, but "
            + ("the budget-execution scores {executions} and " if scores else "")
            + "{count} indicators' scores add up to {computed}, {difference} apart{profile}",
            total=sheet.total.shown,
            executions=executions,
            count=len(parts) - len(scores),
            computed=_number(computed.value, decimals),
            difference=_number(sheet.total.cell.figure.value - computed.value, decimals),
            profile=_under(context, sheet),
        )
        yield Finding(sheet.total.span, message, _related(*parts))


#: "2020 年度医疗救助项目绩效自评得分 95.27 分"
_SCORE_SAID = lazy_pattern(
    r"年度\s*(?P<name>[\u4e00-\u9fff、（）()]+?)项目(?:绩效)?自评(?:总)?得分(?:为)?\s*(?P<score>\d+(?:\.\d+)?)\s*分"
)

#: "3. 政府买岗经费项目绩效自评综述：项目全年预算数为 3 万元，执行数为 2.22 万元，完成预算的 44.5%"
_PROJECT = lazy_pattern(r"([\u4e00-\u9fff、（）()]+?)项目(?:支出)?绩效自评(?:综述|情况)?[：:]")


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
        before = sentence.marked[: completion.budget.start]
        named = _PROJECT.search(before) if "绩效自评" in before else None  # no compiling where it cannot match
        sheet = sheets.get(key(named[1])) if named else None
        if sheet is None:
            continue
        line = sheet.executions[0]
        unit = sheet.table.unit or "万元"  # the sheets print "预算执行情况 (万元)"
        factor = WAN_PER_UNIT.get(unit)
        pairs = [
            (completion.budget, line.budget, line.printed_budget, "预算数", "budget"),
            (completion.actual, line.spent, line.spent.interval, "执行数", "spending"),
        ]
        for token, place, printed, what, what_en in pairs:
            if factor is None or Interval.of(token.figure).scaled(token.factor).meets(printed.scaled(factor)):
                continue
            message = say(
                "文字说「{project}」项目{what} {said}，而该项目自评表的{what}为 {sheet}{profile}",
                "the text gives project {project} a {what_en} of {said}, but its sheet gives {sheet}{profile}",
                project=named[1],
                what=what,
                what_en=what_en,
                said=f"{token.figure}{token.figure.unit or ''}",
                sheet=f"{printed.value}{unit}",
                profile=_under(context, sheet),
            )
            yield Finding(token.figure.span, message, _related(place))
        rate = completion.rate
        if rate is not None and line.rate is not None:
            stated = rounded_or_cut(rate.figure.value, rate.figure.decimals)
            if not stated.meets(_stated(line.rate)):
                message = say(
                    "文字说「{project}」项目完成预算的 {said}%，而该项目自评表的执行率为 {sheet}{profile}",
                    "the text says project {project} spent {said}% of its budget, but its sheet's rate is "
                    "{sheet}{profile}",
                    project=named[1],
                    said=rate.figure,
                    sheet=line.rate.shown,
                    profile=_under(context, sheet),
                )
                yield Finding(rate.figure.span, message, _related(line.rate))


def _scores_said(context: Context, sheets: dict):
    """ "××项目绩效自评得分 95.27 分" against the 总分 of that project's sheet."""
    for paragraph in context.document.paragraphs:
        for segment in paragraph.segments:
            if "自评" not in segment.text or "得分" not in segment.text:
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
                message = say(
                    "文字说「{project}」项目自评得分 {said} 分，而该项目自评表的总分为 {total}{profile}",
                    "the text scores project {project} {said}, but its sheet's total is {total}{profile}",
                    project=said["name"],
                    said=said["score"],
                    total=sheet.total.shown,
                    profile=_under(context, sheet),
                )
                yield Finding(span, message, _related(sheet.total))


#: An indicator that restates the sheet's own 执行率 ("97% ≤ 预算执行率 ≤ 100%") or its
#: spending ("资金使用控制在预算内 ≤1027万元 | 784.29万元"), named exactly so: 中央资金执行率 or
#: 三季度预算执行率, 人均救助资金 or 预算控制数 are other figures.
_RATE_INDICATOR = lazy_pattern(
    r"^(?:\d+(?:\.\d+)?%?[≤<≥>]=?)?(?:项目)?(?:预算|资金)执行率(?:[≤<≥>]=?\d+(?:\.\d+)?%?)?$"
)
_SPENDING_INDICATOR = lazy_pattern(
    r"^(?:(?:资金|支出)(?:使用|执行)?(?:控制)?在?预算(?:金额)?(?:内|以内)(?:完成)?"
    r"|在预算(?:金额)?(?:内|以内)完成|(?:资金|支出)(?:使用|执行)?控制范围)$"
)
_AMOUNT = lazy_pattern(r"^\s*(\d+(?:\.\d+)?)\s*万元?\s*$")


@rule("BL507", "indicator-restatement-mismatch", Severity.ERROR)
def indicator_restatement_mismatch(context: Context):
    """指标的实际完成值复述本表的执行率或执行数，却与之不符。

    检查什么：自评表里名称写明"预算执行率""资金执行率"的指标，其实际完成值（百分数）对照
    本表年度资金总额一行的执行率；名称写明预算或资金、实际完成值写成"××万元"的成本指标
    （"资金使用控制在预算内"），对照该行的执行数。都按印出的位数看作区间。本表有不止一行
    资金而认不出总额一行时不检查。

    为什么：同一张表里同一个执行率写出两个数，至少一个是错的；指标得分常按这个错数算出。

    不通过的例子（000，政府买岗经费：本表执行率为 44.45%）::

        成本指标 (7分)   97% ≤ 预算执行率 ≤ 100%   100%   33.13%   2.32

    通过的例子（000，医疗救助：执行数 784.29）::

        成本指标 (5分)   资金使用控制在预算内   ≤1027 万元   784.29 万元   5
    """
    for sheet in _sheets(context):
        lines = [line for line in sheet.executions if "总额" in line.name] or list(sheet.executions)
        if len(lines) != 1:
            continue
        (line,) = lines
        factor = WAN_PER_UNIT.get(sheet.table.unit or "万元")  # the sheets print "预算执行情况 (万元)"
        for indicator in sheet.indicators:
            actual = indicator.actual
            if actual is None or actual.cell is None:
                continue
            name = _indicator_name(indicator, actual)
            figure = actual.cell.figure
            if _RATE_INDICATOR.match(name) and figure is not None and figure.percent and line.rate is not None:
                if not _stated(actual).meets(_stated(line.rate)):
                    message = say(
                        "指标「{name}」的实际完成值为 {actual}，而本表「{line}」的执行率为 {rate}{profile}",
                        "indicator {name} gives {actual} as achieved, but the sheet's {line} rate is {rate}{profile}",
                        name=name,
                        actual=actual.shown,
                        line=line.name,
                        rate=line.rate.shown,
                        profile=_under(context, sheet),
                    )
                    yield Finding(actual.span, message, _related(line.rate))
                continue
            amount = _AMOUNT.match(actual.cell.text)
            if amount and factor is not None and _SPENDING_INDICATOR.match(name):
                (number,) = find_numbers(amount[1])
                spent = line.spent.interval.scaled(factor)
                if not Interval.of(number).meets(spent):
                    message = say(
                        "成本指标「{name}」的实际完成值为 {actual}，而本表「{line}」的执行数为 {spent}{profile}",
                        "cost indicator {name} gives {actual} as achieved, but the sheet's {line} spent {spent}"
                        "{profile}",
                        name=name,
                        actual=actual.cell.text.strip(),
                        line=line.name,
                        spent=f"{line.spent.shown}{sheet.table.unit or '万元'}",
                        profile=_under(context, sheet),
                    )
                    yield Finding(actual.span, message, _related(line.spent))


def _indicator_name(indicator, actual) -> str:
    """The indicator's own words, without blanks: the last text printed before its
    target value (the cell before its actual value)."""
    texts = [cell.text for cell in indicator.row.cells[: actual.column.index] if cell is not None]
    texts = [unspaced(text) for text in [indicator.row.label, *texts] if text.strip()]
    return texts[-2] if len(texts) > 1 else texts[0] if texts else ""


@rule("BL508", "funds-do-not-add-up", Severity.ERROR)
def funds_do_not_add_up(context: Context):
    """年度资金总额不等于其中各项资金（财政拨款、上年结转、其他资金）之和。

    检查什么：绩效目标表的"年度资金总额（实施期资金总额）：a"及其下"其中：财政拨款 b""上年
    结转 c""其他资金 d"，四川式自评表的年度资金总额一行及其下各资金行（年初预算数、全年
    预算数、全年执行数各栏分别看），a 对照 b + c + d。都按印出的位数看作区间。有一项空着
    （或印作"-"）时，各项之和小于总额不报告（空着的一项可能是丢失的数字），大于总额才报告。

    为什么：总额就是各项资金之和；不等，说明其中一个数抄错，或漏列了一项资金。

    不通过的例子::

        年度资金总额：   2,134.87
        其中：财政拨款   1,348.87
              上年结转     750.00

    通过的例子（国家信访局，信息化运行维护）::

        年度资金总额：   2,134.87
        其中：财政拨款   1,384.87
              上年结转     750.00
              其他资金
    """
    for sheet in _sheets(context):
        for funding in sheet.fundings:
            total = funding.total
            if total.figure is None:
                continue
            printed = [part for part in funding.parts if part.figure is not None]
            given = sum((Interval.of(part.figure) for part in printed), ZERO)
            if given.meets(Interval.of(total.figure), context.slack):
                continue
            # a blank part may be a figure the extraction lost, and a fund not read may
            # be what is missing: only parts that exceed the total are then wrong
            short = len(printed) < len(funding.parts) or not funding.complete
            if not printed or short and given.low <= Interval.of(total.figure).high:
                continue
            named = " + ".join(f"{part.name} {part.figure}" for part in printed)
            message = say(
                "{what} {total}，而其中 {parts} = {given}，相差 {difference}{profile}",
                "{what} {total}, but its parts make {parts} = {given}, {difference} apart{profile}",
                what=funding.what,
                total=total.figure,
                parts=named,
                given=given.value,
                difference=total.figure.value - given.value,
                profile=_under(context, sheet),
            )
            where = total.place.span if total.place.cell is not None and total.place.cell.figure else total.figure.span
            yield Finding(
                where, message, tuple((part.figure.span, f"{describe(part.place)} {part.figure}") for part in printed)
            )


#: "项目综合评分92.25分，评价级次为优": an overall score and the grade it is said to earn.
_GRADED = lazy_pattern(
    r"(?P<subject>综合评分|综合得分|自评总?得分|自评总分|绩效评价得分|评价得分|总分)(?:为)?\s*"
    r"(?P<score>\d+(?:\.\d+)?)\s*分(?P<between>[^。；]{0,12}?)"
    r"(?:评价)?(?:等级|级次|级别|结果)(?:为|是)\s*[“\"「]?(?P<grade>优秀|良好|优|良|中|差)"
)
#: What makes the score another's: a year, 上年/本年, a second score, 其中.
_ANOTHER = lazy_pattern(r"\d{4}\s*年|上年|本年|去年|今年|得分|评分|其中")


#: 财预〔2020〕10号: 90 分（含）以上为优，80（含）—90 为良，60（含）—80 为中，60 以下为差.
_GRADES = (("优", Decimal(90)), ("良", Decimal(80)), ("中", Decimal(60)), ("差", Decimal(0)))


#: "85分（含）以上为优": a document's own grade band.
_BAND = lazy_pattern(r"(\d+(?:\.\d+)?)\s*分\s*(?:[（(]含[)）])?\s*以上[^。；，,]{0,6}?为\s*[“\"「]?(优|良|中)")


def _grades(context: Context) -> tuple:
    """The grade bands: 财预〔2020〕10号's, with any floor the document states itself."""
    floors = dict(_GRADES)
    for paragraph in context.document.paragraphs:
        for segment in paragraph.segments:
            text = segment.text
            if "以上" not in text or "满意" in text or not re.search(r"等级|级次|评价结果", text):
                continue
            for band in _BAND.finditer(segment.text):
                floors[band[2]] = Decimal(band[1])
    return tuple(sorted(floors.items(), key=lambda item: -item[1]))


@rule("BL509", "grade-band-mismatch", Severity.ERROR)
def grade_band_mismatch(context: Context):
    """文字所说的评价等级与同一句中的得分不符。

    检查什么："综合评分 92.25 分，评价级次为优"这样的句子，按财预〔2020〕10号的等级：90 分
    （含）以上为优，80（含）至 90 分为良，60（含）至 80 分为中，60 分以下为差，对照得分与
    所说等级；文件在说评价等级的句子里自己写明等级线的（"评价等级 85分以上为优"），按文件
    的。得分须是总的评分（综合评分、自评得分、总分、评价得分），与等级在同一行的同一句中，
    中间没有别的年份、"其中"或另一个得分。

    为什么：等级由得分决定；不符，说明得分或等级有一个写错了。

    不通过的例子::

        项目综合评分 88.5 分，评价级次为优。

    通过的例子（长沙国资委）::

        项目综合评分92.25分，评价级次为优。
    """
    grades = _grades(context)
    for paragraph in context.document.paragraphs:
        for segment in paragraph.segments:
            if "分" not in segment.text or not ("级" in segment.text or "结果" in segment.text):
                continue
            for said in _GRADED.finditer(segment.text):
                before = segment.text[max(0, said.start() - 6) : said.start()]
                if _ANOTHER.search(said["between"]) or _ANOTHER.search(before):
                    continue
                score = Decimal(said["score"])
                grade = said["grade"][0]
                earned = next(name for name, floor in grades if score >= floor)
                if earned == grade:
                    continue
                start = segment.column + said.start("grade")
                english = {"优": "excellent", "良": "good", "中": "fair", "差": "poor"}
                message = say(
                    "文字说得分 {score} 分、评价等级为{grade}，而按等级线（{bands}），{score} 分为{earned}",
                    "the text grades a score of {score} as {grade}, but by the bands ({bands_en}) {score} is "
                    "{earned_en}",
                    score=said["score"],
                    grade=said["grade"],
                    earned=earned,
                    earned_en=english[earned],
                    bands="，".join(f"{floor} 分以上为{name}" for name, floor in grades[:-1]),
                    bands_en=", ".join(f"{english[name]} from {floor}" for name, floor in grades[:-1]),
                )
                yield Finding(Span(segment.line, start, segment.line, start + len(said["grade"])), message)
