"""The people and teams of the example organisation, Gemeente Wetterveen (fictional).

Today in the example is 2026-11-27. Two people have left (alumni); three started in the
last 60 days. Expertise is written as people type it ("GIS" and "gis"): the loader
normalises topics.
"""
from __future__ import annotations

DOMAIN = "wetterveen.example"

TEAMS = [
    dict(id="directie", name="Directie en Concernstaf", parent=None, lead="marieke-van-den-berg",
         channel="#directie",
         description="De gemeentesecretaris, de directeuren en de concernstaf. Wij zorgen dat het "
                     "college en de raad goed worden ondersteund en dat de organisatie doet wat ze "
                     "belooft: **één gemeente**, niet dertien losse teams."),
    dict(id="fysiek-domein", name="Domein Fysiek", parent="directie", lead="erik-hoogland",
         channel="#fysiek-domein",
         description="Alles wat je buiten ziet: ruimtelijke plannen, vergunningen, wegen, groen en water. "
                     "Het domein stuurt ook het programma Omgevingswet aan."),
    dict(id="sociaal-domein", name="Domein Sociaal", parent="directie", lead="willem-brouwer",
         channel="#sociaal-domein",
         description="Zorg, jeugd, werk en inkomen. We willen dat inwoners van Wetterveen op één plek "
                     "terechtkunnen, ook als hun vraag over meerdere regelingen gaat."),
    dict(id="bedrijfsvoering", name="Bedrijfsvoering", parent="directie", lead="karin-de-haan",
         channel="#bedrijfsvoering",
         description="HR, publiekszaken, informatievoorziening, juridische zaken en inkoop: "
                     "de basis onder het werk van alle collega's."),
    dict(id="communicatie", name="Communicatie en Participatie", parent="directie", lead="laura-van-rijn",
         channel="#communicatie",
         description="Wij helpen collega's helder te communiceren met inwoners en betrekken Wetterveners "
                     "vroeg bij plannen. Ook het intranet Plein is van ons: tips zijn welkom."),
    dict(id="ruimte", name="Ruimtelijke Ordening", parent="fysiek-domein", lead="fatima-el-amrani",
         channel="#ruimte",
         description="Het omgevingsplan, woningbouwlocaties, stedenbouw en de kaarten die daarbij horen. "
                     "Vragen over GIS en geodata kun je hier ook kwijt."),
    dict(id="vth", name="Vergunningen, Toezicht en Handhaving", parent="fysiek-domein", lead="bas-hendriks",
         channel="vth@wetterveen.example",
         description="Wij behandelen aanvragen voor omgevingsvergunningen en evenementen, en houden toezicht "
                     "op bouwen, wonen en milieu."),
    dict(id="openbare-ruimte", name="Beheer Openbare Ruimte", parent="fysiek-domein", lead="gerrit-post",
         channel="#openbare-ruimte",
         description="Vanaf de Gemeentewerf zorgen we voor wegen, groen, riolering en speelplekken. "
                     "Meldingen openbare ruimte komen bij ons binnen."),
    dict(id="wmo-jeugd", name="Wmo en Jeugd", parent="sociaal-domein", lead="sandra-koster",
         channel="#wmo-jeugd",
         description="Consulenten Wmo en jeugd, contractmanagement zorg en beleid jeugd. "
                     "Wij voeren het keukentafelgesprek en regelen passende ondersteuning."),
    dict(id="werk-inkomen", name="Werk en Inkomen", parent="sociaal-domein", lead="martijn-de-jong",
         channel="#werk-inkomen",
         description="Bijstand, re-integratie, schuldhulpverlening en armoedebeleid."),
    dict(id="publiekszaken", name="Publiekszaken", parent="bedrijfsvoering", lead="monique-verhoeven",
         channel="#publiekszaken",
         description="De balie, het Klantcontactcentrum en burgerzaken: paspoorten, rijbewijzen, "
                     "de BRP, huwelijken en verkiezingen."),
    dict(id="informatievoorziening", name="Information & Data", parent="bedrijfsvoering", lead="priya-raman",
         channel="#informatie-en-data",
         description="Zaakgericht werken, applicatiebeheer, data-analyse, privacy en informatiebeheer. "
                     "We work in Dutch and English: ask us in whichever you prefer."),
    dict(id="juridische-zaken", name="Juridische Zaken en Inkoop", parent="bedrijfsvoering",
         lead="hugo-van-der-linden", channel="juridisch@wetterveen.example",
         description="Bezwaar en beroep, Woo-verzoeken, aansprakelijkheid, aanbestedingen en contracten."),
]


def P(handle, name, role, team, manager, started, **kw):
    return dict(handle=handle, name=name, role=role, team=team, manager=manager, started=started, **kw)


PEOPLE = [
    # --- Directie en Concernstaf ---
    P("marieke-van-den-berg", "Marieke van den Berg", "Gemeentesecretaris en algemeen directeur", "directie",
      None, "2017-09-01", pronouns="zij/haar", location="Stadhuis", office_days=["mon", "tue", "thu"],
      languages=["nl", "en", "de"], expertise=["Organisatieontwikkeling", "Leiderschap", "Bestuur"],
      interests=["roeien", "romans"], phone="+31 85 201 4400", chat="@marieke.vandenberg", kudos=False,
      bio="Als gemeentesecretaris ben ik de schakel tussen de bestuurders en de ambtelijke organisatie. "
          "Ik zorg dat het college kan rekenen op goed advies, en dat collega's de ruimte krijgen om dat "
          "advies te geven.\n\nVoor Wetterveen werkte ik bij de provincie en bij een grotere gemeente in "
          "het oosten. Mijn deur staat open, letterlijk: kom gerust langs op dinsdagmiddag."),
    P("thomas-bakker", "Thomas Bakker", "Strategisch adviseur bestuurder en directie", "directie",
      "marieke-van-den-berg", "2019-02-01", location="Stadhuis", office_days=["mon", "tue", "wed", "thu"],
      languages=["nl", "en"], expertise=["Bestuursadvisering", "Collegevoorstellen", "Raadsprocessen",
                                         "Regionale samenwerking"],
      ask_me_about=["Hoe schrijf ik een collegevoorstel?", "De bestuurlijke planning"],
      phone="+31 85 201 4402", chat="@thomas.bakker", kudos=True,
      bio="Ik adviseer de burgemeester, de wethouders en de directie over strategische dossiers en "
          "regionale samenwerking. Daarnaast help ik collega's met collegevoorstellen: een goed voorstel "
          "begint met de vraag wat het bestuur moet besluiten, niet met de geschiedenis van het dossier."),
    P("ingrid-smit", "Ingrid Smit", "Concerncontroller", "directie", "marieke-van-den-berg", "2015-05-01",
      location="Stadskantoor", office_days=["tue", "wed", "thu"], languages=["nl", "en"],
      expertise=["Planning & Control", "Begroting", "Risicomanagement", "data-analyse"],
      phone="+31 85 201 4405", kudos=False,
      bio="Ik ben verantwoordelijk voor de planning- en controlcyclus: begroting, voorjaarsnota en "
          "jaarrekening. Cijfers vertellen pas iets als je weet welk verhaal erachter zit, dus ik werk "
          "graag samen met de teams die de cijfers maken."),
    P("petra-mulder", "Petra Mulder", "Managementondersteuner directie", "directie", "marieke-van-den-berg",
      "2008-03-01", location="Stadhuis", office_days=["mon", "tue", "wed", "thu", "fri"], languages=["nl"],
      expertise=["Bestuurlijke planning", "Agendabeheer", "Evenementenorganisatie"],
      interests=["tuinieren", "koorzang"], phone="+31 85 201 4401", chat="@petra.mulder", kudos=True,
      bio="Ik houd de agenda's van de directie bij en organiseer de nieuwjaarsbijeenkomst en de "
          "personeelsdag. Weet je niet bij wie je moet zijn? Vraag het mij, grote kans dat ik het weet."),
    # --- Domein Fysiek ---
    P("erik-hoogland", "Erik Hoogland", "Directeur Fysiek Domein", "fysiek-domein", "marieke-van-den-berg",
      "2016-01-01", location="Stadskantoor", office_days=["mon", "wed", "thu"], languages=["nl", "en"],
      expertise=["Omgevingswet", "Leiderschap", "Woningbouw"], phone="+31 85 201 4410", kudos=False,
      bio="Directeur van het fysieke domein. Mijn prioriteiten: genoeg betaalbare woningen, een "
          "omgevingsplan dat inwoners begrijpen en een openbare ruimte die klaar is voor een ander klimaat."),
    P("sophie-de-graaf", "Sophie de Graaf", "Programmamanager Omgevingswet", "fysiek-domein", "erik-hoogland",
      "2020-06-01", pronouns="zij/haar", location="Stadskantoor", office_days=["tue", "thu"],
      languages=["nl", "en", "fr"], expertise=["Omgevingswet", "DSO", "Omgevingsplan", "Participatie"],
      ask_me_about=["Het tijdelijke deel van het omgevingsplan", "Het Omgevingsloket"],
      phone="+31 85 201 4412", chat="@sophie.degraaf", kudos=True,
      links=[{"title": "Programma Omgevingswet Wetterveen", "url": "https://intranet.wetterveen.example/omgevingswet"}],
      bio="Ik leid het programma Omgevingswet. Sinds de wet in 2024 in werking trad, werken we stap "
          "voor stap aan het omgevingsplan, en dat doen we samen met de teams die er elke dag mee werken.\n\n"
          "Mijn achtergrond is planologie; ik werkte eerder bij een omgevingsdienst."),
    # --- Ruimtelijke Ordening ---
    P("fatima-el-amrani", "Fatima El Amrani", "Teamleider Ruimtelijke Ordening", "ruimte", "erik-hoogland",
      "2018-04-01", pronouns="zij/haar", location="Stadskantoor", office_days=["mon", "tue", "thu"],
      languages=["nl", "en", "ar", "fr"],
      expertise=["Ruimtelijke ordening", "Omgevingswet", "Woningbouw", "Leiderschap"],
      ask_me_about=["Woningbouwlocaties", "Werken bij team Ruimte"], interests=["hardlopen", "koken"],
      phone="+31 85 201 4420", chat="@fatima.elamrani", kudos=True,
      bio="Ik ben teamleider van een team van planologen, stedenbouwkundigen en GIS-specialisten. Samen "
          "maken we het omgevingsplan en begeleiden we woningbouwprojecten, van het eerste schetsje tot de "
          "vergunning.\n\nIk geloof in teams die zelf verantwoordelijkheid nemen; mijn rol is vooral obstakels "
          "weghalen. Op vrijdag loop ik met wie wil een rondje langs de bouwplaatsen in de kernen."),
    P("jan-de-vries", "Jan de Vries", "Beleidsadviseur ruimtelijke ordening en GIS", "ruimte",
      "fatima-el-amrani", "2011-09-01", pronouns="hij/hem", location="Stadskantoor",
      office_days=["mon", "tue", "thu"], languages=["nl", "en", "de"],
      expertise=["GIS", "QGIS", "Omgevingsplan", "Python", "Geodata"],
      ask_me_about=["QGIS", "PDOK", "Kaarten voor raadsvoorstellen"], interests=["wielrennen", "schaken"],
      phone="+31 85 201 4423", chat="@jan.devries", forge_username="jdevries", kudos=True,
      links=[{"title": "Kaartviewer Wetterveen", "url": "https://kaart.wetterveen.example"},
             {"title": "QGIS-handleiding (intern)", "url": "https://intranet.wetterveen.example/qgis"}],
      bio="Ik werk sinds 2011 bij de gemeente en ben begonnen als tekenaar. Inmiddels maak ik de kaarten "
          "bij het omgevingsplan, beheer ik onze geodata en schrijf ik Python-scripts om saaie klussen in "
          "**QGIS** te automatiseren.\n\nKom gerust langs als je een kaart nodig hebt voor een "
          "raadsvoorstel, of als je wilt weten welke gegevens we al hebben: vaak is het er al."),
    P("lotte-visser", "Lotte Visser", "Stedenbouwkundige", "ruimte", "fatima-el-amrani", "2021-03-01",
      location="Stadskantoor", office_days=["tue", "wed"], languages=["nl", "en"],
      expertise=["Stedenbouw", "Woningbouw", "participatie", "gis"],
      interests=["schetsen", "architectuur", "fietsen"], chat="@lotte.visser", kudos=True,
      bio="Stedenbouwkundige voor de woningbouwlocaties Wetterveen-Oost en De Horst. Ik teken graag samen "
          "met bewoners: een schets op tafel zegt meer dan tien pagina's beleid."),
    P("ahmed-bouzid", "Ahmed Bouzid", "Juridisch planologisch adviseur", "ruimte", "fatima-el-amrani",
      "2019-10-01", location="Stadskantoor", office_days=["mon", "wed", "thu"], languages=["nl", "ar", "en"],
      expertise=["Omgevingsplan", "omgevingswet", "Planschade", "Bezwaar en beroep"],
      phone="+31 85 201 4425", kudos=True,
      bio="Ik zorg dat onze plannen juridisch kloppen: van regels in het omgevingsplan tot "
          "planschadeverzoeken. Liever vroeg betrokken dan achteraf repareren."),
    P("rosa-meijer", "Rosa Meijer", "Adviseur wonen", "ruimte", "fatima-el-amrani", "2026-10-01",
      location="Stadskantoor", office_days=["mon", "tue", "thu"], languages=["nl", "en", "es"],
      expertise=["Woningbouw", "Volkshuisvesting", "Data-analyse"], interests=["salsa", "podcasts"],
      chat="@rosa.meijer", kudos=True,
      bio="Sinds oktober 2026 werk ik bij Wetterveen als adviseur wonen. Ik kom van een woningcorporatie "
          "en werk aan de woonvisie en de prestatieafspraken. Nog veel te leren over de gemeente: "
          "spreek me gerust aan bij de koffieautomaat."),
    P("daan-kok", "Daan Kok", "Junior beleidsmedewerker ruimte", "ruimte", "fatima-el-amrani", "2026-11-02",
      location="Stadskantoor", office_days=["mon", "tue", "wed", "thu"], languages=["nl", "en"],
      expertise=["GIS", "python", "Planologie"], kudos=True,
      bio="Net afgestudeerd in planologie in Utrecht en sinds november 2026 in team Ruimte. "
          "Ik leer het vak van Jan en Lotte en help mee aan de kaarten voor het omgevingsplan."),
    # --- VTH ---
    P("bas-hendriks", "Bas Hendriks", "Teamleider Vergunningen, Toezicht en Handhaving", "vth",
      "erik-hoogland", "2013-08-01", location="Stadskantoor", office_days=["mon", "tue", "wed", "thu"],
      languages=["nl", "en"], expertise=["Vergunningverlening", "Handhaving", "Leiderschap"],
      phone="+31 85 201 4430", kudos=False,
      bio="Teamleider VTH. Wij willen snelle, voorspelbare besluiten: inwoners en ondernemers moeten weten "
          "waar ze aan toe zijn. Ik ben ook contactpersoon voor de omgevingsdienst."),
    P("yvonne-de-boer", "Yvonne de Boer", "Vergunningverlener omgevingsvergunningen", "vth", "bas-hendriks",
      "2016-05-01", location="Stadskantoor", office_days=["tue", "thu"], languages=["nl"],
      expertise=["Omgevingsvergunning", "Omgevingswet", "BBL", "DSO"],
      ask_me_about=["Vergunningvrij bouwen"], phone="+31 85 201 4432", chat="@yvonne.deboer", kudos=True,
      bio="Ik behandel aanvragen voor omgevingsvergunningen, van dakkapel tot appartementengebouw. "
          "Mijn tip voor iedereen: bel de aanvrager even. Dat scheelt vaak een aanvulling én een bezwaar."),
    P("mehmet-yilmaz", "Mehmet Yilmaz", "Toezichthouder bouwen en wonen", "vth", "bas-hendriks", "2014-11-01",
      location="Gemeentewerf", office_days=["mon", "wed"], languages=["nl", "tr", "en"],
      expertise=["Toezicht", "Handhaving", "BOA", "Huisvesting arbeidsmigranten"],
      phone="+31 85 201 4434", kudos=False,
      bio="Ik ben vooral buiten: bouwcontroles, meldingen over overlast en illegale bewoning. "
          "Binnen vind je me op maandag en woensdag."),
    P("kim-van-leeuwen", "Kim van Leeuwen", "Adviseur milieu en omgevingsveiligheid", "vth", "bas-hendriks",
      "2022-01-10", pronouns="die/hen", location="Stadskantoor", office_days=["wed", "thu"],
      languages=["nl", "en"], expertise=["Milieu", "Geluid", "Omgevingsveiligheid", "Bodem"], kudos=False,
      bio="Ik adviseer over geluid, bodem en externe veiligheid bij plannen en vergunningen, en ben de "
          "verbinding met de omgevingsdienst voor milieutaken."),
    P("ruben-de-wit", "Ruben de Wit", "Casemanager vergunningen", "vth", "bas-hendriks", "2020-09-01",
      location="Stadskantoor", office_days=["mon", "tue", "thu", "fri"], languages=["nl", "en"],
      expertise=["Zaakgericht werken", "Omgevingsvergunning", "Evenementen"], chat="@ruben.dewit", kudos=True,
      bio="Ik bewaak de termijnen van vergunningaanvragen en ben aanspreekpunt voor evenementen. "
          "Het zaaksysteem is mijn tweede thuis."),
    # --- Beheer Openbare Ruimte ---
    P("gerrit-post", "Gerrit Post", "Teamleider Beheer Openbare Ruimte", "openbare-ruimte", "erik-hoogland",
      "1998-05-01", location="Gemeentewerf", office_days=["mon", "tue", "wed", "thu", "fri"], languages=["nl"],
      expertise=["Wegbeheer", "Groenbeheer", "Gladheidsbestrijding"], phone="+31 85 201 4440", kudos=True,
      bio="Al sinds 1998 bij de gemeente, begonnen als stratenmaker. Ik ken elke stoep in Wetterveen en de "
          "meeste mensen die erop lopen."),
    P("anouk-dekker", "Anouk Dekker", "Beheerder groen", "openbare-ruimte", "gerrit-post", "2012-04-01",
      location="Gemeentewerf", office_days=["mon", "thu"], languages=["nl", "en"],
      expertise=["Groenbeheer", "Biodiversiteit", "Bomenbeheer", "Klimaatadaptatie"],
      interests=["vogels kijken", "imkeren"], phone="+31 85 201 4443", kudos=True,
      bio="Ik beheer het openbaar groen en de bomen. Mijn missie: meer bloemrijke bermen en minder "
          "tegels. Bij elke herinrichting schuif ik aan om te kijken waar groen bij kan."),
    P("joost-vermeulen", "Joost Vermeulen", "Wegbeheerder en adviseur verkeer", "openbare-ruimte", "gerrit-post",
      "2017-03-01", location="Gemeentewerf", office_days=["tue", "wed", "thu"], languages=["nl"],
      expertise=["Verkeer", "Wegbeheer", "gis", "BGT"], chat="@joost.vermeulen", kudos=True,
      bio="Ik beheer de wegen en adviseer over verkeersveiligheid, vooral rond scholen. "
          "Voor de BGT werk ik veel samen met het GIS-team."),
    P("samira-haddou", "Samira Haddou", "Adviseur riolering en klimaatadaptatie", "openbare-ruimte",
      "gerrit-post", "2023-02-01", location="Gemeentewerf", office_days=["mon", "wed", "thu"],
      languages=["nl", "ar", "en"], expertise=["Klimaatadaptatie", "Riolering", "Water"],
      phone="+31 85 201 4446", kudos=True,
      bio="Ik werk aan het gemeentelijk rioleringsplan en aan maatregelen tegen wateroverlast. "
          "Na de zomerbuien van 2025 staat klimaatadaptatie hoog op de agenda, en terecht."),
    # --- Domein Sociaal ---
    P("willem-brouwer", "Willem Brouwer", "Directeur Sociaal Domein", "sociaal-domein", "marieke-van-den-berg",
      "2019-01-01", location="Stadskantoor", office_days=["mon", "tue", "thu"], languages=["nl", "en"],
      expertise=["Sociaal domein", "Leiderschap", "Zorginkoop"], phone="+31 85 201 4450", kudos=False,
      bio="Directeur van het sociaal domein. Ik wil dat inwoners één gemeente ervaren, ook als hun "
          "vraag over zorg, werk en schulden tegelijk gaat."),
    P("eva-schouten", "Eva Schouten", "Beleidsadviseur sociaal domein", "sociaal-domein", "willem-brouwer",
      "2021-09-01", location="Stadskantoor", office_days=["tue", "wed", "thu"], languages=["nl", "en", "de"],
      expertise=["Wmo", "Jeugdzorg", "Beleidsonderzoek", "Data-analyse"], chat="@eva.schouten", kudos=True,
      bio="Ik schrijf beleid voor het sociaal domein en kijk daarbij graag naar de cijfers: wat werkt "
          "echt? Eerder werkte ik bij een onderzoeksbureau in Nijmegen."),
    # --- Wmo en Jeugd ---
    P("sandra-koster", "Sandra Koster", "Teamleider Wmo en Jeugd", "wmo-jeugd", "willem-brouwer", "2015-02-01",
      location="Stadskantoor", office_days=["mon", "tue", "wed", "thu"], languages=["nl"],
      expertise=["Wmo", "Jeugdzorg", "Leiderschap"], phone="+31 85 201 4460", kudos=True,
      bio="Teamleider van de consulenten Wmo en jeugd. Het keukentafelgesprek is het hart van ons werk: "
          "daar hoor je wat iemand echt nodig heeft."),
    P("hanneke-vos", "Hanneke Vos", "Wmo-consulent", "wmo-jeugd", "sandra-koster", "2010-06-01",
      location="Servicepunt Noord", office_days=["mon", "tue", "thu"], languages=["nl", "fy"],
      expertise=["Wmo", "Keukentafelgesprek", "Mantelzorg", "Hulpmiddelen"],
      interests=["breien", "wandelen"], phone="+31 85 201 4462", kudos=True,
      bio="Ik ben Wmo-consulent in de noordelijke kernen. Ik kom bij mensen thuis en zoek samen met hen "
          "naar wat ze nodig hebben om zelfstandig te blijven wonen."),
    P("youssef-benali", "Youssef Benali", "Jeugdconsulent", "wmo-jeugd", "sandra-koster", "2018-11-01",
      location="Servicepunt Zuid", office_days=["mon", "wed", "thu"], languages=["nl", "ar", "en"],
      expertise=["Jeugdzorg", "Jeugdwet", "Wijkteams", "Veilig Thuis"], chat="@youssef.benali", kudos=True,
      bio="Jeugdconsulent in Wetterveen-Zuid. Ik werk nauw samen met scholen, huisartsen en het wijkteam. "
          "Snel schakelen als het nodig is, rustig aan als het kan."),
    P("lisa-timmermans", "Lisa Timmermans", "Contractmanager zorg", "wmo-jeugd", "sandra-koster",
      "2020-02-01", location="Stadskantoor", office_days=["tue", "thu"], languages=["nl", "en"],
      expertise=["inkoop", "Contractmanagement", "Jeugdzorg", "wmo"], phone="+31 85 201 4466", kudos=True,
      bio="Ik voer de contracten met zorgaanbieders voor Wmo en jeugd, samen met de regiogemeenten. "
          "Goede afspraken met aanbieders maken het werk van consulenten makkelijker."),
    P("merel-huisman", "Merel Huisman", "Beleidsmedewerker jeugd", "wmo-jeugd", "sandra-koster", "2022-08-15",
      location="Stadskantoor", office_days=["mon", "wed"], languages=["nl", "en"],
      expertise=["Jeugdzorg", "Preventie", "Onderwijs"], chat="@merel.huisman", kudos=True,
      bio="Ik werk aan jeugdbeleid met een focus op preventie: liever een praktijkondersteuner jeugd bij "
          "de huisarts dan een lange wachtlijst voor specialistische zorg."),
    P("nina-kowalski", "Nina Kowalski", "Wmo-consulent", "wmo-jeugd", "sandra-koster", "2026-10-13",
      location="Servicepunt Zuid", office_days=["mon", "tue", "wed"], languages=["pl", "en", "nl"],
      expertise=["Wmo", "Schuldhulpverlening"], kudos=True,
      bio="I joined the Wmo team in October 2026, after six years as a social worker in Rotterdam. "
          "My Dutch is good, my Polish is better: if a client prefers Polish, I am happy to help."),
    # --- Werk en Inkomen ---
    P("martijn-de-jong", "Martijn de Jong", "Teamleider Werk en Inkomen", "werk-inkomen", "willem-brouwer",
      "2016-09-01", location="Stadskantoor", office_days=["mon", "tue", "thu"], languages=["nl", "en"],
      expertise=["Participatiewet", "Re-integratie", "Leiderschap"], phone="+31 85 201 4470", kudos=False,
      bio="Teamleider Werk en Inkomen. Werk is meer dan een inkomen; daarom zoeken we voor iedereen naar "
          "een volgende stap, hoe klein ook."),
    P("esther-bos", "Esther Bos", "Klantmanager Participatiewet", "werk-inkomen", "martijn-de-jong",
      "2013-01-01", location="Stadskantoor", office_days=["mon", "wed", "thu"], languages=["nl"],
      expertise=["Participatiewet", "Re-integratie", "Schuldhulpverlening"], kudos=True,
      bio="Ik begeleid inwoners met een bijstandsuitkering naar werk of een andere vorm van meedoen. "
          "Ik ken de meeste werkgevers in Wetterveen persoonlijk."),
    P("kevin-peters", "Kevin Peters", "Inkomensconsulent", "werk-inkomen", "martijn-de-jong", "2021-04-01",
      location="Stadskantoor", office_days=["tue", "thu"], languages=["nl", "en"],
      expertise=["Bijstand", "Bijzondere bijstand", "Inkomensondersteuning"], kudos=False,
      bio="Ik beoordeel aanvragen voor bijstand en bijzondere bijstand. Duidelijke brieven vind ik net zo "
          "belangrijk als een juist besluit."),
    P("chantal-roos", "Chantal Roos", "Beleidsmedewerker armoede en schulden", "werk-inkomen",
      "martijn-de-jong", "2024-01-08", location="Stadskantoor", office_days=["mon", "tue"],
      languages=["nl", "pap", "en"], expertise=["Armoedebeleid", "Schuldhulpverlening", "Data-analyse"],
      chat="@chantal.roos", kudos=True,
      bio="Ik werk aan armoedebeleid en vroegsignalering van schulden. Samen met het team Information & "
          "Data bouw ik een dashboard dat laat zien waar de meeste hulp nodig is."),
    # --- Bedrijfsvoering ---
    P("karin-de-haan", "Karin de Haan", "Directeur Bedrijfsvoering", "bedrijfsvoering", "marieke-van-den-berg",
      "2020-03-01", location="Stadskantoor", office_days=["mon", "wed", "thu"], languages=["nl", "en"],
      expertise=["Bedrijfsvoering", "Informatiebeveiliging", "Leiderschap"], phone="+31 85 201 4480",
      kudos=False,
      bio="Directeur Bedrijfsvoering. Ik houd van organisaties die simpel zijn waar het kan: minder formulieren, "
          "betere systemen, en collega's die weten waar ze terechtkunnen."),
    P("sven-lammers", "Sven Lammers", "HR-adviseur", "bedrijfsvoering", "karin-de-haan", "2019-06-01",
      location="Stadskantoor", office_days=["mon", "tue", "thu"], languages=["nl", "en", "de"],
      expertise=["HRM", "Onboarding", "Werving en selectie", "Duurzame inzetbaarheid"],
      phone="+31 85 201 4483", chat="@sven.lammers", kudos=True,
      bio="HR-adviseur voor het fysieke en het sociale domein. Ik regel de introductie van nieuwe "
          "collega's: welkom, en laat vooral weten wat beter kan."),
    # --- Publiekszaken ---
    P("monique-verhoeven", "Monique Verhoeven", "Teamleider Publiekszaken", "publiekszaken", "karin-de-haan",
      "2009-10-01", location="Stadskantoor", office_days=["mon", "tue", "wed", "thu"], languages=["nl", "en"],
      expertise=["Dienstverlening", "Burgerzaken", "Klantcontact"], phone="+31 85 201 4490", kudos=True,
      bio="Teamleider van de balie en het Klantcontactcentrum. Inwoners zien ons als eerste; "
          "wij zorgen dat dat een goede eerste indruk is."),
    P("dennis-kramer", "Dennis Kramer", "Specialist BRP", "publiekszaken", "monique-verhoeven", "2005-02-01",
      location="Stadskantoor", office_days=["mon", "tue", "thu", "fri"], languages=["nl"],
      expertise=["BRP", "Adresonderzoek", "Burgerlijke stand", "Privacy/AVG"], phone="+31 85 201 4492",
      kudos=False,
      bio="Ik ben specialist BRP en doe adresonderzoeken. Vragen over wie welke persoonsgegevens mag "
          "inzien komen vaak bij mij terecht."),
    P("aylin-demir", "Aylin Demir", "Klantcontactmedewerker", "publiekszaken", "monique-verhoeven",
      "2022-05-01", location="Stadskantoor", office_days=["mon", "wed", "thu"], languages=["nl", "tr", "en"],
      expertise=["Klantcontact", "Dienstverlening", "brp"], chat="@aylin.demir", kudos=True,
      bio="Aan de telefoon en in de webchat help ik inwoners met hun vragen. Ik hoor wat er speelt in "
          "Wetterveen en geef dat graag door aan de teams die er iets mee kunnen."),
    P("frank-jacobs", "Frank Jacobs", "Medewerker Burgerzaken", "publiekszaken", "monique-verhoeven",
      "2024-09-02", location="Stadskantoor", office_days=["tue", "wed", "thu", "fri"], languages=["nl", "en"],
      expertise=["Reisdocumenten", "Rijbewijzen", "Verkiezingen"], kudos=True,
      bio="Paspoorten, rijbewijzen en verkiezingen. Tijdens verkiezingen coördineer ik de stembureaus."),
    # --- Information & Data ---
    P("priya-raman", "Priya Raman", "Team Lead Information & Data", "informatievoorziening", "karin-de-haan",
      "2021-11-01", pronouns="she/her", location="Stadskantoor", office_days=["mon", "tue", "thu"],
      languages=["en", "nl", "other"], expertise=["Data-analyse", "Data governance", "Python", "Power BI"],
      ask_me_about=["Wetterveen in cijfers", "Data requests"], interests=["cricket", "board games"],
      phone="+31 85 201 4500", chat="@priya.raman", kudos=True,
      bio="I lead the Information & Data team: application management, data analysis, privacy and "
          "records management. Before moving to the Netherlands I built data platforms for the city of "
          "Bangalore.\n\nMy Dutch is improving every week; feel free to talk to me in Dutch, I will answer "
          "in whichever language gets us there fastest."),
    P("rik-van-dijk", "Rik van Dijk", "Applicatiebeheerder zaaksysteem", "informatievoorziening",
      "priya-raman", "2015-09-01", location="Stadskantoor", office_days=["mon", "tue", "wed", "thu"],
      languages=["nl", "en"], expertise=["Zaakgericht werken", "Zaaksysteem", "ZGW API's", "Functioneel beheer"],
      phone="+31 85 201 4503", chat="@rik.vandijk", forge_username="rikvd", kudos=True,
      bio="Ik beheer het zaaksysteem en de zaaktypecatalogus. Nieuw zaaktype nodig, of loopt een proces "
          "vast? Maak een melding, of loop even langs."),
    P("sarah-oconnor", "Sarah O'Connor", "Data engineer", "informatievoorziening", "priya-raman", "2024-03-04",
      pronouns="she/her", location="Thuis", office_days=["tue", "thu"], languages=["en", "nl"],
      expertise=["Python", "SQL", "Data pipelines", "Open data"], interests=["running", "baking"],
      chat="@sarah.oconnor", forge_username="soconnor", kudos=True,
      bio="Data engineer from Cork, now living in Deventer. I build the pipelines behind our dashboards "
          "and the open data portal, mostly in **Python** and SQL. I am happy to review your scripts "
          "or help you get data out of a system you are stuck with."),
    P("joris-wouters", "Joris Wouters", "Privacy officer", "informatievoorziening", "priya-raman",
      "2019-09-01", location="Stadskantoor", office_days=["mon", "wed", "thu"], languages=["nl", "en"],
      expertise=["Privacy/AVG", "AVG", "DPIA", "Informatiebeveiliging"],
      ask_me_about=["Verwerkingsregister", "Datalekken melden"], phone="+31 85 201 4507", kudos=True,
      bio="Privacy officer. Ik help teams bij DPIA's, verwerkersovereenkomsten en het melden van "
          "datalekken. Privacy is geen rem: wie vroeg belt, is vaak sneller klaar."),
    P("bram-de-klerk", "Bram de Klerk", "Informatiebeheerder", "informatievoorziening", "priya-raman",
      "2018-01-15", location="Archiefdepot", office_days=["tue", "wed", "thu"], languages=["nl", "en"],
      expertise=["Informatiebeheer", "Archief", "Woo", "E-depot"], chat="@bram.deklerk", kudos=True,
      bio="Ik zorg dat informatie vindbaar is en blijft, van raadsbesluit tot bouwdossier uit 1962. "
          "Daarnaast ondersteun ik bij Woo-verzoeken."),
    # alumnus: the only one who knew the BAG coupling
    P("pieter-van-dam", "Pieter van Dam", "Integratiespecialist", "informatievoorziening", "priya-raman",
      "2012-02-01", left="2026-03-31", location="Stadskantoor", office_days=["mon", "tue", "thu"],
      languages=["nl", "en"], expertise=["BAG", "StUF", "API's", "Zaakgericht werken"],
      phone="+31 85 201 4509", kudos=False,
      bio="Ik bouwde en beheerde de koppelingen tussen onze systemen: zaaksysteem, BAG, BRP en de "
          "landelijke voorzieningen. Per april 2026 werk ik bij een softwareleverancier."),
    # --- Communicatie en Participatie ---
    P("laura-van-rijn", "Laura van Rijn", "Teamleider Communicatie en Participatie", "communicatie",
      "marieke-van-den-berg", "2017-06-01", location="Stadhuis", office_days=["mon", "tue", "thu"],
      languages=["nl", "en"], expertise=["Communicatie", "Crisiscommunicatie", "Participatie"],
      phone="+31 85 201 4520", chat="@laura.vanrijn", kudos=True,
      bio="Teamleider communicatie en participatie, en eigenaar van het intranet Plein. Goede "
          "communicatie begint bij goed beleid: schuif dus vroeg bij ons aan."),
    P("tim-groen", "Tim Groen", "Communicatieadviseur online", "communicatie", "laura-van-rijn", "2023-04-03",
      location="Stadskantoor", office_days=["tue", "wed", "thu"], languages=["nl", "en"],
      expertise=["Webredactie", "Taalniveau B1", "Digitale toegankelijkheid", "communicatie"],
      chat="@tim.groen", forge_username="timgroen", kudos=True,
      bio="Ik ben webredacteur en beheer de website en het intranet. Schrijf voor je lezer, niet voor "
          "je dossier: ik help je graag je tekst op B1-niveau te krijgen."),
    P("daniel-osei", "Daniel Osei", "Adviseur participatie", "communicatie", "laura-van-rijn", "2022-10-03",
      pronouns="he/him", location="Wijkcentrum De Horst", office_days=["mon", "wed", "thu"],
      languages=["en", "nl"], expertise=["Participatie", "Burgerpanels", "Wijkgericht werken", "Jongerenparticipatie"],
      phone="+31 85 201 4524", kudos=True,
      bio="I help teams involve residents early, from neighbourhood walks to the citizens' panel. "
          "I grew up in Accra and London and moved to Wetterveen for love; I stayed for the bike lanes."),
    # alumnus: communication adviser who left at the end of 2025
    P("linda-hoekstra", "Linda Hoekstra", "Communicatieadviseur", "communicatie", "laura-van-rijn",
      "2014-09-01", left="2025-12-31", location="Stadskantoor", office_days=["mon", "tue", "thu"],
      languages=["nl", "en", "fy"], expertise=["Communicatie", "Taalniveau B1", "Woordvoering"],
      chat="@linda.hoekstra", kudos=True,
      bio="Communicatieadviseur voor het sociaal domein en woordvoerder van de wethouder zorg. "
          "Sinds januari 2026 werk ik bij de provincie."),
    # --- Juridische Zaken en Inkoop ---
    P("hugo-van-der-linden", "Hugo van der Linden", "Teamleider Juridische Zaken en Inkoop",
      "juridische-zaken", "karin-de-haan", "2016-11-01", location="Stadskantoor",
      office_days=["mon", "tue", "wed", "thu"], languages=["nl", "en", "fr"],
      expertise=["Juridische zaken", "Aanbesteden", "Leiderschap"], phone="+31 85 201 4530", kudos=True,
      bio="Teamleider van de juristen en de inkopers. Wij denken mee voordat er iets misgaat, en helpen "
          "als het toch misgaat."),
    P("fleur-mertens", "Fleur Mertens", "Inkoopadviseur", "juridische-zaken", "hugo-van-der-linden",
      "2021-01-11", location="Stadskantoor", office_days=["tue", "thu"], languages=["nl", "en"],
      expertise=["Inkoop", "Aanbesteden", "Contractmanagement", "Europese aanbestedingen"], chat="@fleur.mertens", kudos=True,
      bio="Inkoopadviseur. Van een offerte voor een nieuw koffieapparaat tot een Europese aanbesteding "
          "voor jeugdzorg: ik help je de juiste procedure te kiezen."),
    P("arjen-bosman", "Arjen Bosman", "Jurist bezwaar en beroep", "juridische-zaken", "hugo-van-der-linden",
      "2018-06-01", location="Stadskantoor", office_days=["mon", "wed", "thu"], languages=["nl", "de"],
      expertise=["Bezwaar en beroep", "Woo", "AVG"], phone="+31 85 201 4534", kudos=False,
      bio="Ik behandel bezwaarschriften en beroepszaken en ben secretaris van de bezwaarcommissie. "
          "Vaak lost een telefoontje meer op dan een hoorzitting."),
]

# People without a photo (not everybody has uploaded one).
NO_PHOTO = {"daan-kok", "kevin-peters", "gerrit-post"}
