"""Reading + layout time per example document, in process.

Run:  python benchmarks/bench_read.py [--repeat N]

Measures decoding (bytes → Source) and layout (Source → Document) together,
the work every later stage stands on. Prints the median and the fastest run
per document in milliseconds. Target (issue 2): median under 10 ms per seed.

Shared machines run at varying speed, so the first line reports how fast
this one runs plain Python at the moment (``sum(range(1000))``; about 9 µs on
a current laptop): compare runs only together with it.
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from timing import machine_speed, timings_ms

from budgetlint import read_bytes_document

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    print(machine_speed())
    print(f"{'document':36} {'KiB':>6} {'lines':>6} {'tables':>6} {'median ms':>10} {'min ms':>8}")
    for path in sorted(EXAMPLES.glob("*.txt")):
        data = path.read_bytes()
        document = read_bytes_document(data, str(path))  # warm-up, and the counts
        timings = timings_ms(lambda data=data, name=str(path): read_bytes_document(data, name), args.repeat)
        print(
            f"{path.name:36} {len(data) / 1024:6.1f} {len(document.source.lines):6d} {len(document.tables):6d}"
            f" {statistics.median(timings):10.2f} {min(timings):8.2f}"
        )


if __name__ == "__main__":
    main()
