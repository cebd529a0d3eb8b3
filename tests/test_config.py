"""Configuration files: packs, selection and slack kept beside the documents."""

from __future__ import annotations

import json

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
