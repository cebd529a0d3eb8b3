"""Layout: the document's lines into headings, paragraphs, tables and footnotes.

Walks the blocks in order, keeping what the lines before a table said about
it (title, 部门, 单位, 表号), gluing the pages of a table split over pages
back together, attaching the "注：…" lines that follow a table to it, and
reporting, instead of guessing, a table whose text is scrambled beyond
recovery.
"""

from __future__ import annotations

from ..collection import fewer_collections
from ..figures import find_numbers, parse_number
from ..findings import Diagnostic
from ..kept import Kept
from ..kinds import FINANCIAL, recognise
from ..lazy import lazy_pattern
from ..model import Document, Heading, Paragraph, Segment, Source, Span
from ..records import evolve
from ..text import clean, key
from .blocks import split_blocks
from .captions import Meta, caption_of, locate_department, meta_of, title_of
from .contents import read_contents
from .grid import Grid, RawRow
from .problems import problem
from .source import NotText, is_pdf, read_bytes, read_limited, too_large
from .tables import PhysicalTable, build_tables, printed_row

__all__ = ["read_bytes_document", "read_document", "read_path", "read_source", "read_text"]

_NOTE_START = lazy_pattern(r"^\s*(?:<[^<>]+>\s*)*(?:注|说明)\s*[:：]")
_NOTE_MORE = lazy_pattern(r"^\s*(?:<[^<>]+>\s*)*\d{1,2}\s*[.．、]")
_FORMULA = lazy_pattern(r"\d\s*[行栏]")
_HEADING = lazy_pattern(r"^(?:#+\s|第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、.{0,30}$)")
_LOST_QUOTES = lazy_pattern(r"^[\s“”‘’\"']+$")
_CAPTION_YEAR = lazy_pattern(r"^\s*[（(]\s*(?:19|20)\d{2}\s*年度?\s*[)）]\s*$")
_YEAR = lazy_pattern(r"((?:19|20)\d{2})\s*年")
#: A line that prints this many numbers right under a table title is the
#: table itself, collapsed onto one line by the exporter.
_COLLAPSED_NUMBERS = 8
_COLLAPSED_LENGTH = 60
_MAX_NOTE_GAP = 2
#: A line that opens this many pages (and a third of them) is a running head.
_RUNNING_HEAD_PAGES = 3

#: A page number as printed at the foot or head of a page: "3", "- 3 -", "第 3 页", "第3页 共50页", "3/50".
_PAGE_NUMBER = lazy_pattern(
    r"^\s*(?:[-—－]\s*)?(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?(?:\s*[-—－])?\s*$"
)


def _is_formula(text: str) -> bool:
    return ("=" in text or "＝" in text) and bool(_FORMULA.search(text))


def _page_furniture(lines: tuple[str, ...], pages: tuple[tuple[int, int], ...]) -> frozenset[int]:
    """The lines that only mark pages: the page marks, a page number printed right
    before or right after one (or at the very end), and a running head printed at
    the top of many pages ("苏州市审计局2026年度部门预算公开")."""
    furniture = set()
    heads: dict[str, list[int]] = {}
    for number, _ in pages:
        furniture.add(number)
        for neighbour in (number - 1, number + 1):
            if 1 <= neighbour <= len(lines) and _PAGE_NUMBER.match(lines[neighbour - 1]):
                furniture.add(neighbour)
        first = next((n for n in range(number + 1, min(number + 3, len(lines)) + 1) if lines[n - 1].strip()), None)
        if first is not None and "\t" not in lines[first - 1] and caption_of(lines[first - 1])[0] is None:
            # (a table's title printed again over each of its pages is its title, not a running head)
            heads.setdefault(lines[first - 1].strip(), []).append(first)
    if pages:
        last = len(lines)
        while last > pages[-1][0] and not lines[last - 1].strip():
            last -= 1
        if last > pages[-1][0] and _PAGE_NUMBER.match(lines[last - 1]):
            furniture.add(last)
    for numbers in heads.values():
        if len(numbers) >= _RUNNING_HEAD_PAGES and len(numbers) * 3 >= len(pages):
            furniture.update(numbers)
    return frozenset(furniture)


def _width(rows) -> int:
    return max((len(row.texts) for row in rows), default=0)


def _continuation_rows(previous: PhysicalTable, grid: Grid, pending: Meta, new_page: bool) -> tuple[list, bool] | None:
    """The rows a grid adds to the table above it, if it is that table's next page,
    and whether the table above is a title and header alone at the foot of its page
    (whose header rows then head the wider grid's groups):
    its first rows repeat the header of that table, it carries the same 表号, or,
    right after a page break with nothing but page furniture between and no title
    printed again, it has the same columns. Under its title printed again, only the
    header printed again says so: sheets of one title (项目绩效目标表) are many tables."""
    header_rows = []
    for row in previous.rows[:8]:
        if _has_figure(row):
            break
        header_rows.append(printed_row(row))
    header = set(header_rows)
    rows = list(grid.rows)
    skipped = repeated = 0
    for row in rows:
        printed = printed_row(row)
        if printed and printed not in header:
            break
        skipped += 1
        repeated += bool(printed)
    if repeated:
        return rows[skipped:], False
    if pending.marker and pending.marker == previous.meta.marker:
        return rows, False
    if pending.title is None and new_page and not any(map(_titled, rows[:3])):
        width, before = _width(rows), _width(previous.rows)
        if width == before:
            return rows, False
        if before and width % before == 0 and not any(map(_has_figure, previous.rows)):
            return rows, True
    return None


def _spread(row: RawRow, width: int) -> RawRow:
    """A header row of n cells over a table of k·n columns: cell i heads the group
    of columns k·i … (a "收入 | 支出" row left alone at the foot of a page, over
    "项目 | 金额 | 项目 | 金额" on the next)."""
    count = len(row.texts)
    if not count or width % count:
        return row
    factor = width // count
    spread = RawRow([], [], [], [], [])
    for index in range(width):
        source = index // factor
        own = index % factor == 0
        spread.texts.append(row.texts[source] if own else "")
        spread.lines.append(row.lines[source])
        spread.starts.append(row.starts[source] if own else row.ends[source])
        spread.end_lines.append(row.end_lines[source])
        spread.ends.append(row.ends[source])
    return spread


def _has_figure(row) -> bool:
    return any(parse_number(text) is not None for text in row.texts if text.strip())


def _titled(row) -> bool:
    """A row that holds a table title alone: the grid opens a table of its own."""
    filled = [text for text in row.texts if text.strip()]
    return len(filled) == 1 and caption_of(filled[0])[0] is not None


def _split_titles(items: list, furniture: frozenset[int]) -> dict:
    """Titles broken over two lines ("2026年北京市司法局部门收支" / "预算总表"), known
    by the two halves making a title together and a table or its 部门/单位 line
    following: the first half's line maps to "", the second's to (first line, title)."""
    split: dict = {}
    for index in range(len(items) - 2):
        head, tail = items[index], items[index + 1]
        if isinstance(head, Grid) or isinstance(tail, Grid) or head.number in furniture or tail.number in furniture:
            continue
        first, second = clean(head.text), clean(tail.text)
        if not first or not second or len(first) > 40 or title_of(first) or first[-1] in "。；;：:，,":
            continue
        joined = title_of(first + second)
        if joined is None or recognise(second, ()) is not None or recognise(joined, ()) is None:
            continue  # only halves that make a known kind of table together
        following = (
            item
            for item in items[index + 2 : index + 8]
            if isinstance(item, Grid) or (item.text.strip() and item.number not in furniture)
        )
        after = next(following, None)
        if isinstance(after, Grid) or (after is not None and (meta_of(after.text) or _CAPTION_YEAR.match(after.text))):
            split[head.number] = ""
            split[tail.number] = (head.number, joined)
    return split


def _caption_residue(items: list, furniture: frozenset[int]) -> frozenset[int]:
    """Short lines between a table's title and the table that are no text of their
    own: the rest of a 部门 name wrapped under its 单位 ("部门名称：江苏省人大" /
    "单位:万元" / "常委会办公厅")."""
    residue = set()
    for index, item in enumerate(items):
        if not isinstance(item, Grid):
            continue
        between = []
        for before in reversed(items[max(0, index - 5) : index]):
            if isinstance(before, Grid):
                break
            text = before.text.strip()
            if before.number in furniture or not text:
                continue
            if caption_of(text)[0]:
                residue.update(between)
                break
            if meta_of(text) is None:
                if len(clean(text)) > 20 or any(mark in text for mark in "。；;，,"):
                    break
                between.append(before.number)
    return frozenset(residue)


def _same_title(title: str, other: str | None) -> bool:
    """A title printed again over a table's next page."""
    return other is not None and key(title) == key(other)


class _Reader:
    def __init__(self, source: Source, earlier: dict | None = None) -> None:
        self.source = source
        self.kept = Kept(earlier)
        self.physical: list[PhysicalTable] = []
        self.problems: list[Diagnostic] = []
        self.unread: list[tuple[int, str]] = []
        self.paragraphs: list[Paragraph] = []
        self.headings: list[Heading] = []
        self.pending = Meta()
        self.clean_since_grid = False
        self.new_page = False
        self.furniture = _page_furniture(source.lines, source.pages)
        self.split_titles: dict = {}
        self.residue: frozenset[int] = frozenset()
        self.note_open = False
        self.note_gap = 0
        self.paragraph: list[Segment] = []
        self.scrambled = False
        self.scrambled_note = False

    # ---- paragraphs

    def flush(self) -> None:
        if self.paragraph:
            self.paragraphs.append(Paragraph(tuple(self.paragraph)))
            self.paragraph = []

    # ---- tables

    def grid(self, grid: Grid) -> None:
        self.flush()
        self.scrambled = False
        previous = self.physical[-1] if self.physical else None
        continued = None
        title = self.pending.title
        if previous and self.clean_since_grid and (title is None or _same_title(title, previous.meta.title)):
            continued = _continuation_rows(previous, grid, self.pending, self.new_page)
        if continued is not None:
            rows, header_alone = continued
            if header_alone:
                previous.rows[:] = [_spread(row, _width(rows)) for row in previous.rows]
            previous.rows.extend(rows)
        else:
            self.physical.append(PhysicalTable(meta=self.pending, rows=list(grid.rows), first_line=grid.first_line))
        self.pending = Meta()
        self.clean_since_grid = True
        self.new_page = False
        self.note_open = True
        self.note_gap = 0

    def note(self, number: int, text: str) -> bool:
        """Take the line as part of the last table's footnote, if it is one."""
        if not (self.note_open and self.physical) or self.note_gap > _MAX_NOTE_GAP:
            return False
        footnote = self.physical[-1].footnote
        if _NOTE_START.match(text) or _is_formula(text) or (footnote and _NOTE_MORE.match(text)):
            footnote.append(Segment(number, 1, text))
            self.note_gap = 0
            return True
        return False

    def collapsed(self, number: int, text: str) -> bool:
        """Report a table whose rows the exporter collapsed onto one line."""
        title = self.pending.title
        if not title or recognise(title, ()) not in FINANCIAL:
            return False
        if len(text) < _COLLAPSED_LENGTH or len(find_numbers(text)) < _COLLAPSED_NUMBERS:
            return False
        title_span = Span(self.pending.title_line or number, 1, self.pending.title_line or number, 1)
        span = Span(number, 1, number, len(text.rstrip()) + 1)
        self.problems.append(problem("BL001", self.source.path, span, ((title_span, "表格标题"),), title=title))
        self.unread.append((title_span.line, title))
        self.pending = Meta()
        self.scrambled = True
        self.scrambled_note = False
        return True

    # ---- lines

    def line(self, number: int, text: str) -> None:
        if number in self.furniture:
            self.new_page = True
            return
        if number in self.residue:
            department = self.pending.department
            if department and self.pending.department_span and self.pending.department_span.line == number - 2:
                # "部门名称：江苏省人大" / "单位:万元" / "常委会办公厅": the name goes on
                self.pending.department = department + clean(text)
            return
        if not text.strip(" \t\u3000\xa0\r"):
            self.flush()
            self.note_gap += 1
            return
        if self.note(number, text):
            return
        self.note_open = False
        split = self.split_titles.get(number)
        if split == "":
            self.flush()
            return  # the first half of a title broken over two lines
        title_line = number
        if split is not None:
            title_line, text = split
        title, caption_facts = caption_of(text)
        if self.scrambled:
            if title or _HEADING.match(text.lstrip()):
                self.scrambled = False
            elif _NOTE_START.match(text) or (self.scrambled_note and _is_formula(text)):
                self.scrambled_note = True
                return
            elif self.scrambled_note:
                self.scrambled = False
            else:
                return
        if title:
            self.flush()
            self.pending = Meta(title=title, title_line=title_line)
            if caption_facts:
                self.pending.add(locate_department(caption_facts, number, text))
            self.headings.append(Heading(number, title))
            # The title of the table above printed again over its next page keeps it open.
            again = bool(self.physical) and _same_title(title, self.physical[-1].meta.title)
            self.clean_since_grid = self.clean_since_grid and again
            return
        if _CAPTION_YEAR.match(text) or _LOST_QUOTES.match(text):
            return  # "（2026年度）" under a title, or the quotes of "三公" set apart: part of the caption
        facts = locate_department(meta_of(text), number, text)
        if facts:
            self.pending.add(facts)
            return
        if self.collapsed(number, text):
            self.clean_since_grid = False
            return
        self.pending = Meta()
        self.clean_since_grid = False
        if _HEADING.match(text.lstrip()):
            self.flush()
            self.headings.append(Heading(number, clean(text.lstrip("# "))))
            return
        self.paragraph.append(Segment(number, 1, text))

    def tables(self, physical: PhysicalTable, block: int, year: int | None):
        """The logical tables of a printed one and its problems: as the last reading
        built them if it printed the same table, else built now."""

        def build():
            return build_tables(physical, block, self.source.path, year)

        if not self.kept.active:
            return build()
        return self.kept.get(_printed(physical, block, self.source.path, year), build)

    def read(self) -> Document:
        items = split_blocks(self.source.lines)
        self.split_titles = _split_titles(items, self.furniture)
        self.residue = _caption_residue(items, self.furniture)
        for item in items:
            if isinstance(item, Grid):
                self.grid(item)
            else:
                self.line(item.number, item.text)
        self.flush()
        year_match = _YEAR.search("\n".join(self.source.lines[:30]))
        year = int(year_match[1]) if year_match else None
        tables = []
        for block, physical in enumerate(self.physical):
            logical, problems = self.tables(physical, block, year)
            self.problems.extend(problems)
            tables.extend(logical)
        self.kept.keep()  # only this reading's tables: memory stays one reading's
        if not tables and not any(_DIGIT.search(line) for line in self.source.lines):
            self.problems.append(_nothing_to_check(self.source))
        problems = sorted(self.problems, key=lambda d: (d.line, d.column, d.code))
        if self.source.pages:
            problems = [evolve(p, page=self.source.page_of(p.line)) for p in problems]
        return Document(
            self.source,
            tuple(tables),
            tuple(self.paragraphs),
            tuple(self.headings),
            tuple(problems),
            read_contents(self.source.lines),
            tuple(self.unread),
        )


_DIGIT = lazy_pattern(r"[0-9０-９]")


def _nothing_to_check(source: Source) -> Diagnostic:
    if any(line.strip() for line in source.lines):
        what, what_en = "文件中没有表格，也没有一个数字", "the file holds no table and no figure"
    else:
        what, what_en = "文件是空的", "the file is empty"
    return problem("BL005", source.path, Span(1, 1, 1, 1), what=what, what_en=what_en)


def _printed(physical: PhysicalTable, block: int, path: str, year: int | None) -> tuple:
    """All a printed table's reading depends on, as a key (taken before reading it,
    which takes the facts printed inside the grid into its caption)."""
    meta = physical.meta
    return (
        block,
        path,
        year,
        physical.first_line,
        (meta.title, meta.title_line, meta.department, meta.unit, meta.marker, meta.department_span),
        tuple(
            (tuple(r.texts), tuple(r.lines), tuple(r.starts), tuple(r.end_lines), tuple(r.ends)) for r in physical.rows
        ),
        tuple(physical.footnote),
    )


def read_document(source: Source, earlier: dict | None = None) -> Document:
    """Lay out a decoded source into a :class:`Document`. Never raises on content.

    ``earlier`` (a dict, empty at first) keeps the tables of the last reading of the
    same file by what each printed table holds, so that reading it again after an
    edit rebuilds only the tables the edit touched (the language server keeps one
    per open document); it then holds this reading's."""
    with fewer_collections():
        return _Reader(source, earlier).read()


def read_text(text: str, path: str = "<text>", earlier: dict | None = None) -> Document:
    return read_document(Source.from_text(text, path=path), earlier)


def read_source(data: bytes, path: str = "<bytes>") -> Source:
    """The text of a file's bytes: a PDF's text layer as budgetlint renders it,
    or decoded text; raises :class:`~budgetlint.reading.source.NotText` otherwise."""
    if is_pdf(data):
        from .pdf import read_pdf  # pdfplumber and the PDF reader load only for a PDF

        refusal = too_large(len(data), pdf=True)
        if refusal:
            raise refusal
        return read_pdf(data, path)
    if path.lower().endswith(".pdf"):
        raise NotText("文件名是 .pdf，内容却不是 PDF（没有 %PDF 文件头）")
    return read_bytes(data, path)


def read_bytes_document(data: bytes, path: str = "<bytes>") -> Document:
    """Read and lay out bytes (text or PDF); raises ``NotText`` for anything else."""
    return read_document(read_source(data, path))


def read_path(path) -> Document:
    """Read a file (text or PDF) into a :class:`Document`; raises ``NotText`` or ``OSError``."""
    with open(path, "rb") as handle:
        data = read_limited(handle)
    return read_bytes_document(data, str(path))
