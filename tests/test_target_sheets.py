"""Target sheets (绩效目标表), project tables with 执行率, Sichuan's money lines,
grades and scoring profiles: on real excerpts of the corpus (国家信访局, 重庆, 福州,
西安, 长沙) and on generated sheets in each style (one that follows its profile
is silent; one changed figure is found)."""

from __future__ import annotations

import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

import budgetlint
from budgetlint.scoring import read_sheets

PDF = Path(__file__).resolve().parent / "pdf"


def _sheets(name: str):
    return read_sheets(budgetlint.read_path(PDF / f"{name}.pdf"))


def _changed(name: str, old: str, new: str, select=("BL5",)):
    """The findings of an excerpt's text (as `budgetlint text` prints it) with one figure retyped."""
    text = budgetlint.read_path(PDF / f"{name}.pdf").source.text
    assert text.count(old) == 1, old
    return [(d.code, d.line) for d in budgetlint.lint_text(text.replace(old, new), select=list(select))]


def test_national_target_sheets_weights_and_money():
    """国家信访局: "分值（90）" over nine weights (20 + 8 × 5 + 10 × 3) and "执行率分值（10）";
    年度资金总额 2,134.87 = 财政拨款 1,384.87 + 上年结转 750.00 + 其他资金 (blank)."""
    first, second = _sheets("guojia_xinfangju_2026_p30-31")
    assert (first.style, first.points, first.declared.points, len(first.indicators)) == ("目标", 10, 90, 9)
    assert sum(i.points.cell.figure.value for i in first.indicators) == 90
    (money,) = first.fundings
    assert (money.what, str(money.total.figure)) == ("年度资金总额", "2134.87")
    assert [(p.name, p.figure and str(p.figure)) for p in money.parts] == [
        ("财政拨款", "1384.87"),
        ("上年结转", "750.00"),
        ("其他资金", None),
    ]
    assert budgetlint.lint_file(PDF / "guojia_xinfangju_2026_p30-31.pdf", select=["BL5"]) == []
    name = "guojia_xinfangju_2026_p30-31"
    assert _changed(name, "分值（90）", "分值（80）") == [("BL504", 11)]
    assert _changed(name, "≤2134.87万元\t20", "≤2134.87万元\t25") == [("BL504", 11)]
    # parts that exceed the total are wrong whatever the blank 其他资金 holds …
    assert _changed(name, "1,384.87", "1,438.87") == [("BL508", 6)]
    # … parts short of it may be a figure lost in the blank, and are left alone
    assert _changed(name, "1,384.87", "1,348.87") == []


def test_percentage_weights_and_blank_weight_columns():
    """重庆 weighs in "指标权重(%)": six weights make 100. 福州 prints no weights, only money."""
    sheets = _sheets("chongqing_shuiliju_2026_p30-31")
    assert [(s.declared.points, sum(i.points.cell.figure.value for i in s.indicators)) for s in sheets] == [
        (100, 100),
        (100, 100),
    ]
    fuzhou = _sheets("fuzhou_yibaoju_2026_p26-28")
    assert [(s.declared, len(s.indicators), str(s.fundings[0].total.figure)) for s in fuzhou] == [
        (None, 0, "745.00"),
        (None, 0, "118.00"),
    ]
    for name in ("chongqing_shuiliju_2026_p30-31", "fuzhou_yibaoju_2026_p26-28", "xian_caizhengju_2026_p58-59"):
        assert budgetlint.lint_file(PDF / f"{name}.pdf", select=["BL5"]) == []


def test_a_project_table_rate_on_any_of_its_budgets():
    """长沙's 项目支出情况表 prints 预算批复, 预算到位, 实际执行 and 执行率: 应急资金's 25% is
    70 ÷ 280 (批复, not 到位's 70); 困难企业、职工帮扶资金's 84.69% is neither 2,614.12 ÷
    3,087.00 = 84.68% nor ÷ 2,877.00 = 90.86%."""
    (table,) = _sheets("changsha_guoziwei_2020_p7-8")
    assert table.style == "项目表" and len(table.executions) == 14
    (found,) = budgetlint.lint_file(PDF / "changsha_guoziwei_2020_p7-8.pdf", select=["BL5"])
    assert (found.code, found.line, found.page) == ("BL501", 32, 2)
    assert "84.69%" in found.message and "84.682%" in found.message
    assert len(found.related) == 3  # 实际执行, 预算批复, 预算到位


def test_sichuan_money_lines_add_up_in_each_column():
    """001: 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金 in 年初预算数, 全年预算数 (the
    printed 190.27, before its 追减) and 全年执行数; a part retyped is found in its column."""
    sheets = read_sheets(budgetlint.read_path(SEEDS["001"]))
    assert [f.what for f in sheets[0].fundings] == [
        "年度资金总额（年初预算数）",
        "年度资金总额（全年预算数）",
        "年度资金总额（全年执行数）",
    ]
    assert budgetlint.lint_file(SEEDS["001"], select=["BL508"]) == []
    text = SEEDS["001"].read_text(encoding="utf-8")
    old = "上年结转资金\n\t5.23\n\t5.23\n\t5.23"
    assert old in text
    found = budgetlint.lint_text(text.replace(old, "上年结转资金\n\t5.32\n\t5.23\n\t5.23", 1), select=["BL508"])
    assert [(d.code, d.line) for d in found] == [("BL508", 117)]
    assert "年度资金总额（年初预算数） 185.23" in found[0].message and "5.32" in found[0].message


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("项目综合评分92.25分，评价级次为优。", False),
        ("项目综合评分88.5分，评价级次为优。", True),
        ("自评得分 59.5 分，评价等级为“中”。", True),
        ("本项目自评得分为 80 分，评价结果为良。", False),
        ("85分（含）以上为优。项目综合评分88.5分，评价级次为优。", False),
    ],
)
def test_a_grade_against_the_score_of_its_sentence(sentence, found):
    codes = [d.code for d in budgetlint.lint_text(sentence + "\n", select=["BL509"])]
    assert codes == (["BL509"] if found else [])


def _hubei(
    budget: Decimal, spent: Decimal, score: Decimal | None = None, header: bool = True, rate=None, root="", name="甲"
) -> str:
    cent = Decimal("0.01")
    rate = rate if rate is not None else (spent / budget * 100).quantize(cent, ROUND_HALF_UP)
    score = score if score is not None else (min(rate, Decimal(100)) * 20 / 100).quantize(cent, ROUND_HALF_UP)
    points = " (20分)" if header else ""
    formula = "得分 (20分*执行率)" if header else "得分"
    return (
        f"2020 年度{name}项目自评表\n\n单位名称：某局\n\n项目名称\t{name}项目\t\t\t\t\n"
        f"预算执行情况 (万元){points}\t\t预算数 (A)\t执行数 (B)\t执行率 (B/A)\t{formula}\t\n"
        f"\t年度财政资金总额\t{budget}\t{spent}\t{rate}%\t{score}\t\n"
        f"年度绩效目标{root}\t一级指标\t二级指标\t三级指标\t年初目标值 (A)\t实际完成值 (B)\t得分\n"
        f"\t\t\t指标\t100%\t100%\t80\n总分\t{score + 80}\t\t\t\t\n\n"
    )


def test_the_scoring_profile_configured_or_inferred():
    """A sheet that prints no points is checked under the profile configured, or under what
    its own targets' weight leaves (80 of 100: 20); never under another sheet's points (a
    department sheet may be scored on 10, its projects on 20). Every message names the
    profile; a profile that does not exist is an error."""
    unprinted = _hubei(Decimal(100), Decimal("75.24"), score=Decimal("15.5"), header=False)
    assert budgetlint.lint_text(unprinted, select=["BL502"]) == []  # no profile: not checked
    (found,) = budgetlint.lint_text(unprinted, select=["BL502"], scoring="湖北")
    assert "湖北 20 分制" in found.message and "75.24% = 15.05" in found.message
    (found,) = budgetlint.lint_text(unprinted, select=["BL502"], scoring="全国")
    assert "全国 10 分制" in found.message
    beside = _hubei(Decimal(10), Decimal(5), name="乙") + unprinted
    assert budgetlint.lint_text(beside, select=["BL502"]) == []
    rooted = _hubei(Decimal(100), Decimal("75.24"), score=Decimal("15.5"), header=False, root=" (80分)")
    assert [d.code for d in budgetlint.lint_text(rooted, select=["BL502"])] == ["BL502"]
    with pytest.raises(ValueError, match="浙江"):
        budgetlint.lint_text(unprinted, scoring="浙江")
    # a sheet that prints its points is checked under them, whatever is configured
    printed = _hubei(Decimal(100), Decimal("75.24"))
    assert budgetlint.lint_text(printed, select=["BL5"], scoring="全国") == []


def test_the_scoring_profile_in_the_configuration(tmp_path):
    sheet = tmp_path / "sheet.txt"
    sheet.write_text(_hubei(Decimal(100), Decimal("75.24"), score=Decimal("15.5"), header=False), encoding="utf-8")
    run = lambda: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "budgetlint", str(sheet)], capture_output=True, text=True, cwd=tmp_path
    )
    assert run().returncode == 0
    (tmp_path / "budgetlint.toml").write_text('scoring = "湖北"\n', encoding="utf-8")
    result = run()
    assert result.returncode == 1 and "BL502" in result.stdout and "湖北 20 分制" in result.stdout
    (tmp_path / "budgetlint.toml").write_text('scoring = "浙江"\n', encoding="utf-8")
    result = run()
    assert result.returncode == 2 and "scoring" in result.stderr and "Traceback" not in result.stderr
    cli = subprocess.run(
        [sys.executable, "-m", "budgetlint", "--scoring", "全国", str(sheet), "--config", str(sheet) + ".none"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert cli.returncode == 2  # a configuration named that does not exist is an error, not ignored


def test_the_document_rounding_convention_is_taken_from_its_own_rows():
    """Four sheets whose scores are the product rounded (15.05 for 15.048), one cut (15.04):
    the odd one is reported, naming the convention; with two rounded rows only, both
    conventions stand."""
    hundred = Decimal("100.00")
    rounded = [_hubei(hundred, Decimal(spent)) for spent in ("75.24", "60.29", "45.37", "33.33")]
    cut = _hubei(hundred, Decimal("80.24"), score=Decimal("16.04"))
    (found,) = budgetlint.lint_text("".join(rounded) + cut, select=["BL502"])
    assert "四舍五入" in found.message and "16.04" in found.message
    assert budgetlint.lint_text("".join(rounded[:2]) + cut, select=["BL502"]) == []


def _sichuan(lines: list[tuple[str, Decimal, Decimal, Decimal, int, int]], indicators, total=None) -> str:
    """A Sichuan sheet: fund lines (name, 年初, 全年, 执行, 分值, 得分) and indicators (分值, 得分)."""
    rows = []
    for name, start, budget, spent, points, score in lines:
        rate = (spent / budget * 100).quantize(Decimal("0.01"), ROUND_HALF_UP) if budget else Decimal(100)
        rows.append(f"{name}\t{start}\t{budget}\t{spent}\t{points}\t{rate}%\t{score}\t\n")
    for i, (points, score) in enumerate(indicators, 1):
        rows.append(f"产出指标\t数量指标\t指标{i}\t{i}人\t{i}人\t{points}\t{score}\t\n")
    points = sum(line[4] for line in lines) + sum(p for p, _ in indicators)
    total = total if total is not None else sum(line[5] for line in lines) + sum(s for _, s in indicators)
    return (
        "2020 年度甲项目支出绩效自评表\n\n项目名称\t甲项目\t\t\t\t\t\t\n"
        "\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\t\n"
        + "".join(rows[: len(lines)])
        + "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
        + "".join(rows[len(lines) :])
        + f"总分\t{points}\t{total}\t\n"
    )


_money = st.decimals(min_value=1, max_value=999, places=2)


@settings(max_examples=40, deadline=None)
@given(
    _money,
    _money,
    st.decimals(min_value=Decimal("0.3"), max_value=1, places=2),
    st.lists(st.integers(1, 10), min_size=1, max_size=6),
)
def test_a_generated_sichuan_sheet_is_silent_and_one_changed_figure_is_found(granted, carried, share, weights):
    spent = (granted * share).quantize(Decimal("0.01"))
    lines = [
        ("年度资金总额", granted + carried, granted + carried, spent + carried, 10, 9),
        ("其中：当年财政拨款", granted, granted, spent, 10, 9),
        ("上年结转资金", carried, carried, carried, 5, 5),
        ("其他资金", Decimal(0), Decimal(0), Decimal(0), 5, 5),
    ]
    indicators = [(w, w) for w in weights]
    text = _sichuan(lines, indicators)
    assert budgetlint.lint_text(text, select=["BL5"]) == [], text
    codes = lambda lines, indicators, total=None: [  # noqa: E731
        d.code for d in budgetlint.lint_text(_sichuan(lines, indicators, total), select=["BL5"])
    ]
    # an amount of a part retyped: the money no longer adds up in its column
    retyped = lines[:2] + [("上年结转资金", carried + 1, carried, carried, 5, 5)] + lines[3:]
    assert codes(retyped, indicators) == ["BL508"]
    # a score retyped: the 总分 is no longer the sum
    total = 28 + sum(weights)
    assert codes(lines, indicators[:-1] + [(weights[-1], weights[-1] - 1)], total=total) == ["BL505"]
    assert codes(lines, indicators, total=total + 1) == ["BL505"]
    # a weight retyped: the 总分 row's 分值 is no longer the sum of them
    text = _sichuan(lines, indicators).replace("\n总分\t", "\n总分\t1", 1)
    assert [d.code for d in budgetlint.lint_text(text, select=["BL5"])] == ["BL504"]


def _target(total: Decimal, parts: list[Decimal], weights: list[int], declared: int, execution: int = 10) -> str:
    names = ["其中：财政拨款", "上年结转", "其他资金"]
    money = "".join(f"\t\t{name}\t\t{amount}\t\t\n" for name, amount in zip(names, parts, strict=False))
    indicators = "".join(f"\t产出指标\t数量指标\t指标{i}\t\t≥{i}\t{w}\n" for i, w in enumerate(weights, 1))
    return (
        "乙项目绩效目标表\n项目名称\t\t乙项目\t\t\t\t\n"
        f"项目资金（万元）\t\t年度资金总额：\t\t{total}\t\t执行率分值（{execution}）\n"
        f"{money}年度总体目标\t做好乙项工作。\t\t\t\t\t\n"
        f"绩效指标\t一级指标\t二级指标\t三级指标\t\t指标值\t分值（{declared}）\n{indicators}\n"
    )


@settings(max_examples=40, deadline=None)
@given(st.lists(_money, min_size=1, max_size=3), st.lists(st.integers(1, 15), min_size=2, max_size=6))
def test_a_generated_target_sheet_is_silent_and_one_changed_figure_is_found(parts, weights):
    total = sum(parts)
    declared = sum(weights)  # at most 90: budget execution has the rest of 100
    text = _target(total, parts, weights, declared, 100 - declared)
    codes = lambda *args: [d.code for d in budgetlint.lint_text(_target(*args), select=["BL5"])]  # noqa: E731
    assert budgetlint.lint_text(text, select=["BL5"]) == [], text
    assert codes(total, parts, weights, declared + 1, 100 - declared) == ["BL504"]
    assert codes(total, parts, weights, declared, 101 - declared) == ["BL504"]
    assert codes(total, parts, weights[:-1] + [weights[-1] + 1], declared, 100 - declared) == ["BL504"]
    assert codes(total - 1, parts, weights, declared, 100 - declared) == ["BL508"]


def test_two_money_blocks_side_by_side():
    """上海's 填报表 prints 项目资金总额 and 年度资金申请总额 side by side; 上年结转资金 has a
    row of its own in the right block only, which does not end the left block."""
    text = (
        "财政项目支出绩效目标填报表\n项目名称\t\t丙项目\t\t\t\t\n"
        "项目资金（元）\t项目资金总额\t\t{left}\t年度资金申请总额\t\t4,100,000.00\n"
        "\t其中：财政资金\t\t3,100,000.00\t其中：当年财政拨款\t\t4,000,000.00\n"
        "\t\t\t\t上年结转资金\t\t100,000.00\n"
        "\t其他资金\t\t1,000,000.00\t其他资金\t\t0.00\n"
        "年度总体目标\t做好丙项工作。\t\t\t\t\t\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t\t\n"
    )
    (sheet,) = read_sheets(budgetlint.read_text(text.format(left="4,100,000.00")))
    assert [(f.what, [p.name for p in f.parts]) for f in sheet.fundings] == [
        ("项目资金总额", ["财政资金", "其他资金"]),
        ("年度资金申请总额", ["当年财政拨款", "上年结转资金", "其他资金"]),
    ]
    assert budgetlint.lint_text(text.format(left="4,100,000.00"), select=["BL5"]) == []
    (found,) = budgetlint.lint_text(text.format(left="4,000,000.00"), select=["BL5"])
    assert (found.code, found.line) == ("BL508", 3)


def test_the_profiles_a_configuration_may_name_are_the_profiles():
    from budgetlint.config import PROFILE_NAMES
    from budgetlint.scoring.profiles import PROFILES

    assert set(PROFILE_NAMES) == set(PROFILES)
