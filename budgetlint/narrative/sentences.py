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

import bisect
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

from ..figures import TO_ASCII, WAN_PER_UNIT
from ..lazy import lazy_pattern
from ..model import Figure, Passage, Span
from ..records import field, record
from ..text import ITEM_MARK, PART_MARK

__all__ = ["AMOUNT", "MONEY", "OTHER", "PERCENT", "YEAR", "Sentence", "Token", "sentences"]

#: Marker characters: one private-use range per kind of number, so a pattern
#: can ask for "an amount" or "a percentage" with a character class.
#: The ranges are as narrow as the 1,024 numbers a sentence may mark: the
#: compiler of a pattern visits every character of a class.
_SPAN = 0x400
_BASES = {"money": 0xE000, "percent": 0xE000 + _SPAN, "year": 0xE000 + 2 * _SPAN, "number": 0xE000 + 3 * _SPAN}


def _markers(first: str, last: str) -> str:
    """The character class of the markers of kinds ``first`` to ``last``."""
    return f"[{chr(_BASES[first])}-{chr(_BASES[last] + _SPAN - 1)}]"


MONEY = _markers("money", "money")
PERCENT = _markers("percent", "percent")
YEAR = _markers("year", "year")
OTHER = _markers("number", "number")
#: Any marker at all.
AMOUNT = _markers("money", "number")


# Starts at a digit, for speed; a number that continues another ("5" of "1,2345",
# "2" of "3.5.2") is skipped after the match (see _sentence).
_NUMBER = lazy_pattern(
    r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?(?![\d])"
    r"(?P<pct>%)?(?P<unit>亿元|万元|千元|元)?"
)
#: Full-width forms that must become ASCII before numbers are read.
_FULL_WIDTH = lazy_pattern("[０-９．－−﹣＋％]")
_YEAR_AFTER = lazy_pattern(r"年|—|-|至")
_BLANKS = " \t\u3000\xa0\u2002\u2003\u2009\ufeff"
_DROPPED = "*"
_ENDS = "。！？!?"


class Token:
    """A number of a sentence: its kind and, when asked for, its figure.

    Most numbers of a sentence (years, counts, list numbers) are never looked
    at, so their figure is made on first use.
    """

    __slots__ = ("_figure", "_match", "_runs", "_base", "kind", "start", "end")

    def __init__(self, kind: str, start: int, match: re.Match, runs: "_Runs", base: int) -> None:
        self.kind = kind
        self.start = start
        self.end = start + 1
        self._match = match
        self._runs = runs
        self._base = base
        self._figure: Figure | None = None

    @property
    def figure(self) -> Figure:
        if self._figure is None:
            self._figure = _figure(self._match, self._runs, self._base)
        return self._figure

    @property
    def in_wan(self) -> Decimal:
        """The amount in 万元."""
        return self.figure.value * self.factor

    @property
    def factor(self) -> Decimal:
        return WAN_PER_UNIT.get(self._match["unit"] or "万元", _ONE)

    def __repr__(self) -> str:
        return f"Token({self.kind}, {self.figure})"


_ONE = Decimal(1)


def _figure(match: re.Match, runs: "_Runs", base: int) -> Figure:
    end = match.end("frac") if match["frac"] else match.end("int")
    if match["pct"]:
        end = match.end("pct")
    first, last = runs.place(base + match.start()), runs.place(base + end - 1)
    digits = match["int"].replace(",", "")
    frac = match["frac"] or ""
    value = Decimal(f"{digits}.{frac}" if frac else digits)
    span = Span(first[0], first[1], last[0], last[1] + 1)
    return Figure(value, len(frac), bool(match["pct"]), span, match["unit"])


class _Runs:
    """Where each character of a paragraph's joined text was printed: the text
    is made of runs of characters printed side by side on one line."""

    __slots__ = ("places", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.places: list[tuple[int, int]] = []

    def place(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        line, column = self.places[index]
        return line, column + offset - self.starts[index]


@record
class Sentence:
    """A sentence as normalised text with its numbers as markers.

    ``marked`` is the sentence without blanks, every number (and its unit)
    replaced by one marker character; ``token(i)`` is the number of the i-th
    marker and ``money`` the positions of the amounts' markers in ``marked``.
    """

    marked: str
    #: (kind, position in ``marked``, match) of each number: its Token is made when asked for.
    _found: tuple = field(eq=False, repr=False)
    money: tuple[int, ...]
    paragraph: int
    index: int
    _runs: _Runs = field(eq=False, repr=False)
    #: Offset of the sentence in its paragraph's text, and for each marker its
    #: position in ``marked`` and how many characters it stands for, less one.
    _base: int = field(eq=False, repr=False)
    _markers: tuple[int, ...] = field(eq=False, repr=False)
    _extra: tuple[int, ...] = field(eq=False, repr=False)
    #: What the statement readers work out about the sentence once (the subject
    #: of each amount): a sentence is read by several of them.
    memo: dict = field(factory=dict, eq=False, repr=False)
    _tokens: dict = field(factory=dict, eq=False, repr=False)

    def token(self, index: int) -> Token:
        """The ``index``-th number of the sentence."""
        token = self._tokens.get(index)
        if token is None:
            kind, position, match = self._found[index]
            token = self._tokens[index] = Token(kind, position, match, self._runs, self._base)
        return token

    def token_at(self, position: int) -> Token:
        return self.token(_marker_index(self.marked[position]))

    def place(self, position: int) -> tuple[int, int]:
        """(line, column) where the character at ``position`` of ``marked`` was printed."""
        count = bisect.bisect_left(self._markers, position)
        return self._runs.place(self._base + position + (self._extra[count - 1] if count else 0))

    def span(self, start: int, end: int) -> Span:
        """The printed stretch of ``marked[start:end]``."""
        line, column = self.place(start)
        end_line, end_column = self.place(end - 1)
        return Span(line, column, end_line, end_column + 1)

    def words(self, start: int, end: int) -> str:
        """``marked[start:end]`` with each marker written as its figure."""
        return _ANY_MARKER.sub(lambda found: _figure_text(self.token(_marker_index(found[0]))), self.marked[start:end])


_ANY_MARKER = lazy_pattern(AMOUNT)


def stops_subject(character: str) -> bool:
    """A marker that ends the words before it: any number's but a year's ("2020年")."""
    kind = _marker_kind(character)
    return kind is not None and kind != "year"


def _unmarked(text: str) -> str:
    """``text`` with the characters of the marker ranges that it prints itself (a
    PDF's private-use glyphs) read as an unknown symbol, never as a number."""
    return _ANY_MARKER.sub("\ufffd", text) if _ANY_MARKER.search(text) else text


def _marker_kind(character: str) -> str | None:
    """The kind of number a marker stands for; None for any other character."""
    offset = ord(character) - _BASES["money"]
    return _KINDS[offset // _SPAN] if 0 <= offset < len(_KINDS) * _SPAN else None


_KINDS = tuple(_BASES)


def _marker_index(character: str) -> int:
    return (ord(character) - 0xE000) % _SPAN


def _figure_text(token: Token) -> str:
    return f"{token.figure}{token.figure.unit or ''}"


_KEPT = lazy_pattern(f"[^{_BLANKS}{re.escape(_DROPPED)}]+")
_HAS_BLANK = lazy_pattern(f"[{_BLANKS}]")


def _joined(passage: Passage) -> tuple[str, _Runs]:
    """The passage's lines as one string without blanks, and where it was printed.

    A blank is kept (as one space) only between two digits, so that two numbers
    printed side by side do not fuse into one.
    """
    pieces: list[str] = []
    runs = _Runs()
    length = 0
    previous = ""
    for segment in passage.segments:
        text = _unmarked(segment.text)
        if _FULL_WIDTH.search(text):
            text = text.translate(TO_ASCII)
        gap_start = 0
        blank = bool(pieces)  # a line break is a blank
        for found in _KEPT.finditer(text):
            blank = blank or bool(_HAS_BLANK.search(text, gap_start, found.start()))
            run = found.group()
            place = (segment.line, segment.column + found.start())
            if blank and previous.isdigit() and run[0].isdigit():
                pieces.append(" ")
                runs.starts.append(length)
                runs.places.append(place)
                length += 1
            pieces.append(run)
            runs.starts.append(length)
            runs.places.append(place)
            length += len(run)
            previous = run[-1]
            gap_start = found.end()
            blank = False
    return "".join(pieces), runs


def _sentence(text: str, base: int, runs: _Runs, paragraph: int, index: int) -> Sentence:
    marked: list[str] = []
    found: list[tuple] = []
    money: list[int] = []
    markers: list[int] = []
    extra: list[int] = []
    position = length = shift = 0
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        if start:
            previous = text[start - 1]
            if previous in _CONTINUES or (previous == "," and start > 1 and text[start - 2].isdigit()):
                continue  # the tail of a number the pattern did not take whole
        whole, frac, percent, unit = match.group("int", "frac", "pct", "unit")
        if percent:
            kind = "percent"
        elif unit:
            kind = "money"
        elif not frac and len(whole) == 4 and whole[:2] in ("19", "20") and _YEAR_AFTER.match(text, end):
            kind = "year"
        else:
            kind = "number"
        marked.append(text[position:start])
        length += start - position
        if kind == "money":
            money.append(length)
        marked.append(chr(_BASES[kind] + len(found)))
        found.append((kind, length, match))
        shift += end - start - 1
        markers.append(length)
        extra.append(shift)
        length += 1
        position = end
        if len(found) >= _SPAN:
            break
    marked.append(text[position:])
    return Sentence(
        "".join(marked), tuple(found), tuple(money), paragraph, index, runs, base, tuple(markers), tuple(extra)
    )


_CONTINUES = frozenset("0123456789.")


#: What a sentence must print to state anything a rule reads: an amount, a
#: percentage, a comparison of 决算 with 预算, or the 类/款/项 the next sentence
#: speaks of. Others are not made into Sentences.
_STATES = lazy_pattern(r"元|%|决算|[类款项][)）]")
_SENTENCE_END = lazy_pattern(f"[{_ENDS}（()）]")


_ENDED = tuple("。！？!?：:；;")
_OPENS_ITEM = lazy_pattern(rf"\s*(?:[-*#]|{PART_MARK}|{ITEM_MARK})")


#: A line at least this long was wrapped, not a heading or a label standing alone.
_WRAPPED = 20


def _rejoined(passages: Iterable[Passage]) -> Iterator[Passage]:
    """Passages with a sentence broken by a blank line joined again: a passage
    whose long last line stops mid-sentence ("……（2）公务用车购置") and is followed
    within two lines by a long one that does not open an item or a heading
    ("及运行维护费 0 万元……")."""
    pending: Passage | None = None
    for passage in passages:
        if pending is not None:
            last = pending.segments[-1]
            first = passage.segments[0].text
            if (
                not last.text.rstrip().endswith(_ENDED)
                and passage.line - last.line <= 2
                and len(last.text) >= _WRAPPED
                and len(first) >= _WRAPPED
                and not _OPENS_ITEM.match(first)
            ):
                pending = Passage(pending.segments + passage.segments)
                continue
            yield pending
        pending = passage
    if pending is not None:
        yield pending


def sentences(passages: Iterable[Passage]) -> Iterator[Sentence]:
    """The sentences of each passage, split after 。！？ (a 。 inside brackets
    does not end a sentence). A passage that prints no amount and no percentage,
    and a sentence that prints none of what _STATES asks for, is passed over: no
    statement can be read from it. Sentences keep their ``index`` in the passage."""
    for number, passage in enumerate(_rejoined(passages)):
        raw = passage.text
        if "元" not in raw and "%" not in raw and "％" not in raw:
            continue
        text, runs = _joined(passage)
        start = 0
        index = 0
        depth = 0
        for found in _SENTENCE_END.finditer(text):
            character = found.group()
            if character in "（(":
                depth += 1
            elif character in "）)":
                depth = max(0, depth - 1)
            elif depth == 0:
                position = found.start()
                if position + 1 > start:
                    if _STATES.search(text, start, position + 1):
                        yield _sentence(text[start : position + 1], start, runs, number, index)
                    index += 1
                start = position + 1
        if start < len(text) and _STATES.search(text, start):
            yield _sentence(text[start:], start, runs, number, index)
