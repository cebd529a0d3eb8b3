"""The document model the rules read: tables with their figures, footnotes,
paragraphs and headings, every piece pointing back at the original file.

Rules never look at text again; whatever they need is modelled here.
"""

from __future__ import annotations

import bisect
from collections import namedtuple
from decimal import Decimal

from .figures import find_numbers, format_number
from .findings import Diagnostic
from .lazy import lazy_pattern
from .records import record

__all__ = [
    "Cell",
    "Column",
    "Document",
    "Figure",
    "Footnote",
    "Heading",
    "Paragraph",
    "Passage",
    "Row",
    "PAGE_MARK",
    "Segment",
    "Source",
    "Span",
    "Table",
    "page_mark",
]


_LINE_BREAK = lazy_pattern(r"\r\n|\r|\n")


#: The line that opens page *n* in the text budgetlint renders from a PDF
#: (and in that text saved to a file and read again).
PAGE_MARK = lazy_pattern(r"^-{3} 第 (\d+) 页 -{3}$")


def page_mark(number: int) -> str:
    return f"--- 第 {number} 页 ---"


@record
class Source:
    """A decoded document with its line index.

    ``lines`` hold the text of each line without its line break; line *n* of
    the file is ``lines[n - 1]`` and columns count characters from 1, the way
    editors and the diagnostics count them. ``pages`` are the (line, page)
    pairs of the page marks, in order: empty for text that has none.
    """

    path: str
    text: str
    encoding: str
    lines: tuple[str, ...]
    pages: tuple[tuple[int, int], ...] = ()

    @classmethod
    def from_text(cls, text: str, path: str = "<text>", encoding: str = "str") -> "Source":
        lines = tuple(_LINE_BREAK.split(text))
        pages = ()
        if "--- 第 " in text:
            marks = ((n, PAGE_MARK.match(line)) for n, line in enumerate(lines, 1) if line.startswith("--- 第 "))
            pages = tuple((n, int(found[1])) for n, found in marks if found)
        return cls(path=path, text=text, encoding=encoding, lines=lines, pages=pages)

    def page_of(self, line: int) -> int | None:
        """The page that ``line`` stands on, for text with page marks."""
        index = bisect.bisect_right(self.pages, (line, float("inf"))) - 1
        return self.pages[index][1] if index >= 0 else None


class Span(namedtuple("Span", "line column end_line end_column")):
    """A stretch of the original file: 1-based lines and columns, end exclusive.

    An immutable tuple rather than a record: every cell has one.
    """

    __slots__ = ()
    line: int
    column: int
    end_line: int
    end_column: int


@record
class Figure:
    """A printed number: exact value, decimals as printed, percent or not."""

    value: Decimal
    decimals: int
    percent: bool
    span: Span
    unit: str | None = None

    def __str__(self) -> str:
        return format_number(self.value, self.percent)


@record
class Cell:
    """One cell as read: its cleaned text and, when it prints a number, the figure.

    A cell that prints nothing or a dash has ``text == ""`` and no figure.
    """

    text: str
    span: Span
    figure: Figure | None = None

    @property
    def empty(self) -> bool:
        return not self.text


@record
class Column:
    """A value column of a logical table: its printed 栏次 (if any) and header.

    ``path`` is the column's place under the header's groups, top to bottom,
    with a group header counted over every column it spans: ("预算数",
    "公务用车购置及运行费", "小计").
    """

    index: int
    number: int | None
    header: str | None
    path: tuple[str, ...] = ()


@record
class Row:
    """A data row: its label, subject code, 行次 and cells aligned with the columns.

    ``cells[i]`` is ``None`` where the row prints nothing for column i; a
    cell that prints a dash ("—") is an empty :class:`Cell` with its place.
    """

    line: int
    label: str
    code: str | None
    number: int | None
    cells: tuple[Cell | None, ...]
    label_span: Span | None = None
    number_span: Span | None = None
    #: Which of the column ranges stacked into this logical table printed the row
    #: (人员经费 on the left of a 基本支出 table, 公用经费 on the right).
    segment: int = 0
    #: The index in ``Table.rows`` of the row this one breaks down ("年初结转和结余"
    #: over its "一、一般公共预算财政拨款"; a row over its "其中：" row), if any.
    parent: int | None = None

    def cell(self, index: int) -> Cell | None:
        return self.cells[index] if 0 <= index < len(self.cells) else None

    @property
    def span(self) -> Span:
        """Where to point at the row itself: its 行次, else its label, else its line."""
        return self.number_span or self.label_span or Span(self.line, 1, self.line, 1)

    def span_at(self, index: int) -> Span:
        """Where to point at the row's cell ``index``: its figure, its text, or the row."""
        cell = self.cell(index)
        if cell is None:
            return self.span
        return cell.figure.span if cell.figure else cell.span


@record
class Segment:
    """One line of a footnote or paragraph: where it starts and its raw text."""

    line: int
    column: int
    text: str


@record
class Passage:
    """Lines of text as printed, each with the place it starts."""

    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        return "\n".join(segment.text for segment in self.segments)

    @property
    def line(self) -> int:
        return self.segments[0].line


@record
class Footnote(Passage):
    """A table's note ("注：…") with its formulas, line by line as printed."""


@record
class Table:
    """A logical table. Side-by-side halves of one printed table are separate
    logical tables that share ``block`` and name their ``part`` (收入/支出)."""

    title: str | None
    kind: str | None
    line: int
    unit: str | None
    department: str | None
    year: int | None
    part: str | None
    block: int
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    footnotes: tuple[Footnote, ...] = ()
    #: Why a table whose title names a known kind was not read as that kind (its
    #: shape is not understood, so it yields no arithmetic finding).
    unrecognised: str | None = None
    #: Where the 部门 name of the table's header is printed.
    department_span: Span | None = None

    def column(self, number: int) -> Column | None:
        """The column whose printed 栏次 is ``number``."""
        return next((c for c in self.columns if c.number == number), None)

    def row(self, number: int) -> Row | None:
        """The row whose 行次 is ``number``."""
        return next((r for r in self.rows if r.number == number), None)

    def row_by_code(self, code: str) -> Row | None:
        return next((r for r in self.rows if r.code == code), None)

    def row_by_label(self, label: str) -> Row | None:
        from .text import key

        wanted = key(label)
        return next((r for r in self.rows if key(r.label) == wanted), None)


@record
class Heading:
    line: int
    text: str


@record
class Paragraph(Passage):
    """Consecutive lines of running text."""

    def figures(self) -> tuple[Figure, ...]:
        """Every number the paragraph states, where it states it.

        Computed when asked: most documents are read without looking at them.
        """
        found = []
        for segment in self.segments:
            for number in find_numbers(segment.text):
                span = Span(segment.line, segment.column + number.start, segment.line, segment.column + number.end)
                found.append(Figure(number.value, number.decimals, number.percent, span))
        return tuple(found)


@record
class Document:
    """Everything read from one file; ``problems`` are what could not be read."""

    source: Source
    tables: tuple[Table, ...]
    paragraphs: tuple[Paragraph, ...] = ()
    headings: tuple[Heading, ...] = ()
    problems: tuple[Diagnostic, ...] = ()
    #: The 目录's entries (budgetlint.reading.contents.ContentsEntry), in order.
    contents: tuple = ()
    #: (line, title) of each table printed but not readable (BL001): it is in the
    #: document even though it has no Table.
    unread: tuple[tuple[int, str], ...] = ()

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def year(self) -> int | None:
        """The year the document is about: the one most of its tables name."""
        years = [table.year for table in self.tables if table.year]
        return max(sorted(set(years)), key=years.count) if years else None

    def tables_of_kind(self, kind: str) -> list[Table]:
        return [table for table in self.tables if table.kind == kind]

    def blocks(self) -> list[list[Table]]:
        """The printed tables, each as the logical tables printed side by side in it."""
        blocks: dict[int, list[Table]] = {}
        for table in self.tables:
            blocks.setdefault(table.block, []).append(table)
        return list(blocks.values())
