#!/usr/bin/env python3
"""Writes the three merger scenarios beside the Midden-Groningen demo (deterministic, seeded):

  fixtures/dordrecht-teams/     sociale teams and jeugdteams of one gemeente become wijkteams
  fixtures/zwolle-stadsdelen/   wijkteams per stadsdeel, built up in two waves
  fixtures/welzijn-stichting/   five welfare organisations move into one municipal foundation

Only the source files are written here; each scenario's migratie.yml, besluiten.yml, README and
the mapping files in mappings/ are written by hand (a scenario is data, mapping files and a
migration file, nothing else). Every person is synthetic: names come from lists, BSNs are random
numbers that pass the 11-proef. The planted cases are listed in each scenario's README.
Run from the repository root: python3 scripts/make-scenario-fixtures.py
"""
import datetime
import os
import random

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")

FIRST_F = ["Anna", "Maria", "Fatima", "Sanne", "Femke", "Lotte", "Eva", "Noor", "Julia", "Tessa", "Marieke", "Ineke",
           "Wilma", "Yasmin", "Chloë", "Daniëlle", "Hélène", "Zeynep", "Amira", "Esther", "Ilse", "Karin"]
FIRST_M = ["Jan", "Hendrik", "Pieter", "Johannes", "Mohammed", "Noël", "René", "Gerrit", "Bram", "Daan", "Sem",
           "Lucas", "Thijs", "Jeroen", "Menno", "Ahmet", "Youssef", "Kees", "Wouter", "Joost", "Arjen"]
SURNAMES = [("", "Bakker"), ("", "Smit"), ("de", "Vries"), ("van der", "Berg"), ("", "Mulder"), ("de", "Boer"),
            ("", "Jansen"), ("", "Bos"), ("", "Visser"), ("van", "Dijk"), ("", "Verhoeven"), ("", "Kuipers"),
            ("van den", "Heuvel"), ("", "Yilmaz"), ("", "El Amrani"), ("ter", "Horst"), ("", "Kok"), ("", "Kramer"),
            ("van", "Leeuwen"), ("", "Schouten"), ("", "Prins"), ("de", "Graaf"), ("", "Wübbena"), ("van 't", "Hof")]


class People:
    """Synthetic people and addresses from one seeded random source."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.used = set()

    def bsn(self):
        while True:
            d = [self.rng.randrange(1, 4)] + [self.rng.randrange(10) for _ in range(7)]
            last = sum((9 - i) * d[i] for i in range(8)) % 11
            if last == 10:
                continue
            bsn = "".join(map(str, d + [last]))
            if bsn not in self.used:
                self.used.add(bsn)
                return bsn

    def person(self, surname=None, born=(1940, 2005)):
        female = self.rng.random() < 0.52
        first = self.rng.choice(FIRST_F if female else FIRST_M)
        second = self.rng.choice(FIRST_F if female else FIRST_M) if self.rng.random() < 0.3 else None
        vv, an = surname or self.rng.choice(SURNAMES)
        voornamen = first + (" " + second if second and second != first else "")
        return {"bsn": self.bsn(), "voornamen": voornamen, "voorletters": "".join(n[0] + "." for n in voornamen.split()),
                "voorvoegsel": vv, "achternaam": an, "female": female,
                "geboren": datetime.date(self.rng.randrange(*born), self.rng.randrange(1, 13), self.rng.randrange(1, 29))}

    def household(self, streets, number, children=0.4):
        straat, plaats, postcode4 = streets[number % len(streets)]
        surname = self.rng.choice(SURNAMES)
        members = [self.person(surname, born=(1945, 1990))]
        if self.rng.random() < 0.5:
            members.append(self.person(surname, born=(1945, 1990)))
        if self.rng.random() < children:
            members += [self.person(surname, born=(2004, 2016)) for _ in range(self.rng.randrange(1, 4))]
        letters = "ABCDEFGHJKLMNPRSTVWXZ"
        return {"straat": straat, "plaats": plaats, "nummer": 1 + number // len(streets),
                "postcode": postcode4 + " " + self.rng.choice(letters) + self.rng.choice(letters), "members": members}

    def date(self, start, end):
        return start + datetime.timedelta(days=self.rng.randrange((end - start).days))


class Export:
    """One source system's CSV export: its folder, delimiter, encoding, line ends and date format."""

    def __init__(self, folder, delimiter, encoding, date_format, newline="\n", bom=False):
        self.folder, self.delimiter, self.encoding = folder, delimiter, encoding
        self.date_format, self.newline, self.bom = date_format, newline, bom
        os.makedirs(folder, exist_ok=True)

    def date(self, d):
        return "" if d is None else d.strftime(self.date_format)

    def write(self, name, header, rows):
        def cell(v):
            s = "" if v is None else str(v)
            if self.delimiter in s or '"' in s:
                s = '"' + s.replace('"', '""') + '"'
            return s
        text = self.newline.join(self.delimiter.join(cell(v) for v in row) for row in [header] + rows) + self.newline
        data = text.encode(self.encoding)
        if self.bom:
            data = b"\xef\xbb\xbf" + data
        with open(os.path.join(self.folder, name), "wb") as f:
            f.write(data)


def postcode_file(path, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("postcode;wijk\n" + "".join("%s;%s\n" % r for r in rows))


D = datetime.date


# --------------------------------------------------------------------------------------------
# Dordrecht: sociale teams and jeugdteams of one gemeente become integral wijkteams (seed 004).
# --------------------------------------------------------------------------------------------
def dordrecht():
    root = os.path.join(FIXTURES, "dordrecht-teams")
    p = People(505)
    streets = [("Voorstraat", "Dordrecht", "3311"), ("Vrieseweg", "Dordrecht", "3312"), ("Johan de Wittstraat", "Dordrecht", "3313"),
               ("Vogelenzang", "Dordrecht", "3314"), ("Reeweg-Oost", "Dordrecht", "3315"), ("Crabbehoflaan", "Dordrecht", "3317"),
               ("Sterrenburglaan", "Dordrecht", "3318"), ("Dubbeldamseweg", "Dordrecht", "3319")]
    postcode_file(os.path.join(root, "referentie", "postcode-wijk.csv"),
                  [("3311", "WK050501"), ("3312", "WK050502"), ("3313", "WK050502"), ("3314", "WK050503"), ("3315", "WK050503"),
                   ("3317", "WK050504"), ("3318", "WK050505"), ("3319", "WK050506")])

    st = Export(os.path.join(root, "sociale-teams"), ";", "windows-1252", "%d-%m-%Y", newline="\r\n")
    jt = Export(os.path.join(root, "jeugdteams"), "\t", "utf-8", "%Y%m%d")

    # Staff: seconded from their mother organisations, who stay their employer.
    st_staff = [("ST1", "Karin", "Verhoeven", "k.verhoeven@kwadraad.example", "Maatschappelijk werker", "Kwadraad", "Detachering", "0,8", "ST-NOORD"),
                ("ST2", "Menno", "Kramer", "m.kramer@mee.example", "Consulent MEE", "MEE Drechtsteden", "Detachering", "0,6", "ST-OOST"),
                ("ST3", "Esther", "Schouten", "e.schouten@welzijnskwartier.example", "Opbouwwerker", "Welzijnskwartier", "Detachering", "0,9", "ST-ZUID"),
                ("ST4", "Joost", "Prins", "j.prins@dordrecht.example", "Wmo-consulent", "Gemeente Dordrecht", "Loondienst", "1,0", "ST-DUBBELDAM"),
                ("ST5", "Ilse", "de Graaf", "i.degraaf@cardea.example", "Gezinscoach", "Cardea", "Detachering", "0,5", "ST-NOORD"),
                ("ST6", "Wouter", "Bos", "w.bos@kwadraad.example", "Maatschappelijk werker", "Kwadraad", "Detachering", "0,8", "ST-ZUID")]
    jt_staff = [("J01", "Ilse", "de Graaf", "I.deGraaf@cardea.example", "jeugdhulpverlener", "Cardea", "gedetacheerd", "0.4", "JT1"),
                ("J02", "Amira", "El Amrani", "a.elamrani@cardea.example", "gezinsspecialist", "Cardea", "gedetacheerd", "0.9", "JT1"),
                ("J03", "Arjen", "Smit", "a.smit@yulius.example", "jeugd-GGZ", "Yulius", "gedetacheerd", "0.7", "JT2"),
                ("J04", "Noor", "Visser", "n.visser@mee.example", "consulent", "MEE Drechtsteden", "gedetacheerd", "0.6", "JT3"),
                ("J05", "Wouter", "Bos", "w.bos@kwadraad.example", "schoolmaatschappelijk werker", "Kwadraad", "gedetacheerd", "0.6", "JT3")]
    st.write("medewerkers.csv", ["Mdw", "Voornaam", "Achternaam", "E-mail", "Functie", "Werkgever", "Dienstverband", "FTE", "Team"], [list(r) for r in st_staff])
    jt.write("medewerkers.tsv", ["medewerker_id", "voornaam", "achternaam", "email", "functie", "moederorganisatie", "contract", "fte", "team"], [list(r) for r in jt_staff])
    st.write("teams.csv", ["Team", "Omschrijving"], [["ST-NOORD", "Sociaal team Noord"], ["ST-OOST", "Sociaal team Oost"],
                                                      ["ST-ZUID", "Sociaal team Zuid"], ["ST-DUBBELDAM", "Sociaal team Dubbeldam"]])
    jt.write("teams.tsv", ["team", "naam"], [["JT1", "Jeugdteam Noord-West"], ["JT2", "Jeugdteam Oost"], ["JT3", "Jeugdteam Zuid"]])

    homes = [p.household(streets, i, children=0.3) for i in range(70)]
    st_homes = homes[:56]
    jt_homes = homes[48:]           # eight households are known to both teams
    for h in jt_homes:              # a jeugdteam family has children
        if all(m["geboren"].year < 2004 for m in h["members"]):
            h["members"].append(p.person((h["members"][0]["voorvoegsel"], h["members"][0]["achternaam"]), born=(2005, 2016)))

    st_regisseur = {"3311": "ST1", "3312": "ST1", "3313": "ST5", "3314": "ST2", "3315": "ST2", "3317": "ST3", "3318": "ST6", "3319": "ST4"}
    jt_regisseur = {"3311": "J01", "3312": "J02", "3313": "J02", "3314": "J03", "3315": "J03", "3317": "J04", "3318": "J05", "3319": "J04"}
    verwijzers_st = ["Huisarts", "Eigen melding", "Eigen melding", "Netwerk", "Politie", "Woningcorporatie", "Huisarts"]
    verwijzers_jt = ["HA", "SCH", "SCH", "ZELF", "JGZ", "HA", "VT"]
    domeinen_st = ["Wonen", "Financiën", "Zorg", "Participatie", "Gezondheid"]
    domeinen_jt = ["opvoeding", "ontwikkeling", "school", "gezin"]

    rows_hh, rows_cl, rows_plan, rows_hv, rows_vz = [], [], [], [], []
    for i, h in enumerate(st_homes):
        hid = "HH%03d" % (i + 1)
        h["st"] = hid
        rows_hh.append([hid, h["straat"], h["nummer"], h["postcode"], h["plaats"]])
        for j, m in enumerate(h["members"]):
            bsn = m["bsn"]
            geboren = st.date(m["geboren"])
            if i == 3 and j == 0:
                bsn = bsn[:8] + str((int(bsn[8]) + 1) % 10)            # planted: fails the 11-proef
            if i == 7 and j == 0:
                geboren = "31-02-%d" % m["geboren"].year             # planted: a date that does not exist
            rows_cl.append(["C%03d%d" % (i + 1, j), bsn, m["voorletters"], m["voornamen"], m["voorvoegsel"], m["achternaam"], geboren,
                            "V" if m["female"] else "M", hid])
        pc4 = h["postcode"][:4]
        start = p.date(D(2015, 1, 1), D(2017, 1, 1))
        closed = i % 9 == 5
        rows_plan.append(["PL%03d" % (i + 1), hid, st_regisseur[pc4], st.date(start), st.date(D(2016, 12, 31)) if closed else "",
                          "Afgesloten" if closed else "Actief"])
        client = h["members"][0]
        melding = p.date(D(2015, 1, 1), D(2017, 6, 1))
        done = i % 3 == 0
        rows_hv.append(["M%04d" % (i + 1), client["bsn"], st.date(melding), p.rng.choice(domeinen_st), verwijzers_st[i % len(verwijzers_st)],
                        "Afgerond" if done else "Lopend", st.date(melding + datetime.timedelta(days=120)) if done else ""])
        if i % 2 == 0:
            begin = p.date(D(2015, 1, 1), D(2017, 1, 1))
            product = ["Begeleiding individueel", "Huishoudelijke hulp", "Dagbesteding"][i % 3]
            rows_vz.append(["B%05d" % (i + 1), "T%05d" % (i + 1), client["bsn"], product, ["02A01", "01A01", "03A01"][i % 3],
                            [3, 4, 2][i % 3], "uur", "per week", "41099999", st.date(begin), st.date(begin + datetime.timedelta(days=365))])
    st.write("huishoudens.csv", ["HuishoudenID", "Straat", "Huisnr", "Postcode", "Plaats"], rows_hh)
    st.write("clienten.csv", ["Clientnr", "BSN", "Voorletters", "Voornamen", "Tussenvoegsel", "Achternaam", "Geb.datum", "Geslacht", "HuishoudenID"], rows_cl)
    st.write("plannen.csv", ["Plannr", "HuishoudenID", "Regisseur", "Start", "Eind", "Status"], rows_plan)
    st.write("hulpvragen.csv", ["Meldingnr", "BSN", "Datum", "Leefgebied", "Verwijzer", "Status", "Afgesloten"], rows_hv)
    st.write("voorzieningen.csv", ["Beschikking", "Toewijzing", "BSN", "Product", "Productcode", "Omvang", "Eenheid", "Frequentie",
                                   "AGB", "Van", "Tot"], rows_vz)

    rows_gz, rows_ld, rows_plan, rows_hv, rows_vz = [], [], [], [], []
    for i, h in enumerate(jt_homes):
        gid = "G%d" % (7001 + i)
        rows_gz.append([gid, h["straat"], h["nummer"], h["postcode"].replace(" ", ""), h["plaats"].upper()])
        for j, m in enumerate(h["members"]):
            geboren = m["geboren"]
            if i == 2 and j == 0:
                geboren = geboren.replace(year=geboren.year + 1)     # planted: the other team has another birth date
            rows_ld.append([m["bsn"], m["voornamen"].split()[0], m["voorvoegsel"], m["achternaam"], jt.date(geboren),
                            "v" if m["female"] else "m", gid, "kind" if m["geboren"].year >= 2004 else "ouder"])
        pc4 = h["postcode"][:4]
        start = p.date(D(2015, 6, 1), D(2017, 6, 1))
        regisseur = "J09" if i == 20 else jt_regisseur[pc4]          # planted: a regisseur the export does not list
        rows_plan.append(["GP%d" % (i + 1), gid, regisseur, jt.date(start), "", "lopend"])
        child = max(h["members"], key=lambda m: m["geboren"])
        melding = p.date(D(2015, 1, 1), D(2017, 6, 1))
        done = i % 4 == 1
        bsn = "123456782" if i == 11 else child["bsn"]              # planted: an aanmelding for a BSN no source knows
        rows_hv.append(["A%d" % (i + 1), bsn, jt.date(melding), p.rng.choice(domeinen_jt), verwijzers_jt[i % len(verwijzers_jt)],
                        "afgesloten" if done else "open", jt.date(melding + datetime.timedelta(days=200)) if done else ""])
        if i % 2 == 1:
            begin = p.date(D(2015, 6, 1), D(2017, 1, 1))
            rows_vz.append(["JH%d" % (i + 1), child["bsn"], ["45", "43", "41"][i % 3], ["45A48", "43A31", "41A03"][i % 3], 2, "04", "2",
                            "41088888", jt.date(begin), jt.date(begin + datetime.timedelta(days=300)), "JB%d" % (i + 1), "JT%d" % (i + 1)])
    jt.write("gezinnen.tsv", ["gezin_id", "straat", "huisnummer", "postcode", "woonplaats"], rows_gz)
    jt.write("gezinsleden.tsv", ["bsn", "roepnaam", "tussenvoegsel", "achternaam", "geboortedatum", "geslacht", "gezin_id", "rol"], rows_ld)
    jt.write("gezinsplannen.tsv", ["plan_id", "gezin_id", "regisseur", "start", "eind", "status"], rows_plan)
    jt.write("aanmeldingen.tsv", ["aanmelding_id", "bsn", "datum", "thema", "verwijzer", "status", "afgesloten"], rows_hv)
    jt.write("jeugdhulp.tsv", ["id", "bsn", "categorie", "product", "volume", "eenheid", "frequentie", "agb", "begin", "eind",
                               "beschikking", "toewijzing"], rows_vz)


# --------------------------------------------------------------------------------------------
# Zwolle: wijkteams per stadsdeel, in waves (seed 003). Wave 1 (2015): Wmo begeleiding and
# huishoudelijke hulp, and algemeen maatschappelijk werk. Wave 2 (2016): work and income and
# light parenting support, from the sociale dienst.
# --------------------------------------------------------------------------------------------
def zwolle():
    root = os.path.join(FIXTURES, "zwolle-stadsdelen")
    p = People(193)
    streets = [("Diezerstraat", "Zwolle", "8011"), ("Assendorperstraat", "Zwolle", "8012"), ("Wipstrikkerallee", "Zwolle", "8013"),
               ("Holtenbroekerweg", "Zwolle", "8025"), ("Aalanderweg", "Zwolle", "8024"), ("Stadshagenallee", "Zwolle", "8043"),
               ("Oldeneelallee", "Zwolle", "8017"), ("Berkummerlaan", "Zwolle", "8014")]
    postcode_file(os.path.join(root, "referentie", "postcode-wijk.csv"),
                  [("8011", "WK019301"), ("8012", "WK019302"), ("8013", "WK019302"), ("8014", "WK019303"), ("8017", "WK019303"),
                   ("8024", "WK019304"), ("8025", "WK019304"), ("8043", "WK019305")])
    zorg = Export(os.path.join(root, "wmo-zorg"), ";", "windows-1252", "%d-%m-%Y", newline="\r\n")
    amw = Export(os.path.join(root, "amw"), ",", "utf-8", "%Y-%m-%d", bom=True)
    sd = Export(os.path.join(root, "sociale-dienst"), ";", "utf-8", "%d-%m-%Y")
    homes = [p.household(streets, i, children=0.35) for i in range(90)]
    homes[30].update(straat="Zwolseweg", postcode="8031 XA")   # planted: a postcode in no stadsdeel's wijken

    zorg.write("teams.csv", ["Team", "Naam"], [["Z-CENTRUM", "Wmo-team Centrum"], ["Z-ZUID", "Wmo-team Zuid"], ["Z-NOORD", "Wmo-team Noord"]])
    zorg.write("medewerkers.csv", ["Mdw", "Voornaam", "Achternaam", "E-mail", "Functie", "Werkgever", "Dienstverband", "FTE", "Team"], [
        ["Z1", "Marieke", "Mulder", "m.mulder@zwolle.example", "Wmo-consulent", "Gemeente Zwolle", "Loondienst", "0,9", "Z-CENTRUM"],
        ["Z2", "Thijs", "van Dijk", "t.vandijk@zwolle.example", "Wmo-consulent", "Gemeente Zwolle", "Loondienst", "1,0", "Z-ZUID"],
        ["Z3", "Yasmin", "Yilmaz", "y.yilmaz@zwolle.example", "Wmo-consulent", "Gemeente Zwolle", "Loondienst", "0,8", "Z-NOORD"]])
    amw.write("teams.csv", ["id", "naam"], [["1", "AMW Zwolle-Zuid"], ["2", "AMW Zwolle-Noord"]])
    amw.write("medewerkers.csv", ["id", "voornaam", "achternaam", "email", "functie", "werkgever", "contract", "fte", "team"], [
        ["101", "Kees", "Jansen", "k.jansen@travers.example", "maatschappelijk werker", "Travers Welzijn", "gedetacheerd", "0.8", "1"],
        ["102", "Sanne", "Kok", "s.kok@travers.example", "maatschappelijk werker", "Travers Welzijn", "gedetacheerd", "0.7", "2"]])
    sd.write("teams.csv", ["team", "naam"], [["WI-ZUID", "Werk en inkomen Zuid"], ["WI-NOORD", "Werk en inkomen Noord"]])
    sd.write("medewerkers.csv", ["nr", "voornaam", "achternaam", "email", "functie", "werkgever", "dienstverband", "fte", "team"], [
        ["W1", "Bram", "Kuipers", "b.kuipers@zwolle.example", "klantmanager", "Gemeente Zwolle", "in_dienst", "1,0", "WI-ZUID"],
        ["W2", "Zeynep", "ter Horst", "z.terhorst@zwolle.example", "klantmanager", "Gemeente Zwolle", "in_dienst", "0,8", "WI-NOORD"],
        ["W3", "Tessa", "de Boer", "t.deboer@zwolle.example", "opvoedondersteuner", "Gemeente Zwolle", "in_dienst", "0,6", "WI-NOORD"]])

    north = {"8024", "8025", "8043"}
    # Wave 1, Wmo zorg: households 0-59. AMW: households 40-79 (twenty known to both).
    hh, cl, plans, hv, vz = [], [], [], [], []
    for i, h in enumerate(homes[:60]):
        key = "Z%03d" % (i + 1)
        hh.append([key, h["straat"], h["nummer"], h["postcode"], h["plaats"]])
        for j, m in enumerate(h["members"]):
            cl.append([m["bsn"], m["voorletters"], m["voornamen"], m["voorvoegsel"], m["achternaam"], zorg.date(m["geboren"]),
                       "V" if m["female"] else "M", key])
        pc4 = h["postcode"][:4]
        team_mdw = "Z3" if pc4 in north else ("Z1" if pc4 in {"8011", "8012", "8013"} else "Z2")
        plans.append(["ZP%03d" % (i + 1), key, team_mdw, zorg.date(p.date(D(2015, 1, 1), D(2015, 12, 1))), "", "Actief"])
        head = h["members"][0]
        begin = p.date(D(2015, 1, 1), D(2015, 12, 1))
        product = [("Begeleiding individueel", "02A01"), ("Huishoudelijke hulp", "01A01")][i % 2]
        vz.append(["WB%04d" % (i + 1), "WT%04d" % (i + 1), head["bsn"], product[0], product[1], 3, "uur", "per week", "41077777",
                   zorg.date(begin), zorg.date(begin + datetime.timedelta(days=540))])
    zorg.write("huishoudens.csv", ["Sleutel", "Straat", "Huisnr", "Postcode", "Plaats"], hh)
    zorg.write("clienten.csv", ["BSN", "Voorletters", "Voornamen", "Tussenvoegsel", "Achternaam", "Geb.datum", "Geslacht", "Huishouden"], cl)
    zorg.write("plannen.csv", ["Plannr", "Huishouden", "Regisseur", "Start", "Eind", "Status"], plans)
    zorg.write("voorzieningen.csv", ["Beschikking", "Toewijzing", "BSN", "Product", "Productcode", "Omvang", "Eenheid", "Frequentie",
                                     "AGB", "Van", "Tot"], vz)

    hh, cl, plans, hv = [], [], [], []
    for i, h in enumerate(homes[40:80]):
        key = "A%d" % (i + 1)
        hh.append([key, h["straat"], h["nummer"], h["postcode"].replace(" ", ""), h["plaats"]])
        for j, m in enumerate(h["members"]):
            cl.append([m["bsn"], m["voornamen"], m["voorvoegsel"], m["achternaam"], amw.date(m["geboren"]), key])
        head = h["members"][0]
        melding = p.date(D(2015, 1, 1), D(2015, 12, 1))
        done = i % 3 == 2
        hv.append(["AMW-%d" % (i + 1), head["bsn"], amw.date(melding), ["relatie", "financien", "rouw", "opvoeding"][i % 4],
                   ["huisarts", "zelf", "school", "zelf", "politie"][i % 5], "gesloten" if done else "open",
                   amw.date(melding + datetime.timedelta(days=90)) if done else ""])
        if i < 20:   # the twenty households both know: AMW also keeps a plan; two plans, two regisseurs
            if i in (3, 11):
                plans.append(["AP%d" % (i + 1), key, "101" if i == 3 else "102", amw.date(melding), "", "open"])
        else:
            plans.append(["AP%d" % (i + 1), key, "101" if i % 2 else "102", amw.date(melding), "", "open"])
    amw.write("huishoudens.csv", ["id", "straat", "huisnummer", "postcode", "woonplaats"], hh)
    amw.write("clienten.csv", ["bsn", "voornamen", "tussenvoegsel", "achternaam", "geboortedatum", "huishouden"], cl)
    amw.write("plannen.csv", ["id", "huishouden", "regisseur", "start", "eind", "status"], plans)
    amw.write("hulpvragen.csv", ["id", "bsn", "meldingsdatum", "domein", "verwijzer", "status", "afgesloten_op"], hv)

    # Wave 2, the sociale dienst: households 70-89 (ten known to wave 1 already) and their work,
    # income and parenting support.
    hh, cl, hv, vz = [], [], [], []
    for i, h in enumerate(homes[70:90]):
        key = "SD%d" % (i + 1)
        if i == 2:   # planted: the sociale dienst still has this AMW household's address before a move
            h = dict(h, straat="Hortensiastraat", nummer=14, postcode="8013 KP")
        hh.append([key, h["straat"], h["nummer"], h["postcode"], h["plaats"]])
        for m in h["members"]:
            cl.append([m["bsn"], m["voorletters"], m["voornamen"], m["voorvoegsel"], m["achternaam"], sd.date(m["geboren"]),
                       "V" if m["female"] else "M", key])
        head = h["members"][0]
        melding = p.date(D(2016, 1, 1), D(2016, 10, 1))
        domein = ["werk", "inkomen", "opvoeding"][i % 3]
        hv.append(["SD-%d" % (i + 1), head["bsn"], sd.date(melding), domein, ["UWV", "zelf", "school", "huisarts"][i % 4], "open", ""])
        begin = melding + datetime.timedelta(days=30)
        if domein == "opvoeding":
            vz.append(["OO%d" % (i + 1), head["bsn"], "jeugdwet", "", "LOO", 6, "04", "4", "", sd.date(begin), sd.date(begin + datetime.timedelta(days=180))])
        else:
            vz.append(["PW%d" % (i + 1), head["bsn"], "participatiewet", "", ["RE01", "BB01"][i % 2], 1, "", "", "", sd.date(begin), ""])
    sd.write("huishoudens.csv", ["sleutel", "straat", "huisnummer", "postcode", "plaats"], hh)
    sd.write("clienten.csv", ["bsn", "voorletters", "voornamen", "tussenvoegsel", "achternaam", "geboortedatum", "geslacht", "huishouden"], cl)
    sd.write("hulpvragen.csv", ["nr", "bsn", "datum", "domein", "verwijzer", "status", "afgesloten"], hv)
    sd.write("regelingen.csv", ["nr", "bsn", "wet", "categorie", "code", "omvang", "eenheid", "frequentie", "agb", "van", "tot"], vz)


# --------------------------------------------------------------------------------------------
# Welfare work into one municipal foundation (seed 000): an outreach team (Eropafteam), the
# sociale teams, buurtmoeders, cliëntondersteuning and mantelzorgondersteuning.
# --------------------------------------------------------------------------------------------
def welzijn():
    root = os.path.join(FIXTURES, "welzijn-stichting")
    p = People(502)
    streets = [("Kerklaan", "Capelle aan den IJssel", "2901"), ("Slotlaan", "Capelle aan den IJssel", "2902"),
               ("Lijstersingel", "Capelle aan den IJssel", "2903"), ("Merellaan", "Capelle aan den IJssel", "2905"),
               ("Fluiterlaan", "Capelle aan den IJssel", "2906"), ("Schollevaartseweg", "Capelle aan den IJssel", "2907")]
    postcode_file(os.path.join(root, "referentie", "postcode-wijk.csv"),
                  [("2901", "WK050201"), ("2902", "WK050201"), ("2903", "WK050202"), ("2905", "WK050203"), ("2906", "WK050203"),
                   ("2907", "WK050204")])
    homes = [p.household(streets, i, children=0.5) for i in range(60)]
    # Two organisations keep a team registration (the same system, one mapping file); three keep a
    # contact registration (another system, one mapping file).
    teams_orgs = [("eropafteam", "EOT", homes[0:22], "Stichting Eropaf", ["buren", "woningcorporatie", "politie", "zelf"]),
                  ("sociale-teams", "SOT", homes[16:46], "Stichting Sociale Teams", ["huisarts", "zelf", "school", "wijkagent"])]
    contact_orgs = [("buurtmoeders", "BM", homes[40:52], "Stichting Buurtmoeders", "opvoeding"),
                    ("clientondersteuning", "COS", homes[30:44], "MEE", "clientondersteuning"),
                    ("mantelzorg", "MZ", homes[48:60] + homes[5:8], "Steunpunt Mantelzorg", "mantelzorg")]
    staff_names = iter([("Anna", "Bakker"), ("Pieter", "Smit"), ("Fatima", "El Amrani"), ("Gerrit", "de Vries"), ("Lotte", "Kok"),
                        ("Ahmet", "Yilmaz"), ("Julia", "van Leeuwen"), ("Daan", "Mulder"), ("Eva", "Prins"), ("Sem", "Visser"),
                        ("Noor", "Schouten"), ("Bram", "de Boer")])
    for n, (folder, code, group, employer, verwijzers) in enumerate(teams_orgs):
        ex = Export(os.path.join(root, folder), ";", "utf-8", "%d-%m-%Y")
        ex.write("teams.csv", ["team", "naam"], [[code + "-1", employer + " west"], [code + "-2", employer + " oost"]])
        staff = []
        for k in range(3):
            first, last = next(staff_names)
            staff.append([f"{code}{k + 1}", first, last, f"{first[0].lower()}.{last.lower().replace(' ', '')}@{folder}.example",
                          ["outreachend werker", "sociaal werker", "teamcoördinator"][k], employer, "in_dienst", "0,8", f"{code}-{1 + k % 2}"])
        if folder == "sociale-teams":   # planted: one person on both staff lists at 0,8 and 0,6 FTE
            staff.append(["SOT9", "Anna", "Bakker", "a.bakker@eropafteam.example", "sociaal werker", employer, "in_dienst", "0,6", "SOT-1"])
        ex.write("medewerkers.csv", ["nr", "voornaam", "achternaam", "email", "functie", "werkgever", "dienstverband", "fte", "team"], staff)
        hh, cl, plans, hv = [], [], [], []
        for i, h in enumerate(group):
            key = f"{code}-H{i + 1}"
            hh.append([key, h["straat"], h["nummer"], h["postcode"], h["plaats"]])
            for m in h["members"]:
                cl.append([m["bsn"], m["voorletters"], m["voornamen"], m["voorvoegsel"], m["achternaam"], ex.date(m["geboren"]),
                           "V" if m["female"] else "M", key])
            melding = p.date(D(2015, 3, 1), D(2016, 10, 1))
            plans.append([f"{code}-P{i + 1}", key, staff[i % 3][0], ex.date(melding), "", "actief"])
            done = i % 4 == 3
            hv.append([f"{code}-V{i + 1}", h["members"][0]["bsn"], ex.date(melding), ["wonen", "financien", "sociaal netwerk"][i % 3],
                       verwijzers[i % len(verwijzers)], "afgesloten" if done else "open",
                       ex.date(melding + datetime.timedelta(days=150)) if done else ""])
        ex.write("huishoudens.csv", ["sleutel", "straat", "huisnummer", "postcode", "plaats"], hh)
        ex.write("clienten.csv", ["bsn", "voorletters", "voornamen", "tussenvoegsel", "achternaam", "geboortedatum", "geslacht", "huishouden"], cl)
        ex.write("plannen.csv", ["nr", "huishouden", "regisseur", "start", "eind", "status"], plans)
        ex.write("trajecten.csv", ["nr", "bsn", "datum", "domein", "verwijzer", "status", "afgesloten"], hv)
        activities = {"eropafteam": [("Buurtronde Oostgaarde", "outreach", "Wijkcentrum Oostgaarde"), ("Buurtronde Schollevaar", "outreach", "Wijkcentrum De Koperwiek")],
                      "sociale-teams": [("Inloopspreekuur", "spreekuur", "Wijkcentrum Middelwatering"), ("Formulierenhulp", "spreekuur", "Bibliotheek")]}[folder]
        ex.write("activiteiten.csv", ["nr", "naam", "soort", "locatie", "team", "begeleider", "start", "eind", "deelnemers"],
                 [[f"{code}-A{k + 1}", naam, soort, locatie, f"{code}-{1 + k % 2}", staff[k][0], ex.date(D(2015, 9, 1)), "", 12 + 5 * k]
                  for k, (naam, soort, locatie) in enumerate(activities)])

    for folder, code, group, employer, domein in contact_orgs:
        ex = Export(os.path.join(root, folder), ",", "windows-1252", "%d/%m/%Y", newline="\r\n")
        ex.write("teams.csv", ["Code", "Naam"], [[code, employer]])
        staff = []
        for k in range(2):
            first, last = p.rng.choice(FIRST_F), p.rng.choice(SURNAMES)[1]
            staff.append([f"{code}-{k + 1}", first, last, f"{first[0].lower()}.{last.lower().replace(' ', '')}{k}@{folder}.example",
                          {"buurtmoeders": "buurtmoeder", "clientondersteuning": "cliëntondersteuner", "mantelzorg": "consulent mantelzorg"}[folder],
                          employer, "Ja" if employer == "MEE" else "Nee", "0,5", code])
        ex.write("Medewerkers.csv", ["Code", "Voornaam", "Achternaam", "Email", "Functie", "Organisatie", "Gedetacheerd", "Uren/FTE", "Team"], staff)
        cl, hv = [], []
        for i, h in enumerate(group):
            m = h["members"][-1] if domein == "opvoeding" else h["members"][0]
            bsn = m["bsn"]
            if folder == "mantelzorg" and i == 4:
                bsn = "1234567"                       # planted: a BSN cut short in the registration
            cl.append([bsn, m["voorletters"], m["voorvoegsel"], m["achternaam"], ex.date(m["geboren"])])
            melding = p.date(D(2015, 6, 1), D(2016, 12, 1))
            hv.append([f"{code}{i + 1:03d}", bsn, ex.date(melding), domein, ["Eigen initiatief", "Huisarts", "Consultatiebureau"][i % 3],
                       "Lopend", ""])
        ex.write("Deelnemers.csv", ["BSN", "Voorletters", "Tussenvoegsel", "Achternaam", "Geboortedatum"], cl)
        ex.write("Contacten.csv", ["Nr", "BSN", "Datum", "Soort", "Aangemeld door", "Status", "Einde"], hv)
        activities = {"buurtmoeders": [("Koffieochtend moeders", "ontmoeting", "Buurthuis De Schenkel"), ("Taalcafé", "taal", "Buurthuis De Schenkel")],
                      "clientondersteuning": [("Spreekuur cliëntondersteuning", "spreekuur", "Stadhuis")],
                      "mantelzorg": [("Mantelzorgcafé", "ontmoeting", "Wijkcentrum Middelwatering"), ("Cursus omgaan met dementie", "cursus", "Steunpunt")]}[folder]
        rows = []
        for k, (naam, soort, locatie) in enumerate(activities):
            start, end = D(2016, 1, 15), D(2016, 12, 15)
            if folder == "mantelzorg" and k == 1:
                end = D(2015, 12, 15)             # planted: the course ends before it starts
            rows.append([f"{code}-ACT{k + 1}", naam, soort, locatie, code, staff[k % 2][0], ex.date(start), ex.date(end), 8 + 4 * k])
        ex.write("Activiteiten.csv", ["Code", "Activiteit", "Soort", "Locatie", "Team", "Begeleider", "Van", "Tot", "Deelnemers"], rows)


if __name__ == "__main__":
    dordrecht()
    zwolle()
    welzijn()
    print("wrote fixtures/dordrecht-teams, fixtures/zwolle-stadsdelen, fixtures/welzijn-stichting")
