import Foundation
import Testing
import TestSupport
import WijkModel
@testable import WijkPipeline

/// A record whose client was rejected is told so — which client record, which rule — and not
/// called an orphan; a BSN no source has is still an orphan (the negative control). Found in the
/// benchmark's generated scenario, where the care records of clients born after the peildatum
/// were reported as orphans.
struct RejectedParentTests {
    @Test func careOfAClientRejectedByARuleNamesTheRejection() async throws {
        let dir = TempDir("rejected-parent")
        dir.write("migratie.yml", """
            migratie: test
            gemeente: { code: GM1952, naam: Midden-Groningen, datum: 2018-01-01 }
            wijken:
              - { code: WK195201, naam: Hoogezand }
            wijkteams:
              - { id: wt-hoogezand, naam: Wijkteam Hoogezand, wijken: [WK195201] }
            bronnen:
              - bron: hs
                gemeente: { code: GM0018, naam: Hoogezand-Sappemeer }
                mapping: mapping.yml
                folder: data
            store: sqlite:out/s.sqlite
            report: out/report
            """)
        dir.write("mapping.yml", """
            csv: { delimiter: ";" }
            entities:
              client:
                file: clienten.csv
                fields:
                  sleutel: nr
                  bsn: bsn
                  achternaam: naam
                  geboortedatum: { column: geb, date: dd-MM-yyyy }
              hulpvraag:
                file: hulpvragen.csv
                fields:
                  sleutel: nr
                  bsn: bsn
            """)
        // 123456782 is born after the peildatum (birth_date_range); 111222333 is in no source.
        dir.write("data/clienten.csv", "nr;bsn;naam;geb\nC1;123456782;Bakker;14-12-2019\nC2;111222333x;Smit;01-01-1950\n")
        dir.write("data/hulpvragen.csv", "nr;bsn\nH1;123456782\nH2;999999990\n")
        let result = try await Pipeline.prepare(migrationFile: dir.path + "/migratie.yml", options: .init(load: false)).run()
        let byKey = Dictionary(uniqueKeysWithValues: result.rejections.map { ("\($0.finding.provenance.bestand) \($0.finding.provenance.locatie.stored)", $0.finding) })
        let client = try #require(byKey["data/clienten.csv 2"])
        #expect(client.rule == .birthDateRange)
        let care = try #require(byKey["data/hulpvragen.csv 2"])
        #expect(care.rule == .referenceRejected, "\(care.rule)")
        #expect(care.melding == "the client with this BSN was rejected: data/clienten.csv line 2 (birth_date_range)", "\(care.melding)")
        let orphan = try #require(byKey["data/hulpvragen.csv 3"])
        #expect(orphan.rule == .referenceClient)
    }
}
