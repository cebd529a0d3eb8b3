"""`budgetlint server`: the findings in an editor, through the Language Server
Protocol over standard input and output (pygls, loaded only here).

A document is linted when it is opened or saved, and shortly after the last of
a run of edits (each edit restarts a short wait, so typing does not queue
lints). Hovering a figure shows the findings it takes part in, as the
offending figure or a related one; a code action on a finding shows its
rule's documentation. The configuration is found from the document's folder,
as on the command line.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import unquote, urlparse

__all__ = ["DEBOUNCE_SECONDS", "serve"]

#: How long after an edit the document is linted, unless another edit comes first.
DEBOUNCE_SECONDS = 0.3
_EXPLAIN = "budgetlint.explainRule"


def _path(uri: str) -> str:
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else uri


def _options(path: str):
    """Rules, slack and profile for a document, from the configuration nearest it."""
    from .config import Config, ConfigError, find_config, load_config
    from .engine import load_rules, select_rules

    try:
        found = find_config(Path(path).parent) if Path(path).parent.is_dir() else None
        config = load_config(found) if found else Config()
        every = load_rules(config.rules)
    except (ConfigError, Exception):  # a broken configuration lints with the defaults
        config, every = Config(), load_rules()
    select = list(config.select) + (list(config.extend_select) if config.select else [])
    return select_rules(every, select, list(config.ignore)), config


def lint_source(text: str, uri: str) -> list:
    """The findings of an open document's text, as budgetlint's Diagnostics."""
    from . import read_text
    from .engine import lint_document

    path = _path(uri)
    rules, config = _options(path)
    return lint_document(read_text(text, path), rules, config.slack, config.scoring)


def _covers(line: int, character: int, start: tuple[int, int], end: tuple[int, int]) -> bool:
    return start <= (line, character) <= end


def serve() -> None:
    """Run the server over standard input and output until the client ends it."""
    from lsprotocol import converters, types
    from pygls.lsp.server import LanguageServer

    from . import __version__
    from .cli import lsp_diagnostic

    server = LanguageServer("budgetlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
    converter = converters.get_converter()
    found: dict[str, list] = {}
    pending: dict[str, asyncio.Task] = {}
    docs = {rule.code: rule for rule in _options(".")[0]}

    def publish(uri: str) -> None:
        document = server.workspace.get_text_document(uri)
        diagnostics = lint_source(document.source, uri)
        found[uri] = diagnostics
        as_json = [lsp_diagnostic(d) for d in diagnostics]
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
        found.pop(params.text_document.uri, None)
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls, params: types.HoverParams) -> types.Hover | None:
        line, character = params.position.line + 1, params.position.character + 1
        notes = []
        for d in found.get(params.text_document.uri, []):
            if _covers(line, character, (d.line, d.column), (d.end_line, d.end_column)):
                notes.append(f"**{d.code}** {d.symbol}（此数为不符之处）：{d.message}")
            elif any(r.line == line and r.column <= character <= r.column + 12 for r in d.related):
                notes.append(f"**{d.code}** {d.symbol}（此数为相关的数，不符之处在第 {d.line} 行）：{d.message}")
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
        code = first[0] if isinstance(first, list) and first else first
        rule = docs.get(str(code))
        text = f"{rule.code} {rule.symbol}\n\n{rule.doc}" if rule else f"没有规则 {code}"
        server.window_show_message(types.ShowMessageParams(type=types.MessageType.Info, message=text))
        return text

    server.start_io()
