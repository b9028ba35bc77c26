"""Vocabulary of a Dutch municipality: expertise topics by domain, roles, team names,
locations and interests. Topics within a domain are listed most common first."""
from __future__ import annotations

_TOPICS = {
    "fysiek": """
Omgevingswet; GIS; Ruimtelijke ordening; Omgevingsplan; Vergunningverlening; Handhaving; Woningbouw;
Mobiliteit; Klimaatadaptatie; Energietransitie; Duurzaamheid; Toezicht; Groenbeheer; Verkeer;
Stedenbouw; Riolering; BGT; BAG; Milieu; Bodem; Geluid; Omgevingsveiligheid; Grondzaken; Vastgoed;
Wegbeheer; Afvalbeheer; Circulaire economie; DSO; Erfgoed; Monumenten; Parkeren; Evenementen;
Bouwbesluit; Planschade; Archeologie; Biodiversiteit; Natuur; Luchtkwaliteit; Warmtetransitie;
Zonne-energie; Windenergie; Fietsbeleid; Openbaar vervoer; Laadinfrastructuur; Civiele techniek;
Bruggen en kunstwerken; Bomenbeheer; Speelvoorzieningen; Openbare verlichting; Begraafplaatsen;
Gladheidsbestrijding; Water; Landschap; Recreatie; Bedrijventerreinen; Economische zaken;
Detailhandel; Toerisme; Landbouw; Stikstof; Asbest; Externe veiligheid; Kadaster; QGIS; ArcGIS;
Geodata; 3D-stadsmodel; Omgevingsvisie; Woonvisie; Volkshuisvesting; Huisvesting arbeidsmigranten
""",
    "sociaal": """
Wmo; Jeugdzorg; Participatiewet; Schuldhulpverlening; Armoedebeleid; Onderwijs; Inburgering;
Mantelzorg; Wijkteams; Preventie; Gezondheid; Sport; Cultuur; Re-integratie; Bijstand; Jeugdwet;
Beschermd wonen; Maatschappelijke opvang; Statushouders; Leerplicht; Huiselijk geweld; Welzijn;
Eenzaamheid; Vrijwilligerswerk; Dementie; Kinderopvang; Laaggeletterdheid; Minimabeleid;
Jongerenwerk; Ouderenbeleid; Inclusie; GGZ; Zorginkoop; Keukentafelgesprek; Hulpmiddelen;
Woningaanpassingen; Leerlingenvervoer; Vroegsignalering; Veilig Thuis; Dak- en thuislozen;
Bibliotheek; Muziekonderwijs; Speeltuinwerk; Buurthuizen; Zorg en veiligheid; Pleegzorg;
Jeugdbescherming; Passend onderwijs; Taalcoaching; Werkgeversdienstverlening; Sociale firma;
Beschut werk; Bijzondere bijstand; Energiearmoede; Gezond gewicht; Valpreventie; Rouwverwerking
""",
    "informatie": """
Zaakgericht werken; Python; Data-analyse; Privacy/AVG; Informatiebeveiliging; Power BI; SQL;
Woo; Archief; Common Ground; API's; Microsoft 365; Functioneel beheer; Applicatiebeheer;
Informatiebeheer; Open data; Data governance; Dashboards; Statistiek; BIO; DPIA; Cybersecurity;
ZGW API's; Haal Centraal; StUF; Zaaksysteem; DigiD; eHerkenning; SharePoint; Azure; Linux;
Netwerkbeheer; PostgreSQL; Git; Docker; Kubernetes; Ansible; Testautomatisering; Agile; Scrum;
DevOps; R; Machine learning; AI; Algoritmeregister; Datawarehouse; ETL; Excel; Digitale
toegankelijkheid; Identity management; Werkplekbeheer; Telefonie; Printbeheer; Servicedesk;
ITIL; Enterprise-architectuur; Informatiearchitectuur; Metadata; Digitaliseren; E-depot;
Records management; Logging; Pentesten; Incidentmanagement; Back-up; Open source; JavaScript;
Webdevelopment; Drupal; UX-design; Formulieren; Chatbots
""",
    "bedrijfsvoering": """
Inkoop; Financiën; Begroting; Planning & Control; HRM; Juridische zaken; Aanbesteden;
Contractmanagement; Subsidies; Bezwaar en beroep; Belastingen; WOZ; Werving en selectie;
Opleiding; Arbo; Duurzame inzetbaarheid; Risicomanagement; Audit; Rechtmatigheid; Treasury;
Salarisadministratie; Facilitaire zaken; Aansprakelijkheid; Verzekeringen; Control;
Kostprijsberekening; Btw; Leasebeleid; Huisvesting; Catering; Schoonmaak; Beveiliging;
Organisatieontwikkeling; Strategische personeelsplanning; Vitaliteit; Verzuim; Onboarding;
Arbeidsmarktcommunicatie; Mobiliteitsbeleid; Cao; Ondernemingsraad; Integriteit; Klachten;
Mandaatregeling; Staatssteun; Europese subsidies; Gemeenschappelijke regelingen
""",
    "dienstverlening": """
BRP; Burgerzaken; Klantcontact; Dienstverlening; Reisdocumenten; Rijbewijzen; Burgerlijke stand;
Verkiezingen; Naturalisatie; Adresonderzoek; Klachtenbehandeling; KCC; Omnichannel;
Klanttevredenheid; Baliewerk; Afsprakensysteem; Huwelijken; Gastvrijheid; Telefoonteam;
Webchat; Persoonsgegevens; Identiteitsfraude; Verhuizingen; Uittreksels
""",
    "bestuur": """
Communicatie; Participatie; Bestuursadvisering; Raadsprocessen; Collegevoorstellen;
Projectmanagement; Leiderschap; Crisiscommunicatie; Social media; Webredactie; Taalniveau B1;
Woordvoering; Interne communicatie; Wijkgericht werken; Regionale samenwerking; Openbare orde en
veiligheid; Crisisbeheersing; Ondermijning; APV; Horeca; Cameratoezicht; BOA; Lobby;
Procesverbetering; Lean; Verandermanagement; Coaching; Mediation; Presenteren; Schrijven;
Facilitatie; Design thinking; Beleidsonderzoek; Beleidsevaluatie; Stakeholdermanagement;
Onderhandelen; Strategie; Bestuurlijke planning; Burgerpanels; Fotografie; Video; Podcasts;
Evenementenorganisatie; Protocol; Raadsinformatie; Rekenkamer; Ombudsman; Jongerenparticipatie;
Dorpsraden; Internationale samenwerking; Vrede en veiligheid; Burgerberaad; Storytelling
""",
}

DOMAINS = tuple(_TOPICS)
TOPICS_BY_DOMAIN: dict[str, list[str]] = {
    d: [t.strip() for t in text.replace("\n", " ").split(";") if t.strip()] for d, text in _TOPICS.items()
}


def _interleave() -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    lists = [TOPICS_BY_DOMAIN[d] for d in DOMAINS]
    for i in range(max(map(len, lists))):
        for lst in lists:
            if i < len(lst) and lst[i].lower() not in seen:
                seen.add(lst[i].lower())
                out.append(lst[i])
    return out


# All topics, most common first (the commonest of every domain come first): a Zipf rank.
TOPICS: list[str] = _interleave()

# Staff roles by domain: "{t}" is replaced by one of the person's topics.
ROLES = {
    "fysiek": ["Beleidsadviseur {t}", "Adviseur {t}", "Vergunningverlener", "Toezichthouder",
               "Projectleider {t}", "Medewerker {t}", "Specialist {t}", "Senior adviseur {t}",
               "Handhaver", "Opzichter", "Stedenbouwkundige", "Planoloog", "GIS-specialist",
               "Beheerder {t}", "Werkvoorbereider", "Programmamanager {t}"],
    "sociaal": ["Beleidsadviseur {t}", "Consulent {t}", "Wmo-consulent", "Jeugdconsulent",
                "Klantmanager", "Inkomensconsulent", "Casemanager", "Contractmanager zorg",
                "Adviseur {t}", "Projectleider {t}", "Medewerker {t}", "Senior beleidsmedewerker {t}",
                "Leerplichtambtenaar", "Schuldhulpverlener", "Regisseur {t}"],
    "informatie": ["Data-analist", "Data engineer", "Informatieadviseur", "Applicatiebeheerder",
                   "Functioneel beheerder {t}", "Developer", "Privacy officer",
                   "Security officer", "Architect", "Adviseur {t}", "Medewerker {t}",
                   "Specialist {t}", "Product owner {t}", "Servicedeskmedewerker", "Informatiebeheerder"],
    "bedrijfsvoering": ["Adviseur {t}", "HR-adviseur", "Inkoopadviseur", "Jurist", "Controller",
                        "Financieel adviseur", "Medewerker {t}", "Senior adviseur {t}",
                        "Belastingmedewerker", "Facilitair medewerker", "Recruiter",
                        "Salarisadministrateur", "Juridisch adviseur {t}", "Accountmanager"],
    "dienstverlening": ["Medewerker Publiekszaken", "Medewerker Burgerzaken", "Specialist BRP",
                        "Klantcontactmedewerker", "Adviseur {t}", "Medewerker {t}",
                        "Ambtenaar burgerlijke stand", "Coördinator {t}", "Senior medewerker {t}"],
    "bestuur": ["Communicatieadviseur", "Bestuursadviseur", "Adviseur {t}", "Projectleider {t}",
                "Woordvoerder", "Webredacteur", "Programmamanager {t}", "Strategisch adviseur",
                "Adviseur participatie", "Medewerker {t}", "Secretaris", "Managementondersteuner",
                "Adviseur openbare orde en veiligheid", "Griffiemedewerker"],
}

# Names for the teams under a domain department.
TEAM_FUNCTIONS = {
    "fysiek": ["Ruimtelijke Ordening", "Vergunningen", "Toezicht en Handhaving", "Beheer Openbare Ruimte",
               "Mobiliteit", "Duurzaamheid", "Grondzaken", "Wonen", "Water en Riolering", "Groen",
               "Civiele Techniek", "Milieu", "Economie", "Projecten Fysiek", "Geo-informatie"],
    "sociaal": ["Wmo", "Jeugd", "Werk en Inkomen", "Schulddienstverlening", "Onderwijs",
                "Sport en Cultuur", "Gezondheid", "Wijkteams", "Inburgering", "Beleid Sociaal Domein",
                "Contractmanagement Zorg", "Leerplicht"],
    "informatie": ["Informatievoorziening", "Data en Analyse", "Applicatiebeheer", "ICT-beheer",
                   "Informatiebeheer", "Informatiebeveiliging en Privacy", "Digitale Dienstverlening",
                   "Architectuur", "Servicedesk"],
    "bedrijfsvoering": ["Financiën", "HRM", "Inkoop", "Juridische Zaken", "Facilitaire Zaken",
                        "Belastingen", "Control", "Salarisadministratie", "Huisvesting"],
    "dienstverlening": ["Publiekszaken", "Burgerzaken", "Klantcontactcentrum", "Verkiezingen",
                        "Burgerlijke Stand"],
    "bestuur": ["Communicatie", "Bestuursondersteuning", "Openbare Orde en Veiligheid",
                "Participatie", "Griffie", "Strategie", "Programmabureau"],
}

DEPARTMENTS = {
    "fysiek": "Domein Fysiek",
    "sociaal": "Domein Sociaal",
    "informatie": "Informatie en ICT",
    "bedrijfsvoering": "Bedrijfsvoering",
    "dienstverlening": "Dienstverlening",
    "bestuur": "Bestuur en Concernstaf",
}

REGIONS = ["Noord", "Zuid", "Oost", "West", "Centrum", "Buitengebied", "Stad", "Regio"]

LOCATIONS = ["Stadskantoor", "Stadskantoor", "Stadskantoor", "Gemeentewerf", "Servicepunt Noord",
             "Servicepunt Zuid", "Wijkcentrum De Horst", "Stadhuis", "Thuis", "Milieustraat",
             "Archiefdepot", "Sportcentrum De Wetering"]

CITIES = ["Utrecht", "Zwolle", "Deventer", "Amersfoort", "Groningen", "Leeuwarden", "Arnhem",
          "Nijmegen", "Tilburg", "Den Bosch", "Rotterdam", "Den Haag", "Haarlem", "Leiden",
          "Enschede", "Apeldoorn", "Almere", "Breda", "Eindhoven", "Maastricht", "Assen", "Delft"]

EMPLOYERS_NL = ["een adviesbureau", "de provincie", "een waterschap", "een woningcorporatie",
                "een zorgaanbieder", "het Rijk", "een buurgemeente", "een softwareleverancier",
                "een ingenieursbureau", "de Belastingdienst", "het UWV", "een hogeschool",
                "een omgevingsdienst", "een veiligheidsregio", "de GGD"]
EMPLOYERS_EN = ["a consultancy", "the province", "a water board", "a housing association",
                "a care provider", "central government", "a neighbouring municipality",
                "a software vendor", "an engineering firm", "a university", "a start-up",
                "an NGO", "a bank", "the tax office"]

INTERESTS = ["hardlopen", "wielrennen", "koken", "fotografie", "tuinieren", "lezen", "schaken",
             "zeilen", "muziek", "gitaar", "koorzang", "voetbal", "hockey", "volleybal", "wandelen",
             "bordspellen", "vogels kijken", "klimmen", "yoga", "reizen", "geschiedenis",
             "vrijwilligerswerk", "schilderen", "breien", "podcasts", "science fiction", "tennis",
             "padel", "duiken", "kamperen", "bakken", "imkeren", "moestuin", "puzzelen", "theater",
             "film", "kickboksen", "zwemmen", "schaatsen", "mountainbiken", "genealogie", "cycling",
             "running", "board games", "birdwatching", "baking", "photography", "hiking", "jazz"]

PRONOUNS = ["hij/hem", "zij/haar", "die/hen", "he/him", "she/her", "they/them"]

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
LANGUAGE_EXTRA = ["en", "en", "en", "en", "de", "de", "fr", "es", "tr", "ar", "pl", "pap", "fy", "other"]
