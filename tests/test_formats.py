"""Each output format checked by its consumer: SARIF against the SARIF 2.1.0 JSON
schema (tests/schemas), `lsp` structured into lsprotocol's types, and both
carrying what the text format says (rule, place, related figures)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlparse

import jsonschema
from conftest import SEEDS
from lsprotocol import converters, types

from budgetlint.cli import main

SCHEMAS = Path(__file__).resolve().parent / "schemas"
CHANGSHA = Path(__file__).resolve().parent / "pdf" / "changsha_guoziwei_2020_p7-8.pdf"


def _output(capsys, *argv) -> str:
    main([*argv])
    return capsys.readouterr().out


def test_sarif_is_valid_and_says_what_the_text_says(capsys):
    log = json.loads(_output(capsys, str(SEEDS["000"]), str(CHANGSHA), "--format", "sarif"))
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(log)
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert {"BL501", "BL507"} <= {rule["id"] for rule in rules}
    assert all(rule["help"]["text"] and rule["shortDescription"]["text"] for rule in rules)
    # each rule's help URI opens the rule reference installed with the rules, at the rule
    assert all(rule["helpUri"].endswith("#" + rule["id"].lower()) for rule in rules)
    reference = Path(unquote(urlparse(rules[0]["helpUri"]).path))
    assert reference.name == "reference.md" and "## BL507" in reference.read_text(encoding="utf-8")
    text = _output(capsys, str(SEEDS["000"]), str(CHANGSHA)).splitlines()
    assert len(run["results"]) == len(text) == 20
    for result, line in zip(run["results"], text, strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.startswith("file:///") and " " not in uri  # an absolute path as a file: URI
        path = unquote(urlparse(uri).path)
        assert line.startswith(f"{path}:{region['startLine']}:{region['startColumn']}: {result['ruleId']}: ")
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert len(result["partialFingerprints"]["budgetlint/v1"]) == 16
    (bl507,) = [r for r in run["results"] if r["ruleId"] == "BL507"]
    assert bl507["relatedLocations"][0]["physicalLocation"]["region"] == {
        "startLine": 607,
        "startColumn": 19,
        "endLine": 607,
        "endColumn": 25,  # the whole of "44.45%"
    }
    (changsha,) = [r for r in run["results"] if r["ruleId"] == "BL501"]
    assert changsha["properties"] == {"page": 2}


def test_lsp_diagnostics_structure_into_lsprotocol_types(capsys):
    by_file = json.loads(_output(capsys, str(SEEDS["000"]), "--format", "lsp"))
    ((uri, diagnostics),) = by_file.items()
    assert uri == SEEDS["000"].resolve().as_uri()
    converter = converters.get_converter()
    structured = converter.structure(diagnostics, list[types.Diagnostic])
    assert len(structured) == 19 and all(d.source == "budgetlint" for d in structured)
    (bl507,) = [d for d in structured if d.code == "BL507"]
    assert bl507.severity == types.DiagnosticSeverity.Error
    assert bl507.code_description.href.endswith("reference.md#bl507")
    assert (bl507.range.start.line, bl507.range.start.character) == (612, 38)  # 613:39, from 0
    (related,) = bl507.related_information
    assert related.location.uri == uri and related.location.range.start.line == 606
    assert related.location.range.end.character - related.location.range.start.character == len("44.45%")


def test_full_output_underlines_the_figure_and_the_related_ones(tmp_path):
    """`full` shows the line with the figure underlined (a Chinese character is two
    cells wide), each related figure's line, and the rule's one-line hint; no colour
    when the output is not a terminal, or under NO_COLOR."""
    import io

    from rich.cells import cell_len

    import budgetlint
    from budgetlint.full import render_full

    diagnostics = budgetlint.lint_file(SEEDS["000"], select=["BL507"])
    lines = SEEDS["000"].read_text(encoding="utf-8").split("\n")
    out = io.StringIO()
    render_full(diagnostics, lambda path: lines, {"BL507": "指标复述本表的数却不符。"}, out)
    text = out.getvalue()
    assert "\x1b[" not in text  # a StringIO is no terminal
    rows = text.splitlines()
    assert rows[0].endswith("613:39: BL507 indicator-restatement-mismatch")
    shown, carets = rows[2], rows[3]
    start = carets.index("^")
    assert carets.count("^") == len("33.13%")
    assert cell_len(shown[: shown.index("33.13%")]) == cell_len(carets[:start])
    assert "607 │" in rows[4] and "44.45%" in rows[5] and rows[-2].startswith("  提示：指标复述本表的数却不符。")
    coloured = io.StringIO()
    render_full(diagnostics, lambda path: lines, {}, coloured, colour=True)
    assert "\x1b[" in coloured.getvalue()


def test_full_is_the_default_on_a_terminal_only(tmp_path):
    import os
    import subprocess
    import sys

    piped = subprocess.run(
        [sys.executable, "-m", "budgetlint", str(SEEDS["002"])], capture_output=True, text=True
    ).stdout
    assert piped.splitlines()[0].endswith("(fused-figures)")  # text, one line per finding
    if os.name == "posix":
        import pty

        code = f"import sys; from budgetlint.cli import main; sys.exit(main([{str(SEEDS['002'])!r}]))"
        for env, coloured in (({}, True), ({"NO_COLOR": "1"}, False)):
            pid, fd = pty.fork()
            if pid == 0:  # the child writes to a terminal
                os.environ.update(env)
                os.execv(sys.executable, [sys.executable, "-c", code])
            chunks = []
            while True:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            os.waitpid(pid, 0)
            shown = b"".join(chunks).decode("utf-8", "replace")
            assert "fused-figures" in shown and "^^^^" in shown and "提示" in shown
            assert ("\x1b[" in shown) == coloured


def test_messages_in_english_and_their_arguments(capsys, tmp_path, monkeypatch):
    """--lang en (or language = "en") tells the findings in English where the rule gives an
    English template (the 绩效 sheets' rules do); the Chinese default is unchanged; json
    carries each message's arguments."""
    english = _output(capsys, str(SEEDS["001"]), "--select", "BL501", "--lang", "en").splitlines()
    assert english[0].endswith(
        "BL501: 当年财政拨款: rate 96.99%, but spent 158.95 ÷ budget 185.04（追减21.05，结转5.04）, that is 163.99 "
        "= 96.927%, 0.063 percentage points apart (Sichuan, points per fund line) (execution-rate-mismatch)"
    )
    chinese = _output(capsys, str(SEEDS["001"]), "--select", "BL501").splitlines()
    assert "，即 163.99 = 96.927%，相差 0.063 个百分点（四川 各资金行分值制）" in chinese[0]
    (found,) = json.loads(_output(capsys, str(SEEDS["000"]), "--select", "BL507", "--format", "json"))
    assert found["arguments"] == {
        "name": "97%≤预算执行率≤100%",
        "actual": "33.13%",
        "line": "年度财政资金总额",
        "rate": "44.45%",
        "profile": "（湖北 20 分制）",
    }
    (tmp_path / "budgetlint.toml").write_text('language = "en"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "gives 33.13% as achieved" in _output(capsys, str(SEEDS["000"]), "--select", "BL507")
    (tmp_path / "budgetlint.toml").write_text('language = "fr"\n', encoding="utf-8")
    assert main([str(SEEDS["000"])]) == 2
    assert "language 应是" in capsys.readouterr().err


def test_every_built_in_rule_speaks_english_when_asked(capsys):
    """On the seeds, no built-in finding keeps a Chinese message template in English:
    what stays Chinese is quoted from the document or names its places."""
    import re

    import budgetlint

    rendered = {}
    for name in ("000", "001", "002", "003", "004"):
        for zh, en in zip(
            budgetlint.lint_file(SEEDS[name]), budgetlint.lint_file(SEEDS[name], language="en"), strict=True
        ):
            assert (zh.code, zh.line, zh.column) == (en.code, en.line, en.column)
            rendered[zh.code] = en.message
            if not zh.code.startswith(("BL2", "BL3")):  # pack rules state their rule in the pack's words
                assert zh.message != en.message, zh.code
                assert re.search(r"[a-z]{3,}", en.message), en.message
    assert len(rendered) >= 20
