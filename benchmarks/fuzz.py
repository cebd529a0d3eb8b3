"""A long fuzz run of the whole pipeline: reading, every rule, every output format.

Run:  python benchmarks/fuzz.py [--cases 100000] [--jobs 2] [--seed 0]

Each case is a document the way they get damaged: a window of lines of a seed or
corpus text (the PDFs' texts when ../shared/corpus is there), retyped, cut,
joined, shuffled and sprinkled with table characters; now and then re-encoded
(GB18030, UTF-16) or replaced by random bytes. A case fails when any stage raises
(anything but the documented refusal ``NotText``), when a rule reports that it
crashed, when a finding points outside the document, or when the text, JSON and
SARIF outputs cannot be written. Prints the count of cases and failures; the
failing inputs are written to --failures (default: fuzz-failures/) only if any.
Not part of CI: the tests run the same mutations a few hundred times
(tests/test_pipeline_properties.py, with tests/fuzzing.py).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fuzzing import check, mutated  # noqa: E402  (tests/fuzzing.py: shared with the tests)

from budgetlint.engine import load_rules  # noqa: E402
from budgetlint.reading import NotText  # noqa: E402


def _texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "examples").glob("*.txt"))]
    corpus = ROOT.parent / "shared" / "corpus"
    if corpus.is_dir():
        from budgetlint.reading.layout import read_source

        for pdf in sorted(corpus.glob("*.pdf")):
            try:
                texts.append("\n".join(read_source(pdf.read_bytes(), pdf.name).lines))
            except NotText:
                pass
    return texts


_STATE: dict = {}


def _setup(texts: list[str]) -> None:
    _STATE["texts"] = texts
    _STATE["rules"] = load_rules()


def _run(batch: tuple[int, int]) -> tuple[int, list[tuple[int, str, bytes]]]:
    seed, count = batch
    failures = []
    for case in range(seed, seed + count):
        data = mutated(random.Random(case), _STATE["texts"])
        problem = check(data, _STATE["rules"], every_format=case % 10 == 0)
        if problem:
            failures.append((case, problem, data))
    return count, failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--failures", type=Path, default=Path("fuzz-failures"))
    args = parser.parse_args()
    texts = _texts()
    start = time.perf_counter()
    size = 500
    batches = [(args.seed + at, min(size, args.cases - at)) for at in range(0, args.cases, size)]
    done = 0
    failures: list[tuple[int, str, bytes]] = []
    with ProcessPoolExecutor(args.jobs, initializer=_setup, initargs=(texts,)) as pool:
        for count, failed in pool.map(_run, batches):
            done += count
            failures += failed
            if done % 10_000 < size:
                print(f"{done} cases, {len(failures)} failures, {time.perf_counter() - start:.0f} s", flush=True)
    print(f"fuzz: {done} cases from {len(texts)} texts, seed {args.seed}: {len(failures)} failures")
    if failures:
        args.failures.mkdir(exist_ok=True)
        for case, problem, data in failures[:50]:
            (args.failures / f"case-{case}.bin").write_bytes(data)
            (args.failures / f"case-{case}.txt").write_text(problem, encoding="utf-8")
        print(f"the first {min(50, len(failures))} written to {args.failures}/; first: {failures[0][1]}")
        sys.exit(1)


if __name__ == "__main__":
    main()
