"""BL01x: the document as a whole: a table whose header names another 部门 than
every other table of the document (copied from another unit's disclosure), and
what a template leaves behind when it is not filled in (XX, "增加（减少）")."""

from __future__ import annotations

import re
from collections import Counter

from budgetlint.engine import Context, rule
from budgetlint.findings import Finding, Severity, say
from budgetlint.kinds import FINANCIAL
from budgetlint.lazy import lazy_pattern
from budgetlint.model import Span
from budgetlint.places import Place, describe, row_key, table_name, table_number
from budgetlint.records import evolve
from budgetlint.text import chinese_number, key

#: How many tables must name one 部门 before it counts as the document's own.
_QUORUM = 3


def _printed(table) -> str:
    """The printed table's name ("表6"), not that of one of its halves."""
    return table_name(evolve(table, part=None))


@rule("BL010", "foreign-department", Severity.WARNING)
def foreign_department(context: Context):
    """表头的部门与文件中其他各表的部门不同：这张表可能抄自其他单位。

    检查什么：财务表格表头"部门：…""编制部门：…"所写的单位。文件中至少 3 张表写同一个
    单位、且没有别的单位写得一样多时，它就是本文件的部门；写着别的单位的表被指出，
    位置指向那个单位名称，并给出本文件部门的一处写法。一个名称是另一个的前半或后半
    （换行截断、简称）时不算不同。

    为什么：公开文件常由模板或其他单位的文件改成，漏改的表头说明这张表的数字
    可能也不是本单位的。

    不通过的例子（000 表6、表7）::

        部门：武汉市汉阳区医疗保障局        （表1 至表5、表8、表9）
        部门：武汉市汉阳区疾病预防控制中心  （表6、表7）

    通过的例子：各表表头都写"部门：武汉市汉阳区医疗保障局"。
    """
    tables = [
        block[0]
        for block in context.document.blocks()
        if block[0].kind in FINANCIAL and block[0].department and block[0].department_span
    ]
    counts = Counter(key(table.department) for table in tables)
    if not counts:
        return
    ranked = counts.most_common(2)
    own, number = ranked[0]
    if number < _QUORUM or (len(ranked) > 1 and ranked[1][1] == number):
        return  # no department the document clearly belongs to
    first = next(table for table in tables if key(table.department) == own)
    for table in tables:
        name = key(table.department)
        if name == own or name in own or own in name:
            continue
        message = say(
            "{table} 表头的部门「{department}」与本文件其他 {count} 张表的部门「{own}」不同：这张表可能抄自其他单位",
            "{table} names the department {department} in its header, the document's other {count} tables {own}: "
            "the table may be copied from another body",
            table=_printed(table),
            department=table.department,
            count=number,
            own=first.department,
        )
        yield Finding(table.department_span, message, ((first.department_span, f"{_printed(first)} 表头的部门"),))


_PLACEHOLDER = lazy_pattern(r"(?<![A-Za-z0-9])(?:[Xx]{2,}|×{2,}|某某)(?![A-Za-z0-9])")
_CHANGE_WORDS = "增加|增长|减少|下降|降低|上升|大于|小于|高于|低于|持平"
_ALTERNATIVES = lazy_pattern(rf"({_CHANGE_WORDS})\s*[（(]\s*({_CHANGE_WORDS})\s*[)）]")


def _prose(context: Context) -> tuple:
    """Every line of running text and every heading: (line, column of its start, text)."""
    return context.shared(_prose_lines)


def _prose_lines(context: Context) -> tuple:
    lines = [(s.line, s.column, s.text) for paragraph in context.document.paragraphs for s in paragraph.segments]
    source = context.document.source.lines
    lines += [(heading.line, 1, source[heading.line - 1]) for heading in context.document.headings]
    return tuple(lines)


@rule("BL011", "template-placeholder", Severity.WARNING)
def template_placeholder(context: Context):
    """模板占位符未替换：正文或标题中留有"XX""XXX""××""某某"。

    检查什么：正文段落和标题中单独出现的"XX""XXX"（大小写均可）、"××"或"某某"，位置指向
    占位符本身。表格单元格不查。

    为什么：这是照模板填写时漏填的地方，读者看到的是一个没有内容的句子或一个没有
    名称的单位。

    不通过的例子（上海市部门决算模板）::

        上海市 XX 局 2024 年度收入支出总计 XXX 万元。

    通过的例子::

        上海市普陀区财政局 2024 年度收入支出总计 2,961.68 万元。
    """
    for line, column, text in _prose(context):
        if "X" not in text and "x" not in text and "×" not in text and "某" not in text:
            continue
        for found in _PLACEHOLDER.finditer(text):
            span = Span(line, column + found.start(), line, column + found.end())
            yield Finding(
                span,
                say(
                    "模板占位符「{placeholder}」未替换为实际内容",
                    "template placeholder {placeholder} left in place of the real content",
                    placeholder=found[0],
                ),
            )


@rule("BL012", "template-alternatives", Severity.WARNING)
def template_alternatives(context: Context):
    """模板中的备选词未删去：正文写着"增加（减少）""增长（下降）"之类两说并存的词。

    检查什么：正文段落和标题中"增加（减少）""增长（下降）""大于（小于）"等，一个变化词后
    紧跟括号里的另一个变化词。位置指向整个词组。

    为什么：模板给出两种说法，供填写时按实际情况二选一；两种都留着，句子就没有说明
    数字是增是减。这不是数字之间的矛盾，所以不做算术核对（见 BL4xx），只指出未改完的模板。

    不通过的例子（004）::

        比 2019 年预算增加（减少） 0 万元，增长（下降）0%。

    通过的例子::

        比 2019 年预算减少 12.30 万元，下降 5.2%。
    """
    for line, column, text in _prose(context):
        if "（" not in text and "(" not in text:
            continue
        for found in _ALTERNATIVES.finditer(text):
            if found[1] == found[2]:
                continue
            span = Span(line, column + found.start(), line, column + found.end())
            yield Finding(
                span,
                say(
                    "模板备选词「{words}」未按实际情况二选一",
                    "template alternatives {words} left, not one chosen as the case is",
                    words=found[0],
                ),
            )


_EMPTY_NOTE = lazy_pattern(r"本表(?:为空表|无数据|没有数据)|空表")


@rule("BL013", "empty-note-with-figures", Severity.ERROR)
def empty_note_with_figures(context: Context):
    """注释说本表为空，表中却印有数字。

    检查什么：表格下方的注释写着"本表为空表""本表无数据"之类，而这张表（含并排的各部分）
    印有不为零的数字。位置指向注释中的那句话，并列出表中不为零的数字（最多三处）。

    为什么：这样的注释通常是从上一年或模板中照抄的；注释与表格必有一处是错的，读者
    无从知道该信哪一个。

    不通过的例子（上海市普陀区万里街道 2024 年预算）::

        合计 47.91  因公出国(境)费 0  公务接待费 1.35  公务用车购置及运行费 46.56 …
        注:本部门2024年无"三公"经费和机关运行经费预算，故本表为空表。

    通过的例子（同一文件）::

        合计  （空）
        注:本部门2024年无政府性基金预算财政拨款安排的预算，故本表为空表。
    """
    for parts in context.document.blocks():
        notes = [note for table in parts for note in table.footnotes]
        if not notes:
            continue
        printed = [
            Place(table, row, column)
            for table in parts
            for row in table.rows
            for column in table.columns
            if (cell := row.cell(column.index)) is not None and cell.figure is not None and cell.figure.value != 0
        ]
        if not printed:
            continue
        for note in {note.line: note for note in notes}.values():  # halves of a table share its note
            for line in note.segments:
                found = _EMPTY_NOTE.search(line.text)
                if found is None:
                    continue
                span = Span(line.line, line.column + found.start(), line.line, line.column + found.end())
                shown = "，".join(f"{describe(place)} {place.shown}" for place in printed[:3])
                message = say(
                    "注释说「{note}」，而{table}印有数字：{figures}",
                    "the note says {note}, but {table} prints figures: {figures}",
                    note=found[0],
                    table=_printed(parts[0]),
                    figures=shown,
                )
                yield Finding(span, message, tuple((place.span, describe(place)) for place in printed[:3]))


#: The subject whose absence an empty table of a kind is explained by, and how a
#: sentence names it.
_EMPTY_SUBJECTS = (
    ("政府性基金", "政府性基金"),
    ("国有资本经营", "国有资本经营?"),
    ("三公", "三公"),
    ("机关运行", "机关运行"),
)
_NO_DATA = r"无数据|没有数据|空表|无发生额|无相关|无此项"
_NEGATION = r"无|没有|未(?:安排|编制|使用|发生)"
_ZERO = r"(?:为|支出|收入|预算|决算|拨款)\s*0(?:\.0+)?\s*(?:万?元)?(?![\d.])|为零"


def _explains(subject: str) -> re.Pattern:
    """A sentence saying there is nothing of ``subject``: 无/没有 … subject, or subject … 为 0."""
    return re.compile(
        rf"{_NO_DATA}|(?:{_NEGATION})[^。；;]{{0,30}}{subject}|{subject}[^。；;]{{0,30}}(?:{_ZERO}|{_NEGATION})"
    )


def _prints_a_figure(tables) -> bool:
    """Does any of ``tables`` print a figure other than 0?"""
    return any(
        cell is not None and cell.figure is not None and cell.figure.value != 0
        for table in tables
        for row in table.rows
        for cell in row.cells
    )


def _empty_subject(parts) -> str | None:
    """The subject pattern of a printed table that prints no figure other than 0, if its kind has one."""
    kind = parts[0].kind or ""
    subject = next((pattern for word, pattern in _EMPTY_SUBJECTS if word in kind), None)
    return None if subject is None or _prints_a_figure(parts) else subject


@rule("BL015", "empty-table-unexplained", Severity.WARNING)
def empty_table_unexplained(context: Context):
    """空表没有说明：表中没有数字（或全为 0），文件却没有一句话说明本部门没有这项收支。

    检查什么：政府性基金、国有资本经营、"三公"经费、机关运行经费各表，若没有一个不为零
    的数字，就在表的注释、表下至下一张表之间的文字、表中的文字和正文里找一句说明：
    "本表无数据""故本表为空表""本部门无政府性基金预算……""……支出 0 万元"之类。一句
    也没有，就报告这张表，位置指向表的标题。

    为什么：公开空表时须说明原因；没有说明，读者无法分辨是本部门确实没有这项收支，还是
    表格漏填了。

    不检查的情况：文件中没有一个不为零的表格数字（未填写的模板，由 BL017 报告），或者
    文件没有一句讲收入或支出金额的正文（只有表格，说明印在另一份文件里，本工具看不到）。

    不通过的例子::

        2021 年政府性基金预算支出表
        功能科目编码  功能科目名称  合计  基本支出  项目支出
                      合计
        （正文中没有提到政府性基金）

    通过的例子（湖北省某医疗保障局 2021 年预算）::

        2021 年本部门没有使用政府性基金预算安排的支出。
    """
    document = context.document
    empty = [(parts, subject) for parts in document.blocks() if (subject := _empty_subject(parts)) is not None]
    if not empty or not _prints_a_figure(document.tables):
        return
    if not any(
        sentence.money and ("支出" in sentence.marked or "收入" in sentence.marked)
        for sentence in context.statements.sentences
    ):
        return
    starts = sorted({table.line for table in document.tables} | {line for line, _ in document.unread})
    prose = "".join(text for _, _, text in _prose(context)).replace(" ", "")
    lines = document.source.lines
    for parts, subject in empty:
        explains = _explains(subject)
        first = parts[0].line
        end = next((line for line in starts if line > first), len(lines) + 1)
        below = "".join(lines[first : end - 1]).replace(" ", "")
        if explains.search(below) or explains.search(prose):
            continue
        title = lines[first - 1]
        start = len(title) - len(title.lstrip())
        span = Span(first, start + 1, first, len(title.rstrip()) + 1)
        message = say(
            "{table}没有数字，文件中却没有一句说明本部门没有这项收支（如「本表无数据」）",
            "{table} prints no figure, and nothing in the document says the department has none of this money "
            "(such as 本表无数据)",
            table=_printed(parts[0]),
        )
        yield Finding(span, message)


_CODE_IN_NAME = lazy_pattern(r"\d{3,}")


def _subject_name(label: str) -> str:
    """The subject's name in a label cell: up to the first code printed with it
    ("行政运行50101-工资奖金津补贴…" is 行政运行 followed by economic classes)."""
    found = _CODE_IN_NAME.search(label)
    return row_key(label[: found.start()] if found else label)


def _one_character_apart(one: str, other: str) -> bool:
    """Two names of one length that differ in one character only."""
    return len(one) == len(other) and sum(a != b for a, b in zip(one, other, strict=True)) == 1


@rule("BL014", "code-name-mismatch", Severity.WARNING)
def code_name_mismatch(context: Context):
    """同一个科目编码在不同的表中名称不同。

    检查什么：各表中带编码的行（功能分类的类、款、项，经济分类的类、款），同一编码在两张
    以上的表中印着不同的名称（比较时不计序号、"(类)"之类标记和空格）。多数表所用的名称
    算作本文件的名称，少数表的那一行被指出，并给出多数表中的一处写法；两种名称各占一半时，
    指出后出现的那一处。同一张表里的重复不在此列；只差一个字、字数相同的两个名称（"医疗教助"
    与"医疗救助"）也不在此列：那多半是文字识别（OCR）或导出的错字，不是文件本身的矛盾。

    为什么：编码与名称应当一一对应。名称不同，说明有的表用了旧的科目名称、抄自别处，或打错
    了字，读者无从判断这一行究竟是哪个科目。

    不通过的例子（004）::

        210  医疗健康支出      （表1）
        210  卫生健康支出      （表3、表4、表8、表10）

    通过的例子::

        210  卫生健康支出      （各表）
    """
    names: dict[str, dict[str, list]] = {}
    for parts in context.document.blocks():
        for table in parts:
            for row in table.rows:
                if row.code and row.label and row.label_span and (name := _subject_name(row.label)):
                    names.setdefault(row.code, {}).setdefault(name, []).append((parts[0].block, table, row))
    for code, spellings in names.items():
        if len(spellings) < 2:
            continue
        blocks = {name: {block for block, _, _ in rows} for name, rows in spellings.items()}
        ranked = sorted(spellings, key=lambda name: (-len(blocks[name]), spellings[name][0][2].line))
        own = ranked[0]
        _, first_table, first = spellings[own][0]
        for name in ranked[1:]:
            if _one_character_apart(name, own):
                continue  # 医疗教助 / 医疗救助: as likely the export's (OCR) as the document's
            for block, table, row in spellings[name]:
                if block in blocks[own]:
                    continue  # one printed table naming the code twice: not two tables that disagree
                count = len(blocks[own])
                others = f"其他 {count} 张表" if count > 1 else _printed(first_table)
                message = say(
                    "编码 {code} 在{table}中名为「{name}」，而在{others}中名为「{other_name}」",
                    "code {code} is named {name} in {table}, but {other_name} in {others}",
                    code=code,
                    table=_printed(table),
                    name=row.label,
                    others=others,
                    other_name=first.label,
                )
                yield Finding(
                    row.label_span,
                    message,
                    ((first.label_span, f"{_printed(first_table)} 编码 {code}「{first.label}」"),),
                )


@rule("BL016", "contents-mismatch", Severity.WARNING)
def contents_mismatch(context: Context):
    """目录与文件中的表格不一致：目录列出的表没有印出，印出的表目录中没有，或编号不同。

    检查什么：目录中名称以"表"结尾、能认出是哪一种表的条目，与文件中印出的财务表格（包括
    导出时已错乱、无法读取的表）按表的种类对照：目录列出而文件中没有这一种表的，指向目录
    条目；文件印出而目录中没有这一种表的（目录至少列出三张表时），指向表的标题；两边都写了
    表号（"(表 6)"与标题中的"（表6）"）而号码不同的，指向目录条目。文件中一张财务表格也没有
    时（表格另行公开）不检查。章节条目不对照。

    为什么：读者按目录找表。目录多列、漏列或编错号，说明目录是照抄往年或模板的，表格
    也可能缺了一张。

    不通过的例子::

        目录
        一、收入支出决算总表(表 1)
        二、收入决算表(表 2)        （文件中没有收入决算表）

    通过的例子：目录列出的每张表都印在文件中，号码相同。
    """
    document = context.document
    entries = [entry for entry in document.contents if entry.kind is not None]
    blocks = [block[0] for block in document.blocks() if block[0].kind in FINANCIAL]
    if not entries or not blocks:
        return
    from budgetlint.kinds import recognise

    printed: dict[str, list] = {}
    for table in blocks:
        printed.setdefault(table.kind, []).append(table)
    # a table whose shape was not understood, or that could not be read, is printed all the same
    unread = {recognise(title, ()) for _, title in document.unread}
    unread |= {recognise(block[0].title, ()) for block in document.blocks() if block[0].title}
    listed = {entry.kind for entry in entries}
    for entry in entries:
        span = Span(entry.line, entry.column, entry.line, entry.column + len(entry.name))
        tables = printed.get(entry.kind, [])
        if not tables and entry.kind not in unread:
            yield Finding(
                span,
                say(
                    "目录列出「{name}」，文件中却没有这张表",
                    "the contents list {name}, but the document has no such table",
                    name=entry.name,
                ),
            )
            continue
        if entry.number is None or len(tables) != 1:
            continue
        number = table_number(tables[0])
        if number is not None and number != chinese_number(entry.number):
            title_span = Span(tables[0].line, 1, tables[0].line, 1)
            message = say(
                "目录中「{name}」是表 {number}，表的标题却是「{title}」",
                "the contents make {name} table {number}, but the table's title is {title}",
                name=entry.name,
                number=entry.number,
                title=tables[0].title,
            )
            yield Finding(span, message, ((title_span, "表的标题"),))
    if len(entries) < 3:
        return
    for kind, tables in printed.items():
        if kind in listed:
            continue
        for table in tables:
            first = entries[0]
            message = say(
                "文件印有「{title}」，目录中却没有这张表",
                "the document prints {title}, but the contents do not list it",
                title=table.title or kind,
            )
            yield Finding(
                Span(table.line, 1, table.line, 1),
                message,
                ((Span(first.line, first.column, first.line, first.column), "目录"),),
            )


_INSTRUCTION = lazy_pattern(
    r"仍保留该表格式|作下述说明|由(?:主管部门|各部门|各单位|本部门|本单位)[^。；]{0,24}填写"
    r"|本部分内容[^。]{0,24}(?:填写|删除|省略)|此处(?:填写|删除)"
)


def _notes(context: Context):
    """Every line of a table's note, once (the halves of a table share their note)."""
    seen = set()
    for table in context.document.tables:
        for note in table.footnotes:
            for segment in note.segments:
                if segment.line not in seen:
                    seen.add(segment.line)
                    yield segment.line, segment.column, segment.text


@rule("BL017", "template-instruction", Severity.WARNING)
def template_instruction(context: Context):
    """模板中写给填表人的说明未删去："仍保留该表格式，并在本表下方作下述说明"之类。

    检查什么：正文、标题和表格注释中模板对填写者的指示："仍保留该表格式""作下述说明"
    "由主管部门……填写""本部分内容……删除""此处填写"。位置指向这段指示。

    为什么：这些话是模板写给编制人员的，不是公开给读者的内容；留在文件里，说明文件是照
    模板填写而没有最后整理，读者也会把指示误当作说明。

    不通过的例子（上海市部门决算模板）::

        无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：

    通过的例子::

        说明：上海市普陀区财政局本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。
    """
    lines = dict.fromkeys(list(_prose(context)) + list(_notes(context)))
    for line, column, text in lines:
        if "填写" not in text and "说明" not in text and "保留" not in text and "删除" not in text:
            continue
        found = list(_INSTRUCTION.finditer(text))
        if found:
            span = Span(line, column + found[0].start(), line, column + found[-1].end())
            said = "……".join(match[0] for match in found)
            yield Finding(
                span,
                say(
                    "模板中写给填表人的说明「{said}」未删去",
                    "the template's instruction to whoever fills it in, {said}, is left in",
                    said=said,
                ),
            )


_AS_OF = lazy_pattern(r"截[至止]\s*(20\d\d)\s*年")
_FINAL_WORDS = lazy_pattern(r"决算情况说明|决算总体情况")
_BUDGET_WORDS = lazy_pattern(r"预算情况说明|预算安排情况")


def _family(context: Context) -> str | None:
    """决算 or 预算, by the document's tables, or else by how its sections are
    called (a 决算 without financial tables still explains "收入决算情况")."""
    from budgetlint.kinds import family_of

    family = family_of(table.kind for table in context.document.tables)
    if family is not None:
        return family
    final = budget = False
    for _, _, text in _prose(context):
        if "情况" in text:
            final = final or bool(_FINAL_WORDS.search(text))
            budget = budget or bool(_BUDGET_WORDS.search(text))
    return "决算" if final and not budget else "预算" if budget and not final else None


@rule("BL018", "stale-date", Severity.WARNING)
def stale_date(context: Context):
    """ "截至……"的日期早于本文件所说的年度：多半是照抄往年文本时没有改年份。

    检查什么：正文和标题中"截至（截止）某年……"的年份。决算说的是本年度，截至的日期应在
    本年度或以后；预算在上年编制，截至的日期应在上年或以后。本文件的年度和种类（决算、
    预算）由表格得出，不能确定时不检查。位置指向年份。

    为什么：决算说明"截至 2019 年 12 月底共有公务用车 0 辆"出现在 2020 年决算中，读者得到的
    是上一年的数，本年的情况没有说明。

    不通过的例子（001，2020 年度决算）::

        截至2019年12月底，单位共有公务用车0辆，其中：轿车0辆、越野车0辆、载客汽车0辆。

    通过的例子::

        截至2020年12月底，单位共有公务用车0辆，其中：轿车0辆、越野车0辆、载客汽车0辆。
    """
    document = context.document
    year = document.year
    family = _family(context)
    if year is None or family is None:
        return
    earliest = year if family == "决算" else year - 1
    for line, column, text in _prose(context):
        if "截" not in text:
            continue
        for found in _AS_OF.finditer(text):
            stated = int(found[1])
            if stated >= earliest:
                continue
            span = Span(line, column + found.start(1), line, column + found.end(1))
            what = f"{year} 年度决算" if family == "决算" else f"{year} 年预算"
            what_en = f"the {year} final account" if family == "决算" else f"the {year} budget"
            message = say(
                "本文件是 {what}，文中却说「{said}……」，早于 {earliest} 年：可能是往年的文字",
                "this is {what_en}, yet the text says {said}…, before {earliest}: possibly an earlier year's text",
                what=what,
                what_en=what_en,
                said=found[0],
                earliest=earliest,
            )
            yield Finding(span, message)
