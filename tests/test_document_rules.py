"""BL01x, the document as a whole: on a real seed, and on generated documents
(a consistent one is silent, one table's 部门 changed is found at that table)."""

from __future__ import annotations

from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from test_generated_documents import _document, documents

import budgetlint


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
