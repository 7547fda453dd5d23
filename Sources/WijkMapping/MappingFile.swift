import Foundation
import WijkCSV
import WijkModel
import WijkXML

/// Reads a mapping file (`mappings/*.yml`) into a `MappingSpec`, reporting every mistake with
/// `file:line:column` and a suggestion. No data file is opened here except value-map CSVs.
package enum MappingFile {
    /// - Parameters:
    ///   - path: the file on disk.
    ///   - display: how messages name it.
    package static func load(path: String, display: String) throws -> MappingSpec {
        let root = try YAMLFile.load(path: path, display: display)
        let d = Diagnostics()
        guard let top = KeyedNode(root, d, what: "a mapping file", allowed: ConfigKeys.mapping) else {
            try d.throwIfAny()
            throw ConfigErrors([ConfigError(file: display, line: 1, column: 1, message: "a mapping file must be a mapping of keys")])
        }
        let baseDialect = top["csv"].map { dialect($0, base: CSVDialect(), d) } ?? CSVDialect()
        var namespaces: [String: String] = [:]
        if let xml = top["xml"], let keyed = KeyedNode(xml, d, what: "'xml'", allowed: ConfigKeys.xml),
           let pairs = keyed["namespaces"]?.pairs(d, what: "'namespaces'") {
            for (prefix, _, uri) in pairs { namespaces[prefix] = uri.string ?? "" }
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let maps = top["value_maps"].map { valueMaps($0, folder: folder, displayFolder: (display as NSString).deletingLastPathComponent, d) } ?? [:]
        // The source's pivot for two-digit years (a field may declare its own).
        let pivot = top["date_pivot"].flatMap { $0.int(d, what: "'date_pivot'", range: 1800...2100) }

        var entities: [EntitySpec] = []
        if let entitiesNode = top.required("entities", d, what: "a mapping file"),
           let pairs = entitiesNode.pairs(d, what: "'entities'") {
            for (name, keySpot, value) in pairs {
                guard let entity = Entity(rawValue: name) else {
                    d.add(keySpot, "unknown entity '\(name)'",
                          hint: Suggestion.didYouMean(name, in: Entity.allCases.map(\.rawValue))
                            ?? "entities are: \(Entity.allCases.map(\.rawValue).joined(separator: ", "))")
                    continue
                }
                if let spec = entitySpec(entity, value, baseDialect: baseDialect, namespaces: namespaces, maps: maps, pivot: pivot, d) {
                    entities.append(spec)
                }
            }
        }
        try d.throwIfAny()
        var spec = MappingSpec(file: display, path: path, description: top["bronsysteem"]?.string,
                               valueMaps: maps, entities: entities.sorted { $0.entity < $1.entity })
        if let node = top["istandaard"], let keyed = KeyedNode(node, d, what: "'istandaard'", allowed: ConfigKeys.istandaard),
           let berichtNode = keyed.required("bericht", d, what: "'istandaard'"), let bericht = berichtNode.text(d, what: "'bericht'") {
            if let known = IStandaard.known[bericht.uppercased()] { spec.istandaard = known }
            else { d.add(berichtNode.spot, "unknown message '\(bericht)'", hint: "known: \(IStandaard.known.keys.sorted().joined(separator: ", "))") }
        }
        try d.throwIfAny()
        return spec
    }

    // MARK: - CSV dialect

    static func dialect(_ node: YNode, base: CSVDialect, _ d: Diagnostics) -> CSVDialect {
        var result = base
        guard let keyed = KeyedNode(node, d, what: "'csv'", allowed: ConfigKeys.csv) else { return result }
        if let n = keyed["delimiter"] { setDelimiter(n, &result, d) }
        if let n = keyed["quote"] {
            let s = n.string ?? ""
            if n.isNull || s.isEmpty || s == "none" { result.quote = nil }
            else if s.utf8.count == 1, s != "\n" { result.quote = s.utf8.first! }
            else { d.add(n.spot, "quote must be one character, or none", hint: "usually '\"'") }
        }
        if let n = keyed["header"], let b = n.bool(d, what: "'header'") { result.header = b }
        if let n = keyed["skip_rows"], let k = n.int(d, what: "'skip_rows'", range: 0...1000) { result.skipRows = k }
        if let n = keyed["encoding"] { setEncoding(n, &result, d) }
        if let n = keyed["max_record_bytes"], let k = n.int(d, what: "'max_record_bytes'", range: 1024...(1 << 30)) { result.maxRecordBytes = k }
        return result
    }

    static func setDelimiter(_ n: YNode, _ result: inout CSVDialect, _ d: Diagnostics) {
        guard let s = n.text(d, what: "'delimiter'") else { return }
        switch s {
        case ";", ",", "|": result.delimiter = s.utf8.first!
        case "\t", "tab", "\\t": result.delimiter = 0x09
        default: d.add(n.spot, "delimiter '\(s)' is not supported", hint: "use ';', ',', '|' or tab")
        }
    }

    static func setEncoding(_ n: YNode, _ result: inout CSVDialect, _ d: Diagnostics) {
        guard let s = n.text(d, what: "'encoding'") else { return }
        if let e = TextEncoding(name: s) { result.encoding = e; return }
        d.add(n.spot, "unknown encoding '\(s)'",
              hint: Suggestion.didYouMean(s, in: TextEncoding.allCases.map(\.rawValue))
                ?? "declare one of: \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))")
    }

    // MARK: - Value maps

    static func valueMaps(_ node: YNode, folder: URL, displayFolder: String, _ d: Diagnostics) -> [String: ValueMap] {
        var maps: [String: ValueMap] = [:]
        guard let pairs = node.pairs(d, what: "'value_maps'") else { return maps }
        for (name, _, value) in pairs {
            guard let entries = value.pairs(d, what: "value map '\(name)'") else { continue }
            let isFileReference = entries.contains { $0.key == "file" } && entries.allSatisfy { ConfigKeys.valueMapFile.contains($0.key) }
            if isFileReference {
                guard let keyed = KeyedNode(value, d, what: "value map '\(name)'", allowed: ConfigKeys.valueMapFile),
                      let fileNode = keyed["file"], let file = fileNode.text(d, what: "'file'") else { continue }
                var csv = CSVDialect(delimiter: UInt8(ascii: ";"))
                if let n = keyed["delimiter"] { setDelimiter(n, &csv, d) }
                if let n = keyed["encoding"] { setEncoding(n, &csv, d) }
                let path = folder.resolving(file).path
                let display = displayFolder.isEmpty ? file : "\(displayFolder)/\(file)"
                switch ValueMap.load(name: name, path: path, display: display, dialect: csv,
                                     from: keyed["from"]?.string, to: keyed["to"]?.string, spot: fileNode.spot) {
                case .success(let map): maps[name] = map
                case .failure(let error):
                    d.add(error)
                    // Known by name, so that the fields using it report the cause, not its echoes.
                    maps[name] = ValueMap(name: name, entries: [:])
                }
            } else {
                var dict: [String: String] = [:]
                for (label, _, code) in entries {
                    // A code is one value: a list or a mapping here would load nothing without a word.
                    guard let text = code.string, !code.isNull else {
                        d.add(code.spot, "value map '\(name)': '\(label)' maps to \(code.isNull ? "nothing" : "a list or a mapping"), not a code",
                              hint: "write one code, e.g. \(label): \"02\"")
                        continue
                    }
                    dict[label] = text
                }
                maps[name] = ValueMap(name: name, entries: dict)
            }
        }
        return maps
    }

    // MARK: - Entities

    static func entitySpec(_ entity: Entity, _ node: YNode, baseDialect: CSVDialect, namespaces: [String: String],
                           maps: [String: ValueMap], pivot: Int? = nil, _ d: Diagnostics) -> EntitySpec? {
        let what = "entity '\(entity.rawValue)'"
        guard let keyed = KeyedNode(node, d, what: what, allowed: ConfigKeys.entity) else { return nil }
        let fileNode = keyed.required("file", d, what: what)
        let file = fileNode?.text(d, what: "'file'")
        let csv: SourceFormat
        if let recordsNode = keyed["records"] {
            // An XML source: its records are the elements at this path from the root.
            if keyed["csv"] != nil { d.add(recordsNode.spot, "an entity is either CSV ('csv') or XML ('records'), not both") }
            guard let text = recordsNode.text(d, what: "'records'") else { return nil }
            switch XPath.parse(text, namespaces: namespaces) {
            case .success(let path) where path.absolute:
                csv = .xml(records: path, namespaces: namespaces)
            case .success:
                d.add(recordsNode.spot, "'records' is a path from the root element", hint: "start it with '/', e.g. /h:Export/h:Huishouden")
                return nil
            case .failure(let e):
                d.add(recordsNode.spot, "records path '\(text)': \(e.message)", hint: e.hint)
                return nil
            }
        } else {
            csv = .csv(keyed["csv"].map { dialect($0, base: baseDialect, d) } ?? baseDialect)
        }
        let filters = keyed["filter"].map { $0.listOrOne(d).compactMap { filter($0, csv, d) } } ?? []
        let splits = keyed["split"].map { $0.listOrOne(d).compactMap { split($0, csv, d) } } ?? []

        var fields: [FieldSpec] = []
        if let fieldsNode = keyed.required("fields", d, what: what), let pairs = fieldsNode.pairs(d, what: "'fields' of \(what)") {
            for (name, keySpot, value) in pairs {
                guard let definition = entity.field(named: name) else {
                    let names = entity.fields.map(\.name)
                    d.add(keySpot, "unknown field '\(name)' for \(entity.rawValue)",
                          hint: Suggestion.didYouMean(name, in: names) ?? "\(entity.rawValue) has: \(names.joined(separator: ", "))")
                    continue
                }
                if let spec = fieldSpec(definition, value, keySpot: keySpot, dialect: csv, maps: maps, pivot: pivot, d) {
                    fields.append(spec)
                }
            }
            let mapped = Set(fields.map(\.definition.name))
            for required in entity.fields where required.required && !mapped.contains(required.name) {
                d.add(fieldsNode.spot, "\(entity.rawValue) needs the field '\(required.name)'",
                      hint: "add '\(required.name): <column>' under fields")
            }
        }
        var xsd: (path: String, spot: Spot)?
        if let node = keyed["xsd"], let text = node.text(d, what: "'xsd'") {
            if case .csv = csv { d.add(node.spot, "'xsd' validates XML sources; this entity is CSV") }
            xsd = (text, node.spot)
        }
        guard let file, let fileNode else { return nil }
        return EntitySpec(entity: entity, file: file, fileSpot: fileNode.spot, format: csv,
                          filters: filters, splits: splits, fields: fields, xsd: xsd)
    }

    static func columnRef(_ node: YNode, _ format: SourceFormat, _ d: Diagnostics) -> ColumnRef? {
        guard let s = node.text(d, what: "a column") else { return nil }
        let dialect: CSVDialect
        switch format {
        case .xml(_, let namespaces):
            switch XPath.parse(s, namespaces: namespaces) {
            case .success(let path) where !path.absolute: return ColumnRef(key: .xpath(path), spot: node.spot)
            case .success: d.add(node.spot, "XPath '\(s)' must be relative to the record", hint: "drop the leading '/'; use '..' for ancestors")
            case .failure(let e): d.add(node.spot, "XPath '\(s)': \(e.message)", hint: e.hint)
            }
            return nil
        case .csv(let csv): dialect = csv
        }
        // Without a header, columns are numbered from 1; a name can then only be a split part.
        if dialect.header { return ColumnRef(key: .name(s), spot: node.spot) }
        guard let n = Int(s) else { return ColumnRef(key: .name(s), spot: node.spot) }
        guard n >= 1 else {
            d.add(node.spot, "column numbers start at 1", hint: "write the column's position, 1 for the first")
            return nil
        }
        return ColumnRef(key: .position(n), spot: node.spot)
    }
}
