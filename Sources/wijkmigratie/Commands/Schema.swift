import ArgumentParser
import Foundation
import WijkMapping
import WijkOnboarding

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "JSON Schema of the migration file, mapping files and besluiten.yml, so that an editor completes and checks them.",
        discussion: """
            Prints one schema, or writes all three to a folder with --out (mappings/schema/ holds
            them in this repository). Point an editor's YAML language server at one with a first line
            such as:  # yaml-language-server: $schema=../mappings/schema/mapping.schema.json
            """)

    @Argument(help: "Which file's schema to print: migratie, mapping or besluiten.")
    var file: String?

    @Option(name: .long, help: "Write migratie.schema.json, mapping.schema.json and besluiten.schema.json into this folder.")
    var out: String?

    func validate() throws {
        if file == nil && out == nil { throw ValidationError("name a file kind (migratie, mapping, besluiten) or give --out FOLDER") }
        if let file, ConfigFileKind(rawValue: file) == nil {
            throw ValidationError("'\(file)' is not migratie, mapping or besluiten")
        }
    }

    func run() throws {
        if let file, let kind = ConfigFileKind(rawValue: file), out == nil {
            print(ConfigSchema.document(kind).text())
            return
        }
        guard let out else { return }
        let folder = URL(fileURLWithPath: out)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for kind in ConfigFileKind.allCases where file == nil || file == kind.rawValue {
                let url = folder.appendingPathComponent(ConfigSchema.fileName(kind))
                try Data((ConfigSchema.document(kind).text() + "\n").utf8).write(to: url, options: .atomic)
                print("written: \(url.path)")
            }
        } catch {
            FileHandle.standardError.write(Data("error: cannot write the schemas to \(out): \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
    }
}
