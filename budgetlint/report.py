"""The HTML report (`--format html`): one self-contained page for the finance
staff and auditors who never open a terminal. A summary by rule and by table;
every table as budgetlint read it, the offending cells highlighted and the
related ones marked, each finding beside its table, cell and finding linked
both ways; the findings in the running text with their figures marked. No
script, no network, nothing outside the page; it prints on A4."""

from __future__ import annotations

from collections import Counter
from html import escape

__all__ = ["html_report"]

_STYLE = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Zen Hei",sans-serif;
margin:0 auto;max-width:1400px;padding:1rem 2rem;color:#1a1a1a;line-height:1.5}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}h3{font-size:1rem}
table{border-collapse:collapse;font-size:.85rem}
th,td{border:1px solid #ccc;padding:.15rem .4rem;vertical-align:top}
td.figure{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.offending{background:#ffd6d6;outline:2px solid #c00}
td.related{background:#fff3c4;outline:1px dashed #b80}
.document{display:grid;grid-template-columns:minmax(0,3fr) minmax(18rem,2fr);gap:1rem;align-items:start;
border-top:1px solid #ddd;padding-top:.5rem}
.grid{overflow-x:auto}
.findings li{margin-bottom:.6rem}
.code{font-weight:bold;color:#a00}.symbol{color:#666;font-size:.85em}
mark{background:#ffd6d6;outline:1px solid #c00}
.summary td,.summary th{padding:.2rem .6rem}
.text-line{font-size:.9rem;border-left:3px solid #c00;padding-left:.5rem;margin:.3rem 0}
:target{box-shadow:0 0 0 3px #06c}
@media print{body{max-width:none;padding:0}.document{display:block}.grid{overflow:visible}
section{break-inside:avoid-page}a{color:inherit;text-decoration:none}}
"""


def _figure_at(table, line: int, column: int):
    """The (row, column index) of ``table`` whose cell starts at ``line``:``column``."""
    for row in table.rows:
        for index, cell in enumerate(row.cells):
            if cell is None:
                continue
            span = cell.figure.span if cell.figure is not None else cell.span
            if (span.line, span.column) == (line, column) or (
                cell.span.line == line and cell.span.column <= column < cell.span.end_column
            ):
                return row, index
    return None


def _cell_id(number: int, table_index: int, row, index: int) -> str:
    return f"d{number}-t{table_index}-l{row.line}-c{index}"


def html_report(documents: list, findings: dict, rules: list, version: str) -> str:
    """The page for ``documents`` (read Documents) and ``findings`` (path → Diagnostics)."""
    names = {rule.code: rule for rule in rules}
    every = [d for document in documents for d in findings.get(document.source.path, [])]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>budgetlint 检查报告</title><style>{_STYLE}</style></head><body>",
        f"<h1>budgetlint 检查报告</h1><p>budgetlint {escape(version)}；{len(documents)} 个文件，"
        f"共 {len(every)} 处发现。</p>",
    ]
    parts.append(_summary(every, names))
    for number, document in enumerate(documents):
        parts.append(_document(number, document, findings.get(document.source.path, []), names))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _summary(every: list, names: dict) -> str:
    if not every:
        return "<p>没有发现。</p>"
    rows = "".join(
        f"<tr><td class='code'>{code}</td><td>{escape(names[code].symbol) if code in names else ''}</td>"
        f"<td>{escape(names[code].summary) if code in names else ''}</td><td class='figure'>{count}</td></tr>"
        for code, count in sorted(Counter(d.code for d in every).items())
    )
    return (
        "<h2>按规则</h2><table class='summary' id='by-rule'><tr><th>规则</th><th>名称</th><th>查什么</th>"
        f"<th>发现</th></tr>{rows}</table>"
    )


def _document(number: int, document, diagnostics: list, names: dict) -> str:
    path = document.source.path
    out = [f"<section class='file' id='d{number}'><h2>{escape(path)}</h2>"]
    placed: dict[int, list] = {}  # table index → its findings
    cells: dict[tuple, str] = {}  # (table, row line, column) → "offending" | "related"
    links: dict[tuple, str] = {}
    loose = []
    for position, d in enumerate(diagnostics):
        finding = f"d{number}-f{position}"
        home = None
        for t_index, table in enumerate(document.tables):
            spot = _figure_at(table, d.line, d.column)
            if spot is not None:
                home = t_index
                row, index = spot
                cells[(t_index, row.line, index)] = "offending"
                links[(t_index, row.line, index)] = finding
                break
        for related in d.related:
            for t_index, table in enumerate(document.tables):
                spot = _figure_at(table, related.line, related.column)
                if spot is not None:
                    key = (t_index, spot[0].line, spot[1])
                    cells.setdefault(key, "related")
                    links.setdefault(key, finding)
        if home is None:
            loose.append((finding, d))
        else:
            placed.setdefault(home, []).append((finding, d))
    by_table = Counter(document.tables[t].title or "（无标题表格）" for t, items in placed.items() for _ in items)
    if by_table:
        rows = "".join(
            f"<tr><td>{escape(title)}</td><td class='figure'>{count}</td></tr>" for title, count in by_table.items()
        )
        out.append(f"<h3>按表</h3><table class='summary by-table'><tr><th>表</th><th>发现</th></tr>{rows}</table>")
    if loose:
        out.append("<h3>正文中的发现</h3><ol class='findings text-findings'>")
        for finding, d in loose:
            out.append(f"<li id='{finding}'>{_finding(d, names)}{_text_line(document, d)}</li>")
        out.append("</ol>")
    for t_index, table in enumerate(document.tables):
        out.append(_table(number, t_index, table, placed.get(t_index, []), cells, links, names))
    out.append("</section>")
    return "\n".join(out)


def _finding(d, names: dict) -> str:
    page = f"第 {d.page} 页，" if d.page is not None else ""
    hint = f"<div class='symbol'>{escape(names[d.code].summary)}</div>" if d.code in names else ""
    return (
        f"<span class='code'>{d.code}</span> <span class='symbol'>{escape(d.symbol)}</span> "
        f"<span class='where'>（{page}第 {d.line} 行第 {d.column} 列）</span><br>{escape(d.message)}{hint}"
    )


def _text_line(document, d) -> str:
    """The line of the running text the finding is on, its figure marked."""
    lines = document.source.lines
    if not 0 < d.line <= len(lines):
        return ""
    line = lines[d.line - 1]
    end = d.end_column if d.end_line == d.line else len(line) + 1
    start = max(0, d.column - 1 - 60)
    marked = (
        ("…" if start else "")
        + escape(line[start : d.column - 1])
        + f"<mark>{escape(line[d.column - 1 : end - 1])}</mark>"
        + escape(line[end - 1 : end - 1 + 80])
    )
    return f"<div class='text-line'>{marked}</div>"


def _table(number: int, t_index: int, table, placed: list, cells: dict, links: dict, names: dict) -> str:
    from .render import cell_value

    title = escape(table.title or "（无标题表格）")
    kind = escape(table.kind or table.unrecognised or "未识别")
    head = "".join(f"<th>{escape(_header(column))}</th>" for column in table.columns)
    body = []
    for row in table.rows:
        tds = [f"<td>{row.line}</td><td>{escape(row.code or '')}</td><td>{escape(row.label)}</td>"]
        for index, cell in enumerate(row.cells):
            value = escape(cell_value(cell) or "")
            key = (t_index, row.line, index)
            classes = ["figure"] if cell is not None and cell.figure is not None else []
            if key in cells:
                classes.append(cells[key])
                cell_id = _cell_id(number, t_index, row, index)
                value = f"<a href='#{links[key]}'>{value}</a>"
                tds.append(f"<td id='{cell_id}' class='{' '.join(classes)}' data-finding='{links[key]}'>{value}</td>")
            else:
                tds.append(f"<td class='{' '.join(classes)}'>{value}</td>" if classes else f"<td>{value}</td>")
        body.append("<tr>" + "".join(tds) + "</tr>")
    findings = ""
    if placed:
        items = []
        for finding, d in placed:
            spot = _figure_at(table, d.line, d.column)
            back = f" <a class='to-cell' href='#{_cell_id(number, t_index, *spot)}'>↖ 表中位置</a>" if spot else ""
            items.append(f"<li id='{finding}'>{_finding(d, names)}{back}</li>")
        findings = f"<ol class='findings'>{''.join(items)}</ol>"
    return (
        f"<section class='document table-section' id='d{number}-t{t_index}'>"
        f"<div class='grid'><h3>{title} <span class='symbol'>[{kind}] 第 {table.line} 行"
        f"{'，单位：' + escape(table.unit) if table.unit else ''}</span></h3>"
        f"<table><tr><th>行</th><th>编码</th><th>项目</th>{head}</tr>{''.join(body)}</table></div>"
        f"<div>{findings}</div></section>"
    )


def _header(column) -> str:
    name = column.header or ""
    return f"{column.number}栏 {name}".strip() if column.number is not None else name
