"""What the contribution commands say after sending: data cases over the command's kind, the
person's forge username and the site's options."""
from types import SimpleNamespace

import pytest

from plein.contrib.nextstep import next_step

ALL = ("reply", "question", "update", "kudos", "profile", "news")
CASES = [
    ("reply", "jdevries", ALL, (), "nl", "Je reactie staat binnen een paar minuten op het intranet"),
    ("ask", "jdevries", ALL, (), "nl", "Je vraag staat binnen een paar minuten"),
    ("update", "jdevries", ALL, (), "en", "Your update will be on the intranet within a few minutes"),
    ("kudos", "@JDevries", ALL, (), "en", "Your kudos will be on the intranet"),
    ("reply", "", ALL, (), "nl", "omdat je gebruikersnaam op GitLab of GitHub niet in je profiel staat"),
    ("reply", "jdevries", (), (), "nl", "omdat deze site die bijdragen eerst laat bekijken"),
    ("update", "jdevries", ("reply",), (), "en", "because this site has these contributions looked at first"),
    ("news", "jdevries", ALL, (), "nl", "omdat nieuws langs het communicatieteam gaat"),
    ("news", "sbakker", ALL, ("@sbakker",), "nl", "Je nieuwsbericht staat binnen een paar minuten"),
    ("profile", "jdevries", ALL, (), "en", "A moderator looks at this first, because a new profile"),
]


@pytest.mark.parametrize("kind,user,publish,comms,lang,expected", CASES)
def test_next_step(kind, user, publish, comms, lang, expected):
    me = SimpleNamespace(forge_username=user)
    settings = SimpleNamespace(publish=publish, communications_usernames=comms, language=lang)
    assert expected in next_step(kind, me, settings)
