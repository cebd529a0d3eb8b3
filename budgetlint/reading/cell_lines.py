"""One cell per line: every cell on a line of its own that starts with a
tab, rows separated by blank lines, a cell's text sometimes broken over lines
that carry no tab (seeds 001, 002)."""

from __future__ import annotations

from .grid import BLANKS, RawRow, is_blank

__all__ = ["cell_per_line_style", "cell_rows", "is_fragment"]

# How far a broken cell's fragment may run, in characters.
_FRAGMENT_AFTER_CELL = 30
_FRAGMENT_AFTER_BLANK = 20


def _single_cell_line(line: str) -> bool:
    body = line.lstrip(" ")
    return body.startswith("\t") and body.count("\t") == 1


def cell_per_line_style(lines: list[str], start: int) -> bool:
    """Decide the style from the first dozen tab lines of a block."""
    single = multi = 0
    for line in lines[start : start + 60]:
        if "\t" in line:
            if _single_cell_line(line):
                single += 1
            else:
                multi += 1
            if single + multi >= 12:
                break
    return single > multi


def is_fragment(lines: list[str], index: int, blanks: int) -> bool:
    """Is this tabless line the rest of a cell broken over lines?"""
    text = lines[index].strip(BLANKS)
    if blanks > 1:
        return False
    if index + 1 < len(lines) and "\t" in lines[index + 1]:
        # Wedged between a cell and the next cell: the cell's own text.
        return True
    if blanks == 0:
        return len(text) <= _FRAGMENT_AFTER_CELL
    if len(text) > _FRAGMENT_AFTER_BLANK or text.endswith("。"):
        return False
    for following in lines[index + 1 : index + 3]:
        if "\t" in following:
            return True
        if not is_blank(following):
            return len(following.strip(BLANKS)) <= _FRAGMENT_AFTER_BLANK
    return False


class _RowBuilder:
    """Collects the cells of one cell-per-line row."""

    def __init__(self) -> None:
        self.row = RawRow([], [], [], [], [])

    def __bool__(self) -> bool:
        return bool(self.row.texts)

    def add(self, text: str, number: int, start: int) -> None:
        row = self.row
        row.texts.append(text)
        row.lines.append(number)
        row.starts.append(start)
        row.end_lines.append(number)
        row.ends.append(start + len(text))

    def extend_last(self, text: str, number: int, end: int) -> None:
        """The last cell goes on over another line."""
        row = self.row
        row.texts[-1] += text
        row.end_lines[-1] = number
        row.ends[-1] = end


def cell_rows(lines: list[str], first: int, last: int) -> list[RawRow]:
    rows: list[RawRow] = []
    row = _RowBuilder()
    pending_break = False
    for index in range(first, last + 1):
        line = lines[index]
        number = index + 1
        if is_blank(line):
            pending_break = bool(row)
            continue
        pieces = line.split("\t")
        offset = len(pieces[0]) + 1
        head = pieces[0]
        if head.strip(BLANKS):
            # Text before any tab continues the cell broken above it.
            pending_break = False
            if row:
                row.extend_last(head.strip(BLANKS), number, len(head.rstrip(BLANKS)))
            else:
                row.add(head, number, 0)
        if len(pieces) > 1 and pending_break:
            rows.append(row.row)
            row = _RowBuilder()
            pending_break = False
        for text in pieces[1:]:
            row.add(text, number, offset)
            offset += len(text) + 1
    if row:
        rows.append(row.row)
    return rows
