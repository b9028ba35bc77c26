"""The publishing policy's core: `decide`, a pure function of a change, the target branch, the
forge username of who made the change, and the options.

- publish: your own reply, question, status update, kudos to someone who opted in (or to a
  team), the personal fields of your own profile and photos in your own photo folder; news by
  the communications group; and removing your own reply, question, update, kudos or photo
  (what you may add alone you may take back alone; a removal that breaks other files fails
  validation).
- review: everything else, among it anything in someone else's name or folder (edits and
  removals too), HR's fields and forge_username, new and removed profiles, news, teams, Help
  pages, site pages, the site's settings, the pipeline, code, and anything outside content/
  and profiles/. Also everything when who made the change is unknown, and large changes.
- refuse: what does not validate, impersonation (a new file in someone else's name, or a
  changed writer), symbolic links, submodules and other non-regular files, executable content,
  paths that are not in their plain form, and changes too large to read.

"Own" is decided on the target branch only: the one person whose forge_username is the
username (ASCII, case-insensitive). A person without a forge username never publishes.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import fields as F
from ..model.load import MAX_PHOTO
from ..model.org import Person
from ..model.parse import PHOTO_EXTS, classify, is_photo, parse_file
from ..model.photos import check_image
from . import paths
from .ratelimit import KINDS as COUNTED, flood
from .change import EXECUTABLE, GITLINK, REGULAR, SYMLINK, ChangeSet, Decision, FileChange, FileVerdict, \
    PolicyOptions, TargetState
from .validation import new_problems
from .words import say, what

PERSONAL = frozenset({"bio", "expertise", "ask_me_about", "interests", "languages", "office_days",
                      "pronouns", "links", "phone", "chat", "photo", "digest", "kudos", "language",
                      "notify"})
HR = ("name", "email", "role", "team", "manager", "started", "left")
OPTION = {"reply": "reply", "thread": "question", "update": "update", "kudos": "kudos", "helped": "helped",
          "profile": "profile", "photo": "profile", "news": "news"}
PUBLISH, REVIEW, REFUSE = "publish", "review", "refuse"
_RANK = {PUBLISH: 0, REVIEW: 1, REFUSE: 2}


def decide(change: ChangeSet, target: TargetState, username: str | None,
           options: PolicyOptions | None = None) -> Decision:
    options = options or target.options
    lang = options.language
    user = _plain(username)
    if change.count > options.refuse_above:
        reason = say(lang, "too_many_files", n=change.count, limit=options.refuse_above)
        return Decision(REFUSE, (reason,), (), user or None, None, lang)
    files = _expand(change.files)
    me, who, who_code = _who(target.org, user, lang)
    parsed = {f.path: parse_file(f.path, f.new) for f in files
              if f.new is not None and not f.too_large and not f.outside and _is_record_path(f.path)}
    verdicts = [_opting_in(_file(f, me, user, target, options, parsed), files, parsed, target, lang)
                for f in files]
    found, elsewhere = new_problems(files, parsed, target)
    added = [f.path for f in change.files if f.status == "added"]  # moves are no new contributions
    many = flood(added, parsed, me.handle if me else None, target.org, options.publish_per_hour)
    out, general = [], []
    for v in verdicts:
        problem = found.get(v.path)
        if problem is not None and v.verdict != REFUSE and v.status != "deleted":
            v = FileVerdict(v.path, REFUSE, say(lang, "invalid", problem=_plain_problem(problem)), v.kind, v.status,
                            "invalid")
        if v.verdict == PUBLISH and me is None:
            v = FileVerdict(v.path, REVIEW, who, v.kind, v.status, who_code)
        if v.verdict == PUBLISH and many and v.path in added and v.kind in COUNTED:
            v = FileVerdict(v.path, REVIEW, say(lang, "flood", n=many.count, limit=many.limit), v.kind,
                            v.status, "flood")
        out.append(v)
    level = max((_RANK[v.verdict] for v in out), default=_RANK[REVIEW])
    for problem in elsewhere:
        general.append((REFUSE, f"{problem.path}: " + say(lang, "invalid", problem=_plain_problem(problem))))
    if not files:
        general.append((REVIEW, say(lang, "nothing")))
    if change.count > options.review_above:
        general.append((REVIEW, say(lang, "many_files", n=change.count, limit=options.review_above)))
    if options.unreadable:
        general.append((REVIEW, say(lang, "options_unreadable", why=options.unreadable)))
    level = max([level] + [_RANK[g] for g, _ in general])
    decision = next(k for k, r in _RANK.items() if r == level)
    reasons = [text for g, text in general if g == decision]
    reasons = [f"{v.path}: {v.reason}" for v in out if v.verdict == decision] + reasons
    return Decision(decision, tuple(dict.fromkeys(reasons)), tuple(out), user or None,
                    me.handle if me else None, lang)


def _plain(username: str | None) -> str:
    return (username or "").strip().lstrip("@").strip()


def _same_user(a: str, b: str) -> bool:
    """Forge usernames are ASCII; a lookalike in another script or width is another name."""
    a, b = _plain(a), _plain(b)
    return bool(a) and a.isascii() and b.isascii() and a.lower() == b.lower()


def _who(org, user: str, lang: str) -> tuple[Person | None, str, str]:
    """The target branch's person with this forge username, or None, why not and its key."""
    if not user:
        return None, say(lang, "no_username"), "no_username"
    found = [p for p in org.people.values() if p.forge_username and _same_user(p.forge_username, user)]
    if not found:
        return None, say(lang, "no_person", user=user), "no_person"
    if len(found) > 1:
        return None, say(lang, "ambiguous", user=user), "ambiguous"
    if found[0].alumnus:
        return None, say(lang, "alumnus", user=user, name=found[0].name), "alumnus"
    return found[0], "", ""


def _expand(files) -> list[FileChange]:
    """A rename is a removal where it was and an addition where it is: both sides must be yours."""
    out = []
    for f in files:
        if f.status == "renamed" and f.old_path:
            out.append(replace(f, path=f.old_path, status="deleted", new_mode=None, new=None, old_path=None))
            out.append(replace(f, status="added", old_mode=None, old=None, old_path=None))
        elif f.status == "renamed":
            out.append(replace(f, status="added", old_mode=None, old=None))
        else:
            out.append(f)
    return out


def _is_record_path(path: str) -> bool:
    return paths.problem(path) is None and paths.area(path) == "staff" and not is_photo(path)


def _plain_problem(problem) -> str:
    text = f"line {problem.line}: {problem.message}"
    return f"{text}. Fix: {problem.hint}" if problem.hint else text


def _file(f: FileChange, me, user, target, options, parsed) -> FileVerdict:
    lang = options.language

    def verdict(v, key, kind=None, **values):
        return FileVerdict(f.path, v, say(lang, key, **values), kind, f.status, key)

    for p in filter(None, (f.path, f.old_path)):
        if paths.problem(p) and not f.outside:
            return verdict(REFUSE, "not_canonical")
    mode = f.new_mode if f.status != "deleted" else None
    if mode == SYMLINK:
        return verdict(REFUSE, "symlink")
    if mode == GITLINK:
        return verdict(REFUSE, "gitlink")
    if mode is not None and mode not in (REGULAR, EXECUTABLE):
        return verdict(REFUSE, "mode", mode=mode)
    if f.too_large:
        return verdict(REFUSE, "too_large")
    area = "outside" if f.outside else paths.area(f.path)
    if mode == EXECUTABLE and area in ("staff", "help", "page"):
        return verdict(REFUSE, "executable")
    if f.old_mode in (SYMLINK, GITLINK) and f.status != "added":
        return verdict(REVIEW, "symlink" if f.old_mode == SYMLINK else "gitlink")
    if area != "staff":
        return verdict(REVIEW, area)
    if f.path.startswith("profiles/") and not f.path.endswith(".yml"):
        return _photo(f, me, target, options, verdict)
    kind, _ = classify(f.path)
    new = parsed.get(f.path)
    if new is not None and new.problems.errors:
        return verdict(REFUSE, "invalid", kind, problem=_plain_problem(new.problems.errors[0]))
    if kind is None:
        return verdict(REVIEW, "page")  # a misplaced file: validation refuses it (new_problems)
    old = parse_file(f.path, f.old).record if f.old is not None else None
    record = new.record if new is not None else None
    if kind == "profile":
        return _profile(f, old, record, me, options, verdict)
    if kind == "team":
        return verdict(REVIEW, "team", kind)
    if kind == "news":
        if "news" in options.publish and user and user.isascii() and user.lower() in options.communications:
            return verdict(PUBLISH, "comms_news", kind)
        return verdict(REVIEW, "news", kind)
    return _authored(f, kind, old, record, me, target, options, verdict)


def _opting_in(v: FileVerdict, files, parsed, target, lang) -> FileVerdict:
    """Kudos to someone who has not opted in are refused, unless the same change edits their
    profile (perhaps to opt in): then a moderator looks at both."""
    if v.code != "kudos_not_opted_in":
        return v
    to = getattr(parsed[v.path].record, "to", None)
    if any(f.path == f"profiles/{to}.yml" for f in files):
        name = _name(target, to)
        return FileVerdict(v.path, REVIEW, say(lang, "others", what=what(lang, "kudos"), name=name),
                           v.kind, v.status, "others")
    return v


def _mine(me, handle) -> bool:
    """Whether `handle` is the maker's, as far as can be told: with the maker unknown (me None)
    a file that would publish is sent to review by `decide`, with the reason why."""
    return me is None or handle == me.handle


def _writer(record) -> str | None:
    if record is None:
        return None
    return getattr(record, "sender", None) or getattr(record, "author", None)


def _name(target, handle) -> str:
    person = target.org.people.get(handle)
    return person.name if person else handle


def _authored(f, kind, old, new, me, target, options, verdict) -> FileVerdict:
    lang, allowed = options.language, OPTION[kind] in options.publish
    label = what(lang, kind)
    if f.status == "deleted":
        if old is None:
            return verdict(REVIEW, "unreadable_old", kind)
        if not _mine(me, _writer(old)):
            return verdict(REVIEW, "others_removed", kind, what=label, name=_name(target, _writer(old)))
        return verdict(PUBLISH, "own_removed", kind, what=label) if allowed else \
            verdict(REVIEW, "kind_off", kind, what=label)
    writer = _writer(new)
    if f.status == "changed":
        if old is None:
            return verdict(REVIEW, "unreadable_old", kind)
        if _writer(old) != writer:
            return verdict(REFUSE, "writer_changed", kind, old=_name(target, _writer(old)),
                           new=_name(target, writer))
        if not _mine(me, writer):
            return verdict(REVIEW, "others", kind, what=label, name=_name(target, writer))
        if getattr(old, "hidden", False) and (not new.hidden or new.hidden_reason != old.hidden_reason):
            return verdict(REVIEW, "unhidden", kind, what=label)  # a moderator hid it: one lifts it
    elif not _mine(me, writer):
        return verdict(REFUSE, "impersonation", kind, name=_name(target, writer), user=me.forge_username)
    if not allowed:
        return verdict(REVIEW, "kind_off", kind, what=label)
    if kind == "kudos":
        if new.to_team:
            team = target.org.teams.get(new.to_team)
            return verdict(PUBLISH, "own_kudos_team", kind, team=team.name if team else new.to_team)
        to = target.org.people.get(new.to)
        if to is not None and not to.kudos:  # they said no, on the target branch: nobody overrides that
            return verdict(REFUSE, "kudos_not_opted_in", kind, name=to.name)
        if to is None:
            return verdict(REVIEW, "others", kind, what=label, name=_name(target, new.to))
        return verdict(PUBLISH, "own_kudos", kind, name=to.name)
    return verdict(PUBLISH, f"own_{kind}", kind)


def _profile(f, old, new, me, options, verdict) -> FileVerdict:
    lang = options.language
    if f.status == "added":
        return verdict(REVIEW, "new_profile", "profile")
    if f.status == "deleted":
        return verdict(REVIEW, "removed_profile", "profile")
    if old is None:
        return verdict(REVIEW, "unreadable_old", "profile")
    if not _mine(me, old.handle) or (me is not None and me.source.path != f.path):
        return verdict(REVIEW, "others", "profile", what=what(lang, "profile"), name=old.name)
    changed = [x.name for x in F.PROFILE if getattr(old, x.name) != getattr(new, x.name)]
    hr = [x for x in changed if x in HR]
    if hr:
        return verdict(REVIEW, "hr_fields", "profile", fields=", ".join(hr))
    if "forge_username" in changed:
        return verdict(REVIEW, "forge_username", "profile")
    other = [x for x in changed if x not in PERSONAL]
    if other:
        return verdict(REVIEW, "other_fields", "profile", fields=", ".join(other))
    if "profile" not in options.publish:
        return verdict(REVIEW, "kind_off", "profile", what=what(lang, "profile"))
    if not changed:
        return verdict(PUBLISH, "own_profile_layout", "profile")
    return verdict(PUBLISH, "own_profile", "profile", fields=", ".join(changed))


def _photo(f, me, target, options, verdict) -> FileVerdict:
    lang = options.language
    owner = paths.photo_owner(f.path)
    if not f.path.lower().endswith(PHOTO_EXTS):
        return verdict(REVIEW if f.status == "deleted" else REFUSE, "photo_place")
    if owner is None:
        return verdict(REVIEW, "photo_place", "photo")
    if f.status != "deleted":
        why = _image_problem(f.new)
        if why:
            return verdict(REFUSE, "not_image", "photo", why=why)
    if not _mine(me, owner):
        return verdict(REVIEW, "photo_others", "photo", name=_name(target, owner))
    if "profile" not in options.publish:
        return verdict(REVIEW, "kind_off", "photo", what=what(lang, "photo"))
    if f.status == "deleted":
        return verdict(PUBLISH, "own_removed", "photo", what=what(lang, "photo"))
    return verdict(PUBLISH, "own_photo", "photo")


def _image_problem(raw: bytes | None) -> str | None:
    import io
    if raw is None:
        return "empty"
    if len(raw) > MAX_PHOTO:
        return f"{len(raw):,} bytes; at most {MAX_PHOTO:,}"
    return check_image(io.BytesIO(raw))
