"""Findings: what a rule reports (a Finding, in the document's own spans) and
what a user is shown (a Diagnostic, with path, line and column). A leaf module,
so that the engine, the footnote checks and the packs all import it and not
each other."""

from __future__ import annotations

from .lazy import lazy_pattern
from .records import record

__all__ = ["Diagnostic", "Finding", "Message", "Related", "Severity", "say"]


class Severity:
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@record
class Message:
    """A finding's message as a template per language ("zh", and "en" where the rule
    gives one) with its named arguments, so that every output renders the same
    finding in the language asked for. Templates are the rules' own, never a
    document's text; the arguments are plain values."""

    templates: dict
    arguments: dict

    def render(self, language: str = "zh") -> str:
        """The message in ``language`` (Chinese where the rule gives no other); an
        argument that is a message itself is told in the same language."""
        template = self.templates.get(language) or self.templates["zh"]
        values = {k: v.render(language) if isinstance(v, Message) else _quoted(v) for k, v in self.arguments.items()}
        return template.format(**values)

    def __str__(self) -> str:
        return self.render()


#: The longest text a message quotes in full; a longer one (a line of ten thousand
#: characters read as a label or a formula) is shown by its ends.
QUOTED = 240


def _quoted(value):
    if isinstance(value, str) and len(value) > QUOTED:
        return f"{value[: QUOTED - 40]}……{value[-30:]}"
    return value


def say(zh: str, en: str | None = None, **arguments) -> Message:
    """A message in Chinese and English: ``say("执行率 {rate}", "rate {rate}", rate="76.37%")``."""
    return Message({"zh": zh, "en": en} if en else {"zh": zh}, arguments)


@record
class Finding:
    """What a rule reports: where, what, and the other places it speaks of.

    Spans are any (line, column, end_line, end_column) tuples of the document. The
    message is plain Chinese text or a :class:`Message` (templates and arguments).
    """

    span: tuple
    message: "str | Message"
    related: tuple[tuple[tuple, str], ...] = ()


@record
class Related:
    """Another place a finding speaks of: the other copy of a figure, the footnote."""

    path: str
    line: int
    column: int
    message: str
    page: int | None = None
    #: Where the place ends (exclusive), when known: the whole figure, not its first digit.
    end_line: int | None = None
    end_column: int | None = None

    def end(self, lines) -> int:
        """The column just after the place on its line: its own end, or, where it has
        none (a reading problem's note), the end of the figure printed there."""
        if self.end_line == self.line and self.end_column:
            return self.end_column
        text = lines[self.line - 1] if 0 < self.line <= len(lines) else ""
        found = _FIGURE_TEXT.match(text, self.column - 1)
        return found.end() + 1 if found else self.column + 1


#: A figure as printed: its digits, separators, sign and per cent.
_FIGURE_TEXT = lazy_pattern(r"-?[\d,，.]+%?")
#: "第 12 行", "第 3 页", "文件第 5 行": positions that move when the document is edited.
_POSITIONS = lazy_pattern(r"(第\s*)\d+(\s*[行页])")


@record
class Diagnostic:
    """A finding. Lines and columns count from 1; ``end_column`` is exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    symbol: str
    severity: str
    message: str
    related: tuple[Related, ...] = ()
    page: int | None = None
    #: The message's named arguments, where the rule gives its message as a template.
    arguments: tuple[tuple[str, str], ...] = ()

    @classmethod
    def at(
        cls,
        path: str,
        span,
        code: str,
        symbol: str,
        severity: str,
        message: str,
        related: tuple = (),
        page: int | None = None,
    ) -> "Diagnostic":
        """A diagnostic for the stretch ``span`` (any object with line, column,
        end_line and end_column) of the file at ``path``."""
        return cls(
            path, span.line, span.column, span.end_line, span.end_column, code, symbol, severity, message, related, page
        )

    @property
    def fingerprint(self) -> str:
        """What stays of a finding when the document is edited elsewhere: its rule and
        its message (which names the table, the row and column by their names and the
        figures), without the file's line and page numbers; 16 hex digits. A baseline
        keeps findings by it, and SARIF gives it as the partial fingerprint."""
        import hashlib

        stable = _POSITIONS.sub(r"\1#\2", self.message)
        return hashlib.sha256(f"{self.code}\0{stable}".encode()).hexdigest()[:16]

    def format(self) -> str:
        """pylint style: ``path:line:column: CODE: message (symbol)``; for a PDF the
        page follows the code ("BL220: 第 12 页：…"), line and column being those
        of the text ``budgetlint text`` prints."""
        where = f"第 {self.page} 页：" if self.page is not None else ""
        return f"{self.path}:{self.line}:{self.column}: {self.code}: {where}{self.message} ({self.symbol})"
