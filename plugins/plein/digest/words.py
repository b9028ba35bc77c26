"""The words of the digest and "can you help?" e-mails in Dutch and English; a key missing in
one language falls back to English, as site.i18n does."""
from __future__ import annotations

from ..site.i18n import Lang

EN = {
    "subject": "{site}: what is new for you since {since}",
    "help_subject": "Can you help? {title}",
    "hello": "Hello {name},",
    "intro": "This is what happened on the intranet since {since} that concerns you.",
    "questions": "Questions you may be able to answer",
    "questions_why": "You know about {topics}.",
    "replies": "New replies in your discussions",
    "reply_by": "{name} replied in",
    "news": "News for you",
    "colleagues": "New colleagues in your team",
    "colleague_started": "{role}, started on {date}",
    "kudos": "Kudos you received",
    "kudos_from": "from {name}",
    "open": "Open on the intranet",
    "more": "… and {n} more on the intranet",
    "help_intro": "{name} asked a question about {topics}, and you are one of the colleagues "
                  "who know most about it. Can you help?",
    "help_reply": "Read the question and reply",
    "help_rest": "You get at most one such e-mail a day; other questions wait for your digest.",
    "footer": "You get this e-mail {how}. Change that with the field 'digest' (weekly, daily or off) "
              "in your profile:",
    "footer_help": "You get this e-mail because your profile lists expertise on this topic. "
                   "To stop these e-mails, set 'digest: off' in your profile:",
    "edit_profile": "Edit my profile",
    "weekly": "every week", "daily": "every day", "off": "never",
    "mentions": "Colleagues who named you",
    "mention_in": "{name} named you in",
    "mention_update": "{name} named you in a status update",
    "helped": "Your replies helped",
    "helped_by": "{name} says your reply helped them:",
    "notice_reply_subject": "{name} replied to your question: {title}",
    "notice_mention_subject": "{name} mentioned you on the intranet",
    "notice_reply": "{name} replied to your question",
    "notice_mention_reply": "{name} mentioned you in a reply to",
    "notice_mention_question": "{name} mentioned you in the question",
    "notice_mention_update": "{name} mentioned you in a status update:",
    "notice_open": "Read the reply",
    "notice_open_other": "Read it on the intranet",
    "footer_notice": "You get this e-mail at once because your profile says 'notify: instant' (the "
                     "default). Write 'notify: digest' to hear of it in your digest instead, or "
                     "'notify: off':",
}

NL = {
    "subject": "{site}: nieuw voor jou sinds {since}",
    "help_subject": "Kun je helpen? {title}",
    "hello": "Hallo {name},",
    "intro": "Dit is er sinds {since} op het intranet gebeurd dat jou aangaat.",
    "questions": "Vragen die jij misschien kunt beantwoorden",
    "questions_why": "Jij weet iets van {topics}.",
    "replies": "Nieuwe reacties in jouw discussies",
    "reply_by": "{name} reageerde in",
    "news": "Nieuws voor jou",
    "colleagues": "Nieuwe collega's in je team",
    "colleague_started": "{role}, begonnen op {date}",
    "kudos": "Kudos voor jou",
    "kudos_from": "van {name}",
    "open": "Bekijk op het intranet",
    "more": "… en nog {n} op het intranet",
    "help_intro": "{name} stelde een vraag over {topics}, en jij bent een van de collega's die "
                  "daar het meest van weten. Kun je helpen?",
    "help_reply": "Lees de vraag en reageer",
    "help_rest": "Je krijgt hooguit één zo'n e-mail per dag; andere vragen komen in je overzicht.",
    "footer": "Je krijgt deze e-mail {how}. Dat verander je met het veld 'digest' (weekly, daily of off) "
              "in je profiel:",
    "footer_help": "Je krijgt deze e-mail omdat je profiel expertise over dit onderwerp noemt. "
                   "Wil je deze e-mails niet meer, zet dan 'digest: off' in je profiel:",
    "edit_profile": "Mijn profiel bewerken",
    "weekly": "elke week", "daily": "elke dag", "off": "nooit",
    "mentions": "Collega's die je noemden",
    "mention_in": "{name} noemde je in",
    "mention_update": "{name} noemde je in een statusupdate",
    "helped": "Je reacties hielpen",
    "helped_by": "{name} zegt dat je reactie hielp:",
    "notice_reply_subject": "{name} reageerde op je vraag: {title}",
    "notice_mention_subject": "{name} noemde je op het intranet",
    "notice_reply": "{name} reageerde op je vraag",
    "notice_mention_reply": "{name} noemde je in een reactie op",
    "notice_mention_question": "{name} noemde je in de vraag",
    "notice_mention_update": "{name} noemde je in een statusupdate:",
    "notice_open": "Lees de reactie",
    "notice_open_other": "Bekijk het op het intranet",
    "footer_notice": "Je krijgt deze e-mail meteen omdat je profiel 'notify: instant' zegt (de "
                     "standaard). Schrijf 'notify: digest' om het in je overzicht te lezen, of "
                     "'notify: off':",
}

CATALOGUE = {"en": EN, "nl": NL}


class MailLang(Lang):
    """The site's language (dates through Babel) with the mail's words."""

    def __init__(self, code: str):
        super().__init__(code)
        self.words = {**self.words, **EN, **CATALOGUE.get(code, {})}
