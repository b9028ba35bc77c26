"""The CI pipelines: both files valid against their published schemas, and the GitLab
pipeline's jobs run for real with gitlab-ci-local (shell executor) on a clone of this project."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TOOLS = REPO / ".cache" / "tools"  # gitignored; `make clean` empties it
GITLAB_CI_LOCAL = "gitlab-ci-local@4.73.0"
OURS = ["ci", ".gitlab-ci.yml", ".github/workflows"]  # the pipeline files, as in the work tree
BIN = Path(sys.executable).parent


def check_jsonschema(schema: str, *files: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, *files],
                          cwd=REPO, capture_output=True, text=True)


def test_gitlab_pipeline_matches_the_published_schema():
    done = check_jsonschema("vendor.gitlab-ci", ".gitlab-ci.yml", "ci/gitlab-ci.yml")
    assert done.returncode == 0, done.stdout + done.stderr


def test_github_workflows_match_the_published_schema():
    workflows = sorted(str(p.relative_to(REPO)) for p in (REPO / ".github/workflows").glob("*.yml"))
    assert workflows == [".github/workflows/intranet.yml"]
    done = check_jsonschema("vendor.github-workflows", *workflows)
    assert done.returncode == 0, done.stdout + done.stderr


def test_github_workflow_deploys_only_checked_builds_of_main():
    from plein.model.yamlio import loads
    flow = loads((REPO / ".github/workflows/intranet.yml").read_text())
    jobs = flow["jobs"]
    assert jobs["deploy"]["needs"] == "build" and jobs["build"]["needs"] == "validate"
    assert "refs/heads/main" in jobs["deploy"]["if"]
    steps = [s.get("uses", s.get("run", "")) for s in jobs["build"]["steps"]]
    assert steps.index("sh ci/linkcheck.sh") < steps.index("actions/upload-pages-artifact@v3")
    for job in jobs.values():
        checkout = [s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout")]
        assert all(s["with"]["fetch-depth"] == 0 for s in checkout)


def gitlab_ci_local() -> Path:
    exe = TOOLS / "node_modules" / ".bin" / "gitlab-ci-local"
    if exe.exists():
        return exe
    if not shutil.which("npm"):
        pytest.skip("npm is not installed, so gitlab-ci-local cannot be installed")
    TOOLS.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(TOOLS), GITLAB_CI_LOCAL],
                          capture_output=True, text=True, timeout=300)
    if done.returncode:
        if any(w in done.stderr for w in ("ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ETIMEDOUT", "network")):
            pytest.skip(f"npm could not reach the registry to install {GITLAB_CI_LOCAL}: "
                        + done.stderr.strip().splitlines()[-1])
        raise AssertionError(f"npm install {GITLAB_CI_LOCAL} failed:\n{done.stderr}")
    return exe


def git(cwd, *args) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def project_clone(tmp_path: Path) -> Path:
    """A clone of this project's HEAD, with the pipeline files of the work tree committed on top,
    and an origin that looks like GitLab (gitlab-ci-local derives CI_PROJECT_* from it)."""
    clone = tmp_path / "intranet"
    git(tmp_path, "clone", "--quiet", str(REPO), str(clone))
    for rel in OURS:
        shutil.rmtree(clone / rel, ignore_errors=True)
        if (REPO / rel).is_dir():
            shutil.copytree(REPO / rel, clone / rel)
        else:
            shutil.copy(REPO / rel, clone / rel)
    git(clone, "add", "-A", *OURS)
    if git(clone, "status", "--porcelain"):
        git(clone, "-c", "user.name=Test", "-c", "user.email=test@plein.example", "commit", "-q", "-m", "pipelines")
    git(clone, "remote", "set-url", "origin", "https://gitlab.example.org/wetterveen/intranet.git")
    seed_venv(clone)
    return clone


def seed_venv(clone: Path) -> None:
    """The jobs run `make install` exactly as in CI. Here it finds .venv installed (its stamp is
    newer than pyproject.toml), a venv that imports plein from the clone and the libraries from
    this project's venv, so the test downloads nothing."""
    venv = clone / ".venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    [site] = (venv / "lib").glob("python3*/site-packages")
    ours = [p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
    (site / "00-project.pth").write_text(str(clone / "plugins") + "\n")
    (site / "01-libraries.pth").write_text("".join(f"import site; site.addsitedir({p!r})\n" for p in ours))
    for name, module, fn in (("plein", "plein.cli", "entry"), ("mkdocs", "mkdocs.__main__", "cli")):
        script = venv / "bin" / name
        script.write_text(f"#!{venv}/bin/python\nimport sys\nfrom {module} import {fn}\nsys.exit({fn}())\n")
        script.chmod(0o755)
    (venv / ".installed").touch()


@pytest.mark.slow
def test_gitlab_pipeline_runs_with_gitlab_ci_local(tmp_path):
    exe = gitlab_ci_local()
    clone = project_clone(tmp_path)
    base = git(clone, "rev-parse", "HEAD~1").strip()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GCL_IGNORE_PREDEFINED_VARS": "CI_PIPELINE_SOURCE"}
    done = subprocess.run(
        [str(exe), "--force-shell-executor", "--variable", "CI_PIPELINE_SOURCE=merge_request_event",
         "--variable", f"CI_MERGE_REQUEST_DIFF_BASE_SHA={base}", "--variable", "CI_MERGE_REQUEST_IID=7",
         "validate", "review", "build", "linkcheck"],
        cwd=clone, env=env, capture_output=True, text=True, timeout=600)
    log = done.stdout + done.stderr
    assert done.returncode == 0, log[-4000:]
    for job in ("validate", "review", "build", "linkcheck"):
        assert f"PASS  {job}" in log, log[-4000:]
    assert (clone / "site" / "index.html").is_file()
    assert "## Plein review" in (clone / "review" / "review.md").read_text()
    assert (clone / "review" / "gl-code-quality-report.json").read_text().startswith("[")

    broken = clone / "content" / "help" / "kapot.md"
    broken.write_text("# Kapot\n\n[Dit bestaat niet](nergens.md)\n")
    done = subprocess.run(["sh", "ci/linkcheck.sh"], cwd=clone, env=env, capture_output=True, text=True)
    assert done.returncode == 1 and "invalid url - nergens.md" in done.stdout + done.stderr
    assert not (clone / "mkdocs-linkcheck.yml").exists()  # the copy is cleaned up
