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
# (kind, contributions in the hour before, publish_per_hour, expected): the policy's flood limit
FLOOD = [
    ("reply", 9, 10, "Je reactie staat binnen een paar minuten"),
    ("reply", 10, 10, "omdat je het afgelopen uur al 10 bijdragen plaatste (meer dan 10 per uur"),
    ("update", 3, 2, "omdat je het afgelopen uur al 3 bijdragen plaatste"),
    ("update", 1, 1, "omdat je het afgelopen uur al 1 bijdrage plaatste"),
    ("kudos", 50, 0, "Je kudos staat binnen een paar minuten"),  # 0: no limit
]


@pytest.mark.parametrize("kind,user,publish,comms,lang,expected", CASES)
def test_next_step(kind, user, publish, comms, lang, expected):
    me = SimpleNamespace(forge_username=user)
    settings = SimpleNamespace(publish=publish, communications_usernames=comms, language=lang)
    assert expected in next_step(kind, me, settings)


@pytest.mark.parametrize("kind,recent,limit,expected", FLOOD)
def test_next_step_forecasts_the_flood_limit(kind, recent, limit, expected):
    me = SimpleNamespace(forge_username="jdevries")
    settings = SimpleNamespace(publish=ALL, communications_usernames=(), language="nl", publish_per_hour=limit)
    assert expected in next_step(kind, me, settings, recent)
