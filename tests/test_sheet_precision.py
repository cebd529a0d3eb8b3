"""What the BL5xx rules must not report: sheets that are consistent but printed
in ways the patterns do not fully know (a fund or a label of another name, a
part of a part, subtotal rows, weights in per cent, indicators that name other
rates, sentences whose score is another's). Each case here was once reported
by mistake; each is the same sheet with one more thing the reader has to
leave alone."""

from __future__ import annotations

import pytest

import budgetlint


def _findings(text: str, select=("BL5",)) -> list[str]:
    return [d.format() for d in budgetlint.lint_text(text, select=list(select))]


def _target(money: str, header: str = "分值（90）", rows=None) -> str:
    rows = rows or [
        ("成本指标", "经济成本指标", "项目总成本", "≤2134.87万元", "20"),
        ("产出指标", "数量指标", "维护量", "≥330台", "30"),
        ("效益指标", "社会效益指标", "发生率", "≤0.5%", "30"),
        ("满意度指标", "服务对象满意度指标", "满意率", "≥85%", "10"),
    ]
    body = "".join(f"\t{a}\t{b}\t{c}\t\t{d}\t{e}\n" for a, b, c, d, e in rows)
    return (
        "信息化运行维护绩效目标表\n项目名称\t\t信息化运行维护\t\t\t\t\n"
        f"{money}年度总体目标\t目标\t\t\t\t\t\n"
        f"绩效指标\t一级指标\t二级指标\t三级指标\t\t指标值\t{header}\n{body}"
    )


_MONEY = (
    "项目资金（万元）\t\t年度资金总额：\t\t2,134.87\t\t执行率分值（10）\n"
    "\t\t其中：财政拨款\t\t1,384.87\t\t\n"
    "\t\t上年结转\t\t750.00\t\t\n"
)


@pytest.mark.parametrize(
    "text",
    [
        _target(_MONEY),
        # a fund no pattern knows: the parts read only bound the total from below
        _target(_MONEY.replace("上年结转", "单位自筹")),
        # a part of a part (财政资金 within 财政拨款): the block is not summed
        _target(_MONEY.replace("\t\t上年结转", "\t\t财政资金\t\t1,384.87\t\t\n\t\t上年结转")),
        # weights in per cent: 100 of them, not 90 points beside 执行率分值 10
        _target(
            _MONEY,
            "指标权重(%)",
            [
                ("成本指标", "经济成本指标", "项目总成本", "≤2134.87万元", "20"),
                ("产出指标", "数量指标", "维护量", "≥330台", "40"),
                ("效益指标", "社会效益指标", "发生率", "≤0.5%", "30"),
                ("满意度指标", "服务对象满意度指标", "满意率", "≥85%", "10"),
            ],
        ),
        # a 合计 row, and rows that carry their level's subtotal
        _target(_MONEY, rows=[("成本指标", "经济成本指标", "项目总成本", "≤1", "90"), ("合计", "", "", "", "90")]),
        _target(
            _MONEY,
            rows=[
                ("成本指标", "", "", "", "45"),
                ("", "经济成本指标", "项目总成本", "≤1", "45"),
                ("产出指标", "", "", "", "45"),
                ("", "数量指标", "维护量", "≥330台", "45"),
            ],
        ),
    ],
)
def test_target_sheets_printed_otherwise_are_not_reported(text):
    assert _findings(text) == []


def _hubei(rows, root: str = "年度绩效目标 (80分)", unit: str = "万元", budget="1027", spent="784.29", rate="76.37%"):
    """A Hubei sheet: rows of (一级, 二级, 三级, 年初目标值, 实际完成值, 得分)."""
    body = "".join(f"\t{a}\t{b}\t{c}\t{t}\t{v}\t{s}\n" for a, b, c, t, v, s in rows)
    total = 15.27 + sum(float(row[5]) for row in rows)
    return (
        "2020 年度甲项目自评表\n\n单位名称：某局\n\n项目名称\t甲项目\t\t\t\t\n"
        f"预算执行情况 ({unit}) (20分)\t\t预算数 (A)\t执行数 (B)\t执行率 (B/A)\t得分 (20分*执行率)\t\n"
        f"\t年度财政资金总额\t{budget}\t{spent}\t{rate}\t15.27\t\n"
        f"{root}\t一级指标\t二级指标\t三级指标\t年初目标值 (A)\t实际完成值 (B)\t得分\n"
        f"{body}总分\t{total:.2f}\t\t\t\t\n"
    )


_ROWS = [
    ("产出指标 (40分)", "数量指标 (20分)", "a", "是", "是", "10"),
    ("", "", "b", "是", "是", "10"),
    ("", "质量指标 (20分)", "c", "是", "是", "20"),
    ("效益指标 (40分)", "社会效益指标 (40分)", "d", "是", "是", "40"),
]


def _with(at: int, row) -> list:
    return _ROWS[:at] + [row] + _ROWS[at + 1 :]


@pytest.mark.parametrize(
    "rows",
    [
        _ROWS,
        # a weighted label no name tells the level of: no label of the sheet is checked
        _with(0, ("产出指标 (40分)", "产出数量指标 (20分)", "a", "是", "是", "10")),
        # a merged label printed again on its next row: one group, or two
        _with(1, ("", "数量指标 (20分)", "b", "是", "是", "10")),
        # indicators that name other figures than the sheet's own
        _with(1, ("", "", "人均救助资金", "≤0.5 万元", "0.48 万元", "10")),
        _with(1, ("", "", "预算控制数", "≤1027 万元", "1027 万元", "10")),
        _with(1, ("", "", "中央资金执行率", "100%", "100%", "10")),
        _with(1, ("", "", "三季度预算执行率", "≥75%", "80%", "10")),
        # a blank 实际完成值: the target is not taken for it
        _with(1, ("", "", "预算执行率", "100%", "", "10")),
    ],
)
def test_hubei_sheets_printed_otherwise_are_not_reported(rows):
    assert _findings(_hubei(rows)) == []


def test_spending_restated_in_a_sheet_printed_in_yuan():
    row = ("", "", "资金使用控制在预算内", "≤1027 万元", "784.29 万元", "10")
    text = _hubei(_with(1, row), unit="元", budget="10270000", spent="7842900")
    assert _findings(text, ["BL507"]) == []
    assert len(_findings(text.replace("784.29 万元", "748.29 万元"), ["BL507"])) == 1


def _department(targets: int) -> str:
    """A national department sheet: targets of 30 points, each 产出 10 + 成本 5 + 效益 10 +
    满意度 5 (成本 and 满意度 at the first level): 4 ambiguous labels per target."""
    rows = []
    for k in range(1, targets + 1):
        rows += [
            f"年度目标 {k} (30分)\t做好第{k}项工作\t\t\t\t\t\n",
            f"年度绩效指标 {k}\t一级指标\t二级指标\t三级指标\t年初目标值 (A)\t实际完成值 (B)\t得分\n",
            f"\t产出指标 (10分)\t数量指标 (10分)\ta{k}\t是\t是\t10\n",
            f"\t成本指标 (5分)\t经济成本指标 (5分)\tb{k}\t是\t是\t5\n",
            f"\t效益指标 (10分)\t社会效益指标 (10分)\tc{k}\t是\t是\t10\n",
            f"\t满意度指标 (5分)\t服务对象满意度指标 (5分)\td{k}\t是\t是\t5\n",
        ]
    return (
        "2020 年度部门整体绩效自评表\n\n单位名称\t某局\t\t\t\t\t\n"
        "预算执行情况 (万元) (10分)\t\t预算数 (A)\t执行数 (B)\t执行率 (B/A)\t得分 (10分*执行率)\t\n"
        "\t部门整体 支出总额\t100\t100\t100%\t10\t\n" + "".join(rows) + f"总分\t{30 * targets + 10}\t\t\t\t\t\n"
    )


@pytest.mark.parametrize("targets", [1, 2, 3])
def test_national_department_sheets_with_several_targets(targets):
    """服务对象满意度 is a second-level label in both frameworks; one numbered target (年度目标 1)
    may be the root or one target; with more than six ambiguous labels nothing is read
    both ways, and nothing is reported."""
    assert _findings(_department(targets), ["BL503", "BL504"]) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "项目自评总分 95 分，其中预算执行得分 9 分，评价等级为优。",
        "预算执行得分 18 分，综合评价等级为优。",
        "该项指标得分 4.5 分，评价结果为优。",
        "上年评价得分 85 分，本年评价等级为优。",
        "2019年自评得分 75 分，2020年评价等级为良。",
        "服务对象满意度 95 分以上为优。项目综合评分 92 分，评价级次为优。",
    ],
)
def test_grades_of_another_score_are_not_reported(sentence):
    assert _findings(sentence + "\n", ["BL509"]) == []


def test_a_project_table_rate_on_another_budget_column_and_its_names():
    """调整后预算数 is a budget too (2,660 ÷ 2,800 = 95%); a 序号 is not the project's name."""
    text = "2020年度项目支出绩效自评表\n序号\t项目名称\t年初预算数\t调整后预算数\t实际支出\t执行率\n"
    assert _findings(text + "1\t帮扶资金\t3,000.00\t2,800.00\t2,660.00\t95.00%\n") == []
    (found,) = _findings(text + "1\t帮扶资金\t3,000.00\t2,800.00\t2,660.00\t96.00%\n")
    assert "「帮扶资金」执行率 96.00%" in found


def test_sichuan_money_lines_of_other_funds_are_not_summed():
    head = (
        "2020年度甲项目支出绩效自评表\n项目名称\t甲项目\t\t\t\t\t\t\n"
        "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
    )
    tail = (
        "年度总体目标\t预期目标\t\t\t实际完成情况\t\t\t\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "\t产出指标\t数量指标\t人数\t4人\t4人\t70\t70\n总分\t\t\t\t\t\t100\t99\n"
    )
    lines = [
        ("年度资金总额", "100", "100", "90", "10", "90%", "9"),
        ("其中：当年财政拨款", "80", "80", "70", "10", "87.5%", "10"),
        ("其中：中央财政资金", "50", "50", "40", "0", "80%", "0"),
        ("上年结转资金", "20", "20", "20", "5", "100%", "5"),
        ("其他资金", "0", "0", "0", "5", "100%", "5"),
    ]
    body = "".join("\t" + "\t".join(line) + "\n" for line in lines)
    assert _findings(head + body + tail, ["BL508"]) == []
    unknown = lines[:2] + [("单位自筹资金", "20", "20", "20", "5", "100%", "5")]
    body = "".join("\t" + "\t".join(line) + "\n" for line in unknown)
    assert _findings(head + body + tail, ["BL508"]) == []


def test_the_sheets_above_are_read_and_checked():
    """The cases above are silent because they hold, not because nothing was read."""
    assert len(_findings(_hubei(_with(0, ("产出指标 (40分)", "数量指标 (25分)", "a", "是", "是", "10"))))) == 1
    assert len(_findings(_target(_MONEY.replace("1,384.87", "1,438.87")))) == 1
    assert len(_findings(_target(_MONEY, header="分值（80）"))) == 1
    assert len(_findings("项目综合评分 88 分，评价级次为优。\n", ["BL509"])) == 1
