/// A value as a store column holds it.
public enum StoreValue: Hashable, Sendable {
    case null
    case text(String)
    case integer(Int)
    case real(Double)

    public init(_ value: Value?) {
        switch value {
        case nil: self = .null
        case .integer(let i)?: self = .integer(i)
        case .decimal(let d)?: self = .real(d)
        case let v?: self = .text(v.canonicalText)
        }
    }

    public init(_ text: String?) {
        self = text.map(StoreValue.text) ?? .null
    }

    /// A text that orders and compares values (for tests and deterministic sorting).
    public var sortKey: String {
        switch self {
        case .null: return ""
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .real(let d): return String(d)
        }
    }
}

/// The rows one store table receives, in a fixed order (sorted by key) so that the same inputs
/// give the same content.
public struct TableData: Sendable {
    public let name: String
    public let columns: [String]
    public var rows: [[StoreValue]]

    public init(name: String, columns: [String], rows: [[StoreValue]] = []) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}
