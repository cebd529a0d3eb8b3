"""Seed 003 (江岸区 2024 决算: spaced figures, OCR noise, a collapsed table) and
seed 004 (开发区 2021 预算: page-split tables, three column groups)."""

from __future__ import annotations

from decimal import Decimal as D

from conftest import fig, kinds_count, seed, table, value


def test_003_tables_found_per_kind():
    assert kinds_count(seed("003")) == {
        "收入支出决算总表": 2,
        "收入决算表": 1,
        "支出决算表": 1,
        "一般公共预算财政拨款支出决算表": 1,
        "一般公共预算财政拨款基本支出决算表": 2,
        "政府性基金预算财政拨款收入支出决算表": 1,
        "国有资本经营预算财政拨款支出决算表": 1,
        "三公经费支出决算表": 1,
        "部门整体支出绩效自评表": 1,
        "项目支出绩效自评表": 6,
        None: 1,
    }


def test_003_collapsed_table_is_reported_not_guessed():
    document = seed("003")
    unreadable = [p for p in document.problems if p.code == "BL001"]
    assert [(p.line, p.column, p.symbol) for p in unreadable] == [(189, 1, "unreadable-table")]
    assert "表格无法读取" in unreadable[0].message
    assert "财政拨款收入支出决算总表" in unreadable[0].message
    assert unreadable[0].related[0].line == 185
    assert not document.tables_of_kind("财政拨款收入支出决算总表")


def test_003_table_extracted_twice_drops_the_scrambled_copy():
    document = seed("003")
    (garbled,) = [p for p in document.problems if p.code == "BL002"]
    assert garbled.line == 181
    spending = table(document, "支出决算表")
    assert len(spending.rows) == 22
    assert all(r.line != 181 for r in spending.rows)


def test_003_figures_with_inner_spaces():
    document = seed("003")
    income = table(document, "收入支出决算总表", "收入")
    spending = table(document, "收入支出决算总表", "支出")
    assert income.title == "2024年度收入支出决算总表"  # not the "公开 01 表" marker
    assert fig(income, 1, 1) == D("1627.17")
    assert fig(income, 27, 1) == D("1627.17")  # "1, 627. 17"
    assert fig(spending, 38, 2) == D("14.12")  # "14. 12"
    assert fig(spending, 39, 2) == D("1589.41")  # "1, 589. 41"
    assert fig(spending, 49, 2) == D("23.64")
    span = spending.row(39).cells[0].figure.span
    assert document.source.lines[span.line - 1][span.column - 1 : span.end_column - 1] == "1, 589. 41"


def test_003_income_and_general_tables():
    document = seed("003")
    income = table(document, "收入决算表")
    assert fig(income, "合计", 2) == D("1627.17")
    assert fig(income, "2210201", 1) == D("15.64")
    assert fig(income, "2210201", 2) == D("15.64")
    assert fig(income, "21013", 1) == D("1360.03")
    assert fig(income, "2080505", 2) == D("13.98")
    general = table(document, "一般公共预算财政拨款支出决算表")
    assert fig(general, "2101103", 2) == D("7.46")
    assert fig(general, "2101103", 3) == D("0.74")
    assert general.row_by_code("21013").label == "医疗教助"  # OCR as printed
    assert fig(general, "21013", 3) == D("1360.03")
    assert fig(general, "合计", 2) == D("189.66")


def test_003_spending_table_without_codes():
    spending = table(seed("003"), "支出决算表")
    assert all(r.code is None for r in spending.rows)
    assert fig(spending, "医疗救助", 3) == D("1360.03")
    assert fig(spending, "行政单位医疗", 2) == D("6.32")
    assert fig(spending, "公务员医疗补助", 3) == D("0.74")
    assert value(spending, "医疗救助", 2) is None


def test_003_basic_spending_and_three_public():
    document = seed("003")
    staff = table(document, "一般公共预算财政拨款基本支出决算表", "人员经费")
    public = table(document, "一般公共预算财政拨款基本支出决算表", "公用")
    assert fig(staff, "301", index=0) == D("175.92")
    assert fig(staff, "人员经费合计", index=0) == D("175.92")
    assert fig(public, "302", index=0) == D("10.60")
    assert fig(public, "310", index=0) == D("3.14")
    assert fig(public, "30239", index=0) == D("5.65")
    three = table(document, "三公经费支出决算表")
    assert [c.number for c in three.columns] == list(range(1, 13))
    (row,) = three.rows
    assert [str(c.figure) for c in row.cells] == ["0.20", "0", "0", "0", "0", "0.20", "0", "0", "0", "0", "0", "0"]


def test_004_tables_found_per_kind():
    assert kinds_count(seed("004")) == {
        "财政拨款收支总表": 3,
        "一般公共预算支出表": 1,
        "一般公共预算基本支出表": 1,
        "三公经费支出表": 1,
        "政府性基金预算支出表": 1,
        "部门收支总表": 3,
        "部门收入总表": 1,
        "部门支出总表": 1,
        None: 5,
    }
    # 表八 numbers two columns 9 (BL003, tests/test_other_layouts.py); nothing else went unread
    assert [p.code for p in seed("004").problems] == ["BL003"]


def test_004_page_split_tables_are_merged():
    document = seed("004")
    general = table(document, "一般公共预算支出表")
    assert len(general.rows) == 23
    assert [c.number for c in general.columns] == [3, 4, 5]
    assert fig(general, "合计", 5) == D("1912.30")
    assert fig(general, "2101505", 3) == D("79.30")  # first row of the second page
    assert fig(general, "2210202", 4) == D("4.19")
    assert fig(general, "2080505", 3) == D("11.5")
    assert general.row_by_code("2080505").cells[0].figure.decimals == 1
    basic = table(document, "一般公共预算基本支出表")
    assert len(basic.rows) == 34
    assert fig(basic, "302", 3) == D("106.38")
    assert fig(basic, "30101", 4) == D("33.00")
    assert fig(basic, "31007", 5) == D("10.00")
    assert fig(basic, "30227", 5) == D("9.00")
    spending = table(document, "部门支出总表")
    assert len(spending.rows) == 23
    assert [c.number for c in spending.columns] == [3, 4, 5, 6, 7, 8, 9, 9, 10, 11]  # 9 printed twice
    assert fig(spending, "2101501", 4) == D("273.16")
    assert fig(spending, "21013", 8) == D("443.00")


def test_004_three_column_groups():
    document = seed("004")
    income = table(document, "财政拨款收支总表", "收入")
    by_function = table(document, "财政拨款收支总表", "支出")
    by_type = table(document, "财政拨款收支总表", "支出（2）")
    assert fig(income, "一、一般公共预算收入", index=0) == D("2245.15")
    assert fig(by_function, "210", index=0) == D("2203.10")
    assert by_function.row_by_code("210").label == "医疗健康支出"
    assert by_function.row_by_code("217") is not None  # after the page break without header
    assert fig(by_type, "303", index=0) == D("1833.00")
    totals = table(document, "部门收支总表", "支出（2）")
    assert fig(totals, "一、基本支出", index=0) == D("332.85")
    assert fig(totals, "310", index=0) == D("10.00")
    assert fig(table(document, "部门收支总表", "收入"), "本年收入合计", index=0) == D("2245.15")
    income_total = table(document, "部门收入总表")
    assert len(income_total.rows) == 22
    assert fig(income_total, "总计", index=0) == D("2245.15")


def test_paragraph_figures_point_at_their_text():
    document = seed("003")
    paragraph = next(p for p in document.paragraphs if "住房保障支出(类) 23. 64 万元" in p.text)
    figures = paragraph.figures()
    spaced = next(f for f in figures if f.value == D("23.64"))
    line = document.source.lines[spaced.span.line - 1]
    assert line[spaced.span.column - 1 : spaced.span.end_column - 1] == "23. 64"
    share = next(f for f in figures if f.percent and f.span.line == spaced.span.line)
    assert (share.value, share.decimals) == (D("1.4"), 1)  # "1. 4%"
    assert line[share.span.column - 1 : share.span.end_column - 1] == "1. 4%"


def test_003_spending_table_more_cells():
    spending = table(seed("003"), "支出决算表")
    assert fig(spending, "卫生健康支出", 2) == D("151.90")
    assert fig(spending, "住房公积金", 1) == D("15.64")


def test_004_summary_tables_cells():
    document = seed("004")
    by_function = table(document, "财政拨款收支总表", "支出")
    assert fig(by_function, "208", index=0) == D("18.10")
    assert fig(by_function, "221", index=0) == D("23.95")
    assert fig(by_function, "本年支出合计", index=0) == D("2245.15")
    by_type = table(document, "财政拨款收支总表", "支出（2）")
    assert fig(by_type, "301", index=0) == D("216.47")
    assert fig(by_type, "310", index=0) == D("10.00")
    totals_in = table(document, "部门收支总表", "收入")
    totals_out = table(document, "部门收支总表", "支出")
    totals_type = table(document, "部门收支总表", "支出（2）")
    assert fig(totals_in, "收入总计", index=0) == D("2245.15")
    assert fig(totals_out, "221", index=0) == D("23.95")
    assert value(totals_out, "217", index=0) is None
    assert fig(totals_type, "二、项目支出", index=0) == D("1912.30")
    assert fig(totals_type, "302", index=0) == D("185.68")
    income = table(document, "部门收入总表")
    assert fig(income, "一、一般公共预算", index=0) == D("2245.15")
    assert fig(income, "1.财政拨款收入", index=0) == D("2245.15")
    assert value(income, "二、政府性基金预算财政拨款收入", index=0) is None


def test_004_three_public_and_fund_tables():
    document = seed("004")
    three = table(document, "三公经费支出表")
    assert [c.number for c in three.columns] == [3, 4, 5, 6, 7, 8]
    assert fig(three, "合计", 3) == D("1.00")
    assert fig(three, "合计", 8) == D("1.00")
    assert fig(three, "210", 8) == D("1.00")
    assert fig(three, "2101501", 3) == D("1.00")
    assert value(three, "2101501", 4) is None
    fund = table(document, "政府性基金预算支出表")
    assert fund.rows == ()
    assert [c.number for c in fund.columns] == [3, 4, 5]


def test_004_spending_total_more_cells():
    spending = table(seed("004"), "部门支出总表")
    assert fig(spending, "合计", 3) == D("2245.15")
    assert fig(spending, "210", 5) == D("174.42")
    assert fig(spending, "2210202", 5) == D("4.19")
