"""The words of Plein's pages in Dutch and English, and dates localised with Babel.

One catalogue, a dict per language: a key missing in one language falls back to English,
so an untranslated string shows as English rather than as its key."""
from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberFormatError, format_decimal, parse_decimal

EN = {
    "home": "Home", "people": "People", "teams": "Teams", "news": "News",
    "discussions": "Discussions", "updates": "Status updates", "kudos": "Kudos",
    "expertise": "Expertise", "alumni": "Alumni", "orgchart": "Organisation chart",
    "changes": "Recent changes", "welcome": "Welcome to {site}",
    "pinned": "Pinned", "latest_news": "Latest news", "all_news": "All news",
    "open_questions": "Open questions", "answered": "Answered questions",
    "recent_discussions": "Recent discussions", "all_discussions": "All discussions",
    "latest_updates": "Latest status updates", "all_updates": "All status updates",
    "new_colleagues": "New colleagues", "recent_kudos": "Recent kudos", "all_kudos": "Kudos wall",
    "nothing_yet": "Nothing here yet.",
    "filter_team": "Team", "filter_location": "Location", "filter_expertise": "Expertise",
    "filter_language": "Language", "filter_any": "All", "filter_reset": "Clear filters",
    "filter_count": "{n} shown", "no_match": "Nobody matches these filters.",
    "directory_intro": {"one": "{n} colleague. Filter by team, location, expertise or language.",
                        "other": "{n} colleagues. Filter by team, location, expertise or language."},
    "see_alumni": "Former colleagues (alumni)",
    "alumni_intro": "Colleagues who have left. What they wrote stays on the intranet.",
    "alumnus_banner": "{name} left the organisation on {date}. Everything they wrote stays here.",
    "former": "former colleague",
    "role": "Role", "team": "Team", "manager": "Manager", "reports": "Reports",
    "location": "Location", "office_days": "In the office", "languages": "Languages",
    "ask_me_about": "Ask me about", "interests": "Interests", "email": "E-mail",
    "phone": "Phone", "chat": "Chat", "links": "Links", "pronouns": "Pronouns",
    "started": "Started", "left": "Left", "about": "About",
    "edit_profile": "Edit my profile", "written": "Contributions",
    "their_news": "News", "their_threads": "Questions and discussions",
    "their_replies": "Replies", "their_updates": "Status updates",
    "kudos_received": "Kudos received", "accepted_answer": "Accepted answer",
    "reply_in": "in", "last_updated": "Last updated", "contributors": "Contributors",
    "lead": "Lead", "members": "Members", "subteams": "Sub-teams", "parent_team": "Part of",
    "channel": "Channel", "team_news_feed": "News feed of this team (Atom)",
    "orgchart_intro": "{teams}, {people}. Open a team to see its sub-teams.",
    "people_count": {"one": "{n} person", "other": "{n} people"},
    "teams_n": {"one": "{n} team", "other": "{n} teams"},
    "colleagues_n": {"one": "{n} colleague", "other": "{n} colleagues"},
    "expertise_intro": "Who knows about {topic}?",
    "declared_by": "Colleagues with this expertise",
    "answered_by": "Answered questions about this topic",
    "replied_by": "Took part in discussions about this topic",
    "all_topics": "All expertise", "topics_intro": {"one": "{n} topic. Colleagues declare their expertise in their profile.",
                                                "other": "{n} topics. Colleagues declare their expertise in their profile."},
    "archive": "Archive", "archive_intro": "News that has expired.",
    "news_for": "News for {what}", "by": "by", "for": "For",
    "feed": "Atom feed", "read_more": "Read more", "page_n": "Page {n} of {total}",
    "previous": "Previous", "next": "Next", "everyone": "everyone",
    "open": "Open", "answered_short": "Answered", "discussion": "Discussion", "question": "Question",
    "replies_n": {"one": "{n} reply", "other": "{n} replies"}, "reply": "Reply", "ask": "Ask a question",
    "start_discussion": "Start a discussion", "asked_by": "Asked by {name} on {date}",
    "started_by": "Started by {name} on {date}", "no_replies": "No replies yet.",
    "replies": "Replies", "tags": "Tags",
    "kudos_to": "to", "kudos_intro": "Thanks between colleagues.",
    "updates_intro": "Short messages about what colleagues are working on.",
    "changes_intro": "The latest changes to the intranet's files.",
    "files": "files", "git_unavailable": "No Git history is available.",
    "started_on": "Started {date}", "placeholder_reply": "Write your reply here.",
    "placeholder_question": "Describe your question here.",
    "placeholder_title": "Your question", "your_handle": "your-handle",
    "helped_me": "This helped me", "helped_one": "This helped 1 person", "helped_n": {"one": "This helped {n} person", "other": "This helped {n} people"},
    "helped_aria": "This helped me: {name}'s reply (a new file in your name, with your handle in its name)",
    "team_kudos": "Kudos for this team", "kudos_for_team": "to team",
    "skip_filters": "Filters",
    "give_kudos": "Give kudos", "share_update": "Share an update",
    "edit_file": "or edit the file on {forge}", "write_file": "Prefer to write the file on {forge}?",
    "raw_steps": "Open a new file there and paste this text; put your handle where it says your-handle, "
                 "in the file name and after 'author:'.",
    "raw_open": "New file on {forge}",
    "subteams_n": {"one": "{n} sub-team", "other": "{n} sub-teams"}, "subteams_one": "1 sub-team", "of_team": "of {team}",
}

NL = {
    "home": "Home", "people": "Mensen", "teams": "Teams", "news": "Nieuws",
    "discussions": "Discussies", "updates": "Statusupdates", "kudos": "Kudos",
    "expertise": "Expertise", "alumni": "Oud-collega's", "orgchart": "Organogram",
    "changes": "Recente wijzigingen", "welcome": "Welkom op {site}",
    "pinned": "Vastgepind", "latest_news": "Laatste nieuws", "all_news": "Alle nieuws",
    "open_questions": "Open vragen", "answered": "Beantwoorde vragen",
    "recent_discussions": "Recente discussies", "all_discussions": "Alle discussies",
    "latest_updates": "Laatste statusupdates", "all_updates": "Alle statusupdates",
    "new_colleagues": "Nieuwe collega's", "recent_kudos": "Recente kudos", "all_kudos": "Kudosmuur",
    "nothing_yet": "Hier staat nog niets.",
    "filter_team": "Team", "filter_location": "Locatie", "filter_expertise": "Expertise",
    "filter_language": "Taal", "filter_any": "Alle", "filter_reset": "Filters wissen",
    "filter_count": "{n} getoond", "no_match": "Niemand voldoet aan deze filters.",
    "directory_intro": {"one": "{n} collega. Filter op team, locatie, expertise of taal.",
                        "other": "{n} collega's. Filter op team, locatie, expertise of taal."},
    "see_alumni": "Oud-collega's",
    "alumni_intro": "Collega's die zijn vertrokken. Wat zij schreven blijft op het intranet.",
    "alumnus_banner": "{name} is op {date} uit dienst gegaan. Alles wat {name} schreef blijft hier staan.",
    "former": "oud-collega",
    "role": "Functie", "team": "Team", "manager": "Leidinggevende", "reports": "Medewerkers",
    "location": "Locatie", "office_days": "Op kantoor", "languages": "Talen",
    "ask_me_about": "Vraag me over", "interests": "Interesses", "email": "E-mail",
    "phone": "Telefoon", "chat": "Chat", "links": "Links", "pronouns": "Voornaamwoorden",
    "started": "In dienst sinds", "left": "Uit dienst", "about": "Over mij",
    "edit_profile": "Mijn profiel bewerken", "written": "Bijdragen",
    "their_news": "Nieuws", "their_threads": "Vragen en discussies",
    "their_replies": "Reacties", "their_updates": "Statusupdates",
    "kudos_received": "Ontvangen kudos", "accepted_answer": "Geaccepteerd antwoord",
    "reply_in": "in", "last_updated": "Laatst bijgewerkt", "contributors": "Bijdragers",
    "lead": "Teamleider", "members": "Leden", "subteams": "Subteams", "parent_team": "Onderdeel van",
    "channel": "Kanaal", "team_news_feed": "Nieuwsfeed van dit team (Atom)",
    "orgchart_intro": "{teams}, {people}. Klap een team open voor de subteams.",
    "people_count": {"one": "{n} persoon", "other": "{n} mensen"},
    "teams_n": {"one": "{n} team", "other": "{n} teams"},
    "colleagues_n": {"one": "{n} collega", "other": "{n} collega's"},
    "expertise_intro": "Wie weet er iets van {topic}?",
    "declared_by": "Collega's met deze expertise",
    "answered_by": "Beantwoordden vragen over dit onderwerp",
    "replied_by": "Deden mee aan discussies over dit onderwerp",
    "all_topics": "Alle expertise", "topics_intro": {"one": "{n} onderwerp. Collega's vermelden hun expertise in hun profiel.",
                                                "other": "{n} onderwerpen. Collega's vermelden hun expertise in hun profiel."},
    "archive": "Archief", "archive_intro": "Nieuws dat is verlopen.",
    "news_for": "Nieuws voor {what}", "by": "door", "for": "Voor",
    "feed": "Atom-feed", "read_more": "Lees verder", "page_n": "Pagina {n} van {total}",
    "previous": "Vorige", "next": "Volgende", "everyone": "iedereen",
    "open": "Open", "answered_short": "Beantwoord", "discussion": "Discussie", "question": "Vraag",
    "replies_n": {"one": "{n} reactie", "other": "{n} reacties"}, "reply": "Reageer", "ask": "Stel een vraag",
    "start_discussion": "Begin een discussie", "asked_by": "Gevraagd door {name} op {date}",
    "started_by": "Gestart door {name} op {date}", "no_replies": "Nog geen reacties.",
    "replies": "Reacties", "tags": "Onderwerpen",
    "kudos_to": "aan", "kudos_intro": "Waardering tussen collega's.",
    "updates_intro": "Korte berichten over waar collega's mee bezig zijn.",
    "changes_intro": "De laatste wijzigingen in de bestanden van het intranet.",
    "files": "bestanden", "git_unavailable": "Er is geen Git-geschiedenis beschikbaar.",
    "started_on": "Begonnen op {date}", "placeholder_reply": "Schrijf hier je reactie.",
    "placeholder_question": "Beschrijf hier je vraag.",
    "placeholder_title": "Je vraag", "your_handle": "jouw-handle",
    "helped_me": "Dit hielp mij", "helped_one": "Dit hielp 1 persoon", "helped_n": {"one": "Dit hielp {n} persoon", "other": "Dit hielp {n} mensen"},
    "helped_aria": "Dit hielp mij: de reactie van {name} (een nieuw bestand op jouw naam, met je handle in de naam)",
    "team_kudos": "Kudos voor dit team", "kudos_for_team": "aan team",
    "skip_filters": "Filters",
    "give_kudos": "Geef kudos", "share_update": "Deel een update",
    "edit_file": "of bewerk het bestand op {forge}", "write_file": "Liever zelf het bestand op {forge} maken?",
    "raw_steps": "Maak daar een nieuw bestand en plak deze tekst erin; zet je handle waar jouw-handle staat, "
                 "in de bestandsnaam en achter 'author:'.",
    "raw_open": "Nieuw bestand op {forge}",
    "subteams_n": {"one": "{n} subteam", "other": "{n} subteams"}, "subteams_one": "1 subteam", "of_team": "van {team}",
}

# the directory's filters over the whole organisation (search/browser/directory.js)
EN.update({"filter_query": "Name or text", "filter_day": "Office day", "directory_one": "1 colleague",
           "directory_count": {"one": "{n} colleague", "other": "{n} colleagues"}, "filter_error": "Filtering does not work right now.",
           "directory_browse": "Browse by team or expertise, or page through everyone below.",
           "people_at": "Colleagues at {place}", "locations": "Locations", "all_people": "Everyone",
           "news_here": "News for this location"})
NL.update({"filter_query": "Naam of tekst", "filter_day": "Kantoordag", "directory_one": "1 collega",
           "directory_count": {"one": "{n} collega", "other": "{n} collega's"}, "filter_error": "Filteren lukt nu niet.",
           "directory_browse": "Blader per team of expertise, of door iedereen hieronder.",
           "people_at": "Collega's op {place}", "locations": "Locaties", "all_people": "Iedereen",
           "news_here": "Nieuws voor deze locatie"})

# moderation after publishing (issue 25): the "Report" links and the moderators' page (site/moderation.py)
EN.update({"report": "Report", "report_aria": "Report: {what} by {name}", "report_title": "Report",
           "report_thread": "question", "report_reply": "reply", "report_update": "status update",
           "report_kudos": "kudos",
           "report_discussion": "discussion", "report_page": "Page",
           "report_why": "Why (what is wrong with it):",
           "moderation": "Moderation",
           "moderation_intro": "For moderators. Everything staff write about themselves is published at "
                               "once; here you see what was published in the last {days} days, the reports "
                               "and what moderators hid.",
           "moderation_reports": "Reports", "moderation_reports_link": "Open reports (label {label})",
           "moderation_reports_search": "also those without the label",
           "moderation_reports_mail": "Reports arrive by e-mail at {email}.",
           "moderation_reports_none": "This site has no issue tracker and no moderators' e-mail address "
                                      "(options report_to and moderators_email), so it shows no Report links.",
           "moderation_hide": "To hide an item, add hidden: true and hidden_reason (why, in a few words) to "
                              "its file ('hide' below opens it), through one merge request. "
                              "It leaves the site, search, the digest and the e-mails; Git keeps it.",
           "moderation_hide_link": "hide", "moderation_hide_aria": "Hide: {label} (opens the file on {forge})",
           "moderation_recent": "Published in the last {days} days",
           "moderation_recent_none": "Nothing was published in the last {days} days.",
           "moderation_hidden": "Hidden items", "moderation_hidden_none": "No items are hidden.",
           "moderation_when": "Date", "moderation_kind": "Item", "moderation_who": "By",
           "moderation_where": "Where", "moderation_reason": "Reason", "moderation_file": "File",
           "moderation_open": "open"})
NL.update({"report": "Melden", "report_aria": "Melden: {what} van {name}", "report_title": "Melding",
           "report_thread": "vraag", "report_reply": "reactie", "report_update": "statusupdate",
           "report_kudos": "kudos",
           "report_discussion": "discussie", "report_page": "Pagina",
           "report_why": "Waarom (wat is er mis mee):",
           "moderation": "Moderatie",
           "moderation_intro": "Voor moderatoren. Wat medewerkers over zichzelf schrijven, staat meteen "
                               "online; hier zie je wat de afgelopen {days} dagen gepubliceerd is, de "
                               "meldingen en wat moderatoren verborgen hebben.",
           "moderation_reports": "Meldingen", "moderation_reports_link": "Open meldingen (label {label})",
           "moderation_reports_search": "ook die zonder label",
           "moderation_reports_mail": "Meldingen komen per e-mail binnen op {email}.",
           "moderation_reports_none": "Deze site heeft geen issuetracker en geen e-mailadres van de "
                                      "moderatoren (opties report_to en moderators_email), dus er staan "
                                      "geen Melden-links op.",
           "moderation_hide": "Om een bericht te verbergen, voeg je hidden: true en hidden_reason (waarom, "
                              "in een paar woorden) toe aan het bestand ('verbergen' hieronder opent het), via "
                              "één merge request. Het verdwijnt van de site, uit het zoeken, de digest en "
                              "de e-mails; Git bewaart het.",
           "moderation_hide_link": "verbergen",
           "moderation_hide_aria": "Verbergen: {label} (opent het bestand op {forge})",
           "moderation_recent": "Gepubliceerd in de afgelopen {days} dagen",
           "moderation_recent_none": "De afgelopen {days} dagen is niets gepubliceerd.",
           "moderation_hidden": "Verborgen berichten", "moderation_hidden_none": "Er zijn geen berichten verborgen.",
           "moderation_when": "Datum", "moderation_kind": "Bericht", "moderation_who": "Door",
           "moderation_where": "Waar", "moderation_reason": "Reden", "moderation_file": "Bestand",
           "moderation_open": "openen"})

WEEKDAYS = {"en": dict(mon="Mon", tue="Tue", wed="Wed", thu="Thu", fri="Fri", sat="Sat", sun="Sun"),
            "nl": dict(mon="ma", tue="di", wed="wo", thu="do", fri="vr", sat="za", sun="zo")}
CATALOGUE = {"en": EN, "nl": NL}


class Lang:
    """The strings and date formats of one language."""

    def __init__(self, code: str):
        self.code = code
        self.locale = Locale.parse(code)
        self.words = {**EN, **CATALOGUE.get(code, {})}
        self.day = lru_cache(maxsize=8192)(self._day)
        self._short = lru_cache(maxsize=8192)(self._short_day)

    def t(self, key: str, **values):
        """The words of key with values filled in. A count's words are a dict of Babel's
        plural categories ("one", "other", …): the value named by its "count" (default n)
        picks the form, by the language's own rules, so 1 gives "1 persoon", not "1 mensen".
        Asked without values, such an entry gives its forms, for the browser's Intl.PluralRules."""
        text = self.words.get(key, key)
        if isinstance(text, dict):
            if not values:
                return {k: v for k, v in text.items() if k != "count"}
            name = text.get("count", "n")
            text = self.plural(text, values.get(name))
            if isinstance(values.get(name), int):  # 1336 → "1.336" in Dutch
                values = {**values, name: format_decimal(values[name], locale=self.locale)}
        return text.format(**values) if values else text

    def plural(self, forms: dict, count) -> str:
        """The form for count, a number or one formatted for this language ("1.234", as the
        Insights page writes its figures); a figure that is no number ("–") takes "other"."""
        try:
            if isinstance(count, str):
                count = parse_decimal(count, locale=self.locale, strict=True)
            category = self.locale.plural_form(count)
        except (TypeError, ValueError, NumberFormatError):
            category = "other"
        return forms.get(category) or forms["other"]

    def _day(self, value: date) -> str:
        if isinstance(value, datetime):
            value = value.date()
        return format_date(value, format="long", locale=self.locale)

    def _short_day(self, value: date) -> str:
        return format_date(value, format="d MMM y", locale=self.locale)

    def moment(self, value: datetime) -> str:
        """'21 nov 2026 12:04': Babel's 'd MMM y HH:mm', with the date part cached per day
        (times are almost all distinct; formatting each with Babel costs 50 µs)."""
        return f"{self._short(value.date())} {value:%H:%M}"

    def weekday(self, key: str) -> str:
        return WEEKDAYS.get(self.code, WEEKDAYS["en"]).get(key, key)

    def language(self, code: str) -> str:
        """'en' → 'Engels' in Dutch; codes Babel does not know stay as they are."""
        if code == "other":
            return {"nl": "overig"}.get(self.code, "other")
        return self.locale.languages.get(code, code)


# The Insights page (issue 19)
EN.update({
    "insights": "Insights", "ins_table": "The numbers as a table", "ins_intro": "Does the intranet work? How many colleagues take part, whether "
    "questions get answered and whether profiles are complete: figures about the whole organisation "
    "and its teams, never about one person.",
    "ins_csv": "Download the figures (CSV)", "ins_participation": "Participation per month",
    "ins_chart_people": "Colleagues who contributed, and new profiles, per month",
    "ins_chart_activity": "Questions, replies, status updates and kudos per month",
    "ins_month": "Month", "ins_quarter": "Quarter", "ins_contributors": "Contributed",
    "ins_new_profiles": "New profiles", "ins_questions": "Questions", "ins_replies": "Replies",
    "ins_updates": "Status updates", "ins_kudos": "Kudos", "ins_answers": "Answers",
    "ins_accepted_summary": {"count": "questions",
                             "one": "{accepted} of {questions} question has an accepted answer ({share}%).",
                             "other": "{accepted} of {questions} questions have an accepted answer ({share}%)."},
    "ins_chart_answers": "Median hours until the first reply and until the accepted answer, per quarter asked",
    "ins_first_reply": "Hours to first reply", "ins_accepted_after": "Hours to accepted answer",
    "ins_open_title": "Questions open for more than {days} days", "ins_asked": "Asked",
    "ins_days_open": "Days open", "ins_no_open": "No question has been open that long.",
    "ins_profiles": "Profiles", "ins_chart_profiles": "Share of active colleagues whose profile has…",
    "ins_people": "People", "ins_share_active": "Share of active colleagues",
    "ins_with_expertise": "expertise", "ins_with_photo": "a photo", "ins_with_bio": "a bio",
    "ins_with_manager": "a manager",
    "ins_stale": {"count": "active",
                  "one": "{n} of {active} active profile ({share}%) has not been changed for more than a year.",
                  "other": "{n} of {active} active profiles ({share}%) have not been changed for more than a year."},
    "ins_stale_unknown": "Without Git history the site cannot tell which profiles have not been changed for a year.",
    "ins_knowledge": "Knowledge kept",
    "ins_alumni_answers": {"count": "total",
                           "one": "{n} of the {total} accepted answer was written by a colleague who has since left.",
                           "other": "{n} of the {total} accepted answers were written by colleagues who have since left."},
    "ins_not_found_count": "How often these answers are found through search or related content is not "
    "counted: the intranet is a static site and does not record what readers do.",
    "ins_topics": "Topics", "ins_chart_topics": "The most asked-about topics: questions and accepted answers",
    "ins_topic": "Topic", "ins_answered": "With accepted answer", "ins_gaps": "Gaps",
    "ins_gaps_intro": "Topics colleagues ask about that no active colleague lists as expertise.",
    "ins_no_gaps": "Every topic asked about is someone's expertise.", "ins_teams": "Per team",
    "ins_teams_intro": "The share of each team's own active colleagues who contributed in the last {months} "
    "months. Only teams with at least {min} people of their own are shown, so that nobody can be singled "
    "out; sub-teams are not added to their parent.",
    "ins_teams_hidden": {"one": "{n} smaller team is not shown.", "other": "{n} smaller teams are not shown."},
    "ins_method": "What this page counts, and what it does not",
    "ins_method_counted": "Counted: questions, discussions, replies, status updates, kudos and news by their "
    "dates, and changes to profiles by their Git commits (a commit counts for the colleague whose profile has "
    "its e-mail address).",
    "ins_method_people": "Not counted: anything about one named colleague. There are no rankings or lists of "
    "people; only open questions are listed, and they are public on the intranet anyway.",
    "ins_method_not": "Not known: page views, searches and reading. The intranet records no visitors.",
    "ins_method_day": "Figures up to and including {day}; they are made again when the site is built.",
})
NL.update({
    "insights": "Inzicht", "ins_table": "De cijfers als tabel", "ins_intro": "Werkt het intranet? Hoeveel collega's doen mee, krijgen vragen "
    "antwoord en zijn profielen compleet: cijfers over de hele organisatie en haar teams, nooit over één persoon.",
    "ins_csv": "Download de cijfers (CSV)", "ins_participation": "Deelname per maand",
    "ins_chart_people": "Collega's die iets bijdroegen, en nieuwe profielen, per maand",
    "ins_chart_activity": "Vragen, reacties, statusupdates en kudos per maand",
    "ins_month": "Maand", "ins_quarter": "Kwartaal", "ins_contributors": "Droegen bij",
    "ins_new_profiles": "Nieuwe profielen", "ins_questions": "Vragen", "ins_replies": "Reacties",
    "ins_updates": "Statusupdates", "ins_kudos": "Kudos", "ins_answers": "Antwoorden",
    "ins_accepted_summary": {"count": "questions",
                             "one": "{accepted} van de {questions} vraag heeft een geaccepteerd antwoord ({share}%).",
                             "other": "{accepted} van de {questions} vragen hebben een geaccepteerd antwoord ({share}%)."},
    "ins_chart_answers": "Mediaan aantal uren tot de eerste reactie en tot het geaccepteerde antwoord, per kwartaal van de vraag",
    "ins_first_reply": "Uren tot eerste reactie", "ins_accepted_after": "Uren tot geaccepteerd antwoord",
    "ins_open_title": "Vragen die langer dan {days} dagen open staan", "ins_asked": "Gesteld",
    "ins_days_open": "Dagen open", "ins_no_open": "Geen vraag staat zo lang open.",
    "ins_profiles": "Profielen", "ins_chart_profiles": "Aandeel actieve collega's met in hun profiel…",
    "ins_people": "Mensen", "ins_share_active": "Aandeel actieve collega's",
    "ins_with_expertise": "expertise", "ins_with_photo": "een foto", "ins_with_bio": "een bio",
    "ins_with_manager": "een leidinggevende",
    "ins_stale": {"count": "active",
                  "one": "{n} van het {active} actieve profiel ({share}%) is langer dan een jaar niet gewijzigd.",
                  "other": "{n} van de {active} actieve profielen ({share}%) zijn langer dan een jaar niet gewijzigd."},
    "ins_stale_unknown": "Zonder Git-geschiedenis kan de site niet zien welke profielen een jaar niet zijn gewijzigd.",
    "ins_knowledge": "Bewaarde kennis",
    "ins_alumni_answers": {"count": "total",
                           "one": "{n} van het {total} geaccepteerde antwoord is geschreven door een collega die inmiddels is vertrokken.",
                           "other": "{n} van de {total} geaccepteerde antwoorden zijn geschreven door collega's die inmiddels zijn vertrokken."},
    "ins_not_found_count": "Hoe vaak deze antwoorden via zoeken of verwante inhoud worden gevonden, wordt niet "
    "geteld: het intranet is een statische site en houdt niet bij wat lezers doen.",
    "ins_topics": "Onderwerpen", "ins_chart_topics": "De meest gevraagde onderwerpen: vragen en geaccepteerde antwoorden",
    "ins_topic": "Onderwerp", "ins_answered": "Met geaccepteerd antwoord", "ins_gaps": "Witte vlekken",
    "ins_gaps_intro": "Onderwerpen waar collega's naar vragen, maar die geen actieve collega als expertise noemt.",
    "ins_no_gaps": "Elk onderwerp waarnaar gevraagd wordt, is iemands expertise.", "ins_teams": "Per team",
    "ins_teams_intro": "Het aandeel van de eigen actieve collega's van elk team dat in de laatste {months} "
    "maanden iets bijdroeg. Alleen teams met ten minste {min} eigen mensen staan hier, zodat niemand herkenbaar "
    "is; subteams tellen niet mee bij hun bovenliggende team.",
    "ins_teams_hidden": {"one": "{n} kleiner team staat er niet bij.", "other": "{n} kleinere teams staan er niet bij."},
    "ins_method": "Wat deze pagina telt, en wat niet",
    "ins_method_counted": "Geteld: vragen, discussies, reacties, statusupdates, kudos en nieuws op hun datum, en "
    "wijzigingen van profielen op hun Git-commits (een commit telt voor de collega met het e-mailadres ervan in het profiel).",
    "ins_method_people": "Niet geteld: iets over één collega met naam. Er zijn geen ranglijsten of lijsten van "
    "mensen; alleen open vragen staan erbij, en die zijn op het intranet toch al openbaar.",
    "ins_method_not": "Niet bekend: paginabezoeken, zoekopdrachten en lezen. Het intranet registreert geen bezoekers.",
    "ins_method_day": "Cijfers tot en met {day}; ze worden opnieuw gemaakt als de site wordt gebouwd.",
})
