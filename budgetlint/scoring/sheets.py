"""A 绩效自评表 as a model: what its figures are, not where they stand.

The reader gives a sheet as a grid whose cells often shift left where the
sheet merges cells, so the model reads each row by what it holds rather than
by column: a budget line is a row naming a fund (年度财政资金总额, 当年财政拨款 …)
followed by its amounts, rate and score; an indicator is a row between the
indicator header (一级指标 二级指标 …) and 总分 whose last figure is its score.
What cannot be read for certain (a score cell
printing two numbers, a budget line whose figures are not amount, amount, rate,
score) is kept as a reason and checked by nobody.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..arithmetic import Interval
from ..figures import find_numbers
from ..lazy import lazy_pattern
from ..model import Cell, Figure, Row, Table
from ..places import Place
from ..records import record
from ..text import unspaced
from .funds import Funding, line_fundings
from .weights import Weight, read_weights

__all__ = ["Execution", "Indicator", "Sheet", "read_listing", "read_sheet", "read_summary"]

#: The funds a budget line of a sheet names.
_FUND_LINE = lazy_pattern(r"资金总额|支出总额|当年财政拨款|财政资金|上年结转|其他资金|财政拨款")
_INDICATOR_HEADER = lazy_pattern(r"一级\s*指标")
_TOTAL = lazy_pattern(r"^总\s*分$|^自评总?得分$|^合\s*计\s*得\s*分$")
BARE_NUMBER = lazy_pattern(r"^\s*\d+(?:\.\d+)?\s*$")
#: "得分 (20分*执行率)": the points the budget execution is worth.
_EXECUTION_POINTS = lazy_pattern(
    r"(\d+)\s*分\s*[*×xX]\s*执行率|预算执行[^（(]*(?:[（(][^）)]*[)）])*\s*[（(]\s*(\d+)\s*分"
)


@record
class Execution:
    """A budget line: 预算数 (A), 执行数 (B), 执行率 and its 得分."""

    name: str
    budget: Place
    spent: Place
    rate: Place | None
    score: Place | None
    #: The line's own 分值 (Sichuan's sheets give each fund its points).
    points: Place | None = None
    #: What the budget cell says was cut or added during the year
    #: ("190.27（追减21.05，结转5.04）": −21.05): 执行率 is taken on the budget after it.
    adjustment: Decimal = Decimal(0)
    #: The budget as printed: the cell's figure, or the first number of a cell that
    #: prints its adjustments beside it (190.27). None: ``budget``'s own figure.
    budget_figure: Figure | None = None
    #: Other budgets the row prints (预算到位 beside 预算批复): a rate on any of them is
    #: not a contradiction.
    other_budgets: tuple[Place, ...] = ()

    @property
    def printed_budget_figure(self) -> Figure | None:
        return self.budget_figure or self.budget.cell.figure

    @property
    def printed_budget(self) -> Interval:
        """The budget as printed, before the adjustments its cell states."""
        return Interval.of(self.budget_figure or self.budget.cell.figure)

    @property
    def denominator(self) -> Interval:
        """The budget 执行率 is computed on: the printed one after its adjustments."""
        return self.printed_budget.shifted(self.adjustment)


@record
class Indicator:
    """A third-level indicator's row and its score (None when not readable)."""

    name: str
    row: Row
    score: Place | None
    #: Its own 分值, where the sheet prints one per indicator (Sichuan).
    points: Place | None = None
    #: Its 实际完成值 (the cell before its 分值 or 得分), where one is printed.
    actual: Place | None = None


@record
class Sheet:
    table: Table
    #: The points budget execution is worth (20 in Hubei's sheets), if printed.
    points: Decimal | None
    executions: tuple[Execution, ...]
    indicators: tuple[Indicator, ...]
    total: Place | None
    #: The 项目名称 the sheet prints (None for a whole-department sheet).
    project: str | None = None
    #: "湖北" (a points-per-execution header, indicators scored under weighted labels) or
    #: "四川" (every line and indicator with its own 分值 and 得分, 总分 of both).
    style: str = "湖北"
    #: The 总分 row's 分值, where it prints one (Sichuan).
    total_points: Place | None = None
    #: Why part of the sheet was not read (each is a sheet figure left unchecked).
    unread: tuple[str, ...] = ()
    #: The weights printed in its labels ("产出指标 (40分)"), in reading order.
    weights: tuple[Weight, ...] = ()
    #: The total its indicators' weights are declared to make ("分值权重（90分）").
    declared: Weight | None = None
    #: Its money blocks: 年度资金总额 and its parts, per column.
    fundings: tuple[Funding, ...] = ()


#: "190.27（追减21.05，结转5.04）": a budget and the changes made to it in the year.
_ADJUSTED = lazy_pattern(r"^\s*[\d,]+(?:\.\d+)?\s*[（(]([^)）]*)[)）]\s*$")
_CHANGE = lazy_pattern(r"(追减|调减|追加|调增)\s*([\d,]+(?:\.\d+)?)")


def _budget_cell(cell: Cell | None) -> tuple[Figure | None, Decimal]:
    """A budget cell's figure and the signed sum of the 追减/追加 it states:
    "190.27（追减21.05，结转5.04）" is 190.27 and −21.05 (结转 changes nothing).
    (None, 0) when the cell prints neither a figure nor a budget with its changes."""
    if cell is not None and cell.figure is not None:
        return cell.figure, Decimal(0)
    found = _ADJUSTED.match(cell.text) if cell is not None else None
    if not found:
        return None, Decimal(0)
    first = find_numbers(cell.text)[0]
    change = Decimal(0)
    for word, amount in _CHANGE.findall(found[1]):
        value = Decimal(amount.replace(",", ""))
        change += -value if word in ("追减", "调减") else value
    return Figure(first.value, first.decimals, first.percent, cell.span), change


def _column(table: Table, *names: str):
    """The index of the first column whose header (without blanks) is one of ``names``."""
    for name in names:
        for column in table.columns:
            if re.sub(r"\s+|\(.*?\)|（.*?）", "", column.header or "") == name:
                return column.index
    return None


_SICHUAN_LINE = ("全年预算数", "全年执行数", "执行率", "得分", "分值")


def _sichuan(table: Table, row: Row, unread: list[str], columns: list) -> Execution | None:
    """A budget line of a sheet that prints 年初预算数 / 全年预算数 / 全年执行数 / 分值 /
    执行率 / 得分 as ``columns`` (seed 001): read by column."""
    first = next((cell.text for cell in row.cells[:1] if cell is not None), "")
    label = row.label if _FUND_LINE.search(row.label) else first
    if not _FUND_LINE.search(label):
        return None
    budget, spent, rate, score, points = (None if i is None else Place(table, row, table.columns[i]) for i in columns)
    figure, adjustment = _budget_cell(budget.cell)
    if figure is None or not _is_amount(spent.cell):
        unread.append(f"第 {row.line} 行「{label}」的预算数或执行数读不出")
        return None
    name = re.sub(r"^其中[：:]", "", label.strip())
    rate, score, points = _printing(rate, True), _printing(score, False), _printing(points, False)
    return Execution(name, budget, spent, rate, score, points, adjustment, figure)


def _printing(place: Place | None, percent: bool) -> Place | None:
    """``place`` if it prints a figure (a percentage or not, as asked), else None."""
    cell = place.cell if place is not None else None
    return place if cell is not None and cell.figure is not None and cell.figure.percent == percent else None


def _texts(table: Table) -> str:
    return " ".join(filter(None, (c.header for c in table.columns)))


def _points(table: Table) -> Decimal | None:
    texts = (
        [_texts(table)]
        + [row.label for row in table.rows]
        + [cell.text for row in table.rows[:8] for cell in row.cells if cell is not None]
    )
    for text in texts:
        found = _EXECUTION_POINTS.search(text or "")
        if found:
            return Decimal(found[1] or found[2])
    return None


def _places(table: Table, row: Row) -> list[Place]:
    return [Place(table, row, column) for column in table.columns if row.cell(column.index) is not None]


def _is_amount(cell: Cell | None) -> bool:
    return cell is not None and cell.figure is not None and not cell.figure.percent


def _execution(table: Table, row: Row, unread: list[str]) -> Execution | None:
    places = _places(table, row)
    for i, place in enumerate(places):
        if place.cell.figure is None and _FUND_LINE.search(place.cell.text):
            name, figures = place.cell.text, places[i + 1 :]
            break
    else:
        if not _FUND_LINE.search(row.label):
            return None
        name, figures = row.label, places
    figures = [p for p in figures if p.cell.text.strip()]
    if len(figures) < 2:
        return None
    kinds = [
        "rate" if p.cell.figure is not None and p.cell.figure.percent else "amount" if _is_amount(p.cell) else "text"
        for p in figures
    ]
    if kinds[:2] != ["amount", "amount"] or "text" in kinds[:4] or kinds[2:3] not in ([], ["rate"]):
        unread.append(f"第 {row.line} 行「{name}」的数字不是 预算数、执行数、执行率、得分")
        return None
    rate = figures[2] if len(figures) > 2 else None
    score = figures[3] if len(figures) > 3 and kinds[3] == "amount" else None
    return Execution(name, figures[0], figures[1], rate, score)


def _score(table: Table, row: Row) -> tuple[Place | None, Place | None, bool]:
    """The row's score (its last cell that prints a bare number), the cell just before
    it (the 实际完成值; None when blank) and whether the score is readable: a last cell
    printing two numbers ("2.5 6") is not."""
    places = [p for p in _places(table, row) if p.cell.text.strip()]
    if not places:
        return None, None, True
    last = places[-1]
    if BARE_NUMBER.match(last.cell.text) and last.cell.figure is not None:
        index = last.column.index - 1
        before = row.cell(index) if index >= 0 else None
        actual = Place(table, row, table.columns[index]) if before is not None and before.text.strip() else None
        return last, actual, True
    if re.fullmatch(r"\s*\d+(?:\.\d+)?(?:\s+\d+(?:\.\d+)?)+\s*", last.cell.text):
        return None, None, False
    return None, None, True


def read_sheet(table: Table) -> Sheet:
    unread: list[str] = []
    executions, indicators = [], []
    total = total_points = None
    in_indicators = False
    lines_unread = None  # whether a budget line was left unread (its funds then do not add up)
    other_money = False
    width = 0
    project = None
    columns = [_column(table, name) for name in _SICHUAN_LINE]
    sichuan = None not in columns[:2]
    for row in table.rows:
        if project is None and unspaced(row.label) == "项目名称":
            project = next((cell.text.strip() for cell in row.cells if cell is not None and cell.text.strip()), None)
        texts = [row.label] + [cell.text for cell in row.cells if cell is not None]
        if _TOTAL.match(row.label.strip() or (texts[1] if len(texts) > 1 else "")):
            figures = [p for p in _places(table, row) if _is_amount(p.cell)]
            if sichuan and len(figures) == 2:
                total_points, total = figures
            elif not sichuan:
                total = figures[0] if figures else None
            in_indicators = False
            continue
        if any(_INDICATOR_HEADER.search(text or "") for text in texts):
            if lines_unread is None:
                lines_unread = bool(unread)
            in_indicators = True
            width = sum(1 for text in texts if text and text.strip())
            continue
        if not in_indicators:
            found = _sichuan(table, row, unread, columns) if sichuan else _execution(table, row, unread)
            if found is not None:
                executions.append(found)
            elif sichuan and _is_amount(row.cell(columns[0])):
                other_money = True  # money on a line no fund name was read for ("单位自筹资金")
            continue
        if sum(1 for text in texts if text and text.strip()) > width:
            unread.append(f"第 {row.line} 行的格数多于指标表头（两行并成了一行，或一格被拆开）")
            continue
        if sichuan:
            _sichuan_indicator(table, row, indicators, unread)
            continue
        score, actual, readable = _score(table, row)
        if not readable:
            unread.append(f"第 {row.line} 行的得分格印有几个数")
            indicators.append(Indicator(row.label, row, None))
        elif score is not None:
            indicators.append(Indicator(row.label, row, score, actual=actual))
    return Sheet(
        table,
        _points(table),
        tuple(executions),
        tuple(indicators),
        total,
        project,
        "四川" if sichuan else "湖北",
        total_points,
        tuple(unread),
        weights=() if sichuan else read_weights(list(table.rows)),
        fundings=_money_lines(table, executions, columns, lines_unread, other_money) if sichuan else (),
    )


def _money_lines(table: Table, executions: list, columns: list, lines_unread: bool | None, other_money: bool):
    """A Sichuan sheet's money blocks, once its indicator header is reached; complete when
    every money line was read as a fund line."""
    if lines_unread is None:
        return ()
    at = {"年初预算数": _column(table, "年初预算数"), "全年预算数": columns[0], "全年执行数": columns[1]}
    return line_fundings(table, executions, at, not lines_unread and not other_money)


#: A row that only names a level of indicators ("产出指标", "社会效益|指标").
_LEVEL_ONLY = lazy_pattern(r"^[\u4e00-\u9fff]{0,8}指标$")


def _sichuan_indicator(table: Table, row: Row, indicators: list, unread: list[str]) -> None:
    """An indicator of a Sichuan sheet: its last two adjacent bare numbers are its 分值
    and 得分 (a 偏差原因 may follow). A row with indicator text and no such pair has
    lost its figures, and the sheet's sums are then not checked."""
    places = [p for p in _places(table, row) if p.cell.text.strip()]
    numbers = [i for i, p in enumerate(places) if BARE_NUMBER.match(p.cell.text) and p.cell.figure is not None]
    if len(numbers) >= 2 and numbers[-1] == numbers[-2] + 1:
        points, score = places[numbers[-2]], places[numbers[-1]]
        actual = places[numbers[-2] - 1] if numbers[-2] > 0 else None
        indicators.append(Indicator(row.label, row, score, points, actual))
        return
    words = [p.cell.text for p in places] + [row.label]
    if sum(1 for text in words if text.strip() and not _LEVEL_ONLY.match(unspaced(text))) >= 2:
        unread.append(f"第 {row.line} 行的指标没有读出分值和得分")


_SUMMARY_TOTAL = lazy_pattern(r"^(?:综合绩效|合计|总分|综合得分)$")


def read_summary(table: Table) -> Sheet | None:
    """A score summary (评价指标 / 权重 / 标准分值 / 自评得分, 综合绩效 last; 002's
    考核评分表: 二级标准 / 分值 / 计分标准 / 评分, 合计 last): each
    top-level row is an indicator with its points and score. The rows under
    "其中：" are its parts, read only to be skipped: they must close their parent
    exactly (8 + 8 of 16), or the summary is left unchecked."""
    points_at = _column(table, "标准分值", "评级分值", "分值")
    score_at = next((c.index for c in table.columns if re.search(r"得分|^评分$", c.header or "")), None)
    if points_at is None or score_at is None:
        return None
    indicators, unread = [], []
    total = total_points = None
    left: Decimal | None = None  # the parent's points its 其中 parts have still to make up
    for row in table.rows:
        points = _printing(Place(table, row, table.columns[points_at]), False)
        score = _printing(Place(table, row, table.columns[score_at]), False)
        label = unspaced(row.label)
        if _SUMMARY_TOTAL.match(label):
            total, total_points = score, points
            break
        if points is None or score is None:
            unread.append(f"第 {row.line} 行没有读出标准分值和得分")
            continue
        if label.startswith("其中") and indicators:
            left = indicators[-1].points.cell.figure.value
        if left is not None and left > 0:
            left -= points.cell.figure.value
            continue
        if left is not None and left != 0:
            unread.append(f"第 {row.line} 行之前的「其中」各项分值加起来不等于上级指标")
        left = None
        indicators.append(Indicator(row.label, row, score, points))
    if left:
        unread.append("「其中」各项分值加起来不等于上级指标")
    return Sheet(table, None, (), tuple(indicators), total, None, "汇总", total_points, tuple(unread))


_LISTED_BUDGET = lazy_pattern(r"^(预算批复|预算到位|预算数|全年预算数?|调整预算数?|年初预算数?)$")
_LISTED_SPENT = lazy_pattern(r"^(实际执行|执行数|实际支出|支出数|全年执行数)$")


def read_listing(table: Table) -> Sheet | None:
    """A table of projects with their budget, spending and 执行率 as columns
    (长沙's 项目支出情况表: 预算批复 / 预算到位 / 实际执行 / 执行率): every row is a budget
    line; 执行率 may be taken on any of its budget columns."""
    # the header is the columns' own, or a row of the table's first few (seen: 长沙)
    candidates = [(-1, [column.header for column in table.columns])]
    candidates += [(at, [cell.text if cell else None for cell in row.cells]) for at, row in enumerate(table.rows[:3])]
    for at, texts in candidates:  # noqa: B007 (the header found is the one the loop stops at)
        headers = [(index, unspaced(text or "")) for index, text in enumerate(texts)]
        budgets = [index for index, header in headers if _LISTED_BUDGET.match(header)]
        spent = next((index for index, header in headers if _LISTED_SPENT.match(header)), None)
        rate = next((index for index, header in headers if header == "执行率"), None)
        if budgets and spent is not None and rate is not None:
            break
    else:
        return None
    # every other amount column left of the spending may be the budget a rate is taken on
    # (调整后预算数, 预算安排数 …): a rate on any of them is not a contradiction
    others = [index for index in range(spent) if index not in budgets[:1]]
    lines = []
    for row in table.rows[at + 1 :]:
        first = Place(table, row, table.columns[budgets[0]])
        spending, printed = Place(table, row, table.columns[spent]), Place(table, row, table.columns[rate])
        if not (_is_amount(first.cell) and _is_amount(spending.cell)):
            continue
        alternatives = tuple(
            place for place in (Place(table, row, table.columns[index]) for index in others) if _is_amount(place.cell)
        )
        line = Execution(_project(row), first, spending, _printing(printed, True), None, other_budgets=alternatives)
        lines.append(line)
    return Sheet(table, None, tuple(lines), (), None, style="项目表") if lines else None


def _project(row: Row) -> str:
    """A project row's name: its label, unless that is a 序号 ("1", "三"), then its first words."""
    if row.label.strip() and not re.fullmatch(r"\s*[\d一二三四五六七八九十]+[、.．]?\s*", row.label):
        return row.label.strip()
    return next((c.text.strip() for c in row.cells if c is not None and c.text.strip() and c.figure is None), row.label)
