import Foundation
import GRDB
import Testing
import TestSupport
import WijkMapping
import WijkModel
@testable import WijkPipeline

/// Per-source rule settings and reject thresholds in the migration file, on the demo.
@Suite(.serialized)
struct RuleSettingsTests {
    /// Runs the demo with extra lines added to one source's entry in the migration file.
    func run(hoogezand extra: String, load: Bool = false) async throws -> (RunResult, TempDir) {
        let dir = TempDir("rules")
        let demo = try copyFixture("midden-groningen", to: dir)
        let file = demo.appendingPathComponent("migratie.yml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "    folder: hoogezand-sappemeer\n", with: "    folder: hoogezand-sappemeer\n" + extra)
        try text.write(to: file, atomically: true, encoding: .utf8)
        let options = Pipeline.Options(load: load, store: "sqlite:\(dir.path)/s.sqlite", report: dir.path + "/r",
                                       allowOpen: true)
        return (try await Pipeline.prepare(migrationFile: file.path, options: options).run(), dir)
    }

    func configErrors(hoogezand extra: String) async -> [ConfigError] {
        do {
            _ = try await run(hoogezand: extra)
            return []
        } catch let e as ConfigErrors {
            return e.errors
        } catch {
            return []
        }
    }

    func rules(_ result: RunResult, bron: String = "hoogezand-sappemeer") -> [String: [Severity]] {
        Dictionary(grouping: result.findings.filter { $0.provenance.bron == bron }, by: \.rule.rawValue).mapValues { $0.map(\.severity) }
    }

    @Test func theDefaultsRejectAnElfproefFailureAndWarnOnAMalformedEmail() async throws {
        let (result, _) = try await run(hoogezand: "")
        #expect(rules(result)["bsn_elfproef"] == [.error])
        #expect(rules(result)["email_format"] == [.warning])
        let rejected = result.rejections.first { $0.finding.rule.rawValue == "bsn_elfproef" }
        #expect(rejected?.finding.provenance.bestand == "hoogezand-sappemeer/clienten.csv")
        #expect(rejected?.finding.provenance.locatie == .line(672))
        #expect(rejected?.finding.veld == "bsn")
    }

    @Test func aRuleSwitchedOffOrMadeAWarningForOneSource() async throws {
        let (result, _) = try await run(hoogezand: "    rules: { bsn_elfproef: warning, email_format: off, agb_format: warning }\n")
        #expect(rules(result)["bsn_elfproef"] == [.warning])
        #expect(rules(result)["email_format"] == nil)
        #expect(rules(result)["agb_format"] == [.warning])
        // Only for that source: Slochteren's elfproef failure is still an error.
        #expect(rules(result, bron: "slochteren")["bsn_elfproef"] == [.error])
        #expect(result.summary.sources[0].entities["client"]?.rejected == 5)   // 6 by default (2 kept out by open conflicts)
    }

    @Test func aFormatRuleSetToWarningLoadsTheValueEmpty() async throws {
        let (result, _) = try await run(hoogezand: "    rules: { date_exists: warning }\n")
        let f = result.findings.first { $0.rule.rawValue == "date_exists" && $0.provenance.bron == "hoogezand-sappemeer" }
        #expect(f?.severity == .warning)
        #expect(f?.provenance.locatie == .line(6))
        #expect(result.summary.sources[0].entities["client"]?.rejected == 5)
    }

    @Test func settingsThatCannotBeAreConfigurationErrors() async {
        let e1 = await configErrors(hoogezand: "    rules: { bsn_elfprof: off }\n")
        #expect(e1.first?.message == "unknown rule 'bsn_elfprof'")
        #expect(e1.first?.hint == "did you mean 'bsn_elfproef'?")
        #expect(e1.first?.file.hasSuffix("migratie.yml") == true)
        let e2 = await configErrors(hoogezand: "    rules: { date_exists: off }\n")
        #expect(e2.first?.message.hasPrefix("rule 'date_exists' cannot be switched off") == true)
        let e3 = await configErrors(hoogezand: "    rules: { reference_client: warning }\n")
        #expect(e3.first?.message == "rule 'reference_client' cannot be changed")
        let e4 = await configErrors(hoogezand: "    rules: { email_format: loud }\n")
        #expect(e4.first?.message == "a rule is set to error, warning or off")
        let e5 = await configErrors(hoogezand: "    max_rejects: lots\n")
        #expect(e5.first?.message.hasPrefix("max_rejects is a number of records") == true)
    }

    @Test func aSourceOverItsRejectThresholdBlocksTheLoad() async throws {
        // Hoogezand-Sappemeer has 11 rejects that count (13, less 2 by its row filter) of 2652 read.
        let (result, dir) = try await run(hoogezand: "    max_rejects: 10\n", load: true)
        #expect(result.exitStatus == 1)
        #expect(result.summary.blocked == ["source hoogezand-sappemeer has 11 rejected records of 2652 read, more than its max_rejects 10"])
        #expect(result.runID == nil)
        let db = try DatabaseQueue(path: dir.path + "/s.sqlite")
        #expect(try await db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM migratierun") } == 0)
        let summary = try String(contentsOf: URL(fileURLWithPath: dir.path + "/r/summary.json"), encoding: .utf8)
        #expect(summary.contains("more than its max_rejects 10"))
    }

    @Test func aThresholdThatHoldsLetsTheLoadGoOn() async throws {
        let (count, _) = try await run(hoogezand: "    max_rejects: 11\n", load: true)
        #expect(count.exitStatus == 0)
        #expect(count.runID == 1)
        let (percent, _) = try await run(hoogezand: "    max_rejects: 0.5%\n")
        #expect(percent.exitStatus == 0)   // 11 of 2652 is 0.41 %
        let (tight, _) = try await run(hoogezand: "    max_rejects: 0.4%\n")
        #expect(tight.exitStatus == 1)
    }
}
