import Foundation
import WijkCSV
import WijkModel
import WijkXML

/// A mapping file, read and checked: how one source system's export becomes canonical records.
/// Column names are not yet checked against the files; `compile(folder:)` does that.
package struct MappingSpec: Sendable {
    /// The file as it is named in messages (relative to the working folder).
    package let file: String
    /// The file on disk.
    package let path: String
    package let description: String?
    package let valueMaps: [String: ValueMap]
    /// Entities in processing order.
    package let entities: [EntitySpec]
    /// `istandaard:` — the files are iStandaarden messages of this kind, read as a history.
    package var istandaard: IStandaard? = nil
}

/// Where one entity's records are and how each canonical field gets its value.
package struct EntitySpec: Sendable {
    package let entity: Entity
    /// The file, relative to the source's folder.
    package let file: String
    let fileSpot: Spot
    package let format: SourceFormat
    let filters: [FilterSpec]
    let splits: [SplitSpec]
    let fields: [FieldSpec]
    /// `xsd:` — the schema every file is validated against before it is mapped (relative to the
    /// mapping file), and where it is written.
    var xsd: (path: String, spot: Spot)? = nil
}

/// How a source file is written: CSV in a dialect, or XML whose records are the elements at a path.
package enum SourceFormat: Sendable {
    case csv(CSVDialect)
    case xml(records: XPath, namespaces: [String: String])

    /// The mapping key that names where a value is: a CSV column or an XPath.
    var valueKey: String {
        if case .xml = self { return "xpath" }
        return "column"
    }
}

/// Where a value is: a CSV column by header name, or by 1-based position when there is no header;
/// or an XPath relative to an XML record.
struct ColumnRef {
    enum Key: Equatable { case name(String), position(Int), xpath(XPath) }
    let key: Key
    let spot: Spot

    var display: String {
        switch key {
        case .name(let n): return "'\(n)'"
        case .position(let p): return "#\(p)"
        case .xpath(let x): return "'\(x.text)'"
        }
    }
}

enum FieldSource {
    case column(ColumnRef)
    case constant(String)
    case template([TemplatePart])
}

enum TemplatePart {
    case literal(String)
    case column(ColumnRef)
}

/// What a bad value in a field does.
package enum OnError: String, Sendable {
    /// The record is rejected (the default).
    case reject
    /// The field is loaded empty and a warning is reported: a chosen behaviour, never a silent NULL.
    case empty
}

struct FieldSpec {
    let definition: FieldDefinition
    let source: FieldSource
    let transforms: [Transform]
    let datePatterns: [DatePattern]
    let decimalComma: Bool
    let onError: OnError
    let defaultValue: String?
    let spot: Spot
}

/// One value split into several named parts (`12a-2` → 12, a, 2), usable as columns.
struct SplitSpec {
    let column: ColumnRef
    let regex: NSRegularExpression?
    let separator: String?
    let into: [String]
    let spot: Spot
}

/// A row filter: records that do not pass are not loaded (and counted as rejected by the filter).
struct FilterSpec {
    enum Condition {
        case oneOf(Set<String>)
        case noneOf(Set<String>)
        case empty(Bool)
    }
    let column: ColumnRef
    let condition: Condition
    let spot: Spot
}

extension EntitySpec {
    /// Where each field's value comes from, as comparable text: `column:Name`, `xpath:` with every
    /// name written `{uri}local` (so that the prefixes a file chose do not matter), `template:` or
    /// `const:`. `scaffold`'s test compares a draft with a shipped mapping through it.
    package var fieldSources: [(field: String, source: String)] {
        fields.map { ($0.definition.name, Self.text($0.source)) }
    }

    /// The records' path for an XML entity, comparable as `fieldSources`.
    package var recordsText: String? {
        if case .xml(let records, _) = format { return Self.canonical(records) }
        return nil
    }

    static func text(_ source: FieldSource) -> String {
        switch source {
        case .column(let ref): return text(ref)
        case .constant(let value): return "const:\(value)"
        case .template(let parts):
            return "template:" + parts.map { part in
                switch part {
                case .literal(let l): return l
                case .column(let ref): return "{\(text(ref))}"
                }
            }.joined()
        }
    }

    static func text(_ ref: ColumnRef) -> String {
        switch ref.key {
        case .name(let n): return "column:\(n)"
        case .position(let p): return "column#\(p)"
        case .xpath(let x): return "xpath:" + canonical(x)
        }
    }

    static func canonical(_ x: XPath) -> String {
        x.steps.map { step -> String in
            switch step {
            case .this: return "."
            case .parent: return ".."
            case .text: return "text()"
            case .attribute(let n): return "@{\(n.uri ?? "")}\(n.local)"
            case .child(let n, let predicates): return "{\(n.uri ?? "")}\(n.local)" + (predicates.isEmpty ? "" : "[…]")
            }
        }.joined(separator: "/")
    }
}
