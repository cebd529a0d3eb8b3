"""The `full` output: each finding with the line it is on, its figure
underlined, the lines of the related figures, the rule's name and a one-line
hint (its summary). Rich draws it, in colour on a terminal, without colour
under NO_COLOR or when the output is not a terminal."""

from __future__ import annotations

import os

__all__ = ["render_full"]

_TAB = "  "


def _shown(line: str) -> str:
    return line.replace("\t", _TAB)


#: How many characters of a long line are shown before and after the figure.
_BEFORE, _AFTER = 30, 40


def _excerpt(line: str, column: int, end_column: int) -> tuple[str, str]:
    """The part of ``line`` around the figure at ``column`` (a paragraph may be one
    long line) and, under it, spaces up to the figure and carets under it, in display
    cells (a Chinese character is two)."""
    from rich.cells import cell_len

    start = max(0, column - 1 - _BEFORE)
    stop = min(len(line), end_column - 1 + _AFTER)
    head = "…" if start else ""
    tail = "…" if stop < len(line) else ""
    before = cell_len(head + _shown(line[start : column - 1]))
    width = max(1, cell_len(_shown(line[column - 1 : end_column - 1])))
    return head + _shown(line[start:stop]) + tail, " " * before + "^" * width


def render_full(diagnostics, lines_of, summaries: dict, stream, colour: bool | None = None) -> None:
    """Write ``diagnostics`` to ``stream``; ``lines_of(path)`` gives a file's lines as
    budgetlint read them, ``summaries`` each rule's one-line summary."""
    from rich.console import Console
    from rich.markup import escape

    if colour is None:
        colour = stream.isatty() and not os.environ.get("NO_COLOR")
    console = Console(file=stream, no_color=not colour, highlight=False, soft_wrap=True, force_terminal=colour)
    for d in diagnostics:
        lines = lines_of(d.path)
        page = f"第 {d.page} 页：" if d.page is not None else ""
        console.print(f"[bold]{escape(d.path)}:{d.line}:{d.column}:[/] [bold red]{d.code}[/] [magenta]{d.symbol}[/]")
        console.print(f"  {escape(page + d.message)}")
        number = len(str(max([d.line] + [r.line for r in d.related])))
        if 0 < d.line <= len(lines):
            line = lines[d.line - 1]
            end = d.end_column if d.end_line == d.line else len(line) + 1
            shown, caret = _excerpt(line, d.column, end)
            console.print(f"  [dim]{d.line:>{number}} │[/] {escape(shown)}")
            console.print(f"  [dim]{'':>{number}} │[/] [bold red]{caret}[/]")
        for related in d.related:
            if 0 < related.line <= len(lines):
                line = lines[related.line - 1]
                shown, caret = _excerpt(line, related.column, related.end(lines))
                console.print(f"  [dim]{related.line:>{number}} │[/] {escape(shown)}")
                console.print(f"  [dim]{'':>{number}} │[/] [cyan]{caret} {escape(related.message)}[/]")
        if summaries.get(d.code):
            console.print(f"  [green]提示[/]：{escape(summaries[d.code])}（budgetlint rule {d.code}）")
        console.print()
