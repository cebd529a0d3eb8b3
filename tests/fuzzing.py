"""Damaged documents for the fuzz run (benchmarks/fuzz.py) and the pipeline
properties (test_pipeline_properties.py): a window of a real text, hurt the ways
extraction and retyping hurt them, sometimes re-encoded or replaced by bytes;
and the check that the whole pipeline takes any of them in its stride."""

from __future__ import annotations

import io
import json
import random
import traceback

from budgetlint.engine import lint_document
from budgetlint.reading import NotText, read_bytes_document

TABLE_CHARACTERS = (
    "\t\t\n  \u3000合计小计其中项目栏次行次1234567890.,，%-—－表（）()注：部门单位万元元=＝+＋……~至<>p/#|各行栏"
)


def _hurt(rng: random.Random, lines: list[str], texts: list[str]) -> None:
    """One kind of damage, in place."""
    if not lines:
        lines.append("")
    at = rng.randrange(len(lines))
    line = lines[at]
    kind = rng.randrange(10)
    if kind == 0:  # retype a digit
        digits = [i for i, c in enumerate(line) if c.isdigit()]
        if digits:
            i = rng.choice(digits)
            lines[at] = line[:i] + rng.choice("0123456789") + line[i + 1 :]
    elif kind == 1:  # cut a piece out
        i = rng.randrange(len(line) + 1)
        lines[at] = line[:i] + line[i + rng.randrange(1, 12) :]
    elif kind == 2:  # sprinkle table characters
        i = rng.randrange(len(line) + 1)
        lines[at] = line[:i] + "".join(rng.choices(TABLE_CHARACTERS, k=rng.randrange(1, 8))) + line[i:]
    elif kind == 3:  # a line printed twice (a repeated header on a new page)
        lines.insert(at, line)
    elif kind == 4:  # two lines joined
        if at + 1 < len(lines):
            lines[at : at + 2] = [line + rng.choice(["", " ", "\t"]) + lines[at + 1]]
    elif kind == 5:  # a line broken in two
        i = rng.randrange(len(line) + 1)
        lines[at : at + 1] = [line[:i], line[i:]]
    elif kind == 6:  # lines out of order
        other = rng.randrange(len(lines))
        lines[at], lines[other] = lines[other], lines[at]
    elif kind == 7:  # a line of another document
        source = rng.choice(texts).split("\n")
        lines.insert(at, rng.choice(source))
    elif kind == 8:  # cells lost their separators, or gained some
        lines[at] = line.replace("\t", rng.choice(["", " ", "\t\t"]))
    else:  # a line gone
        del lines[at]


def mutated(rng: random.Random, texts: list[str]) -> bytes:
    """The bytes of one damaged document drawn from ``texts``."""
    roll = rng.random()
    if roll < 0.03:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(2000)))
    lines = rng.choice(texts).split("\n")
    start = rng.randrange(len(lines))
    lines = lines[start : start + rng.randrange(1, 400)]
    for _ in range(rng.randrange(0, 12)):
        _hurt(rng, lines, texts)
    text = "\n".join(lines)
    encoding = rng.choices(["utf-8", "gb18030", "utf-16", "utf-8-sig"], weights=[85, 7, 5, 3])[0]
    return text.encode(encoding, errors="replace")


def check(data: bytes, rules, every_format: bool = True) -> str | None:
    """None if the whole pipeline handles ``data``; otherwise what went wrong."""
    try:
        document = read_bytes_document(data, "fuzz.txt")
    except NotText:
        return None
    except Exception:
        return "reading: " + traceback.format_exc()
    try:
        found = lint_document(document, rules)
        lines = len(document.source.lines)
        for d in found:
            if "运行出错" in d.message:
                return f"rule crashed: {d.format()}"
            if not 1 <= d.line <= lines or any(not 1 <= r.line <= lines for r in d.related):
                return f"outside the document ({lines} lines): {d.format()}"
        if every_format:
            write_every_format(document, found, rules)
    except Exception:
        return "linting or writing: " + traceback.format_exc()
    return None


def write_every_format(document, found, rules) -> None:
    """Each output format of the findings, written and thrown away."""
    from budgetlint import __version__
    from budgetlint.cli import _as_json, _github, _lsp
    from budgetlint.full import render_full
    from budgetlint.report import html_report
    from budgetlint.sarif import to_sarif

    json.dumps([_as_json(d) for d in found], ensure_ascii=False)
    json.dumps(to_sarif(found, rules, __version__))
    json.dumps(_lsp(found), ensure_ascii=False)
    "\n".join(_github(d) for d in found) + "\n".join(d.format() for d in found)
    html_report([document], {"fuzz.txt": found}, rules, __version__)
    summaries = {rule.code: rule.summary for rule in rules}
    render_full(found, lambda path: document.source.lines, summaries, io.StringIO())
