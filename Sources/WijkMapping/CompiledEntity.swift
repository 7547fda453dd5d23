import Foundation
import WijkCSV
import WijkModel
import WijkRules
import WijkXML

/// An entity's mapping bound to its file's header: every column is an index now, so mapping a
/// record does no lookups by name.
package struct CompiledEntity: Sendable {
    package let entity: Entity
    package let bron: String
    /// The file on disk; as messages name it (relative to the working folder); and as `herkomst`
    /// and the reports name it (relative to the migration file, so that the store's content does
    /// not depend on where the command was run).
    package let path: String
    package let display: String
    package let bestand: String
    package let format: Format
    let headerCount: Int?
    let maxPosition: Int
    let splits: [(input: Int, spec: SplitSpec)]
    let filters: [(input: Int, spec: FilterSpec)]
    let fields: [CompiledField]
    let maps: [String: ValueMap]
    let splitPartCount: Int
    /// The schema every file of this entity is validated against before it is mapped (`xsd:`).
    package var schema: XMLSchema? = nil
    /// The schema's file name, for messages.
    package var schemaName: String? = nil
    /// In a message folder: the file's header, or why the file is not a message of the mapping's
    /// kind and version (then every record of it is rejected, and the folder goes on).
    package var header: IStandaard.Header? = nil
    package var refusal: String? = nil

    /// How to read the file: CSV in its dialect, or the XML record elements and the XPaths whose
    /// values make the record's value vector (indices as for CSV columns).
    package enum Format {
        case csv(CSVDialect)
        case xml(recordPath: [XMLName], keptAncestors: Int, xpaths: [XPath])
    }

    /// A class, not a struct: the mapping walks every field of every record, and a struct this
    /// size would be copied (its strings retained and released) at each step.
    final class CompiledField: Sendable {
        enum Source {
            case column(Int)
            case constant(String)
            case template([Part])
        }
        enum Part {
            case literal(String)
            case column(Int)
        }
        let index: Int               // position in entity.fields
        let definition: FieldDefinition
        let source: Source
        let spec: FieldSpec
        let fallback: String?        // source default, else the mapping's default
        /// The catalogue rule a parse failure of this field is reported under, if any.
        let formatRule: RuleID?
        /// What a bad value does: the mapping's on_error, or a warning when the rule is set so.
        let onError: OnError

        init(index: Int, definition: FieldDefinition, source: Source, spec: FieldSpec, fallback: String?, formatRule: RuleID?, onError: OnError) {
            self.index = index
            self.definition = definition
            self.source = source
            self.spec = spec
            self.fallback = fallback
            self.formatRule = formatRule
            self.onError = onError
        }
    }

    /// Binds an entity spec to its file. Unknown columns are reported against the mapping file,
    /// with the file's header listed.
    static func compile(_ spec: EntitySpec, mapping: MappingSpec, bron: String, path: String, display: String,
                        bestand: String, defaults: [String: String], ruleSettings: [RuleID: RuleSetting],
                        schemas: inout [String: XMLSchema?], _ d: Diagnostics) -> CompiledEntity? {
        var header: [String]?
        var xpaths: [XPath] = []
        var csvDelimiter = UInt8(ascii: ";")
        // Files only: a FIFO, a device or a folder would hang the run or read as nothing.
        if let kind = nonRegularKind(path) {
            d.add(spec.fileSpot, "\(display) is \(kind), not a file", hint: "export the source to a regular file; wijkmigratie reads files only, so that every run reads the same bytes")
            return nil
        }
        switch spec.format {
        case .csv(let dialect):
            csvDelimiter = dialect.delimiter
            do {
                let reader = try CSVReader(path: path, dialect: dialect)
                header = reader.header
            } catch let error as CSVFileError {
                let exists = FileManager.default.fileExists(atPath: path)
                d.add(spec.fileSpot, exists ? "cannot read \(display): \(error.reason)" : "file '\(spec.file)' is not there (looked for \(display))",
                      hint: exists ? nil : "the path is relative to the source's folder in the migration file")
                return nil
            } catch {
                d.add(spec.fileSpot, "cannot read \(display): \(error)")
                return nil
            }
            if let header, header.contains(where: { $0.contains("\r") }) {
                // Lines that end in CR only (old Mac): the reader sees one line, the "header" is
                // the whole file. Refused, and no part of it is quoted.
                d.add(spec.fileSpot, "\(display): its lines end in CR only (old Mac line endings), which this tool does not read",
                      hint: "save the file again with CRLF or LF line endings")
                return nil
            }
            if header == [] {
                d.add(spec.fileSpot, "\(display) is empty: it has no header row", hint: "export the file again, with its header")
                return nil
            }
        case .xml:
            guard FileManager.default.isReadableFile(atPath: path) else {
                d.add(spec.fileSpot, "file '\(spec.file)' is not there (looked for \(display))",
                      hint: "the path is relative to the source's folder in the migration file")
                return nil
            }
        }
        let names = header ?? []
        var splitParts: [String] = []
        let headerCount = header?.count
        var maxPosition = 0

        func resolve(_ ref: ColumnRef) -> Int? {
            switch ref.key {
            case .xpath(let x):
                if let k = splitParts.firstIndex(of: x.text) { return -(k + 1) }
                if let i = xpaths.firstIndex(where: { $0.text == x.text }) { return i }
                xpaths.append(x)
                return xpaths.count - 1
            case .position(let p):
                maxPosition = max(maxPosition, p)
                return p - 1
            case .name(let name):
                // Split parts are addressed as -1, -2, … so that they never clash with a position.
                if let k = splitParts.firstIndex(of: name) { return -(k + 1) }
                if let i = names.firstIndex(of: name) { return i }
                let trimmed = names.firstIndex { $0.trimmingASCIISpaces() == name }
                if let trimmed { return trimmed }
                let near = Suggestion.closest(to: name, in: names + splitParts)
                if header == nil {
                    d.add(ref.spot, "'\(name)' is neither a column number nor a split part",
                          hint: near.map { "did you mean '\($0)'?" } ?? "this file has no header: number the columns from 1")
                } else {
                    d.add(ref.spot, "column '\(name)' is not in \(spec.file)",
                          hint: (near.map { "did you mean '\($0)'? " } ?? "") + HeaderHint.describe(names, delimiter: csvDelimiter)
                            + (splitParts.isEmpty ? "" : "; split parts: \(splitParts.joined(separator: ", "))"))
                }
                return nil
            }
        }

        var splits: [(Int, SplitSpec)] = []
        for split in spec.splits {
            guard let input = resolve(split.column) else { continue }
            splits.append((input, split))
            splitParts.append(contentsOf: split.into)
        }
        let filters = spec.filters.compactMap { f in resolve(f.column).map { ($0, f) } }
        var fields: [CompiledField] = []
        for field in spec.fields {
            let source: CompiledField.Source
            switch field.source {
            case .column(let ref):
                guard let i = resolve(ref) else { continue }
                source = .column(i)
            case .constant(let c):
                source = .constant(c)
            case .template(let parts):
                var compiled: [CompiledField.Part] = []
                var ok = true
                for part in parts {
                    switch part {
                    case .literal(let s): compiled.append(.literal(s))
                    case .column(let ref):
                        if let i = resolve(ref) { compiled.append(.column(i)) } else { ok = false }
                    }
                }
                guard ok else { continue }
                source = .template(compiled)
            }
            let index = spec.entity.fields.firstIndex { $0.name == field.definition.name }!
            let rule = RuleCatalogue.formatRule(for: spec.entity, field: field.definition.name)
            fields.append(CompiledField(index: index, definition: field.definition, source: source, spec: field,
                                        fallback: defaults[field.definition.name] ?? field.defaultValue, formatRule: rule?.id,
                                        onError: effectiveOnError(field.onError, rule: rule, ruleSettings)))
        }
        // Source defaults for fields the mapping does not map at all.
        for (name, value) in defaults where !fields.contains(where: { $0.definition.name == name }) {
            guard let index = spec.entity.fields.firstIndex(where: { $0.name == name }) else { continue }
            let def = spec.entity.fields[index]
            let fieldSpec = FieldSpec(definition: def, source: .constant(value), transforms: [],
                                      datePatterns: def.kind == .date ? [DatePattern.iso] : [], decimalComma: false,
                                      onError: .reject, defaultValue: nil, spot: spec.fileSpot)
            let rule = RuleCatalogue.formatRule(for: spec.entity, field: name)
            fields.append(CompiledField(index: index, definition: def, source: .constant(value), spec: fieldSpec, fallback: nil,
                                        formatRule: rule?.id, onError: effectiveOnError(.reject, rule: rule, ruleSettings)))
        }
        // The field others refer to this record by is mapped first, so that a record rejected for
        // another field still says who it was (a client's BSN, a source key).
        let subject = spec.entity == .client ? "bsn" : spec.entity.fields.first { $0.role == .sourceKey }?.name
        fields = fields.filter { $0.definition.name == subject } + fields.filter { $0.definition.name != subject }
        let format: Format
        switch spec.format {
        case .csv(let dialect): format = .csv(dialect)
        case .xml(let records, _):
            let steps = records.steps.compactMap { step -> XMLName? in
                if case .child(let name, _) = step { return name }
                return nil
            }
            format = .xml(recordPath: steps, keptAncestors: xpaths.map(\.parentSteps).max() ?? 0, xpaths: xpaths)
        }
        var compiled = CompiledEntity(entity: spec.entity, bron: bron, path: path, display: display, bestand: bestand, format: format,
                                      headerCount: headerCount, maxPosition: maxPosition, splits: splits, filters: filters,
                                      fields: fields, maps: mapping.valueMaps, splitPartCount: splitParts.count)
        if let xsd = spec.xsd {
            // A schema is compiled once per source, however many files and entities name it; one
            // that cannot be used is reported once.
            let schemaPath = URL(fileURLWithPath: mapping.path).deletingLastPathComponent().resolving(xsd.path).standardizedFileURL.path
            if schemas[schemaPath] == nil {
                schemas[schemaPath] = .some(loadSchema(schemaPath, xsd, d))
            }
            compiled.schema = schemas[schemaPath] ?? nil
            compiled.schemaName = (xsd.path as NSString).lastPathComponent
        }
        return compiled
    }
}

private func loadSchema(_ schemaPath: String, _ xsd: (path: String, spot: Spot), _ d: Diagnostics) -> XMLSchema? {
    guard FileManager.default.fileExists(atPath: schemaPath) else {
        d.add(xsd.spot, "the schema \(xsd.path) is not there (looked for \(schemaPath))", hint: "the path is relative to the mapping file")
        return nil
    }
    do {
        return try XMLSchema(path: schemaPath, display: xsd.path)
    } catch let error as XMLReadError {
        d.add(xsd.spot, "the schema \(xsd.path) cannot be used: \(error.description)")
    } catch {
        d.add(xsd.spot, "the schema \(xsd.path) cannot be used: \(error)")
    }
    return nil
}

/// A bad value is loaded empty with a warning when the mapping says `on_error: empty` or when the
/// migration file sets the field's format rule to `warning`.
func effectiveOnError(_ onError: OnError, rule: Rule?, _ settings: [RuleID: RuleSetting]) -> OnError {
    guard onError == .reject, let rule else { return onError }
    let severity: Severity
    switch settings[rule.id] {
    case .severity(let s)?: severity = s
    default: severity = rule.severity
    }
    return severity == .warning ? .empty : .reject
}

/// What a path is when it is there but is not a regular file (`a FIFO`, `a folder`, …); nil for a
/// regular file or a path that is not there.
func nonRegularKind(_ path: String) -> String? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return nil
    case S_IFDIR: return "a folder"
    case S_IFIFO: return "a FIFO (named pipe)"
    case S_IFCHR, S_IFBLK: return "a device"
    case S_IFSOCK: return "a socket"
    default: return "not a regular file"
    }
}

extension CompiledEntity {
    /// The inputs that fields holding personal data read: CSV column indexes, or indexes into the
    /// XML record's XPaths (`explain` masks their values in a raw record).
    package var personalInputs: [Int] {
        var result: Set<Int> = []
        for field in fields where field.definition.isPersonal {
            switch field.source {
            case .column(let i): result.insert(i)
            case .template(let parts): for case .column(let i) in parts { result.insert(i) }
            case .constant: break
            }
        }
        return result.sorted()
    }
}
