"""tools/bench runs: its help, and a tiny run that prints the whole report (no timing asserted:
speed goals are in the benchmark's own table)."""
from __future__ import annotations

import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = [str(REPO / ".venv/bin/python"), str(REPO / "tools/bench")]


def test_help_names_every_option():
    done = subprocess.run(BENCH + ["--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    for option in ("--quick", "--sizes", "--cache", "--skip-serve", "--skip-baseline", "--no-example"):
        assert option in done.stdout


def test_tiny_run_prints_the_table_and_the_curve(tmp_path):
    done = subprocess.run(BENCH + ["--sizes", "20,40", "--no-example", "--skip-baseline", "--skip-serve",
                                   "--skip-git", "--skip-search", "--cache", str(tmp_path)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    first = out.splitlines()[0]
    assert first.startswith("machine: ") and "CPUs" in first and "MkDocs" in first and "load average" in first
    assert "| measurement | size | Plein | baseline | ratio | target | met | note |" in out
    for what in ("incremental: 2nd plein build", "validate: no cache, 1 CPU", "validate: warm cache",
                 "hook: validate 1 changed profile"):
        assert what in out
    assert "OUTPUT DIFFERS" not in out  # cached and quick runs print what full runs print
    assert "scaling: per-page build time" in out and "| 40 people |" in out
    assert (tmp_path / "scaling.png").stat().st_size > 1000
    assert (tmp_path / "bench-results.md").read_text() in out + "\n"
    assert not (tmp_path / "org-40" / "mkdocs.yml").exists()  # the organisation is left as generated
