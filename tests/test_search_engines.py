"""The browser's engine (assets/search/engine.js, run in Chromium) and the command line's
(search.engine.py over Whoosh) rank alike, on a generated organisation whose static index is
written in deliberately tiny files, so that split dictionaries, postings heads and prefix
expansions are all exercised on hundreds of queries."""
from __future__ import annotations

import functools
import http.server
import random
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path

import pytest

from plein.model.load import load
from plein.search.documents import documents
from plein.search.engine import Engine
from plein.search.export import export
from plein.search.index import open_index

pytestmark = [pytest.mark.browser, pytest.mark.slow]
sync_api = pytest.importorskip("playwright.sync_api")
REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ENGINE_JS = REPO / "plugins/plein/search/browser/engine.js"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("engines")
    org_dir = tmp / "org"
    subprocess.run([sys.executable, str(REPO / "tools/generate-org"), "--people", "120", "--seed", "7",
                    "-q", str(org_dir)], check=True)
    org, _ = load(org_dir)
    docs = documents(org, datetime(2026, 11, 27, 12, 0), "nl")
    engine = Engine(open_index(tmp / "cache", "nl", docs), "nl")
    web = tmp / "web"
    meta = export(engine, web / "plein-search", {}, {}, pack=600, dict_max=900)
    assert meta["split"], "the test wants split dictionary files"
    (web / "engine.js").write_bytes(ENGINE_JS.read_bytes())
    (web / "index.html").write_text('<!doctype html><meta charset="utf-8"><script src="engine.js"></script>')
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(web)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield engine, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def queries(engine: Engine, n: int = 400) -> list:
    rnd = random.Random(1)
    words = sorted(w.decode() if isinstance(w, bytes) else w for w in engine.reader.lexicon("words"))
    common = sorted(words, key=lambda w: -engine.word_count(w))[:60]
    picked = common + rnd.sample(words, min(120, len(words)))
    out = list(picked)
    out += [w[:k] for w in rnd.sample(picked, 80) for k in (2, 3, 4, 5) if len(w) > k]
    out += [f"{rnd.choice(picked)} {rnd.choice(picked)}" for _ in range(80)]
    out += [f"{rnd.choice(picked)} {rnd.choice(picked)[:4]}" for _ in range(60)]
    out += [w.upper() for w in rnd.sample(picked, 20)] + [f"{w}!" for w in rnd.sample(picked, 20)]
    return out[:n]


def test_same_top_results_and_totals(built, chromium_browser):
    engine, url = built
    qs = queries(engine)
    page = chromium_browser.new_page()
    page.goto(url)
    found = page.evaluate("""async ([root, qs]) => {
        const e = new PleinSearchEngine(root + "plein-search/");
        const out = [];
        for (const q of qs) {
          const r = await e.search(q, null, 10);
          out.push([r.total, r.hits.map(h => [h.id, h.matched, h.score])]);
        }
        return out;
    }""", [url, qs])
    page.close()
    mismatches = []
    for q, (total, hits) in zip(qs, found):
        r = engine.search(q, limit=10)
        mine = [[h.id, h.matched, h.score] for h in r.hits]
        if (total, hits) != (r.total, mine):
            mismatches.append((q, total, r.total, hits[:3], mine[:3]))
    assert not mismatches, f"{len(mismatches)} of {len(qs)} queries differ, e.g. {mismatches[:3]}"
    assert sum(1 for t, _ in found if t) > len(qs) / 2  # most queries found something
