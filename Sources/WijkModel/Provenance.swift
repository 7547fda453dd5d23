/// Where in a source file a record was found: a physical line (CSV) or an XPath (XML).
public enum Location: Hashable, Sendable, CustomStringConvertible {
    case line(Int)
    case xpath(String, line: Int)

    public var description: String {
        switch self {
        case .line(let n): return "line \(n)"
        case .xpath(let path, let line): return "\(path) (line \(line))"
        }
    }

    /// The text the store's `locatie` column and the reports carry: the line of a CSV record; the
    /// XPath and line of an XML record.
    public var stored: String {
        switch self {
        case .line(let n): return String(n)
        case .xpath(let path, let line): return "\(path) (line \(line))"
        }
    }

    public var line: Int {
        switch self {
        case .line(let n), .xpath(_, let n): return n
        }
    }
}

/// Every canonical row keeps one of these for each source record that made it (`herkomst`).
public struct Provenance: Hashable, Sendable {
    /// The source's name in the migration file (`hoogezand-sappemeer`).
    public let bron: String
    /// The file, relative to the migration file's folder.
    public let bestand: String
    public let locatie: Location
    /// The record's own key in its source, where it has one.
    public let bronSleutel: String?

    public init(bron: String, bestand: String, locatie: Location, bronSleutel: String?) {
        self.bron = bron
        self.bestand = bestand
        self.locatie = locatie
        self.bronSleutel = bronSleutel
    }

    public func withKey(_ key: String?) -> Provenance {
        Provenance(bron: bron, bestand: bestand, locatie: locatie, bronSleutel: key)
    }
}
