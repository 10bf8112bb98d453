"""typer's own words in `--help` (Usage, Options, Show this message and exit., <int range>) in
the run's language.

budgetlint's help texts go through the catalogue when the commands are defined; the words
typer and click write around them do not.  A help formatter translates them as they are
written, and the commands use it through their context class (click's documented hook:
``Context.formatter_class``).  The classes are derived from the ones typer uses, so the
vendored click of typer ≥ 0.28 and the separate click before it both work.
"""

from __future__ import annotations

import re

from typer.core import TyperCommand, TyperGroup

from budgetlint.i18n import t

_BaseContext = TyperCommand.context_class
# phrases typer and click write into a help text, each translated where it stands
_PHRASES = ("Show this message and exit.", "<int range>", "<int>", "<str>", "<float>", "<path>", "[OPTIONS]",
            "COMMAND [ARGS]...")
_EXTRAS = re.compile(r"\[((?:default: [^;\]]*|required|-?\d+<=x<=-?\d+|x>=-?\d+)(?:; [^\]]*)?)\]")  # `[default: 8000; 1<=x<=65535]`
_PARTS = ((re.compile(r"default: (.*)"), "default: {0}"), (re.compile(r"required"), "required"),
          (re.compile(r"(-?\d+)<=x<=(-?\d+)"), "from {0} to {1}"), (re.compile(r"x>=(-?\d+)"), "at least {0}"))


def _extra(part: str) -> str:
    """One of typer's notes after an option's help (`default: 8000`, `1<=x<=65535`), translated."""
    for pattern, words in _PARTS:
        found = pattern.fullmatch(part)
        if found:
            return t(words).format(*found.groups())
    return part


def _translated(text: str) -> str:
    for phrase in _PHRASES:
        if phrase in text:
            text = text.replace(phrase, t(phrase))
    return _EXTRAS.sub(lambda m: "[" + t("; ").join(_extra(p) for p in m.group(1).split("; ")) + "]", text)


class _Formatter(_BaseContext.formatter_class):  # type: ignore[misc,name-defined]
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, _translated(args), t("Usage: "))

    def write_heading(self, heading: str) -> None:
        super().write_heading(t(heading))

    def write_dl(self, rows, *args, **kwargs) -> None:
        super().write_dl([(_translated(term), _translated(text)) for term, text in rows], *args, **kwargs)


class _Context(_BaseContext):  # type: ignore[misc,valid-type]
    formatter_class = _Formatter


class Command(TyperCommand):
    """A command whose help is in the run's language throughout."""

    context_class = _Context


class Group(TyperGroup):
    """The group of commands, its help in the run's language throughout."""

    context_class = _Context
