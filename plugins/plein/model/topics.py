"""One topic however it is written: the normal form of a topic, and the slug rule.

Real organisations write one topic as 'GraphQL' and 'graphql', 'frontend_graphql' and
'Frontend GraphQL', 'Create:Editor' and 'Create: Editor', 'CI/CD' and 'cicd', 'compiler'
and 'compilers'. `topic_key` folds all of these to one key: case, accents, `_ - : /` and
spaces, simple English and Dutch plurals, and a small list of synonyms a site can extend
(`topic_synonyms` in mkdocs.yml). The key is for comparing only; pages show the spelling most
people use, and slugs are made from that spelling.

Symbols that carry meaning ('C++', 'C#', '.NET', 'F#') are named before anything else, so
that they survive: in keys ('cplusplus'), in search words (the same), and in slugs
('c-plus-plus'). search/browser/engine.js copies SYMBOLS and `slugify`; tests/test_topics.py
runs the same cases through both.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from types import MappingProxyType
from typing import Mapping

# symbol words and their names; a slug writes the name with '-', a key and a search word joined
SYMBOLS = {"c++": "c plus plus", "c#": "c sharp", "f#": "f sharp", ".net": "dotnet"}
SYMBOL = re.compile(r"(?<![^\W_])(?:c\+\+|c#|f#|\.net)(?![^\W_]|[+#])", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")
_APOSTROPHE_S = re.compile(r"(?<=[^\W_])['’]s\b")

# The built-in synonyms (any spelling → the topic it is): only abbreviations that mean one thing
# in an organisation. tools/check-topic-synonyms checks them, and that `topic_key` merges no two
# distinct topics, against GitHub's curated topic list (github/explore: 1,255 topics, 2,087 aliases).
SYNONYMS = {
    "k8s": "kubernetes", "cpp": "c++", "js": "javascript", "ts": "typescript", "golang": "go",
    "postgres": "postgresql", "psql": "postgresql", "ml": "machine learning",
    "artificial intelligence": "ai", "kunstmatige intelligentie": "ai",
    "ux": "user experience", "ui": "user interface", "a11y": "accessibility", "i18n": "internationalisation",
    "internationalization": "internationalisation", "l10n": "localisation", "localization": "localisation",
    "py": "python",
}

# words that end like a plural but are not one (or whose singular is another topic)
_KEEP = frozenset({
    "kubernetes", "jenkins", "windows", "news", "ios", "macos", "ipados", "watchos", "chaos", "kudos",
    "ethos", "series", "species", "gegevens", "ops", "devops", "devsecops", "mlops", "gitops", "finops",
    "secops", "dataops", "aiops", "llmops", "noops", "sales", "postgres", "redis", "rails", "pandas",
    "express", "less", "sass", "canvas", "atlas", "mathematics", "physics", "economics", "ethics",
    "analytics", "statistics", "logistics", "graphics", "robotics", "linguistics", "politics",
})


def _singular(word: str) -> str:
    """A word with a simple English or Dutch plural folded ('compilers' → 'compiler',
    'toepassingen' → 'toepassing'); acronyms ('GIS', 'AWS') and the words of _KEEP stay.
    Final 'e' and 'y'/'ie' are folded too, so that 'caches'/'cache', 'approaches'/'approach',
    'policies'/'policy' and 'cookies'/'cookie' meet: the result is a key, not a word to show."""
    if len(word) > 1 and word.isupper():
        return word.casefold()  # an acronym: 'GIS', 'AWS', 'CSS'
    if len(word) > 2 and word[:-1].isupper() and word[-1] == "s":
        return word[:-1].casefold()  # 'APIs', 'KPIs'
    w = word.casefold()
    if len(w) <= 3 or w in _KEEP or not w.isalpha():
        return w
    if w.endswith(("ieen", "eeen")):  # 'categorieën', 'ideeën' (accents are gone by now)
        w = w[:-2]
    elif w.endswith("heden") and len(w) > 7:  # 'mogelijkheden'
        w = w[:-5] + "heid"
    elif w.endswith(("ingen", "teiten", "schappen")):  # 'toepassingen', 'activiteiten'
        w = w[:-4] + "p" if w.endswith("schappen") else w[:-2]
    elif w.endswith("ssen") and len(w) > 6:  # 'processen' → 'proces', then as 'proces' below
        w = w[:-3]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w.endswith("y"):  # 'policy' and 'policies' are 'polici', as 'cookie(s)' are 'cooki'
        w = w[:-1] + "i"
    return w


def _unaccent(text: str) -> str:
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFKD", text)
                                                if unicodedata.category(c) != "Mn"))


def name_symbols(text: str, joiner: str = "") -> str:
    """Symbol words replaced by their names: 'C++ en C#' → ' cplusplus  en  csharp ' (joiner
    '') or ' c-plus-plus  en  c-sharp ' (joiner '-'), so that tokenisers keep them."""
    return SYMBOL.sub(lambda m: f" {SYMBOLS[m.group(0).casefold()].replace(' ', joiner)} ", text)


def topic_words(label: str) -> list[str]:
    """The folded words of a label: symbols named, split on everything but letters and
    digits (so on `_ - : /` and spaces), plurals folded, accents and case removed."""
    return list(_topic_words(label))


@functools.lru_cache(maxsize=1 << 16)  # a site has few labels, asked many times (every topic of search)
def _topic_words(label: str) -> tuple[str, ...]:
    text = _APOSTROPHE_S.sub("s", name_symbols(unicodedata.normalize("NFKC", label)))  # "API's": APIs
    return tuple(_singular(_unaccent(w)) for w in _WORD.findall(text))


@functools.lru_cache(maxsize=1 << 16)
def _fold(label: str) -> str:
    key = "".join(topic_words(label))
    return key or " ".join(unicodedata.normalize("NFKC", label).split()).casefold()


def synonym_table(extra: Mapping | None = None) -> dict:
    """{key: key} of the built-in synonyms with a site's own (`topic_synonyms`) over them."""
    table = {_fold(k): _fold(v) for k, v in SYNONYMS.items()}
    for k, v in (extra or {}).items():
        table[_fold(str(k))] = _fold(str(v))
    return {k: v for k, v in table.items() if k != v}


def synonym_words(extra: Mapping | None = None) -> Mapping:
    """{key: the spellings of the synonym lists that mean it} ('kubernetes': ('k8s', 'kubernetes')),
    so that search finds a topic by the words of its synonyms too."""
    out: dict = {}
    for k, v in (*SYNONYMS.items(), *(extra or {}).items()):
        out.setdefault(_fold(str(v)), {}).update(dict.fromkeys((str(k), str(v))))
    return MappingProxyType({key: tuple(words) for key, words in out.items()})


BUILT_IN: Mapping = MappingProxyType(synonym_table())
BUILT_IN_WORDS: Mapping = synonym_words()


def topic_key(label: str, synonyms: Mapping | None = None) -> str:
    """The one normal form of a topic: 'GIS', ' gis ' and 'Gis' are one topic, and so are
    'CI/CD' and 'cicd', 'Front-End' and 'frontend', 'compilers' and 'compiler', 'k8s' and
    'Kubernetes'. `synonyms`: a table of `synonym_table` (default: the built-in one)."""
    key = _fold(label)
    return (BUILT_IN if synonyms is None else synonyms).get(key, key)


def slugify(text: str) -> str:
    """A readable URL part: 'C++' → 'c-plus-plus', '.NET' → 'dotnet', 'Open source' → 'open-source'."""
    text = unicodedata.normalize("NFKD", name_symbols(text, "-")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"
