"""Near-duplicate topics, pointed out as notices (never errors): a profile that writes a topic
otherwise than most colleagues do ('graphql' where three write 'GraphQL'), or a topic one
letter away from one more people use ('Kubernets' and 'Kubernetes'). The site already shows
one topic for each spelling group (model/topics.py); the notice keeps the files tidy and
catches the typos that no rule can fold."""
from __future__ import annotations

from collections import Counter

from .org import Org
from .problems import Problems

MIN_TYPO = 6  # shorter keys are too often other words one letter apart ('java', 'jira')


def _deletions(key: str) -> set:
    return {key} | {key[:i] + key[i + 1:] for i in range(len(key))}


def _close(org: Org) -> dict:
    """{key: the key one edit away that most people declare, if more than declare this one}."""
    by_variant: dict = {}
    for key in org.topics:
        if len(key) >= MIN_TYPO:
            for variant in _deletions(key):
                by_variant.setdefault(variant, set()).add(key)
    size = {key: len(topic.people) for key, topic in org.topics.items()}
    close: dict = {}
    for keys in by_variant.values():
        for key in keys:
            best = max((k for k in keys if size[k] > size[key]), key=lambda k: (size[k], k), default=None)
            if best and (key not in close or size[best] > size[close[key]]):
                close[key] = best
    return close


def near_duplicates(org: Org, problems: Problems) -> None:
    """A notice per profile that writes a topic as fewer people do than its usual spelling,
    or one letter off a topic more people declare."""
    written = Counter()  # (key, spelling) -> how many people write it so
    for person in org.people.values():
        for label in _labels(person):
            written[org.topic_key(label), label] += 1
    close = _close(org)
    for person in org.people.values():
        for label in _labels(person):
            key = org.topic_key(label)
            topic = org.topics.get(key)
            if topic is None:
                continue
            usual = topic.label
            if label != usual and written[key, usual] > written[key, label]:
                problems.add(person.source.path, person.source.at("expertise"),
                             f"expertise '{label}' is the topic '{usual}', as {written[key, usual]} "
                             "colleague(s) write it", f"write '{usual}', so that the topic has one spelling",
                             severity="notice")
            elif key in close:
                other = org.topics[close[key]]
                problems.add(person.source.path, person.source.at("expertise"),
                             f"expertise '{label}' looks like the topic '{other.label}' of "
                             f"{len(other.people)} colleague(s)", f"if it is the same, write '{other.label}'",
                             severity="notice")


def _labels(person) -> list:
    return list(dict.fromkeys(" ".join(label.split()) for label in person.expertise))
