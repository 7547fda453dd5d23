import Testing
import WijkMerge
import WijkModel
@testable import WijkConflicts

/// Each detector on small examples: what is a conflict, and what merges silently.
struct DetectorTests {
    let context = MergeContext(teams: ["a": ["T": "wt-1"], "b": ["T": "wt-1", "U": "wt-2"]],
                               bronGemeente: ["a": "GM0018", "b": "GM1987"],
                               wijk: { $0.digits == "9601" ? "WK195201" : nil }, wijkteam: { _ in "wt-1" })
    let today = CivilDate(year: 2026, month: 11, day: 23)!

    func record(_ entity: Entity, _ bron: String, _ fields: [String: String], line: Int = 1) -> MappedRecord {
        var values = [Value?](repeating: nil, count: entity.fields.count)
        for (name, text) in fields {
            let i = entity.fields.firstIndex { $0.name == name }!
            values[i] = entity.fields[i].kind.parseCanonical(text)
        }
        return MappedRecord(entity: entity, values: values,
                            provenance: Provenance(bron: bron, bestand: "\(bron).csv", locatie: .line(line), bronSleutel: fields["sleutel"]),
                            warnings: [], raw: RawText("raw"))
    }

    func detect(_ records: [MappedRecord]) throws -> [Conflict] {
        let m = try Merger(context: context)
        for r in records.sorted(by: { $0.entity < $1.entity }) { _ = m.add(r) }
        return ConflictDetection.detect(m, peildatum: today)
    }

    let homeA = ["sleutel": "h1", "postcode": "9601AB", "huisnummer": "1"]
    let homeB = ["sleutel": "x", "postcode": "9601AB", "huisnummer": "1"]

    @Test func cleanDuplicatesMergeSilently() throws {
        let conflicts = try detect([
            record(.huishouden, "a", homeA), record(.huishouden, "b", homeB),
            record(.client, "a", ["bsn": "123456782", "voorletters": "J.H.", "voorvoegsel": "van der", "achternaam": "Berg", "geboortedatum": "1950-05-01", "huishouden": "h1"]),
            record(.client, "b", ["bsn": "123456782", "voorletters": "JH", "achternaam": "van der  Berg", "geboortedatum": "1900-01-01", "huishouden": "x"]),
        ])
        #expect(conflicts.isEmpty)
    }

    @Test func clientIdentiteitAndAdres() throws {
        let conflicts = try detect([
            record(.huishouden, "a", homeA), record(.huishouden, "b", ["sleutel": "y", "postcode": "9601AB", "huisnummer": "2"]),
            record(.client, "a", ["bsn": "123456782", "achternaam": "Berg", "geboortedatum": "1950-05-01", "huishouden": "h1"]),
            record(.client, "b", ["bsn": "123456782", "achternaam": "Bergen", "geboortedatum": "1950-05-01", "huishouden": "y"]),
        ])
        #expect(conflicts.map(\.soort) == [.clientAdres, .clientIdentiteit])
        #expect(conflicts.allSatisfy { $0.sleutel == "123456782" && $0.bronnen == ["a", "b"] })
        #expect(conflicts[1].detail == "the same BSN with another naam in another source")
    }

    @Test func householdPlansAreJudgedAtThePeildatum() throws {
        let staff = [record(.medewerker, "a", ["sleutel": "m1", "achternaam": "S"]), record(.medewerker, "a", ["sleutel": "m2", "achternaam": "T"])]
        let two = try detect([record(.huishouden, "a", homeA)] + staff + [
            record(.plan, "a", ["sleutel": "p1", "huishouden": "h1", "regisseur": "m1", "startdatum": "2020-01-01"]),
            record(.plan, "a", ["sleutel": "p2", "huishouden": "h1", "regisseur": "m2", "startdatum": "2021-01-01"]),
        ])
        #expect(two.map(\.soort) == [.huishoudenPlannen])
        #expect(two.first?.detail == "2 plans active on 2026-11-23 for one household, with 2 regisseurs")
        // Negative controls: history and future are not conflicts.
        let oneEnded = try detect([record(.huishouden, "a", homeA)] + staff + [
            record(.plan, "a", ["sleutel": "p1", "huishouden": "h1", "regisseur": "m1", "einddatum": "2020-12-31"]),
            record(.plan, "a", ["sleutel": "p2", "huishouden": "h1", "regisseur": "m2"]),
        ])
        #expect(oneEnded.isEmpty)
        let closedThenNewWithAnotherRegisseur = try detect([record(.huishouden, "a", homeA)] + staff + [
            record(.plan, "a", ["sleutel": "p1", "huishouden": "h1", "regisseur": "m1", "status": "afgesloten"]),
            record(.plan, "a", ["sleutel": "p2", "huishouden": "h1", "regisseur": "m2", "status": "actief"]),
        ])
        #expect(closedThenNewWithAnotherRegisseur.isEmpty)
        let notYetBegun = try detect([record(.huishouden, "a", homeA)] + staff + [
            record(.plan, "a", ["sleutel": "p1", "huishouden": "h1", "regisseur": "m1"]),
            record(.plan, "a", ["sleutel": "p2", "huishouden": "h1", "regisseur": "m2", "startdatum": "2027-01-01"]),
        ])
        #expect(notYetBegun.isEmpty)
        // The same plans a year earlier: the ended one was still active then.
        let m = try Merger(context: context)
        for r in [record(.huishouden, "a", homeA)] + staff + [
            record(.plan, "a", ["sleutel": "p1", "huishouden": "h1", "regisseur": "m1", "einddatum": "2020-12-31"]),
            record(.plan, "a", ["sleutel": "p2", "huishouden": "h1", "regisseur": "m2"]),
        ] { _ = m.add(r) }
        #expect(ConflictDetection.detect(m, peildatum: CivilDate(year: 2020, month: 6, day: 1)!).map(\.soort) == [.huishoudenPlannen])
    }

    @Test func sameBSNTwiceInOneSourceIsAConflictNotFirstWins() throws {
        let conflicts = try detect([
            record(.huishouden, "a", homeA), record(.huishouden, "a", ["sleutel": "h2", "postcode": "9601AB", "huisnummer": "2"]),
            record(.client, "a", ["sleutel": "c1", "bsn": "123456782", "achternaam": "Berg", "geboortedatum": "1950-05-01", "huishouden": "h1"], line: 2),
            record(.client, "a", ["sleutel": "c2", "bsn": "123456782", "achternaam": "Berg", "geboortedatum": "1951-05-01", "huishouden": "h2"], line: 3),
        ])
        #expect(conflicts.map(\.soort) == [.clientAdres, .clientIdentiteit])
        #expect(conflicts[1].detail == "the same BSN with another geboortedatum in another record of the same source")
        // A clean duplicate inside one source merges silently.
        #expect(try detect([
            record(.huishouden, "a", homeA),
            record(.client, "a", ["sleutel": "c1", "bsn": "123456782", "achternaam": "Berg", "huishouden": "h1"], line: 2),
            record(.client, "a", ["sleutel": "c2", "bsn": "123456782", "achternaam": "Berg", "huishouden": "h1"], line: 3),
        ]).isEmpty)
    }

    @Test func voorzieningOverlapOnlyAcrossSourcesAndInTime() throws {
        let base = [record(.huishouden, "a", homeA), record(.client, "a", ["bsn": "123456782", "achternaam": "B"])]
        func v(_ bron: String, _ key: String, _ begin: String, _ end: String?) -> MappedRecord {
            var f = ["sleutel": key, "bsn": "123456782", "wet": "wmo", "productcategorie": "02", "begindatum": begin]
            if let end { f["einddatum"] = end }
            return record(.voorziening, bron, f)
        }
        #expect(try detect(base + [v("a", "1", "2020-01-01", "2020-12-31"), v("b", "1", "2020-06-01", nil)]).map(\.soort) == [.sleutelBotsing, .voorzieningOverlap])
        #expect(try detect(base + [v("a", "1", "2020-01-01", "2020-12-31"), v("b", "2", "2021-01-01", nil)]).isEmpty)
        #expect(try detect(base + [v("a", "1", "2020-01-01", "2020-12-31"), v("a", "2", "2020-06-01", nil)]).isEmpty)
    }

    @Test func staffAreOnePersonUnlessTooMuchFTEOrTwoPeople() throws {
        let a = record(.medewerker, "a", ["sleutel": "1", "achternaam": "Smit", "email": "j@x.nl", "fte": "0.5", "team": "T"])
        let clean = try Merger(context: context)
        #expect(clean.add(a).0 == .loaded)
        #expect(clean.add(record(.medewerker, "b", ["sleutel": "9", "achternaam": "Smit", "email": "J@x.nl", "fte": "0.5", "team": "T"])).0 == .merged)
        #expect(ConflictDetection.detect(clean, peildatum: today).isEmpty)
        let tooMuch = try detect([a, record(.medewerker, "b", ["sleutel": "9", "achternaam": "Smit", "email": "j@x.nl", "fte": "0.8", "team": "T"])])
        #expect(tooMuch.map(\.soort) == [.medewerkerDubbel])
        #expect(tooMuch.first?.detail == "one person with 1.3 FTE over 2 staff records, more than the limit of 1")
        // Another wijkteam within the limit: one person serving two wijkteams, no conflict.
        let otherTeam = try detect([a, record(.medewerker, "b", ["sleutel": "9", "achternaam": "Smit", "email": "j@x.nl", "fte": "0.2", "team": "U"])])
        #expect(otherTeam.isEmpty)
        let twoPeople = try detect([a, record(.medewerker, "b", ["sleutel": "9", "achternaam": "Jansen", "email": "j@x.nl", "fte": "0.2", "team": "U"])])
        #expect(twoPeople.map(\.soort) == [.medewerkerDubbel])
        #expect(twoPeople.first?.detail == "one e-mail address carries 2 different people (their names differ); kept apart")
        // The migration file's max_fte raises the limit.
        let generous = MergeContext(teams: context.teams, bronGemeente: context.bronGemeente, place: context.place, wijkteam: context.wijkteam, maxFTE: 1.5)
        let m = try Merger(context: generous)
        _ = m.add(a)
        _ = m.add(record(.medewerker, "b", ["sleutel": "9", "achternaam": "Smit", "email": "j@x.nl", "fte": "0.8", "team": "T"]))
        #expect(ConflictDetection.detect(m, peildatum: today, maxFTE: 1.5).isEmpty)
    }

    @Test func wijkOnbekend() throws {
        let conflicts = try detect([record(.huishouden, "a", ["sleutel": "h", "postcode": "9700AA", "huisnummer": "3"])])
        #expect(conflicts.map(\.soort) == [.wijkOnbekend])
        #expect(conflicts.first?.sleutel == "9700AA-3")
    }

    @Test func idsAreStableWhateverTheOrder() throws {
        let one = Conflict.stableID(soort: .clientAdres, sleutel: "123456782", sources: ["a:1", "b:2"])
        #expect(one == Conflict.stableID(soort: .clientAdres, sleutel: "123456782", sources: ["b:2", "a:1"]))
        #expect(one != Conflict.stableID(soort: .clientIdentiteit, sleutel: "123456782", sources: ["a:1", "b:2"]))
        #expect(one.count == 13 && one.hasPrefix("K"))
        // The same id as every earlier version made (the stewards' besluiten.yml files name them):
        // SHA-256 of "client.adres␟123456782␟a:1␟b:2", its first twelve hex digits.
        #expect(one == "K47f0ab8a11e0")
        let records = [record(.huishouden, "a", ["sleutel": "h", "postcode": "9700AA", "huisnummer": "3"])]
        #expect(try detect(records).map(\.id) == detect(records).map(\.id))
    }
}

/// The passes over the merged rows run on several tasks at once; the conflicts are the same, in
/// the same order, as on one thread — also where two tie on kind, key and id (a source key used by
/// plans and by voorzieningen alike in two sources: the plans' comes first, as the passes go).
struct ParallelDetectionTests {
    let base = DetectorTests()

    @Test func everyPassIsScheduledOnce() {
        let count = ConflictDetection.passes(peildatum: base.today, maxFTE: 1).count
        #expect(ConflictDetection.schedule(count).sorted() == Array(0..<count))
        #expect(ConflictDetection.schedule(count) == ConflictDetection.largestFirst, "largestFirst names every pass")
        #expect(ConflictDetection.schedule(count + 1).sorted() == Array(0...count), "a pass added later still runs")
    }

    @Test(arguments: [2, 3, 8])
    func threadsFindTheSameConflictsInTheSameOrder(_ threads: Int) async throws {
        let t = base
        var records: [MappedRecord] = []
        for (bron, team) in [("a", "T"), ("b", "U")] {
            records.append(t.record(.medewerker, bron, ["sleutel": "m1", "achternaam": "S", "email": "s@example.org", "team": team, "fte": "0.8"]))
            records.append(t.record(.huishouden, bron, ["sleutel": "h1", "postcode": "9601AB", "huisnummer": "1"]))
            records.append(t.record(.client, bron, ["bsn": "123456782", "achternaam": bron == "a" ? "Berg" : "Bergen", "huishouden": "h1"]))
            records.append(t.record(.plan, bron, ["sleutel": "1001", "huishouden": "h1", "regisseur": "m1", "startdatum": "2020-01-01"]))
            records.append(t.record(.hulpvraag, bron, ["sleutel": "1001", "bsn": "123456782", "meldingsdatum": "2020-01-01"]))
            records.append(t.record(.voorziening, bron, ["sleutel": "1001", "bsn": "123456782", "wet": "wmo", "productcategorie": "04",
                                                          "begindatum": "2020-01-01", "einddatum": "2020-12-31"]))
        }
        records.append(t.record(.huishouden, "a", ["sleutel": "h9", "postcode": "9700AA", "huisnummer": "3"]))
        let m = try Merger(context: t.context)
        for r in records.sorted(by: { $0.entity < $1.entity }) { _ = m.add(r) }
        m.finishReading()
        let one = ConflictDetection.detect(m, peildatum: t.today)
        let many = await ConflictDetection.detect(m, peildatum: t.today, threads: threads)
        #expect(Set(one.map(\.soort)).count >= 5, "\(one.map(\.soort))")
        let tied = one.filter { $0.soort == .sleutelBotsing && $0.sleutel == "1001" }
        #expect(tied.map(\.entiteit) == ["plan", "voorziening", "hulpvraag"])
        #expect(Set(tied.map(\.id)).count == 1, "the ids tie: what the order of the passes decides")
        #expect(many.map(\.entiteit) == one.map(\.entiteit))
        #expect(many.map(\.id) == one.map(\.id))
        #expect(many.map(\.detail) == one.map(\.detail))
    }
}
