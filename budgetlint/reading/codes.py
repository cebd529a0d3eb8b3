"""Subject codes (支出功能分类 201/20101/2010101, 经济分类 301/30101) in the
label cells of a row, however the table prints them: in a code column, split
over 类/款/项 columns ("201→06→01"), with the 类 digits left out on 款/项 rows
("→06→"), inside the name cell ("22960 彩票公益金安排的支出"), or not at all.
"""

from __future__ import annotations

from ..lazy import lazy_pattern

__all__ = ["SubjectCodes"]

_CODE = lazy_pattern(r"^\d{3}(?:\d{2}){0,2}$")
_CODE_IN_NAME = lazy_pattern(r"^(\d{3}(?:\d{2}){0,2})(?:[ \u3000]+|[ \u3000]*[-－—][ \u3000]*)(\S.*)$")


class SubjectCodes:
    """Reads the code and name of each row of one table, top to bottom,
    remembering the last 类 and 款 for rows that leave them out."""

    def __init__(self) -> None:
        self._last: dict[int, str] = {}

    def read(self, texts: list[str]) -> tuple[str | None, list[str]]:
        """The code and the name fragments of a row's label cells, in order."""
        parts: list[tuple[int, str]] = []
        names: list[str] = []
        for position, text in enumerate(texts):
            if not text:
                continue
            if text.isdigit() and len(text) in (2, 3, 5, 7) and not names:
                parts.append((position, text))
                continue
            if text.isdigit() and len(text) == 1 and parts and not names:
                # A 款/项 column whose spreadsheet dropped the leading zero ("301→2→津贴补贴").
                parts.append((position, "0" + text))
                continue
            inline = _CODE_IN_NAME.match(text)
            if inline and not parts and not names:
                parts.append((position, inline[1]))
                names.append(inline[2])
                continue
            names.append(text)
        code = self._code(parts)
        if code:
            for length in (3, 5):
                if len(code) > length:
                    self._last[length] = code[:length]
            self._last[len(code)] = code
        return code, names

    def _code(self, parts: list[tuple[int, str]]) -> str | None:
        if not parts:
            return None
        digits = [text for _, text in parts]
        if _CODE.match(digits[0]) and all(len(d) == 2 for d in digits[1:]):
            code = "".join(digits)
            return code if _CODE.match(code) else None
        if all(len(d) == 2 for d in digits):
            # 款 (second label column) or 项 (third) printed without its parent.
            position = parts[0][0]
            prefix = self._last.get(3) if len(digits) == 2 or position <= 1 else self._last.get(5)
            if prefix:
                code = prefix + "".join(digits)
                return code if _CODE.match(code) else None
        return None
