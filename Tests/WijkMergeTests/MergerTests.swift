import Foundation
import Testing
import WijkModel
@testable import WijkMerge

struct MergerTests {
    let context = MergeContext(
        teams: ["a": ["T1": "wt-1"], "b": ["X": "wt-2"]],
        bronGemeente: ["a": "GM0018", "b": "GM1987"],
        wijk: { $0.digits == "9601" ? "WK195201" : nil },
        wijkteam: { $0 == "WK195201" ? "wt-1" : nil })

    func record(_ entity: Entity, _ bron: String, line: Int = 1, key: String? = nil, _ values: [String: Value]) -> MappedRecord {
        MappedRecord(entity: entity, values: entity.fields.map { values[$0.name] },
                     provenance: Provenance(bron: bron, bestand: "\(bron).csv", locatie: .line(line), bronSleutel: key ?? values["sleutel"]?.canonicalText),
                     warnings: [], raw: RawText("raw"))
    }

    func household(_ bron: String, _ key: String, _ postcode: String, _ nummer: Int, letter: String? = nil) -> MappedRecord {
        var v: [String: Value] = ["sleutel": .text(key), "postcode": .postcode(Postcode(postcode)!), "huisnummer": .integer(nummer)]
        if let letter { v["huisletter"] = .text(letter) }
        return record(.huishouden, bron, v)
    }

    func client(_ bron: String, _ bsn: String, _ naam: String, household: String? = nil, born: String? = nil) -> MappedRecord {
        var v: [String: Value] = ["bsn": .bsn(BSN(bsn)!), "achternaam": .text(naam)]
        if let household { v["huishouden"] = .text(household) }
        if let born { v["geboortedatum"] = .date(CivilDate(iso: born)!) }
        return record(.client, bron, v)
    }

    @Test func householdsMergeOnTheNormalisedAddressAndGetTheirWijk() throws {
        let m = try Merger(context: context)
        #expect(m.add(household("a", "h1", "9601 ab", 12, letter: "a")).0 == .loaded)
        #expect(m.add(household("b", "HH9", "9601AB", 12, letter: "A")).0 == .merged)
        #expect(m.add(household("b", "HH8", "9601AB", 12)).0 == .loaded)
        let (tables, herkomst) = m.tables()
        let hh = tables.first { $0.name == "huishouden" }!
        #expect(try hh.rows.map { $0[0] } == [.text("9601AB-12"), .text("9601AB-12-A")])
        #expect(try hh.rows[1][hh.columns.firstIndex(of: "wijk")!] == .text("WK195201"))
        #expect(try hh.rows[1][hh.columns.firstIndex(of: "wijkteam")!] == .text("wt-1"))
        #expect(try herkomst.rows.filter { $0[1] == .text("9601AB-12-A") }.map { $0[2] } == [.text("a"), .text("b")])
    }

    /// One address shared by thousands of households' members (a care home): each record added
    /// to the key costs the same, so doubling the records doubles the working file and the bytes
    /// the merge reads back — where a copy of the row per record would quadruple them.
    @Test func aKeyWithManyRecordsCostsLinearWork() throws {
        func merge(_ k: Int) throws -> (written: Int, read: Int) {
            let m = try Merger(context: context)
            for i in 0..<k {
                var r = household("a", "h\(i)", "9601AB", 1)
                r = MappedRecord(entity: r.entity, values: r.values, provenance: Provenance(bron: "a", bestand: "a.csv", locatie: .line(i + 2), bronSleutel: "h\(i)"),
                                 warnings: [], raw: RawText("raw"))
                #expect(m.add(r).0 == (i == 0 ? .loaded : .merged))
            }
            m.finishReading()
            #expect(m.row(.huishouden, key: "9601AB-1")?.herkomst.count == k)
            return (m.file.size, m.file.bytesHandedOut)
        }
        let small = try merge(1500)
        let large = try merge(3000)
        let written = Double(large.written) / Double(small.written)
        let read = Double(large.read) / Double(small.read)
        #expect(written < 2.2, "working file: \(small.written) → \(large.written) bytes")
        #expect(read < 2.2, "bytes read back: \(small.read) → \(large.read)")
    }

    /// A row's head lies right after the contribution it points at, and a read takes the bytes
    /// just before a row too: walking a row of one record reads one block of the working file,
    /// not two — with the rows read in key order, far from the order they were written in.
    @Test func aRowAndItsContributionComeInOneRead() throws {
        let m = try Merger(context: context)
        let n = 25_000
        for i in 0..<n {
            let number = (i * 7919) % n + 1   // key order is not arrival order
            #expect(m.add(household("a", "h\(i)", "9601AB", number)).0 == .loaded)
        }
        m.finishReading()
        #expect(m.file.size > 2 * RowFile.flushAt, "the rows must lie in the file, not in its unwritten tail")
        let reader = RowFile.Reader()
        let list = m.rows(.huishouden)
        let keys = (0..<list.end).map(list.key)
        for key in keys { #expect(m.herkomst(.huishouden, key, via: reader)?.count == 1) }
        #expect(reader.blockReads <= keys.count + keys.count / 20, "\(reader.blockReads) block reads for \(keys.count) rows")
    }

    @Test func unknownWijkIsAWarningNotAReject() throws {
        let m = try Merger(context: context)
        let (outcome, warnings) = m.add(household("a", "h1", "9700AA", 1))
        #expect(outcome == .loaded)
        #expect(warnings.map(\.rule.rawValue) == ["wijk_unknown"])
    }

    @Test func clientsMergeOnBSNFirstSourceWinsAndGapsAreFilled() throws {
        let m = try Merger(context: context)
        _ = m.add(household("a", "h1", "9601AB", 1))
        _ = m.add(household("b", "x", "9601AB", 1))
        #expect(m.add(client("a", "123456782", "Bakker", household: "h1")).0 == .loaded)
        #expect(m.add(client("b", "123456782", "Bakker-Smit", household: "x", born: "1950-01-02")).0 == .merged)
        let c = m.tables().tables.first { $0.name == "client" }!
        #expect(try c.rows.count == 1)
        #expect(try c.rows[0][c.columns.firstIndex(of: "achternaam")!] == .text("Bakker"))
        #expect(try c.rows[0][c.columns.firstIndex(of: "geboortedatum")!] == .text("1950-01-02"))
        #expect(try c.rows[0][c.columns.firstIndex(of: "huishouden")!] == .text("9601AB-1"))
    }

    @Test func referencesToUnknownRecordsAreRejected() throws {
        let m = try Merger(context: context)
        guard case .rejected(let r) = m.add(client("a", "123456782", "Bakker", household: "nope")).0 else {
            Issue.record("expected a rejection"); return
        }
        #expect(r.finding.rule.rawValue == "reference_huishouden")
        #expect(r.finding.veld == "huishouden")
        let orphan = record(.voorziening, "a", ["sleutel": .text("v1"), "bsn": .bsn(BSN("111222333")!), "wet": .text("wmo")])
        guard case .rejected(let o) = m.add(orphan).0 else { Issue.record("expected a rejection"); return }
        #expect(o.finding.rule.rawValue == "reference_client")
        #expect(o.finding.message(reveal: false).hasSuffix("'*****2333'"))
    }

    @Test func sourceKeysAreNamespacedAndADuplicateInOneSourceIsRejected() throws {
        let m = try Merger(context: context)
        let staff = { (bron: String, line: Int) in
            self.record(.medewerker, bron, line: line, ["sleutel": .text("7"), "achternaam": .text("Smit"), "team": .text(bron == "a" ? "T1" : "X")])
        }
        #expect(m.add(staff("a", 2)).0 == .loaded)
        #expect(m.add(staff("b", 2)).0 == .loaded)
        guard case .rejected(let r) = m.add(staff("a", 9)).0 else { Issue.record("expected a rejection"); return }
        #expect(r.finding.rule.rawValue == "key_duplicate")
        #expect(r.finding.melding == "this key is already used by the record at a.csv line 2")
        let t = m.tables().tables.first { $0.name == "medewerker" }!
        #expect(try t.rows.map { $0[0] } == [.text("a/7"), .text("b/7")])
        #expect(try t.rows.map { $0[t.columns.firstIndex(of: "wijkteam")!] } == [.text("wt-1"), .text("wt-2")])
    }

    @Test func oldTeamsFoldIntoWijkteamsWithLineage() throws {
        let m = try Merger(context: context)
        #expect(m.add(record(.team, "a", ["sleutel": .text("T1")])).0 == .merged)
        guard case .rejected(let r) = m.add(record(.team, "a", ["sleutel": .text("T9")])).0 else { Issue.record("expected a rejection"); return }
        #expect(r.finding.rule.rawValue == "reference_team")
        #expect(try m.tables().herkomst.rows == [[.text("wijkteam"), .text("wt-1"), .text("a"), .text("a.csv"), .text("1"), .text("T1")]])
    }

    @Test func voorzieningKeepsItsFormerGemeente() throws {
        let m = try Merger(context: context)
        _ = m.add(household("a", "h1", "9601AB", 1))
        _ = m.add(client("a", "123456782", "Bakker"))
        _ = m.add(record(.voorziening, "a", ["sleutel": .text("1001"), "bsn": .bsn(BSN("123456782")!), "wet": .text("wmo"), "toewijzingnummer": .text("1001")]))
        _ = m.add(record(.voorziening, "b", ["sleutel": .text("1001"), "bsn": .bsn(BSN("123456782")!), "wet": .text("wmo"), "toewijzingnummer": .text("1001")]))
        let v = m.tables().tables.first { $0.name == "voorziening" }!
        #expect(try v.rows.map { $0[0] } == [.text("a/1001"), .text("b/1001")])
        #expect(try v.rows.map { $0[v.columns.firstIndex(of: "bron_gemeente")!] } == [.text("GM0018"), .text("GM1987")])
    }

    func staff(_ bron: String, _ key: String, email: String, fte: Double, team: String, name: String = "Graaf") -> MappedRecord {
        record(.medewerker, bron, ["sleutel": .text(key), "achternaam": .text(name), "email": .text(email), "fte": .decimal(fte),
                                   "team": .text(team), "werkgever": .text("Cardea")])
    }

    /// One person on several staff lists — in other wijkteams, in one source or two — is one
    /// medewerker row with an inzet row per staff record; the FTE is the total.
    @Test func onePersonOnSeveralListsIsOneRowWithAnInzetPerList() throws {
        let m = try Merger(context: context)
        _ = m.add(record(.team, "a", ["sleutel": .text("T1")]))
        #expect(m.add(staff("a", "ST5", email: "i.degraaf@cardea.example", fte: 0.5, team: "T1")).0 == .loaded)
        #expect(m.add(staff("b", "J01", email: "I.deGraaf@cardea.example", fte: 0.4, team: "X")).0 == .merged)
        let (tables, _) = m.tables()
        let t = tables.first { $0.name == "medewerker" }!
        #expect(try t.rows.count == 1)
        #expect(try t.rows[0][t.columns.firstIndex(of: "fte")!] == .real(0.9))
        let inzet = tables.first { $0.name == "medewerker_inzet" }!
        #expect(inzet.count == 2)
        #expect(try inzet.rows == [[.text("a/ST5"), .text("wt-1"), .real(0.5), .text("a")], [.text("a/ST5"), .text("wt-2"), .real(0.4), .text("b")]])
        #expect(m.staffKeptApart.isEmpty && m.staffOverLimit.isEmpty)
        // A third appointment, in the same source, takes the person over 1.0 FTE: still one
        // person, noted for the conflict stage.
        #expect(m.add(staff("b", "J02", email: "i.degraaf@cardea.example", fte: 0.3, team: "X")).0 == .merged)
        #expect(m.staffOverLimit["i.degraaf@cardea.example"] == "a/ST5")
    }

    /// Two different people behind one e-mail address are kept apart, never merged.
    @Test func twoPeopleWithOneEmailAreKeptApart() throws {
        let m = try Merger(context: context)
        _ = m.add(record(.team, "a", ["sleutel": .text("T1")]))
        #expect(m.add(staff("a", "1", email: "team@x.example", fte: 0.5, team: "T1", name: "Graaf")).0 == .loaded)
        #expect(m.add(staff("b", "2", email: "team@x.example", fte: 0.2, team: "X", name: "Visser")).0 == .loaded)
        #expect(m.staffKeptApart["team@x.example"] == ["a/1", "b/2"])
    }

    @Test func takingRowsOutTakesTheirDependentsOnceInOrder() throws {
        let m = try Merger(context: context)
        _ = m.add(household("a", "h1", "9601AB", 1))
        _ = m.add(household("a", "h2", "9601AB", 2))
        _ = m.add(client("a", "123456782", "Bakker", household: "h1"))
        _ = m.add(client("a", "111222333", "Smit", household: "h1"))
        _ = m.add(client("a", "012345672", "Jansen", household: "h2"))
        _ = m.add(record(.plan, "a", ["sleutel": .text("p1"), "huishouden": .text("h1")]))
        let removed = m.exclude([(.huishouden, "9601AB-1"), (.client, "123456782"), (.client, "012345672")])
        #expect(removed.count == 3)
        // The household, then its clients (by key), then its plan; a client already gone gives nothing.
        #expect(removed[0].map { "\($0.entity.rawValue) \($0.key) \($0.madeTheRow)" } == [
            "huishouden 9601AB-1 true", "client 111222333 true", "client 123456782 true", "plan a/p1 true"])
        #expect(removed[1].isEmpty)
        #expect(removed[2].map(\.key) == ["012345672"])
        let (tables, herkomst) = m.tables()
        #expect(try tables.first { $0.name == "huishouden" }!.rows.map { $0[0] } == [.text("9601AB-2")])
        #expect(tables.first { $0.name == "client" }!.count == 0)
        #expect(tables.first { $0.name == "plan" }!.count == 0)
        #expect(try herkomst.count == 1 && herkomst.rows.count == 1)
    }

    @Test func rowsComeBackWholeFromTheWorkingFileBeyondItsWriteBuffer() throws {
        let m = try Merger(context: context)
        _ = m.add(household("a", "h1", "9601AB", 1))
        // Enough rows to push the first ones out of the write buffer onto the disk.
        let long = String(repeating: "é", count: 200)
        var bsns: [String] = []
        var n = 100_000_000
        while bsns.count < 6_000 {
            n += 1
            let digits = String(n).leftPadded(9)
            if let bsn = BSN(digits), bsn.passesElfproef { bsns.append(digits) }
        }
        for bsn in bsns { #expect(m.add(client("a", bsn, long, household: "h1")).0 == .loaded) }
        // A later source merges into the first rows, which are read back from disk.
        #expect(m.add(client("b", bsns[0], "Ander", household: nil, born: "1950-01-02")).0 == .merged)
        #expect(m.failure == nil)
        let (tables, herkomst) = m.tables()
        let clients = try tables.first { $0.name == "client" }!.allRows()
        #expect(clients.count == bsns.count)
        let c = tables.first { $0.name == "client" }!.columns
        let first = clients.first { $0[0] == .text(bsns[0]) }!
        #expect(first[c.firstIndex(of: "achternaam")!] == .text(long))
        #expect(first[c.firstIndex(of: "geboortedatum")!] == .text("1950-01-02"))
        #expect(try herkomst.allRows().count == herkomst.count)
        #expect(herkomst.count == 1 + bsns.count + 1)
    }

    @Test func theWorkingFileLeavesNothingBehindEvenWhileInUse() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let m = try Merger(context: context, workFolder: folder.path)
        #expect(m.add(household("a", "h1", "9601AB", 1)).0 == .loaded)
        // Unlinked as soon as it is opened: a killed run cannot leave personal data in TMPDIR.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(m.exists(.huishouden, key: "9601AB-1"))
    }

    @Test func aWorkFolderThatCannotBeUsedIsOneClearError() {
        #expect {
            _ = try Merger(context: context, workFolder: "/nonexistent/wijkmigratie")
        } throws: { error in
            "\(error)".contains("/nonexistent/wijkmigratie") && "\(error)".contains("TMPDIR")
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
