"""The HTML report in a real browser: headless Chromium (the Debian package,
which .ci/run installs) loads the page; the test reads the rendered DOM to
check the highlighted cells and the links between cells and findings, and
keeps a screenshot in its temporary folder."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import SEEDS

from budgetlint.cli import main

CHANGSHA = Path(__file__).resolve().parent / "pdf" / "changsha_guoziwei_2020_p7-8.pdf"
BROWSER = next(
    (shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)), None
)


class _Page(HTMLParser):
    """What the test needs of the DOM: elements by id, table cells, and links."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.cells: list[dict] = []  # td: id, classes, link, text
        self.items: list[dict] = []  # finding li: id, links
        self.external: list[str] = []
        self._td = self._li = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag in ("link", "script", "img") and (attrs.get("src") or attrs.get("href")):
            self.external.append(attrs.get("src") or attrs.get("href"))
        if tag == "td":
            self._td = {"id": attrs.get("id"), "classes": (attrs.get("class") or "").split(), "link": None, "text": ""}
            self.cells.append(self._td)
        if tag == "li" and attrs.get("id"):
            self._li = {"id": attrs["id"], "links": []}
            self.items.append(self._li)
        if tag == "a" and attrs.get("href", "").startswith("#"):
            if self._td is not None:
                self._td["link"] = attrs["href"][1:]
            if self._li is not None:
                self._li["links"].append(attrs["href"][1:])

    def handle_endtag(self, tag):
        if tag == "td":
            self._td = None
        if tag == "li":
            self._li = None

    def handle_data(self, data):
        if self._td is not None:
            self._td["text"] += data


def _check(page: "_Page", markup: str) -> None:
    """What the report must show, in a page as parsed or as a browser rendered it."""
    assert page.external == []  # self-contained: no script, style sheet or image from elsewhere
    offending = [cell for cell in page.cells if "offending" in cell["classes"]]
    related = [cell for cell in page.cells if "related" in cell["classes"]]
    # every highlighted cell links to its finding, and that finding links back to the cell
    items = {item["id"]: item for item in page.items}
    for cell in offending:
        assert cell["link"] in items, cell
        assert cell["id"] in items[cell["link"]]["links"], cell
    texts = {cell["text"] for cell in offending}
    assert {"33.13%", "84.69%"} <= texts  # 000's BL507, 长沙's BL501
    assert "44.45%" in {cell["text"] for cell in related}  # the rate BL507 compares with
    assert all(cell["link"] in items for cell in related)
    # findings of the running text are listed with their figure marked
    assert "<mark>3</mark>" in markup


def _report(tmp_path) -> Path:
    report = tmp_path / "report.html"
    assert main([str(SEEDS["000"]), str(CHANGSHA), "--format", "html", "--output", str(report)]) == 1
    return report


def test_the_report_as_written(tmp_path):
    """The page itself, without a browser: the same checks on its markup; and a document's
    text that looks like markup is shown, not obeyed."""
    report = _report(tmp_path)
    page = _Page()
    markup = report.read_text(encoding="utf-8")
    page.feed(markup)
    _check(page, markup)
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("收入 3 万元，其中 <b>财政拨款</b> 占 150%。\n", encoding="utf-8")
    main([str(hostile), "--format", "html", "--output", str(tmp_path / "hostile.html")])
    assert "<b>" not in (tmp_path / "hostile.html").read_text(encoding="utf-8")


@pytest.mark.skipif(BROWSER is None, reason="no Chromium: apt-get install chromium (as .ci/run does)")
def test_the_report_in_a_headless_browser(tmp_path):
    report = _report(tmp_path)
    browser = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
    dom = subprocess.run([*browser, "--dump-dom", report.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr
    page = _Page()
    page.feed(dom.stdout)
    _check(page, dom.stdout)
    screenshot = tmp_path / "report.png"
    shot = subprocess.run(
        [*browser, "--window-size=1400,2000", f"--screenshot={screenshot}", report.as_uri()],
        capture_output=True,
        timeout=120,
    )
    assert shot.returncode == 0 and screenshot.stat().st_size > 10_000
