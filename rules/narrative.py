"""BL4xx: what the running text says against the figures it speaks of.

Every check recomputes a stated figure from the other figures of the same
statement with the rounding intervals of their printed precision, and reports
only when no values within those intervals can make the statement true.
Statements whose figures cannot be told for certain are never checked (see
:mod:`budgetlint.narrative.statements`).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from budgetlint.arithmetic import ZERO, Interval, half_unit, percentage, rounded_or_cut
from budgetlint.engine import Context, rule
from budgetlint.findings import Finding, Severity, say
from budgetlint.narrative import Token
from budgetlint.places import describe


def _amount(token: Token) -> Interval:
    """An amount in 万元, over its printed precision (a bare "0" is exactly zero)."""
    return Interval.of(token.figure).scaled(token.factor)


def _rate(token: Token, decimals: int | None = None) -> Interval:
    """A stated percentage: always a rounded figure, "0%" included, and rounded
    either way: to the nearest (13.3% for 13.25–13.35%) or down, as documents
    that cut the last digit, or adjust one share so that a list adds up to 100%,
    print it (13.3% for up to 13.4%)."""
    return rounded_or_cut(token.figure.value, token.figure.decimals if decimals is None else decimals)


def _shown(token: Token) -> str:
    return f"{token.figure}{token.figure.unit or ''}"


def _wan(value: Decimal, decimals: int | None = None) -> str:
    """An amount in 万元, with ``decimals`` places when given (else as computed)."""
    text = f"{value:.{decimals}f}" if decimals is not None else f"{value.normalize():f}"
    return f"{text}万元"


def _percent(value: Decimal, stated: Token) -> str:
    """A recomputed percentage, one decimal finer than the stated one."""
    places = Decimal(1).scaleb(-(stated.figure.decimals + 1))
    return f"{value.quantize(places, rounding=ROUND_HALF_UP)}%"


def _where(token: Token, note: str) -> tuple:
    return (token.figure.span, note)


def _balanced(shares: list) -> bool:
    """Do the shares of one whole, as printed, add up to exactly 100%? Then one of
    them may have been moved by one unit of its last digit to make them do so."""
    return len(shares) > 1 and sum(share.rate.figure.value for share in shares) == 100


@rule("BL401", "share-mismatch", Severity.ERROR)
def share_mismatch(context: Context):
    """文字说某数占总数的百分比，按同一段文字中的两个数重算不符。

    检查什么："基本支出 163.08 万元，占本年支出 13.3%"：部分与总数都从文字中读出；总数是
    句中"其中：""主要用于以下方面："之前的那个金额，或文中前面以该名称说出、且只有
    一个数值的金额。百分比按其印出的位数看作区间，四舍五入和舍去尾数都算（13.3% 即
    13.25%–13.4%），金额亦然；同一总数的各比例合计恰为 100% 时，再容许末位差 1（为使
    合计为 100% 而调整的尾差，即舍位平衡）。两者无法相遇才报告。找不到确定的总数时不检查。

    为什么：比例是读者最常引用的数，而按错误的基数计算、或改了金额忘了改比例，都很常见。

    不通过的例子::

        本单位2020年项目支出总计506.10万元，其中……医疗保障经办事务与基金监管专项经费
        13.65万元，占项目支出的2.59%

    13.65 ÷ 506.10 = 2.697%。

    通过的例子::

        2020 年度支出合计 1,224.48 万元。其中：基本支出 163.08 万元，占本年支出 13.3%
    """
    shares = [share for share in context.statements.shares if share.reason is None and share.whole is not None]
    lists: dict[int, list] = {}
    for share in shares:
        lists.setdefault(id(share.whole), []).append(share)
    for share in shares:
        siblings = lists[id(share.whole)]
        # "占0%" in a list printed with two decimals is 0.00%, not anything below 0.5%
        decimals = max(sibling.rate.figure.decimals for sibling in siblings)
        stated = _rate(share.rate, decimals)
        if _balanced(siblings):
            unit = half_unit(decimals) * 2
            stated = Interval(stated.value, stated.low - unit, stated.high + unit)
        computed = percentage(_amount(share.part), _amount(share.whole))
        if computed is None or computed.meets(stated):
            continue
        message = say(
            "比例 {rate} 与重算的 {computed} 不符（{part} ÷ {whole}），相差 {difference}",
            "share {rate} differs from the recomputed {computed} ({part} ÷ {whole}), {difference} apart",
            rate=share.rate.figure,
            computed=_percent(computed.value, share.rate),
            part=_shown(share.part),
            whole=_shown(share.whole),
            difference=_percent(share.rate.figure.value - computed.value, share.rate),
        )
        related = (_where(share.part, f"部分 {_shown(share.part)}"), _where(share.whole, f"总数 {_shown(share.whole)}"))
        yield Finding(share.rate.figure.span, message, related)


@rule("BL402", "completion-rate-mismatch", Severity.ERROR)
def completion_rate_mismatch(context: Context):
    """文字说的预算完成率与同一句的预算数、决算数不符。

    检查什么："年初预算为 a 万元，支出决算为 b 万元，完成年初预算的 c%"：c 应为 b ÷ a，
    各数按印出的位数看作区间。句中必须恰有一个预算数和一个决算数，且完成率说的预算
    （年初、全年）与句中的预算相同，否则不检查。预算为 0 而决算不为 0 时，任何完成率
    都说不通，也报告。

    为什么：完成率常在改了预算或决算之后忘了重算，或除错了数。

    不通过的例子（000）::

        项目全年预算数为 3 万元，执行数为 2.22 万元，完成预算的 44.5%。

    2.22 ÷ 3 = 74.0%。

    通过的例子::

        年初预算为 9.66 万元，支出决算为 9 万元，完成年初预算的 93.2%
    """
    for completion in context.statements.completions:
        if completion.reason is not None or completion.budget is None or completion.actual is None:
            continue
        budget, actual, rate = completion.budget, completion.actual, completion.rate
        related = (_where(budget, f"预算数 {_shown(budget)}"), _where(actual, f"决算数 {_shown(actual)}"))
        whole = _amount(budget)
        if whole == ZERO:
            if _amount(actual).low > 0:
                message = say(
                    "预算数为 {budget}，决算数 {actual}，完成率无从计算，文字却说完成 {rate}",
                    "budget {budget}, actual {actual}: no completion rate can be computed, yet the text says {rate}",
                    budget=_shown(budget),
                    actual=_shown(actual),
                    rate=rate.figure,
                )
                yield Finding(rate.figure.span, message, related)
            continue
        computed = percentage(_amount(actual), whole)
        if computed is None or computed.meets(_rate(rate)):
            continue
        message = say(
            "完成率 {rate} 与重算的 {computed} 不符（决算 {actual} ÷ 预算 {budget}），相差 {difference}",
            "completion rate {rate} differs from the recomputed {computed} (actual {actual} ÷ budget {budget}), "
            "{difference} apart",
            rate=rate.figure,
            computed=_percent(computed.value, rate),
            actual=_shown(actual),
            budget=_shown(budget),
            difference=_percent(rate.figure.value - computed.value, rate),
        )
        yield Finding(rate.figure.span, message, related)


_GREATER = frozenset({"大于", "高于", "超过", "多于"})
_LESS = frozenset({"小于", "低于", "少于"})


@rule("BL403", "comparison-word-contradicts", Severity.ERROR)
def comparison_word_contradicts(context: Context):
    """ "决算数大于预算数"之类的比较词与同一段的预算数、决算数相反。

    检查什么：决算数"大于/高于/超过""小于/低于""等于/持平"预算数的说法，对照同一段中
    最近一句同时写明一个预算数和一个决算数的句子。数按印出的位数看作区间，只有在
    区间内怎样取值都不能使说法成立时才报告。模板里两说并存的"小于预算数（或与预算数
    持平）"不检查。

    为什么：说明原因的句子常从模板或上一年照抄，大小说反了，原因也就说错了。

    不通过的例子::

        年初预算为 5.03 万元，支出决算为 6.32 万元，支出决算数小于年初预算数的主要原因……

    通过的例子（003）::

        年初预算为5.03万元,支出决算为6.32万元,完成年初预算的125.6%,支出决算数大于年初
        预算数的主要原因……
    """
    for comparison in context.statements.comparisons:
        completion = comparison.completion
        if comparison.reason is not None or completion is None:
            continue
        budget, actual = _amount(completion.budget), _amount(completion.actual)
        if comparison.word in _GREATER:
            wrong = actual.high <= budget.low
        elif comparison.word in _LESS:
            wrong = actual.low >= budget.high
        else:
            wrong = not actual.meets(budget)
        if not wrong:
            continue
        sentence = comparison.sentence
        difference = completion.actual.in_wan - completion.budget.in_wan
        message = say(
            "文字说决算数{word}预算数，但决算数 {actual}，预算数 {budget}，相差 {difference}",
            "the text says the actual is {word} the budget, but the actual is {actual}, the budget {budget}, "
            "{difference} apart",
            word=comparison.word,
            actual=_shown(completion.actual),
            budget=_shown(completion.budget),
            difference=_wan(difference),
        )
        yield Finding(
            sentence.span(comparison.start, comparison.end),
            message,
            (
                _where(completion.budget, f"预算数 {_shown(completion.budget)}"),
                _where(completion.actual, f"决算数 {_shown(completion.actual)}"),
            ),
        )


@rule("BL404", "growth-rate-mismatch", Severity.ERROR)
def growth_rate_mismatch(context: Context):
    """增减百分比与增减额、本年数不符：常见的是用本年数而不是上年数作基数。

    检查什么："2024 年度收入合计 1627.17 万元，与 2023 年度相比增加 393.1 万元，增长
    24.2%"：上年数 = 本年数 − 增加额（减少时 + 减少额），增长率应为增减额 ÷ 上年数；
    句中写明上年数时用写明的数。各数按印出的位数看作区间。上年数为 0 时增长率无从
    计算，写了百分比也报告。增减额与百分比方向相反（"增加 5 万元，下降 3%"）也报告。
    找不到本年数时不检查。
    百分比恰好等于增减额 ÷ 本年数时，消息指出基数用错了。

    为什么：增长率算在本年数上，会把增长说小、把下降说大；读者无从察觉。

    不通过的例子（003）::

        2024年度收入合计 1627.17万元,与 2023年度相比,收入合计各增加 393.1万元,增长 24.2%

    393.1 ÷ (1627.17 − 393.1) = 31.9%；24.2% 是 393.1 ÷ 1627.17。

    通过的例子（003）::

        机关运行经费支出13.74万元, 比年初预算数减少1.29万元,降低8.6%
    """
    for change in context.statements.changes:
        if change.rate is not None and change.rate_direction != change.direction:
            said, rated = ("增加", "下降") if change.direction > 0 else ("减少", "增长")
            message = say(
                "同一句先说{said} {change}，接着又说{rated} {rate}：增减方向自相矛盾",
                "one sentence says {said} {change}, then {rated} {rate}: the directions contradict each other",
                said=said,
                change=_shown(change.change),
                rated=rated,
                rate=change.rate.figure,
            )
            yield Finding(change.rate.figure.span, message, (_where(change.change, f"{said}额"),))
            continue
        if change.reason is not None or change.rate is None or change.current is None:
            continue
        current, amount = _amount(change.current), _amount(change.change)
        if change.prior is not None:
            prior = _amount(change.prior)
            prior_shown = _shown(change.prior)
        else:
            prior = current - amount if change.direction > 0 else current + amount
            sign = "−" if change.direction > 0 else "+"
            prior_shown = f"{_wan(prior.value)}（{_shown(change.current)} {sign} {_shown(change.change)}）"
        related = [_where(change.current, f"本年数 {_shown(change.current)}"), _where(change.change, "增减额")]
        if change.prior is not None:
            related.append(_where(change.prior, f"上年数 {_shown(change.prior)}"))
        if prior.value == 0 and (prior == ZERO or change.current.in_wan == change.change.in_wan):
            if amount.low > 0:
                message = say(
                    "上年数为 0（{prior}），增减百分比无从计算，文字却写 {rate}",
                    "the prior year's figure is 0 ({prior}): no rate of change can be computed, "
                    "yet the text says {rate}",
                    prior=prior_shown,
                    rate=change.rate.figure,
                )
                yield Finding(change.rate.figure.span, message, tuple(related))
            continue
        computed = percentage(amount, prior)
        stated = _rate(change.rate)
        if computed is None or computed.meets(stated):
            continue
        on_current = percentage(amount, current)
        wrong_base = on_current is not None and on_current.meets(stated)
        message = say(
            "增减百分比 {rate} 与重算的 {computed} 不符（{change} ÷ 上年数 {prior}）"
            + ("；{rate} 是以本年数 {current} 为基数算出的，基数应为上年数" if wrong_base else ""),
            "rate of change {rate} differs from the recomputed {computed} ({change} ÷ prior year {prior})"
            + (
                "; {rate} was computed on this year's {current}, the base should be the prior year"
                if wrong_base
                else ""
            ),
            rate=change.rate.figure,
            computed=_percent(computed.value, change.rate),
            change=_shown(change.change),
            prior=prior_shown,
            current=_shown(change.current),
        )
        yield Finding(change.rate.figure.span, message, tuple(related))


@rule("BL405", "change-amount-mismatch", Severity.ERROR)
def change_amount_mismatch(context: Context):
    """句中写明了本年数和上年数，增减额却不等于两者之差。

    检查什么："2020年机关运行经费支出22.13万元，2019年机关运行经费支出22.95万元，比2019年
    减少0.82万元"：本年数 − 上年数应等于增加额（或减少额的相反数），按印出的位数看作区间。

    为什么：两年的数各自照表填写，差额却常是手算的。

    不通过的例子::

        2020年支出22.13万元，2019年支出22.95万元，比2019年减少0.92万元

    通过的例子（001）::

        2020年机关运行经费支出22.13万元，2019年机关运行经费支出22.95万元，比2019年减少0.82万元
    """
    for change in context.statements.changes:
        if change.reason is not None or change.prior is None or change.current is None:
            continue
        difference = _amount(change.current) - _amount(change.prior)
        stated = _amount(change.change)
        stated = stated if change.direction > 0 else -stated
        if difference.meets(stated):
            continue
        word = "增加" if change.direction > 0 else "减少"
        message = say(
            "{word}额 {change} 与本年数 {current} − 上年数 {prior} = {difference} 不符",
            "the {word_en} {change} differs from this year's {current} − the prior year's {prior} = {difference}",
            word=word,
            word_en="increase" if change.direction > 0 else "decrease",
            change=_shown(change.change),
            current=_shown(change.current),
            prior=_shown(change.prior),
            difference=_wan(difference.value),
        )
        yield Finding(
            change.change.figure.span,
            message,
            (
                _where(change.current, f"本年数 {_shown(change.current)}"),
                _where(change.prior, f"上年数 {_shown(change.prior)}"),
            ),
        )


@rule("BL406", "parts-do-not-add-up", Severity.ERROR)
def parts_do_not_add_up(context: Context):
    """文字列出的各组成部分之和不等于它们所组成的总数。

    检查什么：只看分类规定了组成的总数："基本支出 … 其中：人员经费 a，公用经费 b"、
    "政府采购支出总额 … 其中：货物 a、工程 b、服务 c"、"三公经费 … 因公出国（境）费、公务用车
    购置及运行费、公务接待费"、"公务用车购置及运行费 … 购置费、运行费"。各部分必须齐全，
    每个部分只出现一次；和与总数按印出的位数看作区间。

    为什么：总数和各部分往往取自不同的表，一处改了另一处没改。

    不通过的例子::

        政府采购支出总额 19.05 万元，其中：政府采购货物支出 0.18 万元、政府采购工程支出 0 万元、
        政府采购服务支出 18.78 万元。

    通过的例子（003）::

        政府采购支出总额 19.05 万元，其中：政府采购货物支出 0.18 万元、政府采购工程支出 0 万元、
        政府采购服务支出 18.87 万元。
    """
    for enumeration in context.statements.enumerations:
        whole = _amount(enumeration.whole)
        total = ZERO
        for part in enumeration.parts:
            total = total + _amount(part)
        if whole.meets(total):
            continue
        parts = " + ".join(_shown(part) for part in enumeration.parts)
        message = say(
            "{name} {whole} 与所列各部分之和 {total}（{parts}）不符，相差 {difference}",
            "{name} {whole} differs from the sum of the parts listed, {total} ({parts}), {difference} apart",
            name=enumeration.name,
            whole=_shown(enumeration.whole),
            total=_wan(total.value),
            parts=parts,
            difference=_wan(enumeration.whole.in_wan - total.value),
        )
        related = tuple(_where(part, f"部分 {_shown(part)}") for part in enumeration.parts)
        yield Finding(enumeration.whole.figure.span, message, related)


_TEN_THOUSAND = Decimal(10000)


@rule("BL407", "amount-differs-from-table", Severity.ERROR)
def amount_differs_from_table(context: Context):
    """文字中的金额与表中同一数字不符。

    检查什么：说明部分中名称确指汇总表某一行的金额：决算的"收支总计""收入合计""支出合计"
    "一般公共预算财政拨款收入"等对照收入支出决算总表，预算的"收支总预算""收入预算""支出预算"
    对照部门收支总表，"三公"经费及其各项、机关运行经费对照"三公"经费表中印出该项的一格（决算只对照
    说明是决算数的金额）（例子中表格各栏以制表符分隔）。名称前若有限定（"财政拨款收、支总计""本级支出合计""某项目支出合计"），或
    句中说的是别的年度，则不对照：说的是部分，不能与全部比较。一个名称可能指两行时（"收入预算"
    是本年收入合计还是收入总计），与任何一行相符都不报告。按印出的位数看作区间比较。

    为什么：说明中的数是从表里抄过去的，改了表忘了改说明，或者抄错一位，读者看到两个数。

    不通过的例子::

        2020年度收入支出决算总表
        单位：万元
        项目            行次    金额
        本年收入合计    1       1,224.48
        总计            2       1,224.48

        2020 年度收入合计 1,242.48 万元。

    通过的例子::

        2020年度收入支出决算总表
        单位：万元
        项目            行次    金额
        本年收入合计    1       1,224.48
        总计            2       1,224.48

        2020 年度收入合计 1,224.48 万元。
    """
    for tie in context.ties:
        token = tie.amount.token
        stated = _amount(token)
        cells = [(place, place.interval.scaled(tie.factor)) for place in tie.places if place.cell and place.cell.figure]
        if not cells or len(cells) != len(tie.places):
            continue
        if any(stated.meets(cell, context.slack) for _, cell in cells):
            continue
        if any(stated.scaled(_TEN_THOUSAND).meets(cell) for _, cell in cells):
            continue  # the table's unit is not what it says: not this rule's business
        place, cell = cells[0]
        shown = ", ".join(f"{describe(p)} {p.shown}" for p, _ in cells)
        message = say(
            "文字说「{subject}」{said}，表中为 {table}，相差 {difference}",
            "the text gives {subject} as {said}, the table {table}, {difference} apart",
            subject=tie.amount.subject,
            said=_shown(token),
            table=shown,
            difference=_wan(token.in_wan - cell.value, max(token.figure.decimals, 2)),
        )
        yield Finding(token.figure.span, message, tuple((p.span, f"{describe(p)} {p.shown}") for p, _ in cells))


@rule("BL408", "wrong-prior-year", Severity.WARNING)
def wrong_prior_year(context: Context):
    """比较的上年写错了：与之相比的年份不是所说年度的前一年。

    检查什么："比 2019 年预算增加""与 2023 年度相比"中的年份，应是句中先说的年度（"2021 年
    一般公共预算支出预算……"）的前一年；句中没有先说年度时，应是本文件所属年度（多数表格
    标题所写的年度）的前一年。早于前一年的才报告。

    为什么：预算和决算都与上一年比较。年份写成前两年，多半是照抄往年文本时漏改，增减额
    和增减率也就无从核对。

    不通过的例子（004，2021 年预算）::

        2021 年一般公共预算支出预算 2,245.15 万元，比 2019 年预算增加 0 万元。

    通过的例子::

        2021 年一般公共预算支出预算 2,245.15 万元，比 2020 年预算增加 0 万元。
    """
    year = context.document.year
    for prior in context.statements.prior_years:
        own = int(prior.own.figure.value) if prior.own is not None else year
        if own is None:
            continue
        stated = int(prior.year.figure.value)
        if stated >= own - 1:
            continue
        if prior.own is not None:
            said = say("句中说的是 {own} 年", "the sentence speaks of {own}", own=own)
            related = ((prior.own.figure.span, f"所说的年度 {own}"),)
        else:
            said, related = say("本文件是 {own} 年的", "this document is of {own}", own=own), ()
        message = say(
            "{said}，却与 {stated} 年比较：上一年应是 {prior} 年",
            "{said}, yet compares with {stated}: the prior year is {prior}",
            said=said,
            stated=stated,
            prior=own - 1,
        )
        yield Finding(prior.year.figure.span, message, related)


@rule("BL409", "product-mismatch", Severity.ERROR)
def product_mismatch(context: Context):
    """数量乘以单价（标准）与文字说的总额不符。

    检查什么：同一句中只有一个"每人 x 元"（或"x 元/人"）的标准、只有一个同一单位的数量
    （"53000人"），其后第一个金额就是这句话说的总额："按照享受财政补助人数53000人、补助标准
    每人33.50元计算，……计划资金180.00万元"。数量是确数，标准和总额按印出的位数看作区间。
    句中有几个标准或几个数量时不检查。

    为什么：按标准测算的资金常在改了人数或标准之后忘了重算；算式就写在句子里，读者可以
    复核，也就最容易被指出。

    不通过的例子（001）::

        按照享受财政补助人数53000人、补助标准每人33.50元计算，2020统筹年度城乡居民医保区级
        财政补助计划资金180.00万元。

    53000 × 33.50 元 = 177.55 万元。

    通过的例子（001）::

        完成2020统筹年度城乡居民医保参保人数50402人，区级财政补助标准每人30.50元，需要该项资金
        153.73万元。
    """
    for product in context.statements.products:
        quantity, rate, total = product.quantity, product.rate, product.total
        count = quantity.figure.value
        computed = _amount(rate).scaled(count)
        stated = _amount(total)
        if computed.meets(stated, context.slack):
            continue
        message = say(
            "{quantity}{unit} × 每{unit} {rate} = {computed}，文字却说 {total}，相差 {difference}",
            "{quantity}{unit} × {rate} per {unit} = {computed}, yet the text says {total}, {difference} apart",
            quantity=quantity.figure,
            unit=product.unit,
            rate=_shown(rate),
            computed=_wan(computed.value, 2),
            total=_shown(total),
            difference=_wan(total.in_wan - computed.value, 2),
        )
        related = (_where(quantity, f"数量 {quantity.figure}{product.unit}"), _where(rate, f"标准 {_shown(rate)}"))
        yield Finding(total.figure.span, message, related)


@rule("BL410", "unit-restatement-mismatch", Severity.ERROR)
def unit_restatement_mismatch(context: Context):
    """同一金额换一种单位在括号里再说一遍，两者不相等。

    检查什么："15000元（1.5万元）""1.5万元（15000元）"：括号前后是同一个金额的两种单位（元、
    万元、亿元、千元），换算后按各自印出的位数看作区间，不能相遇才报告。

    为什么：换算时多一个零、少一个零，或改了一处忘了另一处，读者不知道该信哪一个。

    不通过的例子::

        市本级离休干部缴费标准为15000元（15万元）。

    通过的例子::

        市本级离休干部缴费标准为15000元（1.5万元）。
    """
    for item in context.statements.restatements:
        first, again = _amount(item.first), _amount(item.again)
        if first.meets(again, context.slack):
            continue
        message = say(
            "{first} 即 {in_wan}，括号里却写 {again}",
            "{first} is {in_wan}, yet the brackets say {again}",
            first=_shown(item.first),
            in_wan=_wan(item.first.in_wan),
            again=_shown(item.again),
        )
        yield Finding(item.again.figure.span, message, (_where(item.first, f"原数 {_shown(item.first)}"),))
