import Foundation
import Testing
import TestSupport
import WijkMapping
import WijkModel
@testable import WijkPipeline

/// Bad input never crashes a run: empty, truncated, garbled and random files give findings, and
/// the sums still add up.
@Suite(.serialized)
struct HostileInputTests {
    func runDemo(_ change: (URL) throws -> Void) async throws -> RunResult {
        let dir = TempDir("hostile")
        let demo = try copyFixture("midden-groningen", to: dir)
        try change(demo)
        let options = Pipeline.Options(load: true, store: "sqlite:\(dir.path)/s.sqlite", report: dir.path + "/r", allowOpen: true)
        return try await Pipeline.prepare(migrationFile: demo.appendingPathComponent("migratie.yml").path, options: options).run()
    }

    func header(_ file: URL) throws -> Data {
        let data = try Data(contentsOf: file)
        let end = data.firstIndex(of: 0x0A).map { $0 + 1 } ?? data.endIndex
        return data[..<end]
    }

    @Test func aFileWithOnlyItsHeaderReadsNothing() async throws {
        let result = try await runDemo { demo in
            let file = demo.appendingPathComponent("menterwolde/indicaties.csv")
            try header(file).write(to: file)
        }
        #expect(result.summary.accountingHolds)
        #expect(result.summary.sources[1].entities["voorziening"] == Counts())
    }

    @Test func aTruncatedFileEndsInAnUnterminatedQuoteFinding() async throws {
        let result = try await runDemo { demo in
            let file = demo.appendingPathComponent("hoogezand-sappemeer/hulpvragen.csv")
            var data = try Data(contentsOf: file)
            // Cut inside the quoted, multi-line note of the record on line 4.
            let note = data.firstRange(of: Data("\"Zo".utf8))!
            data = data[..<(note.lowerBound + 8)]
            try data.write(to: file)
        }
        #expect(result.summary.accountingHolds)
        #expect(result.rejections.map(\.finding.rule.rawValue).contains("csv_unterminated_quote"))
        let finding = result.rejections.first { $0.finding.rule.rawValue == "csv_unterminated_quote" }!.finding
        #expect(finding.provenance.bestand == "hoogezand-sappemeer/hulpvragen.csv")
        #expect(finding.provenance.locatie == .line(4))
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func randomBytesAfterTheHeaderNeverCrash(seed: UInt64) async throws {
        var generator = SplitMix(seed: seed)
        let result = try await runDemo { demo in
            for name in ["hoogezand-sappemeer/clienten.csv", "menterwolde/personen.csv", "menterwolde/indicaties.csv"] {
                let file = demo.appendingPathComponent(name)
                var data = try header(file)
                // Random bytes, biased towards the characters that matter to a CSV reader.
                let alphabet: [UInt8] = Array(";,\"\r\n0123456789-abcAB ".utf8) + [0x00, 0xEB, 0x80, 0xFF, 0xC3]
                for _ in 0..<4000 { data.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
                try data.write(to: file)
            }
        }
        #expect(result.summary.accountingHolds)
        #expect(try result.table("afwijzing")!.rows.count == result.summary.total.rejected)
    }

    @Test func anEmptyFileIsAConfigurationErrorBeforeAnyDataIsRead() throws {
        let dir = TempDir("hostile")
        let demo = try copyFixture("midden-groningen", to: dir)
        try Data().write(to: demo.appendingPathComponent("menterwolde/teams.csv"))
        do {
            _ = try Pipeline.prepare(migrationFile: demo.appendingPathComponent("migratie.yml").path, options: .init(load: false))
            Issue.record("expected a configuration error")
        } catch let errors as ConfigErrors {
            #expect(errors.errors.count == 1)
            #expect(errors.errors.first?.message.hasSuffix("menterwolde/teams.csv is empty: it has no header row") == true)
            #expect(errors.errors.first?.file.hasSuffix("mappings/menterwolde.yml") == true)
        }
    }
}

/// A small deterministic generator for test data.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
