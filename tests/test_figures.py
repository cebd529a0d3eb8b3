"""Figures: every printed style becomes the exact Decimal it prints, with its
printed number of decimals and its exact place."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetlint.figures import find_numbers, format_number, is_empty_mark, parse_number


@pytest.mark.parametrize(
    "text, value, decimals, percent",
    [
        ("1,224.48", "1224.48", 2, False),
        ("1, 627. 17", "1627.17", 2, False),
        ("14. 12", "14.12", 2, False),
        ("１２３．４５", "123.45", 2, False),
        ("１，２２４．４８", "1224.48", 2, False),
        ("9.00", "9.00", 2, False),
        ("2203.10", "2203.10", 2, False),
        ("11.5", "11.5", 1, False),
        ("15.5903", "15.5903", 4, False),
        ("-3.00", "-3.00", 2, False),
        ("−3.00", "-3.00", 2, False),
        ("－3.00", "-3.00", 2, False),
        ("76.37%", "76.37", 2, True),
        ("100%", "100", 0, True),
        ("１００％", "100", 0, True),
        ("196,552,987", "196552987", 0, False),
        ("  17\u3000", "17", 0, False),
    ],
)
def test_printed_styles(text, value, decimals, percent):
    number = parse_number(text)
    assert number is not None
    assert number.value == Decimal(value)
    assert str(number.value) == value  # printed precision kept, not normalised
    assert (number.decimals, number.percent) == (decimals, percent)


def test_units_are_kept_apart_from_the_value():
    number = parse_number("15.05 分")
    assert (number.value, number.unit) == (Decimal("15.05"), "分")
    assert parse_number("784.29 万元").unit == "万元"


@pytest.mark.parametrize(
    "text", ["48.5044.05", "59.908.5", "1 2 3 4 5", "0.07 0.07", "≥ 95%", "2.5 6", "10,20", "合计", "1.2.3"]
)
def test_damaged_or_textual_cells_are_not_figures(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text", ["", "—", "——", "-", "－", "/", "　"])
def test_dashes_mean_empty(text):
    assert is_empty_mark(text)
    assert parse_number(text) is None


def test_figures_in_running_text_with_offsets():
    text = "收入合计 1,224.48 万元，占本年收入 100.0%；住房保障支出(类) 23. 64 万元"
    numbers = find_numbers(text)
    values = [(n.value, n.percent) for n in numbers]
    assert (Decimal("1224.48"), False) in values
    assert (Decimal("100.0"), True) in values
    assert (Decimal("23.64"), False) in values
    for number in numbers:
        assert parse_number(text[number.start : number.end]).value == number.value


FULL_WIDTH = str.maketrans("0123456789.,-%", "０１２３４５６７８９．，－％")


def _group(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(groups)


@st.composite
def printed_figures(draw):
    integer = draw(st.integers(min_value=0, max_value=10**12))
    decimals = draw(st.integers(min_value=0, max_value=4))
    fraction = draw(st.integers(min_value=0, max_value=10**decimals - 1)) if decimals else 0
    negative = draw(st.booleans()) and (integer or fraction)
    percent = draw(st.booleans())
    style = draw(st.sampled_from(["plain", "thousands", "spaced", "full-width", "padded"]))
    digits = str(integer)
    frac = str(fraction).rjust(decimals, "0") if decimals else ""
    if style == "thousands":
        body = _group(digits, ",")
        point = "."
    elif style == "spaced":  # "1, 627. 17": spaces after the separators
        body = _group(digits, ", ")
        point = ". "
    else:
        body, point = digits, "."
    text = ("-" if negative else "") + body + (point + frac if decimals else "") + ("%" if percent else "")
    if style == "full-width":
        text = text.translate(FULL_WIDTH)
    if style == "padded":
        text = " \u3000" + text + "\u3000 "
    expected = Decimal(("-" if negative else "") + digits + ("." + frac if decimals else ""))
    return text, expected, decimals, percent


@given(printed_figures())
def test_every_printed_style_round_trips(case):
    text, expected, decimals, percent = case
    number = parse_number(text)
    assert number is not None, text
    assert number.value == expected
    assert number.decimals == decimals
    assert number.percent == percent
    printed = text[number.start : number.end]
    assert printed == printed.strip(" \u3000")
    again = parse_number(format_number(number.value, number.percent))
    assert (again.value, again.decimals, again.percent) == (number.value, number.decimals, number.percent)


@given(st.text(max_size=40))
def test_parsing_any_text_never_raises(text):
    number = parse_number(text)
    if number is not None:
        assert 0 <= number.start < number.end <= len(text)
