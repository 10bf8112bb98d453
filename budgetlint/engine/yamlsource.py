"""YAML read with the line of every key, so a rule error can point at its line; no aliases."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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


def _convert(node: yaml.Node, path: Path_, lines: dict[Path_, int], loader: yaml.SafeLoader, file: str) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int)):
                raise RuleError(file, key_node.start_mark.line + 1, "mapping keys must be plain names")
            if key in out:
                raise RuleError(file, key_node.start_mark.line + 1, f"duplicate key '{key}'")
            lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _convert(value_node, path + (key,), lines, loader, file)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), lines, loader, file) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


class _Loader(yaml.SafeLoader):
    """Safe YAML without aliases: a 500-byte file of nested aliases (a "billion laughs") expands to
    gigabytes, and a recursive one never ends; rule packs and waivers are written out in full."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, f"aliases (*{event.anchor}) are not allowed; write the "
                                              "value out", event.start_mark)
        return super().compose_node(parent, index)


def read_yaml(text: str, file: str) -> Source:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Path_, int] = {}
        data = _convert(node, (), lines, loader, file) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise RuleError(file, mark.line + 1 if mark else None, f"invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise RuleError(file, None, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    return Source(file, data, lines)
