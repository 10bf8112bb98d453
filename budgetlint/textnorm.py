"""Text normalisation shared by the loaders and the understanding layer.

Disclosures mix full-width and half-width forms (`（` / `(`, `２` / `2`, `：` / `:`),
insert spaces inside words when a cell wraps or a header is letter-spaced
(`合  计`, `政府 性基 金`), and quote names in several ways.  Comparisons of labels
and headers go through :func:`label_key`; displayed text keeps what was printed.
"""

from __future__ import annotations

import re

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
# one character for one, so offsets into a half-width copy are offsets into the original
_FULLWIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20,
                   0x200B: 0x20, 0xFEFF: 0x20, 0x2212: ord("-")})
# control characters (a terminal escape `\x1b[2J` in a submitted file) become spaces, one for one:
# they must never reach a terminal or a CI log through a quoted label
_CONTROLS = {cp: 0x20 for cp in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0))}
_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans("", "", "“”\"‘’'「」『』")
_DASHES = str.maketrans({"—": "-", "–": "-", "－": "-"})


def printable(text: str) -> str:
    """The text with every control character but tab and line breaks replaced by a space."""
    return text.translate(_CONTROLS)


def halfwidth(text: str) -> str:
    """Full-width ASCII forms and exotic spaces to their plain counterparts."""
    return text.translate(_FULLWIDTH)


def squash(text: str) -> str:
    """Half-width, with every whitespace removed (Chinese text has no word spaces)."""
    return _SPACES.sub("", halfwidth(text))


def clean(text: str) -> str:
    """Half-width, whitespace runs collapsed to one space, ends stripped: for display."""
    return _SPACES.sub(" ", halfwidth(text)).strip()


def label_key(text: str) -> str:
    """The comparison key of a label or header: no spaces, quotes or trailing colon."""
    key = squash(text).translate(_QUOTES).translate(_DASHES)
    return key.rstrip(":")


def despace(text: str) -> str:
    """Printed text without the spaces that wrapping and letter-spacing put inside words."""
    return _SPACES.sub("", text)
