"""The CI pipelines: both files valid against their published schemas, and the GitLab
pipeline's jobs run for real with gitlab-ci-local (shell executor) on a clone of this project."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TOOLS = REPO / ".cache" / "tools"  # gitignored; `make clean` empties it
GITLAB_CI_LOCAL = "gitlab-ci-local@4.73.0"
OURS = ["ci", ".gitlab-ci.yml", ".github/workflows", "Makefile"]  # the pipeline files, as in the work tree
BIN = Path(sys.executable).parent


def check_jsonschema(schema: str, *files: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, *files],
                          cwd=REPO, capture_output=True, text=True)


def test_gitlab_pipeline_matches_the_published_schema():
    done = check_jsonschema("vendor.gitlab-ci", ".gitlab-ci.yml", "ci/gitlab-ci.yml")
    assert done.returncode == 0, done.stdout + done.stderr


def test_github_workflows_match_the_published_schema():
    workflows = sorted(str(p.relative_to(REPO)) for p in (REPO / ".github/workflows").glob("*.yml"))
    assert workflows == [".github/workflows/intranet.yml", ".github/workflows/trusted-merge.yml"]
    done = check_jsonschema("vendor.github-workflows", *workflows)
    assert done.returncode == 0, done.stdout + done.stderr


def test_github_workflow_deploys_only_checked_builds_of_main():
    from yaml import safe_load as loads
    flow = loads((REPO / ".github/workflows/intranet.yml").read_text())
    jobs = flow["jobs"]
    assert jobs["deploy"]["needs"] == "build" and jobs["build"]["needs"] == "validate"
    assert "refs/heads/main" in jobs["deploy"]["if"]
    steps = [s.get("uses", s.get("run", "")) for s in jobs["build"]["steps"]]
    assert steps.index("sh ci/build.sh") < steps.index("sh ci/published.sh site") \
        < steps.index("actions/upload-pages-artifact@v5")
    for job in jobs.values():
        checkout = [s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout")]
        assert all(s["with"]["fetch-depth"] == 0 for s in checkout)


# The current major version of each action, all on Node 24 (the Node 20 ones warn on every run).
CURRENT = {"actions/checkout": "v7", "actions/setup-python": "v7", "actions/cache": "v5",
           "actions/cache/restore": "v5", "actions/cache/save": "v5", "actions/upload-artifact": "v7",
           "actions/upload-pages-artifact": "v5", "actions/deploy-pages": "v5"}


def test_github_actions_are_at_their_current_major_versions():
    from yaml import safe_load as loads
    flow = loads((REPO / ".github/workflows/intranet.yml").read_text())
    used = {s["uses"] for job in flow["jobs"].values() for s in job["steps"] if "uses" in s}
    assert used and {u.rpartition("@")[2] for u in used} <= set(CURRENT.values())
    assert {u: CURRENT.get(u.rpartition("@")[0]) for u in used} == {u: u.rpartition("@")[2] for u in used}


def test_github_pull_requests_get_a_preview_artifact_and_main_the_pages_address():
    from yaml import safe_load as loads
    flow = loads((REPO / ".github/workflows/intranet.yml").read_text())
    build = flow["jobs"]["build"]["steps"]
    preview = next(s for s in build if s.get("with", {}).get("name") == "site-preview")
    assert preview["if"] == "env.PUBLISH != 'true'" and preview["with"]["path"] == "site/"
    address = next(s for s in build if s.get("name") == "The published address")
    assert "PLEIN_SITE_URL=" in address["run"] and "/pages" in address["run"]
    assert flow["jobs"]["build"]["permissions"]["pages"] == "read"
    # the guide at the top says how a reviewer opens the artifact
    text = (REPO / ".github/workflows/intranet.yml").read_text()
    assert "site-preview" in text and "python3 -m http.server 8000 -d site" in text


# -- GitLab: which jobs run when ------------------------------------------------------------

def _truth(clause: str, env: dict) -> bool:
    """One clause of a GitLab `if:` as this pipeline writes them: `$A`, `$A == "x"`,
    `$A == $B`, `$A != "x"`."""
    value = lambda term: env.get(term[1:]) if term.startswith("$") else term.strip('"')
    for op in ("==", "!="):
        if op in clause:
            left, right = (value(t.strip()) for t in clause.split(op))
            return (left == right) == (op == "==")
    return bool(value(clause.strip()))


def workflow_runs(env: dict) -> bool:
    """Whether GitLab creates a pipeline (gitlab-ci-local ignores `workflow: rules`)."""
    from yaml import safe_load as loads
    rules = loads((REPO / "ci/gitlab-ci.yml").read_text())["workflow"]["rules"]
    for rule in rules:
        if all(_truth(c, env) for c in rule["if"].split("&&")):
            return rule.get("when", "always") != "never"
    return False


MR = {"CI_PIPELINE_SOURCE": "merge_request_event", "CI_DEFAULT_BRANCH": "main", "CI_MERGE_REQUEST_IID": "7"}
DEFAULT = {"CI_COMMIT_BRANCH": "main", "CI_DEFAULT_BRANCH": "main"}


@pytest.mark.parametrize("env, runs", [
    (MR, True),
    ({**DEFAULT, "CI_PIPELINE_SOURCE": "push"}, True),
    ({**DEFAULT, "CI_PIPELINE_SOURCE": "schedule"}, True),
    ({**DEFAULT, "CI_PIPELINE_SOURCE": "web"}, True),
    ({**DEFAULT, "CI_PIPELINE_SOURCE": "trigger"}, True),  # the merge-request webhook (job merge-request)
    ({"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "nieuws", "CI_DEFAULT_BRANCH": "main",
      "CI_OPEN_MERGE_REQUESTS": "wetterveen/intranet!7"}, False),
    ({"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "nieuws", "CI_DEFAULT_BRANCH": "main"}, False),
])
def test_gitlab_workflow_rules(env, runs):
    assert workflow_runs(env) is runs


def jobs_for(exe: Path, clone: Path, env: dict) -> dict:
    """{job: when} as gitlab-ci-local evaluates each job's rules for these variables."""
    import json
    args = [a for k, v in env.items() for a in ("--variable", f"{k}={v}")]
    done = subprocess.run([str(exe), "--list-json", *args], cwd=clone, capture_output=True, text=True,
                          env={**os.environ, "GCL_IGNORE_PREDEFINED_VARS": ",".join(env)}, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    listed = json.loads(done.stdout[done.stdout.index("["):])
    return {j["name"]: j["when"] for j in listed if j["when"] != "never"}


GITLAB_CASES = {  # what runs, and `pages` (the live site) only from the default branch
    "merge request on GitLab Free": (MR, {"validate": "on_success", "review": "on_success",
                                          "build": "on_success"}),
    "merge request with parallel deployments": (
        {**MR, "PLEIN_PARALLEL_PAGES": "true"},
        {"validate": "on_success", "review": "on_success", "build": "on_success",
         "pages:preview": "on_success", "pages:preview:stop": "manual"}),
    "push to the default branch": ({**DEFAULT, "CI_PIPELINE_SOURCE": "push"},
                                   {"validate": "on_success", "build": "on_success", "pages": "on_success",
                                    "ask-experts": "on_success",  # mails about questions just published
                                    "notify": "on_success"}),  # and about replies and @mentions
    "schedule": ({**DEFAULT, "CI_PIPELINE_SOURCE": "schedule"},
                 {"validate": "on_success", "build": "on_success", "pages": "on_success"}),
    "push to another branch": ({"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "nieuws",
                                "CI_DEFAULT_BRANCH": "main"},
                               {"validate": "on_success", "build": "on_success"}),
    # the merge-request webhook's trigger on the default branch: only the trusted merge, which
    # a merge then follows with a push pipeline that builds and publishes
    "webhook trigger": ({**DEFAULT, "CI_PIPELINE_SOURCE": "trigger", "PLEIN_BOT_TOKEN": "x",
                         "TRIGGER_PAYLOAD": "/tmp/payload.json"}, {"merge-request": "on_success"}),
    "webhook trigger without the bot's token": ({**DEFAULT, "CI_PIPELINE_SOURCE": "trigger",
                                                 "TRIGGER_PAYLOAD": "/tmp/payload.json"}, {}),
    "schedule with the bot's token": ({**DEFAULT, "CI_PIPELINE_SOURCE": "schedule", "PLEIN_BOT_TOKEN": "x"},
                                      {"validate": "on_success", "build": "on_success", "pages": "on_success",
                                       "merge-request": "on_success"}),
    "merge request with the bot's token set": ({**MR, "PLEIN_BOT_TOKEN": "x"},
                                               {"validate": "on_success", "review": "on_success",
                                                "build": "on_success"}),
}


@pytest.mark.slow
def test_gitlab_jobs_run_by_the_rules(tmp_path):
    exe = gitlab_ci_local()
    clone = project_clone(tmp_path, venv=False)
    got = {name: jobs_for(exe, clone, {**env, "CI_MERGE_REQUEST_IID": "7"}) for name, (env, _) in GITLAB_CASES.items()}
    assert got == {name: want for name, (_, want) in GITLAB_CASES.items()}


def test_gitlab_previews_stop_and_never_replace_the_live_site():
    from yaml import safe_load as loads
    ci = loads((REPO / "ci/gitlab-ci.yml").read_text())
    assert "pages" not in ci["pages"] and "path_prefix" not in (REPO / "ci/gitlab-ci.yml").read_text().split("pages:preview:")[0]
    preview = ci["pages:preview"]
    assert preview["pages"]["path_prefix"] == "mr-$CI_MERGE_REQUEST_IID"
    assert preview["environment"]["on_stop"] == "pages:preview:stop" and preview["environment"]["auto_stop_in"]
    assert ci["pages:preview:stop"]["environment"]["action"] == "stop"
    # every artifact expires; the site is kept per branch in the cache for incremental builds
    assert all(job["artifacts"].get("expire_in") for job in ci.values()
               if isinstance(job, dict) and "artifacts" in job)
    caches = {c["key"]: c for c in ci["build"]["cache"] if isinstance(c.get("key"), str)}
    assert caches["plein-$CI_COMMIT_REF_SLUG"]["paths"] == [".plein-cache"]
    venv = ci["default"]["cache"][0]
    assert venv["paths"] == [".venv"] and "pyproject.toml" in venv["key"]["files"]


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


def project_clone(tmp_path: Path, venv: bool = True) -> Path:
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
    if venv:
        seed_venv(clone)
        (clone / "node_modules").symlink_to(REPO / "node_modules")  # as `make node` leaves it
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
    stamp = subprocess.run("cat pyproject.toml | cksum", shell=True, cwd=clone, capture_output=True, text=True)
    (venv / ".site-installed").write_text(stamp.stdout)  # as `make install-site` leaves it


def run_jobs(exe: Path, clone: Path, variables: dict, *jobs: str, passes: bool = True) -> str:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GCL_IGNORE_PREDEFINED_VARS": ",".join(variables)}
    env.pop("PLEIN_SITE_URL", None)
    args = [a for k, v in variables.items() for a in ("--variable", f"{k}={v}")]
    done = subprocess.run([str(exe), "--force-shell-executor", *args, *jobs],
                          cwd=clone, env=env, capture_output=True, text=True, timeout=900)
    log = done.stdout + done.stderr
    if not passes:
        assert done.returncode != 0, log[-4000:]
        return log
    assert done.returncode == 0, log[-4000:]
    for job in jobs:
        assert f"PASS  {job}" in log, log[-4000:]
    return log


@pytest.mark.slow
def test_gitlab_pipeline_runs_with_gitlab_ci_local(tmp_path):
    exe = gitlab_ci_local()
    clone = project_clone(tmp_path)
    base = git(clone, "rev-parse", "HEAD~1").strip()
    run_jobs(exe, clone, {**MR, "CI_MERGE_REQUEST_DIFF_BASE_SHA": base}, "validate", "review", "build")
    assert (clone / "site" / "index.html").is_file()
    assert "## Plein review" in (clone / "review" / "review.md").read_text()
    assert (clone / "review" / "gl-code-quality-report.json").read_text().startswith("[")
    assert not (clone / "mkdocs-publish.yml").exists()  # the copy is cleaned up

    # without an address (Pages off, so no CI_PAGES_URL) nothing is published
    push = {**DEFAULT, "CI_PIPELINE_SOURCE": "push"}
    log = run_jobs(exe, clone, push, "build", "pages", passes=False)
    assert "FAIL  pages" in log and "Fix: set PLEIN_SITE_URL" in log and not (clone / "public").exists()
    # the live site, as a push to the default branch publishes it: at the Pages address
    pages_url = "https://wetterveen.pages.gitlab.example.org/intranet/"
    log = run_jobs(exe, clone, {**push, "CI_PAGES_URL": pages_url.rstrip("/")}, "build", "pages")
    public = clone / "public"
    assert f"site address: {pages_url}" in log
    assert f"<loc>{pages_url}people/" in (public / "sitemap.xml").read_text()
    assert f'href="{pages_url}feeds/news.xml"' in (public / "feeds" / "news.xml").read_text()
    local = re.compile(r'(=\"?|<loc>|<id>)https?://127\.0\.0\.1')  # an address, not a mention in text
    assert not [p for p in public.rglob("*") if p.suffix in (".html", ".xml")
                and local.search(p.read_text(encoding="utf-8", errors="replace"))]
    assert (public / "index.html.gz").is_file()

    broken = clone / "content" / "help" / "kapot.md"
    broken.write_text("# Kapot\n\n[Dit bestaat niet](nergens.md)\n")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(["sh", "ci/build.sh"], cwd=clone, env=env, capture_output=True, text=True)
    assert done.returncode == 1 and ("content/help/kapot.md (page help/kapot/index.html): the link 'nergens.md' "
                                     "leads nowhere") in done.stdout + done.stderr
    assert not (clone / "mkdocs-publish.yml").exists()


def test_a_site_with_local_addresses_is_not_published(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitemap.xml").write_text("<urlset><url><loc>http://127.0.0.1:8000/</loc></url></urlset>")
    done = subprocess.run(["sh", str(REPO / "ci/published.sh"), str(site)], capture_output=True, text=True)
    assert done.returncode == 1 and "local address" in done.stderr and "Fix: set the CI/CD variable PLEIN_SITE_URL" in done.stderr
    (site / "sitemap.xml").write_text("<urlset><url><loc>https://wetterveen.pages.example/intranet/</loc></url></urlset>")
    (site / "index.html").write_text('<link rel="canonical" href="http://localhost:8000/">')
    done = subprocess.run(["sh", str(REPO / "ci/published.sh"), str(site)], capture_output=True, text=True)
    assert done.returncode == 1 and "site/index.html" in done.stderr
    # a page that tells how to preview locally mentions the address in its text: that is fine
    (site / "index.html").write_text('<link rel="canonical" href="https://wetterveen.pages.example/intranet/">'
                                     "<p>Open <code>http://127.0.0.1:8000/</code></p>")
    done = subprocess.run(["sh", str(REPO / "ci/published.sh"), str(site)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_pipeline_build_checks_links_minifies_and_precompresses():
    from yaml import safe_load
    config = safe_load((REPO / "ci/mkdocs-publish.yml").read_text())
    assert config["INHERIT"] == "mkdocs.yml"
    assert config["plugins"] == {"plein": {"check_links": True, "minify": True, "precompress": True}}
    assert "--config-file mkdocs-publish.yml" in (REPO / "ci/build.sh").read_text()
