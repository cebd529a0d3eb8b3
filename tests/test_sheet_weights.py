"""Weights printed in a sheet's labels ("产出指标 (40分)", "数量指标 (15分)") and
indicators that restate the sheet's own figures, on seed 000's Hubei sheets: all
of their weights add up (silent), each weight changed is found at the label that
no longer adds up, and the one indicator that restates another 执行率 is found."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

import budgetlint
from budgetlint.scoring import read_sheets, weight_trees


def _text() -> str:
    return SEEDS["000"].read_text(encoding="utf-8")


def _found(old: str, new: str, line: int, select=("BL503", "BL504")):
    """The findings of 000 with ``old`` replaced by ``new`` on ``line`` only."""
    lines = _text().split("\n")
    assert old in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    return [(d.code, d.line, d.column) for d in budgetlint.lint_text("\n".join(lines), select=list(select))]


def test_the_weighted_labels_of_seed_000_are_read_and_add_up():
    sheets = [s for s in read_sheets(budgetlint.read_path(SEEDS["000"])) if s.style == "湖北"]
    first = sheets[0]
    assert [(w.name, w.level, w.points) for w in first.weights] == [
        ("年度绩效目标", 0, 80),
        ("产出指标", 1, 40),
        ("数量指标", 2, 15),
        ("质量指标", 2, 10),
        ("时效指标", 2, 10),
        ("成本指标", 1, 5),  # 一级 in the national framework, 二级 in Hubei's: read both ways
        ("效益指标", 1, 40),
        ("社会效益指标", 2, 30),
        ("可持续影响指标", 2, 10),
    ]
    assert first.weights[2].span.line == 550 and first.weights[5].ambiguous
    # Hubei's reading first: 成本指标 under 产出指标, 15 + 10 + 10 + 5 = 40
    tree = weight_trees(first.weights, second=True)[0]
    assert [c.weight.name for c in tree.children] == ["产出指标", "效益指标"]
    assert [c.weight.points for c in tree.children[0].children] == [15, 10, 10, 5]
    assert budgetlint.lint_file(SEEDS["000"], select=["BL503", "BL504"]) == []


@pytest.mark.parametrize(
    ("old", "new", "line", "expected"),
    [
        # a second-level weight changed: its first-level label no longer adds up
        ("数量指标 (15分)", "数量指标 (16分)", 550, [("BL504", 550, 8)]),
        ("成本指标 (5分)", "成本指标 (6分)", 557, [("BL504", 550, 8)]),
        # a first-level weight changed: found at itself, not again at the root
        ("产出指标 (40分)", "产出指标 (45分)", 550, [("BL504", 550, 8)]),
        # the root and the 20 points of budget execution make 100
        ("年度绩效目标 (80分)", "年度绩效目标 (85分)", 549, [("BL504", 549, 9)]),
        # 政府买岗经费: no first-level weights; the second-level ones make the root's 80
        ("(7分)", "(8分)", 609, [("BL504", 608, 11)]),
        # the department sheet: each 年度目标 (16 分) is its 产出 8 + 效益 8
        ("(8 分)", "(9 分)", 735, [("BL504", 733, 10)]),
    ],
)
def test_each_weight_changed_is_found_once(old, new, line, expected):
    assert _found(old, new, line) == expected


def test_indicators_scored_above_their_label_weight():
    """社会效益 指标 (30分) holds three indicators of 10: at 20 they overscore it (and 效益's
    40 no longer adds up); an indicator raised from 5 to 7 overscores 数量指标 (15分)."""
    assert _found("社会效益 指标 (30分)", "社会效益 指标 (20分)", 558) == [("BL504", 558, 8), ("BL503", 558, 21)]
    assert _found("2331 人次\t5", "2331 人次\t7", 550) == [("BL503", 550, 19)]


def test_an_indicator_restating_another_execution_rate():
    """政府买岗经费 (line 607: 执行率 44.45%) scores its indicator "97% ≤ 预算执行率 ≤ 100%" on
    33.13% (line 613). The five cost indicators that restate their sheet's 执行数
    ("784.29 万元") agree with it."""
    (found,) = budgetlint.lint_file(SEEDS["000"], select=["BL507"])
    assert (found.code, found.line, found.column) == ("BL507", 613, 39)
    assert "33.13%" in found.message and "44.45%" in found.message and "湖北 20 分制" in found.message
    assert [(r.line, r.column) for r in found.related] == [(607, 19)]
    assert _found("33.13%", "44.45%", 613, ("BL507",)) == []
    assert _found("784.29 万元", "748.29 万元", 557, ("BL507",)) == [("BL507", 557, 32), ("BL507", 613, 39)]
    assert _found("0.84 万元", "0.48 万元", 714, ("BL507",)) == [("BL507", 613, 39), ("BL507", 714, 23)]


_groups = st.lists(st.lists(st.integers(1, 10), min_size=1, max_size=3), min_size=2, max_size=3)


def _labelled(groups: list[list[int]], first: list[int] | None = None, root: int | None = None) -> str:
    """A Hubei sheet whose weights are printed in its labels: 产出指标 (n分) over 数量指标 (m分)
    …, each indicator scored in full (its group's weight shared out)."""
    names = ["数量指标", "质量指标", "时效指标", "社会效益指标"]
    first = first if first is not None else [sum(group) for group in groups]
    root = root if root is not None else sum(first)
    rows = []
    for level, (group, weight) in enumerate(zip(groups, first, strict=True)):
        label = f"产出指标 ({weight}分)" if level % 2 == 0 else f"效益指标 ({weight}分)"
        for i, points in enumerate(group):
            rows.append(f"\t{label if i == 0 else ''}\t{names[i]} ({points}分)\t指标{level}{i}\t是\t是\t{points}\n")
    execution = 100 - sum(map(sum, groups))  # the rest of 100, all earned
    total = Decimal(execution) + sum(map(sum, groups))
    return (
        "2020 年度某项目自评表\n\n项目名称\t甲项目\t\t\t\t\n"
        f"预算执行情况 (万元) ({execution}分)\t\t预算数 (A)\t执行数 (B)\t执行率 (B/A)\t得分 ({execution}分*执行率)\t\n"
        f"\t年度财政资金总额\t10.00\t10.00\t100%\t{execution}\t\n"
        f"年度绩效目标 ({root}分)\t一级指标\t二级指标\t三级指标\t年初目标值 (A)\t实际完成值 (B)\t得分\n"
        f"{''.join(rows)}总分\t{total}\t\t\t\t\n"
    )


@settings(max_examples=40, deadline=None)
@given(_groups, st.data())
def test_a_generated_weighted_sheet_is_silent_and_one_changed_weight_is_found(groups, data):
    assert budgetlint.lint_text(_labelled(groups), select=["BL5"]) == []
    codes = lambda *args, **kw: [d.code for d in budgetlint.lint_text(_labelled(*args, **kw), select=["BL5"])]  # noqa: E731
    at = data.draw(st.integers(0, len(groups) - 1))
    first = [sum(group) for group in groups]
    changed = first[:at] + [first[at] + 1] + first[at + 1 :]
    assert codes(groups, first=changed, root=sum(first)) == ["BL504"]
    assert codes(groups, root=sum(first) + 1) == ["BL504"]
