"""The command line: `budgetlint tables FILE` for people and machines, and
clear refusals with exit status 2 for bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SEEDS

from budgetlint.cli import main


def test_tables_json_schema_and_values(capsys):
    assert main(["tables", str(SEEDS["000"]), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    tables = json.loads(out)
    assert err == ""
    first = tables[0]
    assert set(first) >= {"title", "kind", "line", "unit", "department", "columns", "rows"}
    assert (first["title"], first["kind"], first["line"], first["unit"]) == (
        "2020年度收入支出决算总表（表1）",
        "收入支出决算总表",
        84,
        "万元",
    )
    assert first["columns"] == [{"number": 1, "header": "金额"}]
    row27 = next(r for r in first["rows"] if r["number"] == 27)
    assert row27 == {"line": 115, "label": "本年收入合计", "code": None, "number": 27, "cells": ["1224.48"]}
    income = next(t for t in tables if t["kind"] == "收入决算表")
    row = next(r for r in income["rows"] if r["code"] == "2080505")
    assert row["cells"] == ["8.16", "8.16", None, None, None, None, None]
    project = next(t for t in tables if t["kind"] == "项目支出绩效自评表")
    funds = next(r for r in project["rows"] if "年度财政资金总额" in r["cells"])
    assert "76.37%" in funds["cells"]
    assert all(len(r["cells"]) == len(t["columns"]) for t in tables for r in t["rows"])


def test_tables_text_rendering_and_problems_on_stderr(capsys):
    assert main(["tables", str(SEEDS["003"])]) == 0
    out, err = capsys.readouterr()
    assert "2024年度收入决算表 [收入决算表]" in out
    assert "1627.17" in out
    assert "003_jiangan_2024_final.txt:189:1: BL001: 表格无法读取" in err


@pytest.mark.parametrize(
    "payload, message",
    [(b"%PDF-1.5\n...", "PDF"), (b"\x89PNG\r\n\x1a\n", "PNG"), (bytes(range(256)) * 4, "不是文本文件")],
)
def test_non_text_files_exit_2_with_a_message(tmp_path, capsys, payload, message):
    path = tmp_path / "input.txt"
    path.write_bytes(payload)
    assert main(["tables", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert message in err
    assert "Traceback" not in err


def test_missing_file_and_directory_exit_2(tmp_path, capsys):
    assert main(["tables", str(tmp_path / "absent.txt")]) == 2
    assert main(["tables", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("budgetlint: 错误") == 2


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["tables"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["tables", str(SEEDS["000"]), "--format", "xml"])
    assert exit_info.value.code == 2


def test_installed_command_runs_as_a_module(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "budgetlint", "tables", str(SEEDS["004"]), "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    tables = json.loads(result.stdout)
    assert sum(t["kind"] == "部门支出总表" for t in tables) == 1
    assert list(tmp_path.iterdir()) == []  # nothing written where nothing was asked


def test_reading_does_not_import_rich_or_lark():
    code = (
        "import sys, budgetlint; budgetlint.read_path(sys.argv[1]); "
        "print('rich' in sys.modules, 'lark' in sys.modules, 'pdfplumber' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(SEEDS["000"])], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False False False"  # pdfplumber only for a PDF
    code = "import budgetlint; print(budgetlint.parse_formula('1栏=（2+3）栏')[0].axis)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "栏"


def test_rules_and_grammars_ship_inside_the_budgetlint_namespace():
    import importlib
    from importlib import metadata

    assert importlib.import_module("budgetlint.rules").__name__ == "budgetlint.rules"
    assert importlib.import_module("budgetlint.grammars").__name__ == "budgetlint.grammars"
    top_levels = (metadata.distribution("budgetlint").read_text("top_level.txt") or "").split()
    assert top_levels in ([], ["budgetlint"])  # never a top-level `rules` or `grammars`


def test_running_from_the_repository_root_finds_rules_and_grammars(tmp_path):
    """From a checkout's root the source folder budgetlint/ shadows the installed package,
    which alone holds budgetlint.rules: the folder then finds rules/ and grammars/ beside
    it. Reproduced without the editable install's finder, on a copy of the checkout."""
    import shutil
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    for part in ("budgetlint", "rules", "grammars"):
        shutil.copytree(root / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    code = (
        "import sys; sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f).lower()];"
        "import budgetlint; assert budgetlint.__file__.startswith(sys.argv[2]), budgetlint.__file__;"
        "print(len(budgetlint.lint_file(sys.argv[1], select=['BL004'])))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(SEEDS["002"]), str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2"


def _run(*argv, stdin=None, env=None, cwd=None):
    import os

    environment = dict(os.environ, **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "budgetlint", *argv], input=stdin, capture_output=True, env=environment, cwd=cwd
    )


def test_nothing_to_check_is_an_error_and_suffixes_are_read_in_any_case(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = _run(str(empty))
    assert result.returncode == 2 and "没有可检查的文件" in result.stderr.decode()
    upper = tmp_path / "upper"
    upper.mkdir()
    (upper / "甲.TXT").write_bytes(SEEDS["002"].read_bytes())
    result = _run(str(upper))
    assert result.returncode == 1 and result.stdout.decode().count("BL004") == 2


def test_standard_input_named_by_stdin_filename():
    result = _run("-", "--stdin-filename", "yuhua.txt", stdin=SEEDS["002"].read_bytes())
    assert result.returncode == 1
    assert result.stdout.decode().startswith("yuhua.txt:64:2: BL004")


def test_github_annotations_statistics_quiet_and_output_file(tmp_path):
    import re

    result = _run(str(SEEDS["000"]), "--format", "github")
    lines = result.stdout.decode().splitlines()
    syntax = re.compile(
        r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]+::.+$"
    )
    assert lines and all(syntax.match(line) for line in lines), lines[:2]
    result = _run(str(SEEDS["000"]), "--statistics")
    tail = result.stdout.decode().splitlines()
    assert tail[-1] == "共 19 处发现，涉及 1 个文件" and any(
        line.split()[1:] == ["BL507", "indicator-restatement-mismatch"] for line in tail
    )
    result = _run(str(SEEDS["000"]), "--quiet")
    assert result.returncode == 1 and result.stdout.decode().splitlines() == ["共 19 处发现，涉及 1 个文件"]
    report = tmp_path / "report.txt"
    result = _run(str(SEEDS["000"]), "--output", str(report))
    assert result.returncode == 1 and result.stdout == b"" and report.read_text(encoding="utf-8").count("\n") == 19


def test_a_closed_pipe_ends_quietly_with_the_status_of_what_was_found():
    process = subprocess.Popen(
        [sys.executable, "-m", "budgetlint", str(SEEDS["000"])], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    process.stdout.close()  # the reader went away before anything was written
    assert process.wait(timeout=60) == 1
    assert process.stderr.read() == b""


def test_a_console_that_cannot_print_a_character_does_not_stop_the_run():
    result = _run("tables", str(SEEDS["000"]), env={"PYTHONIOENCODING": "gbk"})
    assert result.returncode == 0 and b"Traceback" not in result.stderr
    assert "\\u2611".encode() in result.stdout or "☑".encode("gbk", "replace") in result.stdout


def test_help_and_usage_errors_are_in_chinese():
    for argv in (["--help"], ["check", "--help"]):
        out = _run(*argv).stdout.decode()
        assert out.startswith("用法：") and "选项" in out
        assert not any(word in out for word in ("usage:", "options:", "show this", "show program"))
    result = _run("check", "--format", "xml", str(SEEDS["002"]))
    assert result.returncode == 2 and "无效的选项 'xml'" in result.stderr.decode()


def test_jobs_give_the_output_of_one_job(tmp_path):
    """Many files in worker processes: the same findings, in the same order, the same
    status; a file that cannot be read is reported as with one job."""
    for name, path in SEEDS.items():
        (tmp_path / f"{name}.txt").write_bytes(path.read_bytes())
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    one, many = _run(str(tmp_path)), _run(str(tmp_path), "--jobs", "3")
    assert one.returncode == many.returncode == 2
    assert one.stdout == many.stdout and one.stdout.count(b"\n") > 40
    assert one.stderr == many.stderr and b"broken.pdf" in many.stderr
    assert _run(str(tmp_path), "--jobs", "-1").returncode == 2


def test_a_baseline_survives_unrelated_edits_and_lets_new_findings_through(tmp_path):
    document = tmp_path / "汉阳.txt"
    text = SEEDS["000"].read_text(encoding="utf-8")
    document.write_text(text, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    written = _run(str(document), "--write-baseline", str(baseline))
    assert written.returncode == 0 and written.stdout == b"" and "19 处发现" in written.stderr.decode()
    assert len(json.loads(baseline.read_text(encoding="utf-8"))["findings"]) == 19
    # a line added above everything moves every finding, and none is new
    document.write_text("前言。\n" + text, encoding="utf-8")
    again = _run(str(document), "--baseline", str(baseline), cwd=tmp_path.parent)
    assert again.returncode == 0 and again.stdout == b""
    # one figure retyped is new, and is reported with what follows from it
    document.write_text("前言。\n" + text.replace("76.37%\t15.27", "76.37%\t16.27"), encoding="utf-8")
    new = _run(str(document), "--baseline", str(baseline))
    assert new.returncode == 1
    assert [line.split(": ")[1] for line in new.stdout.decode().splitlines()] == ["BL502", "BL505"]
    baseline.write_text("{}", encoding="utf-8")
    broken = _run(str(document), "--baseline", str(baseline))
    assert broken.returncode == 2 and "不是 budgetlint 的基线文件" in broken.stderr.decode()


@pytest.mark.parametrize("width", [80, 100])
def test_tables_in_a_narrow_terminal_never_break_a_figure_or_a_code(width):
    """At 80 or 100 columns every figure and every 科目 code is printed whole on one line
    (a table too wide is printed wider than the terminal; names fold)."""
    import io
    import re

    import budgetlint
    from budgetlint.render import cell_value, print_tables

    for name in ("000", "004"):
        document = budgetlint.read_path(SEEDS[name])
        out = io.StringIO()
        print_tables(document, out, width=width)
        shown = out.getvalue()
        tokens = set(re.findall(r"[^\s│]+", shown))
        for table in document.tables:
            for row in table.rows:
                assert row.code is None or row.code in tokens, row.code
                for cell in row.cells:
                    if cell is not None and cell.figure is not None:
                        assert cell_value(cell) in tokens, (name, row.line, cell_value(cell))


def test_statistics_beside_machine_readable_output_go_to_stderr():
    result = _run(str(SEEDS["002"]), "--format", "json", "--statistics")
    assert len(json.loads(result.stdout)) == 2
    assert "BL004  fused-figures" in result.stderr.decode()


def test_tables_show_text_that_looks_like_markup_as_text(tmp_path, capsys):
    document = tmp_path / "表.txt"
    document.write_text("表1 部门收入总表\n项目\t[/td] 金额\n[bold]合计\t1.00\n", encoding="utf-8")
    assert main(["tables", str(document)]) == 0
    out = capsys.readouterr().out
    assert "[/td] 金额" in out and "[bold]合计" in out


def test_the_command_ends_without_tearing_down_yet_loses_no_output(tmp_path, capsys):
    """`budgetlint` exits through os._exit after main(): what it printed or wrote is
    all there, and the status is main's."""
    report = tmp_path / "report.html"
    done = subprocess.run(
        [sys.executable, "-m", "budgetlint", str(SEEDS["000"]), "--format", "html", "--output", str(report)],
        capture_output=True,
    )
    assert done.returncode == 1 and report.read_text(encoding="utf-8").rstrip().endswith("</html>")
    done = subprocess.run([sys.executable, "-m", "budgetlint", str(SEEDS["000"])], capture_output=True, text=True)
    assert main([str(SEEDS["000"])]) == done.returncode == 1
    assert done.stdout == capsys.readouterr().out and done.stdout.count("BL") == 19


@pytest.mark.parametrize("columns", ["", "50", "200", "-3", "abc"])
def test_help_is_as_wide_as_argparse_would_make_it(monkeypatch, columns):
    """The help formatter finds the width without shutil, as shutil would."""
    import argparse

    from budgetlint.cli import _Formatter

    monkeypatch.setenv("COLUMNS", columns)
    assert _Formatter("budgetlint")._width == argparse.HelpFormatter("budgetlint")._width
