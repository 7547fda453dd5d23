import Foundation

/// The three sources in the demo's shapes (see fixtures/midden-groningen): A as Hoogezand-Sappemeer
/// (CSV `;`, Windows-1252, CRLF, dd-MM-yyyy, addresses in the client rows), B as Menterwolde (CSV
/// `,`, UTF-8 with BOM, households of their own, BSNs without their leading zero), C as Slochteren
/// (XML, ISO-8859-1, households > members > hulpvragen and voorzieningen).
struct SourceWriter {
    var rng: SplitMix64
    let defects: Double

    static let productsA = [("Hulp bij het huishouden HH1", "01A01", "uur", "per week"), ("Individuele begeleiding", "02A05", "uur", "per week"),
                            ("Dagbesteding (dagdeel)", "07A01", "dagdeel", "per week"), ("Jeugdhulp ambulant", "45A12", "uur", "per maand")]
    static let soortenB = [("WMO", "HH", "01002", "04", "2"), ("WMO", "BG", "02003", "04", "2"), ("JW", "AMB", "45M01", "01", "4")]

    func dmy(_ d: (Int, Int, Int)) -> String { String(format: "%02d-%02d-%04d", d.2, d.1, d.0) }
    func ymd(_ d: (Int, Int, Int)) -> String { String(format: "%04d-%02d-%02d", d.0, d.1, d.2) }
    func compact(_ d: (Int, Int, Int)) -> String { String(format: "%04d%02d%02d", d.0, d.1, d.2) }

    /// A date, now and then (at the defect rate) one that does not exist.
    mutating func date(_ d: (Int, Int, Int), _ format: ((Int, Int, Int)) -> String) -> String {
        rng.chance(defects) ? format((d.0, 2, 30)) : format(d)
    }

    mutating func writeA(_ households: [Household], to dir: String) throws {
        let nl = "\r\n"
        let teams = try TextFile(dir + "/teams.csv", encoding: .windowsCP1252)
        try teams.row(["Teamcode", "Teamnaam"], delimiter: ";", newline: nl)
        for (c, n) in [("HS-NOORD", "Sociaal team Noord"), ("HS-ZUID", "Sociaal team Zuid"), ("HS-JGT", "Jeugd- en gezinsteam")] {
            try teams.row([c, n], delimiter: ";", newline: nl)
        }
        try teams.close()
        let staffCount = max(3, households.count / 40)
        let staff = try TextFile(dir + "/medewerkers.csv", encoding: .windowsCP1252)
        try staff.row(["Mdw.nr", "Voornaam", "Achternaam", "E-mail", "Functie", "Werkgever", "Gedetacheerd", "FTE", "Team"], delimiter: ";", newline: nl)
        for i in 0..<staffCount {
            try staff.row(["M\(i + 1)", "Jan", "Medewerker\(i + 1)", "m\(i + 1)@a.example", "Wijkcoach", "MEE Groningen", "J", "0,8",
                           ["HS-NOORD", "HS-ZUID", "HS-JGT"][i % 3]], delimiter: ";", newline: nl)
        }
        try staff.close()
        let clients = try TextFile(dir + "/clienten.csv", encoding: .windowsCP1252)
        let plans = try TextFile(dir + "/plannen.csv", encoding: .windowsCP1252)
        let asks = try TextFile(dir + "/hulpvragen.csv", encoding: .windowsCP1252)
        let provisions = try TextFile(dir + "/voorzieningen.csv", encoding: .windowsCP1252)
        try clients.row(["Clientnr", "BSN", "Voorletters", "Voornamen", "Tussenvoegsel", "Achternaam", "Geb.datum", "Geslacht", "Straat", "Huisnr", "Postcode", "Woonplaats"], delimiter: ";", newline: nl)
        try plans.row(["Plannr", "Postcode", "Huisnr", "Regisseur", "Startdatum", "Einddatum", "Status"], delimiter: ";", newline: nl)
        try asks.row(["Meldingnr", "BSN", "Meldingsdatum", "Domein", "Verwijzer", "Status", "Afgesloten", "Toelichting"], delimiter: ";", newline: nl)
        try provisions.row(["Beschikkingnr", "Toewijzingnr", "BSN", "Product", "Productcode", "Omvang", "Eenheid", "Frequentie", "AGB", "Ingangsdatum", "Einddatum", "Status"], delimiter: ";", newline: nl)
        var client = 0, ask = 0, provision = 0
        for (h, household) in households.enumerated() {
            if rng.chance(0.55) {
                try plans.row(["P\(h + 1)", household.postcodeSpaced, household.huisnr, "M\(1 + rng.below(staffCount))", dmy((2016, 1 + rng.below(12), 1 + rng.below(28))), "", "Actief"], delimiter: ";", newline: nl)
            }
            for p in household.members {
                client += 1
                try clients.row(["C\(client)", p.bsn, p.initials, p.voornamen, p.voorvoegsel, p.achternaam, date(p.born, dmy), p.female ? "V" : "M",
                                 household.street, household.huisnr, household.postcodeSpaced, household.place], delimiter: ";", newline: nl)
                for _ in 0..<rng.weighted([35, 35, 30]) {
                    ask += 1
                    try asks.row(["H\(ask)", p.bsn, dmy((2016, 1 + rng.below(12), 1 + rng.below(28))), "Wmo", "huisarts", "Open", "", ask % 50 == 0 ? "Belt terug; \"spoed\"" : ""], delimiter: ";", newline: nl)
                }
                for _ in 0..<rng.weighted([20, 30, 30, 20]) {
                    provision += 1
                    let (label, code, unit, freq) = rng.pick(Self.productsA)
                    let begin = (2015 + rng.below(3), 1 + rng.below(12), 1 + rng.below(28))
                    try provisions.row(["\(70000 + provision)", "\(100000 + provision)", rng.chance(defects) ? "123456781" : p.bsn, label, code,
                                        "\(1 + rng.below(10))", unit, freq, "41012345", dmy(begin), dmy((begin.0 + 2, begin.1, begin.2)), "Actief"], delimiter: ";", newline: nl)
                }
            }
        }
        for f in [clients, plans, asks, provisions] { try f.close() }
    }

    mutating func writeB(_ households: [Household], to dir: String) throws {
        func file(_ name: String, _ header: [String]) throws -> TextFile {
            let f = try TextFile(dir + "/" + name, encoding: .utf8, bom: true)
            try f.row(header, delimiter: ",", newline: "\n")
            return f
        }
        let teams = try file("teams.csv", ["team_id", "omschrijving"])
        try teams.row(["1", "Sociaal Team"], delimiter: ",", newline: "\n")
        try teams.row(["2", "CJG"], delimiter: ",", newline: "\n")
        try teams.close()
        let staffCount = max(3, households.count / 40)
        let staff = try file("medewerkers.csv", ["id", "naam_voor", "naam_achter", "email", "rol", "organisatie", "contract", "fte", "team_id"])
        for i in 0..<staffCount {
            try staff.row(["\(100 + i)", "Anna", "Medewerker\(i)", "m\(i)@b.example", "casemanager", "Kwadraad", "gedetacheerd", "0.8", "\(1 + i % 2)"], delimiter: ",", newline: "\n")
        }
        try staff.close()
        let homes = try file("huishoudens.csv", ["hh_id", "straatnaam", "huisnummer", "huisletter", "toevoeging", "postcode", "plaats"])
        let persons = try file("personen.csv", ["persoon_id", "bsn", "voornamen", "voorletters", "voorvoegsel", "geslachtsnaam", "geboortedatum", "geslacht", "hh_id"])
        let plans = try file("plannen.csv", ["plan_id", "hh_id", "regisseur_id", "start", "eind", "status"])
        let asks = try file("hulpvragen.csv", ["id", "bsn", "datum_melding", "leefgebied", "verwezen_door", "status", "datum_afsluiting"])
        let provisions = try file("indicaties.csv", ["indicatie_id", "bsn", "wet", "soort", "product_code", "volume", "eenheid", "frequentie", "aanbieder_agb", "van", "tot", "beschikking", "toewijzing", "vervallen"])
        var person = 0, ask = 0, provision = 0
        for (h, household) in households.enumerated() {
            let id = "HH\(h + 1)"
            try homes.row([id, household.street, "\(household.number)", household.letter, "", household.postcode.lowercased(), household.place], delimiter: ",", newline: "\n")
            if rng.chance(0.5) {
                try plans.row(["\(5000 + h)", id, "\(100 + rng.below(staffCount))", ymd((2016, 1 + rng.below(12), 1 + rng.below(28))), "", "lopend"], delimiter: ",", newline: "\n")
            }
            for p in household.members {
                person += 1
                let bsn = String(Int(p.bsn)!)   // the leading zero lost in Excel
                try persons.row(["P\(person)", bsn, p.voornamen, p.initials, p.voorvoegsel, p.achternaam, date(p.born, ymd), p.female ? "vrouw" : "man", id], delimiter: ",", newline: "\n")
                for _ in 0..<rng.weighted([35, 35, 30]) {
                    ask += 1
                    try asks.row(["\(ask)", bsn, ymd((2016, 1 + rng.below(12), 1 + rng.below(28))), "wonen", "huisarts", "open", ""], delimiter: ",", newline: "\n")
                }
                for _ in 0..<rng.weighted([20, 30, 30, 20]) {
                    provision += 1
                    let (wet, soort, code, unit, freq) = rng.pick(Self.soortenB)
                    let begin = (2015 + rng.below(3), 1 + rng.below(12), 1 + rng.below(28))
                    try provisions.row(["I\(provision)", bsn, wet, soort, code, "\(1 + rng.below(10))", unit, freq, "41099999", ymd(begin),
                                        ymd((begin.0 + 1, begin.1, begin.2)), "\(3000 + provision)", "\(200000 + provision)", "nee"], delimiter: ",", newline: "\n")
                }
            }
        }
        for f in [homes, persons, plans, asks, provisions] { try f.close() }
    }

    mutating func writeC(_ households: [Household], to dir: String) throws {
        let x = try TextFile(dir + "/export.xml", encoding: .isoLatin1)
        func esc(_ s: String) -> String { s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;") }
        try x.write("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<Export xmlns=\"urn:example:slochteren:wijkteam:1\" xmlns:zorg=\"urn:example:slochteren:zorg:1\">\n")
        try x.write("  <Teams><Team code=\"SL-ST\">Sociaal Team</Team><Team code=\"SL-CJG\">CJG</Team></Teams>\n  <Medewerkers>\n")
        let staffCount = max(3, households.count / 40)
        for i in 0..<staffCount {
            try x.write("    <Medewerker nr=\"S\(i)\" team=\"\(i % 2 == 0 ? "SL-ST" : "SL-CJG")\" dienstverband=\"in_dienst\" fte=\"1.0\"><Voornaam>Klaas</Voornaam><Achternaam>Medewerker\(i)</Achternaam><Email>s\(i)@c.example</Email><Functie>Wijkwerker</Functie><Werkgever>Gemeente</Werkgever></Medewerker>\n")
        }
        try x.write("  </Medewerkers>\n  <Huishoudens>\n")
        var member = 0, ask = 0, provision = 0
        for (h, household) in households.enumerated() {
            try x.write("    <Huishouden nr=\"H\(h + 1)\">\n      <Adres><Straat>\(esc(household.street))</Straat><Huisnummer>\(household.number)</Huisnummer><Huisletter>\(household.letter)</Huisletter><Toevoeging/><Postcode>\(household.postcodeSpaced)</Postcode><Plaats>\(esc(household.place))</Plaats></Adres>\n")
            if rng.chance(0.5) {
                try x.write("      <Plan nr=\"PL\(h + 1)\" regisseur=\"S\(rng.below(staffCount))\" start=\"2016-03-01\" status=\"actief\"/>\n")
            }
            try x.write("      <Leden>\n")
            for p in household.members {
                member += 1
                try x.write("        <Lid nr=\"L\(member)\" bsn=\"\(p.bsn)\"><Naam><Voornamen>\(esc(p.voornamen))</Voornamen><Voorletters>\(p.initials)</Voorletters><Voorvoegsel>\(p.voorvoegsel)</Voorvoegsel><Achternaam>\(esc(p.achternaam))</Achternaam></Naam><Geboortedatum>\(date(p.born, compact))</Geboortedatum><Geslacht>\(p.female ? "V" : "M")</Geslacht>\n")
                let asks = rng.weighted([35, 35, 30])
                if asks > 0 {
                    try x.write("          <zorg:Hulpvragen>")
                    for _ in 0..<asks { ask += 1; try x.write("<zorg:Hulpvraag id=\"HV\(ask)\" datum=\"20160101\" domein=\"Wmo\" verwijzer=\"school\" status=\"open\"/>") }
                    try x.write("</zorg:Hulpvragen>\n")
                }
                let provisions = rng.weighted([20, 30, 30, 20])
                if provisions > 0 {
                    try x.write("          <zorg:Voorzieningen>")
                    for _ in 0..<provisions {
                        provision += 1
                        try x.write("<zorg:Voorziening id=\"V\(provision)\" wet=\"WMO\"><zorg:Product categorie=\"02\" code=\"02B01\"/><zorg:Omvang volume=\"4\" eenheid=\"04\" frequentie=\"2\"/><zorg:Aanbieder agb=\"41012345\"/><zorg:Periode van=\"20160301\" tot=\"20180228\"/><zorg:Toewijzing>\(300000 + provision)</zorg:Toewijzing></zorg:Voorziening>")
                    }
                    try x.write("</zorg:Voorzieningen>\n")
                }
                try x.write("        </Lid>\n")
            }
            try x.write("      </Leden>\n    </Huishouden>\n")
        }
        try x.write("  </Huishoudens>\n</Export>\n")
        try x.close()
    }
}
