import Foundation
import WijkCSV
import WijkModel
import WijkXML

// What shapes an entity's records before their fields are read: row filters and splits of one
// value into several.
extension MappingFile {
    static func filter(_ node: YNode, _ dialect: SourceFormat, _ d: Diagnostics) -> FilterSpec? {
        guard let keyed = KeyedNode(node, d, what: "'filter'", allowed: ConfigKeys.filter),
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
        guard let keyed = KeyedNode(node, d, what: "'split'", allowed: ConfigKeys.split),
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
