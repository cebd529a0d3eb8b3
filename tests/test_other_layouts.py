"""Text layouts that other provinces print, as small excerpts: what the reader
makes of them, and that it says nothing where it cannot be sure."""

from __future__ import annotations

from conftest import SEEDS

import budgetlint


def test_interleaved_groups_are_unrecognised_not_guessed():
    """Names right of amounts in one group (groups not told apart): no kind, the
    reason listed, and no arithmetic finding although the figures do not add up."""
    text = (
        "2026年部门收支预算总表\n单位：万元\n"
        "收入\t\t支出\t\n"
        "名称\t金额\t名称\t金额\n"
        "一、一般公共预算\t100.00\t一般公共服务支出\t70.00\n"
        "合计\t100.00\t合计\t90.00\n"
    )
    document = budgetlint.read_text(text)
    (table,) = document.tables
    assert table.kind is None and "未能读懂" in table.unrecognised
    assert budgetlint.lint_document(document) == []


def test_a_title_broken_over_two_lines():
    text = (
        "第二部分 预算表\n"
        "2026年北京市司法局部门收支\n"
        "预算总表\n"
        "单位：万元\n"
        "收入\t\t支出\t\n"
        "项目\t预算数\t项目\t预算数\n"
        "本年收入合计\t10.00\t本年支出合计\t10.00\n"
    )
    document = budgetlint.read_text(text)
    assert [(t.title, t.kind, t.line, t.unit) for t in document.tables] == [
        ("2026年北京市司法局部门收支预算总表", "部门收支总表", 2, "万元"),
        ("2026年北京市司法局部门收支预算总表", "部门收支总表", 2, "万元"),
    ]
    assert document.paragraphs == ()


def test_two_lines_of_prose_ending_in_a_table_name_are_no_title():
    text = "本部门预算收支情况详见\n收支预算总表\n\n下一段文字说明收入情况。\n"
    document = budgetlint.read_text(text)
    assert [h.text for h in document.headings] == ["收支预算总表"]


def test_a_repeated_title_on_the_next_page_continues_the_table():
    """A table continued after a page break with its title and header printed
    again is one table (the 类 row is compared with all its 款 rows)."""
    page = "2026年一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t合计\n"
    text = (
        "--- 第 1 页 ---\n" + page + "201\t一般公共服务支出\t30.00\n20101\t人大事务\t10.00\n- 1 -\n"
        "--- 第 2 页 ---\n" + page + "20102\t政协事务\t20.00\n- 2 -\n"
    )
    document = budgetlint.read_text(text)
    (table,) = document.tables
    assert [row.code for row in table.rows] == ["201", "20101", "20102"]
    assert budgetlint.lint_document(document) == []
    changed = budgetlint.read_text(text.replace("20.00", "21.00"))
    (finding,) = budgetlint.lint_document(changed)
    assert finding.code == "BL220" and finding.page == 1


def test_a_department_name_wrapped_under_its_unit_keeps_the_title():
    text = (
        "收支预算总表\n部门名称：江苏省人大\n单位:万元\n常委会办公厅\n"
        "收入\t\t支出\t\n项目名称\t金额\t项目名称\t金额\n"
        "一、财政拨款\t15897.44\t一、基本支出\t15897.44\n"
    )
    document = budgetlint.read_text(text)
    assert [(t.title, t.kind, t.part, t.unit) for t in document.tables] == [
        ("收支预算总表", "部门收支总表", "收入", "万元"),
        ("收支预算总表", "部门收支总表", "支出", "万元"),
    ]
    assert document.paragraphs == ()


def test_a_title_and_header_alone_at_the_foot_of_a_page():
    """Jiangsu 2018: "收入 | 支出" is all of the table on its page; the next page
    goes on with four columns. The header row heads the two groups."""
    text = (
        "--- 第 10 页 ---\n四、财政拨款收支预算总表\n单位：万元\n收入\t支出\n"
        "--- 第 11 页 ---\n项目名称\t金额\t项目名称\t金额\n"
        "一、一般公共预算\t100.00\t一、基本支出\t60.00\n"
        "\t\t二、项目支出\t40.00\n"
        "收入合计\t100.00\t支出合计\t100.00\n"
    )
    document = budgetlint.read_text(text)
    assert [(t.kind, t.part, [r.label for r in t.rows]) for t in document.tables] == [
        ("财政拨款收支总表", "收入", ["一、一般公共预算", "收入合计"]),
        ("财政拨款收支总表", "支出", ["一、基本支出", "二、项目支出", "支出合计"]),
    ]


def test_a_grand_total_sums_every_range_and_a_range_total_its_own():
    """A 基本支出 table printed as two column groups: 人员经费合计 sums 301 and 303
    on the left, 公用经费合计 302 and 310 on the right, 合计 all four."""
    text = (
        "一般公共预算财政拨款基本支出决算表\n单位：万元\n"
        "科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数\n"
        "\t合计\t100.00\t\t\t\n"
        "301\t工资福利支出\t50.00\t302\t商品和服务支出\t20.00\n"
        "303\t对个人和家庭的补助\t20.00\t310\t资本性支出\t10.00\n"
        "\t人员经费合计\t70.00\t\t公用经费合计\t30.00\n"
    )
    assert budgetlint.lint_text(text, select=["BL221"]) == []
    (finding,) = budgetlint.lint_text(text.replace("\t100.00", "\t101.00"), select=["BL221"])
    assert "合计" in finding.message and "101.00" in finding.message and "100.00" in finding.message


def test_classes_numbered_under_a_total_are_not_its_breakdown():
    text = (
        "2026年部门支出总表\n单位：万元\n项目\t合计\n合计\t100.00\n一、一般公共服务支出\t60.00\n二、教育支出\t41.00\n"
    )
    document = budgetlint.read_text(text)
    (table,) = document.tables
    assert [row.parent for row in table.rows] == [None, None, None]
    (finding,) = budgetlint.lint_document(document, select=["BL222"])
    assert "100.00" in finding.message and "101.00" in finding.message


def test_a_final_account_title_is_never_a_budget_kind():
    from budgetlint.kinds import recognise

    assert recognise("2024年度“三公”经费及机关运行经费决算表", ()) == "三公经费支出决算表"
    assert recognise("部门决算收入支出总表", ()) == "收入支出决算总表"
    assert recognise("政府采购决算表", ()) is None
    assert recognise("2023年部门“三公”经费和机关运行经费预算表", ()) == "三公经费支出表"


def _pages(head: str, bodies: list[str]) -> str:
    return "".join(f"--- 第 {n} 页 ---\n{head}{body}- {n} -\n" for n, body in enumerate(bodies, 1))


def test_a_running_head_is_page_furniture_but_a_repeated_title_is_the_title():
    header = "单位：万元\n科目编码\t科目名称\t合计\n"
    bodies = ["201\t一般公共服务支出\t30.00\n", "20101\t人大事务\t10.00\n", "20102\t政协事务\t20.00\n"]
    # Suzhou prints "苏州市审计局2026年度部门预算公开" over every page, the table's title only once.
    running = "苏州市审计局2026年度部门预算公开\n"
    document = budgetlint.read_text(_pages(running, ["2026年一般公共预算支出表\n" + header + bodies[0]] + bodies[1:]))
    (table,) = document.tables
    assert table.kind == "一般公共预算支出表" and [r.code for r in table.rows] == ["201", "20101", "20102"]
    # Guangzhou prints the table's own title over each of its 140 pages: still one table, with its title.
    title = "2026年一般公共预算支出表\n"
    document = budgetlint.read_text(_pages(title, [header + body for body in bodies]))
    (table,) = document.tables
    assert table.title == "2026年一般公共预算支出表" and [r.code for r in table.rows] == ["201", "20101", "20102"]


def test_column_numbers_printed_twice_or_skipped():
    (found,) = budgetlint.lint_file(SEEDS["004"], select=["BL003"])
    assert (found.line, found.column) == (363, 19) and "栏次 9 印了两次" in found.message
    (previous,) = found.related
    assert (previous.line, previous.column) == (363, 17)
    # 003 公开07表 prints "1 2 3 4 5" in one cell: fused by the export, not skipped
    assert budgetlint.lint_file(SEEDS["003"], select=["BL003"]) == []
    table = "2020年度支出决算表\n单位：万元\n项目\t\t\t\n栏次\t1\t2\t4\n合计\t3.00\t1.00\t2.00\n"
    (skipped,) = budgetlint.lint_text(table, select=["BL003"])
    assert "从 2 跳到 4" in skipped.message


def test_two_figures_fused_in_one_cell():
    found = budgetlint.lint_file(SEEDS["002"], select=["BL004"])
    assert [(d.line, d.column, d.end_column) for d in found] == [(64, 2, 12), (74, 2, 10)]
    assert "「48.5044.05」" in found[0].message and "「59.908.5」" in found[1].message
    # three figures side by side, and a version number in a name, are not fused figures
    table = "项目\t金额\t比例\n甲\t1.50\t2.5%\n乙\t0.07 0.07\t\n"
    assert budgetlint.lint_text(table, select=["BL004"]) == []
