"""The language server end to end: pytest-lsp starts `budgetlint server` as an
editor would and speaks LSP to it: diagnostics on open, after edits and on
save; hover on a figure; the code action that explains a rule."""

from __future__ import annotations

import asyncio
import sys

import pytest
import pytest_lsp
from conftest import SEEDS
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

URI = SEEDS["000"].resolve().as_uri()
TEXT = SEEDS["000"].read_text(encoding="utf-8")


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "budgetlint", "server"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=SEEDS["000"].parent.as_uri())
    )
    yield
    await lsp_client.shutdown_session()


async def _opened(client: LanguageClient, text: str = TEXT) -> list[types.Diagnostic]:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=URI, language_id="plaintext", version=1, text=text)
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[URI]


@pytest.mark.asyncio
async def test_diagnostics_on_open_with_related_figures(client: LanguageClient):
    diagnostics = await _opened(client)
    assert len(diagnostics) == 19 and {d.source for d in diagnostics} == {"budgetlint"}
    (bl507,) = [d for d in diagnostics if d.code == "BL507"]
    assert (bl507.range.start.line, bl507.range.start.character) == (612, 38)
    assert bl507.related_information[0].location.range.start.line == 606
    assert bl507.code_description.href.endswith("reference.md#bl507")  # the rule's documentation


@pytest.mark.asyncio
async def test_edits_are_linted_after_the_last_one_and_on_save(client: LanguageClient):
    await _opened(client)
    changed = TEXT.replace("76.37%\t15.27", "76.37%\t16.27")
    for version, text in ((2, changed[:-1]), (3, changed)):  # two quick edits: one lint
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    codes = [d.code for d in client.diagnostics[URI]]
    assert "BL502" in codes and len(codes) == 21
    with pytest.raises(asyncio.TimeoutError):  # the first edit was never linted on its own
        await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 1.0)
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=URI)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert len(client.diagnostics[URI]) == 21


@pytest.mark.asyncio
async def test_hover_names_the_relations_of_a_figure_and_a_code_action_explains_the_rule(client: LanguageClient):
    diagnostics = await _opened(client)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=URI), position=types.Position(612, 40))
    )
    assert "BL507" in hover.contents.value and "33.13%" in hover.contents.value
    related = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=URI), position=types.Position(606, 19))
    )
    assert "BL507" in related.contents.value and "相关" in related.contents.value
    nothing = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=URI), position=types.Position(0, 0))
    )
    assert nothing is None
    (bl507,) = [d for d in diagnostics if d.code == "BL507"]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=URI),
            range=bl507.range,
            context=types.CodeActionContext(diagnostics=[bl507]),
        )
    )
    (action,) = actions
    assert isinstance(action, types.Command) and action.title == "查看规则 BL507 的说明"
    explained = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=action.command, arguments=action.arguments)
    )
    assert explained.startswith("BL507 indicator-restatement-mismatch") and "检查什么" in explained


@pytest.mark.asyncio
async def test_an_edit_then_close_publishes_nothing_more(client: LanguageClient):
    await _opened(client)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=TEXT + "\n")],
        )
    )
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=URI))
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert len(client.diagnostics[URI]) == 0  # cleared on close …
    with pytest.raises(asyncio.TimeoutError):  # … and the edit waiting to be linted is dropped
        await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 1.0)


@pytest.mark.asyncio
async def test_hover_on_a_figure_lists_the_footnote_relations_it_takes_part_in(client: LanguageClient):
    """表1's 27行 1224.48 (line 115) is the total of 1–8行 and a part of 30行: both hold."""
    await _opened(client)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=URI), position=types.Position(114, 12))
    )
    text = hover.contents.value
    assert "脚注公式「27行=（1+2+3+4+5+6+7+8）行」：27行 1224.48 = 1行 1217.45 + 2行 7.03" in text
    footnotes = [line for line in text.split("\n\n") if line.startswith("脚注公式")]
    assert "脚注公式「30行=（27+28+29）行」" in text and len(footnotes) == 2
    assert all(line.endswith("—— 成立") for line in footnotes)


@pytest.mark.asyncio
async def test_hover_lists_the_subject_sums_a_figure_enters(client: LanguageClient):
    """表2's 21013 医疗救助 1019.97 (line 142) is the sum of its 项 2101301 and one of the 款
    that make 210 卫生健康支出 1208.45: both hold; and its row's footnote formula too."""
    await _opened(client)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=URI), position=types.Position(141, 13))
    )
    text = hover.contents.value
    assert "科目层级：21013 1019.97 = 2101301 1019.97 —— 成立" in text
    assert "科目层级：210 1208.45 = 21011 11.74 + 21013 1019.97 + 21015 176.74 —— 成立" in text
    assert "脚注公式「1栏各行=(2+3+4+5+6+7)栏各行」" in text
    failing = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=URI), position=types.Position(250, 11))
    )
    assert "BL220" in failing.contents.value and "—— 不成立" in failing.contents.value  # 表6's 301, line 251


@pytest.mark.asyncio
async def test_hover_lists_what_the_rule_packs_state_of_a_figure(client: LanguageClient):
    """表1's 一般公共预算财政拨款收入 1,217.45 (line 89) is printed again in 表4 (BL304: holds);
    表4's 政府性基金 7.00 (line 188) differs from 表1's 7.03 (BL305: does not)."""
    await _opened(client)
    held = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=URI), position=types.Position(88, 18))
    )
    assert "BL304 一般公共预算财政拨款收入应在两张总表中一致" in held.contents.value
    assert "1217.45 —— 成立" in held.contents.value
    assert "BL211" not in held.contents.value  # the table's own footnote states it: listed once, as the footnote
    failed = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=URI), position=types.Position(187, 17))
    )
    assert "BL305" in failed.contents.value and "7.03 —— 不成立" in failed.contents.value


@pytest.mark.asyncio
async def test_hover_on_an_amount_of_the_text_shows_the_cell_it_is_tied_to(client: LanguageClient):
    """Line 375 says 社会保障和就业支出 9 万元; 表5's 208 row (line 229) prints 9.00: the text's
    figure and the cell each show the tie, and that it holds."""
    await _opened(client)
    for position in (types.Position(374, 36), types.Position(228, 15)):
        hover = await client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=URI), position=position)
        )
        assert "文字（第 375 行）说「社会保障和就业支出(类)」9万元" in hover.contents.value
        assert "1栏 9.00 —— 成立" in hover.contents.value


def test_reading_again_after_an_edit_rebuilds_only_the_tables_it_touched():
    """What the server does on every edit: the document read with the tables of its
    last reading is the document read afresh, and an edit in place keeps every
    other table as it was built."""
    import budgetlint
    from budgetlint.reading.layout import read_text

    text = SEEDS["000"].read_text(encoding="utf-8")
    earlier: dict = {}
    first = read_text(text, "000.txt", earlier)
    assert first == budgetlint.read_text(text, "000.txt") and earlier
    retyped = text.replace("1,217.45", "1,217.46", 1)
    second = read_text(retyped, "000.txt", earlier)
    assert second == budgetlint.read_text(retyped, "000.txt")
    changed = [i for i, (a, b) in enumerate(zip(first.tables, second.tables, strict=True)) if a is not b]
    # One printed table rebuilt (收支总表: its 收入 and 支出 sides), every other one kept.
    assert len({second.tables[i].block for i in changed}) == 1 and len(changed) < len(first.tables) - 10
    assert any(first.tables[i] != second.tables[i] for i in changed)
    shifted = "一行新的说明\n" + retyped
    assert read_text(shifted, "000.txt", earlier) == budgetlint.read_text(shifted, "000.txt")
    assert budgetlint.lint_document(read_text(retyped, "000.txt", earlier)) == budgetlint.lint_text(retyped, "000.txt")


def test_linting_again_after_an_edit_in_a_table_keeps_the_statements_of_the_text():
    import budgetlint
    from budgetlint.engine import lint_document

    text = SEEDS["000"].read_text(encoding="utf-8")
    earlier: dict = {}
    assert lint_document(budgetlint.read_text(text, "000.txt"), earlier=earlier) == budgetlint.lint_text(
        text, "000.txt"
    )

    def kept_statements():
        ((_held, found),) = earlier["statements"].values()  # one run's, never more
        return found

    statements = kept_statements()
    in_table = text.replace("1,217.45", "1,217.46", 1)
    assert lint_document(budgetlint.read_text(in_table, "000.txt"), earlier=earlier) == budgetlint.lint_text(
        in_table, "000.txt"
    )
    assert kept_statements() is statements
    line = next(n for n, line in enumerate(text.split("\n")) if "万元" in line and "\t" not in line)
    lines = text.split("\n")
    lines[line] = lines[line].replace("万元", "万元。另有说明", 1)
    in_text = "\n".join(lines)
    assert lint_document(budgetlint.read_text(in_text, "000.txt"), earlier=earlier) == budgetlint.lint_text(
        in_text, "000.txt"
    )
    assert kept_statements() is not statements


def _retype_in(text: str, table) -> str:
    """``text`` with the last digit of the first figure of ``table`` retyped."""
    span = next(c.figure.span for r in table.rows for c in r.cells if c is not None and c.figure is not None)
    lines = text.split("\n")
    line = lines[span.line - 1]
    digit = line[span.end_column - 2]
    lines[span.line - 1] = line[: span.end_column - 2] + ("1" if digit != "1" else "2") + line[span.end_column - 1 :]
    return "\n".join(lines)


def test_linting_again_after_an_edit_compiles_and_reads_only_the_tables_it_touched():
    """The server's re-lint: footnote formulas and 绩效 sheets are worked out again
    only for the table edited, and the findings are a fresh lint's."""
    import budgetlint
    from budgetlint.engine import lint_document
    from budgetlint.reading.layout import read_text

    text = SEEDS["000"].read_text(encoding="utf-8")
    read_earlier: dict = {}
    lint_earlier: dict = {}

    def lint(source: str) -> list:
        return lint_document(read_text(source, "000.txt", read_earlier), earlier=lint_earlier)

    assert lint(text) == budgetlint.lint_text(text, "000.txt")
    document = budgetlint.read_text(text, "000.txt")
    for name, table in (
        ("footnotes", next(t for t in document.tables if t.footnotes)),
        ("sheets", next(t for t in document.tables if t.kind == "项目支出绩效自评表")),
    ):
        before = dict(lint_earlier[name])
        edited = _retype_in(text, table)
        assert lint(edited) == budgetlint.lint_text(edited, "000.txt")
        after = lint_earlier[name]
        kept = [key for key in after if key in before and after[key] is before[key]]
        assert len(after) == len(before) and 0 < len(kept) == len(after) - 1, name
        assert lint(text) == budgetlint.lint_text(text, "000.txt")
