"""The one YAML reader of Plein: safe, strict, and aware of lines.

Staff files are small and hand-written, so the reader refuses what only ever causes
trouble there: aliases (and so alias bombs), tags (`!!int x`), duplicate keys, and YAML 1.1's
implicit booleans and timestamps (`no` would become False, `2026-02-30` a crash). Dates stay
strings here; the loader parses them and reports impossible ones with their line.
"""
from __future__ import annotations

import re

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

MAX_BYTES = 1_000_000


class YamlError(Exception):
    """A problem in a YAML text, with a 1-based line and column."""

    def __init__(self, message: str, line: int, col: int = 1, hint: str = ""):
        super().__init__(message)
        self.message, self.line, self.col, self.hint = message, line, col, hint


class Mapping(dict):
    """A dict that remembers the line of each key (1-based)."""

    lines: dict
    line: int


class _Resolver(BaseResolver):
    pass


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"), list("-+0123456789"))
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float", re.compile(r"^[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789"))
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


# NUL and lone surrogates: valid in a YAML escape, but unprintable and unencodable.
_BAD_CHARS = re.compile("[\x00\ud800-\udfff]")


class _Constructor(SafeConstructor):
    def construct_mapping(self, node, deep=False):
        if not isinstance(node, yaml.MappingNode):
            raise YamlError("expected a mapping", node.start_mark.line + 1)
        result = Mapping()
        result.lines = {}
        result.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise YamlError("a key must be plain text", line, key_node.start_mark.column + 1,
                                "write the field name, a colon and the value, e.g. 'name: Jan'")
            key = str(key)
            if key in result:
                raise YamlError(
                    f"duplicate key '{key}' (first on line {result.lines[key]})", line,
                    key_node.start_mark.column + 1, "keep one of the two and delete the other")
            result[key] = self.construct_object(value_node, deep=True)
            result.lines[key] = line
        return result

    def construct_scalar(self, node):
        value = super().construct_scalar(node)
        bad = _BAD_CHARS.search(value) if isinstance(value, str) else None
        if bad:  # only reachable through escapes such as \0 or \ud800; they would break the site
            raise YamlError(f"text contains the character U+{ord(bad.group()):04X}, which is not allowed",
                            node.start_mark.line + 1, node.start_mark.column + 1,
                            "remove the escape sequence (\\0, \\x.., \\u....) from the text")
        return value

    def construct_yaml_map(self, node):
        yield self.construct_mapping(node)


_Constructor.add_constructor("tag:yaml.org,2002:map", _Constructor.construct_yaml_map)
for _tag in ("timestamp", "binary", "set", "omap", "pairs"):
    _Constructor.yaml_constructors.pop(f"tag:yaml.org,2002:{_tag}", None)


class _Composer(Composer):
    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise YamlError("aliases (*name) are not allowed", mark.line + 1, mark.column + 1,
                            "write the value out in full")
        event = self.peek_event()
        mark = event.start_mark
        if getattr(event, "anchor", None):
            raise YamlError("anchors (&name) are not allowed", mark.line + 1, mark.column + 1,
                            "remove the &name")
        if getattr(event, "tag", None):  # '!!int x' etc. would reach constructors that crash
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlError(f"tags such as '{tag}' are not allowed", mark.line + 1, mark.column + 1,
                            "remove the tag; put text that starts with '!' between double quotes")
        return super().compose_node(parent, index)


class _Loader(Reader, Scanner, Parser, _Composer, _Constructor, _Resolver):
    def __init__(self, stream):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _Composer.__init__(self)
        _Constructor.__init__(self)
        _Resolver.__init__(self)


try:  # libyaml parses five times faster; our composer and constructor still do every check
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    CParser = None

if CParser is not None:
    class _FastLoader(_Composer, CParser, _Constructor, _Resolver):
        def __init__(self, stream):
            CParser.__init__(self, stream)
            _Composer.__init__(self)
            _Constructor.__init__(self)
            _Resolver.__init__(self)
else:  # pragma: no cover
    _FastLoader = _Loader


def loader_for(text: str):
    """libyaml, except for text it reads differently: a byte-order mark inside the text."""
    return _Loader if "\ufeff" in text else _FastLoader


def _parse(text: str):
    """One document; a syntax error is parsed again in pure Python, whose messages are clearer."""
    try:
        return _construct(loader_for(text), text)
    except yaml.MarkedYAMLError:
        if _FastLoader is _Loader:
            raise
    return _construct(_Loader, text)


def _construct(cls, text: str):
    loader = cls(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _hint_for(problem: str) -> str:
    if "'\\t'" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "put text that contains ': ' between double quotes"
    if "found undefined tag" in problem or "could not determine a constructor" in problem:
        return "remove the '!' tag or quote the value"
    if "another document" in problem:
        return "a file holds one document: remove the '---' line"
    return "check the indentation and quoting on this line"


def loads(text: str, first_line: int = 1):
    """Parse one YAML document; lines in errors and results count from first_line."""
    offset = first_line - 1
    try:
        data = _parse(text)
    except YamlError as err:
        err.line += offset
        raise
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = (mark.line + 1 if mark else 1) + offset
        col = mark.column + 1 if mark else 1
        problem = err.problem or err.context or "invalid YAML"
        if "another document" in problem:  # PyYAML says 'but found another document'
            problem = "a second document starts here"
        hint = _hint_for(problem)
        opened = err.context_mark if "flow" in (err.context or "") else None
        if opened:  # an unclosed [ or { is reported where parsing gave up, not where it opened
            hint = f"close the '[' or '{{' opened on line {opened.line + 1 + offset}"
        raise YamlError(f"invalid YAML: {problem}", line, col, hint) from None
    except yaml.YAMLError as err:
        raise YamlError(f"invalid YAML: {err}", 1 + offset) from None
    except RecursionError:
        raise YamlError("invalid YAML: nested too deeply", 1 + offset,
                        hint="use fewer nested brackets or indentation levels") from None
    if offset and isinstance(data, Mapping):
        _shift(data, offset)
    return data


def _shift(data, offset):
    if isinstance(data, Mapping):
        data.line += offset
        data.lines = {k: v + offset for k, v in data.lines.items()}
        for value in data.values():
            _shift(value, offset)
    elif isinstance(data, list):
        for value in data:
            _shift(value, offset)


def decode(raw: bytes) -> str:
    """Bytes of a staff file to text: UTF-8, a leading byte-order mark tolerated."""
    if len(raw) > MAX_BYTES:  # callers read at most MAX_BYTES + 1, so len(raw) is no real size
        raise YamlError(f"file is too large (more than {MAX_BYTES:,} bytes)", 1,
                        hint="split it up, or move large data out of the repository")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise YamlError("file is not valid UTF-8", line,
                        hint="save the file as UTF-8 in your editor") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise YamlError("file contains a NUL byte", text[: text.index("\x00")].count("\n") + 1,
                        hint="this looks like a binary file; save it as UTF-8 text")
    return text.replace("\r\n", "\n")


_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)  # the line that closes front matter


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Return (front matter YAML, body, line where the body starts)."""
    if not text.startswith("---\n") and text.rstrip("\n") != "---":
        raise YamlError("the file must start with front matter: a line '---', YAML, and '---'", 1,
                        hint="add the fields between two '---' lines at the top")
    end = _CLOSING.search(text, 4)
    if not end:
        raise YamlError("front matter is not closed", 1, hint="add a line '---' after the fields")
    meta = text[4:end.start()]
    body = text[end.end():].lstrip("\n")
    body_line = text[: len(text) - len(body)].count("\n") + 1
    if not body.strip():  # point at the line under the closing '---', not past the file's end
        body_line = text[:end.end()].count("\n") + 2
    return meta, body, body_line


class _Dumper(yaml.SafeDumper):
    """PyYAML's dumper quotes what PyYAML would read as another type; Plein reads with its own
    loader (loads), which takes more for numbers ('1.0e3'): quote what that would not read back."""

    def represent_str(self, data):
        node = super().represent_str(data)
        if node.style is None and "\n" not in data and len(data) < 200:
            try:
                same = loads(f"x: {data}\n").get("x") == data
            except YamlError:
                same = False
            if not same:
                node.style = "'"
        return node


_Dumper.add_representer(str, _Dumper.represent_str)


def dump(data) -> str:
    """YAML text for files Plein writes (new profiles, replies): read back by `loads` as written."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False,
                     width=100)
