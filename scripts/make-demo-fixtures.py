#!/usr/bin/env python3
"""Writes the Midden-Groningen demo in fixtures/midden-groningen/ (deterministic, seeded).

Two synthetic exports of former municipalities, in the shapes their vendors used:
  hoogezand-sappemeer/  CSV with ';', Windows-1252, CRLF, dd-mm-yyyy, vendor labels
  menterwolde/          CSV with ',', UTF-8 with BOM, LF, yyyy-mm-dd, other names and labels,
                        BSNs that lost their leading zero in Excel
Every person is synthetic: names are drawn from lists, BSNs are random numbers that pass the
11-proef. The planted defects and overlaps are listed in fixtures/midden-groningen/README.md.
Run from the repository root: python3 scripts/make-demo-fixtures.py
"""
import os
import random

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "midden-groningen")
rng = random.Random(1952)

FIRST_F = ["Anna", "Maria", "Johanna", "Geertruida", "Hendrika", "Zoë", "Chloë", "Daniëlle", "Hélène", "Inès",
           "Sanne", "Femke", "Lotte", "Eva", "Noor", "Julia", "Tessa", "Marieke", "Ineke", "Wilma", "Aaltje",
           "Grietje", "Janny", "Roelina", "Sietske", "Fenna", "Jantje", "Klaasje"]
FIRST_M = ["Jan", "Hendrik", "Klaas", "Pieter", "Johannes", "Noël", "René", "Gerrit", "Harm", "Roelf", "Sjoerd",
           "Bram", "Daan", "Sem", "Lucas", "Thijs", "Jeroen", "Menno", "Albert", "Egbert", "Geert", "Jelle", "Wiebe"]
SURNAMES = [("", "Bakker"), ("", "Smit"), ("de", "Vries"), ("van der", "Berg"), ("", "Mulder"), ("de", "Boer"),
            ("", "Dijkstra"), ("", "Bos"), ("", "Visser"), ("van", "Dijk"), ("", "Hoekstra"), ("", "Kuipers"),
            ("", "Wierenga"), ("", "Huizinga"), ("", "Zijlstra"), ("ter", "Veen"), ("", "Oosterhuis"),
            ("", "Kloosterman"), ("", "Brouwer"), ("van", "Wijk"), ("", "Boekhoud"), ("", "Schuiling"),
            ("", "Dijkhuis"), ("", "Pruim"), ("", "Stuut"), ("", "Reinders"), ("", "Ubbens"), ("", "Wübbena")]
STREETS_HS = [("Hoofdstraat", "Hoogezand", ["9601", "9602", "9603"]), ("Kerkstraat", "Hoogezand", ["9601", "9602"]),
              ("Noorderstraat", "Sappemeer", ["9611"]), ("Middenstraat", "Sappemeer", ["9611", "9613"]),
              ("Meerweg", "Kropswolde", ["9606"]), ("Foxholsterweg", "Foxhol", ["9607"]),
              ("Rijksweg", "Westerbroek", ["9608"]), ("Gorecht-Oost", "Hoogezand", ["9603"])]
STREETS_MW = [("Kerkstraat", "Muntendam", ["9649"]), ("Zuiderstraat", "Muntendam", ["9649"]),
              ("Hoofdweg", "Zuidbroek", ["9636"]), ("Noordbroeksterstraat", "Noordbroek", ["9635"]),
              ("Brugstraat", "Meeden", ["9650"]), ("Oude Schoolweg", "Meeden", ["9650"])]
LETTERS = "ABCDEFGHJKLMNPRSTVWXZ"


def elfproef(digits):
    return sum((9 - i) * digits[i] for i in range(8)) - digits[8]


used_bsn = set()


def new_bsn(leading_zero=False):
    while True:
        d = [rng.randrange(10) for _ in range(8)]
        d[0] = 0 if leading_zero else rng.randrange(1, 4)
        s = sum((9 - i) * d[i] for i in range(8))
        last = s % 11
        if last == 10:
            continue
        bsn = "".join(map(str, d + [last]))
        assert elfproef(d + [last]) % 11 == 0
        if bsn not in used_bsn and not bsn.startswith("9999"):
            used_bsn.add(bsn)
            return bsn


def person(surname=None):
    female = rng.random() < 0.52
    first = rng.choice(FIRST_F if female else FIRST_M)
    second = rng.choice(FIRST_F if female else FIRST_M) if rng.random() < 0.4 else None
    vv, an = surname or rng.choice(SURNAMES)
    year = rng.randrange(1932, 2020)
    if year >= 2018:
        year -= 10   # the exports date from the end of 2017: nobody in them is born later (the same draws as before)
    return {
        "voornamen": first + (" " + second if second and second != first else ""),
        "voorvoegsel": vv, "achternaam": an, "female": female,
        "geboortedatum": (year, rng.randrange(1, 13), rng.randrange(1, 29)),
        "bsn": new_bsn(leading_zero=rng.random() < 0.12),
    }


def initials(voornamen, dots=True):
    return "".join(n[0] + ("." if dots else "") for n in voornamen.split())


def households(count, streets, used):
    result = []
    while len(result) < count:
        street, place, pc4s = rng.choice(streets)
        pc = rng.choice(pc4s) + rng.choice(LETTERS) + rng.choice(LETTERS)
        nr = rng.randrange(1, 180)
        letter = rng.choice(["", "", "", "", "a", "b"])
        toev = rng.choice(["", "", "", "", "", "", "1", "2", "bis"]) if not letter else ""
        key = (pc, nr, letter.upper(), toev.upper())
        if key in used:
            continue
        used.add(key)
        surname = rng.choice(SURNAMES)
        size = rng.choices([1, 2, 3, 4, 5, 6], weights=[35, 30, 14, 12, 6, 3])[0]
        members = [person(surname if i == 0 or rng.random() < 0.8 else None) for i in range(size)]
        result.append({"street": street, "place": place, "pc": pc, "nr": nr, "letter": letter, "toev": toev, "members": members})
    return result


def write(path, rows, delimiter, encoding, newline, bom=False):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    def field(v):
        v = str(v)
        if delimiter in v or '"' in v or "\n" in v or "\r" in v:
            return '"' + v.replace('"', '""') + '"'
        return v
    text = newline.join(delimiter.join(field(v) for v in row) for row in rows) + newline
    data = text.encode(encoding)
    with open(path, "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def append_raw(path, raw_bytes):
    with open(path, "ab") as f:
        f.write(raw_bytes)


def dmy(d):
    return "%02d-%02d-%04d" % (d[2], d[1], d[0])


def ymd(d):
    return "%04d-%02d-%02d" % d


def later(d, years):
    return (min(d[0] + years, 2026), d[1], d[2])


# --------------------------------------------------------------------------------------------
used_addresses = set()
hs = households(300, STREETS_HS, used_addresses)
mw = households(240, STREETS_MW, used_addresses)

# Overlaps between the sources (see README): households known to both former municipalities.
# 1. Six households in Hoogezand-Sappemeer also registered, address and members alike, in Menterwolde.
shared_households = hs[:6]
# 2. Four clients who moved from Menterwolde to Hoogezand-Sappemeer: same person, other address.
movers = [(hs[10 + i]["members"][0], mw[20 + i]) for i in range(4)]
# 3. Three clients in both whose name is written differently (voorvoegsel inside the achternaam).
respelled = [hs[20 + i]["members"][0] for i in range(3)]
for p in respelled:
    p["voorvoegsel"] = p["voorvoegsel"] or "van der"

# ---------------------------------------------------------------- Hoogezand-Sappemeer (CSV ;)
HS_PRODUCTS = [  # vendor label, productcode, categorie, wet, eenheid, frequentie
    ("Hulp bij het huishouden HH1", "01A01", "01", "wmo", "uur", "per week"),
    ("Hulp bij het huishouden HH2", "01A02", "01", "wmo", "uur", "per week"),
    ("Individuele begeleiding", "02A05", "02", "wmo", "uur", "per week"),
    ("Dagbesteding (dagdeel)", "07A01", "07", "wmo", "dagdeel", "per week"),
    ("Rolstoel", "11A01", "11", "wmo", "stuks", "totaal"),
    ("Woningaanpassing", "13A02", "13", "wmo", "euro", "totaal"),
    ("Jeugdhulp ambulant", "45A12", "45", "jeugdwet", "uur", "per maand"),
    ("Wijkteam jeugd ambulant", "45A01", "45", "jeugdwet", "uur", "per week"),
]
hs_dir = os.path.join(ROOT, "hoogezand-sappemeer")
hs_teams = [("HS-NOORD", "Sociaal team Hoogezand-Noord"), ("HS-ZUID", "Sociaal team Sappemeer"),
            ("HS-JGT", "Jeugd- en gezinsteam Hoogezand-Sappemeer")]
staff_hs = []
for i in range(24):
    p = person()
    team = hs_teams[i % 3][0]
    staff_hs.append(["M%03d" % (i + 1), p["voornamen"].split()[0], (p["voorvoegsel"] + " " + p["achternaam"]).strip(),
                     "%s.%s@hoogezand-sappemeer.example" % (p["voornamen"].split()[0].lower(), p["achternaam"].lower()),
                     rng.choice(["Wijkcoach", "Maatschappelijk werker", "Wmo-consulent", "Jeugdconsulent"]),
                     rng.choice(["Gemeente Hoogezand-Sappemeer", "MEE Groningen", "Kwartiermakers Welzijn"]),
                     "", rng.choice(["0,89", "0,67", "1,0", "0,5", "0,78"]), team])
    staff_hs[-1][6] = "N" if staff_hs[-1][5] == "Gemeente Hoogezand-Sappemeer" else "J"
staff_hs[23][8] = "HS-OUD"                      # planted: old team not mapped to a wijkteam

rows = [["Clientnr", "BSN", "Voorletters", "Voornamen", "Tussenvoegsel", "Achternaam", "Geb.datum", "Geslacht",
         "Straat", "Huisnr", "Postcode", "Woonplaats"]]
hs_clients = []
n = 0
for h in hs:
    huisnr = "%d%s%s" % (h["nr"], h["letter"], ("-" + h["toev"]) if h["toev"] else "")
    postcode = h["pc"][:4] + " " + h["pc"][4:]
    for p in h["members"]:
        n += 1
        an = p["achternaam"]
        vv = p["voorvoegsel"]
        rows.append(["C%05d" % n, p["bsn"], initials(p["voornamen"]), p["voornamen"], vv, an, dmy(p["geboortedatum"]),
                     "V" if p["female"] else "M", h["street"], huisnr, postcode, h["place"]])
        hs_clients.append(p)
# planted defects in clienten.csv
rows[5][6] = "31-02-1950"                        # a date that does not exist
rows[9][1] = "1234567"                           # a BSN of seven digits
orphan_household = ["C%05d" % (n + 1), new_bsn(), "G.", "Geert", "", "Pruim", "12-05-1961", "M",
                    "Stationsweg", "3", "9700 AA", "Groningen"]  # planted: postcode in no wijk of GM1952
rows.append(orphan_household)
# planted for the rule catalogue (appended, so that no other record changes):
rows.append(["C%05d" % (n + 2), "123456781", "J.", "Jelle", "", "Bakker", "02-03-1971", "M",
             "Kerkstraat", "7", "9601 KB", "Hoogezand"])          # a BSN that fails the 11-proef
rows.append(["C%05d" % (n + 3), "210987650", "S.", "Sem", "", "Mulder", "01-01-2031", "M",
             "Kerkstraat", "7", "9601 KB", "Hoogezand"])          # born in the future
write(os.path.join(hs_dir, "clienten.csv"), rows, ";", "cp1252", "\r\n")

write(os.path.join(hs_dir, "teams.csv"), [["Teamcode", "Teamnaam"]] + [list(t) for t in hs_teams], ";", "cp1252", "\r\n")
write(os.path.join(hs_dir, "medewerkers.csv"),
      [["Mdw.nr", "Voornaam", "Achternaam", "E-mail", "Functie", "Werkgever", "Gedetacheerd", "FTE", "Team"]] + staff_hs
      + [["M025", "Harm", "Smit", "harm.smit@hoogezand-sappemeer.example", "Wijkcoach", "MEE Groningen", "J", "36", "HS-NOORD"],   # FTE as hours
         ["M026", "Wilma", "Bos", "wilma.bos@hoogezand-sappemeer", "Wijkcoach", "MEE Groningen", "J", "0,5", "HS-ZUID"]],   # e-mail without a top-level domain
      ";", "cp1252", "\r\n")

rows = [["Plannr", "Postcode", "Huisnr", "Regisseur", "Startdatum", "Einddatum", "Status"]]
for i, h in enumerate(hs):
    if rng.random() < 0.55:
        huisnr = "%d%s%s" % (h["nr"], h["letter"], ("-" + h["toev"]) if h["toev"] else "")
        start = (rng.randrange(2014, 2018), rng.randrange(1, 13), rng.randrange(1, 29))
        rows.append(["P%04d" % (i + 1), h["pc"][:4] + " " + h["pc"][4:], huisnr, rng.choice(staff_hs[:23])[0], dmy(start),
                     "" if rng.random() < 0.7 else dmy(later(start, 1)), rng.choice(["Actief", "Actief", "Afgesloten"])])
write(os.path.join(hs_dir, "plannen.csv"), rows, ";", "cp1252", "\r\n")

rows = [["Meldingnr", "BSN", "Meldingsdatum", "Domein", "Verwijzer", "Status", "Afgesloten", "Toelichting"]]
for i, p in enumerate(hs_clients):
    if rng.random() < 0.5:
        d = (rng.randrange(2015, 2018), rng.randrange(1, 13), rng.randrange(1, 29))
        note = rng.choice(["", "", "Eerste gesprek thuis", "Via huisarts; spoed", "Zie dossier.\nTweede melding volgt"])
        closed = rng.random() < 0.4
        rows.append(["H%05d" % (i + 1), p["bsn"], dmy(d), rng.choice(["Wmo", "Jeugd", "Schulden", "Werk en inkomen"]),
                     rng.choice(["huisarts", "school", "zelf", "wijkagent"]), "Afgesloten" if closed else "Open",
                     dmy(later(d, 1)) if closed else "", note])
rows[3][7] = "Zoë belde; \"dringend\"\nterugbellen\nna 14.00"   # planted: quotes, ';' and newlines in one field
write(os.path.join(hs_dir, "hulpvragen.csv"), rows, ";", "cp1252", "\r\n")

rows = [["Beschikkingnr", "Toewijzingnr", "BSN", "Product", "Productcode", "Omvang", "Eenheid", "Frequentie", "AGB",
         "Ingangsdatum", "Einddatum", "Status"]]
t = 100000
hs_voorz = []
for p in hs_clients:
    for _ in range(rng.choices([0, 1, 2, 3], weights=[25, 45, 22, 8])[0]):
        t += 1
        label, code, cat, wet, eenh, freq = rng.choice(HS_PRODUCTS)
        begin = (rng.randrange(2015, 2018), rng.randrange(1, 13), rng.randrange(1, 29))
        row = [str(70000 + t % 5000), str(t), p["bsn"], label, code, str(rng.randrange(1, 12)), eenh, freq,
               "%08d" % rng.choice([41012345, 41023456, 41034567, 41045678]), dmy(begin), dmy(later(begin, 2)), "Actief"]
        rows.append(row)
        hs_voorz.append((p, cat, begin, row))
rows[7][11] = "Geannuleerd"                      # planted: two cancelled toewijzingen (row filter)
rows[15][11] = "Geannuleerd"
rows[22][3] = "Huishoudelijke hulp (oud)"        # planted: a product label not in the value map
rows[30][2] = new_bsn()                          # planted: a BSN of no client in any source (orphan)
write(os.path.join(hs_dir, "voorzieningen.csv"), rows, ";", "cp1252", "\r\n")
# planted: a ragged row (an unquoted ';' in the product label gives one field too many)
append_raw(os.path.join(hs_dir, "voorzieningen.csv"),
           ("79999;199999;%s;Begeleiding; groep;02A07;2;uur;per week;41012345;01-03-2017;01-03-2019;Actief\r\n" % hs_clients[40]["bsn"]).encode("cp1252"))
# planted for the rule catalogue: an end before the start, and an AGB code of seven digits
append_raw(os.path.join(hs_dir, "voorzieningen.csv"),
           ("79998;199998;%s;Individuele begeleiding;02A05;3;uur;per week;41012345;01-06-2017;01-03-2017;Actief\r\n"
            "79997;199997;%s;Individuele begeleiding;02A05;3;uur;per week;4101234;01-06-2017;01-06-2019;Actief\r\n"
            % (hs_clients[41]["bsn"], hs_clients[42]["bsn"])).encode("cp1252"))

os.makedirs(os.path.join(ROOT, "..", "..", "mappings"), exist_ok=True)
write(os.path.join(ROOT, "..", "..", "mappings", "hoogezand-sappemeer-producten.csv"),
      [["label", "categorie", "wet"]] + [[p[0], p[2], p[3]] for p in HS_PRODUCTS], ";", "utf-8", "\n")

# ------------------------------------------------------------------------ Menterwolde (CSV ,)
mw_dir = os.path.join(ROOT, "menterwolde")
respelled_homes = [next(h for h in hs if p in h["members"]) for p in respelled]
# The respelled clients' households, as Menterwolde knows them: the same address, only that member.
mw_hh = mw + shared_households + [dict(h, members=[]) for h in respelled_homes]
rows = [["hh_id", "straatnaam", "huisnummer", "huisletter", "toevoeging", "postcode", "plaats"]]
for i, h in enumerate(mw_hh):
    rows.append(["HH%04d" % (i + 1), h["street"], str(h["nr"]), h["letter"], h["toev"], h["pc"].lower(), h["place"]])
rows[40][5] = "96A1 BC"                          # planted: a postcode that is not one
write(os.path.join(mw_dir, "huishoudens.csv"), rows, ",", "utf-8", "\n", bom=True)
broken_hh = "HH0040"

GESLACHT_MW = {True: "vrouw", False: "man"}
rows = [["persoon_id", "bsn", "voornamen", "voorletters", "voorvoegsel", "geslachtsnaam", "geboortedatum", "geslacht", "hh_id"]]
mw_persons = []
k = 0
for i, h in enumerate(mw_hh):
    members = list(h["members"])
    for p in members:
        k += 1
        rows.append(["P%05d" % k, str(int(p["bsn"])), p["voornamen"], initials(p["voornamen"], dots=True),
                     p["voorvoegsel"], p["achternaam"], ymd(p["geboortedatum"]), GESLACHT_MW[p["female"]], "HH%04d" % (i + 1)])
        mw_persons.append(p)
for p, h in movers:                               # planted: moved, so another address in each source
    k += 1
    idx = mw_hh.index(h)
    rows.append(["P%05d" % k, str(int(p["bsn"])), p["voornamen"], initials(p["voornamen"]), p["voorvoegsel"],
                 p["achternaam"], ymd(p["geboortedatum"]), GESLACHT_MW[p["female"]], "HH%04d" % (idx + 1)])
    mw_persons.append(p)
for p in respelled:                               # planted: voorvoegsel written inside the achternaam
    k += 1
    hh_id = "HH%04d" % (len(mw) + len(shared_households) + respelled.index(p) + 1)
    rows.append(["P%05d" % k, str(int(p["bsn"])), p["voornamen"], initials(p["voornamen"]).replace(".", ""), "",
                 (p["voorvoegsel"] + " " + p["achternaam"]).strip(), ymd(p["geboortedatum"]),
                 GESLACHT_MW[p["female"]], hh_id])
    mw_persons.append(p)
rows[12][6] = "1985-13-01"                       # planted: month 13
rows[17][7] = "x"                                # planted: geslacht label not in the map (loaded empty, warning)
write(os.path.join(mw_dir, "personen.csv"), rows, ",", "utf-8", "\n", bom=True)
# planted: a Windows-1252 byte in the UTF-8 file
append_raw(os.path.join(mw_dir, "personen.csv"),
           b"P09999,%s,Zo\xeb,Z.,,Brouwer,1990-04-04,vrouw,HH0001\n" % new_bsn().encode())
# planted for the rule catalogue: a test BSN left in production data (a warning; loaded)
append_raw(os.path.join(mw_dir, "personen.csv"), b"P09998,999900043,Test,T.,,Testpersoon,1980-01-01,man,HH0001\n")
# planted for the conflicts: a Hoogezand-Sappemeer client that Menterwolde knows with another
# birth date (client.identiteit) and at another address (client.adres)
other = hs_clients[50]
append_raw(os.path.join(mw_dir, "personen.csv"),
           ("P09997,%s,%s,%s,%s,%s,%s,%s,HH0002\n" % (int(other["bsn"]), other["voornamen"], initials(other["voornamen"]),
            other["voorvoegsel"], other["achternaam"], ymd((other["geboortedatum"][0] + 1, other["geboortedatum"][1], other["geboortedatum"][2])),
            GESLACHT_MW[other["female"]])).encode("utf-8"))

mw_teams = [("1", "Sociaal Team Menterwolde"), ("2", "CJG Menterwolde")]
write(os.path.join(mw_dir, "teams.csv"), [["team_id", "omschrijving"]] + [list(t) for t in mw_teams], ",", "utf-8", "\n", bom=True)
rows = [["id", "naam_voor", "naam_achter", "email", "rol", "organisatie", "contract", "fte", "team_id"]]
for i in range(18):
    p = person()
    rows.append(["%d" % (101 + i), p["voornamen"].split()[0], (p["voorvoegsel"] + " " + p["achternaam"]).strip(),
                 "%s.%s@menterwolde.example" % (p["voornamen"][0].lower(), p["achternaam"].lower()),
                 rng.choice(["casemanager", "consulent wmo", "jeugdverpleegkundige", "schuldhulpverlener"]),
                 rng.choice(["Gemeente Menterwolde", "Kwadraad", "Cardea"]), "", rng.choice(["1", "0.8", "0.6", "0.5"]),
                 mw_teams[i % 2][0]])
    rows[-1][6] = "in dienst" if rows[-1][5] == "Gemeente Menterwolde" else "gedetacheerd"
rows[5][7] = "0,8"                               # planted: a decimal comma where a point is declared (loaded empty)
write(os.path.join(mw_dir, "medewerkers.csv"), rows, ",", "utf-8", "\n", bom=True)

rows = [["plan_id", "hh_id", "regisseur_id", "start", "eind", "status"]]
for i, h in enumerate(mw_hh):
    if rng.random() < 0.5:
        start = (rng.randrange(2014, 2018), rng.randrange(1, 13), rng.randrange(1, 29))
        rows.append(["%d" % (5000 + i), "HH%04d" % (i + 1), "%d" % rng.randrange(101, 119), ymd(start), "", "lopend"])
rows[8][2] = "999"                               # planted: a regisseur who is not in the staff list
write(os.path.join(mw_dir, "plannen.csv"), rows, ",", "utf-8", "\n", bom=True)

rows = [["id", "bsn", "datum_melding", "leefgebied", "verwezen_door", "status", "datum_afsluiting"]]
for i, p in enumerate(mw_persons):
    if rng.random() < 0.45:
        d = (rng.randrange(2015, 2018), rng.randrange(1, 13), rng.randrange(1, 29))
        rows.append(["%d" % (800 + i), str(int(p["bsn"])), ymd(d), rng.choice(["wonen", "gezondheid", "financien", "opvoeding"]),
                     rng.choice(["huisarts", "school", "eigen melding", "politie"]), "open", ""])
write(os.path.join(mw_dir, "hulpvragen.csv"), rows, ",", "utf-8", "\n", bom=True)

MW_CATS = [("WMO", "HH", "01", "01002", "04", "2"), ("WMO", "BG", "02", "02003", "04", "2"),
           ("WMO", "DB", "07", "07001", "16", "2"), ("WMO", "HM", "14", "14010", "82", "6"),
           ("JW", "AMB", "45", "45M01", "01", "4"), ("JW", "JGGZ", "54", "54001", "04", "4")]
rows = [["indicatie_id", "bsn", "wet", "soort", "product_code", "volume", "eenheid", "frequentie", "aanbieder_agb",
         "van", "tot", "beschikking", "toewijzing", "vervallen"]]
ind = 0
for p in mw_persons:
    for _ in range(rng.choices([0, 1, 2], weights=[35, 45, 20])[0]):
        ind += 1
        wet, soort, cat, code, eenh, freq = rng.choice(MW_CATS)
        begin = (rng.randrange(2015, 2018), rng.randrange(1, 13), rng.randrange(1, 29))
        rows.append(["I%05d" % ind, str(int(p["bsn"])), wet, soort, code, str(rng.randrange(1, 20)), eenh, freq,
                     "%08d" % rng.choice([41012345, 41099999, 41088888]), ymd(begin),
                     ymd(later(begin, 1)) if rng.random() < 0.8 else "", str(3000 + ind), str(100000 + ind), "nee"])
rows[10][13] = "ja"                              # planted: two vervallen indicaties (row filter)
rows[11][13] = "ja"
rows.append(list(rows[25]))                      # planted: the same indicatie_id twice
rows[-1][5] = "7"
# planted for the rule catalogue: a Jeugdwet indicatie with a Wmo category, an unknown eenheid and frequentie
for i, (wet, soort, eenh, freq) in enumerate([("JW", "HH", "04", "2"), ("WMO", "BG", "05", "2"), ("WMO", "BG", "04", "3")]):
    row = list(rows[3])
    row[0], row[2], row[3], row[6], row[7] = "I9%04d" % i, wet, soort, eenh, freq
    rows.append(row)
# planted for the conflicts: an indicatie whose id is also a toewijzing number of Hoogezand-Sappemeer
# (sleutel.botsing: the store keeps them apart as menterwolde/100002 and hoogezand-sappemeer/100002)
row = list(rows[4])
row[0] = "100002"
rows.append(row)
write(os.path.join(mw_dir, "indicaties.csv"), rows, ",", "utf-8", "\n", bom=True)

write(os.path.join(ROOT, "..", "..", "mappings", "menterwolde-soorten.csv"),
      [["soort", "categorie"]] + [[c[1], c[2]] for c in MW_CATS], ";", "utf-8", "\n")

# ------------------------------------------------------------------------ Slochteren (XML)
from xml.sax.saxutils import escape, quoteattr

STREETS_SL = [("Hoofdweg", "Slochteren", ["9621"]), ("Kerkpad", "Slochteren", ["9621"]),
              ("Molenstraat", "Siddeburen", ["9628"]), ("Borgweg", "Siddeburen", ["9628"]),
              ("Hoofdweg", "Harkstede", ["9617"])]
sl = households(150, STREETS_SL, used_addresses)
# Overlaps with Hoogezand-Sappemeer: 3 households (and their members) that both knew, clean;
# and 2 clients Slochteren has with the 1900-01-01 placeholder for an unknown birth date.
shared_sl = hs[30:33]
placeholder = [hs[40]["members"][0], hs[41]["members"][0]]
sl_dir = os.path.join(ROOT, "slochteren")
os.makedirs(sl_dir, exist_ok=True)
SL_TEAMS = [("SL-ST", "Sociaal Team Slochteren"), ("SL-CJG", "CJG Slochteren")]
SL_PRODUCTS = [("WMO", "02", "02B01", "04", "2"), ("WMO", "01", "01B02", "04", "2"), ("WMO", "07", "07B01", "16", "2"),
               ("JW", "45", "45B10", "04", "4"), ("JW", "41", "41B01", "16", "2")]

def el(name, text=None, **attrs):
    a = "".join(" %s=%s" % (k.replace("__", ":"), quoteattr(str(v))) for k, v in attrs.items())
    if text is None or text == "":
        return "<%s%s/>" % (name, a)
    return "<%s%s>%s</%s>" % (name, a, escape(str(text)), name)

def ymd_compact(d):
    return "%04d%02d%02d" % d

out = ['<?xml version="1.0" encoding="ISO-8859-1"?>',
       '<Export xmlns="urn:example:slochteren:wijkteam:1" xmlns:zorg="urn:example:slochteren:zorg:1" gemeente="0040" datum="2017-12-31">',
       '  <Teams>']
for code, name in SL_TEAMS:
    out.append("    " + el("Team", name, code=code))
out.append("  </Teams>")
out.append("  <Medewerkers>")
sl_staff = []
for i in range(12):
    p = person()
    nr = "S%02d" % (i + 1)
    sl_staff.append(nr)
    org = rng.choice(["Gemeente Slochteren", "Kwadraad", "MEE Groningen"])
    out.append('    <Medewerker nr="%s" team="%s" dienstverband="%s" fte="%s">%s%s%s%s%s</Medewerker>' % (
        nr, SL_TEAMS[i % 2][0], "in_dienst" if org == "Gemeente Slochteren" else "gedetacheerd",
        rng.choice(["1.0", "0.8", "0.6"]), el("Voornaam", p["voornamen"].split()[0]),
        el("Achternaam", (p["voorvoegsel"] + " " + p["achternaam"]).strip()),
        el("Email", "%s.%s@slochteren.example" % (p["voornamen"][0].lower(), p["achternaam"].lower())),
        el("Functie", rng.choice(["Wijkwerker", "Consulent Wmo", "Jeugdhulpverlener"])), el("Werkgever", org)))
# planted for the conflicts: Hoogezand-Sappemeer's M001 in Slochteren's staff too, 0.6 FTE in
# another wijkteam (medewerker.dubbel: more than 1.0 FTE together)
m001 = staff_hs[0]
out.append('    <Medewerker nr="S13" team="SL-ST" dienstverband="gedetacheerd" fte="0.6">%s%s%s%s%s</Medewerker>' % (
    el("Voornaam", m001[1]), el("Achternaam", m001[2]), el("Email", m001[3]), el("Functie", m001[4]), el("Werkgever", m001[5])))
out.append("  </Medewerkers>")
out.append("  <Huishoudens>")
vz = 200000
hv = 0
placeholder_homes = [next(h for h in hs if p in h["members"]) for p in placeholder]
entries = [(h, h["members"]) for h in sl] + [(h, h["members"]) for h in shared_sl] + [(h, [p]) for h, p in zip(placeholder_homes, placeholder)]
planted = {}
for n, (h, members) in enumerate(entries):
    hid = "H%04d" % (n + 1)
    out.append('    <Huishouden nr="%s">' % hid)
    out.append("      <Adres>%s%s%s%s%s%s</Adres>" % (
        el("Straat", h["street"]), el("Huisnummer", h["nr"]), el("Huisletter", h["letter"]), el("Toevoeging", h["toev"]),
        el("Postcode", h["pc"][:4] + " " + h["pc"][4:]), el("Plaats", h["place"])))
    if rng.random() < 0.5:
        out.append("      " + el("Plan", None, nr="PL%04d" % (n + 1), regisseur=rng.choice(sl_staff),
                                 start=ymd((rng.randrange(2014, 2018), rng.randrange(1, 13), rng.randrange(1, 29))), status="actief"))
    out.append("      <Leden>")
    for p in members:
        born = p["geboortedatum"]
        born_text = "19000101" if p in placeholder else ymd_compact(born)
        lines = ['        <Lid nr="L%05d" bsn="%s">' % (sum(len(m) for _, m in entries[:n]) + members.index(p) + 1, p["bsn"]),
                 "          <Naam>%s%s%s%s</Naam>" % (el("Voornamen", p["voornamen"]), el("Voorletters", initials(p["voornamen"])),
                                                     el("Voorvoegsel", p["voorvoegsel"]), el("Achternaam", p["achternaam"])),
                 "          " + el("Geboortedatum", born_text),
                 "          " + el("Geslacht", "V" if p["female"] else "M")]
        if rng.random() < 0.45:
            hv += 1
            d = (rng.randrange(2015, 2018), rng.randrange(1, 13), rng.randrange(1, 29))
            lines.append("          <zorg:Hulpvragen>%s</zorg:Hulpvragen>" % el(
                "zorg:Hulpvraag", None, id="HV%04d" % hv, datum=ymd_compact(d), domein=rng.choice(["Wmo", "Jeugd", "Wonen"]),
                verwijzer=rng.choice(["huisarts", "school", "zelf"]), status="open"))
        k = rng.choices([0, 1, 2], weights=[35, 45, 20])[0]
        if k:
            lines.append("          <zorg:Voorzieningen>")
            for _ in range(k):
                vz += 1
                wet, cat, code, eenh, freq = rng.choice(SL_PRODUCTS)
                begin = (rng.randrange(2015, 2018), rng.randrange(1, 13), rng.randrange(1, 29))
                lines.append('            <zorg:Voorziening id="V%d" wet="%s">%s%s%s%s%s</zorg:Voorziening>' % (
                    vz, wet, el("zorg:Product", None, categorie=cat, code=code),
                    el("zorg:Omvang", None, volume=rng.randrange(1, 10), eenheid=eenh, frequentie=freq),
                    el("zorg:Aanbieder", None, agb="%08d" % rng.choice([41012345, 41077777])),
                    el("zorg:Periode", None, van=ymd_compact(begin), tot=ymd_compact(later(begin, 2))),
                    el("zorg:Toewijzing", str(vz))))
            lines.append("          </zorg:Voorzieningen>")
        lines.append("        </Lid>")
        out.extend(lines)
    out.append("      </Leden>")
    out.append("    </Huishouden>")
# planted for the rule catalogue: a member whose BSN fails the 11-proef, in a household of its own
out.append('    <Huishouden nr="H9999">')
out.append("      <Adres><Straat>Hoofdweg</Straat><Huisnummer>200</Huisnummer><Huisletter/><Toevoeging/>"
           "<Postcode>9621 ZZ</Postcode><Plaats>Slochteren</Plaats></Adres>")
out.append('      <Leden>\n        <Lid nr="L99999" bsn="123456781">\n          <Naam><Voornamen>Fenna</Voornamen>'
           '<Voorletters>F</Voorletters><Voorvoegsel/><Achternaam>Huizinga</Achternaam></Naam>\n'
           '          <Geboortedatum>19800101</Geboortedatum>\n          <Geslacht>V</Geslacht>\n        </Lid>\n      </Leden>')
out.append("    </Huishouden>")
out.append("  </Huishoudens>")
out.append("</Export>")
text = "\n".join(out) + "\n"
# planted defects
text = text.replace('wet="JW">', 'wet="WLZ">', 1)                         # a law the mapping does not know
first_lid = text.index("<Geboortedatum>", text.index('<Huishouden nr="H0007"'))
text = text[:first_lid] + "<Geboortedatum>19501301" + text[first_lid + len("<Geboortedatum>") + 8:]   # month 13
i = text.index('bsn="', text.index('<Huishouden nr="H0011"')) + 5
text = text[:i] + "12345678A" + text[i + 9:]                               # a BSN with a letter
i = text.index('regisseur="', text.index("<Plan ")) + 11
text = text[:i] + "S99" + text[i + 3:]                                       # a regisseur who is not in the staff list
with open(os.path.join(sl_dir, "export.xml"), "wb") as f:
    f.write(text.encode("iso-8859-1"))

# ------------------------------------------------------------------ reference data
write(os.path.join(ROOT, "referentie", "postcode-wijk.csv"),
      [["postcode", "wijk"], ["9601", "WK195201"], ["9602", "WK195201"], ["9603", "WK195201"],
       ["9611", "WK195202"], ["9613", "WK195202"], ["9606", "WK195203"], ["9607", "WK195203"], ["9608", "WK195203"],
       ["9649", "WK195204"], ["9635", "WK195205"], ["9636", "WK195205"], ["9650", "WK195206"],
       ["9621", "WK195207"], ["9617", "WK195207"], ["9628", "WK195208"]], ";", "utf-8", "\n")
print("written to", os.path.normpath(ROOT))
