"""BL4xx, the text against its own figures: real sentences of the seeds and the
corpus that hold (silent) and that do not (reported at the offending figure,
with the figures it was recomputed from as related places), the rules' own
documented examples, and generated paragraphs (true ones silent, one figure
or word changed reported)."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from conftest import SEEDS
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import budgetlint
from budgetlint import engine
from budgetlint.narrative import statements_of


def _lint(text: str, code: str = "BL4"):
    return budgetlint.lint_text(text, select=[code])


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """(line, column) of the nth occurrence of ``needle`` in ``text``."""
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(needle, offset + 1)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# ---------------------------------------------------------------- growth (BL404, BL405)

GROWTH_ON_CURRENT = (
    "2024年度收入合计 1627.17万元,与 2023年度相比,收入合计各增加 393.1万元,增长 24.2%,主要原因是医疗救助经费增加。"
)


def test_growth_computed_on_the_current_year_is_reported_at_the_rate():
    (found,) = _lint(GROWTH_ON_CURRENT)
    assert found.code == "BL404"
    assert (found.line, found.column) == _at(GROWTH_ON_CURRENT, "24.2%")
    assert "24.2%" in found.message and "31.85%" in found.message and "1234.07" in found.message
    assert "以本年数 1627.17万元 为基数" in found.message
    assert [(r.line, r.column) for r in found.related] == [
        _at(GROWTH_ON_CURRENT, "1627.17"),
        _at(GROWTH_ON_CURRENT, "393.1"),
    ]


def test_growth_on_the_prior_year_base_is_silent():
    # 003: 1.29 ÷ (13.74 + 1.29) = 8.58%
    assert _lint("2024年度江岸区医保局机关运行经费支出13.74万元, 比年初预算数减少1.29万元,降低8.6%。") == []
    # 信访局: the change follows a sentence that states the current amount over two lines
    text = "2026 年预算数为 657.51 万元，比 2025 年执行数增加 7.6 万元，增\n幅 1.17%，主要是相关工作任务增加。"
    assert _lint(text) == []


def test_the_change_of_the_amount_before_a_bracket_is_not_that_of_the_amount_inside():
    # 广州市司法局: 33.44 ÷ (346.67 − 33.44) = 10.68%; 310.67 inside the brackets is another amount
    text = (
        "公务用车购置及运行维护费346.67万元（公务用车购置费36万元，比上年增加36万元；公务用车运行维护费310.67万元，"
        "比上年减少2.56万元。）比上年增加33.44万元，增长10.7%，主要原因是:车辆到期报废。"
    )
    assert _lint(text) == []
    wrong = text.replace("增长10.7%", "增长12.7%")
    (found,) = _lint(wrong)
    assert found.code == "BL404" and "346.67" in found.message


def test_a_retyped_rate_is_reported():
    # 国家信访局 2026: 333.83 ÷ (1391.68 − 333.83) = 31.56%, printed 31.35%
    text = "国家信访局 2026 年委托业务费财政拨款预算 1,391.68\n万元，比 2025 年预算增加 333.83 万元，增长 31.35%。"
    (found,) = _lint(text)
    assert found.code == "BL404" and (found.line, found.column) == _at(text, "31.35%")
    assert "31.557%" in found.message


def test_a_rate_from_a_prior_year_of_zero_is_reported():
    # 江苏省高级人民法院 2018
    text = "2．机关事业单位基本养老保险缴费支出（项）支出 1326.81 万元，与上年相比增加 1326.81 万元，增长 100%。"
    (found,) = _lint(text)
    assert found.code == "BL404" and "上年数为 0" in found.message
    assert _lint("机关运行经费支出 6.53 万元，比 2019 年度增加 6.53 万元。") == []  # no rate: nothing claimed


def test_opposite_directions_in_one_sentence_are_reported():
    (found,) = _lint("机关运行经费支出 120.00 万元，比上年增加 10.00 万元，下降 9.1%。")
    assert found.code == "BL404" and "增减方向自相矛盾" in found.message


def test_a_change_that_is_not_the_difference_of_the_years_it_names():
    text = "2020年机关运行经费支出22.13万元，2019年机关运行经费支出22.95万元，比2019年减少0.82万元，减少3.57%。"
    assert _lint(text) == []  # 001
    beijing = "2026 年支出预算 29956.27 万元，比 2025 年年初预算数\n28479.84 万元增加 1476.73 万元，增长 5.18%。"
    (found,) = _lint(beijing)
    assert found.code == "BL405" and (found.line, found.column) == _at(beijing, "1476.73")
    assert "1476.43" in found.message
    assert {(r.line, r.column) for r in found.related} == {_at(beijing, "29956.27"), _at(beijing, "28479.84")}


def test_template_alternatives_are_not_arithmetic():
    text = "本年预算 2,245.15 万元，比 2019 年预算增加（减少） 0 万元，增长（下降） 0%。"
    assert _lint(text) == []
    assert [d.code for d in _lint(text, "BL012")] == ["BL012", "BL012"]


def test_several_changes_in_one_sentence_are_left_alone():
    text = "与2019年度相比，收支总计分别增加131.27万元、131.27万元，分别增长19.77%、19.77%。"
    assert _lint(text) == []
    (change,) = statements_of(budgetlint.read_text(text)).changes
    assert change.reason is not None


# ---------------------------------------------------------------- completion (BL402) and comparison (BL403)


def test_a_completion_rate_that_is_not_actual_over_budget():
    text = "3. 政府买岗经费项目绩效自评综述：项目全年预算数为 3 万元，执行数为 2.22 万元，完成预算的 44.5%。"
    (found,) = _lint(text)
    assert found.code == "BL402" and (found.line, found.column) == _at(text, "44.5%")
    assert "74.00%" in found.message
    assert [(r.line, r.column) for r in found.related] == [_at(text, "3 万元"), _at(text, "2.22")]


def test_completion_rates_that_hold_are_silent():
    text = (
        "1. 社会保障和就业支出(类)。年初预算为 9.66 万元，支出决算为 9 万元，完成年初预算的 93.2%，"
        "支出决算数小于年初预算数的主要原因是我单位为新增单位。"
    )
    assert _lint(text) == []
    assert (
        _lint("2020年一般公共预算支出决算数为735.14万元，支出预算数为429.24万元，完成预算数171.27%，决算数大于预算数。")
        == []
    )


def test_a_completion_rate_against_a_budget_of_zero():
    text = "4.其他支出：支出决算数为79.64万元，支出预算数为0万元，完成预算数100.00%，决算数大于预算数的主要原因是机构改革。"
    (found,) = _lint(text)
    assert found.code == "BL402" and "完成率无从计算" in found.message
    assert _lint("全年预算为 0.2 万元,支出决算为 0 万元,完成全年预算的 0%。") == []


def test_two_budgets_in_one_sentence_are_left_alone():
    text = "年初预算合计 1152.06 万元，调整后的预算合计 1304.81 万元，实际执行资金 981.77 万元，预算执行率 85.2%。"
    assert _lint(text) == []


def test_a_comparison_word_against_the_figures():
    held = "年初预算为5.03万元,支出决算为6.32万元,完成年初预算的125.6%,支出决算数大于年初预算数的主要原因:调整基数。"
    assert _lint(held) == []
    wrong = held.replace("大于", "小于")
    (found,) = _lint(wrong)
    assert found.code == "BL403" and (found.line, found.column) == _at(wrong, "决算数小于")
    assert "6.32" in found.message and "5.03" in found.message and "1.29万元" in found.message
    # the comparison may follow in a later sentence of the same paragraph (003)
    later = (
        "全年预算为 0.2 万元,支出决算为 0 万元,完成全年预算的 0%。较上年持平。决算数大于全年预算数的主要原因:厉行节约。"
    )
    assert [d.code for d in _lint(later)] == ["BL403"]
    template = "支出决算为0万元，完成预算0%，决算数小于预算数（或与预算数持平）的主要原因是无三公经费。"
    assert _lint(template) == []


# ---------------------------------------------------------------- shares (BL401)


def test_shares_of_the_whole_the_sentence_enumerates():
    text = (
        "2020 年度支出合计 1,224.48 万元。其中：基本支出 163.08 万元，占本年支出 13.3%；"
        "项目支出 1,061.4 万元，占本年支出 86.7%。"
    )
    assert _lint(text) == []
    wrong = text.replace("86.7%", "88.7%")
    (found,) = _lint(wrong)
    assert found.code == "BL401" and (found.line, found.column) == _at(wrong, "88.7%")
    assert {(r.line, r.column) for r in found.related} == {_at(wrong, "1,061.4"), _at(wrong, "1,224.48")}


def test_a_share_of_a_whole_named_earlier_in_the_text():
    text = "政府采购支出总额 4 万元。\n授予中小企业合同金额 4 万元，占政府采购支出总额的 100.0%。"
    assert _lint(text) == []
    (found,) = _lint(text.replace("100.0%", "10.0%"))
    assert found.code == "BL401"


def test_shares_rounded_down_or_balanced_to_one_hundred_are_silent():
    # 001: 0.40 ÷ 506.10 = 0.079% printed 0.07%, the last digit cut
    cut = "项目支出总计506.10万元，其中建国初期参加革命退休干部医疗补助经费0.40万元，占项目支出的0.07%。"
    assert _lint(cut) == []
    # 江苏省人大 2018: 10.604% printed 10.61% so that the list adds up to 100%
    balanced = (
        "本年支出预算合计 15897.44 万元，其中：基本支出 7877.76 万元，占 49.55%；项目支出 6333.96 万元，占 39.84 %；"
        "单位预留机动经费1685.72 万元，占10.61%；结转下年资金 0 万元，占 0 %。"
    )
    assert _lint(balanced) == []
    unbalanced = balanced.replace("占 49.55%", "占 49.54%")  # 49.554% is neither 49.54% rounded nor cut
    found = _lint(unbalanced)
    # and once the list no longer adds up to 100%, 10.61% is no longer explained either
    assert [(d.code, d.column) for d in found] == [
        ("BL401", _at(unbalanced, "49.54%")[1]),
        ("BL401", _at(unbalanced, "10.61%")[1]),
    ]


def test_a_list_after_a_semicolon_has_no_whole_of_its_own():
    # 国家信访局: "包括：…、上年结转 2,254.12 万元；支出包括：…，占 81.65%" is a share of the total
    text = "收入包括：当年拨款收入 16,474.82 万元、上年结转 2,254.12 万元；支出包括：一般公共服务支出 15,291.3 万元，占 81.65%。"
    assert _lint(text) == []
    (share,) = statements_of(budgetlint.read_text(text)).shares
    assert share.whole is None and share.reason


# ---------------------------------------------------------------- enumerations (BL406)


def test_parts_the_classification_fixes_must_add_up():
    text = "政府采购支出总额 19.05 万元，其中：政府采购货物支出 0.18 万元、政府采购工程支出 0 万元、政府采购服务支出 18.87 万元。"
    assert _lint(text) == []
    wrong = text.replace("18.87", "18.78")
    (found,) = _lint(wrong)
    assert found.code == "BL406" and (found.line, found.column) == _at(wrong, "19.05")
    assert "18.96万元" in found.message and len(found.related) == 3


def test_an_open_list_is_not_a_partition():
    text = "调整预算收入总额为 1027 万元，其中：中央补助资金 89.76 万元、省级补助金 28.61 万元。"
    assert _lint(text) == []


# ---------------------------------------------------------------- the seeds


def test_seed_findings():
    found = {name: [(d.line, d.code) for d in budgetlint.lint_file(SEEDS[name], select=["BL4"])] for name in SEEDS}
    assert found == {
        "000": [(445, "BL402")],
        "001": [(48, "BL402"), (1227, "BL409"), (1239, "BL409")],
        "002": [],
        "003": [(332, "BL404"), (342, "BL404"), (351, "BL404"), (359, "BL404"), (372, "BL404")],
        "004": [(406, "BL408"), (432, "BL408"), (442, "BL408")],
    }


def test_seed_003_operating_costs_fall_is_right_on_the_prior_year():
    assert not [d for d in budgetlint.lint_file(SEEDS["003"], select=["BL4"]) if d.line == 449]
    changes = statements_of(budgetlint.read_path(SEEDS["003"])).changes
    (operating,) = [c for c in changes if c.change.figure.span.line == 449]
    assert (str(operating.current.figure), str(operating.rate.figure)) == ("13.74", "8.6%")


# ---------------------------------------------------------------- the documented examples

_BLOCK = re.compile(r"(不通过的例子|通过的例子)[^\n]*::\n\n((?:[ \t]+[^\n]*\n|\n)+)")


@pytest.mark.parametrize("item", [r for r in engine.load_rules() if r.code.startswith("BL4")], ids=lambda r: r.code)
def test_documented_examples(item):
    blocks = {kind: text for kind, text in _BLOCK.findall(item.doc + "\n")}
    assert set(blocks) == {"不通过的例子", "通过的例子"}, item.code
    # a table's columns are printed aligned with spaces (docstrings lose tabs); read them as tabs
    failing, passing = (
        "\n".join(re.sub(r" {2,}", "\t", line.strip()) for line in blocks[kind].strip("\n").splitlines())
        for kind in ("不通过的例子", "通过的例子")
    )
    assert [d.code for d in _lint(failing, item.code)] == [item.code]
    assert _lint(passing, item.code) == []


# ---------------------------------------------------------------- generated paragraphs

_CENT = Decimal("0.01")


def _round(value: Decimal, places: str = "0.01") -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


amounts = st.integers(min_value=10_000, max_value=5_000_000).map(lambda n: Decimal(n) * _CENT)


@st.composite
def paragraphs(draw):
    """A paragraph that restates its figures truthfully, and the figures one may change."""
    basic, project = draw(amounts), draw(amounts)
    total = basic + project
    # rates of moderate size, so that 1.1 points is more than the amounts' rounding can explain
    ratios = st.integers(min_value=50, max_value=200).filter(lambda n: n != 100).map(lambda n: Decimal(n) / 100)
    prior = _round(total * draw(ratios))
    assume(prior != total)
    change = abs(total - prior)
    up = total > prior
    rate = _round(change / prior * 100)
    budget = _round(total * draw(ratios))
    completion = _round(total / budget * 100, "0.1")
    people = draw(st.integers(min_value=1, max_value=99)) * basic / 100
    people = _round(people)
    public = basic - people
    word, rate_word = ("增加", "增长") if up else ("减少", "下降")
    compare = "大于" if total > budget else "小于"
    if abs(total - budget) < 1:
        compare = None
    sentences = [
        f"2024年度支出合计 {total} 万元，与 2023年度相比，支出合计{word} {change} 万元，{rate_word} {rate}%。",
        f"其中：基本支出 {basic} 万元，占本年支出 {_round(basic / total * 100)}%；"
        f"项目支出 {project} 万元，占本年支出 {_round(project / total * 100)}%。",
        f"年初预算为 {budget} 万元，支出决算为 {total} 万元，完成年初预算的 {completion}%"
        + (f"，支出决算数{compare}年初预算数。" if compare else "。"),
        f"基本支出 {basic} 万元，其中，人员经费 {people} 万元，公用经费 {public} 万元。",
    ]
    return "\n".join(sentences), (rate, completion, people, word, compare)


@settings(max_examples=60, deadline=None)
@given(paragraphs())
def test_a_true_paragraph_is_silent(case):
    text, _ = case
    assert _lint(text) == []


@settings(max_examples=60, deadline=None)
@given(paragraphs(), st.sampled_from(["rate", "completion", "people", "word", "compare"]))
def test_one_changed_figure_or_word_is_reported(case, which):
    text, (rate, completion, people, word, compare) = case
    if which == "rate":
        changed, old, new = "rate", f" {rate}%", f" {rate + Decimal('1.11')}%"
    elif which == "completion":
        changed, old, new = "completion", f" {completion}%", f" {completion + Decimal('1.1')}%"
    elif which == "people":
        changed, old, new = "people", f"人员经费 {people} ", f"人员经费 {people + Decimal('1.11')} "
    elif which == "word":
        other = "减少" if word == "增加" else "增加"
        changed, old, new = "word", f"支出合计{word}", f"支出合计{other}"
    else:
        if compare is None:
            return
        changed, old, new = "compare", f"决算数{compare}", f"决算数{'小于' if compare == '大于' else '大于'}"
    assert old in text, changed
    mutated = text.replace(old, new, 1)
    found = _lint(mutated)
    line, column = _at(mutated, new.strip().split(" ")[-1] if changed != "word" else new)
    expected = {"rate": "BL404", "completion": "BL402", "people": "BL406", "word": "BL404", "compare": "BL403"}
    assert [d.code for d in found] == [expected[changed]], (mutated, found)
    if changed in ("rate", "completion", "compare"):
        assert found[0].line == line


def test_a_comparison_with_a_year_before_the_prior_one():
    found = budgetlint.lint_file(SEEDS["004"], select=["BL408"])
    assert [(d.line, d.column) for d in found] == [(406, 49), (432, 72), (442, 70)]
    assert all("2019" in d.message and "2020" in d.message for d in found)
    assert _lint("2026 年支出预算 5,876.67 万元，比 2025 年执行数增加 48.92 万元。", "BL408") == []
    # a 决算 of 2020 compared with 2019; the year the sentence names comes first
    assert _lint("2020 年度收入合计 1,224.48 万元，与 2019 年度相比增加 1,224.48 万元。", "BL408") == []
    (found,) = _lint("2020 年度收入合计 1,224.48 万元，与 2018 年度相比增加 1,224.48 万元。", "BL408")
    assert "2018" in found.message and "2019" in found.message


def test_classes_listed_under_a_funds_spending_against_its_table():
    text = SEEDS["003"].read_text(encoding="utf-8")
    assert budgetlint.lint_text(text, select=["BL407"]) == []
    changed = text.replace("卫生健康支出(类)1589.41 万元", "卫生健康支出(类)1598.41 万元")
    assert changed != text
    (found,) = budgetlint.lint_text(changed, select=["BL407"])
    assert found.line == 379 and "卫生健康支出（类）" in found.message and "1589.41" in found.message
    assert [r.line for r in found.related] == [220]  # 表5, 科目 210
    # 000 lists its classes under 财政拨款支出, which may hold other funds: nothing is tied
    assert budgetlint.lint_file(SEEDS["000"], select=["BL407"]) == []


def test_a_quantity_times_a_rate_against_the_total_the_sentence_gives():
    found = budgetlint.lint_file(SEEDS["001"], select=["BL409"])
    assert [(d.line, d.column) for d in found] == [(1227, 64), (1239, 66)]
    assert "177.55万元" in found[0].message and "180.00万元" in found[0].message and "2.45万元" in found[0].message
    assert {(r.line, r.column) for r in found[0].related} == {(1227, 18), (1227, 31)}
    # two rates in one sentence: which one the total is made of is not known
    two = "参保人数50402人，标准每人30.50元，扩面经费每人2元，需要资金160.00万元。"
    assert _lint(two, "BL409") == []


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=100, max_value=900_000), st.integers(min_value=100, max_value=99_999))
def test_a_true_product_is_silent_and_a_changed_total_is_found(people, cents):
    rate = (Decimal(cents) / 100).quantize(_CENT)  # printed with two decimals: 1.00, not 1
    total = _round(people * rate / 10000)
    text = f"按照享受补助人数{people}人、补助标准每人{rate}元计算，补助资金{total}万元。"
    assert _lint(text, "BL409") == []
    # a change beyond what a rate printed to the cent can explain (at most 0.5% of it)
    changed = _round(total * Decimal("1.02") + Decimal("0.11"))
    (found,) = _lint(text.replace(f"资金{total}万元", f"资金{changed}万元"), "BL409")
    assert found.code == "BL409"


def test_an_amount_said_again_in_another_unit():
    assert _lint("缴费标准为15000元（1.5万元），按年缴纳。", "BL410") == []
    assert _lint("项目预算1.5万元（15000元）。", "BL410") == []
    (found,) = _lint("缴费标准为15000元（15万元），按年缴纳。", "BL410")
    assert (found.line, found.column) == _at("缴费标准为15000元（15万元），按年缴纳。", "15万元")
    assert "1.5万元" in found.message
    assert _lint("资金1.5万元（其中中央资金1万元）。", "BL410") == []  # not a restatement


def test_a_sentence_broken_by_a_blank_line_is_read_whole():
    # 004 breaks "（2）公务用车购置" / "及运行维护费 0 万元" over a blank line; the three parts of
    # 三公 are read, and the whole is tied to 表四
    statements = statements_of(budgetlint.read_path(SEEDS["004"]))
    (three,) = [e for e in statements.enumerations if e.name == "三公经费"]
    assert [str(t.figure) for t in three.parts] == ["0", "0", "1"]
    text = SEEDS["004"].read_text(encoding="utf-8")
    changed = text.replace("（3）公务接待费 1 万元", "（3）公务接待费 3 万元")  # 2 would round to the same 1
    assert [d.code for d in budgetlint.lint_text(changed, select=["BL406"])] == ["BL406"]
    changed = text.replace("“三公”经费支出预算 1 万元", "“三公”经费支出预算 1.5 万元")
    assert "BL407" in [d.code for d in budgetlint.lint_text(changed, select=["BL4"])]


_WORDS = (
    "比上年", "增加", "减少", "增长", "下降", "占", "其中：", "万元", "元", "%", "（", "）", "(类)", "完成年初预算的",
    "年初预算为", "支出决算为", "决算数大于预算数", "。", "，", "；", "2019年", "2020年度", "每人", "人", "/人",
    "截至", "收入合计", "基本支出", "人员经费", "公用经费", "政府采购", "货物", "分别", "与", "相比", "1,234.56",
    "0", "12.3", "3.", "\n", "\n\n", "- 1. ", "三公经费", "因公出国（境）费",
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.decimals(0, 5000, places=2).map(str)), max_size=60))
def test_any_text_made_of_statement_words_is_read_without_an_error(pieces):
    text = "".join(pieces)
    found = budgetlint.lint_text(text)
    assert not [d for d in found if "运行出错" in d.message]
    assert found == budgetlint.lint_text(text)  # and deterministically


def test_the_subject_a_completion_sentence_names_against_its_row():
    ties = [t for t in _ties("000") if "(类)" in t.amount.subject]
    assert [(t.amount.subject, t.places[0].row.code) for t in ties] == [
        ("社会保障和就业支出(类)", "208"),
        ("卫生健康支出(类)", "210"),
    ]
    assert len([t for t in _ties("003") if "(项)" in t.amount.subject]) == 7
    text = SEEDS["003"].read_text(encoding="utf-8")
    changed = text.replace("年初预算为117. 03万元,支出决算为138. 12万元", "年初预算为117. 03万元,支出决算为133. 12万元")
    assert changed != text
    found = [d for d in budgetlint.lint_text(changed, select=["BL407"])]
    assert [(d.line, d.code) for d in found] == [(404, "BL407")] and "行政运行" in found[0].message


def _ties(name: str):
    from budgetlint.engine import Context, load_rules

    return Context(budgetlint.read_path(SEEDS[name]), rules=load_rules()).ties


_PDF = SEEDS["000"].parent.parent / "tests" / "pdf"


def test_the_parts_of_three_public_against_their_columns():
    """杭州市气象局 2026, 表7 prints one column per part of 三公 (合计 row 479); the text
    names the whole, 公务接待费 and 公务用车购置及运行维护费 and its two parts."""
    document = budgetlint.read_path(_PDF / "hangzhou_qixiangju_2026_yusuan.pdf")
    from budgetlint.engine import Context

    ties = [t for t in Context(document).ties if t.places[0].table.kind == "三公经费支出表"]
    assert [(str(t.amount.token.figure), t.places[0].column.header, t.places[0].row.line) for t in ties] == [
        ("24.02", "“三公”经费合计", 479),
        ("6.02", "公务接待费", 479),
        ("18.00", "公务用车购置及运行费/小计", 479),
        ("0.00", "公务用车购置费", 479),  # blank in the table: never compared
        ("18.00", "公务用车运行维护费", 479),
    ]
    text = document.source.text
    assert budgetlint.lint_text(text, select=["BL407"]) == []
    changed = text.replace("安排公务接待费预算 6.02 万", "安排公务接待费预算 6.20 万")
    (found,) = budgetlint.lint_text(changed, select=["BL407"])
    assert (found.line, found.column) == _at(changed, "6.20")
    assert "6.02" in found.message and [r.line for r in found.related] == [479]


def test_three_public_in_a_final_account_is_its_final_column():
    """A 决算's 三公 table prints 预算数 and 决算数 side by side: an amount "支出决算" is the
    决算数 column, an amount of the 全年预算 is left alone (年初 or 全年 is not known)."""
    header = (
        "2024年度一般公共预算财政拨款“三公”经费支出决算表\n部门：某局\t\t单位：万元\n"
        "预算数\t\t\t\t\t\t决算数\n"
        "合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\n"
        "\t\t小计\t公务用车购置费\t公务用车运行费\t\t\t\t小计\t公务用车购置费\t公务用车运行费\t\n"
        "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\n"
        "3.00\t1.00\t1.50\t0.50\t1.00\t0.50\t2.40\t0.80\t1.20\t0.40\t0.80\t0.40\n\n"
    )
    prose = "2024年度“三公”经费财政拨款支出决算为{total}万元。其中：公务接待费支出决算{visit}万元，公务接待费全年预算0.90万元。\n"
    assert budgetlint.lint_text(header + prose.format(total="2.40", visit="0.40"), select=["BL407"]) == []
    (found,) = budgetlint.lint_text(header + prose.format(total="2.40", visit="0.50"), select=["BL407"])
    assert "公务接待费" in found.message and "0.40" in found.message
    (found,) = budgetlint.lint_text(header + prose.format(total="3.00", visit="0.40"), select=["BL407"])
    assert "三公" in found.message and "2.40" in found.message  # the 决算 合计, not the 预算's 3.00


def test_a_subject_named_by_its_code_against_its_row():
    """西安市财政局 2026, pages 10–11 and 29–30: "1.行政运行（2010601）4,702.02万元" lists
    the 一般公共预算 spending by 项 with codes; 表 prints it in 元 (47,020,229.82)."""
    document = budgetlint.read_path(_PDF / "xian_caizhengju_2026_p10-11_p29-30.pdf")
    from budgetlint.engine import Context

    ties = [t for t in Context(document).ties if t.amount.subject.endswith(")") and t.amount.subject[-2].isdigit()]
    assert [(t.amount.subject, t.places[0].row.code) for t in ties][:3] == [
        ("行政运行(2010601)", "2010601"),
        ("一般行政管理事务(2010602)", "2010602"),
        ("财政国库业务(2010605)", "2010605"),
    ]
    assert len(ties) == 8
    text = document.source.text
    assert budgetlint.lint_text(text, select=["BL407"]) == []
    changed = text.replace("行政运行（2010601）4,702.02万元", "行政运行（2010601）4,720.02万元")
    assert changed != text
    (found,) = budgetlint.lint_text(changed, select=["BL407"])
    assert (found.line, found.column) == _at(changed, "4,720.02")
    assert "47020229.82" in found.message.replace(",", "") and found.related[0].line > found.line
    # a code printed with another 项's name ties nothing: which of the two is meant is not known
    recoded = text.replace("行政运行（2010601）4,702.02万元", "行政运行（2010602）4,720.02万元")
    assert budgetlint.lint_text(recoded, select=["BL407"]) == []


def test_a_path_in_a_table_without_codes():
    """杭州市气象局 2026 prints its 一般公共预算支出 by name only; each name of the path
    printed once, in order, finds the row."""
    text = budgetlint.read_path(_PDF / "hangzhou_qixiangju_2026_yusuan.pdf").source.text
    changed = text.replace("行政运行（项）2,617.19 万元", "行政运行（项）2,671.19 万元")
    assert changed != text
    (found,) = budgetlint.lint_text(changed, select=["BL407"])
    assert "行政运行(项)" in found.message and "2617.19" in found.message.replace(",", "")


def test_private_use_glyphs_in_the_text_are_never_read_as_numbers():
    """PDF exporters print symbols as private-use characters, the range budgetlint
    marks numbers with in a sentence: printed after amounts of 000, they change
    no finding (only the columns after them)."""
    text = SEEDS["000"].read_text(encoding="utf-8")
    glyphs = "\ue003\ue801\uf402\uec00"
    lines = text.split("\n")
    changed = [i for i, line in enumerate(lines) if "万元" in line and "。" in line][:30]
    for i in changed:
        lines[i] = lines[i].replace("万元", "万元" + glyphs, 1)

    def findings(source: str) -> list[tuple[int, str, str]]:
        return [(d.line, d.code, d.message) for d in budgetlint.lint_text(source, "000.txt")]

    assert len(changed) == 30
    assert findings("\n".join(lines)) == findings(text)
