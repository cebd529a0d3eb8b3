"""Sentences of running text, ready for statement patterns.

A paragraph is printed over several lines, with the spaces a PDF export puts
between Chinese characters and inside numbers ("1, 627. 17 万元"). A
:class:`Sentence` joins the lines, drops those spaces and replaces each
number, with its unit, by one marker character, so that a statement is a
regular expression over words and markers ("比上年增加◆，增长◇"). Every
character keeps the line and column it was printed at, and every number is a
:class:`~budgetlint.model.Figure` with its own span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

import attrs

from ..figures import _TO_ASCII
from ..model import Figure, Passage, Span

__all__ = ["AMOUNT", "MONEY", "OTHER", "PERCENT", "YEAR", "Sentence", "Token", "sentences"]

#: Marker characters: one private-use range per kind of number, so a pattern
#: can ask for "an amount" or "a percentage" with a character class.
_BASES = {"money": 0xE000, "percent": 0xE800, "year": 0xF000, "number": 0xF400}
_SPAN = 0x400
MONEY = "[\ue000-\ue7ff]"
PERCENT = "[\ue800-\uefff]"
YEAR = "[\uf000-\uf3ff]"
OTHER = "[\uf400-\uf7ff]"
#: Any marker at all.
AMOUNT = "[\ue000-\uf7ff]"

#: Yuan per unit: amounts are compared in 万元.
_UNIT_FACTORS = {"亿元": Decimal(10000), "万元": Decimal(1), "千元": Decimal("0.1"), "元": Decimal("0.0001")}

_NUMBER = re.compile(
    r"(?<![\d.])(?<!\d,)(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?(?![\d])"
    r"(?P<pct>%)?(?P<unit>亿元|万元|千元|元)?"
)
_YEAR_AFTER = re.compile(r"年|—|-|至")
_BLANKS = " \t\u3000\xa0\u2002\u2003\u2009\ufeff"
_DROPPED = "*"
_ENDS = "。！？!?"


@attrs.frozen
class Token:
    """A number of a sentence: its kind, the figure and where it sits in ``text``."""

    kind: str
    figure: Figure
    start: int
    end: int

    @property
    def in_wan(self) -> Decimal:
        """The amount in 万元."""
        return self.figure.value * _UNIT_FACTORS.get(self.figure.unit or "万元", Decimal(1))

    @property
    def factor(self) -> Decimal:
        return _UNIT_FACTORS.get(self.figure.unit or "万元", Decimal(1))


@attrs.frozen
class Sentence:
    """A sentence as normalised text, its markers, and the place of each character.

    ``text`` is the sentence without blanks; ``marked`` is ``text`` with every
    number (and its unit) replaced by one marker character; ``tokens[i]`` is
    the number of the i-th marker. ``places[k]`` is the (line, column) of the
    k-th character of ``marked``.
    """

    marked: str
    tokens: tuple[Token, ...]
    places: tuple[tuple[int, int], ...]
    paragraph: int
    index: int

    def token_at(self, position: int) -> Token:
        return self.tokens[_marker_index(self.marked[position])]

    def span(self, start: int, end: int) -> Span:
        """The printed stretch of ``marked[start:end]``."""
        line, column = self.places[start]
        end_line, end_column = self.places[end - 1]
        return Span(line, column, end_line, end_column + 1)

    def words(self, start: int, end: int) -> str:
        """``marked[start:end]`` with each marker written as its figure."""
        return "".join(
            _figure_text(self.tokens[_marker_index(c)]) if _is_marker(c) else c for c in self.marked[start:end]
        )


def _is_marker(character: str) -> bool:
    return 0xE000 <= ord(character) < 0xF800


def _marker_index(character: str) -> int:
    return (ord(character) - 0xE000) % _SPAN


def _figure_text(token: Token) -> str:
    return f"{token.figure}{token.figure.unit or ''}"


def _kind(text: str, match: re.Match) -> str:
    if match["pct"]:
        return "percent"
    if match["unit"]:
        return "money"
    if not match["frac"] and len(match["int"]) == 4 and match["int"][:2] in ("19", "20"):
        if _YEAR_AFTER.match(text, match.end()):
            return "year"
    return "number"


def _joined(passage: Passage) -> tuple[str, list[tuple[int, int]]]:
    """The passage's lines as one string without blanks, with each character's place.

    A blank is kept (as one space) only between two digits, so that two numbers
    printed side by side do not fuse into one.
    """
    characters: list[str] = []
    places: list[tuple[int, int]] = []
    pending = False
    for segment in passage.segments:
        pending = bool(characters)
        for offset, character in enumerate(segment.text.translate(_TO_ASCII)):
            if character in _BLANKS:
                pending = bool(characters)
                continue
            if character in _DROPPED:
                continue
            if pending and character.isdigit() and characters[-1].isdigit():
                characters.append(" ")
                places.append(places[-1])
            pending = False
            characters.append(character)
            places.append((segment.line, segment.column + offset))
    return "".join(characters), places


def _sentence(text: str, places: list[tuple[int, int]], paragraph: int, index: int) -> Sentence:
    marked: list[str] = []
    marked_places: list[tuple[int, int]] = []
    tokens: list[Token] = []
    position = 0
    for match in _NUMBER.finditer(text):
        if len(tokens) >= _SPAN:
            break
        kind = _kind(text, match)
        marked.append(text[position : match.start()])
        marked_places.extend(places[position : match.start()])
        number_end = match.end("frac") if match["frac"] else match.end("int")
        if match["pct"]:
            number_end = match.end("pct")
        first, last = places[match.start()], places[number_end - 1]
        span = Span(first[0], first[1], last[0], last[1] + 1)
        digits = match["int"].replace(",", "")
        frac = match["frac"] or ""
        value = Decimal(f"{digits}.{frac}" if frac else digits)
        figure = Figure(value, len(frac), bool(match["pct"]), span, match["unit"])
        start = sum(map(len, marked))
        tokens.append(Token(kind, figure, start, start + 1))
        marked.append(chr(_BASES[kind] + len(tokens) - 1))
        marked_places.append(first)
        position = match.end()
    marked.append(text[position:])
    marked_places.extend(places[position:])
    return Sentence("".join(marked), tuple(tokens), tuple(marked_places), paragraph, index)


def sentences(passages: Iterable[Passage]) -> Iterator[Sentence]:
    """The sentences of each passage, split after 。！？ (a 。 inside brackets
    does not end a sentence)."""
    for number, passage in enumerate(passages):
        text, places = _joined(passage)
        start = 0
        index = 0
        depth = 0
        for position, character in enumerate(text):
            if character in "（(":
                depth += 1
            elif character in "）)":
                depth = max(0, depth - 1)
            elif character in _ENDS and depth == 0:
                if position + 1 > start:
                    yield _sentence(text[start : position + 1], places[start : position + 1], number, index)
                    index += 1
                start = position + 1
        if start < len(text):
            yield _sentence(text[start:], places[start:], number, index)
