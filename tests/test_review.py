"""`plein review` on prepared merge-request branches: what a moderator reads in the report."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import git, make_org
from gitserver import MKDOCS, ORG
from plein.cli import main

THREAD = "hoe-vraag-ik-een-parkeervergunning-aan"
REPLY = f"content/discussions/{THREAD}/replies/2026-11-02T10-15-jan-de-vries.md"
JAN = ("Jan de Vries", "jan@wetterveen.example")
EVE = ("Eve", "eve@elsewhere.example")


@pytest.fixture
def repo(tmp_path) -> Path:
    root = make_org(tmp_path / "intranet", {"mkdocs.yml": MKDOCS, **ORG})
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Seed")
    return root


def branch(root: Path, name: str, files: dict, who=JAN) -> None:
    git(root, "switch", "-q", "-c", name, "main")
    make_org(root, files)
    git(root, "add", "-A")
    git(root, "-c", f"user.name={who[0]}", "-c", f"user.email={who[1]}", "commit", "-q", "-m", name)


def review(capsys, root: Path, *args) -> str:
    assert main(["review", "--base", "main", "--root", str(root), *args]) == 0
    return capsys.readouterr().out


def reply(author="jan-de-vries", date="2026-11-02 10:15", body="Via de website.") -> str:
    return f"---\nauthor: {author}\ndate: {date}\n---\n\n{body}\n"


def test_clean_reply(repo, capsys):
    branch(repo, "reply", {REPLY: reply()})
    text = review(capsys, repo, "--pusher", "jdevries")
    # the decision comes first, in the site's language (nl by default)
    assert text.startswith("## Plein review\n\n### Besluit: **publiceren**\n\n"
                           "Alles in deze wijziging is van jezelf: het staat binnen een paar minuten op het intranet.")
    assert "Besloten voor @jdevries (opgegeven met --pusher)." in text
    assert "- Jan de Vries replies to 'Hoe vraag ik een parkeervergunning aan?'" in text
    assert "No problems found in the changed files." in text
    assert "Every changed file was pushed by the person it names (@jdevries, as the forge reports)" in text
    assert f"- `{REPLY}`: @jdevries or @acme/mods (Discussions)" in text
    assert json.loads(review(capsys, repo, "--format", "codequality")) == []
    assert review(capsys, repo, "--format", "github") == ""


def test_without_a_pusher_the_commit_email_proves_nothing(repo, capsys):
    """Jan's own e-mail in the commit does not make it his: nothing publishes without a username."""
    branch(repo, "reply", {REPLY: reply()}, who=JAN)
    text = review(capsys, repo)
    assert "### Besluit: **eerst langs een moderator**" in text
    assert "Er is geen gebruikersnaam opgegeven, dus hier kan niets direct gepubliceerd worden." in text
    assert "Who pushed is not known here (no --pusher), so nothing was checked: a commit's e-mail proves nothing." in text
    assert "committed by" not in text


def test_the_pipelines_username_is_information_only(repo, capsys, monkeypatch):
    branch(repo, "reply", {REPLY: reply()})
    monkeypatch.setenv("GITLAB_USER_LOGIN", "jdevries")
    text = review(capsys, repo)
    assert "### Besluit: **publiceren**" in text
    assert ("De gebruikersnaam @jdevries komt uit de pipeline van deze merge request (GITLAB_USER_LOGIN), "
            "en die kan de merge request zelf zetten. Alleen de vertrouwde job op de hoofdbranch beslist") in text


def test_impersonation(repo, capsys):
    branch(repo, "fake", {REPLY: reply(body="Ik stem voor afschaffen.")}, who=JAN)  # a forged commit author
    text = review(capsys, repo, "--pusher", "eve")
    assert ("**impersonation** `%s:2`: possible impersonation: pushed by @eve, but this file says it is by "
            "Jan de Vries (@jdevries)" % REPLY) in text
    felamrani = review(capsys, repo, "--pusher", "felamrani")
    assert "### Besluit: **geweigerd**" in felamrani
    assert "dit bestand zegt dat het van Jan de Vries is, maar @felamrani maakte het" in felamrani
    assert main(["review", "--base", "main", "--root", str(repo), "--pusher", "felamrani", "--strict"]) == 1
    capsys.readouterr()
    [item] = json.loads(review(capsys, repo, "--pusher", "eve", "--format", "codequality"))
    assert item["severity"] == "critical" and item["check_name"] == "plein-impersonation"
    assert item["location"] == {"path": REPLY, "lines": {"begin": 2}} and len(item["fingerprint"]) == 64
    annotation = review(capsys, repo, "--pusher", "eve", "--format", "github")
    assert annotation.startswith(f"::error file={REPLY},line=2,title=Plein impersonation::possible impersonation")


def test_pushed_by_someone_else_is_flagged(repo, capsys):
    branch(repo, "reply", {REPLY: reply()})
    text = review(capsys, repo, "--pusher", "eve")
    assert "pushed by @eve, but this file says it is by Jan de Vries" in text
    text = review(capsys, repo, "--pusher", "jdevries")
    assert "impersonation" not in text and "Every changed file was pushed by the person it names (@jdevries" in text


def test_broken_file(repo, capsys):
    branch(repo, "broken", {REPLY: reply(date="2026-11-31 10:15")})
    text = review(capsys, repo)
    assert "These must be fixed before merging:" in text
    assert f"**validation** `{REPLY}:3`: 'date': '2026-11-31 10:15' is not a real date and time" in text
    [item] = json.loads(review(capsys, repo, "--format", "codequality"))
    assert item["check_name"] == "plein-validation" and item["location"]["lines"]["begin"] == 3
    assert main(["review", "--base", "main", "--root", str(repo), "--strict"]) == 1


def test_duplicate_question(repo, capsys):
    question = ("---\ntitle: Hoe krijg ik een parkeervergunning?\nauthor: sanne-bakker\n"
                "date: 2026-11-03 09:00\nkind: question\ntags: [parkeren]\n---\n\nWie weet het?\n")
    branch(repo, "ask", {"content/discussions/hoe-krijg-ik-een-parkeervergunning/index.md": question},
           who=("Sanne Bakker", "sanne@wetterveen.example"))
    text = review(capsys, repo)
    assert "- Sanne Bakker asks 'Hoe krijg ik een parkeervergunning?'" in text
    assert f"- 'Hoe vraag ik een parkeervergunning aan?' (content/discussions/{THREAD}/)" in text
    assert "- Jan de Vries (parkeren)" in text  # his expertise
    assert "Sanne Bakker (" not in text  # not the asker herself


def test_profile_change_in_plain_words(repo, capsys):
    profile = repo / "profiles/jan-de-vries.yml"
    text = profile.read_text().replace("[Omgevingswet, parkeren]", "[Omgevingswet, parkeren, GIS]")
    branch(repo, "profile", {"profiles/jan-de-vries.yml": text.replace("Beleidsadviseur", "Senior adviseur")})
    out = review(capsys, repo)
    assert "- Profile of Jan de Vries: role: Beleidsadviseur → Senior adviseur; expertise + GIS" in out
    assert "- `profiles/jan-de-vries.yml`: @jdevries or @acme/mods (Profiles)" in out


def test_approvers_come_from_the_target_branch_codeowners(repo, capsys):
    assert main(["codeowners", "--root", str(repo)]) == 0
    owners = (repo / "CODEOWNERS").read_text().replace("@jdevries @acme/mods", "@jdevries @acme/redactie")
    (repo / "CODEOWNERS").write_text(owners)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "owners")
    branch(repo, "reply", {REPLY: reply()})
    assert f"- `{REPLY}`: @jdevries or @acme/redactie (Discussions)" in review(capsys, repo)


def test_unknown_base_is_a_plain_error(repo, capsys):
    assert main(["review", "--base", "origin/nope", "--root", str(repo)]) == 1
    assert "--base origin/nope: no such commit or branch here" in capsys.readouterr().err


def test_every_commit_on_the_branch_counts(repo, capsys):
    branch(repo, "two", {REPLY: reply()})
    make_org(repo, {REPLY: reply(body="Toch niet."), "content/teams/ruimte.yml": "name: Ruimte en Wonen\n"
                                                                               "lead: fatima-el-amrani\n"})
    git(repo, "add", "-A")
    git(repo, "-c", f"user.name={EVE[0]}", "-c", f"user.email={EVE[1]}", "commit", "-q", "-m", "edit")
    text = review(capsys, repo, "--pusher", "jdevries")
    assert "content/teams/ruimte.yml: team pages are checked by a moderator" not in text  # said in Dutch:
    assert "content/teams/ruimte.yml: teampagina's controleert een moderator" in text
    assert "### Besluit: **eerst langs een moderator**" in text
    assert "- Team Ruimte en Wonen: name: Ruimtelijke Ordening → Ruimte en Wonen" in text
    assert "- `content/teams/ruimte.yml`: @felamrani or @acme/mods (Teams)" in text


def test_a_new_question_mentions_who_will_be_asked_by_forge_username(repo, capsys):
    question = ("---\ntitle: Mag ik in de blauwe zone parkeren?\nauthor: sanne-bakker\n"
                "date: 2026-11-03 09:00\nkind: question\ntags: [parkeren]\n---\n\nWie weet het?\n")
    branch(repo, "ask", {"content/discussions/blauwe-zone/index.md": question},
           who=("Sanne Bakker", "sanne@wetterveen.example"))
    text = review(capsys, repo)
    # the same people `plein digest --new-questions` e-mails after the merge; @ makes the forge tell them
    assert 'Once merged, these colleagues get a "can you help?" e-mail: @jdevries (Jan de Vries)' in text
