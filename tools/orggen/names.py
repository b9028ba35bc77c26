"""Names of people (a Dutch municipality's mix), handles, e-mail addresses and initials."""
from __future__ import annotations

import re
import unicodedata

FIRST_NAMES = """
Jan Pieter Kees Henk Gerrit Willem Johan Erik Thomas Daan Bas Joost Martijn Ruben Bram Sven Tim
Rik Niels Jeroen Maarten Sander Wouter Koen Jasper Frank Dennis Kevin Mark Paul Hugo Luuk Stijn
Lars Milan Sem Jesse Thijs Gijs Arjen Rob Hans Ronald Marcel Vincent Roel Teun Wim Floris Jelle
Marieke Fatima Sophie Lotte Anouk Eva Sanne Lisa Emma Femke Iris Laura Esther Ingrid Petra
Monique Sandra Hanneke Merel Fleur Yvonne Karin Linda Anne Marloes Judith Renate Nicole Saskia
Ilse Annemiek Carolien Mirjam Jolanda Wendy Chantal Kim Noor Julia Tessa Maud Lieke Roos Sara
Mohamed Ahmed Youssef Said Karim Hamza Bilal Samira Nadia Leila Amira Yasmina Khadija Imane
Mehmet Mustafa Emre Burak Aylin Elif Zeynep Esra Fatma Ayse
Priya Ravi Anil Sunita Deepa Wei Mei Lin Hao
Sarah James Daniel Emily Michael Olivia David Hannah Liam Grace
Tomasz Anna Katarzyna Piotr Agnieszka Nina Olga Dmitri Ivana Marek
Kofi Ama Kwame Efua Chidi Ngozi Rosa Carmen Miguel Lucia Giulia Marco
Dewi Ricardo Shanti Roy Sharon Glenn Jair Natasja
""".split()

# Surnames, with their tussenvoegsel ("van den Berg"): sorted alphabetically on the last word.
LAST_NAMES = """
de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|Mulder|de Groot
Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Smits|de Graaf|van der Meer
van der Linden|Kok|Jacobs|de Haan|Vermeulen|van den Heuvel|van der Veen|van den Broek|de Bruijn
de Bruin|van der Heijden|Schouten|van Beek|Willems|van Vliet|van de Ven|Hoekstra|Maas|Verhoeven
Koster|van Dam|van der Wal|Prins|Blom|Huisman|Peeters|de Jonge|Kuipers|van Veen|Post|Kuiper
Veenstra|Kramer|van den Brink|Scholten|van Wijk|Postma|Martens|Vink|de Ruiter|Timmermans|Groen
Gerritsen|Jonker|van Loon|Boer|van der Velde|Willemsen|Smeets|de Lange|de Vos|Bosch|van Dongen
Schipper|de Koning|van der Laan|Koning|van der Velden|Driessen|van Doorn|Hermans|Evers|van den Bosch
van der Meulen|Hofman|Bosman|Wolters|Sijbesma|Verbeek|Lammers|Claassen|Mertens|Wouters|Hoogland
El Amrani|Bouzid|Benali|El Idrissi|Haddou|Ouali|Amrani|Bakkali|Ziani|Chaouch
Yilmaz|Demir|Kaya|Sahin|Celik|Yildiz|Aydin|Ozturk|Arslan|Dogan
Raman|Sharma|Patel|Kumar|Chen|Wang|Li|Nguyen|Tran|Pham
O'Connor|Clarke|Whitaker|Brown|Taylor|Murphy|Kelly|Walsh|Evans|Hughes
Kowalski|Nowak|Wisniewska|Lewandowski|Petrova|Ivanova|Horvat|Novak
Osei|Mensah|Boateng|Okafor|Adeyemi|Garcia|Rossi|Fernandes|Silva|Santos
Sitaldin|Ramdin|Kartosen|Martina|Rosario|Jong A Pin|Kromodikoro
""".replace("\n", "|").split("|")
LAST_NAMES = [n.strip() for n in LAST_NAMES if n.strip()]

_TUSSEN = frozenset("van de der den het ten ter te in 't a".split())


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_len: int = 60) -> str:
    """Lowercase ASCII letters, digits and hyphens: for handles, team ids and file names."""
    s = _NON_ALNUM.sub("-", ascii_fold(text).lower().replace("'", "")).strip("-")
    if len(s) > max_len:
        s = s[:max_len].rsplit("-", 1)[0] if "-" in s[:max_len] else s[:max_len]
    return s or "x"


def handle_for(name: str) -> str:
    return slugify(name, 80)


def email_for(handle: str, domain: str) -> str:
    """handle -> first.last@domain; '-' -> '.' is one-to-one, so unique handles give unique e-mails."""
    return handle.replace("-", ".") + "@" + domain


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w]
    if not words:
        return "?"
    first = ascii_fold(words[0])[:1]
    rest = [w for w in words[1:] if w.lower() not in _TUSSEN]
    last = ascii_fold(rest[-1] if rest else (words[-1] if len(words) > 1 else ""))
    return (first + last[:1]).upper()
