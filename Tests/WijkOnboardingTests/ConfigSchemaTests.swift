import Foundation
import Testing
import TestSupport
import WijkMapping
import WijkModel
@testable import WijkOnboarding

@Suite struct ConfigSchemaTests {
    /// Every key the loaders accept at a place is a property of the schema there, and the schema
    /// offers no key the loader would refuse.
    @Test func everyKeyTheLoaderAcceptsIsInTheSchema() throws {
        for keys in ConfigKeys.all {
            let schema = ConfigSchema.document(keys.file)
            let place = try #require(schema.at(pointer: keys.pointer), "the \(keys.file) schema has nothing at '\(keys.pointer)'")
            let properties = place.propertyNames
            #expect(properties == keys.keys, "\(keys.file) schema at '\(keys.pointer)': has \(properties), the loader accepts \(keys.keys)")
            #expect(place.member("additionalProperties") == .bool(false), "\(keys.file) '\(keys.pointer)' must refuse unknown keys, as the loader does")
        }
    }
}

extension JSONValue {
    func member(_ name: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == name }?.1
    }

    func at(pointer: String) -> JSONValue? {
        var node: JSONValue? = self
        for step in pointer.split(separator: "/").map(String.init) { node = node?.member(step) }
        return node
    }

    var propertyNames: [String] {
        guard case .object(let pairs)? = member("properties") else { return [] }
        return pairs.map(\.0)
    }
}

/// The schemas against the files: a real validator (Python jsonschema, draft 2020-12, through
/// scripts/check-config-schemas.py) on every shipped file, and on a file with a mistake.
@Suite struct ShippedFilesAgainstSchemaTests {
    let root = repositoryRoot()

    func validate(_ files: [(ConfigFileKind, String)], schemas: String? = nil) throws -> CLIResult {
        let interpreter = try #require(python(importing: "yaml, jsonschema"), "no Python with yaml and jsonschema: scripts/setup installs them")
        return try runProgram(interpreter, [root.appendingPathComponent("scripts/check-config-schemas.py").path,
                                            schemas ?? root.appendingPathComponent("mappings/schema").path] + files.map { "\($0.0.rawValue)=\($0.1)" })
    }

    func shipped() throws -> [(ConfigFileKind, String)] {
        let fm = FileManager.default
        var files: [(ConfigFileKind, String)] = []
        for name in try fm.contentsOfDirectory(atPath: root.appendingPathComponent("mappings").path).sorted() where name.hasSuffix(".yml") {
            files.append((.mapping, root.appendingPathComponent("mappings/\(name)").path))
        }
        for name in try fm.contentsOfDirectory(atPath: root.appendingPathComponent("fixtures").path).sorted() {
            for (kind, file) in [(ConfigFileKind.migratie, "migratie.yml"), (.besluiten, "besluiten.yml")] {
                let path = root.appendingPathComponent("fixtures/\(name)/\(file)").path
                if fm.fileExists(atPath: path) { files.append((kind, path)) }
            }
        }
        return files
    }

    @Test func theCommittedSchemasAreWhatTheCommandWrites() throws {
        for kind in ConfigFileKind.allCases {
            let committed = try String(contentsOf: root.appendingPathComponent("mappings/schema/\(ConfigSchema.fileName(kind))"), encoding: .utf8)
            #expect(committed == ConfigSchema.document(kind).text() + "\n",
                    "mappings/schema/\(ConfigSchema.fileName(kind)) is stale: run wijkmigratie schema --out mappings/schema")
        }
    }

    @Test func everyShippedFileValidates() throws {
        let files = try shipped()
        #expect(files.filter { $0.0 == .mapping }.count >= 15 && files.filter { $0.0 == .migratie }.count >= 8)
        let result = try validate(files)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("\(files.count) files, 0 mistakes"), "\(result.stdout)")
    }

    /// The negative control: the validator does see mistakes the loader refuses too.
    @Test func aMistakeIsFound() throws {
        let dir = TempDir()
        let mapping = dir.write("m.yml", """
            csv: { delimiter: ";", encodng: utf-8 }
            entities:
              client:
                file: c.csv
                fields:
                  sleutel: nr
                  geboortedatum: { column: geb, date: dd-MM-yyyy, on_error: skip }
                  lievelingskleur: kleur
            """)
        let besluiten = dir.write("b.yml", """
            Kc009a07e3880:
              kies: bron-a
              beide: ja
              wie: J. de Vries
              waarom: BRP
            """)
        let result = try validate([(.mapping, mapping), (.besluiten, besluiten)])
        #expect(result.status == 1)
        #expect(result.stdout.contains("csv: Additional properties are not allowed ('encodng'"), "\(result.stdout)")
        #expect(result.stdout.contains("entities/client/fields/geboortedatum/on_error") || result.stdout.contains("entities/client/fields/geboortedatum"), "\(result.stdout)")
        #expect(result.stdout.contains("'lievelingskleur'"), "\(result.stdout)")
        #expect(result.stdout.contains("Kc009a07e3880"), "\(result.stdout)")
    }
}
