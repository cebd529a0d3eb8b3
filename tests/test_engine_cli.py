"""The engine (registry, plug-ins, selection) and the `check`, `rules` and
`rule` commands: formats, exit statuses, and clear errors."""

from __future__ import annotations

import json
from importlib import metadata

import pytest
from conftest import SEEDS

import budgetlint
from budgetlint import engine
from budgetlint.cli import main


def test_every_rule_is_documented_with_examples():
    rules = engine.load_rules()
    python_rules = [r.code for r in rules if r.source is None]
    assert python_rules == [
        "BL001",
        "BL002",
        "BL003",
        "BL004",
        "BL005",
        "BL010",
        "BL011",
        "BL012",
        "BL013",
        "BL014",
        "BL015",
        "BL016",
        "BL017",
        "BL018",
        "BL101",
        "BL102",
        "BL103",
        "BL104",
        "BL110",
        "BL220",
        "BL221",
        "BL222",
        "BL312",
        "BL328",
        "BL401",
        "BL402",
        "BL403",
        "BL404",
        "BL405",
        "BL406",
        "BL407",
        "BL408",
        "BL409",
        "BL410",
        "BL501",
        "BL502",
        "BL503",
        "BL504",
        "BL505",
        "BL506",
        "BL507",
        "BL508",
        "BL509",
    ]
    assert len({r.symbol for r in rules}) == len({r.code for r in rules}) == len(rules)
    for item in rules:
        assert item.summary, item.code
        if item.source is None:
            assert "不通过的例子" in item.doc and "通过的例子" in item.doc, item.code
        else:  # pack rules: their comment lines, and where and what they state
            assert "standard.rules 第" in item.doc and item.source.text in item.doc, item.code
            assert len(item.doc.splitlines()) >= 4, item.code


def test_check_text_output_and_exit_status(capsys):
    assert main([str(SEEDS["000"]), "--select", "BL1"]) == 1  # `budgetlint FILE` is `budgetlint check FILE`
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 6 and err == ""
    assert lines[0].startswith(f"{SEEDS['000']}:215:3: BL110: ")
    assert lines[0].endswith("(formula-failed)")
    assert main(["check", str(SEEDS["002"]), "--ignore", "BL004"]) == 0
    assert capsys.readouterr().out == ""
    assert main([str(SEEDS["000"]), "--select", "BL1", "--exit-zero"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 6


def test_check_json_over_a_directory(capsys):
    assert main(["check", str(SEEDS["000"].parent), "--format", "json", "--select", "BL00,BL010,BL102"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert [(d["path"].rsplit("/", 1)[-1], d["line"], d["code"]) for d in found] == [
        ("000_hanyang_2020_final.txt", 221, "BL102"),
        ("000_hanyang_2020_final.txt", 249, "BL010"),
        ("000_hanyang_2020_final.txt", 284, "BL010"),
        ("002_yuhua_2020_selfeval.txt", 64, "BL004"),
        ("002_yuhua_2020_selfeval.txt", 74, "BL004"),
        ("003_jiangan_2024_final.txt", 181, "BL002"),
        ("003_jiangan_2024_final.txt", 189, "BL001"),
        ("004_kaifaqu_2021_budget.txt", 363, "BL003"),
    ]
    first = found[0]
    assert set(first) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "symbol",
        "severity",
        "message",
        "arguments",
        "page",
        "related",
    }
    assert first["page"] is None  # a text file without page marks
    assert first["related"] == [
        {
            "path": str(SEEDS["000"]),
            "line": 221,
            "column": 14,
            "end_line": 221,
            "end_column": 29,  # the whole formula, not its first character
            "page": None,
            "message": "脚注公式「28行=（28+29+31）行」",
        }
    ]


def test_check_input_errors_exit_2_but_still_report_the_rest(tmp_path, capsys):
    pdf = tmp_path / "scan.txt"
    pdf.write_bytes(b"%PDF-1.4 binary")
    assert main([str(SEEDS["000"]), str(pdf), str(tmp_path / "absent.txt"), "--select", "BL1"]) == 2
    out, err = capsys.readouterr()
    assert out.count("\n") == 6
    assert "scan.txt：PDF 已损坏，无法读取" in err and "absent.txt：文件不存在" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "argv", [["check"], ["--select", "BL9", str(SEEDS["000"])], ["--slack", "-1", str(SEEDS["000"])], ["rule", "BL999"]]
)
def test_usage_errors_exit_2(argv, capsys):
    try:
        status = main(argv)
    except SystemExit as exit_info:
        status = exit_info.code
    assert status == 2
    assert "budgetlint" in capsys.readouterr().err


def test_rules_and_rule_commands(capsys):
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert any(line.startswith("BL110  formula-failed") and "error" in line for line in listing)
    assert any(line.startswith("BL305  fund-income-copies") for line in listing)
    assert main(["rule", "formula-contradicts-headers"]) == 0
    doc = capsys.readouterr().out
    assert doc.startswith("BL104 formula-contradicts-headers") and "9栏=（10+11）栏" in doc


@pytest.fixture
def plugin(monkeypatch):
    entry = metadata.EntryPoint(name="xy", value="plugin_rules:RULES", group=engine.ENTRY_POINT_GROUP)
    monkeypatch.setattr(engine, "plugin_entry_points", lambda: [entry])
    engine.load_rules.cache_clear()
    yield
    engine.load_rules.cache_clear()


def test_plugins_arrive_through_entry_points_and_a_crash_stays_contained(plugin):
    codes = [r.code for r in engine.load_rules()]
    assert codes[-2:] == ["XY001", "XY002"]
    found = budgetlint.lint_file(SEEDS["004"], select=["XY"])
    noted = [d for d in found if d.code == "XY001"]
    assert len(noted) == sum(not t.footnotes for t in budgetlint.read_path(SEEDS["004"]).tables) == 14
    (crash,) = [d for d in found if d.code == "XY002"]
    assert "运行出错" in crash.message and "boom" in crash.message


def test_an_installed_distribution_brings_its_rules_through_its_entry_points(tmp_path, monkeypatch):
    """As pip installs a plug-in: a dist-info folder on the path whose entry_points.txt
    names the group; other distributions' entry points are not the engine's."""
    info = tmp_path / "xy_rules-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: xy-rules\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[budgetlint.rules]\nxy = plugin_rules:RULES\n", encoding="utf-8")
    other = tmp_path / "other-2.0.dist-info"
    other.mkdir()
    (other / "entry_points.txt").write_text("[console_scripts]\nother = other:main\n", encoding="utf-8")
    assert [entry.value for entry in engine.plugin_entry_points()] == []
    monkeypatch.syspath_prepend(str(tmp_path))
    assert [entry.value for entry in engine.plugin_entry_points()] == ["plugin_rules:RULES"]
    engine.load_rules.cache_clear()
    try:
        assert [r.code for r in engine.load_rules()][-2:] == ["XY001", "XY002"]
    finally:
        engine.load_rules.cache_clear()


def _only_entry_point(monkeypatch, value: str) -> None:
    entry = metadata.EntryPoint(name="pack", value=value, group=engine.ENTRY_POINT_GROUP)
    monkeypatch.setattr(engine, "plugin_entry_points", lambda: [entry])
    engine.load_rules.cache_clear()


@pytest.mark.parametrize(
    "value, message",
    [
        ("plugin_clash", "规则代码 BL110 重复"),
        ("no_such_module_anywhere", "无法加载插件 pack"),
        ("plugin_rules:every_table_noted.doc", "不是规则"),
    ],
)
def test_a_bad_plugin_is_a_clear_error_not_a_crash(monkeypatch, capsys, value, message):
    _only_entry_point(monkeypatch, value)
    try:
        assert main(["rules"]) == 2
        assert main([str(SEEDS["004"])]) == 2
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err
    finally:
        engine.load_rules.cache_clear()


def test_the_rule_reference_is_generated_from_the_rules(capsys):
    """rules/reference.md is what `budgetlint rules --format markdown` prints: regenerate it
    with that command when a rule or its docstring changes."""
    from pathlib import Path

    from budgetlint.cli import main

    assert main(["rules", "--format", "markdown"]) == 0
    generated = capsys.readouterr().out
    reference = Path(__file__).resolve().parent.parent / "rules" / "reference.md"
    assert reference.read_text(encoding="utf-8") == generated
    assert generated.count("\n## BL") == len(budgetlint.engine.load_rules()) - generated.count("\n## AU")


def test_rule_documentation_is_cleaned_as_inspect_cleans_docstrings():
    import inspect

    from budgetlint.engine import _cleandoc, load_rules

    documented = [r for r in load_rules() if r.source is None]
    assert len(documented) > 40
    for found in documented:
        assert found.doc == inspect.cleandoc(found.check.__doc__ or "")
    for odd in ("", "\n\n", "one", "  one\n    two\n  three\n\n", "one\n\ttab\n  \n   x\n", "\n  a\n b\n   \n"):
        assert _cleandoc(odd) == inspect.cleandoc(odd), repr(odd)
