#!/usr/bin/env python3
"""Writes fixtures/berichten/: folders of iJw 3.2 JW301 and iWmo 3.2 WMO301 messages over time
(synthetic people, test-range BSNs). File names are deliberately not in the order the messages
were sent. The planted cases are listed in fixtures/berichten/README.md.
Run from anywhere: python3 scripts/make-berichten-fixture.py"""
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "berichten")

PEOPLE = {
    "F": dict(bsn="999900018", geboren="2012-06-15", geslacht="2", achternaam="Vries", voorvoegsel="de", voornamen="Fenna",
              voorletters="F", huisnummer="12", postcode="9621AB", straat="Hoofdweg", plaats="Slochteren"),
    "S": dict(bsn="999900031", geboren="2009-11-02", geslacht="1", achternaam="Stuut", voorvoegsel=None, voornamen="Sem Jelle",
              voorletters="SJ", huisnummer="7", postcode="9628XY", straat="Molenstraat", plaats="Siddeburen"),
    "W": dict(bsn="999900043", geboren="1948-01-20", geslacht="2", achternaam="Bakker", voorvoegsel=None, voornamen="Wilma",
              voorletters="W", huisnummer="3", postcode="9621AC", straat="Kerkstraat", plaats="Slochteren"),
}


def message(kind, afzender, ident, dag, who, products, namespace_version="3_2", geboren=None):
    law, p, b, code = ("ijw", "jw301", "ijw", "436") if kind == "JW301" else ("iwmo", "wmo301", "iwmo", "414")
    person = PEOPLE[who]
    ns_b = f"http://www.istandaarden.nl/{law}/{namespace_version}/basisschema/schema"
    ns_p = f"http://www.istandaarden.nl/{law}/{namespace_version}/{p}/schema"
    vv = f"\n\t\t\t\t<{b}:Voorvoegsel>{person['voorvoegsel']}</{b}:Voorvoegsel>" if person["voorvoegsel"] else ""
    prods = ""
    for pr in products:
        reden = f"\n\t\t\t\t<{p}:RedenWijziging>{pr['reden']}</{p}:RedenWijziging>" if pr.get("reden") else ""
        einde = f"\n\t\t\t\t<{p}:Einddatum>{pr['eind']}</{p}:Einddatum>" if pr.get("eind") else ""
        commentaar = f"\n\t\t\t\t<{p}:Commentaar>{pr['commentaar']}</{p}:Commentaar>" if pr.get("commentaar") else ""
        prods += f"""
			<{p}:ToegewezenProduct>
				<{p}:ToewijzingNummer>{pr['nummer']}</{p}:ToewijzingNummer>
				<{p}:ReferentieAanbieder>REF-{pr['nummer']}</{p}:ReferentieAanbieder>
				<{p}:Product>
					<{b}:Categorie>{pr['categorie']}</{b}:Categorie>
					<{b}:Code>{pr['code']}</{b}:Code>
				</{p}:Product>
				<{p}:Toewijzingsdatum>{pr['toegewezen']}</{p}:Toewijzingsdatum>
				<{p}:Toewijzingstijd>10:00:00</{p}:Toewijzingstijd>
				<{p}:Ingangsdatum>{pr['begin']}</{p}:Ingangsdatum>{einde}{reden}
				<{p}:Omvang>
					<{b}:Volume>{pr['volume']}</{b}:Volume>
					<{b}:Eenheid>04</{b}:Eenheid>
					<{b}:Frequentie>2</{b}:Frequentie>
				</{p}:Omvang>{commentaar}
			</{p}:ToegewezenProduct>"""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Synthetic {kind} message (test BSN, invented person) for Wijkmigratie's fixture berichten. -->
<{p}:Bericht xmlns:{b}="{ns_b}" xmlns:{p}="{ns_p}">
	<{p}:Header>
		<{p}:BerichtCode>{code}</{p}:BerichtCode>
		<{p}:BerichtVersie>3</{p}:BerichtVersie>
		<{p}:BerichtSubversie>{'2' if namespace_version == '3_2' else '1'}</{p}:BerichtSubversie>
		<{p}:Afzender>{afzender}</{p}:Afzender>
		<{p}:Ontvanger>41099999</{p}:Ontvanger>
		<{p}:BerichtIdentificatie>
			<{b}:Identificatie>{ident}</{b}:Identificatie>
			<{b}:Dagtekening>{dag}</{b}:Dagtekening>
		</{p}:BerichtIdentificatie>
		<{p}:XsdVersie>
			<{b}:BasisschemaXsdVersie>1.0.0</{b}:BasisschemaXsdVersie>
			<{b}:BerichtXsdVersie>1.0.0</{b}:BerichtXsdVersie>
		</{p}:XsdVersie>
	</{p}:Header>
	<{p}:Client>
		<{p}:Bsn>{person['bsn']}</{p}:Bsn>
		<{p}:Geboortedatum>
			<{b}:Datum>{geboren or person['geboren']}</{b}:Datum>
		</{p}:Geboortedatum>
		<{p}:Geslacht>{person['geslacht']}</{p}:Geslacht>
		<{p}:Naam>
			<{b}:Geslachtsnaam>
				<{b}:Achternaam>{person['achternaam']}</{b}:Achternaam>{vv}
			</{b}:Geslachtsnaam>
			<{b}:Voornamen>{person['voornamen']}</{b}:Voornamen>
			<{b}:Voorletters>{person['voorletters']}</{b}:Voorletters>
			<{b}:NaamGebruik>1</{b}:NaamGebruik>
		</{p}:Naam>
		<{p}:Contactgegevens>
			<{p}:Contact>
				<{p}:Soort>01</{p}:Soort>
				<{p}:Adres>
					<{b}:Huis>
						<{b}:Huisnummer>{person['huisnummer']}</{b}:Huisnummer>
					</{b}:Huis>
					<{b}:Postcode>{person['postcode']}</{b}:Postcode>
					<{b}:Straatnaam>{person['straat']}</{b}:Straatnaam>
					<{b}:Plaatsnaam>{person['plaats']}</{b}:Plaatsnaam>
					<{b}:LandCode>NL</{b}:LandCode>
				</{p}:Adres>
			</{p}:Contact>
		</{p}:Contactgegevens>
		<{p}:ToegewezenProducten>{prods}
		</{p}:ToegewezenProducten>
	</{p}:Client>
</{p}:Bericht>
"""


def product(nummer, begin, eind=None, reden=None, categorie="45", code="45A12", volume="4", toegewezen=None, commentaar=None):
    return dict(nummer=nummer, begin=begin, eind=eind, reden=reden, categorie=categorie, code=code, volume=volume,
                toegewezen=toegewezen or begin, commentaar=commentaar)


JW = [
    # (file name: not in the order sent), afzender, identificatie, dagtekening, client, products
    ("z-eerste.xml", "1952", "MG2024000001", "2024-03-01", "F", [product("5001", "2024-03-04", "2024-12-31")]),
    ("b-sem.xml", "1952", "MG2024000002", "2024-03-01", "S", [product("5002", "2024-03-04", "2024-12-31")]),
    ("a-slochteren.xml", "0040", "SL2024000001", "2024-03-10", "F", [product("5001", "2024-03-11", "2024-09-30", categorie="43", code="43A31")]),
    ("m-verkort.xml", "1952", "MG2024000003", "2024-04-15", "F",
     [product("5001", "2024-03-04", "2024-06-30", reden="05", toegewezen="2024-04-15", commentaar="Verkort na herbeoordeling"),
      product("5003", "2024-07-01", "2024-12-31", categorie="41", code="41A05")]),
    ("c-ingetrokken.xml", "1952", "MG2024000004", "2024-05-01", "S", [product("5002", "2024-03-04", "2024-12-31", reden="01", toegewezen="2024-05-01")]),
    ("d-verwijderd.xml", "1952", "MG2024000005", "2024-06-01", "F",
     [product("5001", "2024-03-04", "2024-06-30", reden="05", toegewezen="2024-04-15", commentaar="Verkort na herbeoordeling"),
      product("5003", "2024-07-01", "2024-07-01", reden="13", categorie="41", code="41A05", toegewezen="2024-06-01")]),
]
WMO = [
    ("wmo-2.xml", "1952", "MG2024100002", "2024-05-01", "W", [product("7001", "2024-01-01", "2025-12-31", reden="04", categorie="02", code="02A01",
                                                                      volume="6", toegewezen="2024-05-01")]),
    ("wmo-1.xml", "1952", "MG2024100001", "2024-01-02", "W", [product("7001", "2024-01-01", "2024-06-30", categorie="02", code="02A01", volume="6")]),
]

os.makedirs(os.path.join(ROOT, "jw301"), exist_ok=True)
os.makedirs(os.path.join(ROOT, "wmo301"), exist_ok=True)
for name, afz, ident, dag, who, products in JW:
    open(os.path.join(ROOT, "jw301", name), "w").write(message("JW301", afz, ident, dag, who, products))
for name, afz, ident, dag, who, products in WMO:
    open(os.path.join(ROOT, "wmo301", name), "w").write(message("WMO301", afz, ident, dag, who, products))
# A message of the previous release (3.1): another namespace and subversion.
open(os.path.join(ROOT, "jw301", "e-oude-versie.xml"), "w").write(
    message("JW301", "1952", "MG2023000099", "2023-12-01", "S", [product("4999", "2023-12-04", "2024-03-03")], namespace_version="3_1"))
# A message that fails its schema: a birth date that does not exist.
open(os.path.join(ROOT, "jw301", "f-ongeldig.xml"), "w").write(
    message("JW301", "1952", "MG2024000006", "2024-06-15", "S", [product("5004", "2024-06-17", "2024-12-31")], geboren="2009-02-30"))
print("written to", os.path.normpath(ROOT))
