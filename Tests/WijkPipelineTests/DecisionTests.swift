import Foundation
import GRDB
import Testing
import TestSupport
import WijkMapping
import WijkModel
@testable import WijkPipeline

/// Steward decisions on the demo's conflicts: applied on every run, stale ones reported, and a
/// decision file with a mistake refused with file:line:column.
@Suite(.serialized)
struct DecisionTests {
    /// Runs the demo with another besluiten.yml.
    func run(besluiten: String, load: Bool = false, allowOpen: Bool = true) async throws -> (RunResult, TempDir) {
        let dir = TempDir("besluiten")
        let demo = try copyFixture("midden-groningen", to: dir)
        try besluiten.write(to: demo.appendingPathComponent("besluiten.yml"), atomically: true, encoding: .utf8)
        let options = Pipeline.Options(load: load, store: "sqlite:\(dir.path)/s.sqlite", report: dir.path + "/r",
                                       allowOpen: allowOpen)
        return (try await Pipeline.prepare(migrationFile: demo.appendingPathComponent("migratie.yml").path, options: options).run(), dir)
    }

    func errors(_ besluiten: String) async -> [ConfigError] {
        do {
            _ = try await run(besluiten: besluiten)
            return []
        } catch let e as ConfigErrors {
            return e.errors
        } catch {
            return [ConfigError(file: "?", line: 0, column: 0, message: "\(error)")]
        }
    }

    @Test func theDemoDecisionsAreAppliedAndRecorded() async throws {
        let demo = repositoryRoot().appendingPathComponent("fixtures/midden-groningen/besluiten.yml")
        let (result, dir) = try await run(besluiten: try String(contentsOf: demo, encoding: .utf8), load: true)
        #expect(result.summary.decided.count == 9)
        #expect(result.summary.openConflicts == 5)
        #expect(result.summary.stale.isEmpty)
        let db = try DatabaseQueue(path: dir.path + "/s.sqlite")
        let besluit = try await db.read { try String.fetchOne($0, sql: "SELECT besluit FROM conflict WHERE id = 'Kc009a07e3880'") }
        #expect(besluit == "kies hoogezand-sappemeer — wie: A. Wierenga, gegevensbeheer; waarom: Verhuisd naar Sappemeer vóór de herindeling; BRP bevestigt het adres.")
        // kies hoogezand-sappemeer on a client.adres: the client lives at Hoogezand-Sappemeer's address.
        let home = try await db.read { try String.fetchOne($0, sql: "SELECT huishouden FROM client WHERE bsn = '018107473'") }
        #expect(home == "9611BS-116-B")
        // wijs_af: the Menterwolde indicatie is not loaded, and is a reject with the decision as reason.
        #expect(try await db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM voorziening WHERE id = 'menterwolde/I00521'") } == 0)
        let reason = try await db.read { try String.fetchOne($0, sql: "SELECT melding FROM afwijzing WHERE regel = 'besluit' AND locatie = '522'") }
        #expect(reason?.hasPrefix("rejected by the decision on K02b2c274c377") == true)
        // Open conflicts were kept out: the household in no wijk is not loaded.
        #expect(try await db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM huishouden WHERE id = '9700AA-3'") } == 0)
        #expect(result.summary.accountingHolds)
    }

    @Test func aDecisionsFileWithOnlyCommentsMeansNoDecisionsYet() async throws {
        for text in ["", "# Nothing decided yet.\n"] {
            let (result, _) = try await run(besluiten: text)
            #expect(result.summary.decided.isEmpty)
            #expect(result.summary.openConflicts == 14)
        }
    }

    @Test func aDecisionForAConflictThatIsGoneIsStale() async throws {
        let (result, _) = try await run(besluiten: """
            K000000000000:
              beide: true
              wie: X
              waarom: Y
            """)
        #expect(result.summary.stale == ["K000000000000"])
        #expect(result.summary.decided.isEmpty)
    }

    @Test func withoutAllowOpenOpenConflictsBlock() async throws {
        let (result, dir) = try await run(besluiten: "{}\n", load: true, allowOpen: false)
        #expect(result.exitStatus == 1)
        #expect(result.runID == nil)
        #expect(result.summary.openConflicts == 14)
        let db = try DatabaseQueue(path: dir.path + "/s.sqlite")
        #expect(try await db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM migratierun") } == 0)
    }

    @Test func aMalformedDecisionFileIsRefusedWithFileLineColumn() async {
        let noWho = await errors("""
            Kc009a07e3880:
              kies: hoogezand-sappemeer
              waarom: verhuisd
            """)
        #expect(noWho.first?.message == "the decision on Kc009a07e3880 needs 'wie'")
        #expect(noWho.first?.file.hasSuffix("besluiten.yml") == true)
        #expect(noWho.first?.line == 2)
        let badSource = await errors("""
            Kc009a07e3880:
              kies: hoogezand
              wie: X
              waarom: Y
            """)
        #expect(badSource.first?.message == "'hoogezand' is not a source of the migration, nor a record of one")
        #expect((badSource.first?.line, badSource.first?.column) == (2, 9))
        let twoActions = await errors("""
            Kc009a07e3880:
              kies: hoogezand-sappemeer
              beide: true
              wie: X
              waarom: Y
            """)
        #expect(twoActions.first?.message == "the decision on Kc009a07e3880 needs exactly one of kies, zet, beide, wijs_af or zonder_wijk")
        let notAnID = await errors("""
            client-12:
              beide: true
              wie: X
              waarom: Y
            """)
        #expect(notAnID.first?.message == "'client-12' is not a conflict id")
        let duplicate = await errors("""
            Kc009a07e3880:
              beide: true
              wie: X
              waarom: Y
            Kc009a07e3880:
              beide: true
              wie: X
              waarom: Y
            """)
        #expect(duplicate.first?.message == "duplicate key 'Kc009a07e3880' in one mapping")
    }

    /// Every decision that does not fit its conflict is listed at once, in file order, once each,
    /// at the action's value, with the choices the kind allows — and nothing is loaded.
    @Test func decisionsThatDoNotFitTheirConflictsAreAllListedInFileOrder() async throws {
        do {
            _ = try await run(besluiten: """
                K1f8c91a7acaa:
                  zet: { wijk: WK199901 }
                  wie: X
                  waarom: Y
                Kc009a07e3880:
                  beide: ja
                  wie: X
                  waarom: Y
                """)
            Issue.record("the run went on")
        } catch let error as RunError {
            let lines = error.description.split(separator: "\n").map { $0.replacingOccurrences(of: #"^.*/fixtures/"#, with: "", options: .regularExpression) }
            #expect(lines == [
                "midden-groningen/besluiten.yml:2:8: the decision on K1f8c91a7acaa (wijk.onbekend): 'WK199901' is not a wijk of the migration file (it has WK195201, WK195202, WK195203, WK195204, WK195205, WK195206, WK195207, WK195208); or load it without wijk (zonder_wijk: ja), or reject it (wijs_af)",
                "midden-groningen/besluiten.yml:6:10: the decision on Kc009a07e3880 (client.adres): this decision does not fit a client.adres conflict; it allows: kies: \"hoogezand-sappemeer\"; kies: \"menterwolde\"",
                "2 decision(s) in the besluiten file do not fit their conflicts",
            ])
        }
    }

    /// A household in no wijk: an empty or null wijk is refused with the choices; zonder_wijk
    /// loads it without wijk and wijkteam, on purpose (yes/no words as in mappings).
    @Test func aHouseholdInNoWijkCanBeLoadedWithoutOne() async throws {
        for empty in ["\"\"", "null", "~"] {
            let mistakes = await errors("K1f8c91a7acaa:\n  zet: { wijk: \(empty) }\n  wie: X\n  waarom: Y\n")
            #expect(mistakes.map(\.message) == ["'wijk' is set to nothing"], "\(empty)")
            #expect(mistakes.first?.hint?.contains("zonder_wijk: ja") == true)
        }
        let (result, dir) = try await run(besluiten: """
            K1f8c91a7acaa:
              zonder_wijk: J
              wie: X
              waarom: Verhuisd naar Groningen; het dossier blijft bewaard (test)
            """, load: true)
        #expect(result.summary.decided == ["K1f8c91a7acaa"])
        let db = try DatabaseQueue(path: dir.path + "/s.sqlite")
        let row = try db.read { try Row.fetchOne($0, sql: "SELECT wijk, wijkteam FROM huishouden WHERE id = '9700AA-3'") }
        #expect(row != nil)
        #expect(row?["wijk"] as String? == nil && row?["wijkteam"] as String? == nil)
        let besluit = try await db.read { try String.fetchOne($0, sql: "SELECT besluit FROM conflict WHERE id = 'K1f8c91a7acaa'") }
        #expect(besluit?.hasPrefix("zonder wijk — wie: X") == true)
    }

    @Test func zetWijkPlacesTheHousehold() async throws {
        let (result, dir) = try await run(besluiten: """
            K1f8c91a7acaa:
              zet: { wijk: WK195201 }
              wie: X
              waarom: Adres ligt in Hoogezand volgens de steward (test)
            """, load: true)
        #expect(result.summary.decided == ["K1f8c91a7acaa"])
        let db = try DatabaseQueue(path: dir.path + "/s.sqlite")
        let row = try db.read { try Row.fetchOne($0, sql: "SELECT wijk, wijkteam FROM huishouden WHERE id = '9700AA-3'") }
        #expect(row?["wijk"] == "WK195201")
        #expect(row?["wijkteam"] == "wt-hoogezand")
    }
}
