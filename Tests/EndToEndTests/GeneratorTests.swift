import Foundation
import Testing
import TestSupport

/// The scenario generator: deterministic for a seed, and what it writes runs through a migration
/// with every record accounted for.
struct GeneratorTests {
    func generate(_ dir: String, clients: Int, seed: Int) throws -> CLIResult {
        try runProgram(productsDirectory().appendingPathComponent("wijkmigratie-fixtures").path,
                ["--clients", "\(clients)", "--out", dir, "--seed", "\(seed)", "--mappings", repositoryRoot().appendingPathComponent("mappings").path])
    }

    func files(_ dir: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let base = URL(fileURLWithPath: dir)
        for case let path as String in FileManager.default.enumerator(atPath: dir)! {
            var isDir: ObjCBool = false
            let url = base.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
                result[path] = try Data(contentsOf: url)
            }
        }
        return result
    }

    @Test func theSameSeedGivesTheSameBytesAndTheScenarioRuns() throws {
        let dir = TempDir("gen")
        #expect(try generate(dir.path + "/one", clients: 1500, seed: 7).status == 0)
        #expect(try generate(dir.path + "/two", clients: 1500, seed: 7).status == 0)
        #expect(try generate(dir.path + "/other", clients: 1500, seed: 8).status == 0)
        let one = try files(dir.path + "/one")
        #expect(one.keys.sorted() == ["bron-a/clienten.csv", "bron-a/hulpvragen.csv", "bron-a/medewerkers.csv", "bron-a/plannen.csv",
                                      "bron-a/teams.csv", "bron-a/voorzieningen.csv", "bron-b/huishoudens.csv", "bron-b/hulpvragen.csv",
                                      "bron-b/indicaties.csv", "bron-b/medewerkers.csv", "bron-b/personen.csv", "bron-b/plannen.csv",
                                      "bron-b/teams.csv", "bron-c/export.xml", "mappings/hoogezand-sappemeer-producten.csv",
                                      "mappings/hoogezand-sappemeer.yml", "mappings/menterwolde-soorten.csv", "mappings/menterwolde.yml",
                                      "mappings/slochteren.yml", "migratie.yml", "referentie/postcode-wijk.csv"])
        #expect(one == (try files(dir.path + "/two")))
        #expect(one["bron-a/clienten.csv"] != (try files(dir.path + "/other"))["bron-a/clienten.csv"])

        let result = try runCLI(["check", "migratie.yml"], in: URL(fileURLWithPath: dir.path + "/one"))
        #expect(result.status == 1, "open conflicts are expected: overlapping households bring some")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path + "/one/out/report/summary.json"))) as! [String: Any]
        #expect(summary["accounting_holds"] as? Bool == true)
        let total = summary["total"] as! [String: Int]
        #expect(total["read"]! > 1500 * 3)   // clients, households, hulpvragen, voorzieningen, …
        #expect(total["merged"]! > 0)        // the households two sources know
    }
}
