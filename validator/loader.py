"""Read YAML and JSON within bounds: file size, nesting depth, alias expansion, numbers and dates.

The one reader of every YAML or JSON file the kit takes in (template files, answers files,
process.yml), on the command line and in the page's Python alike; pure Python (PyYAML's own
pure-Python loader, which Pyodide has too). A refusal is a `LoadError`: one line naming the
file, and the line and field when known.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from validator.errors import SourceError

# 2 MB: a bulk file of about 1,600 templates of 700 characters. Measured with CPython 3.11 on the
# project's shared 2-core machine: 2 MB of YAML loads in 5.5 s (pure-Python PyYAML, as in the
# page; 10 MiB traced at peak), 2 MB of JSON in 0.4 s (7 MiB); checking those templates then
# takes 18-25 s and 27-33 MB in all (wa-check).
MAX_BYTES = 2_000_000
# Templates nest 3 deep, answers 4, process.yml 6.
MAX_DEPTH = 32
# Values a document may hold once its aliases are expanded (a document without aliases of
# MAX_BYTES holds at most about a million).
MAX_NODES = 1_000_000
# Digits of a whole number (a Business Manager ID has at most 20).
MAX_DIGITS = 40

Field = tuple[str | int, ...]


def field_name(path: Field) -> str:
    """A data path as ``templates[3].examples``; ``(top)`` for the document itself."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top)"


_KEY = re.compile(r"([A-Za-z_][\w-]*)\s*:")


def field_at_line(text: str, line: int) -> str:
    """Best-effort field path of block-style YAML at `line` (for a refusal that has only a line)."""
    stack: list[tuple[int, str | int]] = []
    counters: dict[tuple[str | int, ...], int] = {}
    for raw in text.splitlines()[:line]:
        body = raw.rstrip()
        rest = body.lstrip(" ")
        if not rest or rest.startswith("#"):
            continue
        indent = len(body) - len(rest)
        if rest.startswith("- ") or rest == "-":
            while stack and (
                stack[-1][0] > indent or (stack[-1][0] == indent and isinstance(stack[-1][1], int))
            ):
                stack.pop()
            parent = tuple(p for _, p in stack)
            counters[parent] = counters.get(parent, -1) + 1
            stack.append((indent, counters[parent]))
            rest = rest[1:].lstrip(" ")
            indent = len(body) - len(rest)
        else:
            while stack and stack[-1][0] >= indent:
                stack.pop()
        match = _KEY.match(rest)
        if match:
            stack.append((indent, match.group(1)))
    return field_name(tuple(p for _, p in stack))


class LoadError(SourceError):
    """A file refused before anything reads its content: names the file, line and field."""

    TEXTS = "load"  # its messages are validator/texts.toml's load_<key>

    def __init__(
        self, key: str, *, file: str, line: int | None = None, field: str = "", **args: object
    ) -> None:
        """Remember where (file, line, field) and what (a message key and its arguments)."""
        super().__init__(key, **args)
        self.file = file
        self.line = line
        self.field = field
        self.args = (str(self),)

    def reason(self, lang: str = "en") -> str:
        """What is wrong, without the place."""
        return super().message(lang)

    def message(self, lang: str = "en") -> str:
        """``file:line: field: what is wrong`` on one line (line and field when known)."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        text = f"{where}: {self.field}: " if self.field else f"{where}: "
        return " ".join((text + self.reason(lang)).split())

    def __str__(self) -> str:
        """The English line."""
        return self.message("en")


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())[:200]


def decode(data: bytes, file: str, limit: int = MAX_BYTES) -> str:
    """UTF-8 bytes (a BOM allowed) as text; refuses more than `limit` bytes and other encodings."""
    if len(data) > limit:
        raise LoadError("too_big", file=file, limit=limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = f"0x{data[error.start]:02x}"
        raise LoadError("not_utf8", file=file, line=line, byte=byte) from error


def read_text(path: str | Path, file: str | None = None, limit: int = MAX_BYTES) -> str:
    """A file's text within `limit` bytes; `file` is the name messages give (default: path)."""
    name = str(path) if file is None else file
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise LoadError("unreadable", file=name, reason=reason) from error
    return decode(data, name, limit)


def check_size(text: str, file: str, limit: int = MAX_BYTES) -> None:
    """Refuse text whose UTF-8 form is larger than `limit` bytes (content that arrived as text)."""
    if len(text) > limit or (len(text) * 4 > limit and len(text.encode(errors="replace")) > limit):
        raise LoadError("too_big", file=file, limit=limit)


# --- YAML ---------------------------------------------------------------------------------------


def _yaml() -> Any:
    try:
        import yaml
    except ImportError:  # pragma: no cover - Pyodide without PyYAML
        return None
    return yaml


_LOADERS: dict[str, type] = {}


def _bounded_loader(yaml: Any, *, any_tag: bool = False) -> type:
    """The bounded loader; `any_tag`: unknown tags (``!!python/name:`` in mkdocs.yml) are None."""
    if "yaml" not in _LOADERS:
        _LOADERS["yaml"] = _make_loader(yaml)
        tolerant = type("TolerantLoader", (_LOADERS["yaml"],), {})
        tolerant.add_multi_constructor("", lambda _loader, _suffix, _node: None)
        _LOADERS["any_tag"] = tolerant
    return _LOADERS["any_tag" if any_tag else "yaml"]


def _make_loader(yaml: Any) -> type:
    """PyYAML's pure-Python SafeLoader composing within MAX_DEPTH and MAX_NODES."""
    from yaml.events import AliasEvent

    class Loader(yaml.SafeLoader):
        """Counts depth and expanded values while composing; turns bad scalars into LoadError."""

        file = "-"

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.depth = 0
            self.expanded = 0
            self.sizes: dict[int, int] = {}  # id(node) → values under it, aliases expanded

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(AliasEvent):
                event = self.peek_event()
                node = self.anchors.get(event.anchor)
                if node is not None and id(node) not in self.sizes:
                    line = event.start_mark.line + 1
                    raise LoadError("recursive", file=self.file, line=line, anchor=event.anchor)
                self._count(self.sizes.get(id(node), 1), event)
                return super().compose_node(parent, index)
            event = self.peek_event()
            self.depth += 1
            if self.depth > MAX_DEPTH:
                line = event.start_mark.line + 1
                raise LoadError("too_deep", file=self.file, line=line, limit=MAX_DEPTH)
            before = self.expanded
            self._count(1, event)
            node = super().compose_node(parent, index)
            self.depth -= 1
            self.sizes[id(node)] = self.expanded - before
            return node

        def _count(self, size: int, event: Any) -> None:
            self.expanded += size
            if self.expanded > MAX_NODES:
                line = event.start_mark.line + 1
                raise LoadError("too_many", file=self.file, line=line, limit=MAX_NODES)

        def construct_object(self, node: Any, deep: bool = False) -> Any:  # noqa: FBT001, FBT002
            try:
                return super().construct_object(node, deep=deep)
            except (ValueError, OverflowError) as error:
                raise _value_error(self.file, node, error) from error

        def construct_yaml_int(self, node: Any) -> int:
            digits = re.sub(r"[^0-9a-fA-F]", "", str(node.value))
            if len(digits) > MAX_DIGITS:
                line = node.start_mark.line + 1
                raise LoadError("long_number", file=self.file, line=line, limit=MAX_DIGITS)
            return super().construct_yaml_int(node)

    Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_yaml_int)
    return Loader


def _value_error(file: str, node: Any, error: Exception) -> LoadError:
    if isinstance(error, LoadError):
        return error
    value = str(getattr(node, "value", ""))[:40]
    return LoadError(
        "bad_value", file=file, line=node.start_mark.line + 1, value=value, reason=_one_line(error)
    )


def compose_yaml(text: str, file: str, *, any_tag: bool = False) -> tuple[Any, Any]:
    """The YAML document's node tree, composed within bounds, and the loader to construct with.

    For readers that need every value's line (process.yml); `load_yaml` gives plain data.
    """
    yaml = _yaml()
    if yaml is None:
        raise SourceError("no_yaml", path=file)
    check_size(text, file)
    try:
        # The reader refuses control characters when it is made, so that is inside the try.
        loader = _bounded_loader(yaml, any_tag=any_tag)(text)
        loader.file = file
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise LoadError("syntax", file=file, line=line, reason=error.problem or "") from error
    except yaml.YAMLError as error:
        raise LoadError("syntax", file=file, reason=_one_line(error)) from error
    except RecursionError as error:  # a deeply nested node inside a key, beyond compose_node
        raise LoadError("too_deep", file=file, limit=MAX_DEPTH) from error
    return node, loader


def construct(loader: Any, node: Any) -> Any:
    """Plain data of a node composed by `compose_yaml` (numbers and dates checked)."""
    yaml = _yaml()
    try:
        return loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        if "unhashable" in str(error.problem):
            raise LoadError("unhashable", file=loader.file, line=line) from error
        reason = error.problem or ""
        raise LoadError("syntax", file=loader.file, line=line, reason=reason) from error
    except (TypeError, RecursionError) as error:
        raise LoadError("syntax", file=loader.file, reason=type(error).__name__) from error


def load_yaml(text: str, file: str, *, any_tag: bool = False) -> Any:
    """Plain data of a YAML document, or `LoadError` naming the line and the field being written
    there (`any_tag`: see `_bounded_loader`)."""
    try:
        node, loader = compose_yaml(text, file, any_tag=any_tag)
        try:
            return construct(loader, node)
        finally:
            loader.dispose()
    except LoadError as error:
        if error.line and not error.field:
            error.field = field_at_line(text, error.line).removeprefix("(top)")
            error.args = (str(error),)
        raise


# --- JSON ---------------------------------------------------------------------------------------


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def _deepest(text: str) -> int:
    """How deep JSON text nests, counted on its brackets outside strings, before parsing it:
    a parser that recurses (Pyodide's, on a worker's smaller stack) never meets a deep one."""
    depth = deepest = 0
    for bracket in _JSON_BRACKET.findall(_JSON_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _depth_check(data: Any, file: str) -> None:
    """Refuse JSON nested deeper than MAX_DEPTH, naming the path to the deep value."""
    stack: list[tuple[Any, Field]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if len(path) >= MAX_DEPTH:  # the value itself is one level more, as YAML counts
            raise LoadError("too_deep", file=file, field=field_name(path[:4]), limit=MAX_DEPTH)
        if isinstance(value, dict):
            stack.extend((item, (*path, str(key))) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, (*path, i)) for i, item in enumerate(value))


def _json_int(text: str, file: str) -> Callable[[str], int]:
    def parse_int(digits: str) -> int:
        if len(digits.lstrip("-")) > MAX_DIGITS:
            line = text.count("\n", 0, max(text.find(digits), 0)) + 1
            raise LoadError("long_number", file=file, line=line, limit=MAX_DIGITS)
        return int(digits)

    return parse_int


def load_json(text: str, file: str) -> Any:
    """Plain data of a JSON document, or `LoadError`."""
    check_size(text, file)
    if _deepest(text) > MAX_DEPTH:
        raise LoadError("too_deep", file=file, limit=MAX_DEPTH)
    try:
        data = json.loads(text, parse_int=_json_int(text, file))
    except json.JSONDecodeError as error:
        raise LoadError("syntax", file=file, line=error.lineno, reason=error.msg) from error
    except RecursionError as error:
        raise LoadError("too_deep", file=file, limit=MAX_DEPTH) from error
    except ValueError as error:  # a number Python will not convert
        raise LoadError("syntax", file=file, reason=_one_line(error)) from error
    _depth_check(data, file)
    return data


def load(text: str, file: str) -> Any:
    """JSON for a ``.json`` name, YAML otherwise (YAML reads JSON too)."""
    return load_json(text, file) if file.lower().endswith(".json") else load_yaml(text, file)
