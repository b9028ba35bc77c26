"""The language of each text a page shows, so that a screen reader pronounces an English
reply on a Dutch intranet as English (WCAG 3.1.2, language of parts).

The author may declare it (`language:` in the record); otherwise py3langid (a naive Bayes
model that ships its data in the wheel) detects it. Detection runs once per distinct text:
its results are kept by a hash of the text in the cache folder, and the model (half a
second to load) is loaded only when a text is new."""
from __future__ import annotations

import json
import os
import tempfile
from hashlib import blake2b
from pathlib import Path

from ..model.fields import LANGUAGES

MIN_CHARS = 40  # shorter texts are guessed poorly: they keep the page's language
MIN_CONFIDENCE = 0.95
# the model knows these of the languages a record may declare (not fy, pap, so, ti)
DETECTABLE = ("nl", "en", "de", "fr", "es", "it", "pt", "tr", "ar", "pl", "uk", "ro", "zh", "hi", "ta")
CACHE_FILE = "languages.json"


def text_of(record) -> str:
    """The free text of a record that says which language it is in."""
    parts = [getattr(record, name, "") for name in ("title", "summary", "body", "bio", "description")]
    return "\n".join(p for p in parts if p)


class Languages:
    def __init__(self, site_language: str, cache_dir: Path | None = None):
        self.site = site_language
        self.path = cache_dir / CACHE_FILE if cache_dir else None
        self.known: dict[str, str] = self._read()
        self._identifier = None
        self._changed = False

    def attr(self, record) -> str:
        """The `lang` a record's text needs on a page in the site's language, or ''."""
        code = getattr(record, "language", "") or self.detect(text_of(record))
        return "" if code in ("", "other", self.site) else code

    def detect(self, text: str) -> str:
        """The language of `text`, or '' when it is too short or the model is unsure."""
        if len(text) < MIN_CHARS:
            return ""
        key = blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
        code = self.known.get(key)
        if code is None:
            code = self.known[key] = self._classify(text)
            self._changed = True
        return code

    def learn(self, answers: dict) -> None:
        """Answers found elsewhere (site.bodies: in a copy of this process), to be saved too."""
        new = {k: v for k, v in answers.items() if k not in self.known}
        if new:
            self.known.update(new)
            self._changed = True

    def _classify(self, text: str) -> str:
        if self._identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier
            self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            self._identifier.set_languages([c for c in DETECTABLE if c in LANGUAGES])
        code, confidence = self._identifier.classify(text)
        return code if confidence >= MIN_CONFIDENCE else ""

    def _read(self) -> dict:
        if self.path is None:
            return {}
        try:
            known = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return known if isinstance(known, dict) else {}

    def save(self) -> None:
        """Keep what was detected for the next build (one writer wins; both are right)."""
        if self.path is None or not self._changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".languages-", dir=self.path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(self.known, fh, separators=(",", ":"))
        os.replace(tmp, self.path)
        self._changed = False
