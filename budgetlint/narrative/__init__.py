"""The narrative: statements read from the document's running text, each tied to
the figures it speaks of (see :mod:`.statements`)."""

from __future__ import annotations

from ..model import Document
from .sentences import Sentence, Token, sentences
from .statements import Change, Comparison, Completion, Enumeration, Share, Statements, extract

__all__ = [
    "Change",
    "Comparison",
    "Completion",
    "Enumeration",
    "Sentence",
    "Share",
    "Statements",
    "Token",
    "statements_of",
]


def statements_of(document: Document) -> Statements:
    """Every statement of the document's paragraphs."""
    return extract(sentences(document.paragraphs))
