"""The README's library example runs as written."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_python_example_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```python\n(.*?)```", readme, re.S)[1:]  # the first block is the plug-in sketch
    result = subprocess.run([sys.executable, "-c", example], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "BL110" in result.stdout and "1224.48 2 Span(line=115" in result.stdout
    assert "[]" in result.stdout


def test_readme_rule_pack_example_reads_and_runs(tmp_path):
    import budgetlint
    from budgetlint.packs import parse_pack

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Rule packs") :]
    pack = section[section.index("```\n") + 4 : section.index("\n```", section.index("```\n") + 4)]
    assert [rule.code for rule in parse_pack(pack, "README.md")] == ["AU101", "AU102", "AU103", "AU104"]
    path = tmp_path / "audit.rules"
    path.write_text(pack, encoding="utf-8")
    found = budgetlint.lint_file(ROOT / "examples" / "000_hanyang_2020_final.txt", select=["AU"], packs=[path])
    assert [(d.code, d.line) for d in found] == [("AU104", 228)]  # 表6 was copied from another unit


def test_readme_sample_output_is_what_budgetlint_prints(capsys, monkeypatch):
    from budgetlint.cli import main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("    $ budgetlint examples/000_hanyang_2020_final.txt\n") :]
    block = block[: block.index("    …")]
    shown = [line[4:] for line in block.splitlines()[1:]]
    monkeypatch.chdir(ROOT)
    main(["examples/000_hanyang_2020_final.txt"])
    printed = capsys.readouterr().out.splitlines()
    assert shown and printed[: len(shown)] == shown
