"""Configuration files: packs, selection and slack kept beside the documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS

from budgetlint.cli import main

PACK = """
rule AU901 all-income-is-fiscal warning "财政拨款收入应等于本年收入合计":
    [收入决算表] 1栏各行=2栏各行
rule AU902 income-equals-spending warning "收入合计应等于支出合计":
    [收入决算表] "合计"行 1栏 = [支出决算表] "合计"行 1栏
rule AU903 wrong error "故意写错":
    [收入决算表] 科目208行 1栏 = [支出决算表] 科目210行 1栏
"""


def _codes(capsys) -> list[str]:
    return [d["code"] for d in json.loads(capsys.readouterr().out)]


def test_budgetlint_toml_adds_packs_and_selects(tmp_path, monkeypatch, capsys):
    (tmp_path / "audit").mkdir()
    (tmp_path / "audit" / "本局.rules").write_text(PACK, encoding="utf-8")
    (tmp_path / "budgetlint.toml").write_text('select = ["AU"]\nrules = ["audit/本局.rules"]\n', encoding="utf-8")
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")  # found in the folder above
    assert main([str(SEEDS["000"]), "--format", "json"]) == 1
    assert _codes(capsys) == ["AU903"]
    assert main([str(SEEDS["000"]), "--format", "json", "--select", "BL102"]) == 1  # the command line wins
    assert _codes(capsys) == ["BL102"]


def test_pyproject_tool_table_and_slack(tmp_path, monkeypatch, capsys):
    text = SEEDS["000"].read_text(encoding="utf-8").replace("1,224.48\t163.08", "1,224.50\t163.08")
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.budgetlint]\nselect = ["BL110"]\nslack = "0.005"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)

    def changed_line() -> list[str]:
        return [d["code"] for d in json.loads(capsys.readouterr().out) if d["line"] == 160]

    main(["doc.txt", "--format", "json"])
    assert changed_line() == []  # 0.02 off, but rounding plus the configured slack explain it
    main(["doc.txt", "--format", "json", "--slack", "0"])
    assert changed_line() == ["BL110"]


@pytest.mark.parametrize(
    "content, message",
    [
        ("select = [1]\n", "select 应是字符串列表"),
        ('slack = "abc"\n', "slack 应是数字"),
        ('selekt = ["BL1"]\n', "未知的设置 selekt"),
        ("select = [\n", "不是有效的 TOML"),
        ('rules = ["missing.rules"]\n', "无法读取规则包"),
        ('severity = { BL015 = "fatal" }\n', "BL015 的级别应是"),
        ('per-file-ignores = ["BL1"]\n', "per-file-ignores 应是一张表"),
        ('per-file-ignores = { "*.txt" = ["XX9"] }\n', "没有与 XX9 对应的规则"),
        ('scoring = "浙江"\n', "scoring 应是"),
    ],
)
def test_a_bad_configuration_is_a_clear_error(tmp_path, monkeypatch, capsys, content, message):
    (tmp_path / "budgetlint.toml").write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main([str(SEEDS["004"])]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_an_explicit_config_file(tmp_path, capsys):
    config = tmp_path / "special.toml"
    config.write_text('select = ["BL101"]\n', encoding="utf-8")
    assert main([str(SEEDS["000"]), "--config", str(config), "--format", "json"]) == 1
    assert _codes(capsys) == ["BL101"]


def test_the_tool_table_pasted_into_budgetlint_toml(tmp_path, monkeypatch, capsys):
    """The README's [tool.budgetlint] block works in budgetlint.toml as it is."""
    (tmp_path / "budgetlint.toml").write_text('[tool.budgetlint]\nselect = ["BL101"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main([str(SEEDS["000"]), "--format", "json"]) == 1
    assert _codes(capsys) == ["BL101"]


def test_extend_select_per_file_ignores_severity_include_exclude(tmp_path, monkeypatch, capsys):
    docs = tmp_path / "docs"
    (docs / "2020").mkdir(parents=True)
    (docs / "草稿").mkdir()
    (docs / "2020" / "汉阳.txt").write_bytes(SEEDS["000"].read_bytes())
    (docs / "2020" / "雨花.TXT").write_bytes(SEEDS["002"].read_bytes())
    (docs / "草稿" / "旧.txt").write_bytes(SEEDS["002"].read_bytes())
    (tmp_path / "budgetlint.toml").write_text(
        'select = ["BL101"]\nextend-select = ["BL004"]\n'
        'per-file-ignores = { "雨花.TXT" = ["BL004"] }\n'
        'severity = { BL101 = "warning" }\nexclude = ["草稿/*"]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["docs", "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert {(Path(d["path"]).name, d["code"], d["severity"]) for d in found} == {("汉阳.txt", "BL101", "warning")}
    (tmp_path / "budgetlint.toml").write_text('select = ["BL004"]\ninclude = ["*.md"]\n', encoding="utf-8")
    assert main(["docs"]) == 2  # nothing the include globs name
    assert "没有可检查的文件" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("pyproject.toml", "tool = 3\n"),
        ("pyproject.toml", 'tool = "budgetlint"\n'),
        ("budgetlint.toml", 'tool = "x"\n'),
    ],
)
def test_a_tool_key_that_is_not_a_table(tmp_path, monkeypatch, capsys, name, content):
    """Not a traceback: a pyproject.toml without a [tool.budgetlint] table is not a
    configuration; a budgetlint.toml with an unknown key is a clear error."""
    (tmp_path / name).write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status = main([str(SEEDS["002"])])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "内部错误" not in err
    assert status == (1 if name == "pyproject.toml" else 2)


def test_globs_are_relative_to_the_configuration_and_the_most_specific_severity_wins(tmp_path, monkeypatch, capsys):
    (tmp_path / "2019" / "sub").mkdir(parents=True)
    (tmp_path / "2019" / "sub" / "b.txt").write_bytes(SEEDS["002"].read_bytes())
    (tmp_path / "budgetlint.toml").write_text(
        'per-file-ignores = { "2019/sub/*.txt" = ["BL004"] }\nseverity = { BL0 = "info", BL004 = "warning" }\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path / "2019")  # run from below the configuration's folder
    assert main(["sub/b.txt", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    (tmp_path / "budgetlint.toml").write_text('severity = { BL0 = "info", BL004 = "warning" }\n', encoding="utf-8")
    assert main(["sub/b.txt", "--format", "json"]) == 1
    assert {d["severity"] for d in json.loads(capsys.readouterr().out)} == {"warning"}
