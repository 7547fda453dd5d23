import Foundation
import WijkModel

/// A migration file, read and checked, with every source's mapping compiled against its files:
/// everything a run needs to know before it reads a single record.
public struct MigrationPlan: @unchecked Sendable {
    /// The migration file as messages name it, and its folder (paths in it are relative to that).
    public let file: String
    public let folder: URL
    public let name: String
    public let gemeente: GemeenteSpec
    /// The day "active", "open", "current" and "in the future" are judged at: `peildatum:`, else
    /// the gemeente's `datum`; nil when the file gives neither (then `--peildatum` must).
    public let peildatum: CivilDate?
    /// The most FTE one person may have over all wijkteams before `medewerker.dubbel` (`max_fte`, 1.0).
    public let maxFTE: Double
    public let wijken: [WijkSpec]
    public let wijkteams: [WijkteamSpec]
    /// Postcode (PC6 `9601AB`, PC4 `9601`, or PC6 and huisnummer) → wijk and buurt.
    public let postcodes: PostcodeIndex
    public let sources: [SourcePlan]
    /// The data stewards' decisions (`besluiten:`), replayed on every run.
    public let besluiten: [Besluit]
    /// The reference files the migration file names (postcodes, besluiten), on disk.
    public let referenceFiles: [(name: String, path: String)]
    /// The store URL as written in the file (`sqlite:PATH` relative to the file), if any.
    public let store: String?
    /// The report folder, relative to the migration file's folder, if any.
    public let report: String?

    /// The wijk (and buurt, where the table has them) an address lies in.
    public func place(postcode: Postcode, huisnummer: Int?) -> PostcodeIndex.Place? {
        postcodes.place(postcode: postcode, huisnummer: huisnummer)
    }

    /// The wijkteam that serves a wijk.
    public func wijkteam(serving wijk: String) -> String? {
        wijkteams.first { $0.wijken.contains(wijk) }?.id
    }
}

public struct GemeenteSpec: Sendable, Equatable {
    /// `GM` + four digits.
    public let code: String
    public let naam: String
    public let datum: CivilDate?
}

public struct WijkSpec: Sendable, Equatable {
    public let code: String
    public let naam: String
}

public struct WijkteamSpec: Sendable, Equatable {
    public let id: String
    public let naam: String
    public let locatie: String?
    public let email: String?
    public let telefoon: String?
    public let wijken: [String]
}

/// One source: a former gemeente or a team that kept its own records.
public struct SourcePlan: @unchecked Sendable {
    public let name: String
    public let gemeente: GemeenteSpec
    public let mapping: MappingSpec
    /// The folder with the source's export files.
    public let folder: URL
    /// Old team key → new wijkteam id.
    public let teams: [String: String]
    /// The source's entities, compiled against their files, in processing order.
    public let entities: [CompiledEntity]
    /// Rules switched off or given another severity for this source (`rules:` in the migration file).
    public let ruleSettings: [RuleID: RuleSetting]
    /// The most rejects the source may have before the run stops (`max_rejects:`).
    public let maxRejects: RejectThreshold?
}

/// A rule's setting for one source.
public enum RuleSetting: Sendable, Equatable {
    case off
    case severity(Severity)
}

/// `max_rejects: 25` (records) or `max_rejects: 2%` (of the records read), per source. Records
/// skipped by a row filter do not count: they are rejected by design, not by defect.
public enum RejectThreshold: Sendable, Equatable, CustomStringConvertible {
    case count(Int)
    case percent(Double)

    public func isExceeded(rejected: Int, read: Int) -> Bool {
        switch self {
        case .count(let n): return rejected > n
        case .percent(let p): return Double(rejected) > Double(read) * p / 100
        }
    }

    public var description: String {
        switch self {
        case .count(let n): return "\(n)"
        case .percent(let p): return "\(p == p.rounded() ? String(Int(p)) : String(p))%"
        }
    }
}
