import ArgumentParser
import Foundation
import WijkMapping
import WijkOnboarding

struct ScaffoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scaffold",
        abstract: "A draft mapping file from a source's files: every guess marked as one, with its evidence.",
        discussion: """
            Profiles the files, decides which file (or XML records path) holds which entity, matches
            each canonical field to a column or XPath where its name or its values make it likely,
            and adds the transforms the values suggest (pad a BSN, the date pattern that read every
            value, a decimal comma). Every code field whose labels are not the codes gets a value
            map CSV beside the draft, listing each label with its count and an empty 'code' for a
            steward to fill in. Refuses to overwrite an existing file unless --force.
            """)

    @Argument(help: "The source's files (CSV or XML).")
    var files: [String]

    @Option(name: .long, help: "The draft mapping to write, e.g. mappings/NAME.yml.")
    var out: String

    @Option(name: .long, help: "The source's name, for the value-map files (default: the draft's file name).")
    var name: String?

    @Option(name: .long, help: "Profile the values of at most this many records per file.")
    var sample = 50_000

    @Flag(name: .long, help: "Overwrite the draft and its value maps.")
    var force = false

    func run() throws {
        let outURL = URL(fileURLWithPath: out)
        let folder = outURL.deletingLastPathComponent()
        let source = name ?? outURL.deletingPathExtension().lastPathComponent
        do {
            let draft = try Scaffold.draft(files: files, name: source, sample: sample)
            var writes: [(URL, String)] = [(outURL, draft.yaml())]
            for map in draft.valueMaps { writes.append((folder.appendingPathComponent(map.file), draft.valueMapCSV(map))) }
            if !force, let existing = writes.first(where: { FileManager.default.fileExists(atPath: $0.0.path) }) {
                FileHandle.standardError.write(Data("error: \(existing.0.path) exists; give --force to overwrite it\n".utf8))
                throw ExitCode(2)
            }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (url, text) in writes {
                try Data(text.utf8).write(to: url, options: .atomic)
                print("written: \(url.path)")
            }
            let guessed = draft.entities.reduce(0) { $0 + $1.fields.count }
            let missing = draft.entities.reduce(0) { $0 + $1.missing.count }
            print("\(draft.entities.count) entities, \(guessed) fields guessed, \(missing) not found, \(draft.valueMaps.count) value maps to fill in")
            print("next: read the draft, fill in the value maps' code column, map the teams in the migration file, then wijkmigratie check")
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
