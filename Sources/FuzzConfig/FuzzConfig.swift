// libFuzzer target for the mapping and migration file loader: any mapping file text is loaded
// (errors are fine) and, when it loads, a few records are mapped with it — never a crash or a
// trap in the mapper (split parts, positions, value maps, patterns). Built and run by
// scripts/fuzz; a plain build makes a stub.
import Foundation
import FuzzSupport
import WijkMapping
import WijkModel

#if FUZZING
private enum Fixture {
    static let dir = NSTemporaryDirectory() + "wm-fuzz-config-\(getpid())"
    static let migration = """
        migratie: fuzz
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
            teams: { HS-N: wt-hoogezand }
        """
    static let rows = [["C1", "123456782", "Bakker", "01-02-1950", "M", "12a-2"], ["C2", "", "", "31-02-1950", "X", ""],
                       ["C3", "12345678", "Ä", "1950", "V", "7 bis"], []]
    static let ready: Bool = {
        try? FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
        try? migration.write(toFile: dir + "/migratie.yml", atomically: true, encoding: .utf8)
        let csv = "Clientnr;BSN;Achternaam;Geb.datum;Geslacht;Huisnr\r\n" + rows.dropLast().map { $0.joined(separator: ";") + "\r\n" }.joined()
        try? csv.write(toFile: dir + "/data/clienten.csv", atomically: true, encoding: .utf8)
        try? "label;code\nM;1\n".write(toFile: dir + "/g.csv", atomically: true, encoding: .utf8)
        return true
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ input: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data = input else { return 0 }
    _ = Fixture.ready
    FileManager.default.createFile(atPath: Fixture.dir + "/mapping.yml", contents: Data(bytes: data, count: size))
    guard let plan = try? MigrationFile.load(path: Fixture.dir + "/migratie.yml") else { return 0 }
    for source in plan.sources {
        for entity in source.entities {
            for (n, row) in Fixture.rows.enumerated() {
                _ = entity.map(fields: row, location: .line(n + 2), raw: RawText(row.joined(separator: ";")))
            }
        }
    }
    return 0
}
// SwiftPM links an executable with main = FuzzConfig_main: that is the driver here.
@_cdecl("FuzzConfig_main")
func fuzzConfigMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    FuzzDriver.run { fuzzConfig($0, $1) }
}
#else
@main
enum FuzzConfigStub {
    static func main() { print("a libFuzzer target: run scripts/fuzz config") }
}
#endif
