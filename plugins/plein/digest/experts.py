"""Who is likely to answer a question: who-knows' ranking (declared expertise, accepted
answers and replies per topic, search.whoknows.by_topic) summed over the question's topics.

The topics of a question are its tags and the known expertise topics whose words all occur
in its title. The digest lists a question to its LIKELY best people; the ASKED best of them,
who did not set `digest: off`, also get a "can you help?" e-mail, and the review of the
question's merge request mentions those same people by forge username."""
from __future__ import annotations

from ..model.org import Org, Person, Thread
from ..model.topics import topic_words
from ..search.whoknows import by_topic

ASKED = 3
LIKELY = 5
MAILED = ("weekly", "daily")  # the `digest` values that get e-mail; anything else gets none


class Experts:
    """The ranking of every topic, computed once (one pass over people and threads)."""

    def __init__(self, org: Org):
        self.org = org
        self.ranked = by_topic(org, top=LIKELY * 2)
        self.by_word: dict[str, list[str]] = {}  # first word -> topic keys starting with it
        self.words = {key: topic_words(topic.label) for key, topic in org.topics.items()}
        for key, words in self.words.items():
            if words:
                self.by_word.setdefault(words[0], []).append(key)

    def topics(self, thread: Thread) -> list[str]:
        keys = dict.fromkeys(self.org.topic_key(tag) for tag in thread.tags)
        title = topic_words(thread.title)
        present = set(title)
        for word in title:
            for key in self.by_word.get(word, ()):
                if set(self.words[key]) <= present:
                    keys.setdefault(key, None)
        return list(keys)

    def likely(self, thread: Thread, n: int = LIKELY) -> list[tuple[Person, list[str]]]:
        """The n active people who know the question's topics best (never its author), each
        with the topics they know, best first."""
        scores: dict[str, int] = {}
        known: dict[str, list[str]] = {}
        for key in self.topics(thread):
            for handle, score in self.ranked.get(key, ()):
                if handle != thread.author:
                    scores[handle] = scores.get(handle, 0) + score
                    known.setdefault(handle, []).append(key)
        people = self.org.people
        best = sorted(scores, key=lambda h: (-scores[h], people[h].name.casefold(), h))[:n]
        return [(people[h], [self.label(k) for k in known[h]]) for h in best]

    def asked(self, thread: Thread) -> list[tuple[Person, list[str]]]:
        """Who gets a "can you help?" e-mail about the question (and a mention in its review)."""
        return [(p, topics) for p, topics in self.likely(thread) if p.digest in MAILED][:ASKED]

    def label(self, key: str) -> str:
        topic = self.org.topics.get(key)
        return topic.label if topic else key

