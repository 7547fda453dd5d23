import ArgumentParser
import Foundation

/// `wijkmigratie-fixtures --clients N --out DIR [--seed S]`: a complete, deterministic scenario of
/// any size in the demo's three shapes — three sources (two CSV dialects, one XML), the new
/// organisation, the mapping files and a migratie.yml — with a few percent of households known to
/// two sources and planted defects at a fixed rate. Synthetic people only.
@main
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "wijkmigratie-fixtures",
                                                    abstract: "Write a generated migration scenario of any size.")

    @Option(help: "How many clients, over the three sources together.") var clients: Int
    @Option(help: "The folder to write (created).") var out: String
    @Option(help: "The seed: the same seed gives the same bytes.") var seed: UInt64 = 1952
    @Option(help: "The folder with the shipped mapping files to copy (default: ./mappings if there, else the mappings/ of the repository this program was built from).")
    var mappings: String?
    @Option(help: "Share of households also known to another source.") var overlap: Double = 0.03
    @Option(help: "Rate of planted defects (dates that do not exist, orphan voorzieningen).") var defects: Double = 0.002

    func validate() throws {
        guard clients > 0 else { throw ValidationError("--clients must be at least 1") }
        guard (0...0.5).contains(overlap), (0...0.5).contains(defects) else { throw ValidationError("--overlap and --defects are fractions up to 0.5") }
    }

    static let streets: [[(String, String, String)]] = [
        [("Hoofdstraat", "Hoogezand", "9601"), ("Kerkstraat", "Hoogezand", "9602"), ("Noorderstraat", "Sappemeer", "9611"), ("Meerweg", "Kropswolde", "9606")],
        [("Kerkstraat", "Muntendam", "9649"), ("Hoofdweg", "Zuidbroek", "9636"), ("Brugstraat", "Meeden", "9650")],
        [("Hoofdweg", "Slochteren", "9621"), ("Molenstraat", "Siddeburen", "9628")],
    ]

    func run() throws {
        let fm = FileManager.default
        var rng = SplitMix64(seed: seed)
        var counter = Int(seed % 1000) * 100_000
        let shares = [0.40, 0.35, 0.25]
        var sources: [[Household]] = [[], [], []]
        var index = 0
        for s in 0..<3 {
            let target = Int(Double(clients) * shares[s])
            var count = 0
            while count < max(target, s == 0 ? 1 : 0) {
                var household: Household
                if s > 0, !sources[0].isEmpty, rng.chance(overlap) {
                    household = sources[0][rng.below(sources[0].count)]   // known to source A too: merges
                } else {
                    household = Synthetic.household(&rng, counter: &counter, streets: Self.streets[s], index: index,
                                                    leadingZero: s == 1 ? 0.1 : 0)
                    index += 1
                }
                count += household.members.count
                sources[s].append(household)
            }
        }
        for folder in ["bron-a", "bron-b", "bron-c", "mappings", "referentie"] {
            try fm.createDirectory(atPath: out + "/" + folder, withIntermediateDirectories: true)
        }
        var writer = SourceWriter(rng: rng, defects: defects)
        try writer.writeA(sources[0], to: out + "/bron-a")
        try writer.writeB(sources[1], to: out + "/bron-b")
        try writer.writeC(sources[2], to: out + "/bron-c")
        let mappings = try mappingsFolder()
        for file in ["hoogezand-sappemeer.yml", "menterwolde.yml", "slochteren.yml", "hoogezand-sappemeer-producten.csv", "menterwolde-soorten.csv"] {
            let target = out + "/mappings/" + file
            try? fm.removeItem(atPath: target)
            do { try fm.copyItem(atPath: mappings + "/" + file, toPath: target) } catch {
                throw GeneratorError("cannot copy \(mappings)/\(file): pass --mappings with the repository's mappings/ folder")
            }
        }
        let postcodes = [("9601", "WK195201"), ("9602", "WK195201"), ("9611", "WK195202"), ("9606", "WK195203"), ("9649", "WK195204"),
                         ("9636", "WK195205"), ("9650", "WK195206"), ("9621", "WK195207"), ("9628", "WK195208")]
        try ("postcode;wijk\n" + postcodes.map { "\($0.0);\($0.1)\n" }.joined()).write(toFile: out + "/referentie/postcode-wijk.csv", atomically: true, encoding: .utf8)
        try Self.migration.write(toFile: out + "/migratie.yml", atomically: true, encoding: .utf8)
        let total = sources.map { $0.reduce(0) { $0 + $1.members.count } }
        let households = sources.map(\.count)
        print("wrote \(out): \(total[0]) + \(total[1]) + \(total[2]) clients in \(households[0]) + \(households[1]) + \(households[2]) households")
    }

    /// `--mappings`; else `./mappings`; else the `mappings/` of the repository the program was
    /// built from (found from this source file's place), so that it runs from any folder.
    func mappingsFolder() throws -> String {
        if let mappings { return mappings }
        let fm = FileManager.default
        let candidates = [fm.currentDirectoryPath + "/mappings",
                          URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                              .deletingLastPathComponent().appendingPathComponent("mappings").path]
        guard let found = candidates.first(where: { fm.fileExists(atPath: $0 + "/hoogezand-sappemeer.yml") }) else {
            throw GeneratorError("cannot find the shipped mapping files: pass --mappings with the repository's mappings/ folder")
        }
        return found
    }

    static let migration = """
        # Generated by wijkmigratie-fixtures: synthetic people only.
        migratie: generated
        gemeente: { code: GM1952, naam: Midden-Groningen, datum: 2018-01-01 }
        wijken:
          - { code: WK195201, naam: Hoogezand }
          - { code: WK195202, naam: Sappemeer }
          - { code: WK195203, naam: Kropswolde }
          - { code: WK195204, naam: Muntendam }
          - { code: WK195205, naam: Zuidbroek }
          - { code: WK195206, naam: Meeden }
          - { code: WK195207, naam: Slochteren }
          - { code: WK195208, naam: Siddeburen }
        postcodes: referentie/postcode-wijk.csv
        wijkteams:
          - { id: wt-hoogezand, naam: Wijkteam Hoogezand, wijken: [WK195201, WK195203] }
          - { id: wt-sappemeer, naam: Wijkteam Sappemeer, wijken: [WK195202] }
          - { id: wt-menterwolde, naam: Wijkteam Menterwolde, wijken: [WK195204, WK195205, WK195206] }
          - { id: wt-slochteren, naam: Wijkteam Slochteren, wijken: [WK195207, WK195208] }
        bronnen:
          - bron: bron-a
            gemeente: { code: GM0018, naam: Hoogezand-Sappemeer }
            mapping: mappings/hoogezand-sappemeer.yml
            folder: bron-a
            teams: { HS-NOORD: wt-hoogezand, HS-ZUID: wt-sappemeer, HS-JGT: wt-hoogezand }
          - bron: bron-b
            gemeente: { code: GM1987, naam: Menterwolde }
            mapping: mappings/menterwolde.yml
            folder: bron-b
            teams: { "1": wt-menterwolde, "2": wt-menterwolde }
          - bron: bron-c
            gemeente: { code: GM0040, naam: Slochteren }
            mapping: mappings/slochteren.yml
            folder: bron-c
            teams: { SL-ST: wt-slochteren, SL-CJG: wt-slochteren }
        store: sqlite:out/wijkteam.sqlite
        report: out/report

        """
}
