"""tools/generate-org (synthetic organisations of any size) and tools/generate-example (the
bundled example, Gemeente Wetterveen): deterministic, counts that scale, a git history of the
requested length, and records that fit the fields declared in plugins/plein/model/fields.py.

The files are read with PyYAML here, not with plein's loader: `test_example_valid.py` runs
`plein validate` on the example in the repository."""
from __future__ import annotations

import datetime as dt
import io
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
TOOLS = REPO / "tools"
sys.path.insert(0, str(TOOLS))

from orggen.yamltext import Raw, scalar, yaml_text  # noqa: E402

from plein.model import fields as F  # noqa: E402  (the declarations only, not the loader)

HANDLE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\Z")
TODAY = dt.date(2026, 11, 27)


def run(tool: str, *args: str) -> str:
    done = subprocess.run([sys.executable, str(TOOLS / tool), *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(root).parts}


def kinds(files) -> Counter:
    """Number of files of each kind of record, by path."""
    c = Counter()
    for rel in files:
        parts = rel.split("/")
        if parts[0] == "profiles":
            c["photo" if rel.endswith(".png") else "profile" if rel.endswith(".yml") else "other"] += 1
        elif parts[1] == "discussions":
            c["reply" if len(parts) == 5 and parts[3] == "replies" else "thread"] += 1
        else:
            c[{"teams": "team", "news": "news", "updates": "update", "kudos": "kudos"}[parts[1]]] += 1
    return c


def front(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n"), text[:40]
    head, _, body = text[4:].partition("\n---\n")
    return yaml.safe_load(head), body.strip()


def day(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def load(root: Path) -> dict:
    """Every record, parsed with PyYAML and checked against the declared fields."""
    declared = {kind: ({f.name for f in fields}, {f.name for f in fields if f.required}, limit)
                for kind, (fields, limit) in F.KINDS.items()}
    org = {k: {} for k in ("profile", "team", "news", "thread", "reply", "update", "kudos")}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if not path.is_file() or rel.startswith(".git/") or "/." in "/" + rel:
            continue
        parts = rel.split("/")
        text = path.read_text(encoding="utf-8") if not rel.endswith(".png") else None
        if rel.endswith(".png"):
            continue
        if parts[0] == "profiles":
            assert text.startswith("# yaml-language-server: $schema=../schema/profile.schema.json\n"), rel
            kind, key, data, body = "profile", parts[1][:-4], yaml.safe_load(text), None
        elif parts[1] == "teams":
            assert text.startswith("# yaml-language-server: $schema=../../schema/team.schema.json\n"), rel
            kind, key, data, body = "team", parts[2][:-4], yaml.safe_load(text), None
        else:
            data, body = front(text)
            if parts[1] == "discussions":
                kind, key = ("thread", parts[2]) if parts[3] == "index.md" else ("reply", (parts[2], parts[4][:-3]))
            elif parts[1] == "updates":
                kind, key = "update", (parts[2], parts[3][:-3])
                assert re.fullmatch(r"\d{4}-\d\d-\d\d-\d+", parts[3][:-3]), rel
            elif parts[1] == "kudos":
                kind, key = "kudos", parts[3][:-3]
                assert parts[3].startswith(f"{day(data['date'])}-{data['from']}-"), rel
            else:
                kind, key = "news", parts[3][:-3]
                assert parts[2] == parts[3][:4] == str(data["date"])[:4], rel
        names, required, limit = declared[kind]
        assert set(data) <= names, (rel, set(data) - names)
        assert required <= set(data), (rel, required - set(data))
        if limit and kind in ("update", "kudos"):
            assert 0 < len(body) <= limit, rel
        org[kind][key] = (data, body)
    return org


def check(org: dict) -> None:
    """The rules every organisation must keep (references, cycles, opt-ins, ...)."""
    people, teams = org["profile"], org["team"]
    assert all(HANDLE.match(h) for h in people) and all(HANDLE.match(t) for t in teams)
    emails = [p["email"] for p, _ in people.values()]
    assert len(emails) == len(set(emails))
    for h, (p, _) in people.items():
        assert p["team"] in teams, h
        assert p.get("manager") in people or "manager" not in p, h
        assert p.get("manager") != h
        assert isinstance(p["kudos"], bool) if "kudos" in p else True
        assert set(p.get("office_days", [])) <= set(F.WEEKDAYS) and set(p.get("languages", [])) <= set(F.LANGUAGES)
        if "left" in p:
            assert day(p["left"]) < TODAY and day(p["started"]) < day(p["left"])
        seen, m = {h}, p.get("manager")  # the manager chain ends
        while m:
            assert m not in seen, f"manager cycle through {h}"
            seen.add(m)
            m = people[m][0].get("manager")
    for t, (team, _) in teams.items():
        assert team.get("lead") in people
        seen, parent = {t}, team.get("parent")
        while parent:
            assert parent in teams and parent not in seen, t
            seen.add(parent)
            parent = teams[parent][0].get("parent")
    for key, (n, _) in org["news"].items():
        assert n["authors"] and set(n["authors"]) <= set(people), key
        assert set((n.get("audience") or {}).get("teams", [])) <= set(teams)
    replies_of: dict[str, list[str]] = {}
    for (slug, rid), (r, _) in org["reply"].items():
        assert r["author"] in people and rid.endswith("-" + r["author"]), rid
        assert rid.startswith(str(r["date"])[:10] + "T" + str(r["date"])[11:13] + "-" + str(r["date"])[14:16])
        assert slug in org["thread"]
        replies_of.setdefault(slug, []).append(rid)
    for slug, (t, _) in org["thread"].items():
        assert t["author"] in people and t["kind"] in F.THREAD_KINDS
        if "accepted" in t:
            assert t["kind"] == "question" and t["accepted"] in replies_of.get(slug, []), slug
    for (handle, _), _ in org["update"].items():
        assert handle in people
    for key, (k, _) in org["kudos"].items():
        assert k["from"] in people and (("to" in k) != ("to_team" in k)), key
        if "to" in k:
            assert people[k["to"]][0].get("kudos") is True and k["to"] != k["from"], key
        else:
            assert k["to_team"] in teams


# ---- tools/generate-org ----

def test_generate_org_is_deterministic_for_a_seed(tmp_path):
    run("generate-org", "--people", "60", "--seed", "3", "-q", str(tmp_path / "a"))
    run("generate-org", "--people", "60", "--seed", "3", "-q", str(tmp_path / "b"))
    run("generate-org", "--people", "60", "--seed", "4", "-q", str(tmp_path / "c"))
    a, b, c = tree(tmp_path / "a"), tree(tmp_path / "b"), tree(tmp_path / "c")
    assert a == b
    assert a != c


@pytest.mark.parametrize("people", [1, 7, 90])
def test_counts_scale_with_people(tmp_path, people):
    run("generate-org", "--people", str(people), "--seed", "1", "-q", str(tmp_path))
    c = kinds(tree(tmp_path))
    assert c["profile"] == people and c["photo"] == 0
    assert c["team"] == min(people, max(3, round(people / 30)))
    assert c["news"] == round(people * 4 / 3)
    assert c["thread"] == round(people * 2 / 3)
    assert c["reply"] == round(people * 10 / 3)
    assert c["update"] == 2 * people
    assert c["kudos"] == round(people / 3)
    org = load(tmp_path)
    check(org)
    if people >= 50:
        assert 0 < sum("left" in p for p, _ in org["profile"].values()) <= people * 0.05


def test_counts_can_be_set(tmp_path):
    run("generate-org", "--people", "30", "--teams", "5", "--news", "3", "--threads", "4", "--replies", "9",
        "--updates", "0", "--kudos", "11", "--photos", "-q", str(tmp_path))
    c = kinds(tree(tmp_path))
    assert (c["profile"], c["team"], c["news"], c["thread"], c["reply"], c["update"], c["kudos"]) == \
        (30, 5, 3, 4, 9, 0, 11)
    assert 0 < c["photo"] <= 30
    check(load(tmp_path))


def test_generated_text_has_zipf_topics_and_both_languages(tmp_path):
    run("generate-org", "--people", "200", "--seed", "2", "--news", "0", "--threads", "0", "--replies", "0",
        "--updates", "0", "--kudos", "0", "-q", str(tmp_path))
    profiles = [yaml.safe_load(p.read_text()) for p in (tmp_path / "profiles").glob("*.yml")]
    topics = Counter(t.lower() for p in profiles for t in p["expertise"])
    common = [n for _, n in topics.most_common()]
    assert len(topics) > 100 and common[0] > 5 * common[len(common) // 2]
    raw = Counter(t for p in profiles for t in p["expertise"])
    assert any(t != t.lower() and raw[t.lower()] for t in raw), "no case variants like GIS/gis"
    bios = [p["bio"] for p in profiles if "bio" in p]
    assert all(80 <= len(b.split()) <= 260 for b in bios)
    assert any(" ik " in b for b in bios) and any(" I " in b for b in bios)


def test_git_history_has_the_requested_commits(tmp_path):
    for name in ("a", "b"):
        out = run("generate-org", "--people", "40", "--seed", "5", "--git", "--commits", "150", str(tmp_path / name))
        assert "git: 150 commits" in out
    repo = tmp_path / "a"
    git = lambda *a: subprocess.run(["git", "-C", str(repo), *a], capture_output=True, text=True, check=True).stdout
    assert git("rev-list", "--count", "HEAD").strip() == "150"
    assert git("status", "--porcelain") == ""
    assert git("fsck", "--strict", "--no-dangling").strip() == ""
    head = git("rev-parse", "HEAD")
    assert head == subprocess.run(["git", "-C", str(tmp_path / "b"), "rev-parse", "HEAD"],
                                  capture_output=True, text=True).stdout  # same authors, dates, contents
    emails = {p["email"] for p, _ in load(repo)["profile"].values()}
    authors = Counter(git("log", "--format=%ae").split())
    assert set(authors) <= emails | {"import@plein.example"}
    assert len(authors) > 10
    edits = git("log", "--diff-filter=M", "--format=", "--name-only").split()
    assert edits and all(p.startswith("profiles/") for p in edits)
    dates = [int(x) for x in git("log", "--format=%at").split()]
    assert dates == sorted(dates, reverse=True)


def test_git_default_is_one_commit(tmp_path):
    run("generate-org", "--people", "10", "--git", "-q", str(tmp_path))
    done = subprocess.run(["git", "-C", str(tmp_path), "rev-list", "--count", "HEAD"], capture_output=True, text=True)
    assert done.stdout.strip() == "1"


def test_more_commits_than_files(tmp_path):
    run("generate-org", "--people", "3", "--git", "--commits", "200", "-q", str(tmp_path))
    git = lambda *a: subprocess.run(["git", "-C", str(tmp_path), *a], capture_output=True, text=True).stdout
    assert git("rev-list", "--count", "HEAD").strip() == "200" and git("status", "--porcelain") == ""


def test_refuses_a_folder_with_files(tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    done = subprocess.run([sys.executable, str(TOOLS / "generate-org"), "--people", "5", str(tmp_path)],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "not empty" in done.stderr
    assert (tmp_path / "keep.txt").read_text() == "mine"


# ---- tools/generate-example ----

@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("example")
    run("generate-example", "--out", str(out))
    return out


def test_example_is_deterministic_and_removes_only_its_own_old_files(example, tmp_path):
    run("generate-example", "--out", str(tmp_path))
    assert tree(tmp_path) == tree(example)
    manifest = tmp_path / "profiles/.generated-example"
    (tmp_path / "content/news/2026/2026-01-01-oud.md").write_text("old")
    (tmp_path / "content/discussions/oud/replies").mkdir(parents=True)
    (tmp_path / "content/discussions/oud/replies/2026-01-01T10-00-jan-de-vries.md").write_text("old")
    (tmp_path / "profiles/someone-else.yml").write_text("mine")
    manifest.write_text(manifest.read_text() + "content/news/2026/2026-01-01-oud.md\n"
                        "content/discussions/oud/replies/2026-01-01T10-00-jan-de-vries.md\n")
    run("generate-example", "--out", str(tmp_path))
    assert not (tmp_path / "content/news/2026/2026-01-01-oud.md").exists()
    assert not (tmp_path / "content/discussions/oud").exists()
    assert (tmp_path / "profiles/someone-else.yml").read_text() == "mine"
    (tmp_path / "profiles/someone-else.yml").unlink()
    assert tree(tmp_path) == tree(example)


def test_example_organisation(example):
    org = load(example)
    check(org)
    people, teams = org["profile"], org["team"]
    active = {h: p for h, (p, _) in people.items() if "left" not in p}
    alumni = {h: p for h, (p, _) in people.items() if "left" in p}
    assert len(people) >= 42 and len(teams) >= 7 and len(alumni) == 2
    # a real hierarchy: one root, the gemeentesecretaris; every team has a lead
    roots = [h for h, p in active.items() if "manager" not in p]
    assert len(roots) == 1 and "gemeentesecretaris" in people[roots[0]][0]["role"].lower()
    assert sum(1 for t, _ in teams.values() if "parent" not in t) == 1
    assert all("lead" in t and t["lead"] in active for t, _ in teams.values())
    jan = people["jan-de-vries"][0]
    assert jan["team"] == "ruimte" and "GIS" in jan["expertise"] and jan["manager"] == "fatima-el-amrani"
    assert teams["ruimte"][0]["lead"] == "fatima-el-amrani"
    # alumni wrote replies; one is the accepted answer on a topic only that alumnus answered
    replies = {k: r for k, (r, _) in org["reply"].items()}
    assert all(any(r["author"] == h for r in replies.values()) for h in alumni)
    solo = []
    for slug, (t, _) in org["thread"].items():
        authors = {r["author"] for (s, _), r in replies.items() if s == slug}
        if t.get("accepted") and authors and authors <= set(alumni):
            for tag in t["tags"]:
                answered_by = {r["author"] for (s, _), r in replies.items()
                               if tag.lower() in [x.lower() for x in org["thread"][s][0]["tags"]]}
                if answered_by <= set(alumni):
                    solo.append((slug, tag))
    assert solo, "no accepted alumnus answer on a topic only the alumnus answered"
    assert sum(1 for (_, rid) in replies if rid.endswith("jan-de-vries")) >= 3
    # news: one pinned, one scheduled far ahead, one expired
    news = [n for n, _ in org["news"].values()]
    assert len(news) >= 10 and sum(n.get("pinned") is True for n in news) == 1
    assert any(str(n["date"]).startswith("2030-06-01 09:00") for n in news)
    assert any("expires" in n and day(n["expires"]) < TODAY for n in news)
    threads = [t for t, _ in org["thread"].values()]
    assert len(threads) >= 6 and len(replies) >= 20
    assert {t["kind"] for t in threads} == {"question", "discussion"}
    assert any(t["kind"] == "question" and "accepted" not in t for t in threads)
    assert len(org["update"]) >= 20 and len(org["kudos"]) >= 10
    assert any("to_team" in k for k, _ in org["kudos"].values())
    # content dates: June 2025 up to two days ago (and the one scheduled item)
    dates = [day(n["date"]) for n in news] + [day(r["date"]) for r in replies.values()] + \
        [day(t["date"]) for t in threads] + [day(u["date"]) for u, _ in org["update"].values()] + \
        [day(k["date"]) for k, _ in org["kudos"].values()]
    assert all(dt.date(2025, 6, 1) <= d <= dt.date(2026, 11, 25) or d.year == 2030 for d in dates)
    # writers were there at the time
    for r in list(replies.values()) + threads:
        who = people[r["author"]][0]
        assert day(who["started"]) <= day(r["date"]) < day(who.get("left", dt.date(9999, 1, 1)))
    assert sum(TODAY - day(p["started"]) <= dt.timedelta(days=60) for p in active.values()) >= 2
    assert 0 < sum("phone" in p for p in active.values()) < len(active)
    assert 0 < sum(p.get("kudos") is True for p in active.values()) < len(active)
    # case variants of topics, English text, and 'bestuurder' / 'bestuurders' for stemming
    topics = [t for p in active.values() for t in p.get("expertise", [])]
    assert "GIS" in topics and "gis" in topics
    assert any(p["bio"].startswith("I ") for p in active.values() if "bio" in p)
    assert any("bestuurders" in p.get("bio", "") for p in active.values())
    assert any(re.search(r"\bbestuurder\b", p["role"]) for p in active.values())


def test_example_photos_are_small_plain_avatars(example):
    from PIL import Image
    photos = sorted((example / "profiles/photos").glob("*/*.png"))  # a folder per person, as the editor
    assert len(photos) >= 40
    for path in photos:
        assert path.stat().st_size < 4000
        img = Image.open(io.BytesIO(path.read_bytes()))
        assert img.format == "PNG" and img.size == (128, 128)
        assert not img.info and not img.getexif()
        photo = f"photo: photos/{path.parent.name}/{path.name}"
        assert (example / "profiles" / (path.stem + ".yml")).read_text().count(photo) == 1


# ---- YAML text ----

def test_scalars_read_back_as_written():
    rng = random.Random(0)
    alphabet = "aZé :#,-[]{}'\"!?&*|>%@`\\\n\t/.019yesnoNULLtrue~\u2028\x7f\x85\u00a0😀"
    for _ in range(1000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert yaml.safe_load("k: " + scalar(s))["k"] == s
        assert yaml.safe_load("k: [" + scalar(s, flow=True) + "]")["k"] == [s]
        if s.strip("\n"):
            assert yaml.safe_load(yaml_text({"bio": s}))["bio"].strip("\n") == s.strip("\n")
    assert yaml_text({"date": Raw("2026-11-20 09:00"), "pinned": True, "x": "No"}) == \
        'date: 2026-11-20 09:00\npinned: true\nx: "No"\n'
