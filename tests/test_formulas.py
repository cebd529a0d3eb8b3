"""The footnote formula language: every notation the documents use, errors at
the exact offset, and render/parse round trips for generated formulas."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import budgetlint
from budgetlint.formulas import (
    COLUMN,
    RANGE_MARKS,
    ROW,
    Formula,
    FormulaSyntaxError,
    Notation,
    Operand,
    Term,
    formulas_in,
    render,
)
from budgetlint.model import Footnote, Segment


def _shape(formula):
    return (
        formula.axis,
        formula.target.first,
        [(t.sign, t.operand.first, t.operand.last) for t in formula.terms],
        formula.each,
    )


@pytest.mark.parametrize(
    "text, shapes",
    [
        (
            "27行=（1+2+3）行；30行=（27+28+29）行；",
            [
                ("行", 27, [(1, 1, 1), (1, 2, 2), (1, 3, 3)], False),
                ("行", 30, [(1, 27, 27), (1, 28, 28), (1, 29, 29)], False),
            ],
        ),
        ("57行=（31+32+……+56）行", [("行", 57, [(1, 31, 31), (1, 32, 56)], False)]),
        ("1栏各行=(2+3+4+5+6+7)栏各行", [("栏", 1, [(1, n, n) for n in range(2, 8)], True)]),
        (
            "6栏各行=（1+2-3）栏各行;3栏各行=（4+5）栏各行",
            [("栏", 6, [(1, 1, 1), (1, 2, 2), (-1, 3, 3)], True), ("栏", 3, [(1, 4, 4), (1, 5, 5)], True)],
        ),
        (
            "1栏=（2+3+4）栏，2栏=（4+5）栏",
            [("栏", 1, [(1, 2, 2), (1, 3, 3), (1, 4, 4)], False), ("栏", 2, [(1, 4, 4), (1, 5, 5)], False)],
        ),
        ("１栏＝（２＋３－４）栏", [("栏", 1, [(1, 2, 2), (1, 3, 3), (-1, 4, 4)], False)]),
        ("1栏 = 2栏 + 3栏", [("栏", 1, [(1, 2, 2), (1, 3, 3)], False)]),
        ("9行=（1~8）行", [("行", 9, [(1, 1, 8)], False)]),
        ("9行=（1至8）行", [("行", 9, [(1, 1, 8)], False)]),
        ("9行=（1—8）行", [("行", 9, [(1, 1, 8)], False)]),
        ("9行=（1…8）行", [("行", 9, [(1, 1, 8)], False)]),
    ],
)
def test_notations_in_the_documents(text, shapes):
    assert [_shape(f) for f in budgetlint.parse_formula(text)] == shapes


@pytest.mark.parametrize(
    "text, offset, message",
    [
        ("37行=（32+34+—38）行", 11, "“—”处有误"),
        ("27行=（1+2）栏", 9, "右边却是“栏”"),
        ("3行=(1+2", 7, "不完整"),
        ("5行=（8……6）行", 4, "颠倒"),
        ("3行各行=（1+2）行", 2, "只能用于栏"),
    ],
)
def test_errors_point_at_the_problem(text, offset, message):
    with pytest.raises(FormulaSyntaxError) as error:
        budgetlint.parse_formula(text)
    assert error.value.offset == offset
    assert message in error.value.message


def test_operands_know_where_they_were_printed():
    (formula,) = budgetlint.parse_formula("28行=（28+29+31）行")
    itself = formula.refers_to_itself()
    assert (itself.start, itself.end) == (5, 7)
    assert (formula.target.start, formula.target.end) == (0, 3)


def test_formulas_in_a_footnote_ignore_prose_and_survive_a_broken_neighbour():
    footnote = Footnote(
        (
            Segment(220, 1, "注：本表反映部门本年度的总收入和年末结转结余情况。"),
            Segment(221, 1, "27行=（1+2+3）行；28行=（28+29+31）行；29行=（27+28）行；"),
            Segment(222, 1, "37行=（32+34+—38）行；64行=（59+60）行。"),
        )
    )
    found = formulas_in(footnote)
    assert [(f.line, f.column, f.text) for f in found] == [
        (221, 1, "27行=（1+2+3）行"),
        (221, 14, "28行=（28+29+31）行"),
        (221, 30, "29行=（27+28）行"),
        (222, 1, "37行=（32+34+—38）行"),
        (222, 18, "64行=（59+60）行"),
    ]
    prose = Footnote((Segment(9, 1, "注：1栏各行=(2+3)栏各行 本表金额单位：万元；另见说明"),))
    (after_prose,) = formulas_in(prose)
    assert (after_prose.column, after_prose.text, after_prose.error) == (3, "1栏各行=(2+3)栏各行", None)
    typo = formulas_in(Footnote((Segment(9, 1, "3行=（1+2+x4）行"),)))
    assert typo[0].error is not None and typo[0].span(typo[0].error.offset).column == 9  # at the "x"
    broken = found[3]
    assert broken.formula is None
    assert broken.span(broken.error.offset, broken.error.offset + 1).column == 12
    assert all(f.formula is not None for f in found if f is not broken)


@st.composite
def formulas(draw):
    axis = draw(st.sampled_from([ROW, COLUMN]))
    each = axis == COLUMN and draw(st.booleans())
    target = draw(st.integers(1, 99))
    terms = []
    for index in range(draw(st.integers(1, 6))):
        first = draw(st.integers(1, 99))
        last = first + draw(st.sampled_from([0, 0, 0, 1, 5, 20]))
        sign = 1 if index == 0 else draw(st.sampled_from([1, -1]))
        terms.append(Term(sign, Operand(first, last)))
    return Formula(axis, Operand(target, target), tuple(terms), each)


notations = st.builds(
    Notation,
    full_width=st.booleans(),
    plus=st.sampled_from(["+", "＋"]),
    minus=st.sampled_from(["-", "－"]),
    range_mark=st.sampled_from(RANGE_MARKS),
    grouped=st.booleans(),
    separator=st.sampled_from(["；", ";", "，", ","]),
)


@given(st.lists(formulas(), min_size=1, max_size=4), notations)
def test_rendered_formulas_parse_back_to_the_same_ast(generated, notation):
    text = render(tuple(generated), notation)
    parsed = budgetlint.parse_formula(text)
    assert list(parsed) == generated
    for formula in parsed:  # every operand points back at its own digits
        for term in formula.terms:
            assert text[term.operand.start : term.operand.end].startswith(str(term.operand.first))


@given(st.text(max_size=60))
def test_parsing_any_text_raises_only_formula_errors(text):
    try:
        budgetlint.parse_formula(text)
    except FormulaSyntaxError as error:
        assert 0 <= error.offset <= len(text)
