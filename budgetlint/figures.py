"""Printed numbers: "1, 627. 17", "１２３．４５", "76.37%", "-3.00", "—".

A figure keeps the exact ``Decimal`` it prints and how many decimals it was
printed with, because every later comparison is an interval over that
printed precision, never a float.
"""

from __future__ import annotations

import functools
import re
from collections import namedtuple
from decimal import Decimal

from .lazy import lazy_pattern

__all__ = [
    "EMPTY_MARKS",
    "TO_ASCII",
    "WAN_PER_UNIT",
    "Number",
    "find_numbers",
    "format_number",
    "is_empty_mark",
    "parse_number",
]

# One-to-one replacements only, so offsets in the translated text are the
# offsets in the original.
TO_ASCII = str.maketrans(
    {
        **{chr(0xFF10 + d): str(d) for d in range(10)},
        "．": ".",
        "，": ",",
        "－": "-",
        "−": "-",
        "﹣": "-",
        "＋": "+",
        "％": "%",
        "\u3000": " ",
        "\xa0": " ",
        "\t": " ",
    }
)

#: 万元 per unit of an amount: figures are compared in 万元, whatever unit a
#: table or a sentence prints them in.
WAN_PER_UNIT = {"亿元": Decimal(10000), "万元": Decimal(1), "千元": Decimal("0.1"), "元": Decimal("0.0001")}

#: What a cell prints when it has nothing: dashes, slashes, nothing at all.
EMPTY_MARKS = frozenset({"", "-", "--", "—", "——", "–", "―", "/", "\\", "－", "－－", "…", "……"})

_UNITS = ("万元", "元", "分")
# Spaces are tolerated only around the separators ("1, 627. 17"), never
# between bare digits, so "1 2 3" stays text.
_NUMBER = lazy_pattern(
    r"(?P<sign>[-+]?) *"
    r"(?P<int>\d{1,3}(?: *, *\d{3})+|\d+)"
    r"(?: *\. *(?P<frac>\d+))?"
    r" *(?P<pct>%)?"
    r" *(?P<unit>万元|元|分)?"
)
_INLINE = lazy_pattern(
    r"(?<![\d.,])(?P<sign>-?)"
    r"(?P<int>\d{1,3}(?:, ?\d{3})+|\d+)"
    r"(?:\. ?(?P<frac>\d+))?"
    r"(?P<pct> ?%)?"
)


class Number(namedtuple("Number", "value decimals percent start end unit", defaults=(None,))):
    """A number read from text: its value, printed decimals and where it sits
    (``start``/``end`` are offsets into the string that was parsed)."""

    __slots__ = ()
    value: Decimal
    decimals: int
    percent: bool
    start: int
    end: int
    unit: str | None


def is_empty_mark(text: str) -> bool:
    return text.strip(" \u3000\xa0\t") in EMPTY_MARKS


def _number(match: re.Match, start: int, end: int) -> Number:
    digits = match["int"].replace(",", "").replace(" ", "")
    frac = match["frac"] or ""
    sign = "-" if match["sign"] == "-" else ""
    literal = f"{sign}{digits}.{frac}" if frac else f"{sign}{digits}"
    return Number(
        value=Decimal(literal),
        decimals=len(frac),
        percent=bool(match["pct"]),
        start=start,
        end=end,
        unit=match.groupdict().get("unit"),
    )


@functools.lru_cache(maxsize=8192)
def parse_number(text: str) -> Number | None:
    """Read ``text`` as one printed figure, or return ``None`` if it is not one.

    Surrounding blanks are ignored; ``start``/``end`` delimit the figure
    itself inside ``text``.
    """
    # (translate costs a dictionary look-up a character: most cells need none)
    translated = text.translate(TO_ASCII) if not text.isascii() or "\t" in text else text
    end = len(translated.rstrip(" \r\n"))
    start = len(translated) - len(translated.lstrip(" \r\n"))
    if start >= end:
        return None
    first = translated[start]
    if not (first.isdigit() or first in "+-"):
        return None
    match = _NUMBER.fullmatch(translated, start, end)
    if match is None:
        return None
    return _number(match, start, end)


def find_numbers(text: str) -> list[Number]:
    """Every number stated in running text, with its offsets in ``text``."""
    translated = text.translate(TO_ASCII)
    return [_number(m, m.start(), m.end()) for m in _INLINE.finditer(translated)]


def format_number(value: Decimal, percent: bool = False) -> str:
    """The decimal string of a figure as printed ("1224.48", "9.00", "76.37%")."""
    text = f"{value:f}"
    return f"{text}%" if percent else text
