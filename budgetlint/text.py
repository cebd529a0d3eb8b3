"""Plain text out of extraction debris: HTML and markdown fragments, check
marks, stray spaces between Chinese characters, full-width forms.

Cleaning is for reading and matching only; positions always refer to the
original text, so nothing here is used to compute a location.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .lazy import lazy_pattern

__all__ = ["BLANK", "ITEM_MARK", "PART_MARK", "chinese_number", "clean", "key", "squeeze", "strip_markup", "unspaced"]

#: The number that opens an item of a list: "一、", "（一）", "(1)", "1." (a pattern).
ITEM_MARK = r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]"
#: The heading of a part of a document: "第二部分" (a pattern).
PART_MARK = r"第[一二三四五六七八九十]+部分"

#: Characters that print as nothing: spaces of every width, tabs, line ends.
BLANK = " \t\r\n\u3000\xa0\u2002\u2003\u2009\ufeff"

_CHECKED = lazy_pattern(r"<input\b[^<>]*\bchecked\b[^<>]*>", re.IGNORECASE)
_CHECKBOX = lazy_pattern(r"<input\b[^<>]*>", re.IGNORECASE)
_TAG = lazy_pattern(r"</?[A-Za-z][^<>]{0,300}>")
_EMPHASIS = lazy_pattern(r"\*\*|__")
_SPACES = lazy_pattern(r"[ \u3000\xa0]+")
_KEY_DROP = lazy_pattern(r"[\s\u3000\xa0\"'“”‘’「」『』《》<>*#]+")


def strip_markup(text: str) -> str:
    """Read HTML/markdown fragments as their text; check boxes become ☑/□."""
    if "<" in text:
        text = _CHECKED.sub("☑", text)
        text = _CHECKBOX.sub("□", text)
        text = _TAG.sub("", text)
    if "&" in text:
        import html  # rare: loaded only for a document that has entities

        text = html.unescape(text)
    if "*" in text or "__" in text:
        text = _EMPHASIS.sub("", text)
    return text


_ANY_BLANK = lazy_pattern(r"\s+")


def unspaced(text: str | None) -> str:
    """Without any blank: labels of a sheet match however the extraction spaced them
    ("社会效益 指标", "合 计")."""
    return _ANY_BLANK.sub("", text or "")


def squeeze(text: str) -> str:
    """Drop the spaces a line join left between Chinese characters ("合 计"); other
    runs of spaces become one."""
    if " " not in text and "\u3000" not in text and "\xa0" not in text:
        return text
    return _SPACES.sub(_gap, text)


def is_cjk(character: str) -> bool:
    """A character of Chinese text: an ideograph, CJK punctuation or a full-width form.

    Compared directly: a pattern with these ranges takes milliseconds to compile,
    since Python's compiler visits each of the 30,000 characters."""
    return "\u2e80" <= character <= "\u9fff" or "\uf900" <= character <= "\ufaff" or "\uff00" <= character <= "\uffef"


def is_ideograph(character: str) -> bool:
    """A Chinese character proper (U+4E00–U+9FFF), compared directly for the same reason."""
    return "\u4e00" <= character <= "\u9fff"


def _gap(run: re.Match) -> str:
    text, start, end = run.string, run.start(), run.end()
    return "" if start and end < len(text) and is_cjk(text[start - 1]) and is_cjk(text[end]) else " "


_PLAIN = lazy_pattern(r"[^<&*_ \u3000\xa0]*")


@functools.lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """The readable text of a cell or line: markup gone, ends trimmed."""
    text = text.strip(BLANK)
    if not text or _PLAIN.fullmatch(text):
        return text
    return squeeze(strip_markup(text).strip(BLANK))


@functools.lru_cache(maxsize=8192)
def key(text: str) -> str:
    """A comparison key: NFKC, no spaces, quotes or markup characters."""
    return _KEY_DROP.sub("", unicodedata.normalize("NFKC", strip_markup(text)))


_DIGITS = "一二三四五六七八九"


def chinese_number(text: str) -> int | None:
    """一 … 九十九 (and digits) as a number: 表六, （十二）, 表 6."""
    if text.isdigit():
        return int(text)
    tens, ten, ones = text.partition("十")
    if not ten:
        return _DIGITS.index(text) + 1 if len(text) == 1 and text in _DIGITS else None
    if (tens and (len(tens) > 1 or tens not in _DIGITS)) or (ones and (len(ones) > 1 or ones not in _DIGITS)):
        return None
    return (_DIGITS.index(tens) + 1 if tens else 1) * 10 + (_DIGITS.index(ones) + 1 if ones else 0)
