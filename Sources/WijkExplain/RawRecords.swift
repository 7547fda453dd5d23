import WijkCSV
import WijkMapping
import WijkModel
import WijkXML

/// Reads source records again from their files to show their raw text: a CSV record by the line
/// it starts on, an XML record by its XPath. Only when the files are the ones the loaded run read
/// (the caller checks the input checksum first); a file is read once, up to its last wanted record.
package enum RawRecords {
    /// A record's raw text, and the values in it that fields holding personal data read (the
    /// mapping of every entity the file feeds says which), for masking.
    package struct Raw: Sendable {
        package let text: String
        package let personal: [String]
    }

    /// The raw text of each wanted place, keyed "bron\u{0}bestand\u{0}locatie"; places that cannot
    /// be found (another entity's file layout, a file gone) are left out.
    package static func read(_ places: [(entity: Entity, record: SourceRecord)], plan: MigrationPlan) -> [String: Raw] {
        var result: [String: Raw] = [:]
        let groups = Dictionary(grouping: places) { "\($0.record.bron)\u{0}\($0.record.bestand)\u{0}\($0.entity.rawValue)" }
        for (_, group) in groups.sorted(by: { $0.key < $1.key }) {
            let first = group[0]
            guard let source = plan.sources.first(where: { $0.name == first.record.bron }),
                  let compiled = source.entities.first(where: { $0.bestand == first.record.bestand && $0.entity == first.entity })
            else { continue }
            let wanted = Set(group.map(\.record.locatie))
            let found: [String: Raw]
            switch compiled.format {
            case .csv(let dialect):
                let sameFile = source.entities.filter { $0.path == compiled.path }
                found = csv(compiled.path, dialect: dialect, wanted: wanted, personal: Set(sameFile.flatMap(\.personalInputs)))
            case .xml(let recordPath, let kept, let xpaths):
                found = xml(compiled, recordPath: recordPath, kept: kept, wanted: wanted,
                            personal: compiled.personalInputs.filter { $0 < xpaths.count }.map { xpaths[$0] })
            }
            for (locatie, raw) in found { result[key(first.record.bron, first.record.bestand, locatie)] = raw }
        }
        return result
    }

    package static func key(_ bron: String, _ bestand: String, _ locatie: String) -> String { "\(bron)\u{0}\(bestand)\u{0}\(locatie)" }

    private static func csv(_ path: String, dialect: CSVDialect, wanted: Set<String>, personal: Set<Int>) -> [String: Raw] {
        let lines = Set(wanted.compactMap { Int($0) })
        guard let last = lines.max(), let reader = try? CSVReader(path: path, dialect: dialect) else { return [:] }
        var found: [String: Raw] = [:]
        while let result = try? reader.next() {
            let line: Int
            let raw: Raw
            switch result {
            case .record(let r):
                line = r.line
                raw = Raw(text: r.raw, personal: personal.sorted().filter { $0 < r.fields.count }.map { r.fields[$0] })
            case .malformed(let m):
                line = m.line
                raw = Raw(text: m.raw, personal: [])
            }
            if lines.contains(line) { found[String(line)] = raw }
            if line >= last { break }
        }
        return found
    }

    private static func xml(_ compiled: CompiledEntity, recordPath: [XMLName], kept: Int, wanted: Set<String>,
                            personal: [XPath]) -> [String: Raw] {
        let reader = XMLRecordReader(path: compiled.path, display: compiled.display, recordPath: recordPath, keptAncestors: kept)
        reader.matchLocalNames = compiled.refusal != nil
        var found: [String: Raw] = [:]
        try? reader.read { record in
            let locatie = Location.xpath(record.xpath, line: record.line).stored
            if wanted.contains(locatie) {
                found[locatie] = Raw(text: record.element.serialized, personal: personal.compactMap { $0.evaluate(from: record.element) })
            }
        }
        return found
    }
}
