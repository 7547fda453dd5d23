#!/usr/bin/env python3
"""Writes a large XML export in Slochteren's shape (see fixtures/midden-groningen/slochteren/),
with synthetic households, members, hulpvragen and voorzieningen, for the XML benchmark.

    make-slochteren-xml.py --megabytes 500 --out DIR [--seed 1]

Deterministic for a seed. Streams its output: memory stays flat whatever the size.
"""
import argparse
import os
import random

ap = argparse.ArgumentParser()
ap.add_argument("--megabytes", type=int, default=500)
ap.add_argument("--out", required=True)
ap.add_argument("--seed", type=int, default=1)
args = ap.parse_args()
rng = random.Random(args.seed)
os.makedirs(args.out, exist_ok=True)
path = os.path.join(args.out, "export.xml")
target = args.megabytes * 1_000_000

FIRST = ["Anna", "Jan", "Zoë", "René", "Hélène", "Klaas", "Femke", "Noël", "Sanne", "Harm"]
LAST = ["Bakker", "Visser", "Wübbena", "Dijkstra", "Huizinga", "Boekhoud", "Smit", "Oosterhuis"]
STREETS = [("Hoofdweg", "Slochteren", "9621"), ("Molenstraat", "Siddeburen", "9628"), ("Borgweg", "Harkstede", "9617")]


def bsn(n):
    # A 9-digit number passing the 11-proef, derived from n (unique for n < 10^7).
    base = 100000000 + n * 10
    d = [int(c) for c in str(base)[:8]]
    s = sum((9 - i) * d[i] for i in range(8))
    last = s % 11
    if last == 10:
        return bsn(n + 10_000_000)
    return "".join(map(str, d)) + str(last)


written = 0
members = 0
with open(path, "w", encoding="iso-8859-1") as f:
    def w(s):
        global written
        f.write(s)
        written += len(s)
    w('<?xml version="1.0" encoding="ISO-8859-1"?>\n<Export xmlns="urn:example:slochteren:wijkteam:1" '
      'xmlns:zorg="urn:example:slochteren:zorg:1" gemeente="0040" datum="2017-12-31">\n  <Huishoudens>\n')
    h = 0
    vz = 0
    while written < target:
        h += 1
        street, place, pc4 = STREETS[h % 3]
        w('    <Huishouden nr="H%07d">\n      <Adres><Straat>%s</Straat><Huisnummer>%d</Huisnummer><Huisletter/>'
          '<Toevoeging/><Postcode>%s %s</Postcode><Plaats>%s</Plaats></Adres>\n      <Leden>\n'
          % (h, street, h % 300 + 1, pc4, "AB", place))
        for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
            members += 1
            m = members
            w('        <Lid nr="L%08d" bsn="%s">\n          <Naam><Voornamen>%s</Voornamen><Voorletters>%s</Voorletters>'
              '<Voorvoegsel/><Achternaam>%s</Achternaam></Naam>\n          <Geboortedatum>%04d%02d%02d</Geboortedatum>\n'
              '          <Geslacht>%s</Geslacht>\n' % (m, bsn(m), FIRST[m % 10], FIRST[m % 10][0], LAST[m % 8],
                                                      1930 + m % 90, m % 12 + 1, m % 28 + 1, "MV"[m % 2]))
            if m % 2:
                w('          <zorg:Hulpvragen><zorg:Hulpvraag id="HV%d" datum="20160101" domein="Wmo" verwijzer="huisarts" status="open"/></zorg:Hulpvragen>\n' % m)
            w('          <zorg:Voorzieningen>\n')
            for _ in range(1 + m % 2):
                vz += 1
                w('            <zorg:Voorziening id="V%d" wet="WMO"><zorg:Product categorie="02" code="02B01"/>'
                  '<zorg:Omvang volume="4" eenheid="04" frequentie="2"/><zorg:Aanbieder agb="41012345"/>'
                  '<zorg:Periode van="20160301" tot="20180228"/><zorg:Toewijzing>%d</zorg:Toewijzing></zorg:Voorziening>\n' % (vz, vz))
            w('          </zorg:Voorzieningen>\n        </Lid>\n')
        w('      </Leden>\n    </Huishouden>\n')
    w('  </Huishoudens>\n</Export>\n')
print("%s: %d households, %d members, %d voorzieningen, %.0f MB" % (path, h, members, vz, written / 1e6))
