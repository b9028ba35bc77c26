"""Varied Dutch and English text from sentence templates and word lists (synthetic data).

Every template takes the same slots, filled per item by :meth:`TextGen.slots`:
t1 t2 t3 (topics), team, role, year, yrs, city, employer, partner, study, interest,
interest2, day, place, name, region, month, n.
"""
from __future__ import annotations

from .vocab import CITIES, EMPLOYERS_EN, EMPLOYERS_NL, INTERESTS, LOCATIONS, REGIONS

PARTNERS_NL = ["de wijkteams", "het bestuur", "ketenpartners", "inwoners", "ondernemers",
               "de provincie", "het waterschap", "de woningcorporaties", "de GGD", "de politie",
               "scholen", "zorgaanbieders", "buurgemeenten", "de omgevingsdienst"]
PARTNERS_EN = ["the neighbourhood teams", "the board", "our partners", "residents", "local businesses",
               "the province", "the water board", "housing associations", "the police", "schools",
               "care providers", "neighbouring municipalities"]
STUDIES_NL = ["bestuurskunde", "planologie", "rechten", "sociologie", "informatica", "geografie",
              "bedrijfskunde", "communicatiewetenschap", "economie", "sociaal werk", "civiele techniek",
              "data science", "milieukunde", "psychologie", "geschiedenis", "bouwkunde"]
STUDIES_EN = ["public administration", "urban planning", "law", "sociology", "computer science",
              "geography", "business", "communication science", "economics", "social work",
              "civil engineering", "data science", "environmental science", "psychology", "history"]
DAYS_NL = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"]
DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
FIRST = ["Anne", "Bas", "Ingrid", "Mohamed", "Sanne", "Pieter", "Aylin", "Kees", "Priya", "Joost",
         "Fleur", "Youssef", "Marieke", "Erik", "Nadia", "Wouter", "Esther", "Sarah", "Daan", "Petra"]

BIO_INTRO = {
    "nl": ["Ik ben {role} in het team {team} en werk sinds {year} bij de gemeente.",
           "Sinds {year} werk ik als {role} bij team {team}.",
           "Als {role} bij {team} houd ik me dagelijks bezig met {t1}.",
           "Ik werk als {role} in het team {team}, met {t1} als rode draad."],
    "en": ["I am a {role} in the {team} team and joined the municipality in {year}.",
           "Since {year} I have worked as {role} in team {team}.",
           "As {role} in {team} I spend most of my days on {t1}.",
           "I work in the {team} team as {role}, with {t1} as the common thread."],
}
BIO = {
    "nl": ["Mijn werk draait vooral om {t1} en {t2}.",
           "Daarvoor werkte ik {yrs} jaar bij {employer} in {city}.",
           "Collega's weten me te vinden voor vragen over {t1}, maar ook voor een frisse blik op {t2}.",
           "Ik vind het belangrijk dat inwoners merken wat ons werk oplevert, en dat we uitleggen waarom we keuzes maken.",
           "Op dit moment werk ik aan een project rond {t2}, samen met collega's uit andere teams.",
           "Mijn achtergrond ligt in {t3}; die kennis komt bij {t1} verrassend vaak van pas.",
           "Ik werk graag samen met {partner}, want de beste oplossingen ontstaan als je vroeg met elkaar om tafel zit.",
           "Loop gerust binnen als je met {t1} aan de slag gaat: liever een vraag te vroeg dan een bezwaarschrift te laat.",
           "Buiten werktijd houd ik van {interest} en {interest2}.",
           "Meestal ben ik op {day} op {place} te vinden.",
           "Mijn ambitie: {t1} zo regelen dat het voor inwoners eenvoudig is en voor collega's uitlegbaar.",
           "Ik heb {study} gestudeerd in {city} en ben daarna de publieke sector in gerold.",
           "Wat ik leuk vind aan mijn werk? De afwisseling tussen beleid en uitvoering, en de korte lijnen in een gemeente als de onze.",
           "Samen met een paar collega's organiseer ik een maandelijks kennisuur over {t2}.",
           "Ik zit in de werkgroep {t3} en denk graag mee over hoe we dat organisatiebreed oppakken.",
           "Mijn motto: eerst begrijpen, dan pas oplossen.",
           "Heb je cijfers of achtergrond nodig over {t1}? Ik help je graag op weg.",
           "In {year} ben ik begonnen aan een opleiding {t2}, die ik inmiddels heb afgerond.",
           "Ik begeleid nieuwe collega's en help ze hun weg te vinden in de organisatie.",
           "Je bereikt me het snelst via de chat; mail lees ik een paar keer per dag.",
           "Daarnaast ben ik aanspreekpunt voor {t3} binnen ons team.",
           "Ik geloof in kleine stappen: liever elke maand iets verbeteren dan eens in de vijf jaar alles omgooien.",
           "Regelmatig schuif ik aan bij overleggen met {partner} in de regio {region}.",
           "Voor de {n} kernen van onze gemeente zoek ik steeds naar maatwerk waar dat kan en eenheid waar dat moet."],
    "en": ["My work is mostly about {t1} and {t2}.",
           "Before this I spent {yrs} years at {employer} in {city}.",
           "Colleagues come to me with questions about {t1}, and sometimes for a fresh look at {t2}.",
           "I care about residents seeing what our work delivers, and about explaining why we make the choices we do.",
           "Right now I am working on a project around {t2}, together with people from several teams.",
           "My background is in {t3}, which turns out to be surprisingly useful for {t1}.",
           "I like working with {partner}: the best solutions come from sitting down together early.",
           "Feel free to drop by if you start working on {t1}: better a question too early than a complaint too late.",
           "Outside work I enjoy {interest} and {interest2}.",
           "You will usually find me at {place} on {day}.",
           "I studied {study} in {city} and ended up in the public sector more or less by accident.",
           "Still learning Dutch, so feel free to switch to English, or to correct me.",
           "What I like about this job is the mix of policy and delivery, and the short lines in a municipality our size.",
           "With a few colleagues I host a monthly knowledge hour on {t2}.",
           "I am part of the {t3} working group and happy to think along about organisation-wide approaches.",
           "Need numbers or background on {t1}? Happy to help you get started.",
           "I mentor new colleagues and help them find their way around the organisation.",
           "The quickest way to reach me is chat; I read e-mail a few times a day.",
           "I believe in small steps: improve something every month rather than overhaul everything every five years."],
}

NEWS_TITLE = {
    "nl": ["Nieuwe werkwijze voor {t1}", "{t1}: wat verandert er in {year}?",
           "Terugblik op de kennisdag {t1}", "Team {team} start met {t1}", "Subsidie binnen voor {t1}",
           "Gemeenteraad stemt in met plan voor {t1}", "Uitnodiging: inloopsessie over {t1}",
           "Resultaten onderzoek {t1} gepubliceerd", "Pilot {t1} in {region} van start",
           "Vernieuwde richtlijn {t1} vanaf {month}", "Stand van zaken {t1}",
           "Samenwerking met {partner} rond {t1}", "Even voorstellen: het team {team}",
           "Webinar {t1} voor alle medewerkers", "{t1} en {t2}: de eerste resultaten"],
    "en": ["New approach to {t1}", "{t1}: what changes in {year}", "Looking back at the {t1} knowledge day",
           "Invitation: drop-in session on {t1}", "Pilot on {t1} starts in {region}",
           "Survey results on {t1} published", "Meet the {team} team", "{t1} and {t2}: first results"],
}
NEWS_PARA = {
    "nl": ["Vanaf {month} werken we op een nieuwe manier aan {t1}. Het team {team} heeft de afgelopen maanden samen met {partner} onderzocht wat beter kan.",
           "De belangrijkste verandering: aanvragen over {t1} komen voortaan via één loket binnen, zodat inwoners niet meer van het kastje naar de muur gaan.",
           "Heb je vragen? Neem contact op met het team {team} of stel je vraag in de discussies, met de tag {t1}.",
           "Uit het onderzoek blijkt dat {n} procent van de inwoners tevreden is over {t2}. Dat is mooi, maar er zijn ook duidelijke verbeterpunten.",
           "De pilot loopt tot het eind van het jaar. Daarna beslist het college of de aanpak voor {t1} in de hele gemeente wordt ingevoerd.",
           "Tijdens de kennisdag in {city} deelden collega's uit de regio hun ervaringen met {t1}. De presentaties staan op het intranet.",
           "Wil je meedenken? Er is plek voor {n} collega's in de klankbordgroep. Aanmelden kan tot eind {month}.",
           "**Let op:** de oude werkinstructie voor {t2} vervalt per {month}. Gebruik vanaf dan de nieuwe versie.",
           "Wat betekent dit voor jou?\n\n- Je vindt de nieuwe werkinstructie op het intranet.\n- Bij vragen kun je terecht bij team {team}.\n- In {month} volgt een korte evaluatie.",
           "Met dank aan iedereen die heeft meegedacht, in het bijzonder de collega's van {team}.",
           "Het college is blij met de resultaten en wil de samenwerking met {partner} de komende jaren voortzetten.",
           "De inloopsessie is op {day} van 15.00 tot 16.30 uur op {place}. Koffie en thee staan klaar."],
    "en": ["From {month} we work in a new way on {t1}. Over the past months the {team} team looked at what could be better, together with {partner}.",
           "The main change: requests about {t1} now come in through a single desk, so residents are no longer sent from pillar to post.",
           "Questions? Get in touch with the {team} team, or ask in the discussions with the tag {t1}.",
           "The survey shows that {n} percent of residents are satisfied with {t2}. Good news, but there are clear points for improvement too.",
           "The pilot runs until the end of the year. After that the board decides whether to roll out the approach to {t1} across the municipality.",
           "Want to help? There is room for {n} colleagues in the sounding board group. Sign up before the end of {month}.",
           "What does this mean for you?\n\n- The new work instruction is on the intranet.\n- The {team} team answers your questions.\n- We evaluate in {month}.",
           "The drop-in session is on {day} from 15:00 to 16:30 at {place}. Coffee and tea provided."],
}
NEWS_SUMMARY = {
    "nl": ["Wat er verandert rond {t1} en wat dat voor jou betekent.",
           "Het team {team} deelt de eerste resultaten.", "Aanmelden kan tot eind {month}.",
           "Een korte terugblik en de volgende stappen voor {t1}."],
    "en": ["What changes around {t1} and what it means for you.", "The {team} team shares first results.",
           "Sign up before the end of {month}."],
}

THREAD_TITLE = {
    ("nl", "question"): ["Hoe gaan jullie om met {t1} bij {t2}?", "Wie heeft ervaring met {t1}?",
                         "Waar vind ik de richtlijnen voor {t1}?", "Vraag over {t1} in combinatie met {t2}",
                         "Is er een sjabloon voor {t1}?", "Welke leverancier gebruiken we voor {t1}?",
                         "Wie kan me helpen met {t1}?", "Wat is de termijn voor {t1}?",
                         "Mogen we gegevens over {t1} delen met {partner}?"],
    ("en", "question"): ["Does anyone have experience with {t1}?", "Where can I find the guidelines for {t1}?",
                         "Is there a template for {t1}?", "Who can help me with {t1} and {t2}?",
                         "How do we handle {t1} in {t2} projects?"],
    ("nl", "discussion"): ["{t1}: hoe pakken jullie dat aan?", "Moeten we {t1} anders organiseren?",
                           "Ervaringen met {t1} na een jaar", "Ideeën voor de kennisdag over {t1}",
                           "Wat vinden jullie van de nieuwe aanpak voor {t1}?", "{t1} en {t2}: waar schuurt het?"],
    ("en", "discussion"): ["{t1}: how do your teams handle it?", "Should we rethink how we do {t1}?",
                           "Ideas for the {t1} knowledge day", "{t1} and {t2}: where does it chafe?"],
}
THREAD_BODY = {
    "nl": ["Ik loop er bij {t1} tegenaan dat de informatie over verschillende systemen verspreid staat.",
           "Bij team {team} hebben we hier een eigen werkwijze voor, maar ik vraag me af hoe andere teams dat doen.",
           "Concreet: we krijgen steeds vaker vragen over {t2} en ik wil voorkomen dat we het wiel opnieuw uitvinden.",
           "Tips, voorbeelden of namen van collega's zijn welkom!",
           "In {city} werken ze met een vaste handreiking; is er bij ons iets vergelijkbaars?",
           "Het gaat om ongeveer {n} dossiers per maand, dus een handige aanpak scheelt veel tijd.",
           "Ik ben benieuwd naar jullie ervaringen, ook als het niet goed ging."],
    "en": ["I keep running into the fact that information about {t1} is spread across several systems.",
           "In the {team} team we have our own way of working, but I wonder how other teams do it.",
           "Concretely: we get more and more questions about {t2}, and I want to avoid reinventing the wheel.",
           "Tips, examples or names of colleagues are very welcome!",
           "It is about {n} cases a month, so a good approach saves a lot of time."],
}
REPLY = {
    "nl": ["Goede vraag! Bij {team} doen we dat met een vaste checklist, die kan ik je sturen.",
           "Ik zou contact opnemen met {name}, die weet veel van {t1}.",
           "Er staat een handreiking over {t1} op het intranet, zoek op de tag {t2}.",
           "Kijk ook eens naar de aanpak van {city}; die hebben dit vorig jaar opgelost.",
           "Eens met de vorige reactie. Belangrijk is wel dat je de privacyafspraken vooraf regelt.",
           "Wij hebben hier in {month} een sessie over gehad, ik zoek de aantekeningen voor je op.",
           "Dat loopt via het zaaksysteem: maak een zaak aan van het type {t1} en koppel de documenten.",
           "Ik heb hetzelfde probleem gehad. Uiteindelijk hebben we het opgelost door vroeg met {partner} te praten.",
           "Let op de termijnen: bij {t1} is dat vaak korter dan je denkt.",
           "Dank voor alle reacties, hier kan ik verder mee!",
           "Volgens mij is er een werkgroep {t1}; misschien kun je daar aansluiten.",
           "Ik stuur je een berichtje, dan lopen we er samen even doorheen."],
    "en": ["Good question! In {team} we use a fixed checklist for this, happy to share it.",
           "I would get in touch with {name}, who knows a lot about {t1}.",
           "There is a guide on {t1} on the intranet, search for the tag {t2}.",
           "Have a look at how {city} does it; they solved this last year.",
           "Agree with the previous reply. Do make sure the privacy agreements are in place first.",
           "We had a session on this in {month}, I will dig up the notes.",
           "Same problem here. We solved it by talking to {partner} early on.",
           "Thanks everyone, this helps a lot!",
           "I will send you a message so we can go through it together."],
}
UPDATE = {
    "nl": ["Vandaag de laatste hand gelegd aan de notitie over {t1}.", "Op weg naar het regio-overleg {t1} in {city}.",
           "Morgen kennissessie {t1} om 10.00 uur op {place}, schuif gerust aan!",
           "Eerste versie van het dashboard {t1} staat klaar voor feedback.",
           "Mooi gesprek gehad met {partner} over {t2}.", "Deze week vooral bezig met {t1}. Vragen? Ping me.",
           "Collegevoorstel over {t1} is de deur uit.", "Vandaag op {place}, daarna thuis aan het werk.",
           "Evaluatie {t2} afgerond: {n} verbeterpunten, waarvan de meeste snel op te pakken.",
           "Wie heeft er een goed voorbeeld van een plan van aanpak voor {t1}?"],
    "en": ["Finished the memo on {t1} today.", "On my way to the regional {t1} meeting in {city}.",
           "Knowledge session on {t1} tomorrow at 10:00 at {place}, feel free to join!",
           "First version of the {t1} dashboard is ready for feedback.",
           "Good conversation with {partner} about {t2}.", "Mostly working on {t1} this week. Questions? Ping me."],
}
KUDOS = {
    "nl": ["Dank je wel voor je hulp bij {t1}! Zonder jou hadden we de deadline niet gehaald.",
           "Super hoe je het overleg over {t1} hebt geleid. Iedereen ging met een glimlach naar huis.",
           "Wat fijn dat je zo snel meedacht over {t2}. Echt een collega om op te bouwen.",
           "Bedankt voor je geduld en heldere uitleg over {t1}.",
           "Top gedaan met de kennissessie over {t1}! De reacties waren lovend.",
           "Dank voor het invallen toen het druk was bij {team}."],
    "en": ["Thanks so much for your help with {t1}! We would not have made the deadline without you.",
           "Great job chairing the {t1} meeting. Everyone went home smiling.",
           "Thanks for thinking along on {t2} so quickly.",
           "Thank you for your patience and clear explanation of {t1}."],
}


def _pick(r, seq):
    return seq[int(r.random() * len(seq))]


_LAZY = {
    "yrs": lambda r, nl: r.randint(2, 15),
    "city": lambda r, nl: _pick(r, CITIES),
    "employer": lambda r, nl: _pick(r, EMPLOYERS_NL if nl else EMPLOYERS_EN),
    "partner": lambda r, nl: _pick(r, PARTNERS_NL if nl else PARTNERS_EN),
    "study": lambda r, nl: _pick(r, STUDIES_NL if nl else STUDIES_EN),
    "interest": lambda r, nl: _pick(r, INTERESTS),
    "interest2": lambda r, nl: _pick(r, INTERESTS),
    "day": lambda r, nl: _pick(r, DAYS_NL if nl else DAYS_EN),
    "place": lambda r, nl: _pick(r, LOCATIONS),
    "name": lambda r, nl: _pick(r, FIRST),
    "region": lambda r, nl: _pick(r, REGIONS),
    "month": lambda r, nl: _pick(r, MONTHS_NL if nl else MONTHS_EN),
    "n": lambda r, nl: r.randint(3, 90),
}


class _Slots(dict):
    __slots__ = ("gen", "nl")

    def __init__(self, gen, nl):
        super().__init__()
        self.gen, self.nl = gen, nl

    def __missing__(self, key):
        if key in ("t1", "t2", "t3"):
            value = self.gen.pick_topic()
            while value in (self.get("t1"), self.get("t2"), self.get("t3")):
                value = self.gen.pick_topic()
        elif key == "interest2":
            value = _LAZY[key](self.gen.rng, self.nl)
            while value == self["interest"]:
                value = _LAZY[key](self.gen.rng, self.nl)
        else:
            value = _LAZY[key](self.gen.rng, self.nl)
        self[key] = value
        return value


class TextGen:
    """Fills the templates above from one random.Random; cheap enough for 100,000s of items."""

    def __init__(self, rng, topic_picker):
        self.rng = rng
        self.pick_topic = topic_picker  # () -> topic

    def slots(self, lang: str, topics=(), team: str = "", role: str = "", year: int = 2020) -> dict:
        """The slots for one item; the random ones are drawn only when a template uses them."""
        s = _Slots(self, lang == "nl")
        for key, t in zip(("t1", "t2", "t3"), topics):
            s[key] = t
        s["team"] = team or "Publiekszaken"
        s["role"] = role[:1].lower() + role[1:] if role and not role[:2].isupper() else role
        s["year"] = year
        return s

    def sentences(self, pool: list[str], k: int, s: dict) -> list[str]:
        return [x.format_map(s) for x in self.rng.sample(pool, min(k, len(pool)))]

    def bio(self, lang: str, s: dict) -> str:
        r = self.rng
        parts = [r.choice(BIO_INTRO[lang]).format_map(s)] + self.sentences(BIO[lang], r.randint(8, 13), s)
        cut = r.randint(3, len(parts) - 2)
        return " ".join(parts[:cut]) + "\n\n" + " ".join(parts[cut:])

    def news(self, lang: str, s: dict) -> tuple[str, str, str]:
        r = self.rng
        title = r.choice(NEWS_TITLE[lang]).format_map(s)
        body = "\n\n".join(self.sentences(NEWS_PARA[lang], r.randint(3, 5), s))
        summary = r.choice(NEWS_SUMMARY[lang]).format_map(s)
        return title, body, summary

    def thread(self, lang: str, kind: str, s: dict) -> tuple[str, str]:
        r = self.rng
        title = r.choice(THREAD_TITLE[(lang, kind)]).format_map(s)
        sents = self.sentences(THREAD_BODY[lang], r.randint(2, 4), s)
        body = " ".join(sents[:2]) + ("\n\n" + " ".join(sents[2:]) if len(sents) > 2 else "")
        return title, body

    def reply(self, lang: str, s: dict) -> str:
        return " ".join(self.sentences(REPLY[lang], self.rng.randint(1, 3), s))

    def update(self, lang: str, s: dict) -> str:
        return " ".join(self.sentences(UPDATE[lang], self.rng.randint(1, 2), s))[:500]

    def kudos(self, lang: str, s: dict) -> str:
        return " ".join(self.sentences(KUDOS[lang], self.rng.randint(1, 2), s))[:1000]
