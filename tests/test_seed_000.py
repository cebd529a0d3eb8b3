"""Seed 000 (汉阳区医疗保障局 2020 决算): tab rows, titles inside the grid,
收入/支出 halves, defective footnotes, a 表6 copied from another unit."""

from __future__ import annotations

from decimal import Decimal as D

from conftest import fig, kinds_count, seed, table, value


def test_tables_found_per_kind():
    assert kinds_count(seed("000")) == {
        "收入支出决算总表": 2,
        "收入决算表": 1,
        "支出决算表": 1,
        "财政拨款收入支出决算总表": 2,
        "一般公共预算财政拨款支出决算表": 1,
        "一般公共预算财政拨款基本支出决算表": 2,
        "三公经费支出决算表": 1,
        "政府性基金预算财政拨款收入支出决算表": 1,
        "国有资本经营预算财政拨款支出决算表": 1,
        "项目支出绩效自评表": 7,
        "部门整体支出绩效自评表": 1,
        "绩效评分表": 2,
        None: 1,
    }
    assert seed("000").problems == ()


def test_summary_table_halves():
    income = table(seed("000"), "收入支出决算总表", "收入")
    spending = table(seed("000"), "收入支出决算总表", "支出")
    assert (income.title, income.line, income.unit) == ("2020年度收入支出决算总表（表1）", 84, "万元")
    assert income.department == "武汉市汉阳区医疗保障局"
    assert [r.number for r in income.rows] == list(range(1, 31))
    assert [r.number for r in spending.rows] == list(range(31, 61))
    assert [c.number for c in income.columns] == [1]
    assert [c.number for c in spending.columns] == [2]
    assert fig(income, 1, 1) == D("1217.45")
    assert fig(income, 2, 1) == D("7.03")
    assert fig(income, 27, 1) == D("1224.48")
    assert fig(spending, 38, 2) == D("9.00")
    assert fig(spending, 39, 2) == D("1208.45")
    assert fig(spending, 53, 2) == D("7.03")
    assert value(spending, 31, 2) is None
    assert income.row(27).label == "本年收入合计"
    assert spending.row(60).label == "总计"  # "总 计" as printed


def test_figure_spans_point_at_the_printed_figure():
    income = table(seed("000"), "收入支出决算总表", "收入")
    span = income.row(27).cells[0].figure.span
    line = seed("000").source.lines[span.line - 1]
    assert (span.line, span.column, span.end_column) == (115, 12, 20)
    assert line[span.column - 1 : span.end_column - 1] == "1,224.48"
    assert income.row(27).cells[0].figure.decimals == 2


def test_income_table():
    income = table(seed("000"), "收入决算表")
    assert [c.number for c in income.columns] == [1, 2, 3, 4, 5, 6, 7]
    assert income.columns[0].header == "本年收入合计"
    assert len(income.rows) == 18
    assert fig(income, "合计", 1) == D("1224.48")
    assert fig(income, "208", 1) == D("9.00")
    assert fig(income, "2101301", 2) == D("1019.97")
    assert fig(income, "21015", 1) == D("176.74")
    assert fig(income, "2296013", 2) == D("7.03")
    assert value(income, "21015", 3) is None
    assert income.row_by_code("2296013").label == "用于城乡医疗救助的彩票公益金支出"


def test_spending_table():
    spending = table(seed("000"), "支出决算表")
    assert fig(spending, "合计", 3) == D("1061.40")
    assert fig(spending, "210", 2) == D("154.92")
    assert fig(spending, "21013", 2) == D("0.00")
    assert fig(spending, "2101599", 3) == D("33.56")
    assert fig(spending, "229", 1) == D("7.03")
    assert value(spending, "2101599", 2) is None


def test_fiscal_summary_carries_the_retyped_700():
    document = seed("000")
    income = table(document, "财政拨款收入支出决算总表", "收入")
    spending = table(document, "财政拨款收入支出决算总表", "支出")
    assert income.department is None  # 表4 prints no 部门 line
    assert [r.number for r in spending.rows] == list(range(33, 65))
    assert [c.number for c in spending.columns] == [2, 3, 4, 5]
    assert spending.columns[1].header == "一般公共预算财政拨款"
    assert fig(income, 2, 1) == D("7.00")
    assert fig(income, 27, 1) == D("1224.45")
    assert fig(spending, 59, 2) == D("1224.45")
    assert fig(spending, 59, 3) == D("1217.45")
    assert fig(spending, 55, 4) == D("7.00")
    assert fig(spending, 40, 3) == D("9.00")
    assert income.row(1).label == "一、一般公共预算财政拨款"  # label split over 项/目 cells


def test_footnotes_attach_to_their_table():
    document = seed("000")
    income = table(document, "财政拨款收入支出决算总表", "收入")
    spending = table(document, "财政拨款收入支出决算总表", "支出")
    (note,) = income.footnotes
    assert spending.footnotes == (note,)
    assert note.line == 220
    assert [s.line for s in note.segments] == [220, 221, 222]
    assert "28行=（28+29+31）行" in note.text
    assert "37行=（32+34+—38）行" in note.text
    summary = table(document, "收入支出决算总表", "支出")
    assert [s.line for s in summary.footnotes[0].segments] == [120, 122, 124]
    three = table(document, "三公经费支出决算表")
    assert "2栏=（4+5）栏" in three.footnotes[0].text
    assert "说明：本部门未编制" in three.footnotes[0].text


def test_general_budget_table():
    general = table(seed("000"), "一般公共预算财政拨款支出决算表")
    assert general.unit is None  # 表5 prints no 单位 line
    assert fig(general, "合计", 1) == D("1217.45")
    assert fig(general, "合计", 2) == D("163.08")
    assert fig(general, "合计", 3) == D("1054.37")
    assert fig(general, "2101501", 2) == D("143.18")
    assert fig(general, "21013", 3) == D("1019.97")


def test_basic_spending_groups_from_another_unit():
    document = seed("000")
    staff = table(document, "一般公共预算财政拨款基本支出决算表", "人员经费")
    public = table(document, "一般公共预算财政拨款基本支出决算表", "公用经费")
    assert staff.department == "武汉市汉阳区疾病预防控制中心"
    assert fig(staff, "301", index=0) == D("196552987")
    assert fig(staff, "人员经费合计", index=0) == D("196553")
    assert fig(public, "30217", index=0) == D("20600")
    assert fig(public, "30227", index=0) == D("4927")
    assert fig(public, "公用经费合计", index=0) == D("6532")
    assert public.row_by_code("30316").label == "对民间非营利组织和社会团体补助"  # third group stacked


def test_empty_tables_keep_their_columns():
    document = seed("000")
    three = table(document, "三公经费支出决算表")
    assert three.rows == ()
    assert [c.number for c in three.columns] == list(range(1, 13))
    state_capital = table(document, "国有资本经营预算财政拨款支出决算表")
    assert [r.label for r in state_capital.rows] == ["合计"]
    assert all(cell is None or cell.empty for cell in state_capital.rows[0].cells)


def test_fund_table_codes_inside_name_cells():
    fund = table(seed("000"), "政府性基金预算财政拨款收入支出决算表")
    assert [r.code for r in fund.rows] == [None, "229", "22960", "2296013"]
    assert fund.row_by_code("22960").label == "彩票公益金安排的支出"
    assert value(fund, "2296013", 1) is None
    assert fig(fund, "2296013", 2) == D("7.03")
    assert fig(fund, "2296013", 3) == D("7.03")
    assert fig(fund, "合计", 5) == D("7.03")
    assert fig(fund, "229", 3) == D("7.03")
    assert value(fund, "229", 4) is None


def test_project_self_evaluation():
    project = table(seed("000"), "项目支出绩效自评表")
    assert project.title == "2020 年度医疗救助项目自评表"
    assert project.department == "武汉市汉阳区医疗保障局"
    funds = next(r for r in project.rows if any(c and c.text == "年度财政资金总额" for c in r.cells))
    figures = [str(c.figure) for c in funds.cells if c and c.figure]
    assert figures == ["1027", "784.29", "76.37%", "15.27"]
    assert project.row_by_label("项目类别").cells[0].text.startswith("1、部门预算项目 ☑ 2、市直专项 □")
