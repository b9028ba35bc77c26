"""Fast paths that give exactly what the full ones give, for validation at scale.

1. `quick_loads`: what `yamlio.loads` returns, for the documents where that is certain.
   yamlio composes nodes in Python so that it can refuse anchors, aliases and tags event by
   event; a text without any '&', '*' or '!' cannot hold one, and then libyaml's own (C)
   composer builds the same nodes with the same marks, and `_value` builds the same values
   as yamlio's constructor. Anything else — those characters, deep nesting, every error,
   duplicate keys, odd keys, unusual tags or characters — is UNSURE: the caller uses yamlio,
   which gives the real result or message. Reads YAML 2.5 times as fast (40 µs a file).
2. `check_files`: `plein validate PATHS` without loading every file (see its docstring).
"""
from __future__ import annotations

import stat
from collections import Counter
from pathlib import Path

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


MAX_PATHS = 2000  # more files than this: a full run is about as fast
BASE = ("profiles", "content/teams")  # what checks across files read, whatever the paths


def check_files(root: Path, rels: list[str], cache):
    """(counts, problems) of `plein validate PATHS` for the files `rels`, exactly as a full run
    reports them, without loading every file; None when that is not possible here (a folder
    among the paths, no full scan in the cache yet): then the caller runs in full.

    Checks across files read every profile and team: those folders are scanned, unchanged
    files come from the cache. Of the rest only `rels` are parsed, with what their checks read:
    a reply's thread, a thread's replies. Counts of content outside `rels` are those of the
    last full run (a build or a validate)."""
    from . import load as L
    indexes = {section: cache.loaded(section) for section in L.SECTIONS if section not in BASE}
    refs = cache.refs(BASE)
    if len(rels) > MAX_PATHS or None in indexes.values() or refs is None:
        return None
    found = {}
    for rel in dict.fromkeys(rels):
        if (root / rel).is_dir() or rel in ("", "."):
            return None
        found[rel] = _as_scanned(root, rel)
    with L.quiet_collector():
        return _check_files(root, rels, refs, indexes, found)


def _check_files(root: Path, rels: list[str], refs, indexes: dict, found: dict):
    from . import load as L
    base = [f for f in L.scan(root, BASE) if not L.is_photo(f[0])]
    parsed = L.parse_files(root, base, refs)
    known = {f[0] for f in base}
    others = [item for rel, item in {**found, **_related(root, found)}.items()
              if item is not None and rel not in known]
    extra = L.parse_files(root, others)
    org, problems = L.assemble(root, parsed + extra, photos_of=set(rels))
    from .validate import check
    check(org, problems)
    counts = Counter({"people": len(org.people), "teams": len(org.teams)})
    for kinds, _ in indexes.values():
        counts.update(kinds)
    for (rel, _, _), result in zip(others, extra):  # what changed in the files parsed here
        if f"\n{rel}\n" in indexes.get(L.record_dir(rel), ({}, ""))[1]:
            counts[L.classify(rel)[0]] -= 1
        if result.record is not None:
            counts[result.kind] += 1
    counts = {"people": counts["people"], "teams": counts["teams"], "news": counts["news"],
              "threads": counts["thread"], "updates": counts["update"], "kudos": counts["kudos"]}
    wanted = set(rels)
    return counts, [p for p in problems if p.path in wanted]


def _as_scanned(root: Path, rel: str):
    """The (rel, path, stat key) a full scan gives for the file `rel`, or None when a full
    scan does not read it (outside the record folders, hidden, under a link to a folder)."""
    from . import load as L
    from .load import record_dir
    parts = rel.split("/")
    if record_dir(rel) is None or L.is_photo(rel) or any(p.startswith(".") for p in parts):
        return None
    if not _reached(root, parts[:-1]):
        return None
    path = root / rel
    try:
        st = path.lstat()
    except OSError:
        return None
    if path.is_dir():
        return None
    regular = stat.S_ISREG(st.st_mode)
    key = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino) if regular else None
    return rel, str(path), key


def _reached(root: Path, parts: list[str]) -> bool:
    """Does a full scan walk into the folder `parts`? It follows profiles/ and content/ even as
    links, but no link to a folder below them."""
    if not (root / parts[0]).is_dir():
        return False
    for depth in range(2, len(parts) + 1):
        folder = root.joinpath(*parts[:depth])
        if folder.is_symlink() or not folder.is_dir():
            return False
    return True


def _related(root: Path, found: dict) -> dict:
    """What the checks of these files read besides profiles and teams: the thread of a reply
    (is it an orphan?), the replies of a thread (does 'accepted' name one?)."""
    from . import load as L
    related = {}
    for rel, item in found.items():
        parts = rel.split("/")
        if item is None or parts[:2] != ["content", "discussions"] or len(parts) < 4:
            continue
        thread = "/".join(parts[:3])
        index = f"{thread}/index.md"
        if index not in found:
            related[index] = _as_scanned(root, index)
        if rel == index and _reached(root, parts[:3] + ["replies"]):
            for reply in L.scan_folder(root, f"{thread}/replies"):
                related.setdefault(reply[0], reply)
    return related
