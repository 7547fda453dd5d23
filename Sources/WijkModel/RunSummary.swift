/// What became of a source's records of one entity. `read = loaded + merged + rejected` always.
public struct Counts: Codable, Equatable, Sendable {
    public var read = 0
    /// Made a new canonical row.
    public var loaded = 0
    /// Folded into a row another record made (both in `herkomst`).
    public var merged = 0
    /// Not loaded, with a reason in `afwijzing` and `rejects.csv`.
    public var rejected = 0

    public init(read: Int = 0, loaded: Int = 0, merged: Int = 0, rejected: Int = 0) {
        self.read = read
        self.loaded = loaded
        self.merged = merged
        self.rejected = rejected
    }

    public var balances: Bool { read == loaded + merged + rejected }

    public static func + (a: Counts, b: Counts) -> Counts {
        Counts(read: a.read + b.read, loaded: a.loaded + b.loaded, merged: a.merged + b.merged, rejected: a.rejected + b.rejected)
    }
}

/// The run in numbers: `summary.json`. Deterministic: the same inputs give the same file.
public struct RunSummary: Codable, Equatable, Sendable {
    public struct Source: Codable, Equatable, Sendable {
        public let bron: String
        public let gemeente: String
        /// Per entity name (`client`, `voorziening`, …).
        public var entities: [String: Counts]
        public var total: Counts

        public init(bron: String, gemeente: String, entities: [String: Counts], total: Counts) {
            self.bron = bron
            self.gemeente = gemeente
            self.entities = entities
            self.total = total
        }
    }

    public struct FindingCounts: Codable, Equatable, Sendable {
        public var errors: Int
        public var warnings: Int
        /// Per rule id: how many findings (errors and warnings).
        public var rules: [String: Int]

        public init(errors: Int, warnings: Int, rules: [String: Int]) {
            self.errors = errors
            self.warnings = warnings
            self.rules = rules
        }
    }

    public let migratie: String
    public var sources: [Source]
    public var total: Counts
    /// Rows per store table after the run.
    public var tables: [String: Int]
    public var findings: FindingCounts
    /// Whether read = loaded + merged + rejected for every source and entity.
    public var accountingHolds: Bool
    /// Why the run may not load (a source over its reject threshold); empty when nothing blocks.
    public var blocked: [String] = []
    /// Conflicts per kind, and how many of them are open (need a steward's decision).
    public var conflicts: [String: Int] = [:]
    public var openConflicts: Int = 0
    /// Conflicts a steward decided (their ids), and decisions whose conflict is gone (stale).
    public var decided: [String] = []
    public var stale: [String] = []
    /// Rows of other gemeenten a national postcode table held, skipped (nil: the table says
    /// nothing of gemeenten).
    public var postcodeRowsOfOtherGemeenten: Int?

    public init(migratie: String, sources: [Source], total: Counts, tables: [String: Int],
                findings: FindingCounts, accountingHolds: Bool) {
        self.migratie = migratie
        self.sources = sources
        self.total = total
        self.tables = tables
        self.findings = findings
        self.accountingHolds = accountingHolds
    }

    enum CodingKeys: String, CodingKey {
        case migratie, sources, total, tables, findings
        case accountingHolds = "accounting_holds"
        case blocked
        case conflicts
        case openConflicts = "open_conflicts"
        case decided
        case stale
        case postcodeRowsOfOtherGemeenten = "postcode_rows_of_other_gemeenten"
    }
}
