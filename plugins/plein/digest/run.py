"""A run of `plein digest`: the digests of one period, or the "can you help?" e-mails about
new questions, delivered at most once each through a transport and the send log."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from ..errors import FatalError
from ..git import log as gitlog
from ..model.load import load
from ..model.org import Org
from .compose import Composer, Digest
from .experts import MAILED, Experts
from .headers import Unsafe
from .mail import Mailer
from .send import Broken, Refused
from .sendlog import FAILED, SENDING, SENT, SendLog
from .since import new_since

PERIODS = {"weekly": timedelta(days=7), "daily": timedelta(days=1)}
assert set(PERIODS) == set(MAILED)
MAX_BACK = timedelta(days=35)  # someone whose last digest is older hears of the last five weeks
# Questions this new get "can you help?" e-mails, once (the send log marks them done); long
# enough for a merge request that waited, since a question appears at its commit's date.
QUESTIONS_BACK = timedelta(days=14)


@dataclass
class Job:
    key: str  # the period or day in the send log
    handle: str
    name: str  # of the .eml file in a dry run
    make: object  # () -> the message, called only when the message is sent


@dataclass
class Outcome:
    sent: list = field(default_factory=list)
    already: list = field(default_factory=list)  # sent by an earlier run
    uncertain: list = field(default_factory=list)  # an earlier run stopped while sending these
    failed: list = field(default_factory=list)  # (handle, reason)
    skipped: list = field(default_factory=list)  # (handle, why): could not be mailed safely
    stopped: str = ""  # why the run stopped early


@dataclass
class Run:
    org: Org
    history: object
    mailer: Mailer
    log: SendLog
    now: datetime

    problems: list = field(default_factory=list)  # of loading the repository

    def __post_init__(self):
        self.experts = Experts(self.org)
        self.unsure = unsure_digest(self.org, self.problems)
        self.unsure_notify = unsure_digest(self.org, self.problems, "notify")

    def mailable(self, person) -> bool:
        """Fail closed: only a current colleague whose `digest` is exactly weekly or daily, as
        read without a problem, is mailed. A value the loader refused (`digest: sometimes`)
        would read as the default: it is not mailed."""
        return not person.alumnus and person.digest in MAILED and person.handle not in self.unsure

    def unloaded(self) -> list[str]:
        """The profiles with errors that gave no person: nobody is mailed from them."""
        loaded = {p.source.path for p in self.org.people.values()}
        return sorted({pr.path for pr in self.problems if getattr(pr, "severity", "error") == "error"
                       and pr.path.startswith("profiles/") and pr.path.count("/") == 1
                       and pr.path not in loaded})

    def since(self, handle: str, period: str) -> datetime:
        last = self.log.last_digest.get(handle)
        default = self.now - PERIODS[period]
        return max(last if last and last < self.now else default, self.now - MAX_BACK)

    def digests(self, period: str, only: list | None = None) -> list[Digest]:
        """The digests with something new, of everyone whose `digest` is `period` (or of `only`)."""
        people = only if only is not None else [p for p in self.org.active_people()
                                                 if p.digest == period and self.mailable(p)]
        if not people:
            return []
        since = {p.handle: self.since(p.handle, period) for p in people}
        new = new_since(self.org, self.history, min(since.values()), self.now)
        composer = Composer(self.org, new, self.experts)
        return [d for p in people if not (d := composer.digest(p, since[p.handle])).empty]

    def digest_jobs(self, period: str, digests: list[Digest]) -> list[Job]:
        key = period_key(period, self.now)
        return [Job(key, d.person.handle, f"digest-{d.person.handle}", lambda d=d: self.mailer.digest(d))
                for d in digests]

    def help_jobs(self, since: datetime | None = None) -> tuple[list[Job], list[str]]:
        """E-mails to the people who know each new open question best: one a day at most per
        person; the rest wait for the digest. Also the ids of the questions handled."""
        start = since or self.now - QUESTIONS_BACK
        new = new_since(self.org, self.history, start, self.now)
        key, jobs, taken, questions = f"help/{self.now.date().isoformat()}", [], set(), []
        for _, t in new.threads:
            if t.kind != "question" or t.answered or self.log.get(f"question/{t.id}", "*") == SENT:
                continue
            questions.append(t.id)
            for person, topics in self.experts.asked(t):
                if person.handle in taken or not self.mailable(person) \
                        or self.log.get(key, person.handle) in (SENT, SENDING):
                    continue
                taken.add(person.handle)
                jobs.append(Job(key, person.handle, f"help-{person.handle}-{t.id}",
                                lambda p=person, t=t, k=topics: self.mailer.help(p, t, k)))
        return jobs, questions


def unsure_digest(org: Org, problems, name: str = "digest") -> set:
    """The people whose profile has a problem on its `digest` (or `name`) line: the value they
    wrote was not understood, so the default they would get is not what they asked for."""
    at = {}
    for p in org.people.values():
        line = p.source.lines.get(name)
        if line:
            at[(p.source.path, line)] = p.handle
    return {at[(pr.path, pr.line)] for pr in problems
            if getattr(pr, "severity", "error") == "error" and (pr.path, pr.line) in at}


def period_key(period: str, now: datetime) -> str:
    if period == "weekly":
        year, week, _ = now.isocalendar()
        return f"digest/weekly/{year}-W{week:02d}"
    return f"digest/daily/{now.date().isoformat()}"


def deliver(jobs: list[Job], transport, log: SendLog, progress=lambda items: items) -> Outcome:
    """Each job at most once: skipped when the log has it sent, or under way when a run stopped."""
    out = Outcome()
    todo = []
    for job in jobs:
        state = log.get(job.key, job.handle)
        if state == SENT:
            out.already.append(job.handle)
        elif state == SENDING:
            out.uncertain.append(job.handle)
        else:
            todo.append(job)
    try:
        for job in progress(todo):
            try:
                msg = job.make()
            except Unsafe as err:  # nothing was sent: a later run tries again, once it is fixed
                out.skipped.append((job.handle, str(err)))
                continue
            log.write(job.key, job.handle, SENDING)
            try:
                transport.send(msg, job.name)
            except Refused as err:
                log.write(job.key, job.handle, FAILED, str(err))
                out.failed.append((job.handle, str(err)))
                continue
            except Broken as err:
                out.stopped = str(err)
                out.uncertain.append(job.handle)
                break
            log.write(job.key, job.handle, SENT)
            out.sent.append(job.handle)
    finally:
        transport.close()
        log.close()
    return out


def open_run(root: Path, now: datetime, log_path: Path | None, sender: str | None, write_log: bool) -> Run:
    from ..contrib import settings as contrib_settings
    from ..model.parsecache import ParseCache
    from ..search.store import cache_folder, settings
    from ..site.links import Forge

    opts = settings(root)
    if not opts["site_url"]:
        raise FatalError(f"{root / 'mkdocs.yml'}: 'site_url' is not set, so e-mails cannot link to the "
                         "site. Fix: set site_url to the intranet's address, e.g. https://intranet.example.org/")
    folder = cache_folder(opts["config_dir"], opts["cache_dir"], root, opts["docs_dir"])
    cache = ParseCache(folder)
    org, problems = load(root, cache)
    org = org.with_topic_synonyms(opts.get("topic_synonyms"))
    cache.save()
    history = gitlog.scan(root)
    forge = contrib_settings.read(root)
    site_name = _site_name(root)
    try:
        mailer = Mailer(org, site_name, opts["site_url"], opts["language"],
                        Forge(forge.forge, forge.repo_url, forge.branch, forge.editor), sender)
    except ValueError as err:
        if sender:
            raise FatalError(f"PLEIN_MAIL_FROM: {err}. Fix: set it to the sender's name and one "
                             "address, e.g. 'Intranet <intranet@example.org>'") from None
        raise FatalError(f"{root / 'mkdocs.yml'}: the site's host in site_url gives no sender address "
                         f"({err}). Fix: set PLEIN_MAIL_FROM to the sender's name and address") from None
    log = SendLog(log_path or folder / "digest" / "sent.jsonl", now, write=write_log)
    run = Run(org, history, mailer, log, now, problems)
    run.warning = history.warning
    return run


def _site_name(root: Path) -> str:
    from mkdocs.config import load_config
    return load_config(str(root / "mkdocs.yml")).site_name

