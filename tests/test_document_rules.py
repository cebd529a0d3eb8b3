"""BL01x, the document as a whole: on a real seed, and on generated documents
(a consistent one is silent, one table's 部门 changed is found at that table)."""

from __future__ import annotations

from pathlib import Path

from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_generated_documents import _document, documents

import budgetlint

PDF = Path(__file__).resolve().parent / "pdf"


def test_000_two_tables_copied_from_another_unit():
    found = budgetlint.lint_file(SEEDS["000"], select=["BL010"])
    assert [(d.line, d.column, d.end_column) for d in found] == [(249, 4, 18), (284, 4, 18)]
    assert all("武汉市汉阳区疾病预防控制中心" in d.message and "武汉市汉阳区医疗保障局" in d.message for d in found)
    assert {(r.line, r.column) for d in found for r in d.related} == {(85, 4)}


def test_other_seeds_name_one_department():
    for name in ("001", "002", "003", "004"):
        assert budgetlint.lint_file(SEEDS[name], select=["BL010"]) == []


def _tables(names: list[str]) -> str:
    return "".join(
        f"2026年一般公共预算支出表（表{n}）\n部门：{name}\n单位：万元\n科目编码\t科目名称\t合计\n201\t一般公共服务支出\t1.00\n"
        for n, name in enumerate(names, 1)
    )


def test_a_name_cut_short_or_abbreviated_is_the_same_department():
    document = budgetlint.read_text(_tables(["江苏省人大常委会办公厅"] * 3 + ["江苏省人大"]))
    assert [t.kind for t in document.tables] == ["一般公共预算支出表"] * 4
    assert budgetlint.lint_document(document, select=["BL010"]) == []
    (finding,) = budgetlint.lint_text(_tables(["江苏省人大常委会办公厅"] * 3 + ["江苏省政协办公厅"]), select=["BL010"])
    assert "江苏省政协办公厅" in finding.message


def test_no_department_the_document_clearly_belongs_to():
    assert budgetlint.lint_text(_tables(["甲局", "甲局", "乙局", "乙局"]), select=["BL010"]) == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_one_table_of_another_department_is_found_there(case):
    text = _document(case)
    assert budgetlint.lint_text(text, select=["BL010"]) == []
    lines = text.split("\n")
    departments = [i for i, line in enumerate(lines) if line == "部门：某局"]
    changed = departments[len(departments) // 2]
    lines[changed] = "部门：另一局"
    (finding,) = budgetlint.lint_text("\n".join(lines), select=["BL010"])
    assert (finding.line, finding.column) == (changed + 1, 4)
    assert "另一局" in finding.message and "某局" in finding.message


def test_template_alternatives_left_in_the_seeds():
    found = {
        name: [(d.line, d.column, d.end_column) for d in budgetlint.lint_file(SEEDS[name], select=["BL012"])]
        for name in ("003", "004")
    }
    assert found == {
        "003": [(430, 59, 65), (432, 40, 46), (436, 42, 48), (439, 51, 57)],
        "004": [(406, 57, 63), (406, 69, 75), (432, 78, 84), (442, 78, 84), (442, 89, 95)],
    }
    second = budgetlint.lint_file(SEEDS["004"], select=["BL012"])[1]
    assert "增长（下降）" in second.message


def test_a_placeholder_left_in_the_text():
    text = "上海市 XX 局 2024 年度收入支出总计 XXX 万元。\n另见 Excel 文件与 XXL 号。\n"
    found = budgetlint.lint_text(text, select=["BL011"])
    assert [(d.line, d.column, d.end_column) for d in found] == [(1, 5, 7), (1, 24, 27)]


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet="收入支出合计万元比上年度，。 0123456789", max_size=30),
    st.sampled_from(["增长（下降）", "增加(减少)", "大于（小于）"]),
)
def test_an_alternative_is_found_where_it_stands(prose, alternative):
    text = prose + alternative + "0 万元。\n"
    assert budgetlint.lint_text(prose + "\n", select=["BL012"]) == []
    (finding,) = budgetlint.lint_text(text, select=["BL012"])
    assert (finding.line, finding.column, finding.end_column) == (1, len(prose) + 1, len(prose) + 1 + len(alternative))


def test_a_note_that_says_the_table_is_empty_under_a_table_with_figures():
    """Shanghai 万里 2024, pages 27 and 31: the empty 政府性基金 table's note is true;
    the 三公 table's note says the same over 47.91 万元 (the 说明 says 47.91 too)."""
    document = budgetlint.read_path(PDF / "shanghai_wanli_2024_p27_p31.pdf")
    (finding,) = budgetlint.lint_document(document, select=["BL013"])
    line = document.source.lines[finding.line - 1]
    assert line[finding.column - 1 : finding.end_column - 1] == "本表为空表" and "三公" in line
    assert finding.page == 2
    assert [r.message.rsplit("「", 1)[-1] for r in finding.related][:1] == ["2024年“三公”经费预算数/合计」栏"]
    assert "47.91" in finding.message


def _note_table(figure: str) -> str:
    return (
        "2026年政府性基金预算支出表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
        f"\t合计\t{figure}\t\t\n注：本部门无政府性基金预算，故本表为空表。\n"
    )


@settings(max_examples=40, deadline=None)
@given(st.decimals(min_value=0, max_value=99999, places=2))
def test_an_empty_note_is_silent_over_zeros_and_found_over_a_figure(value):
    assert budgetlint.lint_text(_note_table(""), select=["BL013"]) == []
    assert budgetlint.lint_text(_note_table("0.00"), select=["BL013"]) == []
    found = budgetlint.lint_text(_note_table(f"{value:.2f}"), select=["BL013"])
    assert len(found) == (1 if value else 0)


def test_one_code_with_two_names_in_two_tables():
    found = {name: budgetlint.lint_file(SEEDS[name], select=["BL014"]) for name in ("003", "004")}
    # 003 prints 21013 医疗教助 once (医疗救助 elsewhere): one character read differently by its OCR
    assert found["003"] == []
    assert [(d.line, d.message.split("」")[0].split("「")[1]) for d in found["004"]] == [
        (112, "医疗健康支出"),  # 表1; 卫生健康支出 in four tables
        (208, "商品和服务支出"),  # two tables print 商品服务支出
        (292, "资源勘探工业信息等支出"),  # one each: the later one is pointed at
        (376, "财政对基本医疗保险的补助"),
    ]
    (first,) = found["004"][0].related
    assert first.line != 112 and "卫生健康支出" in first.message


def test_a_code_printed_twice_in_one_table_or_with_other_codes_in_its_label():
    one_table = "2026年一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t合计\n201\t甲支出\t1.00\n201\t乙支出\t1.00\n"
    assert budgetlint.lint_text(one_table, select=["BL014"]) == []
    two = (
        "2026年一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t合计\n2040601\t行政运行\t1.00\n\n"
        "2026年部门支出总表\n单位：万元\n科目编码\t科目名称\t合计\n2040601\t行政运行50101-工资奖金津补贴\t1.00\n"
    )
    assert budgetlint.lint_text(two, select=["BL014"]) == []
    assert len(budgetlint.lint_text(two.replace("行政运行50101", "一般行政管理事务50101"), select=["BL014"])) == 1


def _seed_lines(name: str) -> list[str]:
    return SEEDS[name].read_text(encoding="utf-8").split("\n")


def test_contents_against_the_tables_printed():
    assert budgetlint.lint_file(SEEDS["000"], select=["BL016"]) == []
    assert budgetlint.lint_file(SEEDS["003"], select=["BL016"]) == []  # 公开04表 is printed though unreadable
    lines = _seed_lines("000")
    first, last = lines.index("2020年度收入决算表(表2)"), lines.index("2020年度支出决算表(表3)")
    without = lines[: first - 1] + lines[last - 1 :]
    (absent,) = budgetlint.lint_text("\n".join(without), select=["BL016"])
    assert (absent.line, absent.column) == (18, 5) and "收入决算表" in absent.message
    renumbered = [line.replace("（表6）", "（表10）") for line in lines]
    (found,) = budgetlint.lint_text("\n".join(renumbered), select=["BL016"])
    assert found.line == 22 and "表 6" in found.message and "（表10）" in found.message
    unlisted = [line for line in lines if "国有资本经营预算财政拨款支出决算表(表 9)" not in line]
    (found,) = budgetlint.lint_text("\n".join(unlisted), select=["BL016"])
    assert "目录中却没有" in found.message and "国有资本经营预算财政拨款支出决算表" in found.message


def test_contents_of_a_document_whose_tables_are_published_apart():
    text = "目录\n一、收支总表\n二、收入总表\n三、支出总表\n\n一、部门概况\n本部门主要职能是……\n"
    assert budgetlint.lint_text(text, select=["BL016"]) == []


def test_instructions_to_whoever_fills_in_the_template():
    note = "注：本表反映部门本年度政府性基金预算财政拨款收入支出情况。\n无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：\n"
    (found,) = budgetlint.lint_text(note, select=["BL017"])
    assert (found.line, found.column) == (2, 19) and "仍保留该表格式……作下述说明" in found.message
    found = budgetlint.lint_text(
        "一、主要职能\n由主管部门根据三定方案等相关规定中有关主要职能填写。\n", select=["BL017"]
    )
    assert [(d.line, d.column) for d in found] == [(2, 1)]
    # a note that says how the figures were filled in is not an instruction
    assert budgetlint.lint_text("注：本表数据依据《关于2018年省级部门预算的批复》填列。\n", select=["BL017"]) == []
    for name in SEEDS:
        assert budgetlint.lint_file(SEEDS[name], select=["BL017"]) == []


def test_dates_earlier_than_the_year_reported():
    found = budgetlint.lint_file(SEEDS["001"], select=["BL018"])
    assert [(d.line, d.column, d.end_column) for d in found] == [(63, 73, 77), (1164, 8, 12)]
    assert "2019" in found[0].message and "2020 年度决算" in found[0].message
    for name in ("000", "002", "003", "004"):
        assert budgetlint.lint_file(SEEDS[name], select=["BL018"]) == []
    budget = "2026年一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t合计\n201\t一般公共服务支出\t1.00\n\n"
    assert budgetlint.lint_text(budget + "截至2025年12月31日，本部门共有车辆2辆。\n", select=["BL018"]) == []
    (found,) = budgetlint.lint_text(budget + "截至2024年12月31日，本部门共有车辆2辆。\n", select=["BL018"])
    assert "2026 年预算" in found.message and "早于 2025 年" in found.message


def test_an_empty_table_is_explained_in_the_seeds():
    """004 says three times that it has no 政府性基金 money (收入 0 万元, 没有使用…的支出,
    财政拨款 0 万元); 003's empty
    tables say it in a cell (本单位无政府性基金预算财政拨款收入及支出) and in the text."""
    for name in ("000", "001", "002", "003", "004"):
        assert budgetlint.lint_file(SEEDS[name], select=["BL015"]) == []
    lines = SEEDS["004"].read_text(encoding="utf-8").split("\n")
    said = [
        i for i, line in enumerate(lines) if "政府性基金" in line and "万元" in line or "没有使用政府性基金" in line
    ]
    assert [i + 1 for i in said] == [402, 436, 468]
    for i in said[1:]:
        lines[i] = "本部门预算情况如下。"
    assert budgetlint.lint_text("\n".join(lines), select=["BL015"]) == []  # 402: 政府性基金…本年收入 0 万元
    lines[said[0]] = "本部门预算情况如下。"
    unexplained = "\n".join(lines)
    (finding,) = budgetlint.lint_text(unexplained, select=["BL015"])
    assert (finding.line, finding.column) == (257, 1)
    assert "政府性基金预算支出表" in finding.message and "没有数字" in finding.message
    seed_003 = SEEDS["003"].read_text(encoding="utf-8")
    for said in ("2024年度本部门无政府性基金预算财政拨款收入支出。", "2024年度本部门无国有资本经营预算财政拨款支出。"):
        seed_003 = seed_003.replace(said, "")
    assert budgetlint.lint_text(seed_003, select=["BL015"]) == []


_EXPLANATIONS = (
    "注：本部门无相关收支项目",
    "注：本表本年无发生额。",
    "（注：2026年国家信访局部门预算中没有使用政府性基金预算拨款安排的支出。）",
    "备注：本部门没有政府性基金预算拨款安排的支出，故本表无数据。",
)
_IN_TEXT = (
    "江苏省高级人民法院 2017 年政府性基金支出预算支出 0 万元。",
    "政府性基金拨款支出预算为0；国有资本经营预算拨款支出预算为0。",
    "本部门无当年政府性基金预算收支，并已公开空表。",
)


def _empty_fund_table(cell: str, note: str, prose: str) -> str:
    return (
        "2026年一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t合计\n\t合计\t12.00\n201\t一般公共服务支出\t12.00\n\n"
        "2026年政府性基金预算支出表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
        f"\t合计\t{cell}\t{cell}\t{cell}\n{note}\n\n"
        f"一、收支预算总体情况\n\n本部门2026年收入预算12.00万元，支出预算12.00万元。{prose}\n"
    )


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["", "0", "0.00"]), st.sampled_from(_EXPLANATIONS), st.sampled_from(_IN_TEXT))
def test_an_empty_table_needs_a_note_or_a_sentence(cell, note, prose):
    assert budgetlint.lint_text(_empty_fund_table(cell, note, ""), select=["BL015"]) == []
    assert budgetlint.lint_text(_empty_fund_table(cell, "", prose), select=["BL015"]) == []
    (finding,) = budgetlint.lint_text(_empty_fund_table(cell, "", ""), select=["BL015"])
    assert finding.line == 7 and "政府性基金预算支出表" in finding.message
    assert budgetlint.lint_text(_empty_fund_table("3.00", "", ""), select=["BL015"]) == []
