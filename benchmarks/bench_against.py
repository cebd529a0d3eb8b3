"""In-process lint time per example, now against an earlier revision, in one run.

Run:  python benchmarks/bench_against.py REV [--repeat N] [--rounds R]

Checks REV out in a temporary git worktree and times, in separate processes
that take turns (so that both see the same load of a shared machine), the
reading and linting of each example document with every rule: the median
over ``repeat`` runs, the best of ``rounds`` rounds. Prints one table with
the ratio now / REV.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

_PROBE = """
import json, statistics, sys, time
from pathlib import Path
import budgetlint
from budgetlint.engine import lint_document, load_rules
rules = load_rules()
repeat = int(sys.argv[1])
found = {}
for name in sys.argv[2:]:
    data = Path(name).read_bytes()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        lint_document(budgetlint.read_bytes_document(data, name), rules)
        times.append((time.perf_counter() - start) * 1000)
    found[Path(name).name] = statistics.median(times)
print(json.dumps(found))
"""


def _run(source: Path, repeat: int, files: list[str]) -> dict:
    environment = dict(os.environ, PYTHONPATH=str(source))
    output = subprocess.run(
        [sys.executable, "-c", _PROBE, str(repeat), *files],
        env=environment,
        cwd=source,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(output.stdout)


def _layout(tree: Path) -> Path:
    """An importable copy of a checkout: rules/ and grammars/ inside budgetlint/,
    as the installed package has them."""
    for name in ("rules", "grammars"):
        link = tree / "budgetlint" / name
        if not link.exists():
            link.symlink_to(tree / name, target_is_directory=True)
    return tree


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    files = [str(p) for p in sorted(EXAMPLES.glob("*.txt"))]
    with tempfile.TemporaryDirectory() as temporary:
        before_tree = Path(temporary) / "before"
        now_tree = Path(temporary) / "now"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(before_tree), args.revision],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(now_tree), "HEAD"], cwd=ROOT, check=True, capture_output=True
        )
        try:
            before_source, now_source = _layout(before_tree), _layout(now_tree)
            before: dict = {}
            now: dict = {}
            for _ in range(args.rounds):
                for name, value in _run(before_source, args.repeat, files).items():
                    before[name] = min(value, before.get(name, value))
                for name, value in _run(now_source, args.repeat, files).items():
                    now[name] = min(value, now.get(name, value))
        finally:
            for tree in (before_tree, now_tree):
                subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, capture_output=True)
    print(f"| document | {args.revision[:10]} ms | HEAD ms | ratio |")
    print("|---|---|---|---|")
    for name in before:
        print(f"| {name} | {before[name]:.1f} | {now[name]:.1f} | {now[name] / before[name]:.2f}× |")


if __name__ == "__main__":
    main()
