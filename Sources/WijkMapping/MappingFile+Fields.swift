import Foundation
import WijkCSV
import WijkModel
import WijkXML

// A field of an entity: where its value is (column, XPath, constant or template), its transforms,
// how it is parsed and what a bad value does.
extension MappingFile {
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
        guard let keyed = KeyedNode(node, d, what: what, allowed: ConfigKeys.field) else { return nil }
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
                } else if let keyed = KeyedNode(arg, d, what: "'pad_left'", allowed: ConfigKeys.padLeft),
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
                guard let arg = needArgument(), let keyed = KeyedNode(arg, d, what: "'boolean'", allowed: ConfigKeys.boolean),
                      let t = keyed.required("true", d, what: "'boolean'")?.string,
                      let f = keyed.required("false", d, what: "'boolean'")?.string else { continue }
                result.append(.boolean(whenTrue: t, whenFalse: f))
            case "replace":
                guard let arg = needArgument(), let keyed = KeyedNode(arg, d, what: "'replace'", allowed: ConfigKeys.replace),
                      let from = keyed.required("from", d, what: "'replace'")?.string else { continue }
                result.append(.replace(from, with: keyed["to"]?.string ?? ""))
            default:
                d.add(item.spot, "unknown transform '\(name)'",
                      hint: Suggestion.didYouMean(name, in: Transform.names) ?? "transforms are: \(Transform.names.joined(separator: ", "))")
            }
        }
        return result
    }
}
