#!/usr/bin/env python3
"""Writes fixtures/noordkwartier/: a small merger shaped unlike the demo, with planted conflicts
and negative controls (listed in its README). Every person is synthetic; BSNs pass the 11-proef.
Run from anywhere: python3 scripts/make-noordkwartier-fixture.py"""
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "noordkwartier")


def bsn(seed):
    """The n-th synthetic BSN: eight digits from the seed, the ninth by the 11-proef."""
    n = 0
    while True:
        d = [int(c) for c in "%08d" % (31000000 + seed * 7919 + n)]
        last = sum((9 - i) * d[i] for i in range(8)) % 11
        if last < 10:
            return "".join(map(str, d)) + str(last)
        n += 1


def write(path, rows, sep, encoding="utf-8", newline="\n"):
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding=encoding, newline="") as f:
        for row in rows:
            f.write(sep.join(row) + newline)


B = {i: bsn(i) for i in range(1, 20)}

# Oosterhoek: tab-separated UTF-8, ISO dates, a file of households and one of residents,
# statuses in the vendor's words (Lopend / Beëindigd / In aanvraag; Nieuw / Loopt / Gesloten).
write("oosterhoek/teams.tsv", [["code", "omschrijving"], ["OH-1", "Sociaal team Oosterhoek"]], "\t")
write("oosterhoek/medewerkers.tsv", [
    ["id", "voornaam", "achternaam", "mail", "fte", "team"],
    ["101", "Roos", "Veenstra", "r.veenstra@welzijn-noord.example", "0,6", "OH-1"],   # also in Westerland, 0.4: one person, 1.0 (control)
    ["102", "Bert", "Hofstede", "b.hofstede@welzijn-noord.example", "0,8", "OH-1"],   # also in Westerland, 0.5: above 1.0 (planted)
    ["103", "Nel", "Dekker", "n.dekker@oosterhoek.example", "1,0", "OH-1"],
    ["104", "Kees", "Mol", "k.mol@oosterhoek.example", "0,5", "OH-1"],
], "\t")
write("oosterhoek/huishoudens.tsv", [
    ["hh", "straat", "nr", "postcode", "plaats"],
    ["H1", "Dijkweg", "4", "9991 AA", "Oosterhoek"],
    ["H2", "Dijkweg", "6", "9991 AA", "Oosterhoek"],
    ["H3", "Kanaalstraat", "10", "9991 AB", "Oosterhoek"],   # PC6 of the other wijk than its PC4 says: placed by PC6
    ["H4", "Stationsweg", "1", "9800 ZZ", "Elders"],         # outside the new gemeente (planted wijk.onbekend)
    ["H5", "Dijkweg", "8", "9991 AA", "Oosterhoek"],
], "\t")
write("oosterhoek/bewoners.tsv", [
    ["hh", "bsn", "voornaam", "achternaam", "geboren", "geslacht"],
    ["H1", B[1], "Anna", "Smit", "1961-03-02", "V"],
    ["H2", B[2], "Piet", "Smit", "1958-11-30", "M"],
    ["H3", B[3], "Fenna", "Bos", "1990-07-14", "V"],
    ["H4", B[4], "Jelle", "Kuiper", "1975-01-09", "M"],
    ["H5", B[5], "Gert", "Wolters", "1949-05-05", "M"],
    ["H5", B[5], "Gert", "Wolters", "1949-05-05", "M"],     # the same record twice in one source: merges silently (control)
    ["H1", B[6], "Lies", "Smit", "1988-08-08", "V"],
    ["H2", B[6], "Lies", "Smit", "1989-08-08", "V"],         # same BSN twice in one source, other address and birth date (planted)
], "\t")
write("oosterhoek/plannen.tsv", [
    ["plan", "hh", "regie", "begin", "eind", "status"],
    ["P1", "H1", "101", "2016-01-04", "2017-03-31", "Beëindigd"],   # closed, then a new plan with another regisseur (control)
    ["P2", "H1", "103", "2017-04-01", "", "Lopend"],
    ["P3", "H2", "103", "2016-05-01", "", "Lopend"],                # two plans active on the peildatum (planted)
    ["P4", "H2", "104", "2017-09-01", "", "Lopend"],
    ["P5", "H3", "104", "2018-03-01", "", "In aanvraag"],           # starts after the peildatum: not active yet (control)
    ["P6", "H3", "101", "2017-01-01", "", "Lopend"],
    ["P7", "H5", "103", "2015-02-01", "2016-12-31", "Lopend"],      # ended by its date whatever its status says (control)
    ["P8", "H5", "104", "2017-02-01", "", "Lopend"],
], "\t")
write("oosterhoek/hulpvragen.tsv", [
    ["nr", "bsn", "gemeld", "status", "gesloten"],
    ["V1", B[1], "2017-02-01", "Loopt", ""],
    ["V2", B[3], "2017-06-01", "Gesloten", "2017-10-01"],
    ["V3", B[5], "2017-12-01", "Nieuw", ""],
], "\t")

# Westerland: comma-separated, quoted, Windows-1252, CRLF, dates d-M-yyyy; a client row carries
# its address (the household's key in this source is the address as written).
write("westerland/teams.csv", [["Team", "Naam"], ["WL", '"Sociaal team Westerland"']], ",", "cp1252", "\r\n")
write("westerland/medewerkers.csv", [
    ["Nr", "Voornaam", "Achternaam", "Email", "FTE", "Team"],
    ["W1", "Roos", "Veenstra", "R.Veenstra@welzijn-noord.example", "0.4", "WL"],
    ["W2", "Bert", "Hofstede", "b.hofstede@welzijn-noord.example", "0.5", "WL"],
    ["W3", "Sanne", "Jansen", "s.jansen@westerland.example", "0.8", "WL"],
], ",", "cp1252", "\r\n")
write("westerland/clienten.csv", [
    ["Clientnr", "BSN", "Voornaam", "Achternaam", "Geboortedatum", "Straat", "Huisnummer", "Postcode", "Woonplaats"],
    ["C1", B[1], "Anna", "Smit", "2-3-1961", '"Dijkweg"', "4", "9991AA", "Oosterhoek"],   # the same person in both sources: merges (control)
    ["C2", B[7], "Hélène", "Visser", "1-12-1970", '"Zeedijk"', "3", "9992 BA", "Westerland"],
    ["C3", B[8], "Joost", "Meijer", "15-6-1982", '"Zeedijk"', "5", "9992 BA", "Westerland"],
    ["C4", B[3], "Fenna", "Bos", "14-7-1991", '"Kanaalstraat"', "10", "9991 AB", "Oosterhoek"],  # other birth year (planted client.identiteit)
], ",", "cp1252", "\r\n")
write("westerland/plannen.csv", [
    ["Plannr", "Postcode", "Huisnummer", "Regisseur", "Start", "Eind", "Status"],
    ["WP1", "9992 BA", "3", "W3", "1-3-2017", "", "actief"],
    ["WP2", "9992 BA", "5", "W3", "1-1-2016", "31-12-2016", "afgerond"],
], ",", "cp1252", "\r\n")
print("written to", os.path.normpath(ROOT))
