import Foundation
import WijkModel

/// A migration file, read and checked, with every source's mapping compiled against its files:
/// everything a run needs to know before it reads a single record.
package struct MigrationPlan: Sendable {
    /// The migration file as messages name it, and its folder (paths in it are relative to that).
    package let file: String
    package let folder: URL
    package let name: String
    package let gemeente: GemeenteSpec
    /// The day "active", "open", "current" and "in the future" are judged at: `peildatum:`, else
    /// the gemeente's `datum`; nil when the file gives neither (then `--peildatum` must).
    package let peildatum: CivilDate?
    /// The most FTE one person may have over all wijkteams before `medewerker.dubbel` (`max_fte`, 1.0).
    package let maxFTE: Double
    package let wijken: [WijkSpec]
    package let wijkteams: [WijkteamSpec]
    /// Postcode (PC6 `9601AB`, PC4 `9601`, or PC6 and huisnummer) → wijk and buurt.
    package let postcodes: PostcodeIndex
    package let sources: [SourcePlan]
    /// The data stewards' decisions (`besluiten:`), replayed on every run.
    package let besluiten: [Besluit]
    /// The reference files the migration file names (postcodes, besluiten), on disk.
    package let referenceFiles: [(name: String, path: String)]
    /// The store URL as written in the file (`sqlite:PATH` relative to the file), if any.
    package let store: String?
    /// The report folder, relative to the migration file's folder, if any.
    package let report: String?

    /// The wijk (and buurt, where the table has them) an address lies in.
    package func place(postcode: Postcode, huisnummer: Int?) -> PostcodeIndex.Place? {
        postcodes.place(postcode: postcode, huisnummer: huisnummer)
    }

    /// The wijkteam that serves a wijk.
    package func wijkteam(serving wijk: String) -> String? {
        wijkteams.first { $0.wijken.contains(wijk) }?.id
    }
}

package struct GemeenteSpec: Sendable, Equatable {
    /// `GM` + four digits.
    package let code: String
    package let naam: String
    package let datum: CivilDate?
}

package struct WijkSpec: Sendable, Equatable {
    package let code: String
    package let naam: String
}

package struct WijkteamSpec: Sendable, Equatable {
    package let id: String
    package let naam: String
    package let locatie: String?
    package let email: String?
    package let telefoon: String?
    package let wijken: [String]
}

/// One source: a former gemeente or a team that kept its own records.
package struct SourcePlan: Sendable {
    package let name: String
    package let gemeente: GemeenteSpec
    package let mapping: MappingSpec
    /// The folder with the source's export files.
    package let folder: URL
    /// Old team key → new wijkteam id.
    package let teams: [String: String]
    /// The source's entities, compiled against their files, in processing order.
    package let entities: [CompiledEntity]
    /// Rules switched off or given another severity for this source (`rules:` in the migration file).
    package let ruleSettings: [RuleID: RuleSetting]
    /// The most rejects the source may have before the run stops (`max_rejects:`).
    package let maxRejects: RejectThreshold?
}

/// A rule's setting for one source.
package enum RuleSetting: Sendable, Equatable {
    case off
    case severity(Severity)
}

/// `max_rejects: 25` (records) or `max_rejects: 2%` (of the records read), per source. Records
/// skipped by a row filter do not count: they are rejected by design, not by defect.
package enum RejectThreshold: Sendable, Equatable, CustomStringConvertible {
    case count(Int)
    case percent(Double)

    package func isExceeded(rejected: Int, read: Int) -> Bool {
        switch self {
        case .count(let n): return rejected > n
        case .percent(let p): return Double(rejected) > Double(read) * p / 100
        }
    }

    package var description: String {
        switch self {
        case .count(let n): return "\(n)"
        case .percent(let p): return "\(p == p.rounded() ? String(Int(p)) : String(p))%"
        }
    }
}
