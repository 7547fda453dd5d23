import Foundation
import Testing
import TestSupport

/// A scenario of `clients` generated clients in `dir/scenario`, and beside it a SQLite store
/// (`dir/store.sqlite`) that already holds the demo migration, with its dump: the state a test
/// then proves a failed or killed run leaves unchanged.
func generatedScenarioBesideADemoStore(clients: Int, in dir: TempDir) throws -> (scenario: URL, store: String, before: String) {
    let generator = try runProgram(productsDirectory().appendingPathComponent("wijkmigratie-fixtures").path,
                                   ["--clients", String(clients), "--out", dir.path + "/scenario", "--mappings", repositoryRoot().path + "/mappings"])
    #expect(generator.status == 0, "\(generator.stderr)")
    // The same migration's name, so that the store takes its load (a store holds one migration).
    let migration = dir.path + "/scenario/migratie.yml"
    let text = try String(contentsOfFile: migration, encoding: .utf8)
    try text.replacingOccurrences(of: "migratie: generated", with: "migratie: midden-groningen").write(toFile: migration, atomically: true, encoding: .utf8)
    let path = dir.path + "/store.sqlite"
    let demo = try copyFixture("midden-groningen", to: dir)
    let first = try runCLI(["migrate", "migratie.yml", "--allow-open", "--store", "sqlite:\(path)"], in: demo)
    #expect(first.status == 0, "\(first.stderr)")
    let before = try sqliteDump(path)
    #expect(before.contains("INSERT INTO migratierun VALUES(1,'midden-groningen'"))
    return (URL(fileURLWithPath: dir.path + "/scenario"), path, before)
}
