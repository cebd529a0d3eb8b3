"""Every input budgetlint can meet: each is told apart with a clear message and
exit status 2, or a BL0xx finding; never a traceback; and the memory a run
takes stays bounded (peak resident memory, measured in a child process)."""

from __future__ import annotations

import errno
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import SEEDS
from pdf_writer import Page, write_pdf

import budgetlint
from budgetlint.cli import main
from budgetlint.reading import layout
from budgetlint.reading.source import MAX_TEXT_BYTES, NotText

PDF = Path(__file__).parent / "pdf"
pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory is read from /proc")
MB = 2**20


def run(tmp_path: Path, *arguments: str, stdin: bytes | None = None) -> tuple[int, str, str, int]:
    """The command line in a child process: (status, stdout, stderr, peak memory in MB,
    the high-water mark of its own resident memory: not its parent's, as ru_maxrss is)."""
    probe = (
        "import sys\n"
        "from budgetlint.cli import main\n"
        "try:\n"
        "    status = main(sys.argv[1:])\n"
        "finally:\n"
        "    sys.stdout.flush()\n"
        "    status_lines = open('/proc/self/status').read().splitlines()\n"
        "    peak = next(int(line.split()[1]) for line in status_lines if line.startswith('VmHWM'))\n"
        "    print(f'peak-memory {peak // 1024}', file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *arguments],
        input=stdin,
        capture_output=True,
        cwd=tmp_path,
        timeout=300,
    )
    err = done.stderr.decode("utf-8", "replace")
    peak = int(re.search(r"peak-memory (\d+)", err)[1])
    err = re.sub(r"peak-memory \d+\n?", "", err)
    assert "Traceback" not in err and "内部错误" not in err, err
    return done.returncode, done.stdout.decode("utf-8", "replace"), err, peak


def test_an_empty_file_is_a_finding_that_nothing_was_checked(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "words.txt").write_text("部门预算公开说明\n", encoding="utf-8")
    assert main([str(tmp_path / "empty.txt"), str(tmp_path / "words.txt"), "--format", "text"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("empty.txt:1:1: BL005: 没有可检查的内容：文件是空的 (nothing-to-check)")
    assert out[1].endswith("words.txt:1:1: BL005: 没有可检查的内容：文件中没有表格，也没有一个数字 (nothing-to-check)")
    assert main([str(SEEDS["002"]), "--select", "BL005"]) == 0


@pytest.mark.parametrize(
    ("name", "payload", "reason"),
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "PNG 图片"),
        ("notes.pdf", "部门预算公开说明：本年收入 1.00 万元。\n".encode(), "内容却不是 PDF"),
        ("random.pdf", bytes(range(256)) * 40, "内容却不是 PDF"),
        ("random.txt", bytes(range(256)) * 40, "不是文本文件"),
        (
            "big5.txt",
            "本年收入合計為一千二百萬元，較上年增加。部門預算公開說明，財政撥款收入支出決算總表。".encode("big5"),
            "无法识别文件的编码",
        ),
        ("latin.txt", "Budget für das Jahr, Übersicht: café".encode("latin-1"), "无法按 utf-8、gb18030 解码"),
    ],
    ids=lambda value: value if isinstance(value, str) and value.isascii() else "",
)
def test_what_is_not_a_readable_document_exits_2_with_its_reason(tmp_path, capsys, name, payload, reason):
    (tmp_path / name).write_bytes(payload)
    assert main([str(tmp_path / name), str(SEEDS["002"]), "--format", "text"]) == 2
    out, err = capsys.readouterr()
    assert f"{name}：" in err and reason in err
    assert "002_yuhua_2020_selfeval.txt" in out  # the other file is still linted


def test_a_hundred_megabyte_text_is_refused_without_being_read(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.write(("本年收入合计 1.00\n" * 4096).encode() * 1100)  # over 100 MB
    assert big.stat().st_size > 100 * 10**6 > 2 * MAX_TEXT_BYTES
    status, out, err, peak = run(tmp_path, "big.txt")
    assert status == 2 and out == ""
    assert "big.txt：文件过大（" in err and "文本文件最多读取 32 MB" in err
    assert peak < 100
    status, out, err, peak = run(tmp_path, "-", stdin=big.read_bytes())
    assert status == 2 and "<stdin>：文件过大（超过 32 MB）" in err
    assert peak < 100 + big.stat().st_size // MB  # the child's own copy of its input, and no more


def test_one_line_of_ten_million_characters(tmp_path):
    (tmp_path / "line.txt").write_text("收入" + "1" * 10_000_000 + "\n", encoding="utf-8")
    (tmp_path / "words.txt").write_text("说明" * 5_000_000 + "\n", encoding="utf-8")
    status, out, err, peak = run(tmp_path, "line.txt", "words.txt", "--format", "text")
    assert status == 1 and err == ""
    assert out == "words.txt:1:1: BL005: 没有可检查的内容：文件中没有表格，也没有一个数字 (nothing-to-check)\n"
    assert peak < 400


def _wide_table(columns: int, changed: int | None = None) -> str:
    values = [Decimal(f"{column % 7 + 1}.{column % 10}0") for column in range(2, columns + 1)]
    total = sum(values)
    if changed is not None:
        values[changed - 2] += 100
    return (
        "2020年度资金明细表(附表)\n部门：汉阳区医疗保障局\t单位：万元\n"
        + "\t".join(["项目", "合计", *(f"资金{column}" for column in range(2, columns + 1))])
        + "\n"
        + "\t".join(["栏次", *map(str, range(1, columns + 1))])
        + "\n"
        + "\t".join(["合计", str(total), *map(str, values)])
        + f"\n注：1栏各行=（2……{columns}）栏各行\n"
    )


def test_a_table_of_three_thousand_columns_is_read_and_checked():
    assert budgetlint.lint_text(_wide_table(3000), "wide.txt") == []
    (found,) = budgetlint.lint_text(_wide_table(3000, changed=1500), "wide.txt")
    assert found.code == "BL110" and "「1栏各行=（2……3000）栏各行」不成立" in found.message
    assert "（差 -100.00）" in found.message
    # Off by 1: within the rounding of 2,999 figures printed to the cent (± 15.00), so not a finding.
    changed = _wide_table(3000).replace("\t5.00\t", "\t6.00\t", 1)
    assert budgetlint.lint_text(changed, "wide.txt") == []


def test_a_footnote_of_a_thousand_nested_parentheses_is_a_syntax_finding():
    text = _wide_table(3).replace("（2……3）", "（" * 1000 + "2+3" + "）" * 1000)
    (found,) = budgetlint.lint_text(text, "nested.txt")
    assert found.code == "BL101" and found.message.endswith("无法解析：“（”处有误")
    assert len(found.message) < 300  # the formula is quoted by its ends


def test_a_pdf_of_a_thousand_pages(tmp_path):
    pages = []
    for number in range(1, 1001):
        page = Page()
        page.line(f"第{number}部分 说明")
        page.line("本页没有表格。")
        pages.append(page)
    last = Page()
    last.line("2020年度资金明细表(附表)")
    last.table([["项目", "合计", "资金2", "资金3"], ["栏次", "1", "2", "3"], ["合计", "10.00", "6.00", "5.00"]])
    last.line("注：1栏各行=（2+3）栏各行")
    pages.append(last)
    (tmp_path / "book.pdf").write_bytes(write_pdf(pages))
    status, out, err, peak = run(tmp_path, "book.pdf", "--format", "text")
    assert err == "" and status == 1
    assert re.fullmatch(
        r"book\.pdf:\d+:4: BL110: 第 1001 页：脚注公式「1栏各行=（2\+3）栏各行」不成立："
        r"「合计」 1栏为 10\.00，按公式应为 11\.00（差 -1\.00） \(formula-failed\)\n",
        out,
    )
    assert peak < 250


def test_a_pdf_whose_cross_reference_table_points_nowhere_is_read_as_the_intact_one(tmp_path):
    intact = (PDF / "guojia_xinfangju_2026_p9.pdf").read_bytes()
    offset = re.search(rb"startxref\s+(\d+)", intact)
    broken = intact[: offset.start(1)] + b"999999" + intact[offset.end(1) :]
    assert broken != intact
    assert layout.read_source(broken, "broken.pdf").lines == layout.read_source(intact, "intact.pdf").lines


@pytest.mark.parametrize(
    ("name", "reason"),
    [("encrypted.pdf", "PDF 已加密"), ("no_text_layer.pdf", "PDF 没有文字层"), ("truncated.pdf", "PDF 已损坏")],
)
def test_a_pdf_that_cannot_be_read_exits_2(tmp_path, capsys, name, reason):
    source = PDF / name if name != "truncated.pdf" else tmp_path / name
    if name == "truncated.pdf":
        source.write_bytes((PDF / "guojia_xinfangju_2026_p9.pdf").read_bytes()[:3000])
    assert main([str(source)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and f"{name}：{reason}" in err


@pytest.mark.parametrize(
    ("files", "arguments", "reason"),
    [
        (
            {"bad.rules": 'rule XX001 foo error "x"\n    [收入决算表] 1栏各行=（2+3'},
            ["--rules", "bad.rules"],
            "无法解析规则包",
        ),
        (
            {"bad.rules": 'rule XX001 foo error "x":\n    [不存在的表] 1栏各行=（2+3）栏各行\n'},
            ["--rules", "bad.rules"],
            "bad.rules:2:6: 未知的表格种类「不存在的表」",
        ),
        ({}, ["--rules", "missing.rules"], "missing.rules:1:1: 无法读取规则包"),
        ({}, ["--select", "BL999"], "没有与 BL999 对应的规则"),
        ({"budgetlint.toml": "select = [\n"}, [], "budgetlint.toml：不是有效的 TOML"),
        ({"pyproject.toml": "[tool.budgetlint]\nselect = [\n"}, [], "pyproject.toml：不是有效的 TOML"),
        ({"budgetlint.toml": 'rules = ["missing.rules"]\n'}, [], "missing.rules:1:1: 无法读取规则包"),
        ({"budgetlint.toml": 'ignore = ["BL998"]\n'}, [], "没有与 BL998 对应的规则"),
        ({"budgetlint.toml": 'per-file-ignores = {"*.txt" = ["XYZ"]}\n'}, [], "没有与 XYZ 对应的规则"),
        ({"budgetlint.toml": "colour = true\n"}, [], "colour"),
    ],
)
def test_a_malformed_rule_pack_or_configuration_exits_2(tmp_path, files, arguments, reason):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "doc.txt").write_bytes(SEEDS["002"].read_bytes())
    status, out, err, _ = run(tmp_path, "doc.txt", *arguments)
    assert status == 2 and out == ""
    assert reason in err


def test_a_pyproject_of_another_tool_that_is_broken_is_not_ours_to_judge(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.black\n", encoding="utf-8")
    (tmp_path / "doc.txt").write_bytes(SEEDS["002"].read_bytes())
    status, out, err, _ = run(tmp_path, "doc.txt", "--format", "text")
    assert status == 1 and err == "" and "BL004" in out


def test_a_directory_with_unreadable_files(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEEDS["002"].read_bytes())
    (folder / "b.txt").symlink_to(tmp_path / "gone.txt")
    (folder / "c.txt").write_bytes(SEEDS["002"].read_bytes())
    real_open = open

    def refusing(path, *args, **kwargs):
        if str(path).endswith("c.txt"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(layout, "open", refusing, raising=False)
    assert main([str(folder), "--format", "text"]) == 2
    out, err = capsys.readouterr()
    assert "b.txt：无法读取（链接指向的文件不存在）" in err
    assert "c.txt：无法读取（Permission denied）" in err
    assert "a.txt:64:2: BL004" in out


def test_a_file_that_disappears_while_it_is_read(tmp_path, monkeypatch, capsys):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_bytes(SEEDS["002"].read_bytes())
    real_open = open

    class Vanishing:
        """A file whose disk goes away after the first kilobyte."""

        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def fileno(self):
            return self.handle.fileno()

        def read(self, size=-1):
            if self.handle.tell() >= 1024:
                raise OSError(errno.EIO, "Input/output error")
            return self.handle.read(size)

    def vanishing(path, *args, **kwargs):
        if str(path).endswith("a.txt"):
            Path(path).unlink()  # gone between the listing and the reading
        handle = real_open(path, *args, **kwargs)
        return Vanishing(handle) if str(path).endswith("b.txt") else handle

    monkeypatch.setattr(layout, "open", vanishing, raising=False)
    assert main([str(tmp_path), "--format", "text"]) == 2
    out, err = capsys.readouterr()
    assert "a.txt：无法读取（No such file or directory）" in err
    assert "b.txt：无法读取（Input/output error）" in err
    assert "c.txt:64:2: BL004" in out and "a.txt:" not in out and "b.txt:" not in out


def test_the_library_raises_only_not_text_for_what_it_cannot_read(tmp_path):
    (tmp_path / "notes.pdf").write_text("部门预算公开说明", encoding="utf-8")
    with pytest.raises(NotText, match="内容却不是 PDF"):
        budgetlint.lint_file(tmp_path / "notes.pdf")
    with pytest.raises(NotText, match="文件过大"):
        budgetlint.read_bytes(b"1" * (MAX_TEXT_BYTES + 1))


def test_a_directory_that_links_back_to_itself_is_walked_once(tmp_path, capsys):
    """Linked folders are followed, as before; a link up the tree ends the walk there."""
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_bytes(SEEDS["002"].read_bytes())
    (folder / "sub" / "up").symlink_to(folder)
    (folder / "alias").symlink_to(folder / "sub")
    assert main([str(folder), "--format", "text"]) == 1
    names = {line.split(":")[0] for line in capsys.readouterr().out.splitlines()}
    assert names == {str(folder / "alias" / "a.txt"), str(folder / "sub" / "a.txt")}
