import ArgumentParser
import Foundation
import WijkExplain
import WijkModel

struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "The whole story of one canonical record: every source record that made or touched it, its findings, conflicts and decisions, and what was loaded.",
        discussion: """
            Reads the store the migration loaded (SQLite or PostgreSQL) and the migration's files;
            never writes. Name the record by BSN, by household key, or by a source's own key:
              wijkmigratie explain migratie.yml --bsn 018107473
              wijkmigratie explain migratie.yml --huishouden 9611BS-116-B
              wijkmigratie explain migratie.yml --bron menterwolde --sleutel P00596
            BSNs are masked, and names and birth dates too, unless --reveal-bsn. Raw source
            records are shown when the files are still the ones the loaded run read.
            Exit status: 0 found, 1 nothing found, 2 the store or migration cannot be read.
            """)

    @Argument(help: "The migration file whose store to read.")
    var migrationFile: String

    @Option(name: .long, help: "The store: sqlite:PATH or postgres://user@host:port/db (default: the migration file's store).")
    var store: String?

    @Option(name: .long, help: "A client's BSN.")
    var bsn: String?

    @Option(name: .long, help: "A household's key in the store (huishouden.id).")
    var huishouden: String?

    @Option(name: .long, help: "A source's name, with --sleutel: that source's own key for a record.")
    var bron: String?

    @Option(name: .long, help: "A source's own key for a record (with --bron).")
    var sleutel: String?

    @Option(name: .long, help: "With --bron/--sleutel: only records of this entity (when a source uses one key for several).")
    var entiteit: String?

    @Flag(name: .long, help: "Show BSNs, names and birth dates unmasked.")
    var revealBSN = false

    func validate() throws {
        let chosen = [bsn != nil, huishouden != nil, bron != nil || sleutel != nil].filter { $0 }.count
        guard chosen == 1 else { throw ValidationError("name one record: --bsn, --huishouden, or --bron with --sleutel") }
        if (bron == nil) != (sleutel == nil) { throw ValidationError("--bron and --sleutel go together") }
        if let bsn, BSN(bsn) == nil && !(bsn.count == 9 && bsn.allSatisfy(\.isASCII) && bsn.allSatisfy(\.isNumber)) {
            throw ValidationError("--bsn takes nine digits")
        }
        if let entiteit, Entity(rawValue: entiteit) == nil {
            throw ValidationError("'\(entiteit)' is not an entity: \(Entity.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if entiteit != nil && bron == nil { throw ValidationError("--entiteit goes with --bron and --sleutel") }
    }

    func run() async throws {
        let selector: StoryQuery.Selector
        if let bsn { selector = .bsn(bsn) }
        else if let huishouden { selector = .huishouden(huishouden) }
        else { selector = .sourceKey(bron: bron!, sleutel: sleutel!, entity: entiteit.flatMap(Entity.init(rawValue:))) }
        let result: Explain.Result
        do {
            result = try await Explain.run(migrationFile: migrationFile, store: store, selector: selector, reveal: revealBSN)
        } catch {
            throw Failure.report(error)
        }
        print(result.text, terminator: "")
        if !result.found { throw ExitCode(1) }
    }
}
