import Foundation
import WijkCSV

/// A code translation (vendor label → canonical code), written inline in the mapping file or kept
/// by a steward in a CSV file beside it.
package struct ValueMap: Sendable {
    package let name: String
    package let entries: [String: String]
    /// Labels of a value-map file whose right-hand side is still empty (a draft from `scaffold`
    /// lists every label with an empty code for a steward to fill in): not yet mapped.
    package var pending: Set<String> = []
    /// The CSV file it was read from, when a steward keeps it in a spreadsheet.
    package var path: String?

    package init(name: String, entries: [String: String]) {
        self.name = name
        self.entries = entries
    }

    /// Loads a value map from a CSV file: `from` and `to` name its columns (default: the first two).
    /// Errors point at the file and line; a label mapped twice to different codes is an error.
    static func load(name: String, path: String, display: String, dialect: CSVDialect,
                     from: String?, to: String?, spot: Spot) -> Result<ValueMap, ConfigError> {
        func fail(_ line: Int, _ message: String, hint: String? = nil) -> Result<ValueMap, ConfigError> {
            .failure(ConfigError(file: line == 0 ? spot.file : display, line: line == 0 ? spot.line : line,
                                 column: line == 0 ? spot.column : 1, message: message, hint: hint))
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path, dialect: dialect)
        } catch {
            return fail(0, "value map '\(name)': cannot read \(display): \(error)", hint: "the path is relative to the mapping file")
        }
        let header = reader.header ?? []
        func index(_ column: String?, default fallback: Int) -> Int? {
            guard let column else { return fallback < header.count ? fallback : nil }
            return header.firstIndex(of: column)
        }
        guard let fromIndex = index(from, default: 0), let toIndex = index(to, default: 1) else {
            let wanted = [from, to].compactMap { $0 }.filter { !header.contains($0) }
            return fail(0, "value map '\(name)': column \(wanted.map { "'\($0)'" }.joined(separator: ", ")) is not in \(display)",
                        hint: HeaderHint.describe(header, delimiter: dialect.delimiter))
        }
        var entries: [String: String] = [:]
        var pending: Set<String> = []
        do {
            while let result = try reader.next() {
                switch result {
                case .malformed(let bad):
                    return fail(bad.line, "value map '\(name)': \(bad.message)")
                case .record(let record):
                    guard record.fields.count > max(fromIndex, toIndex) else {
                        return fail(record.line, "value map '\(name)': this row has \(record.fields.count) fields, \(header.count) expected")
                    }
                    let key = record.fields[fromIndex]
                    let value = record.fields[toIndex]
                    if value.trimmingASCIISpaces().isEmpty {
                        pending.insert(key)
                        continue
                    }
                    if let existing = entries[key], existing != value {
                        return fail(record.line, "value map '\(name)': '\(key)' is mapped twice, to '\(existing)' and to '\(value)'",
                                    hint: "keep one row per label")
                    }
                    entries[key] = value
                }
            }
        } catch {
            return fail(0, "value map '\(name)': \(error)")
        }
        var map = ValueMap(name: name, entries: entries)
        map.pending = pending.subtracting(entries.keys)
        map.path = path
        return .success(map)
    }
}
