import Foundation
import Testing
import TestSupport

/// The scenario generator: deterministic for a seed, and what it writes runs through a migration
/// with every record accounted for.
struct GeneratorTests {
    /// Runs the generator from a folder that is not the repository (it finds the mappings itself).
    func generate(_ dir: String, clients: Int, seed: Int) throws -> CLIResult {
        try runProgram(productsDirectory().appendingPathComponent("wijkmigratie-fixtures").path,
                       ["--clients", "\(clients)", "--out", dir, "--seed", "\(seed)"], in: URL(fileURLWithPath: NSTemporaryDirectory()))
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
        let wrote = try generate(dir.path + "/one", clients: 1500, seed: 7)
        #expect(wrote.status == 0, "\(wrote.stderr)")
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
        // The generator says how many clients and households each source got: the run read exactly those.
        let numbers = wrote.stdout.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.suffix(6)
        let (clients, households) = (Array(numbers.prefix(3)), Array(numbers.suffix(3)))
        #expect(clients.reduce(0, +) >= 1500 && households.allSatisfy { $0 > 0 }, "\(wrote.stdout)")
        let sources = summary["sources"] as! [[String: Any]]
        func read(_ bron: String, _ entity: String) -> Int? {
            let source = sources.first { $0["bron"] as? String == bron }
            return ((source?["entities"] as? [String: Any])?[entity] as? [String: Int])?["read"]
        }
        #expect([read("bron-a", "client"), read("bron-b", "client"), read("bron-c", "client")] == clients.map(Optional.some))
        // A's households are its client rows; B and C write each household once.
        #expect([read("bron-a", "huishouden"), read("bron-b", "huishouden"), read("bron-c", "huishouden")]
                == [clients[0], households[1], households[2]].map(Optional.some))
        let total = summary["total"] as! [String: Int]
        #expect(total["read"]! == total["loaded"]! + total["merged"]! + total["rejected"]!)
        #expect(total["merged"]! > 0)        // the households two sources know
    }
}
