"""`budgetlint server`: the findings in an editor, through the Language Server
Protocol over standard input and output (pygls, loaded only here).

A document is linted when it is opened or saved, and shortly after the last of
a run of edits (each edit restarts a short wait, so typing does not queue
lints). Hovering a figure shows the findings it takes part in, as the
offending figure or a related one, and the relations it enters (footnote
formulas, 科目 sums, what the rule packs state, the text's amounts tied to
cells) with whether each holds; a code action on a finding shows its rule's
documentation. The configuration is found from the document's folder,
as on the command line.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

__all__ = ["DEBOUNCE_SECONDS", "serve"]

#: How long after an edit the document is linted, unless another edit comes first.
DEBOUNCE_SECONDS = 0.3
_EXPLAIN = "budgetlint.explainRule"


def _path(uri: str) -> str:
    from pygls.uris import to_fs_path

    return to_fs_path(uri) or uri


def _options(path: str):
    """Rules and configuration for a document, from the configuration nearest it, as on
    the command line; a configuration that cannot be used lints with the defaults and
    says why (the second value)."""
    from .config import Config, ConfigError, find_config, load_config, selection
    from .engine import RuleError, load_rules, select_rules

    problem = None
    try:
        found = find_config(Path(path).parent) if Path(path).parent.is_dir() else None
        config = load_config(found) if found else Config()
        every = load_rules(config.rules)
    except (ConfigError, RuleError) as error:
        config, every, problem = Config(), load_rules(), str(error)
    select, ignore = selection(config)
    return select_rules(every, select, ignore), config, problem


def _verdict(holds: bool | None) -> str:
    return "成立" if holds else "不成立" if holds is False else "无法核对"


def _levels(table, row, index: int):
    """The 科目 sums the cell enters in a financial table: its row as the total of the
    rows one level below it, and as one of the rows its parent adds up; each equation
    as printed in this column and whether it holds."""
    from .arithmetic import addable, disagreement
    from .kinds import FINANCIAL

    if table.kind not in FINANCIAL or not row.code:
        return
    codes: dict = {}
    for other in table.rows:
        if other.code:
            codes.setdefault(other.code, []).append(other)
    if any(len(rows) > 1 for rows in codes.values()):
        return  # a code printed twice: which row holds the quantity is not certain
    by_code = {code: rows[0] for code, rows in codes.items()}
    parents = [row.code] + ([row.code[:-2]] if len(row.code) > 3 and row.code[:-2] in by_code else [])
    for code in parents:
        children = [other for c, other in by_code.items() if len(c) == len(code) + 2 and c.startswith(code)]
        if not children:
            continue
        parent = by_code[code]
        left, right = parent.cell(index), [(1, child.cell(index)) for child in children]
        cells = [left] + [cell for _, cell in right]
        judged = all(map(addable, cells)) and any(cell is not None and cell.figure for cell in cells)

        def shown(cell) -> str:
            return str(cell.figure) if cell is not None and cell.figure is not None else "空"

        terms = " + ".join(f"{child.code} {shown(child.cell(index))}" for child in children)
        yield f"{code} {shown(left)} = {terms}", (disagreement(left, right) is None) if judged else None


def _pack_relations(document, rules, table, row, index: int, stated: frozenset):
    """What the rule packs in force state of the cell: an equality or sum across tables
    (cells by row and column identity), or a formula over the table's rows or columns;
    each equation and whether it holds; a formula the footnotes ``stated`` already is
    listed once, as the footnote."""
    from .arithmetic import addable, disagreement
    from .footnote_checks import bind, relations_at
    from .packs import resolve
    from .places import describe

    for item in rules:
        pack = getattr(item, "source", None)
        if pack is None or not hasattr(pack, "formula"):
            continue
        statement = getattr(pack, "message", item.code)
        if pack.formula is not None:
            chosen = [t for t in document.tables if t.kind == pack.table.kind and pack.table.part in (None, t.part)]
            checks = bind(pack.formula, chosen, statement) if chosen else []
            for check, equation, holds in relations_at(checks, table, row, index):
                if check.relation not in stated:
                    yield f"{item.code} {statement}：{equation}", holds
            continue
        for left, rights in resolve(document, pack):
            places = [left] + [place for _, place in rights]
            if not any(p.table is table and p.row is row and p.column.index == index for p in places):
                continue
            cells = [p.cell for p in places]
            judged = all(map(addable, cells)) and any(cell is not None and cell.figure for cell in cells)
            terms = " ".join(
                f"{'+' if sign > 0 else '−'} {describe(place)} {place.shown}" for sign, place in rights
            ).removeprefix("+ ")
            right = [(sign, place.cell) for sign, place in rights]
            holds = (disagreement(left.cell, right) is None) if judged else None
            yield f"{item.code} {statement}：{describe(left)} {left.shown} = {terms}", holds


#: Per open document, the tables of its last reading (see read_document) and the
#: statements of its last lint (see lint_document): an edit rebuilds only the
#: tables it touched, and reads the running text again only if it touched it.
_EARLIER: dict[str, tuple[dict, dict]] = {}


def lint_source(text: str, uri: str) -> tuple[list, str | None, object]:
    """The findings of an open document's text, as budgetlint's Diagnostics (with the
    per-file ignores and severities of its configuration), a configuration problem,
    and the document as read (for hover)."""
    from . import read_text
    from .config import configured
    from .engine import lint_document

    path = _path(uri)
    rules, config, problem = _options(path)
    tables, analyses = _EARLIER.setdefault(uri, ({}, {}))
    document = read_text(text, path, tables)
    found = lint_document(document, rules, config.slack, config.scoring, config.language, analyses)
    return configured(found, path, config), problem, (document, rules)


def _relations(document, line: int, character: int, rules=()) -> list[str]:
    """The relations the figure at ``line``:``character`` (1-based) takes part in: the
    footnote formulas, the 科目 sums and what the rule packs in force state, each with
    whether it holds."""
    from .footnote_checks import compile_footnotes, relations_at

    for table in document.tables:
        for row in table.rows:
            for index, cell in enumerate(row.cells):
                span = cell.figure.span if cell is not None and cell.figure is not None else None
                if span is None or not (span.line == line and span.column <= character < span.end_column):
                    continue
                checks = compile_footnotes(document).checks
                notes = []
                for check, equation, holds in relations_at(checks, table, row, index):
                    formula = getattr(check.statement, "arguments", {}).get("formula", "")
                    notes.append(f"脚注公式「{formula}」：{equation} —— {_verdict(holds)}")
                for equation, holds in _levels(table, row, index):
                    notes.append(f"科目层级：{equation} —— {_verdict(holds)}")
                stated = frozenset(check.relation for check in checks)
                for equation, holds in _pack_relations(document, rules, table, row, index, stated):
                    notes.append(f"{equation} —— {_verdict(holds)}")
                for equation, holds in _ties(document, line, character, cell=(table, row, index)):
                    notes.append(f"{equation} —— {_verdict(holds)}")
                return notes
    return [f"{equation} —— {_verdict(holds)}" for equation, holds in _ties(document, line, character)]


def _ties(document, line: int, character: int, cell=None):
    """The text's amounts tied to table cells: the amount under the cursor (or, with
    ``cell``, the amounts tied to that cell) with the cells and whether they agree."""
    from .arithmetic import Interval
    from .narrative import statements_of
    from .narrative.ties import tie
    from .places import describe

    for found in tie(document, statements_of(document)):
        token = found.amount.token
        span = token.figure.span
        if cell is None:
            if not (span.line == line and span.column <= character < span.end_column):
                continue
        elif not any(p.table is cell[0] and p.row is cell[1] and p.column.index == cell[2] for p in found.places):
            continue
        stated = Interval.of(token.figure).scaled(token.factor)
        cells = [p for p in found.places if p.cell is not None and p.cell.figure is not None]
        holds = any(stated.meets(p.interval.scaled(found.factor)) for p in cells) if cells else None
        tables = "，".join(f"{describe(p)} {p.shown}" for p in found.places)
        said = f"{token.figure}{token.figure.unit or ''}"
        yield f"文字（第 {span.line} 行）说「{found.amount.subject}」{said}，表中：{tables}", holds


def serve() -> None:
    """Run the server over standard input and output until the client ends it."""
    from lsprotocol import converters, types
    from pygls.lsp.server import LanguageServer

    from . import __version__
    from .lsp import documentation_uri, lsp_diagnostic

    server = LanguageServer("budgetlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
    converter = converters.get_converter()
    found: dict[str, list] = {}
    documents: dict = {}  # each open document as read, for hover
    pending: dict[str, asyncio.Task] = {}
    from .engine import load_rules

    docs = {rule.code: rule for rule in load_rules()}
    reference = documentation_uri()
    told: set[str] = set()

    def publish(uri: str) -> None:
        document = server.workspace.get_text_document(uri)
        diagnostics, problem, read = lint_source(document.source, uri)
        documents[uri] = read
        if problem and problem not in told:  # once per problem, not on every keystroke
            told.add(problem)
            server.window_show_message(types.ShowMessageParams(type=types.MessageType.Warning, message=problem))
        found[uri] = diagnostics
        uris = {d.path: uri for d in diagnostics}  # the open document, whatever its path
        as_json = [lsp_diagnostic(d, reference, uris) for d in diagnostics]
        for item in as_json:
            for related in item["relatedInformation"]:
                related["location"]["uri"] = uri  # the same open document, whatever its path
        params = types.PublishDiagnosticsParams(
            uri=uri, diagnostics=converter.structure(as_json, list[types.Diagnostic]), version=document.version
        )
        server.text_document_publish_diagnostics(params)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def opened(ls, params: types.DidOpenTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def saved(ls, params: types.DidSaveTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def changed(ls, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri in pending:
            pending[uri].cancel()

        async def later() -> None:
            await asyncio.sleep(DEBOUNCE_SECONDS)
            pending.pop(uri, None)
            publish(uri)

        pending[uri] = asyncio.ensure_future(later())

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def closed(ls, params: types.DidCloseTextDocumentParams) -> None:
        if params.text_document.uri in pending:  # an edit waiting to be linted: no longer
            pending.pop(params.text_document.uri).cancel()
        found.pop(params.text_document.uri, None)
        documents.pop(params.text_document.uri, None)
        _EARLIER.pop(params.text_document.uri, None)
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls, params: types.HoverParams) -> types.Hover | None:
        line, character = params.position.line + 1, params.position.character + 1
        lines = server.workspace.get_text_document(params.text_document.uri).lines
        notes = []
        for d in found.get(params.text_document.uri, []):
            if (d.line, d.column) <= (line, character) < (d.end_line, d.end_column):
                notes.append(f"**{d.code}** {d.symbol}（此数为不符之处）：{d.message}")
            elif any(r.line == line and r.column <= character < r.end(lines) for r in d.related):
                notes.append(f"**{d.code}** {d.symbol}（此数为相关的数，不符之处在第 {d.line} 行）：{d.message}")
        if params.text_document.uri in documents:
            document, rules = documents[params.text_document.uri]
            notes += _relations(document, line, character, rules)
        if not notes:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n".join(notes)))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION)
    def actions(ls, params: types.CodeActionParams) -> list[types.Command]:
        """For each finding in the range, a command that shows its rule's documentation."""
        codes = sorted({str(d.code) for d in params.context.diagnostics if d.source == "budgetlint"})
        return [types.Command(title=f"查看规则 {code} 的说明", command=_EXPLAIN, arguments=[code]) for code in codes]

    @server.command(_EXPLAIN)
    def explain(ls, *arguments) -> str:
        # pygls passes the command's arguments one by one (older versions: as one list)
        first = arguments[0] if arguments else ""
        code = str(first[0] if isinstance(first, list) and first else first).upper()
        rule = docs.get(code)
        text = f"{rule.code} {rule.symbol}\n\n{rule.doc}" if rule else f"没有规则 {code}"
        server.window_show_message(types.ShowMessageParams(type=types.MessageType.Info, message=text))
        return text

    server.start_io()
