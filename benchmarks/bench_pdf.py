"""PDF reading time per page, against the PDF library's own plain extraction
of the same file in the same run (the floor).

Run:  python benchmarks/bench_pdf.py [--repeat N] [PDF...]
      (default: the PDFs in tests/pdf/; give ../shared/corpus/*.pdf for the corpus)

For each PDF: the floor is pdfplumber opening the file and calling
``extract_text()`` on every page; budgetlint is ``read_bytes_document`` (ruled
tables from their geometry, the text outside them, layout into a Document).
Prints the median of each in seconds, per page in milliseconds, and the
ratio. Target (issue 7): at most 1.5× the floor.
"""

from __future__ import annotations

import argparse
import io
import statistics
from pathlib import Path

from timing import machine_speed, timings_ms

from budgetlint import read_bytes_document

TESTS = Path(__file__).resolve().parent.parent / "tests" / "pdf"
UNREADABLE = ("encrypted.pdf", "no_text_layer.pdf")


def plain_extraction(data: bytes) -> int:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("pdfs", nargs="*")
    args = parser.parse_args()
    paths = [Path(p) for p in args.pdfs] or sorted(p for p in TESTS.glob("*.pdf") if p.name not in UNREADABLE)
    print(machine_speed())
    print(f"{'document':44} {'pages':>5} {'floor s':>8} {'ours s':>8} {'ms/page':>8} {'ratio':>6}")
    floors = ours = 0.0
    for path in paths:
        data = path.read_bytes()
        document = read_bytes_document(data, str(path))  # warm-up (imports), and the page count
        pages = len(document.source.pages)
        floor = statistics.median(timings_ms(lambda data=data: plain_extraction(data), args.repeat)) / 1000
        mine = (
            statistics.median(
                timings_ms(lambda data=data, name=str(path): read_bytes_document(data, name), args.repeat)
            )
            / 1000
        )
        floors, ours = floors + floor, ours + mine
        print(f"{path.name[:44]:44} {pages:5d} {floor:8.2f} {mine:8.2f} {mine / pages * 1000:8.1f} {mine / floor:6.2f}")
    print(f"{'all':44} {'':5} {floors:8.2f} {ours:8.2f} {'':8} {ours / floors:6.2f}")


if __name__ == "__main__":
    main()
