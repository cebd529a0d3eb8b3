"""Seeds 001 and 002: one cell per line, cells broken over lines, fused cells."""

from __future__ import annotations

from decimal import Decimal as D

from conftest import kinds_count, seed, table


def _texts(row):
    return [None if c is None or c.empty else (str(c.figure) if c.figure else c.text) for c in row.cells]


def _row(t, first_text):
    return next(
        r for r in t.rows if r.label == first_text or (r.cells and r.cells[0] and r.cells[0].text == first_text)
    )


def test_001_tables():
    document = seed("001")
    assert kinds_count(document) == {"项目支出绩效自评表": 6}
    assert document.problems == ()


def test_001_funding_rows_and_columns():
    project = table(seed("001"), "项目支出绩效自评表")
    assert project.unit == "万元"  # from the "项目资金（万元）" header cell
    assert [c.header for c in project.columns][:7] == [
        None,
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "分值",
        "执行率",
        "得分",
    ]
    assert _texts(_row(project, "年度资金总额")) == [
        "年度资金总额",
        "185.23",
        "190.27（追减21.05，结转5.04）",
        "164.18",
        "10",
        "97.02%",
        "9",
        None,
    ]
    assert _texts(_row(project, "其中：当年财政拨款"))[1:7] == [
        "180.00",
        "185.04（追减21.05，结转5.04）",
        "158.95",
        "10",
        "96.99%",
        "9",
    ]
    assert _texts(_row(project, "上年结转资金"))[1:4] == ["5.23", "5.23", "5.23"]
    total = next(r for r in project.rows if r.label == "总分")
    assert [c.figure.value for c in total.cells[:2]] == [D("100"), D("98")]


def test_001_cells_broken_over_lines_are_joined():
    project = table(seed("001"), "项目支出绩效自评表")
    header = next(r for r in project.rows if r.label == "绩效指标")  # "绩\n效\n指\n标"
    assert _texts(header)[:5] == ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"]
    cost = next(r for r in project.rows if r.cells[1] and r.cells[1].text == "成本指标")
    assert cost.cells[3].text == "550元/人/年"  # "550元", blank line, "/人/年"
    assert cost.line == 215


def test_001_appendix_repeats_the_first_table():
    first = table(seed("001"), "项目支出绩效自评表", nth=0)
    last = table(seed("001"), "项目支出绩效自评表", nth=5)
    assert last.line == 1276
    assert _texts(_row(last, "年度资金总额")) == _texts(_row(first, "年度资金总额"))


def test_002_tables_and_fused_cells():
    document = seed("002")
    assert kinds_count(document) == {None: 1, "绩效评分表": 1}
    data = table(document, None)
    assert data.columns[0].header == "编制数"
    assert _texts(data.rows[0])[:3] == ["17", "13", "76%"]  # "17　" with an ideographic space
    assert _texts(_row(data, "1、机构改革专项经费"))[:3] == ["72.28", None, None]
    assert _texts(_row(data, "2、医疗保障专项经费"))[:3] == [None, "50", "48.5044.05"]  # fused: text, not a figure
    assert _texts(_row(data, "其中：公用经费"))[:3] == [None, "24.6", "23.32"]
    assert _texts(_row(data, "部门整体支出预算调整"))[:3] == [None, "474.19", "471.08"]  # "——" is empty


def test_002_score_table_survives_a_blank_line_inside_a_cell():
    score = table(seed("002"), "绩效评分表")
    assert score.title == "考核评分表"
    assert [c.header for c in score.columns] == ["二级标准", "分值", "计分标准", "评分"]
    assert len(score.rows) == 9
    detail = next(r for r in score.rows if r.cells[0].text == "绩效自评指标是否细化和量化")
    assert "最多扣5分" in detail.cells[2].text  # the part after the blank line
    assert detail.cells[3].figure.value == D("15")
    total = score.rows[-1]
    assert total.label == "合计"
    assert [c.figure.value for c in total.cells if c and c.figure] == [D("100"), D("100")]
