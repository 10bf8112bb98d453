"""YAML read with the line of every key, so a rule error can point at its line; no aliases."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

import yaml

Path_ = tuple[Any, ...]  # keys and indices from the document root


class RuleError(Exception):
    """A rule file problem, located: ``file:line: message``."""

    def __init__(self, file: str, line: int | None, message: str):
        self.file, self.line, self.message = file, line, message
        super().__init__(f"{file}:{line}: {message}" if line else f"{file}: {message}")


@dataclass(frozen=True)
class Source:
    """A parsed YAML document and the line where each key or item starts."""

    file: str
    data: Any
    lines: dict[Path_, int]

    def line(self, path: Path_) -> int | None:
        """The line of ``path``, or of its nearest located ancestor."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def error(self, path: Path_, message: str) -> RuleError:
        return RuleError(self.file, self.line(path), message)

    def mappings(self, path: Path_, what: str, keys: tuple[str, ...]) -> Iterator[tuple[Path_, dict]]:
        """The items of the list at ``path`` (a pack's ``table-kinds:``, ``sections:`` …), each with its
        path, every one a mapping of ``keys`` only; ``what`` names an item in the errors."""
        items = self.data
        for key in path:
            items = items[key]
        if not isinstance(items, list):
            raise self.error(path, f"'{path[-1]}' must be a list of {what}s, each a mapping of {', '.join(keys)}")
        for i, raw in enumerate(items):
            where = (*path, i)
            if not isinstance(raw, dict):
                raise self.error(where, f"a {what} is a mapping of {', '.join(keys)}")
            unknown = sorted(set(raw) - set(keys))
            if unknown:
                raise self.error((*where, unknown[0]), f"unknown key '{unknown[0]}' for a {what} (use {', '.join(keys)})")
            yield where, raw


def _convert(node: yaml.Node, path: Path_, lines: dict[Path_, int], seen: set[int], loader: Any, file: str) -> Any:
    """Nodes to Python values, refusing a node met twice: that is an alias.  A 500-byte file of
    nested aliases (a "billion laughs") expands to gigabytes and a recursive one never ends, while
    the composed graph stays small, so aliases are caught here, before anything is expanded; rule
    packs and waivers are written out in full."""
    if id(node) in seen:
        raise RuleError(file, node.start_mark.line + 1, "aliases are not allowed (the value anchored here "
                        "is used again); write the value out")
    seen.add(id(node))
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, path, lines, seen, loader, file)
            if not isinstance(key, (str, int)):
                raise RuleError(file, key_node.start_mark.line + 1, "mapping keys must be plain names")
            if key in out:
                raise RuleError(file, key_node.start_mark.line + 1, f"duplicate key '{key}'")
            lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _convert(value_node, path + (key,), lines, seen, loader, file)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), lines, seen, loader, file) for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node)
    except ValueError as exc:  # an integer of thousands of digits, past Python's limit on converting one
        raise RuleError(file, node.start_mark.line + 1, f"invalid value: {exc}") from None


# libyaml's parser where PyYAML has it (5x faster: the built-in rules are read on every run).
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(text: str, file: str) -> Source:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Path_, int] = {}
        data = _convert(node, (), lines, set(), loader, file) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise RuleError(file, mark.line + 1 if mark else None, f"invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise RuleError(file, None, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    return Source(file, data, lines)
