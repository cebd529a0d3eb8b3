"""BL5xx, the 绩效自评 score sheets: on seed 000's seven Hubei sheets (all
consistent: silent), on each of their figures changed, and on generated sheets
(a sheet that follows the 20-point profile is silent, one changed figure is found)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from conftest import SEEDS
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import budgetlint
from budgetlint.scoring import read_sheets


def test_the_sheets_of_seed_000_are_read_and_consistent():
    sheets = read_sheets(budgetlint.read_path(SEEDS["000"]))
    lines = [
        (s.table.line, s.points, [(e.budget.shown, e.spent.shown, e.rate.shown, e.score.shown) for e in s.executions])
        for s in sheets
    ]
    assert lines[:3] == [
        (538, 20, [("1027", "784.29", "76.37%", "15.27")]),
        (568, 20, [("48.28", "24.71", "51.2%", "10.24")]),
        (597, 20, [("5", "2.22", "44.45%", "8.89")]),  # 2.22 stands for 2.215–2.225: 44.45% holds
    ]
    totals = [s.total.shown for s in sheets if s.style == "湖北"]
    assert totals == ["95.27", "90.24", "80.71", "92.72", "100", "94.4", "91.2", "95.05"]
    assert sheets[2].unread == ("第 612 行的得分格印有几个数",)  # "2.5 6": its total is not checked
    for name in ("000", "002", "003", "004"):
        assert budgetlint.lint_file(SEEDS[name], select=["BL501", "BL502", "BL505"]) == []


def _changed(old: str, new: str):
    text = SEEDS["000"].read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    return [(d.code, d.line) for d in budgetlint.lint_text(text.replace(old, new), select=["BL501", "BL502", "BL505"])]


def test_each_figure_of_a_seed_sheet_changed_is_found():
    # the score still follows 执行数 ÷ 预算数: only the rate is wrong
    assert _changed("784.29\t76.37%", "784.29\t74.37%") == [("BL501", 548)]
    assert _changed("76.37%\t15.27", "76.37%\t16.27") == [("BL502", 548), ("BL505", 564)]
    assert _changed("总分\t95.27", "总分\t96.27") == [("BL505", 564)]
    assert _changed("1027\t784.29", "1072\t784.29") == [("BL501", 548)]
    # the score follows the printed rate: 20 × 51.2% (24.71 ÷ 48.28 = 51.18%, rounded) = 10.24
    assert _changed("51.2%\t10.24", "51.2%\t10.42") == [("BL502", 578), ("BL505", 593)]


def _sheet(budget: Decimal, spent: Decimal, scores: list[int], rate=None, score=None, total=None) -> str:
    cent = Decimal("0.01")
    rate = rate if rate is not None else (spent / budget * 100).quantize(cent, ROUND_HALF_UP)
    score = score if score is not None else (min(rate, Decimal(100)) * 20 / 100).quantize(cent, ROUND_HALF_UP)
    total = total if total is not None else score + sum(scores)
    rows = "".join(f"\t\t\t指标{i}\t100%\t100%\t{value}\n" for i, value in enumerate(scores, 1))
    return (
        "2020 年度某某项目自评表\n\n单位名称：某局\n\n项目名称\t某项目\t\t\t\t\n"
        "预算执行情况 (万元) (20分)\t\t预算数 (A)\t执行数 (B)\t执行率 (B/A)\t得分 (20分*执行率)\t\n"
        f"\t年度财政资金总额\t{budget}\t{spent}\t{rate}%\t{score}\t\n"
        "年度绩效目标 (80分)\t一级指标\t二级指标\t三级指标\t年初目标值 (A)\t实际完成值 (B)\t得分\n"
        f"{rows}总分\t{total}\t\t\t\t\n"
    )


_amounts = st.decimals(min_value=1, max_value=9999, places=2)


@settings(max_examples=60, deadline=None)
@given(
    _amounts,
    st.decimals(min_value=Decimal("0.2"), max_value=1, places=3),
    st.lists(st.integers(0, 10), min_size=1, max_size=8),
)
def test_a_generated_sheet_is_silent_and_one_changed_figure_is_found(budget, share, scores):
    spent = (budget * share).quantize(Decimal("0.01"))
    assume(spent > 0)
    text = _sheet(budget, spent, scores)
    assert [s.executions for s in read_sheets(budgetlint.read_text(text))][0], text
    assert budgetlint.lint_text(text, select=["BL5"]) == []
    rate = (spent / budget * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    score = (min(rate, Decimal(100)) * 20 / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    codes = lambda text: [d.code for d in budgetlint.lint_text(text, select=["BL5"])]  # noqa: E731
    assert "BL501" in codes(_sheet(budget, spent, scores, rate=rate + 2))
    assert codes(_sheet(budget, spent, scores, score=score + 1, total=score + sum(scores))) == ["BL502", "BL505"]
    assert codes(_sheet(budget, spent, scores, total=score + sum(scores) + 1)) == ["BL505"]
    changed = scores[:-1] + [scores[-1] + 1]
    assert codes(_sheet(budget, spent, changed, total=score + sum(scores))) == ["BL505"]


def test_a_project_restated_with_another_budget_than_its_sheet():
    """000 says 政府买岗经费's budget is 3 万元 (line 445); its sheet (line 607) says 5.
    The six other projects restate their sheets truthfully (76.4% for 76.37% included)."""
    (found,) = budgetlint.lint_file(SEEDS["000"], select=["BL506"])
    assert (found.line, found.column) == (445, 28)
    assert "政府买岗经费" in found.message and "3万元" in found.message and "5万元" in found.message
    assert [(r.line, r.column) for r in found.related] == [(607, 12)]
    text = SEEDS["000"].read_text(encoding="utf-8")
    fixed = text.replace("项目全年预算数为 3 万元，执行数为 2.22 万元", "项目全年预算数为 5 万元，执行数为 2.22 万元")
    assert budgetlint.lint_text(fixed, select=["BL506"]) == []
    for old, new in (("执行数为 784.29 万元", "执行数为 748.29 万元"), ("完成预算的 72.0%", "完成预算的 27.0%")):
        assert text.count(old) == 1
        (found,) = budgetlint.lint_text(fixed.replace(old, new), select=["BL506"])
        assert new.split(" ")[1] in found.message


def test_sichuan_sheets_take_the_rate_on_the_budget_after_its_adjustments():
    """001 prints 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分, and writes the
    year's cuts in the budget cell: 164.18 ÷ (190.27 − 21.05) = 97.02% holds, while the
    当年财政拨款 line says 96.99% for 158.95 ÷ (185.04 − 21.05) = 96.93% (printed twice)."""
    sheets = read_sheets(budgetlint.read_path(SEEDS["001"]))
    first = sheets[0].executions
    assert [(e.name, e.printed_budget.value, e.adjustment, e.denominator.value, e.points.shown) for e in first][:2] == [
        ("年度资金总额", Decimal("190.27"), Decimal("-21.05"), Decimal("169.22"), "10"),
        ("当年财政拨款", Decimal("185.04"), Decimal("-21.05"), Decimal("163.99"), "10"),
    ]
    assert sum(len(s.executions) for s in sheets) == 24
    assert [bool(s.unread) for s in sheets] == [False, False, False, False, True, False]  # see below
    found = budgetlint.lint_file(SEEDS["001"], select=["BL5"])
    assert [(d.code, d.line, d.column) for d in found] == [("BL501", 130, 2), ("BL501", 1309, 2)]
    assert "96.99%" in found[0].message and "163.99" in found[0].message and "96.927%" in found[0].message
    # 001's scores are not 分值 × 执行率 (10 × 56.06% is given 7): no header states that formula, so
    # BL502 says nothing; "结转下年" does not change the denominator (13.65 ÷ 24.35 = 56.06%)
    assert sheets[1].points is None and sheets[1].executions[0].adjustment == 0


def _sichuan(old: str, new: str):
    text = SEEDS["001"].read_text(encoding="utf-8")
    assert old in text
    return [
        (d.code, d.line) for d in budgetlint.lint_text(text.replace(old, new, 1), select=["BL503", "BL504", "BL505"])
    ]


def test_sichuan_points_and_scores_add_up_to_their_total():
    """001's first sheet: fund lines 10 + 10 + 5 + 5 and indicators 10 × 6 + 5 × 2 make the
    总分 row's 100; scores 9 + 9 + 5 + 5 + 70 make its 98. All six sheets hold, but the fifth,
    whose 社会效益 and 满意度 rows were read as one (line 1056), is not summed."""
    assert budgetlint.lint_file(SEEDS["001"], select=["BL503", "BL504", "BL505"]) == []
    sheets = read_sheets(budgetlint.read_path(SEEDS["001"]))
    assert [(s.style, s.total_points.shown, s.total.shown) for s in sheets][:2] == [
        ("四川", "100", "98"),
        ("四川", "100", "94"),
    ]
    assert sheets[4].unread and "1056" in sheets[4].unread[0]
    assert _sichuan("总分\n\t100\n\t98", "总分\n\t100\n\t97") == [("BL505", 263)]
    assert _sichuan("4.86万人\n\t10\n\t10", "4.86万人\n\t10\n\t12") == [("BL503", 182), ("BL505", 263)]
    assert _sichuan("4.86万人\n\t10\n\t10", "4.86万人\n\t15\n\t10") == [("BL504", 262)]


def test_a_project_score_said_in_the_text_against_its_sheet():
    """000, line 790: "2020 年度医疗救助项目绩效自评得分 95.27 分" is the sheet's 总分 (line 564)."""
    text = SEEDS["000"].read_text(encoding="utf-8")
    changed = text.replace("项目绩效自评得分 95.27 分", "项目绩效自评得分 96.27 分")
    assert changed != text
    found = [d for d in budgetlint.lint_text(changed, select=["BL506"]) if d.line == 790]
    assert [(d.line, d.column, d.end_column) for d in found] == [(790, 33, 38)]
    assert "96.27" in found[0].message and "95.27" in found[0].message
    assert [(r.line, r.column) for r in found[0].related] == [(564, 4)]
    rounded = text.replace("项目绩效自评得分 95.27 分", "项目绩效自评得分 95.3 分")
    assert [d.line for d in budgetlint.lint_text(rounded, select=["BL506"])] == [445]


def test_score_summaries_add_up():
    """000's two summaries (lines 792, 856): 20 + 40 + 40 = 100 and 15.27 + 40 + 40 = 95.27;
    投入 20 and five 年度目标 of 16 (each 8 + 8 under 其中, not counted twice) = 100, and
    15.05 + 5 × 16 = 95.05."""
    summaries = [s for s in read_sheets(budgetlint.read_path(SEEDS["000"])) if s.style == "汇总"]
    assert [(s.table.line, len(s.indicators), s.total_points.shown, s.total.shown, s.unread) for s in summaries] == [
        (792, 3, "100", "95.27", ()),
        (856, 6, "100", "95.05", ()),
    ]
    text = SEEDS["000"].read_text(encoding="utf-8")

    def found(old, new):
        assert old in text
        return [
            (d.code, d.line) for d in budgetlint.lint_text(text.replace(old, new), select=["BL503", "BL504", "BL505"])
        ]

    assert found("综合绩效\t100%\t100 分\t95.05 分", "综合绩效\t100%\t100 分\t95.50 分") == [("BL505", 874)]
    assert found("年度目标 3\t16%\t16 分\t16 分", "年度目标 3\t16%\t16 分\t17 分") == [("BL503", 865), ("BL505", 874)]
    assert found("预算执行情况\t20%\t20\t15.27", "预算执行情况\t20%\t20\t15.72") == [("BL505", 796)]
    # a parent whose 其中 parts do not make it up leaves the summary unchecked (which is wrong is not known)
    assert found("年度目标 3\t16%\t16 分\t16 分", "年度目标 3\t16%\t18 分\t16 分") == []


def test_the_evaluation_sheet_of_seed_002():
    """002's 考核评分表 (二级标准 / 分值 / 计分标准 / 评分, 合计 last): eight 分值 make 100 and
    every 评分 is full marks."""
    (summary,) = read_sheets(budgetlint.read_path(SEEDS["002"]))
    assert (summary.style, len(summary.indicators), summary.total_points.shown, summary.total.shown) == (
        "汇总",
        8,
        "100",
        "100",
    )
    assert budgetlint.lint_file(SEEDS["002"], select=["BL5"]) == []
    text = SEEDS["002"].read_text(encoding="utf-8")
    changed = text.replace("\t20\n", "\t25\n", 1)  # 自评结果's 分值 20 → 25: 分值 now make 105
    assert changed != text
    (found,) = budgetlint.lint_text(changed, select=["BL5"])
    assert (
        (found.code, found.line) == ("BL504", 204)
        and "合计一行的分值为 100" in found.message
        and "105" in found.message
    )


def _summary(rows: list[tuple[int, int]], total_points=None, total=None) -> str:
    """A score summary: 评价指标 / 权重 / 评级分值 / 本项目得分, 综合绩效 last."""
    lines = "".join(f"指标{i}\t{p}%\t{p}\t{s}\n" for i, (p, s) in enumerate(rows, 1))
    total_points = total_points if total_points is not None else sum(p for p, _ in rows)
    total = total if total is not None else sum(s for _, s in rows)
    return (
        "某项目绩效自评得分 如下表所示：\n\n评价指标\t权重\t评级分值\t本项目得分\n"
        f"{lines}综合绩效\t100%\t{total_points}\t{total}\n\n"
    )


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 40), st.integers(0, 40)), min_size=2, max_size=6), st.data())
def test_a_generated_summary_is_silent_and_one_changed_figure_is_found(rows, data):
    rows = [(points, min(score, points)) for points, score in rows]
    text = _summary(rows)
    (sheet,) = read_sheets(budgetlint.read_text(text))
    assert sheet.style == "汇总" and len(sheet.indicators) == len(rows), text
    assert budgetlint.lint_text(text, select=["BL5"]) == []
    codes = lambda *args, **kw: [d.code for d in budgetlint.lint_text(_summary(*args, **kw), select=["BL5"])]  # noqa: E731
    at = data.draw(st.integers(0, len(rows) - 1))
    points, score = rows[at]
    others = rows[:at], rows[at + 1 :]
    total = sum(s for _, s in rows)
    assert codes(rows, total=total + 1) == ["BL505"]
    assert codes([*others[0], (points, score + 1), *others[1]], total=total) == (
        ["BL505"] if score < points else ["BL503", "BL505"]
    )
    assert codes([*others[0], (points + 1, score), *others[1]], total_points=sum(p for p, _ in rows)) == ["BL504"]
