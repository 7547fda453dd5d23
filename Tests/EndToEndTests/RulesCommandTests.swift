import Foundation
import Testing
import TestSupport

struct RulesCommandTests {
    @Test func rulesListsTheCatalogueOneRuleALine() throws {
        let result = try runCLI(["rules"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count >= 15)
        for line in lines {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            #expect(parts.count >= 3)
            #expect(parts[0].allSatisfy { $0.isLowercase || $0 == "_" }, "\(line)")
            #expect(["error", "warning"].contains(String(parts[1])), "\(line)")
        }
        #expect(lines.first?.hasPrefix("required_field") == true)
        #expect(lines.contains { $0.hasPrefix("bsn_elfproef ") && $0.hasSuffix("A BSN passes the 11-proef") })
    }

    @Test func theReadmeRuleTableIsTheCatalogue() throws {
        let markdown = try runCLI(["rules", "--markdown"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let readme = try String(contentsOf: repositoryRoot().appendingPathComponent("README.md"), encoding: .utf8)
        let begin = "<!-- rules:begin (generated: wijkmigratie rules --markdown) -->\n"
        let end = "\n<!-- rules:end -->"
        guard let start = readme.range(of: begin), let stop = readme.range(of: end) else {
            Issue.record("README.md has no generated rule table")
            return
        }
        #expect(String(readme[start.upperBound..<stop.lowerBound]) == markdown,
                "regenerate it: wijkmigratie rules --markdown")
    }

    @Test func aBlockedMigrateExitsOneAndSaysWhy() throws {
        let dir = TempDir("e2e")
        let demo = try copyFixture("midden-groningen", to: dir)
        let file = demo.appendingPathComponent("migratie.yml")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "    folder: menterwolde\n", with: "    folder: menterwolde\n    max_rejects: 1%\n")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try runCLI(["migrate", "migratie.yml", "--allow-open"], in: demo)
        #expect(result.status == 1)
        #expect(result.stderr.contains("blocked: source menterwolde has 23 rejected records of 1807 read, more than its max_rejects 1%"))
        #expect(result.stderr.contains("nothing was loaded"))
        #expect(result.stdout.contains("store: not loaded (blocked)"))
    }
}
