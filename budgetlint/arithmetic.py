"""Arithmetic that respects rounding: a printed figure stands for an interval.

"1,224.48" printed with two decimals stands for any value within ±0.005 of
it; a sum of n such figures carries n half-units of uncertainty. A relation
between figures fails only when the intervals of its two sides cannot meet,
widened by an optional slack for 舍位平衡 conventions. This is what lets a
0.03 gap between two copies of a figure be reported while honest rounding of
a long sum stays silent (in the manner of XBRL Calculations 1.1).

A bare "0" is exact: in a table of two-decimal amounts it means nothing was
spent, not an amount below half a 万元. "0.00" is a rounded figure like any
other (it may stand for 0.004).
"""

from __future__ import annotations

from decimal import Decimal

from .model import Cell, Figure
from .records import record

__all__ = ["ZERO", "Interval", "addable", "disagreement", "half_unit", "percentage", "rounded_or_cut", "stands_for"]

_HALF_UNITS = {d: Decimal(5).scaleb(-(d + 1)) for d in range(10)}


def half_unit(decimals: int) -> Decimal:
    """Half of the last printed digit: 0.005 for two decimals, 0.5 for none."""
    return _HALF_UNITS.get(decimals) or Decimal(5).scaleb(-(decimals + 1))


@record
class Interval:
    """The values a printed figure, or an expression of figures, may stand for.

    ``value`` is what the printed figures give; ``low``/``high`` bound the true value.
    """

    value: Decimal
    low: Decimal
    high: Decimal

    @classmethod
    def of(cls, figure: Figure | None) -> "Interval":
        """A printed figure's interval; an empty cell and a bare "0" are exactly zero."""
        if figure is None:
            return ZERO
        if not figure.value and not figure.decimals:
            return cls(figure.value, figure.value, figure.value)
        half = half_unit(figure.decimals)
        return cls(figure.value, figure.value - half, figure.value + half)

    @classmethod
    def of_cell(cls, cell: Cell | None) -> "Interval":
        """A cell's interval; a cell that prints nothing is exactly zero."""
        return cls.of(cell.figure if cell is not None else None)

    def __add__(self, other: "Interval") -> "Interval":
        return Interval(self.value + other.value, self.low + other.low, self.high + other.high)

    def __sub__(self, other: "Interval") -> "Interval":
        return Interval(self.value - other.value, self.low - other.high, self.high - other.low)

    def __neg__(self) -> "Interval":
        return Interval(-self.value, -self.high, -self.low)

    def scaled(self, factor: Decimal) -> "Interval":
        """The interval times a positive ``factor`` (a change of unit)."""
        return Interval(self.value * factor, self.low * factor, self.high * factor)

    def shifted(self, amount: Decimal) -> "Interval":
        """The interval plus an exact ``amount`` (a change stated in words, points given)."""
        return Interval(self.value + amount, self.low + amount, self.high + amount)

    @property
    def exact(self) -> "Interval":
        """The printed value taken as exact (points given, not a rounded result)."""
        return Interval(self.value, self.value, self.value)

    def meets(self, other: "Interval", slack: Decimal = Decimal(0)) -> bool:
        """Can both stand for the same value, allowing ``slack`` either way?"""
        return self.low - slack <= other.high and other.low - slack <= self.high


ZERO = Interval(Decimal(0), Decimal(0), Decimal(0))


def rounded_or_cut(value: Decimal, decimals: int) -> Interval:
    """A derived figure (a rate, a score) as documents print it: rounded to the
    nearest (13.3 for 13.25–13.35) or cut after its last digit (13.3 for up to 13.4)."""
    half = half_unit(decimals)
    return Interval(value, value - half, _below(value + 2 * half, half))


def _below(bound: Decimal, half: Decimal) -> Decimal:
    """Just under ``bound``: a figure cut after its last digit stands for values up to,
    but not including, one unit more (13.3 never stands for 13.4)."""
    return bound - half.scaleb(-6)


def stands_for(printed: Decimal, decimals: int, convention: str | None) -> Interval:
    """The values a derived figure printed as ``printed`` may stand for under a
    rounding ``convention``: "四舍五入" (13.3 for 13.25–13.35), "截尾" (13.3 for 13.3 up
    to 13.4), or either (None, as :func:`rounded_or_cut`)."""
    half = half_unit(decimals)
    if convention == "四舍五入":
        return Interval(printed, printed - half, printed + half)
    if convention == "截尾":
        return Interval(printed, printed, _below(printed + 2 * half, half))
    return rounded_or_cut(printed, decimals)


def addable(cell: Cell | None) -> bool:
    """Can the cell take part in a sum? Empty cells can (as zero); text and percentages cannot."""
    return cell is None or cell.empty or (cell.figure is not None and not cell.figure.percent)


def disagreement(
    left: Cell | None, right: list[tuple[int, Cell | None]], slack: Decimal = Decimal(0)
) -> tuple[Interval, Interval] | None:
    """Both sides of ``left = Σ sign × right`` when they cannot stand for the same value.

    None when the relation holds within rounding and ``slack``, and also when it
    cannot be judged: a cell holds text or a percentage, or no cell prints a figure.
    """
    cells = [left] + [cell for _, cell in right]
    if not all(map(addable, cells)) or not any(cell is not None and cell.figure for cell in cells):
        return None
    total = ZERO
    for sign, cell in right:
        total = total + Interval.of_cell(cell) if sign > 0 else total - Interval.of_cell(cell)
    own = Interval.of_cell(left)
    return None if own.meets(total, slack) else (own, total)


_HUNDRED = Decimal(100)


def percentage(part: Interval, whole: Interval) -> Interval | None:
    """``part`` as a percentage of ``whole``, over every value both may stand for.

    None when ``whole`` may be zero or negative: no share or rate can then be
    computed from the printed figures. A part that may be negative (a decrease
    read as an amount) is not a share either.
    """
    if whole.low <= 0 or part.low < 0:
        return None
    return Interval(
        part.value / whole.value * _HUNDRED if whole.value else part.high / whole.low * _HUNDRED,
        part.low / whole.high * _HUNDRED,
        part.high / whole.low * _HUNDRED,
    )
