"""Rule packs and the table-arithmetic and cross-table rules: the language,
its errors, user packs, and findings on real documents."""

from __future__ import annotations

import pytest
from conftest import SEEDS

import budgetlint
from budgetlint.cli import main
from budgetlint.packs import PackError, parse_pack

PACK = """
# 收入决算表与支出决算表的合计一致（本单位没有结余）。
rule XY101 totals-agree warning "收入合计应等于支出合计":
    [收入决算表] "合计"行 1栏 = [支出决算表] "合计"行 1栏

rule XY102 wrong-on-purpose error 「故意写错的等式」: [收入决算表] 科目208行 1栏 = [支出决算表] 科目210行 1栏;
rule XY103 columns info "收入决算表 2 栏与 1 栏相同": [收入决算表] 1栏各行=2栏各行
"""


def test_a_pack_reads_into_rules():
    rules = parse_pack(PACK, "mine.rules")
    assert [(r.code, r.symbol, r.severity, r.line) for r in rules] == [
        ("XY101", "totals-agree", "warning", 3),
        ("XY102", "wrong-on-purpose", "error", 6),
        ("XY103", "columns", "info", 7),
    ]
    first = rules[0]
    assert first.doc == "收入决算表与支出决算表的合计一致（本单位没有结余）。"
    assert (
        first.left.table.kind == "收入决算表"
        and first.left.row == ("label", "合计")
        and first.left.column == ("number", 1)
    )
    assert first.text == '[收入决算表] "合计"行 1栏 = [支出决算表] "合计"行 1栏'
    assert rules[1].right[0][1].row == ("code", "210")
    assert rules[2].formula is not None and rules[2].table.kind == "收入决算表"


@pytest.mark.parametrize(
    "text, line, column, message",
    [
        ('rule XY001 a error "m": [收入总表] 1行 1栏 = [支出决算表] 1行 1栏', 1, 26, "未知的表格种类「收入总表」"),
        ('rule XY001 a error "m":\n  [收入决算表] 1行 1栏 = ', 2, 17, "无法解析"),
        ('rule XY001 a error "m": [收入决算表] 1栏 1栏 = [支出决算表] 1行 1栏', 1, 34, "应是“行”"),
        ('rule XY001 a error "m": [收入决算表] 1行 1栏 = [支出决算表] 各行 1栏', 1, 41, "左边不是“各行”"),
        (
            'rule XY001 a error "m": [收入决算表] 1栏=(2+3)栏\nrule XY001 b error "n": [收入决算表] 1栏=2栏',
            2,
            1,
            "已用过",
        ),
        ('rule xy001 a error "m": [收入决算表] 1栏=2栏', 1, 6, "无法解析"),
    ],
)
def test_a_malformed_pack_names_the_place(text, line, column, message):
    with pytest.raises(PackError) as error:
        parse_pack(text, "bad.rules")
    assert (error.value.line, error.value.column) == (line, column)
    assert str(error.value).startswith(f"bad.rules:{line}:{column}: ") and message in str(error.value)


def test_user_packs_through_the_api_and_the_command_line(tmp_path, capsys):
    pack = tmp_path / "mine.rules"
    pack.write_text(PACK, encoding="utf-8")
    found = budgetlint.lint_file(SEEDS["000"], select=["XY"], packs=[pack])
    assert [(d.code, d.line) for d in found] == [("XY102", 133)]  # 208 (9.00) against 210 (1,208.45)
    assert "9.00 ≠ 表3 科目 210「卫生健康支出」1栏 1208.45" in found[0].message
    assert found[0].related[0].line == 166
    assert main([str(SEEDS["000"]), "--rules", str(pack), "--select", "XY", "--format", "json"]) == 1
    assert '"code": "XY102"' in capsys.readouterr().out
    assert main(["rule", "XY101", "--rules", str(pack)]) == 0
    assert "本单位没有结余" in capsys.readouterr().out
    (tmp_path / "bad.rules").write_text('rule XY1 a error "m": x', encoding="utf-8")
    assert main([str(SEEDS["000"]), "--rules", str(tmp_path / "bad.rules")]) == 2
    assert "bad.rules:1:" in capsys.readouterr().err


def test_the_retyped_figure_in_seed_000_is_blamed_with_the_copies_that_agree():
    found = budgetlint.lint_file(SEEDS["000"], select=["BL3"])
    first = found[0]
    assert (first.line, first.column, first.code) == (188, 18, "BL305")  # 表4 政府性基金 收入 7.00
    assert "7.00 ≠" in first.message and "7.03" in first.message and "差 -0.03" in first.message
    assert [(r.line, r.column) for r in first.related] == [(90, 20), (300, 8)]  # 表1 and 表8 say 7.03
    assert [d.code for d in found if d.line == 188] == ["BL305"]  # BL306 blames the same copy: one finding
    assert (found[1].line, found[1].code) == (209, "BL309")  # 表4's 政府性基金 column: 7.00 against 表8's 7.03


def test_consistent_seeds_stay_silent():
    # 002's one table prints two cells whose figures are fused ("48.5044.05", BL004)
    assert budgetlint.lint_file(SEEDS["002"], ignore=["BL004"]) == []
    # 001 prints no financial table; its text has a completion rate of a budget of 0 (BL402,
    # tests/test_narrative.py), two dates copied from earlier years (BL018), and a sheet's
    # 执行率 that its own figures do not give (BL501, tests/test_scoring.py).
    assert budgetlint.lint_file(SEEDS["001"], ignore=["BL4", "BL018", "BL501"]) == []
    # 004's sums hold; its text keeps the template's "增加（减少）" (BL012, tests/test_document_rules.py),
    # its 表八 numbers two columns 9 (BL003), and 表六 files 310 资本性支出 under 商品和服务支出 (BL328).
    assert budgetlint.lint_file(SEEDS["004"], ignore=["BL003", "BL01", "BL4", "BL328"]) == []
    found = budgetlint.lint_file(SEEDS["003"], select=["BL2", "BL3"])
    # The header fused with 合计 ("功能分类 科目名称 合计") lost 1,627.17 in extraction:
    # the row's own identity (1栏 = 2栏 + 3栏) says so. The sum of the classes does
    # not: an empty 类 or 合计 cell is not compared with its parts (issue 7).
    assert [(d.line, d.code) for d in found] == [(159, "BL202")]


def _mutate(name: str, line: int, old: str, new: str) -> str:
    lines = SEEDS[name].read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    return "\n".join(lines)


def test_a_pack_relation_the_footnote_states_is_left_to_the_footnote():
    text = _mutate("000", 144, "176.74\t176.74", "176.47\t176.74")  # 表2 21015: 1栏 ≠ 2栏
    codes = [d.code for d in budgetlint.lint_text(text, select=["BL110", "BL201"]) if d.line == 144]
    assert codes == ["BL110"]
    without_footnote = text.replace("1栏各行=(2+3+4+5+6+7)栏各行。", "")
    codes = [d.code for d in budgetlint.lint_text(without_footnote, select=["BL110", "BL201"]) if d.line == 144]
    assert codes == ["BL201"]


def test_the_hierarchy_finds_a_retyped_subtotal():
    text = _mutate("000", 144, "176.74\t176.74", "176.47\t176.47")  # 表2 21015 retyped in both columns
    found = [(d.line, d.code) for d in budgetlint.lint_text(text, select=["BL22"]) if d.line < 200]  # not 表6
    # 210 卫生健康支出 ≠ Σ款 (two columns), 21015 ≠ Σ项 (two columns)
    assert found == [(138, "BL220"), (138, "BL220"), (144, "BL220"), (144, "BL220")]
    retyped = _mutate("000", 147, "7.03\t7.03", "7.30\t7.03")  # 表2 229 其他支出 1栏
    (total,) = [d for d in budgetlint.lint_text(retyped, select=["BL221"]) if d.line < 200]
    assert (total.line, total.code) == (132, "BL221")  # 合计 1,224.48 ≠ 9.00 + 1,208.45 + 7.30
    assert "差 -0.27" in total.message and len(total.related) == 3


def test_a_row_printed_twice_on_one_side_must_agree():
    # 004 表六 prints 本年支出合计 in its 功能分类 and its 经济分类 group.
    text = _mutate(
        "004", 316, "本年支出合计\t2,245.15\t本年支出合计\t2,245.15", "本年支出合计\t2,245.15\t本年支出合计\t2,254.15"
    )
    found = [d for d in budgetlint.lint_text(text) if d.code == "BL312"]
    assert [(d.line, d.column) for d in found] == [(316, 40)]
    assert "2254.15" in found[0].message and "2245.15" in found[0].message
    assert found[0].related[0].column == 24


def test_a_bare_zero_is_exact_but_a_printed_cent_is_rounded():
    from decimal import Decimal

    from budgetlint.arithmetic import Interval
    from budgetlint.model import Figure, Span

    span = Span(1, 1, 1, 2)
    assert Interval.of(Figure(Decimal("0"), 0, False, span)).high == 0
    assert Interval.of(Figure(Decimal("0.00"), 2, False, span)).high == Decimal("0.005")
    # 003 三公: 预算数 合计 0.20 = 0 + 0 + 0.20; retyped 0.31 the bare zeros no longer hide it.
    text = _mutate("003", 324, "0.20\t0\t0", "0.31\t0\t0")
    assert [(d.line, d.code) for d in budgetlint.lint_text(text) if d.code == "BL207"] == [(324, "BL207")]


def test_totals_of_a_table_without_codes_use_the_class_names():
    text = _mutate("003", 176, "住房保障支出\t23. 64\t23. 64", "住房保障支出\t23. 64\t32. 64")  # 表3 基本支出
    found = [d for d in budgetlint.lint_text(text, select=["BL222"]) if "2栏" in d.message]
    assert [(d.line, d.code) for d in found] == [(159, "BL222")]
    assert "189.66" in found[0].message and "198.66" in found[0].message and len(found[0].related) == 3


def test_rows_match_across_tables_under_another_name_of_their_class():
    from budgetlint.packs import parse_pack

    pack = parse_pack('rule XY201 a error "m": [支出决算表] 各行 1栏 = [收入决算表] 各行 1栏', "x.rules")[0]
    text = (
        "2020年度支出决算表(表3)\n项目\t本年支出合计\n栏次\t1\n医疗卫生与计划生育支出\t5.00\n\n"
        "2020年度收入决算表(表2)\n科目编码\t科目名称\t本年收入合计\n栏次\t\t1\n210\t卫生健康支出\t6.00\n"
    )
    from budgetlint.packs import resolve

    document = budgetlint.read_text(text)
    ((left, ((_, right),)),) = list(resolve(document, pack))
    assert (left.row.label, right.row.code) == ("医疗卫生与计划生育支出", "210")


def test_a_sum_over_tables_counts_a_table_without_the_row_as_nothing():
    # 004 表一 210 医疗健康支出 2203.10 = 表二 210 2203.10 + 表五 (prints no rows).
    text = _mutate("004", 112, "210 医疗健康支出\t2203.10", "210 医疗健康支出\t2213.10")
    found = [d for d in budgetlint.lint_text(text, select=["BL327"])]
    assert [(d.line, d.code) for d in found] == [(112, "BL327")]
    assert "2213.10" in found[0].message and "2203.10" in found[0].message
    assert found[0].related[0].line == 158  # 表二's 210 row


def test_a_budget_summary_files_a_class_of_basic_spending_under_another():
    (found,) = budgetlint.lint_file(SEEDS["004"], select=["BL328"])
    assert (found.line, found.column) == (282, 45)  # 表六 3.商品和服务支出 116.38
    assert "106.38" in found.message and "332.85" in found.message and "310 资本性支出 10.00" in found.message
    assert [(r.line, r.column) for r in found.related] == [(208, 13), (195, 5)]  # 表三 302, 表三 合计


def test_basic_classes_are_not_compared_when_the_totals_differ():
    text = (
        "2021 年部门收支总表\n单位：万元\n收入\t\t支出\t\n项目\t预算数\t项目\t预算数\n"
        "一、一般公共预算收入\t400.00\t一、基本支出\t400.00\n事业收入\t100.00\t1.工资福利支出\t300.00\n"
        "\t\t3.商品和服务支出\t100.00\n\n"
        "2021 年一般公共预算基本支出表\n单位：万元\n经济科目编码\t经济科目名称\t合计\n\t合计\t350.00\n"
        "301\t工资福利支出\t260.00\n302\t商品和服务支出\t90.00\n"
    )
    assert budgetlint.lint_text(text, select=["BL328"]) == []
    same_total = text.replace("350.00", "400.00").replace("260.00", "300.00").replace("\t90.00", "\t95.00")
    assert [d.code for d in budgetlint.lint_text(same_total, select=["BL328"])] == ["BL328"]
