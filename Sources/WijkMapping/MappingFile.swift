import Foundation
import WijkCSV
import WijkModel
import WijkXML

/// Reads a mapping file (`mappings/*.yml`) into a `MappingSpec`, reporting every mistake with
/// `file:line:column` and a suggestion. No data file is opened here except value-map CSVs.
package enum MappingFile {
    static let topKeys = ["bronsysteem", "csv", "xml", "value_maps", "date_pivot", "istandaard", "entities"]
    static let entityKeys = ["file", "csv", "records", "xsd", "filter", "split", "fields"]
    static let fieldKeys = ["column", "xpath", "const", "template", "transforms", "date", "pivot", "decimal", "on_error", "default"]
    static let xmlKeys = ["namespaces"]
    static let csvKeys = ["delimiter", "quote", "header", "encoding", "skip_rows", "max_record_bytes"]
    static let filterKeys = ["column", "xpath", "in", "not_in", "equals", "not_equals", "empty"]
    static let splitKeys = ["column", "xpath", "pattern", "separator", "into"]
    static let valueMapFileKeys = ["file", "from", "to", "delimiter", "encoding"]

    /// - Parameters:
    ///   - path: the file on disk.
    ///   - display: how messages name it.
    package static func load(path: String, display: String) throws -> MappingSpec {
        let root = try YAMLFile.load(path: path, display: display)
        let d = Diagnostics()
        guard let top = KeyedNode(root, d, what: "a mapping file", allowed: topKeys) else {
            try d.throwIfAny()
            throw ConfigErrors([ConfigError(file: display, line: 1, column: 1, message: "a mapping file must be a mapping of keys")])
        }
        let baseDialect = top["csv"].map { dialect($0, base: CSVDialect(), d) } ?? CSVDialect()
        var namespaces: [String: String] = [:]
        if let xml = top["xml"], let keyed = KeyedNode(xml, d, what: "'xml'", allowed: xmlKeys),
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
        if let node = top["istandaard"], let keyed = KeyedNode(node, d, what: "'istandaard'", allowed: ["bericht"]),
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
        guard let keyed = KeyedNode(node, d, what: "'csv'", allowed: csvKeys) else { return result }
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
            let isFileReference = entries.contains { $0.key == "file" } && entries.allSatisfy { valueMapFileKeys.contains($0.key) }
            if isFileReference {
                guard let keyed = KeyedNode(value, d, what: "value map '\(name)'", allowed: valueMapFileKeys),
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
        guard let keyed = KeyedNode(node, d, what: what, allowed: entityKeys) else { return nil }
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

    static func fieldSpec(_ def: FieldDefinition, _ node: YNode, keySpot: Spot, dialect: SourceFormat,
                          maps: [String: ValueMap], pivot sourcePivot: Int? = nil, _ d: Diagnostics) -> FieldSpec? {
        let what = "field '\(def.name)'"
        // Shorthand: `achternaam: Achternaam` is a column.
        if node.string != nil, case .scalar = node.node {
            guard let ref = columnRef(node, dialect, d) else { return nil }
            let patterns = def.kind == .date ? [DatePattern.iso] : []
            return FieldSpec(definition: def, source: .column(ref), transforms: [], datePatterns: patterns,
                             decimalComma: false, onError: .reject, defaultValue: nil, spot: node.spot)
        }
        guard let keyed = KeyedNode(node, d, what: what, allowed: fieldKeys) else { return nil }
        let valueKey = dialect.valueKey
        let wrongKey = valueKey == "column" ? "xpath" : "column"
        if let n = keyed[wrongKey] {
            d.add(n.spot, "'\(wrongKey)' is for \(wrongKey == "xpath" ? "XML" : "CSV") sources; this entity is \(valueKey == "xpath" ? "XML" : "CSV")",
                  hint: "write '\(valueKey):'")
            return nil
        }
        let sources = [valueKey, "const", "template"].filter { keyed[$0] != nil }
        guard sources.count == 1 else {
            d.add(node.spot, "\(what) needs exactly one of '\(valueKey)', 'const' or 'template'",
                  hint: sources.isEmpty ? "e.g. '\(valueKey): \(valueKey == "xpath" ? "h:Achternaam" : "Achternaam")'" : "remove all but one of: \(sources.joined(separator: ", "))")
            return nil
        }
        var source: FieldSource?
        if let n = keyed[valueKey] { source = columnRef(n, dialect, d).map(FieldSource.column) }
        if let n = keyed["const"] { source = .constant(n.string ?? "") }
        if let n = keyed["template"], let s = n.text(d, what: "'template'") { source = template(s, n, dialect, d) }

        let transforms = keyed["transforms"].map { transformList($0, maps: maps, d) } ?? []
        var patterns: [DatePattern] = []
        let fieldPivot = keyed["pivot"].flatMap { $0.int(d, what: "'pivot'", range: 1800...2100) }
        if let n = keyed["date"] {
            if def.kind != .date {
                d.add(n.spot, "'date' is for date fields; \(def.name) is a \(def.kind.name) field")
            }
            for item in n.listOrOne(d) {
                guard let s = item.text(d, what: "a date pattern") else { continue }
                // A pivot places two-digit years: the field's own, else the source's `date_pivot`.
                let twoDigitYear = s.replacingOccurrences(of: "yyyy", with: "").contains("yy")
                switch DatePattern.compile(s, pivot: twoDigitYear ? (fieldPivot ?? sourcePivot) : nil) {
                case .success(let p): patterns.append(p)
                case .failure(let e): d.add(item.spot, "bad date pattern '\(s)': \(e.problem)", hint: e.hint ?? "for example dd-MM-yyyy")
                }
            }
            if let p = keyed["pivot"], fieldPivot != nil, !patterns.contains(where: { $0.pivot != nil }) {
                d.add(p.spot, "'pivot' is for two-digit years ('yy'), and no pattern of this field has one")
            }
        } else if let p = keyed["pivot"] {
            d.add(p.spot, "'pivot' goes with a 'date' pattern that has a two-digit year ('yy')")
        } else if def.kind == .date {
            patterns = [DatePattern.iso]
        }
        var decimalComma = false
        if let n = keyed["decimal"], let s = n.text(d, what: "'decimal'") {
            switch s {
            case "comma", ",": decimalComma = true
            case "point", ".": decimalComma = false
            default: d.add(n.spot, "decimal must be 'comma' or 'point'")
            }
            if def.kind != .decimal { d.add(n.spot, "'decimal' is for decimal fields; \(def.name) is a \(def.kind.name) field") }
        }
        var onError = OnError.reject
        if let n = keyed["on_error"], let s = n.text(d, what: "'on_error'") {
            if let e = OnError(rawValue: s) { onError = e }
            else { d.add(n.spot, "on_error must be 'reject' or 'empty'", hint: Suggestion.didYouMean(s, in: ["reject", "empty"])) }
            if onError == .empty && def.required {
                d.add(n.spot, "\(def.name) is required for this entity, so a bad value cannot be loaded empty", hint: "use on_error: reject")
            }
        }
        guard let source else { return nil }
        return FieldSpec(definition: def, source: source, transforms: transforms, datePatterns: patterns,
                         decimalComma: decimalComma, onError: onError, defaultValue: keyed["default"]?.string, spot: keySpot)
    }

    static func template(_ text: String, _ node: YNode, _ format: SourceFormat, _ d: Diagnostics) -> FieldSource? {
        var parts: [TemplatePart] = []
        var literal = ""
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if c == "{" {
                if chars.first == "{" { chars.removeFirst(); literal.append("{"); continue }
                guard let close = chars.firstIndex(of: "}") else {
                    d.add(node.spot, "template '\(text)' has a '{' without a closing '}'", hint: "write '{{' for a literal brace")
                    return nil
                }
                let name = String(chars[chars.startIndex..<close])
                chars = chars[(close + 1)...]
                if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
                switch format {
                case .xml(_, let namespaces):
                    switch XPath.parse(name, namespaces: namespaces) {
                    case .success(let path): parts.append(.column(ColumnRef(key: .xpath(path), spot: node.spot)))
                    case .failure(let e):
                        d.add(node.spot, "template XPath '{\(name)}': \(e.message)", hint: e.hint)
                        return nil
                    }
                case .csv(let dialect):
                    let ref = !dialect.header ? Int(name).map { ColumnRef(key: .position($0), spot: node.spot) } : nil
                    parts.append(.column(ref ?? ColumnRef(key: .name(name), spot: node.spot)))
                }
            } else if c == "}" && chars.first == "}" {
                chars.removeFirst()
                literal.append("}")
            } else {
                literal.append(c)
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return .template(parts)
    }

    static func transformList(_ node: YNode, maps: [String: ValueMap], _ d: Diagnostics) -> [Transform] {
        guard let items = node.items(d, what: "'transforms'") else { return [] }
        var result: [Transform] = []
        for item in items {
            // A transform is a bare name (`trim`) or a one-key mapping (`pad_left: 9`).
            let name: String
            let argument: YNode?
            if let s = item.string { name = s; argument = nil }
            else if let pairs = item.pairs(d, what: "a transform"), pairs.count == 1 {
                name = pairs[0].key
                argument = pairs[0].value
            } else {
                d.add(item.spot, "a transform is a name ('trim') or one 'name: argument' pair")
                continue
            }
            func needArgument() -> YNode? {
                if argument == nil { d.add(item.spot, "transform '\(name)' needs an argument", hint: "e.g. '\(name): …'") }
                return argument
            }
            switch name {
            case "trim": result.append(.trim)
            case "upper": result.append(.upper)
            case "lower": result.append(.lower)
            case "digits": result.append(.digitsOnly)
            case "pad_left":
                guard let arg = needArgument() else { continue }
                if let width = arg.string.flatMap(Int.init) {
                    result.append(.padLeft(width: width, with: "0"))
                } else if let keyed = KeyedNode(arg, d, what: "'pad_left'", allowed: ["width", "with"]),
                          let w = keyed.required("width", d, what: "'pad_left'")?.int(d, what: "'width'", range: 1...200) {
                    let with = keyed["with"]?.string ?? "0"
                    guard with.count == 1 else { d.add(arg.spot, "'with' must be one character"); continue }
                    result.append(.padLeft(width: w, with: with.first!))
                }
            case "map":
                guard let arg = needArgument(), let mapName = arg.text(d, what: "a value map name") else { continue }
                if maps[mapName] == nil {
                    d.add(arg.spot, "value map '\(mapName)' is not defined",
                          hint: Suggestion.didYouMean(mapName, in: Array(maps.keys)) ?? "define it under 'value_maps'"
                            + (maps.isEmpty ? "" : " (defined: \(maps.keys.sorted().joined(separator: ", ")))"))
                    continue
                }
                result.append(.map(mapName))
            case "boolean":
                guard let arg = needArgument(), let keyed = KeyedNode(arg, d, what: "'boolean'", allowed: ["true", "false"]),
                      let t = keyed.required("true", d, what: "'boolean'")?.string,
                      let f = keyed.required("false", d, what: "'boolean'")?.string else { continue }
                result.append(.boolean(whenTrue: t, whenFalse: f))
            case "replace":
                guard let arg = needArgument(), let keyed = KeyedNode(arg, d, what: "'replace'", allowed: ["from", "to"]),
                      let from = keyed.required("from", d, what: "'replace'")?.string else { continue }
                result.append(.replace(from, with: keyed["to"]?.string ?? ""))
            default:
                d.add(item.spot, "unknown transform '\(name)'",
                      hint: Suggestion.didYouMean(name, in: Transform.names) ?? "transforms are: \(Transform.names.joined(separator: ", "))")
            }
        }
        return result
    }

    static func filter(_ node: YNode, _ dialect: SourceFormat, _ d: Diagnostics) -> FilterSpec? {
        guard let keyed = KeyedNode(node, d, what: "'filter'", allowed: filterKeys),
              let columnNode = keyed.required(dialect.valueKey, d, what: "'filter'"),
              let column = columnRef(columnNode, dialect, d) else { return nil }
        let conditions = ["in", "not_in", "equals", "not_equals", "empty"].filter { keyed[$0] != nil }
        guard conditions.count == 1, let key = conditions.first, let value = keyed[key] else {
            d.add(node.spot, "a filter needs exactly one of: in, not_in, equals, not_equals, empty")
            return nil
        }
        // Each word is one text: a nested list or mapping would filter nothing without a word.
        let words = Set(value.listOrOne(d).compactMap { $0.text(d, what: "a word of '\(key)'") })
        let condition: FilterSpec.Condition
        switch key {
        case "in", "equals": condition = .oneOf(words)
        case "not_in", "not_equals": condition = .noneOf(words)
        default:
            guard let b = value.bool(d, what: "'empty'") else { return nil }
            condition = .empty(b)
        }
        return FilterSpec(column: column, condition: condition, spot: node.spot)
    }

    static func split(_ node: YNode, _ dialect: SourceFormat, _ d: Diagnostics) -> SplitSpec? {
        guard let keyed = KeyedNode(node, d, what: "'split'", allowed: splitKeys),
              let columnNode = keyed.required(dialect.valueKey, d, what: "'split'"),
              let column = columnRef(columnNode, dialect, d),
              let intoNode = keyed.required("into", d, what: "'split'"),
              let intoItems = intoNode.items(d, what: "'into'") else { return nil }
        let into = intoItems.compactMap { $0.text(d, what: "a part name") }
        if intoItems.isEmpty {
            d.add(intoNode.spot, "'into' names no parts", hint: "name each part the split gives, e.g. into: [nummer, letter, toevoeging]")
            return nil
        }
        if Set(into).count != into.count {
            d.add(intoNode.spot, "'into' names a part twice", hint: "every part needs its own name")
        }
        var regex: NSRegularExpression?
        if let p = keyed["pattern"], let s = p.text(d, what: "'pattern'") {
            do {
                let r = try NSRegularExpression(pattern: s)
                if r.numberOfCaptureGroups != into.count {
                    d.add(p.spot, "the pattern has \(r.numberOfCaptureGroups) groups but 'into' names \(into.count) parts",
                          hint: "one (group) per part, use (?:…) for groups that are not parts")
                }
                regex = r
            } catch {
                d.add(p.spot, "the pattern is not a valid regular expression")
            }
        }
        let separator = keyed["separator"]?.string
        if (regex == nil) == (separator == nil) && keyed["pattern"] == nil {
            d.add(node.spot, "a split needs either 'pattern' (a regular expression with one group per part) or 'separator'")
        }
        return SplitSpec(column: column, regex: regex, separator: separator, into: into, spot: node.spot)
    }
}
