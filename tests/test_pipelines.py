"""The CI pipelines: both files valid against their published schemas, and the GitLab
pipeline's jobs run for real with gitlab-ci-local (shell executor) on a clone of this project."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
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


def test_github_workflow_deploys_only_checked_builds_of_the_default_branch():
    from yaml import safe_load as loads
    flow = loads((REPO / ".github/workflows/intranet.yml").read_text())
    jobs = flow["jobs"]
    assert jobs["deploy"]["needs"] == ["validate", "build"] and "needs" not in jobs["build"]
    assert "github.event.repository.default_branch" in jobs["deploy"]["if"]
    publish = flow["env"]["PUBLISH"]
    for event, ref, default, want in [("push", "trunk", "trunk", True), ("push", "nieuws", "trunk", False),
                                      ("pull_request", "7/merge", "trunk", False),
                                      ("schedule", "trunk", None, True), ("workflow_dispatch", "trunk", "trunk", True)]:
        payload = {"repository": {"default_branch": default}} if default else {}
        ctx = {"github": {"event_name": event, "ref_name": ref, "event": payload}}
        assert bool(github_expr(publish, ctx)) is want, (event, ref)
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
                                    "notify": "on_success",  # and about replies and @mentions
                                    # its token is scoped to its environment, so no rule tests it
                                    "codeowners": "on_success"}),
    "push to the default branch, CODEOWNERS job off": (
        {**DEFAULT, "CI_PIPELINE_SOURCE": "push", "PLEIN_CODEOWNERS": "off"},
        {"validate": "on_success", "build": "on_success", "pages": "on_success",
         "ask-experts": "on_success", "notify": "on_success"}),
    "digest schedule": ({**DEFAULT, "CI_PIPELINE_SOURCE": "schedule", "PLEIN_DIGEST": "weekly"},
                        {"validate": "on_success", "build": "on_success", "pages": "on_success",
                         "digest": "on_success"}),
    "HR import schedule": ({**DEFAULT, "CI_PIPELINE_SOURCE": "schedule", "PLEIN_HR_SOURCE": "ldaps://ad.example"},
                           {"validate": "on_success", "build": "on_success", "pages": "on_success",
                            "hr-import": "on_success"}),
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
    # with site/: the last build's site, which the next build takes back (plein build --move)
    assert caches["plein-$CI_COMMIT_REF_SLUG"]["paths"] == [".plein-cache", "site"]
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
    # the live site, as a push to the default branch publishes it: at the Pages address, given
    # with a '/' at its end (the rule adds another): no '//' in any address of the site
    pages_url = "https://wetterveen.pages.gitlab.example.org/intranet/"
    log = run_jobs(exe, clone, {**push, "CI_PAGES_URL": pages_url}, "build", "pages")
    public = clone / "public"
    assert f"site address: {pages_url}\n" in log
    assert not [p for p in public.rglob("*") if p.suffix in (".html", ".xml")
                and "intranet//" in p.read_text(encoding="utf-8", errors="replace")]
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

    # A link from the site's root works in the preview (served at /) but not on the live site
    # (under /intranet/): the merge request's build fails as the default branch's would.
    broken.write_text("# Kapot\n\n[Bijdragen](/help/bijdragen/)\n")
    mr = {**env, "CI_PIPELINE_SOURCE": "merge_request_event", "CI_PAGES_URL": pages_url}
    mr.pop("PLEIN_PUBLISHED_URL", None)
    done = subprocess.run(["sh", "ci/build.sh"], cwd=clone, env=mr, capture_output=True, text=True)
    assert done.returncode == 1, done.stdout[-2000:] + done.stderr[-2000:]
    assert "site address: http://127.0.0.1:8000/intranet/" in done.stdout
    assert "1 broken links" in done.stdout + done.stderr  # that one: the site's own are right
    assert ("the link '/help/bijdragen/' leads nowhere: it points outside the site (which is published "
            "under /intranet/)") in done.stdout + done.stderr
    broken.write_text("# Kapot\n\n[Bijdragen](/intranet/help/bijdragen/)\n")  # right on the live site
    done = subprocess.run(["sh", "ci/build.sh"], cwd=clone, env=mr, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


@pytest.mark.slow
def test_gitlab_side_jobs_run_without_holding_up_the_site(tmp_path):
    """The digest job of a schedule without SMTP fails, saying why; the codeowners job without
    its token passes without installing anything; neither is needed by the build or pages."""
    exe = gitlab_ci_local()
    clone = project_clone(tmp_path)
    schedule = {**DEFAULT, "CI_PIPELINE_SOURCE": "schedule", "PLEIN_DIGEST": "weekly"}
    log = run_jobs(exe, clone, schedule, "digest", passes=False)
    assert "FAIL  digest" in log and "the weekly digest is due, but PLEIN_SMTP_HOST is not set" in log
    push = {**DEFAULT, "CI_PIPELINE_SOURCE": "push"}
    log = run_jobs(exe, clone, push, "codeowners")
    assert "PLEIN_PUSH_TOKEN is not set" in log and "pip install" not in log


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


# -- issue 29: the pipelines' faults, each with a test --------------------------------------

def test_a_pages_url_ending_in_a_slash_gives_no_double_slash(monkeypatch):
    """GitLab's CI_PAGES_URL may end in '/'; the rules add one ("$CI_PAGES_URL/", and
    "$CI_PAGES_URL/mr-7/"). One function normalises every address the build uses."""
    from plein.site.publish import link_base, normal_url, preview_url, site_url
    for given, want in [("https://w.gitlab.io/intranet//", "https://w.gitlab.io/intranet/"),
                        ("https://w.gitlab.io/intranet", "https://w.gitlab.io/intranet/"),
                        ("https://w.gitlab.io/intranet//mr-7/", "https://w.gitlab.io/intranet/mr-7/"),
                        ("https://intranet.example//", "https://intranet.example/"),
                        ("http://127.0.0.1:8000", "http://127.0.0.1:8000/")]:
        assert normal_url(given) == want
        monkeypatch.setenv("PLEIN_SITE_URL", given)
        assert site_url("http://127.0.0.1:8000/") == want
    monkeypatch.delenv("PLEIN_SITE_URL")
    assert site_url(None) is None and site_url("http://127.0.0.1:8000/") == "http://127.0.0.1:8000/"
    # links from '/' are checked under the site's path, normalised too
    assert link_base("https://w.gitlab.io/intranet//") == "/intranet/"
    assert link_base("http://127.0.0.1:8000/") == "/" and link_base(None) == "/"
    # a merge request's preview: local, at the live site's path (so links from '/' are checked
    # as on the live site), and it still opens at http://127.0.0.1:8000/
    assert preview_url("https://w.gitlab.io/intranet//") == "http://127.0.0.1:8000/intranet/"
    assert preview_url("https://intranet.example") == preview_url(None) == "http://127.0.0.1:8000/"


def gitlab_ci() -> dict:
    from yaml import safe_load
    return safe_load((REPO / "ci/gitlab-ci.yml").read_text())


PUBLISHING = {"build", "pages", "pages:preview"}
SIDE_JOBS = {"codeowners", "hr-import", "digest", "ask-experts", "notify", "merge-request", "review"}


def test_gitlab_publishing_never_waits_on_a_side_job():
    """A job without `needs:` waits for every job of the earlier stages, so a failing
    codeowners or hr-import job would hold the site back."""
    ci = gitlab_ci()
    assert ci["build"]["needs"] == [] and ci["pages"]["needs"] == ["validate", "build"]
    assert ci["pages:preview"]["needs"] == ["validate", "build"]
    for name in PUBLISHING:
        assert not set(ci[name]["needs"]) & SIDE_JOBS, name
    jobs = {n: j for n, j in ci.items() if isinstance(j, dict) and "script" in j}
    assert SIDE_JOBS <= set(jobs), "a side job was renamed: update SIDE_JOBS"


def test_gitlab_build_cache_is_one_solid_archive():
    """What a merge's build job moves (issue 29): the runner packs .plein-cache, mostly the
    previous site's pages, as tar with Zstandard, which compresses across pages (a zip does
    each file alone); actions/cache on GitHub always does."""
    build = gitlab_ci()["build"]
    assert build["variables"]["CACHE_COMPRESSION_FORMAT"] == "tarzstd"
    assert any(".plein-cache" in c.get("paths", ()) for c in build["cache"])
    # the site is built in the cache's copy and moved to site/, which the cache keeps
    assert "plein build --strict --move" in (REPO / "ci/build.sh").read_text()


SCRIPTS = {"codeowners": "ci/codeowners.sh", "hr-import": "ci/import.sh", "digest": "ci/digest.sh",
           "ask-experts": "ci/digest.sh", "notify": "ci/digest.sh", "merge-request": "ci/merge-request.sh"}
SECRETS = {"plein/mail": {"PLEIN_SMTP_USER", "PLEIN_SMTP_PASSWORD"},
           "plein/hr-import": {"PLEIN_LDAP_BIND_DN", "PLEIN_LDAP_PASSWORD", "PLEIN_IMPORT_TOKEN"},
           "plein/codeowners": {"PLEIN_PUSH_TOKEN"}}


def resolved(ci: dict, name: str) -> dict:
    """A job with what it `extends` (one level, as this pipeline uses it)."""
    job = ci[name]
    base = ci.get(job.get("extends", ""), {})
    return {**base, **job}


def test_side_jobs_install_only_what_they_run_and_hold_only_their_secrets():
    ci = gitlab_ci()
    for job, script in SCRIPTS.items():
        assert f"sh {script}" in " ".join(ci[job]["script"]), job
        code = (REPO / script).read_text()
        installs = re.findall(r"^\s*make\s+(\S+)", code, re.M)
        assert installs == ["install-site"], (script, installs)  # no test extras, no npm
        commands = [line for line in code.splitlines() if not line.lstrip().startswith("#")]
        assert not [line for line in commands if re.search(r"\bnpm\b|make (node|install|test-deps|test)(\s|$)", line)], script
    makefile = (REPO / "Makefile").read_text()
    recipe = makefile.split("\ninstall-site:", 1)[1].split("\n\n", 1)[0]
    assert "-e '.[site]'" in recipe and "test" not in recipe and "npm" not in recipe
    extras = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert not {d.split(">")[0] for d in extras["site"]} & {"pytest", "playwright", "hypothesis", "aiosmtpd"}
    # each secret only in the environment of the job that uses it; no rule tests a scoped one
    # (GitLab may not know it yet when it creates the pipeline)
    scoped = {v for vs in SECRETS.values() for v in vs}
    for name, job in ci.items():
        if not isinstance(job, dict) or "script" not in job:
            continue
        rules = " ".join(r.get("if", "") for r in job.get("rules", []))
        assert not {v for v in scoped if "$" + v in rules}, name
        env = resolved(ci, name).get("environment")
        wants = {v for v in scoped if v in (REPO / SCRIPTS[name]).read_text() or v in " ".join(job["script"])} \
            if name in SCRIPTS else set()
        if wants:
            assert env and env["action"] == "access" and wants <= SECRETS[env["name"]], (name, env, wants)
    for job in ("digest", "ask-experts", "notify"):
        assert resolved(ci, job)["environment"]["name"] == "plein/mail"
    text = (REPO / "ci/gitlab-ci.yml").read_text()
    for environment, names in SECRETS.items():  # the guide names every scoped secret
        assert environment in text and all(n in text for n in names)


def test_a_due_digest_without_smtp_fails_loudly(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLEIN_SMTP")}
    for period in ("weekly", "daily"):
        done = subprocess.run(["sh", str(REPO / "ci/digest.sh"), period], cwd=tmp_path, env=env,
                              capture_output=True, text=True)
        assert done.returncode == 1, done.stdout + done.stderr
        assert f"the {period} digest is due, but PLEIN_SMTP_HOST is not set" in done.stderr
        assert "Fix: set PLEIN_SMTP_HOST" in done.stderr
    for after_a_merge in ("questions", "instant"):  # may have nothing to send: it says so
        done = subprocess.run(["sh", str(REPO / "ci/digest.sh"), after_a_merge], cwd=tmp_path, env=env,
                              capture_output=True, text=True)
        assert done.returncode == 0 and "no e-mail is sent" in done.stdout, done.stderr
    done = subprocess.run(["sh", str(REPO / "ci/digest.sh"), "monthly"], cwd=tmp_path, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 1 and "unknown 'monthly'" in done.stderr
    # GitHub runs the same script: its digest step gets no SMTP variables when none are set
    assert "sh ci/digest.sh" in (REPO / ".github/workflows/intranet.yml").read_text()


def test_a_venv_made_in_another_folder_is_made_again(tmp_path):
    """The CI cache restores .venv into another project folder (another runner, another clone):
    its scripts and editable install name the old path, so `make install-site` makes it again
    (`python -m venv --clear`); in its own folder and up to date, it is left alone."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(REPO / name, project / name)
    log = tmp_path / "calls.log"
    stub = tmp_path / "python3"  # stands in for python: records how it was called, makes a venv
    stub.write_text(f"""#!/bin/sh
echo "$0 $*" >> {log}
if [ "$1 $2" = "-m venv" ]; then
  mkdir -p .venv/bin && cp "$0" .venv/bin/python
fi
exit 0
""")
    stub.chmod(0o755)

    def install_site() -> str:
        log.write_text("")
        done = subprocess.run(["make", "-s", "install-site", f"PYTHON={stub}"], cwd=project,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
        return log.read_text() + done.stdout

    first = install_site()
    assert "-m venv .venv" in first and "pip install --quiet -e .[site]" in first
    assert (project / ".venv/.made-in").read_text().strip() == str(project)
    assert "up to date" in install_site()  # nothing done
    (project / ".venv/.made-in").write_text("/builds/another/runner\n")  # as restored elsewhere
    again = install_site()
    assert "made in /builds/another/runner" in again and "-m venv --clear .venv" in again
    assert (project / ".venv/.made-in").read_text().strip() == str(project)


def test_make_test_installs_every_part_a_test_needs():
    """tests/conftest.py fails a skipped test; `make test-deps` installs what the tests use."""
    makefile = (REPO / "Makefile").read_text()
    deps = makefile.split("\ntest-deps:", 1)[1].split("\ntest:", 1)[0]
    for part in ("chromium", "rsync", "openssl", "git-http-backend", "slapd", "ldapsearch",
                 "$(NODE_STAMP)", "$(GITLAB_CI_LOCAL)"):
        assert part in deps, part
    version = re.search(r"^GITLAB_CI_LOCAL_VERSION := (\S+)$", makefile, re.M).group(1)
    assert GITLAB_CI_LOCAL == f"gitlab-ci-local@{version}" and TOOLS.relative_to(REPO).as_posix() in makefile
    test = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "PLEIN_NETWORK_TESTS=1" in test  # tests/test_precommit.py's hook test runs too


# -- GitHub: which jobs run when, by evaluating the workflow's own expressions ---------------

_TOKEN = re.compile(r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<op>==|!=|&&|\|\||!|\(|\))|(?P<name>[A-Za-z_][\w.\-]*(?:\(\))?))")


def github_expr(text: str, ctx: dict):
    """Evaluate a GitHub Actions expression as the workflows here write them: strings,
    context names, ==, !=, !, &&, ||, parentheses, cancelled()/always(). As on GitHub, string
    comparison ignores case, && and || give one of their operands, a missing name is null."""
    text = text.strip()
    if text.startswith("${{") and text.endswith("}}"):
        text = text[3:-2]
    tokens, at = [], 0
    while at < len(text.rstrip()):
        m = _TOKEN.match(text, at)
        assert m, f"cannot read {text[at:]!r}"
        tokens.append(m)
        at = m.end()
    pos = 0

    def peek():
        return tokens[pos].group(0).strip() if pos < len(tokens) else None

    def take():
        nonlocal pos
        pos += 1
        return tokens[pos - 1]

    def primary():
        t = take()
        if t.group("str"):
            return t.group("str")[1:-1].replace("''", "'")
        if t.group("op") == "(":
            value = either()
            assert take().group(0).strip() == ")"
            return value
        if t.group("op") == "!":
            return not primary()
        name = t.group("name")
        if name in ("cancelled()",):
            return False
        if name in ("always()", "success()"):
            return True
        if name in ("true", "false"):
            return name == "true"
        value = ctx
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        return value

    def compare():
        left = primary()
        while peek() in ("==", "!="):
            op, right = take().group(0).strip(), primary()
            same = (str(left).lower() == str(right).lower()) if isinstance(left, str) and isinstance(right, str) \
                else left == right
            left = same if op == "==" else not same
        return left

    def both():
        left = compare()
        while peek() == "&&":
            take()
            right = compare()
            left = right if left else left
        return left

    def either():
        left = both()
        while peek() == "||":
            take()
            right = both()
            left = left if left else right
        return left

    value = either()
    assert pos == len(tokens), text
    return value


def github_flow() -> dict:
    from yaml import safe_load
    return safe_load((REPO / ".github/workflows/intranet.yml").read_text())


def github_jobs_for(event: str, ref_name: str, default: str = "trunk", schedule: str | None = None) -> set:
    """The jobs of intranet.yml that run for one event; `default` is the repository's default
    branch (not 'main', so that a hard-coded 'main' shows)."""
    flow = github_flow()
    payload = {"schedule": schedule} if event == "schedule" else {"repository": {"default_branch": default}}
    github = {"event_name": event, "ref_name": ref_name, "ref": f"refs/heads/{ref_name}", "event": payload}
    ran: dict = {}
    for name, job in flow["jobs"].items():  # in file order, which follows `needs`
        needs = job.get("needs", [])
        needs = [needs] if isinstance(needs, str) else needs
        ctx = {"github": github, "needs": {n: {"result": "success" if ran.get(n) else "skipped",
                                               "outputs": {"published": "true" if ran.get(n) else ""}}
                                           for n in needs}}
        condition = str(job.get("if", "success()"))
        lenient = "cancelled()" in condition or "always()" in condition
        ran[name] = bool(github_expr(condition, ctx)) and (lenient or all(ran.get(n) for n in needs))
    return {name for name, did in ran.items() if did}


@pytest.mark.parametrize("event, ref, schedule, want", [
    ("push", "trunk", None, {"validate", "build", "deploy", "ask-experts", "notify"}),
    ("push", "nieuws", None, set()),  # another branch: its pull request runs instead
    ("pull_request", "7/merge", None, {"validate", "review", "build"}),
    ("schedule", "trunk", "5 * * * *", {"validate", "build", "deploy"}),
    ("schedule", "trunk", "0 6 * * 1", {"digest"}),    # the weekly digest, nothing else
    ("schedule", "trunk", "30 5 * * *", {"digest"}),   # the daily digest
    ("schedule", "trunk", "15 2 * * *", {"hr-import"}),  # the HR import, and not the digest
    ("workflow_dispatch", "trunk", None, {"validate", "build", "deploy"}),  # e.g. after a trusted merge
])
def test_github_jobs_run_by_their_conditions(event, ref, schedule, want):
    assert github_jobs_for(event, ref, schedule=schedule) == want


def test_github_every_cron_has_its_jobs():
    flow = github_flow()
    crons = [c["cron"] for c in flow.get("on", flow.get(True))["schedule"]]
    assert sorted(crons) == sorted(["5 * * * *", "0 6 * * 1", "30 5 * * *", "15 2 * * *"])
    assert all(github_jobs_for("schedule", "trunk", schedule=c) for c in crons)


def test_github_never_cancels_or_drops_a_run_of_the_default_branch():
    """GitHub keeps one pending run per concurrency group and cancels the one before: with one
    group for the branch, a merge's run could be dropped. Only a pull request's own runs share
    a group (a newer push replaces the older run)."""
    flow = github_flow()
    group, cancel = flow["concurrency"]["group"], flow["concurrency"]["cancel-in-progress"]

    def ctx(event, ref, run_id):
        return {"github": {"event_name": event, "ref": ref, "run_id": run_id}}
    push = [github_expr(group.split("-", 1)[1], ctx("push", "refs/heads/trunk", i)) for i in (1, 2)]
    assert push[0] != push[1] and not github_expr(cancel, ctx("push", "refs/heads/trunk", 1))
    hourly = github_expr(group.split("-", 1)[1], ctx("schedule", "refs/heads/trunk", 3))
    assert hourly not in push
    pr = [github_expr(group.split("-", 1)[1], ctx("pull_request", "refs/pull/7/merge", i)) for i in (4, 5)]
    assert pr[0] == pr[1] and github_expr(cancel, ctx("pull_request", "refs/pull/7/merge", 4)) is True
    # the deploy waits, is never cancelled, and publishes only the branch's newest commit
    deploy = flow["jobs"]["deploy"]
    assert deploy["concurrency"]["cancel-in-progress"] is False
    steps = deploy["steps"]
    assert steps[-1]["uses"].startswith("actions/deploy-pages") and steps[-1]["if"] == "steps.newest.outputs.newest == 'true'"
    assert "commits/$GITHUB_REF_NAME" in steps[0]["run"] and "$GITHUB_SHA" in steps[0]["run"]


def _strings(node):
    if isinstance(node, dict):
        for k, v in node.items():
            yield str(k)
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)
    else:
        yield str(node)


def test_github_names_no_branch_and_caches_by_content():
    flow = github_flow()
    assert not [s for s in _strings(flow) if re.search(r"\bmain\b", s)], "a hard-coded 'main'"
    build = flow["jobs"]["build"]["steps"]
    cache = next(s for s in build if s.get("with", {}).get("path", "").split() == [".plein-cache", "site"])
    key = cache["with"]["key"]
    assert "run_id" not in key and "run_attempt" not in key and "hashFiles(" in key
    for source in ("content/**", "profiles/**", "mkdocs.yml", "plugins/**"):
        assert f"'{source}'" in key
    assert cache["with"]["restore-keys"].strip() == "plein-${{ runner.os }}-"
    # the .venv holds absolute paths: one made in another folder is never restored
    venvs = [s for job in flow["jobs"].values() for s in job["steps"] if s.get("with", {}).get("path") == ".venv"]
    assert venvs and all("${{ github.workspace }}" in s["with"]["key"] for s in venvs)
    # every build, a pull request's too, knows the live site's address (its preview is built at
    # the live site's path, so links from '/' are checked as there)
    address = next(s for s in build if s.get("name") == "The published address")
    assert "if" not in address and "PLEIN_PUBLISHED_URL=" in address["run"]
