"""Regular expressions compiled when first used.

Compiling a pattern with a range of Chinese characters ("[\\u4e00-\\u9fff]") costs
about a millisecond (the compiler visits each of its 21,000 characters), and
budgetlint holds some two hundred patterns, most of which serve only documents
of one kind. Compiling each on first use, instead of at import, takes that cost
off every start and leaves only the patterns a document needs.
"""

from __future__ import annotations

import re

__all__ = ["LazyPattern", "lazy_pattern"]

_ATTRIBUTES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "flags", "groups")


class LazyPattern:
    """A ``re.Pattern`` that compiles itself the first time it is used; from then on
    its methods are the compiled pattern's own, at no further cost."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):
        if name.startswith("__"):  # copy and pickle look for hooks before __init__ has run
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        self.groupindex = compiled.groupindex
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_pattern({self.pattern!r})"


def lazy_pattern(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, compiled when first used."""
    return LazyPattern(pattern, flags)  # type: ignore[return-value]
