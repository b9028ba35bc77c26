"""News, discussions, status updates and kudos of the example organisation (Gemeente Wetterveen).

Dates lie between 2025-06 and 2026-11-25 (today in the example is 2026-11-27), except one news
item scheduled for 2030. Nothing here is hostile markup: the XSS tests make their own fixtures.
"""
from __future__ import annotations

NEWS = [
    dict(slug="welkom-op-plein", title="Welkom op Plein, ons nieuwe intranet", date="2026-11-16 09:00",
         pinned=True, authors=["laura-van-rijn", "tim-groen"], tags=["intranet", "Communicatie"],
         summary="Nieuws, collega's, vragen en kudos op één plek. Vul je profiel aan en laat weten wat je ervan vindt.",
         body="""
Vanaf vandaag heeft Gemeente Wetterveen een nieuw intranet: **Plein**. Hier vind je het nieuws van de
organisatie, de profielen van alle collega's, de teams, discussies en vragen, en korte updates van
collega's over waar ze mee bezig zijn.

## Wat kun je op Plein?

- **Collega's vinden** op naam, team of expertise. Zoek je iemand die verstand heeft van GIS, de Wmo
  of aanbesteden? Zoek op het onderwerp en je ziet wie erover kan meepraten.
- **Vragen stellen** aan de hele organisatie. Het antwoord dat de vraagsteller het beste vond, staat bovenaan.
- **Kudos geven** aan een collega of een heel team dat je wilt bedanken.
- **Nieuws lezen** dat voor jou bedoeld is, ook van je eigen team.

## Je profiel

Je profiel beheer je zelf. Vul je expertise in, zodat collega's je kunnen vinden, en voeg een foto toe.
Kudos ontvangen is een keuze: wil je die krijgen, zet dat dan aan in je profiel.

Vragen of ideeën? Laat het ons weten in de discussies, of spreek Tim of mij aan.
"""),
    dict(slug="eerste-tranche-omgevingsplan-vastgesteld", title="Eerste tranche omgevingsplan vastgesteld",
         date="2026-10-02 10:00", authors=["sophie-de-graaf", "fatima-el-amrani"],
         tags=["Omgevingswet", "Omgevingsplan"],
         summary="De raad heeft de eerste tranche van het omgevingsplan vastgesteld: de regels voor wonen in de kernen.",
         body="""
Gisteravond heeft de gemeenteraad de eerste tranche van het omgevingsplan van Wetterveen vastgesteld.
Daarmee vervangen we de regels uit vijf oude bestemmingsplannen voor de woonwijken in de kernen door
één set heldere regels.

Wat verandert er voor inwoners? Voor een dakkapel aan de achterkant, een tuinhuis of een kleine uitbouw
is in de meeste gevallen geen vergunning meer nodig. Wel blijven de regels voor monumenten en het
beschermd dorpsgezicht van Oud-Wetterveen gelden.

Dit resultaat is er gekomen dankzij veel collega's: de planologen en GIS-specialisten van team Ruimte,
de vergunningverleners van VTH, de juristen en de communicatieadviseurs. En dankzij de ruim tweehonderd
inwoners die op de inloopavonden hun mening gaven.

De volgende tranche gaat over het buitengebied. Daarover lees je in het voorjaar meer.
"""),
    dict(slug="nieuwjaarsbijeenkomst-2026", title="Nieuwjaarsbijeenkomst 2026: vrijdag 9 januari",
         date="2025-12-15 09:00", expires="2026-01-15", authors=["petra-mulder"], tags=["Personeelsdag"],
         summary="Proosten op het nieuwe jaar in de hal van het Stadskantoor.",
         body="""
Op vrijdag 9 januari vanaf 16.00 uur proosten we op 2026 in de hal van het Stadskantoor. De
gemeentesecretaris blikt kort terug en vooruit, daarna is er een hapje, een drankje en muziek van
het personeelsbandje *De Ambtenaren*.

Collega's van de Gemeentewerf en de servicepunten zijn natuurlijk ook van harte welkom. Wil je
meehelpen met de organisatie? Laat het Petra weten.
"""),
    dict(slug="wetterveen-200-jaar", title="Wetterveen viert feest: 200 jaar zelfstandige gemeente",
         date="2030-06-01 09:00", authors=["laura-van-rijn"], tags=["Communicatie", "Evenementen"],
         summary="Een week lang feest in alle kernen, met een open dag in het Stadhuis.",
         body="""
Dit jaar bestaat Wetterveen tweehonderd jaar als zelfstandige gemeente. Dat vieren we met een
feestweek van 1 tot en met 7 juni, met activiteiten in alle kernen.

Op zaterdag 6 juni zet het Stadhuis de deuren open. Collega's die willen laten zien wat ze doen,
kunnen zich aanmelden bij team Communicatie en Participatie.
"""),
    dict(slug="wetterveen-in-cijfers-data-portal-live", title="Wetterveen in cijfers: our new data portal is live",
         date="2026-06-18 09:30", authors=["priya-raman", "sarah-oconnor"], tags=["Data-analyse", "Open data"],
         summary="Key figures about Wetterveen in one place, for colleagues and residents.",
         body="""
Today we launch **Wetterveen in cijfers**, the municipality's new data portal. It brings together the
figures colleagues ask us for most often: population by neighbourhood, housing stock, Wmo and youth
care use, benefits, and the results of the citizens' panel.

Everything on the portal is open data, refreshed every night and described in plain Dutch. Where
numbers are small, we round or hide them so no one can be recognised.

Missing something, or found a number that looks wrong? Ask in the discussions with the tag
*data-analyse*, or send the Information & Data team a message. Dashboards for internal use, such as
the poverty dashboard, stay on the internal environment.
"""),
    dict(slug="overstap-nieuw-zaaksysteem-afgerond", title="Overstap naar het nieuwe zaaksysteem afgerond",
         date="2026-04-20 08:30", authors=["rik-van-dijk", "priya-raman"],
         tags=["Zaakgericht werken", "Zaaksysteem"],
         summary="Sinds vanochtend werken alle teams in het nieuwe zaaksysteem.",
         body="""
Sinds vanochtend werken alle teams in het nieuwe zaaksysteem. Het oude systeem blijft tot 1 juli
beschikbaar om gegevens in te zien, maar nieuwe zaken maak je alleen nog in het nieuwe systeem aan.

Wat is er anders?

- Zaaktypen zijn opgeschoond: van 412 naar 187.
- Termijnen worden automatisch bewaakt; je krijgt een signaal vijf werkdagen voor het verlopen.
- Adressen en personen haal je op uit de BAG en de BRP in plaats van ze over te typen.

De koppelingen met de BAG en de BRP zijn gebouwd door Pieter van Dam, die eind maart afscheid nam.
De documentatie staat op de teamsite van Information & Data.

Loop je ergens tegenaan? Maak een melding bij de servicedesk, dan kijkt applicatiebeheer mee.
"""),
    dict(slug="nieuwe-werkwijze-keukentafelgesprek", title="Nieuwe werkwijze voor het keukentafelgesprek",
         date="2025-09-08 09:00", authors=["sandra-koster", "hanneke-vos"],
         audience={"teams": ["wmo-jeugd", "sociaal-domein"]}, tags=["Wmo", "Keukentafelgesprek"],
         summary="Meer tijd voor het gesprek, minder voor het formulier.",
         body="""
Vanaf deze week voeren de Wmo-consulenten het keukentafelgesprek op een nieuwe manier. We beginnen niet
meer met het formulier, maar met de vraag wat iemand zelf wil en kan. Het verslag schrijven we achteraf,
in gewone taal, en de inwoner krijgt het binnen vijf werkdagen.

Het formulier is ingekort van negen naar drie pagina's. Samen met team Information & Data hebben we
ervoor gezorgd dat gegevens die we al hebben, zoals het adres en de samenstelling van het huishouden,
automatisch worden ingevuld.

Na drie maanden evalueren we de werkwijze met consulenten en inwoners.
"""),
    dict(slug="deel-geen-bsn-via-gewone-e-mail", title="Privacy: deel geen BSN's via gewone e-mail",
         date="2026-02-03 11:00", authors=["joris-wouters"], tags=["Privacy/AVG", "AVG"],
         summary="Een BSN in een gewone e-mail is een datalek. Zo doe je het wel.",
         body="""
In januari zijn er drie datalekken gemeld waarbij een burgerservicenummer (BSN) via gewone e-mail
naar een externe partij is gestuurd. Dat mag niet: het BSN is een bijzonder beschermd gegeven.

Wat doe je wel?

1. Deel gegevens van inwoners via het zaaksysteem of het beveiligde berichtenportaal.
2. Moet het echt per e-mail? Gebruik dan beveiligde e-mail en noem het BSN niet in de onderwerpregel.
3. Twijfel je? Bel of mail mij eerst.

Heb je per ongeluk toch iets verstuurd? Meld het binnen 24 uur. Dat is geen schande; niet melden wel.
"""),
    dict(slug="inkoop-jeugdzorg-2027-marktconsultatie", title="Inkoop jeugdzorg 2027: marktconsultatie gestart",
         date="2026-07-01 10:00", authors=["lisa-timmermans", "fleur-mertens"], tags=["Jeugdzorg", "Inkoop"],
         summary="Samen met de regiogemeenten vragen we aanbieders hoe de jeugdzorg vanaf 2027 beter kan.",
         body="""
De huidige contracten voor specialistische jeugdzorg lopen eind 2027 af. Samen met zes regiogemeenten
zijn we gestart met een marktconsultatie: we vragen zorgaanbieders hoe wachtlijsten korter kunnen en
hoe we de administratieve lasten omlaag krijgen.

In september organiseren we twee bijeenkomsten met aanbieders, en in oktober een sessie met
jeugdconsulenten en wijkteams. Heb je ideeën of ervaringen die we mee moeten nemen? Neem contact op
met Lisa of Fleur.
"""),
    dict(slug="welkom-rosa-nina-en-daan", title="Welkom aan Rosa, Nina en Daan",
         date="2026-11-20 09:00", authors=["sven-lammers"], tags=["Onboarding"],
         summary="Drie nieuwe collega's in de afgelopen maanden.",
         body="""
De afgelopen weken zijn er drie nieuwe collega's begonnen:

- **Rosa Meijer** is adviseur wonen in team Ruimte en werkt aan de woonvisie.
- **Nina Kowalski** is Wmo-consulent in Wetterveen-Zuid.
- **Daan Kok** is junior beleidsmedewerker in team Ruimte.

Welkom! Kom je ze tegen in de gang of bij de koffie, stel je dan even voor. Hun profielen vind je
op Plein.
"""),
    dict(slug="parkeergarage-stadskantoor-werkzaamheden", title="Parkeergarage Stadskantoor: werkzaamheden tot half december",
         date="2026-11-09 08:00", expires="2026-12-18", authors=["petra-mulder"],
         audience={"locations": ["Stadskantoor"]}, tags=["Huisvesting"],
         summary="De bovenste verdieping van de parkeergarage is dicht. Kom zo veel mogelijk met de fiets.",
         body="""
Tot en met 18 december wordt het dak van de parkeergarage van het Stadskantoor vernieuwd. De bovenste
verdieping is in die periode gesloten; er zijn ongeveer veertig plekken minder.

Kom zo veel mogelijk met de fiets of het openbaar vervoer. De fietsenstalling onder het Stadskantoor
heeft genoeg ruimte, en er staan tijdelijk extra laadpunten voor e-bikes.
"""),
    dict(slug="participatie-herinrichting-marktplein", title="Participatie bij de herinrichting van het Marktplein",
         date="2025-06-23 10:00", authors=["daniel-osei", "linda-hoekstra"], tags=["Participatie", "Communicatie"],
         summary="Inwoners en ondernemers denken mee over het nieuwe Marktplein.",
         body="""
Het Marktplein wordt in 2027 opnieuw ingericht: meer groen, minder parkeerplaatsen en ruimte voor
terrassen en de weekmarkt. Voordat er een ontwerp ligt, vragen we inwoners en ondernemers wat zij
belangrijk vinden.

Deze zomer staan we elke zaterdagochtend met een marktkraam op het plein. Daarnaast is er een
online vragenlijst en een avond voor ondernemers.

Werk je aan een project waarbij je inwoners wilt betrekken? Kijk eens naar de participatiewijzer, of
vraag Daniel om mee te denken.
"""),
    dict(slug="inloopmiddag-gis", title="Inloopmiddag GIS: kaarten, data en koffie",
         date="2026-03-05 09:00", authors=["jan-de-vries"], tags=["GIS", "Geodata"],
         summary="Donderdag 12 maart: kom langs met je kaartvraag.",
         body="""
Heb je een kaart nodig voor een raadsvoorstel, wil je weten welke geodata we al hebben, of wil je
eindelijk eens leren werken met QGIS? Kom dan naar de inloopmiddag GIS op donderdag 12 maart, van
14.00 tot 16.30 uur in de Raadzaal.

We laten zien wat er in de kaartviewer staat, hoe je zelf een eenvoudige kaart maakt en waar je de
luchtfoto's en de BGT vindt. Neem je eigen vraag mee; de taart is van ons.
"""),
    dict(slug="wateroverlast-wat-hebben-we-geleerd", title="Wateroverlast na de buien: wat hebben we geleerd?",
         date="2025-08-28 10:00", authors=["samira-haddou", "gerrit-post"], tags=["Klimaatadaptatie", "Riolering"],
         summary="Een terugblik op de wateroverlast van augustus en de maatregelen voor de komende jaren.",
         body="""
In de nacht van 19 op 20 augustus viel er in Wetterveen ruim 70 millimeter regen in drie uur. De
gemalen hebben het gehouden, maar in de Molenbuurt en rond het station stond water in kelders en op
straat.

Wat hebben we geleerd? De riolering in de Molenbuurt is te krap voor dit soort buien, en er is te
weinig ruimte voor water om in de bodem te zakken. In het nieuwe rioleringsplan nemen we daarom een
waterberging onder het Molenplein op, en we gaan met bewoners aan de slag om tuinen te vergroenen.

Dank aan alle collega's van de Gemeentewerf die die nacht en de dagen erna klaarstonden.
"""),
]

THREADS = [
    dict(slug="zaaksysteem-koppelen-aan-bag-api", title="Hoe koppel ik het zaaksysteem aan de BAG-API?",
         author="ruben-de-wit", date="2025-11-04 10:12", kind="question", tags=["BAG", "Koppelingen"],
         body="""
Bij vergunningaanvragen typen we het adres nu nog over uit het Omgevingsloket. Ik zou graag willen dat
het zaaksysteem het adres en het pand automatisch ophaalt uit de BAG, zodat we geen tikfouten meer maken.

Rik verwees me naar de BAG API Individuele Bevragingen van het Kadaster. Heeft iemand dat al eens
gekoppeld? Wat is er nodig: een sleutel, een aparte koppeling, of kan het zaaksysteem dat zelf?
""",
         replies=[
             dict(author="pieter-van-dam", date="2025-11-05 09:40", accepted=True, body="""
Ja, dat kan, en het zaaksysteem heeft er een standaardkoppeling voor. Je hebt drie dingen nodig:

1. Een API-sleutel van het Kadaster. Die vraag je aan via het formulier op de site van het Kadaster;
   wij hebben er al een voor de productieomgeving, dus vraag die bij applicatiebeheer op.
2. In het zaaksysteem bij *Beheer > Koppelingen* de BAG-koppeling aanzetten en de sleutel invullen.
3. Per zaaktype aangeven dat het object een *adres* is. Dan kun je bij het aanmaken van een zaak
   zoeken op postcode en huisnummer.

Wil je eerst testen wat er terugkomt? Zo ziet een bevraging eruit:

```http
GET /lvbag/individuelebevragingen/v2/adressen?postcode=7411AB&huisnummer=12
X-Api-Key: <sleutel van applicatiebeheer>
Accept-Crs: epsg:28992
```

Je krijgt dan het adres terug met de identificatie van het verblijfsobject en het pand. Let op: de
testomgeving van het Kadaster heeft andere adressen dan productie. Ik heb de configuratie op de
teamsite gezet, onder *Koppelingen > BAG*.
"""),
         ]),
    dict(slug="coordinatenstelsel-kaarten-omgevingsplan", title="Welk coördinatenstelsel gebruiken we voor kaarten in het omgevingsplan?",
         author="lotte-visser", date="2026-05-12 14:05", kind="question", tags=["GIS", "Omgevingsplan"],
         body="""
Ik maak schetsen voor de woningbouwlocatie De Horst en wil die over de kaarten van het omgevingsplan
leggen. Mijn export uit het tekenprogramma komt steeds een paar honderd meter verschoven uit.
Welk coördinatenstelsel moet ik gebruiken?
""",
         replies=[
             dict(author="jan-de-vries", date="2026-05-12 15:20", accepted=True, body="""
Voor alles wat met het omgevingsplan te maken heeft gebruiken we **RD New (EPSG:28992)**, het
Rijksdriehoekstelsel. De werkingsgebieden die we naar het DSO sturen moeten ook in RD.

Die verschuiving van een paar honderd meter komt bijna altijd doordat een bestand in WGS84 (graden)
staat en als RD wordt ingelezen, of andersom. In QGIS kun je bij *Laag > Eigenschappen > Bron* zien
wat het is. Stuur je bestand anders even door, dan kijk ik mee.
"""),
             dict(author="joost-vermeulen", date="2026-05-13 08:45", body="""
Aanvulling: de BGT staat ook in RD, dus als je die als ondergrond gebruikt zit je goed. Let wel op
met exports uit de meldingen-app van de openbare ruimte, die geeft coördinaten in WGS84.
"""),
             dict(author="lotte-visser", date="2026-05-13 09:30", body="""
Dank jullie wel! Het was inderdaad WGS84. Na het omzetten ligt alles keurig op zijn plek.
"""),
         ]),
    dict(slug="where-should-we-keep-our-python-scripts", title="Where should we keep our Python scripts?",
         author="sarah-oconnor", date="2026-09-15 11:00", kind="question", tags=["Python", "Data-analyse", "Git"],
         body="""
I have been asking around and it turns out quite a few of us write small Python scripts: exports from
the zaaksysteem, GIS clean-ups, Excel reports. Most of them live on personal drives or on the G-drive,
and nobody knows which version is the real one.

Should we have one place for these, for example a group on our internal GitLab? What would you need
to actually use it?
""",
         replies=[
             dict(author="jan-de-vries", date="2026-09-15 13:12", body="""
Goede vraag. Ik heb zelf een stuk of twintig scripts voor QGIS op de G-schijf staan, met namen als
`controle_v3_definitief.py`. Een gezamenlijke plek lijkt me een verbetering, als iemand me even laat
zien hoe het werkt.
"""),
             dict(author="priya-raman", date="2026-09-16 09:05", body="""
Let's do it. Proposal: one GitLab group *wetterveen-data*, one repository per topic, a short README
in each, and at least one colleague who reviews changes. Sarah and I can run a one-hour introduction
for anyone who has never used Git.
"""),
             dict(author="joris-wouters", date="2026-09-16 10:30", body="""
Prima idee, met één voorwaarde: geen persoonsgegevens, wachtwoorden of API-sleutels in de repositories.
Zet die in een apart bestand dat niet wordt meegenomen, of vraag applicatiebeheer om een kluis.
"""),
             dict(author="rik-van-dijk", date="2026-09-17 16:45", body="""
Ik heb een paar scripts die via de API zaken uit het zaaksysteem exporteren. Die zet ik er graag
in, dan kan iemand anders ze ook onderhouden als ik op vakantie ben.
"""),
             dict(author="daan-kok", date="2026-11-10 10:05", body="""
Net begonnen en de groep al gevonden: de README's hielpen echt. Jan, zal ik jouw QGIS-scripts er
samen met je in zetten?
"""),
         ]),
    dict(slug="brieven-op-b1-niveau-ervaringen", title="Brieven op B1-niveau: wat zijn jullie ervaringen?",
         author="hanneke-vos", date="2025-10-01 13:30", kind="discussion", tags=["Taalniveau B1", "Wmo", "communicatie"],
         body="""
Sinds de nieuwe werkwijze voor het keukentafelgesprek schrijven we onze beschikkingen in eenvoudige taal.
Inwoners reageren positief, maar het kost ons nog veel tijd, en sommige juridische zinnen krijgen we
maar niet eenvoudiger.

Hoe doen andere teams dat? Hebben jullie tips, voorbeelden of een handige checklist?
""",
         replies=[
             dict(author="linda-hoekstra", date="2025-10-01 15:02", body="""
Wat goed dat jullie hiermee bezig zijn! Drie tips die bij ons werkten:

- Begin met het besluit: wat krijgt iemand, en vanaf wanneer?
- Schrijf zoals je het aan de keukentafel zou zeggen, en lees het hardop voor.
- Laat een brief testen door iemand die het dossier niet kent.

Er is ook een checklist B1 op het intranet; ik stuur je de link.
"""),
             dict(author="tim-groen", date="2025-10-02 09:15", body="""
Aanvulling op Linda: we hebben een licentie op een taalcontrole-tool die laat zien welke zinnen te
moeilijk zijn. Ik zet hem graag voor jullie team aan.
"""),
             dict(author="kevin-peters", date="2025-10-03 11:40", body="""
Bij bijstandsbesluiten lopen we tegen hetzelfde aan. Wat helpt: de verplichte juridische tekst in een
bijlage zetten en in de brief zelf in gewone woorden uitleggen wat het betekent.
"""),
             dict(author="esther-bos", date="2025-10-06 14:20", body="""
En bel de inwoner als het besluit anders uitvalt dan verwacht. Een goede brief is mooi, een gesprek
erbij is vaak nog beter.
"""),
         ]),
    dict(slug="thuiswerken-en-de-teamdag", title="Thuiswerken en de teamdag: hoe regelen jullie dat?",
         author="fatima-el-amrani", date="2026-02-10 09:05", kind="discussion", tags=["Hybride werken"],
         body="""
In team Ruimte zien we elkaar soms weken niet, omdat iedereen op andere dagen op kantoor is. We denken
aan een vaste teamdag. Hoe doen andere teams dat? En hoe ga je om met collega's die op die dag echt
niet kunnen?
""",
         replies=[
             dict(author="bas-hendriks", date="2026-02-10 11:30", body="""
Wij hebben sinds vorig jaar de donderdag als vaste dag. Geen verplichting, wel de afspraak dat
overleggen dan plaatsvinden. Bijna iedereen is er.
"""),
             dict(author="pieter-van-dam", date="2026-02-11 08:50", body="""
Bij Information & Data werken we met een vaste ochtend in plaats van een hele dag. Dat is makkelijker
te combineren met afspraken buiten de deur.
"""),
             dict(author="yvonne-de-boer", date="2026-02-11 12:15", body="""
Belangrijk vind ik dat de teamdag ook echt over het team gaat, niet alleen over meer vergaderingen.
Samen lunchen doet wonderen.
"""),
             dict(author="jan-de-vries", date="2026-02-12 09:40", body="""
Ik ben voor de dinsdag. Dan kunnen we ook meteen de kaartwensen van de week bespreken.
"""),
         ]),
    dict(slug="do-we-need-a-dpia-for-the-new-survey-tool", title="Do we need a DPIA for the new survey tool?",
         author="daniel-osei", date="2026-06-03 10:20", kind="question", tags=["Privacy/AVG", "DPIA", "Participatie"],
         body="""
For the next round of the citizens' panel we want to switch to a new online survey tool. We ask for
age, neighbourhood and e-mail address, and optionally for opinions about local politics.

Do we need a DPIA for this, and if so, how long does it usually take?
""",
         replies=[
             dict(author="joris-wouters", date="2026-06-03 14:10", accepted=True, body="""
Short answer: yes. Opinions about politics can reveal political preferences, which is a special
category of personal data, and the panel is large. So a DPIA is required.

It does not have to take long. We have a template for surveys; if you fill in the first part this
week, we can discuss it together next Tuesday and you can usually start within two to three weeks.
Also check whether you really need the e-mail address stored with the answers: if not, the risks get
much smaller.
"""),
             dict(author="fleur-mertens", date="2026-06-04 09:00", body="""
Vanuit inkoop: er ligt al een raamovereenkomst voor enquêtesoftware met een verwerkersovereenkomst.
Als jullie tool daaronder valt, hoef je niet zelf een contract af te sluiten. Ik zoek het voor je uit.
"""),
         ]),
    dict(slug="dso-vergunningaanvragen-meerdere-activiteiten", title="Wie heeft ervaring met het DSO bij aanvragen met meerdere activiteiten?",
         author="yvonne-de-boer", date="2026-10-20 09:45", kind="question", tags=["DSO", "Omgevingswet"],
         body="""
We krijgen steeds vaker aanvragen via het Omgevingsloket waarin een bouwactiviteit en een
omgevingsplanactiviteit samen worden aangevraagd. In het zaaksysteem komen die binnen als twee losse
zaken, met verschillende termijnen. Hoe gaan andere gemeenten of collega's hiermee om?
""",
         replies=[
             dict(author="sophie-de-graaf", date="2026-10-20 11:30", body="""
Dit speelt in de hele regio. De omgevingsdienst heeft een werkinstructie: je koppelt de zaken aan
een hoofdzaak en bewaakt de langste termijn. Ik stuur je hun notitie. Laten we daarna kijken of we
het in het zaaksysteem kunnen automatiseren.
"""),
             dict(author="jan-de-vries", date="2026-10-21 08:50", body="""
Handig om te weten: bij een omgevingsplanactiviteit kun je op de kaart in het DSO zien welke
werkingsgebieden op de locatie liggen. Als je wilt, maak ik een kaartlaag waarin je dat per aanvraag
in één oogopslag ziet.
"""),
         ]),
    dict(slug="wachtlijsten-jeugdzorg-wat-kunnen-we-lokaal-doen", title="Wachtlijsten jeugdzorg: wat kunnen we lokaal doen?",
         author="merel-huisman", date="2026-08-27 10:00", kind="discussion", tags=["Jeugdzorg", "inkoop"],
         body="""
De wachtlijsten voor specialistische jeugdzorg in de regio zijn opgelopen tot gemiddeld veertien weken.
De nieuwe inkoop loopt, maar dat duurt nog tot 2028. Wat kunnen wij als gemeente nu al doen?
Ik verzamel ideeën voor een notitie aan de wethouder.
""",
         replies=[
             dict(author="lisa-timmermans", date="2026-08-27 13:20", body="""
In de huidige contracten kunnen we met aanbieders afspraken maken over overbruggingszorg. Twee
aanbieders hebben al aangegeven dat ze daarvoor open staan. Dat is geen oplossing, maar het helpt
gezinnen wel.
"""),
             dict(author="youssef-benali", date="2026-08-28 09:10", body="""
Vanuit de praktijk: veel kinderen op de wachtlijst zouden eerder geholpen zijn met lichte hulp via het
wijkteam of de praktijkondersteuner bij de huisarts. Meer POH-jeugd zou echt verschil maken.
"""),
             dict(author="eva-schouten", date="2026-08-31 15:45", body="""
Ik kan de cijfers per kern en per type zorg voor je op een rij zetten, dan zie je waar de wachtlijsten
het langst zijn. Dan kan de notitie ook laten zien wat een extra POH-jeugd zou opleveren.
"""),
         ]),
]

UPDATES = [
    ("jan-de-vries", "2026-11-24 16:10", ["GIS"],
     "De nieuwe luchtfoto's van 2026 staan in de kaartviewer. Scherper dan ooit: je ziet zelfs de nieuwe fietsenstalling bij het station."),
    ("jan-de-vries", "2026-09-02 08:55", ["Python", "GIS"],
     "Script klaar dat de werkingsgebieden uit het omgevingsplan controleert op overlap. Scheelt me elke week een uur klikken."),
    ("jan-de-vries", "2026-03-12 17:10", ["GIS"],
     "Inloopmiddag GIS was druk: 35 collega's, vier nieuwe kaartwensen, en de taart was om half vier op."),
    ("fatima-el-amrani", "2026-11-13 17:20", None,
     "Trots op het team: alle reacties op de eerste tranche van het omgevingsplan zijn binnen de termijn beantwoord."),
    ("rosa-meijer", "2026-10-02 09:00", None,
     "Eerste dag erop! Laptop werkt, pasje werkt, koffie is goed. Nu nog de weg vinden naar de vergaderzalen."),
    ("daan-kok", "2026-11-06 16:30", None,
     "Eerste week bij team Ruimte zit erop. Al drie kaarten gemaakt en maar één keer verdwaald in het Stadskantoor."),
    ("nina-kowalski", "2026-10-23 12:15", ["Wmo"],
     "Two weeks in. Did my first home visits in Wetterveen-Zuid today with Hanneke. Lovely people, very steep stairs."),
    ("priya-raman", "2026-06-18 10:05", ["Data-analyse"],
     "Wetterveen in cijfers is live! Thanks to Sarah for the late nights. Feedback welcome in the discussions."),
    ("sarah-oconnor", "2026-09-30 15:40", ["Python"],
     "Migrated the last cron job off the old server. It had run for nine years without anyone knowing what it did. It exported a CSV nobody read."),
    ("anouk-dekker", "2026-04-15 11:20", ["Biodiversiteit"],
     "De eerste bloemrijke bermen langs de Veenweg staan in bloei. Meer dan veertig soorten geteld!"),
    ("mehmet-yilmaz", "2026-07-08 14:00", None,
     "Vandaag samen met de brandweer drie panden gecontroleerd waar arbeidsmigranten wonen. Twee in orde, bij één volgt een gesprek met de eigenaar."),
    ("samira-haddou", "2025-08-20 07:50", ["Klimaatadaptatie"],
     "Na de bui van vannacht: alle gemalen hebben het gehouden. Wel water op straat in de Molenbuurt; we gaan kijken wat daar beter kan."),
    ("hanneke-vos", "2025-09-10 16:45", ["Wmo"],
     "Eerste keukentafelgesprekken volgens de nieuwe werkwijze gedaan. Meer tijd voor het gesprek, minder voor het formulier. Bevalt goed!"),
    ("tim-groen", "2026-11-16 09:15", None,
     "Plein is live! Vergeet niet je profiel aan te vullen en een foto toe te voegen."),
    ("tim-groen", "2026-11-16 14:00", None,
     "Al dertig profielen bijgewerkt in de eerste vijf uur. Goed bezig, Wetterveen!"),
    ("joris-wouters", "2026-01-28 13:30", ["AVG"],
     "Herinnering: een datalek meld je binnen 24 uur bij mij, ook als je twijfelt. Liever een melding te veel dan te weinig."),
    ("rik-van-dijk", "2026-04-17 18:05", ["Zaakgericht werken"],
     "Laatste zaken gemigreerd naar het nieuwe zaaksysteem. Maandag gaan we live. Dank aan Pieter voor alle koppelingen!"),
    ("pieter-van-dam", "2026-03-27 16:00", None,
     "Mijn laatste week. De documentatie van alle koppelingen staat op de teamsite, ook die van de BAG. Het ga jullie goed!"),
    ("linda-hoekstra", "2025-12-19 15:30", None,
     "Na ruim elf jaar neem ik afscheid van Wetterveen. Dank voor alle mooie verhalen die ik mocht vertellen!"),
    ("esther-bos", "2026-05-21 10:10", ["Re-integratie"],
     "Drie kandidaten aan de slag bij de nieuwe fietsenfabriek op bedrijventerrein De Wetering. Zo mooi als het lukt!"),
    ("frank-jacobs", "2026-03-18 23:30", ["Verkiezingen"],
     "Gemeenteraadsverkiezingen: alle 24 stembureaus zijn geteld en doorgegeven. Dank aan de 180 vrijwilligers!"),
    ("aylin-demir", "2026-07-14 12:40", None,
     "Veel vragen aan de telefoon over de nieuwe afvalkalender. Tip voor Openbare Ruimte: de ophaaldagen in de app kloppen niet voor de Vijverbuurt."),
    ("lotte-visser", "2026-06-05 17:00", ["Participatie"],
     "Goede avond gehad met bewoners van De Horst over de nieuwe woningbouwlocatie. Drie schetsen op tafel, één bleef liggen."),
    ("daniel-osei", "2026-06-24 19:30", ["Participatie"],
     "Citizens' panel round 3 closed: 1,214 responses. The results go to the council in September."),
    ("sven-lammers", "2026-11-02 08:30", None,
     "Welkom Daan! Vandaag begint er weer een nieuwe collega bij team Ruimte."),
    ("sophie-de-graaf", "2026-10-02 10:30", ["Omgevingswet"],
     "Eerste tranche van het omgevingsplan vastgesteld door de raad. Op naar de volgende!"),
]

# (from, to person or None, to team or None, date, message)
KUDOS = [
    ("lotte-visser", "jan-de-vries", None, "2026-05-13",
     "Dank voor de snelle uitleg over RD New en de kaartlagen! Mijn schetsen liggen nu eindelijk goed op de ondergrond."),
    ("ruben-de-wit", None, "informatievoorziening", "2026-04-22",
     "Het nieuwe zaaksysteem draait en mijn termijnbewaking werkt eindelijk zoals het hoort. Dank aan het hele team voor de migratie!"),
    ("sarah-oconnor", "priya-raman", None, "2026-06-19",
     "Thanks for shielding us from scope creep on the data portal, and for the pizza on launch day."),
    ("hanneke-vos", "youssef-benali", None, "2025-11-18",
     "Dank je wel voor je hulp bij het gezin in Zuid. Fijn dat we Wmo en jeugd echt samen konden oppakken."),
    ("marieke-van-den-berg", None, "openbare-ruimte", "2025-08-22",
     "Wat een inzet tijdens en na de wateroverlast van afgelopen week. Inwoners hebben gezien dat de gemeente er staat. Dank jullie wel!"),
    ("fatima-el-amrani", "daan-kok", None, "2026-11-20",
     "Nog maar drie weken binnen en je kaart staat al in een collegevoorstel. Welkom in het team!"),
    ("bas-hendriks", "yvonne-de-boer", None, "2026-10-30",
     "Dank voor het uitzoeken van de DSO-aanvragen met meerdere activiteiten. Je notitie gebruiken we nu als werkinstructie."),
    ("daniel-osei", "joris-wouters", None, "2026-06-05",
     "Thanks for the quick and clear answer on the DPIA. Thanks to you we could launch the survey on time."),
    ("erik-hoogland", None, "ruimte", "2026-10-05",
     "Gefeliciteerd met de vaststelling van de eerste tranche van het omgevingsplan! Een mijlpaal waar het hele team hard aan heeft gewerkt."),
    ("aylin-demir", "monique-verhoeven", None, "2026-03-20",
     "Dank voor je rust en humor tijdens de drukke verkiezingsweek."),
    ("priya-raman", "rik-van-dijk", None, "2026-04-20",
     "Migration day went flawlessly. Thank you for the months of careful preparation."),
    ("tim-groen", "laura-van-rijn", None, "2026-11-17",
     "Dank voor het vertrouwen om Plein samen te bouwen. Op naar de volgende versie!"),
    ("joost-vermeulen", "anouk-dekker", None, "2026-04-16",
     "De bermen langs de Veenweg zijn prachtig. Ik krijg er zelfs complimenten over van automobilisten!"),
    ("chantal-roos", "sarah-oconnor", None, "2026-08-12",
     "Het armoededashboard laadt nu in twee seconden in plaats van twee minuten. Heel veel dank!"),
    ("frank-jacobs", None, "publiekszaken", "2026-03-19",
     "Wat een team tijdens de verkiezingen. Iedereen bleef tot de laatste stem geteld was."),
]
