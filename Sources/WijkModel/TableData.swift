import Foundation

/// A value as a store column holds it.
public enum StoreValue: Hashable, Sendable {
    case null
    case text(String)
    case integer(Int)
    case real(Double)

    package init(_ value: Value?) {
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

/// Hands out a table's rows one at a time. A row that cannot be read (the merge's working file
/// failed) throws, so a store's load stops and changes nothing.
public protocol RowCursor {
    mutating func next() throws -> [StoreValue]?
}

/// The rows one store table receives, in a fixed order (sorted by key) so that the same inputs
/// give the same content. Small tables hold their rows; the merged tables of a run are read
/// from the merge's working file as the store takes them (`makeCursor`), so that a national run
/// never holds every row in memory.
public struct TableData: Sendable {
    public let name: String
    public let columns: [String]
    private var storage: Storage

    private enum Storage: Sendable {
        case held([[StoreValue]])
        case streamed(count: Int, open: @Sendable () -> any RowCursor)
    }

    public init(name: String, columns: [String], rows: [[StoreValue]] = []) {
        self.name = name
        self.columns = columns
        storage = .held(rows)
    }

    /// A table whose `count` rows come from a cursor, made anew for each reading.
    public init(name: String, columns: [String], count: Int, open: @escaping @Sendable () -> any RowCursor) {
        self.name = name
        self.columns = columns
        storage = .streamed(count: count, open: open)
    }

    public var count: Int {
        switch storage {
        case .held(let rows): return rows.count
        case .streamed(let count, _): return count
        }
    }

    /// Whether the rows come from a cursor (the merge's working file) rather than memory.
    public var isStreamed: Bool {
        if case .streamed = storage { return true }
        return false
    }

    public func makeCursor() -> any RowCursor {
        switch storage {
        case .held(let rows): return HeldRows(rows: rows[...])
        case .streamed(_, let open): return open()
        }
    }

    /// Every row, read into memory: for small tables and tests. A load goes through `makeCursor`.
    public func allRows() throws -> [[StoreValue]] {
        if case .held(let rows) = storage { return rows }
        var cursor = makeCursor()
        var rows: [[StoreValue]] = []
        while let row = try cursor.next() { rows.append(row) }
        return rows
    }

    /// Every row, read whole (a streamed table from its cursor): for small tables and tests. A
    /// read that fails throws — never an empty table in its place.
    public var rows: [[StoreValue]] {
        get throws { try allRows() }
    }
}

struct HeldRows: RowCursor {
    var rows: ArraySlice<[StoreValue]>
    mutating func next() throws -> [StoreValue]? { rows.popFirst() }
}
