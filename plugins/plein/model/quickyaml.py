"""`quick_loads`: what `yamlio.loads` returns, for the documents where that is certain.

yamlio composes nodes in Python so that it can refuse anchors, aliases and tags event by
event; a text without any '&', '*' or '!' cannot hold one, and then libyaml's own (C)
composer builds the same nodes with the same marks, and `_value` builds the same values
as yamlio's constructor. Anything else — those characters, deep nesting, every error,
duplicate keys, odd keys, unusual tags or characters — is UNSURE: the caller uses yamlio,
which gives the real result or message. Reads YAML 2.5 times as fast (40 µs a file).
"""
from __future__ import annotations

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from . import yamlio
from .lineyaml import UNSURE
from .yamlio import _BAD_CHARS, Mapping, _Resolver

try:
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - PyYAML without libyaml: always the full reader
    CParser = None

MAX_QUICK = 50_000  # characters; longer texts are rare, and the full reader is fine for them
MAX_INDICATORS = 400  # '[', '{', '-', ':', '?' bound the nesting depth libyaml's composer sees
_T = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL, MAP, SEQ = (_T + t for t in ("str", "int", "float", "bool", "null", "map", "seq"))
_KEY_TAGS = (STR, INT, FLOAT, BOOL)


class _Unsure(Exception):
    pass


_IMPLICIT = dict(_Resolver.yaml_implicit_resolvers)  # first character -> [(tag, pattern)]


if CParser is not None:
    class _Composer(CParser, _Resolver):
        """libyaml's parser and composer with Plein's resolver (the implicit types it allows)."""

        def __init__(self, stream):
            CParser.__init__(self, stream)
            _Resolver.__init__(self)

        # BaseResolver's methods, for a resolver without path or wildcard resolvers (as
        # yamlio's): called for every node, they were a quarter of the time
        def resolve(self, kind, value, implicit):
            if kind is ScalarNode:
                if implicit[0]:
                    for tag, pattern in _IMPLICIT.get(value[:1], ()):
                        if pattern.match(value):
                            return tag
                return STR
            return SEQ if kind is SequenceNode else MAP

        def descend_resolver(self, current_node, current_index):
            pass

        def ascend_resolver(self):
            pass


def _plain(text: str) -> bool:
    """Can this text hold no anchor, alias or tag, nor nest deeply, and does yamlio itself
    trust libyaml with it (not with a byte-order mark inside, for one)?"""
    if CParser is None or _Resolver.yaml_path_resolvers or None in _IMPLICIT:
        return False  # a resolver this module does not mirror
    if len(text) > MAX_QUICK or "&" in text or "*" in text or "!" in text:
        return False
    if sum(map(text.count, "[{-:?")) > MAX_INDICATORS:
        return False
    return getattr(yamlio, "loader_for", lambda t: yamlio._FastLoader)(text) is yamlio._FastLoader


def quick_loads(text: str, first_line: int = 1):
    """yamlio.loads(text, first_line) when it is certain to succeed, else UNSURE."""
    if not _plain(text):
        return UNSURE
    composer = _Composer(text)
    try:
        node = composer.get_single_node()
    except yaml.YAMLError:
        return UNSURE
    finally:
        composer.dispose()
    if node is None:
        return None
    # yamlio shifts lines only when the document is a mapping
    offset = first_line - 1 if isinstance(node, MappingNode) else 0
    try:
        return _value(node, offset)
    except (_Unsure, ValueError, RecursionError, OverflowError):
        return UNSURE


def _value(node, offset: int):
    """The value of one node, as yamlio's constructor makes it (see yaml.constructor)."""
    tag = node.tag
    if tag == STR:
        if _BAD_CHARS.search(node.value):
            raise _Unsure
        return node.value
    if tag == MAP:
        result = Mapping()
        result.lines = lines = {}
        result.line = node.start_mark.line + 1 + offset
        for key_node, value_node in node.value:
            if key_node.tag not in _KEY_TAGS:
                raise _Unsure  # yamlio reports 'a key must be plain text'
            key = str(_value(key_node, offset))
            if key in result:
                raise _Unsure  # yamlio reports the duplicate
            result[key] = _value(value_node, offset)
            lines[key] = key_node.start_mark.line + 1 + offset
        return result
    if tag == SEQ:
        return [_value(item, offset) for item in node.value]
    if tag == NULL:
        return None
    if tag == BOOL:
        return {"true": True, "false": False}[node.value.lower()]
    if tag == INT or tag == FLOAT:
        value = node.value.replace("_", "")
        sign = -1 if value[0] == "-" else 1
        if value[0] in "+-":
            value = value[1:]
        if tag == INT:
            return 0 if value == "0" else sign * int(value)
        return sign * float(value.lower())
    raise _Unsure
