"""Reading PDFs: page excerpts of real disclosures from other provinces, each
showing one layout the reader must understand (kept small in tests/pdf/)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import budgetlint
from budgetlint.cli import main
from budgetlint.reading import NotText
from budgetlint.reading.layout import read_source

PDF = Path(__file__).resolve().parent / "pdf"


def read(name: str):
    return budgetlint.read_path(PDF / name)


def kinds(document):
    return [(t.kind, t.part) for t in document.tables]


def test_pdf_text_has_a_page_mark_per_page_and_tables_as_tab_rows():
    source = read_source((PDF / "beijing_sifaju_2026_p1-2.pdf").read_bytes(), "b.pdf")
    assert source.pages == ((1, 1), (27, 2))
    assert source.lines[0] == "--- 第 1 页 ---"
    # The margin column the ruling draws left of the table is dropped; a row is one tab line.
    assert "本年收入合计\t29,577.000638\t本年支出合计\t29,956.265460" in source.lines


def test_a_table_over_two_pages_is_one_table_and_figures_keep_their_page():
    document = read("beijing_sifaju_2026_p1-2.pdf")
    assert kinds(document) == [("部门收支总表", "收入"), ("部门收支总表", "支出")]
    spending = document.tables[1]
    assert spending.rows[0].label == "一、一般公共服务支出"
    assert spending.rows[-1].label == "支出总计"
    total = spending.row_by_label("本年支出合计").cells[0].figure
    assert (total.value, total.decimals) == (Decimal("29956.265460"), 6)  # 万元 with six decimals
    assert document.source.page_of(total.span.line) == 2
    assert document.source.page_of(spending.rows[0].line) == 1


def test_breakdown_rows_under_a_carry_over_are_children_not_repeats():
    document = read("guojia_xinfangju_2026_p9.pdf")
    income = document.tables[0]
    grants = [row for row in income.rows if row.label == "（一）一般公共预算拨款"]
    assert [income.rows[row.parent].label for row in grants] == ["一、本年收入", "二、上年结转"]
    assert budgetlint.lint_document(document, select=["BL312"]) == []


def test_breakdown_rows_that_restart_the_numbering():
    document = read("shanghai_putuo_2024_juesuan_p12-13.pdf")
    income = document.tables[0]
    first, second = [row for row in income.rows if row.label == "一、一般公共预算财政拨款"]
    assert first.parent is None
    assert income.rows[second.parent].label == "年初财政拨款结转和结余"
    assert budgetlint.lint_document(document) == []


def test_two_column_groups_each_with_its_own_total():
    document = read("shanghai_putuo_2024_juesuan_p16-17.pdf")
    (basic,) = document.tables
    assert basic.kind == "一般公共预算财政拨款基本支出决算表"
    people = basic.row_by_label("人员经费合计")
    public = basic.row_by_label("公用经费合计")
    assert people.segment != public.segment
    assert {r.code for r in basic.rows if r.segment == people.segment and r.code and len(r.code) == 3} == {"301", "303"}
    assert {r.code for r in basic.rows if r.segment == public.segment and r.code and len(r.code) == 3} == {"302", "310"}
    # 303 对个人和家庭的补助 is continued on page 17: 69.10 + 0.31 = 69.41.
    assert budgetlint.lint_document(document) == []


def test_four_groups_side_by_side_in_yuan():
    document = read("xian_caizhengju_2026_p25.pdf")
    assert kinds(document) == [
        ("部门收支总表", "收入"),
        ("部门收支总表", "支出"),
        ("部门收支总表", "支出（2）"),
        ("部门收支总表", "支出（3）"),
    ]
    assert {t.unit for t in document.tables} == {"元"}
    assert budgetlint.lint_document(document) == []


def test_codes_printed_twice_leave_their_parent_unchecked():
    document = read("xian_caizhengju_2026_p31-32.pdf")
    (table,) = document.tables
    assert table.kind == "一般公共预算支出经济分类表"
    assert [r.code for r in table.rows].count("30101") == 2
    assert budgetlint.lint_document(document) == []


def test_a_subject_code_that_lost_its_leading_zero():
    document = read("shanghai_wanli_2024_p29-30.pdf")
    (table,) = document.tables
    assert table.row_by_label("津贴补贴").code == "30102"
    assert table.row_by_label("合计").cells[0].figure.value == Decimal("99706020")
    assert budgetlint.lint_document(document) == []


def test_double_borders_and_split_names_are_one_column_and_one_row():
    """Jiangsu rules every cell with a double border: the slivers between the
    borders are no columns, a merged header cell lands in the column it spans, and
    a name broken over two rulings ("…计划生育支" / "出") is one row."""
    document = read("jiangsu_fayuan_2017_p11-12.pdf")
    assert [(t.kind, t.part, len(t.columns)) for t in document.tables[:3]] == [
        ("部门收支总表", "收入", 1),
        ("部门收支总表", "支出", 1),
        ("部门收支总表", "支出（2）", 1),
    ]
    spending = document.tables[1]
    assert "九、医疗卫生与计划生育支出" in [row.label for row in spending.rows]
    assert spending.row_by_label("四、公共安全支出").cells[0].figure.value == Decimal("23513.11")
    assert budgetlint.lint_document(document) == []


def test_a_continued_page_whose_first_row_has_no_top_border():
    """Jiangsu 2017 p15–17: the row above the ruling of a continued page is a row of
    the table (its words stand in the table's columns), and the pages are one table."""
    source = read_source((PDF / "jiangsu_fayuan_2017_p15-17.pdf").read_bytes(), "j.pdf")
    assert "30206\t电费\t235.00" in source.lines
    document = budgetlint.read_path(PDF / "jiangsu_fayuan_2017_p15-17.pdf")
    basic = document.tables_of_kind("一般公共预算基本支出表")[0]
    assert basic.row_by_code("30206").cells[0].figure.value == Decimal("235.00")
    assert basic.row_by_code("303").cells[0].figure.value == Decimal("5907.17")
    assert budgetlint.lint_document(document) == []


def test_a_grid_that_opens_with_its_own_title_starts_a_new_table():
    document = read("jiangsu_renda_2018_p11-12.pdf")
    assert [t.kind for t in document.tables] == ["财政拨款支出表", "财政拨款基本支出表"]
    assert document.tables[1].row_by_label("合计").cells[0].figure.value == Decimal("7877.76")


def test_a_finding_in_a_pdf_names_its_page(tmp_path, capsys):
    """`budgetlint text` prints what the findings point into; one figure changed in
    that text breaks its row (合计 = 人员经费 + 公用经费) and its class (302 = Σ款),
    and the findings name the page."""
    assert main(["text", str(PDF / "shanghai_wanli_2024_p29-30.pdf")]) == 0
    text = capsys.readouterr().out
    assert text.count("--- 第 ") == 2
    changed = text.replace("302\t01\t办公费\t4,755,518", "302\t01\t办公费\t4,755,618")
    assert changed != text
    document = budgetlint.read_text(changed, "wanli.txt")
    class_sum, row_sum = budgetlint.lint_document(document)  # in file order
    assert (row_sum.code, class_sum.code) == ("BL232", "BL220")
    assert document.source.lines[row_sum.line - 1].startswith("302\t01\t办公费\t4,755,618")
    assert document.source.lines[class_sum.line - 1].startswith("302\t\t商品和服务支出")
    assert "差 -100" in class_sum.message and "差 100" in row_sum.message
    assert row_sum.page == class_sum.page == 1
    assert row_sum.format().startswith(f"wanli.txt:{row_sum.line}:{row_sum.column}: BL232: 第 1 页：")


@pytest.mark.parametrize(
    ("name", "message"),
    [("no_text_layer.pdf", "没有文字层"), ("encrypted.pdf", "已加密")],
)
def test_unreadable_pdfs_are_refused_with_a_reason(name, message):
    with pytest.raises(NotText, match=message):
        read(name)


def test_a_damaged_pdf_is_refused_and_the_other_files_are_still_linted(tmp_path, capsys):
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes((PDF / "guojia_xinfangju_2026_p9.pdf").read_bytes()[:3000])
    assert main([str(damaged), str(PDF / "no_text_layer.pdf"), str(PDF / "guojia_xinfangju_2026_p9.pdf")]) == 2
    out, err = capsys.readouterr()
    assert "damaged.pdf：PDF 已损坏，无法读取" in err
    assert "no_text_layer.pdf：PDF 没有文字层" in err
    assert "Traceback" not in err and out == ""


def test_a_frame_around_the_table_holds_its_title_and_facts():
    """Jiangsu draws a border around title, 部门, 单位 and table: the frame's one cell
    is no row of the table, and what stands in it outside the table is its caption;
    three groups side by side (收入, 支出 by 功能分类, 支出 by 用途), named at two heights."""
    document = read("jiangsu_shengwei_2019_yusuan_biaoge.pdf")
    summary = document.tables[:3]
    assert [(t.kind, t.part) for t in summary] == [
        ("部门收支总表", "收入"),
        ("部门收支总表", "支出"),
        ("部门收支总表", "支出（2）"),
    ]
    assert {(t.title, t.department, t.unit) for t in summary} == {("收支预算总表", "中共江苏省委办公厅", "万元")}
    income = document.tables_of_kind("部门收入总表")[0]
    assert income.title == "收入预算总表" and income.rows[0].label == "收入总计"
    assert "收入预算总表" not in "".join(row.label for row in income.rows)


def test_a_total_row_alone_on_the_next_page_is_read_in_the_columns_above():
    """Shanghai 万里 2024 p14–15: the 合计 row opens page 15 by itself, its name
    spanning the three code columns, so the page draws fewer columns; read in the
    columns of the table that ends page 14, it continues that table."""
    source = read_source((PDF / "shanghai_wanli_2024_p14-15.pdf").read_bytes(), "w.pdf")
    last_row = source.lines[source.pages[1][0] - 2]
    total = source.lines[source.pages[1][0]]
    assert total.split("\t")[0] == "合计" and total.count("\t") == last_row.count("\t")
    assert total.split("\t")[4] == "156,211,123"
