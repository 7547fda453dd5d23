import Foundation
import TestSupport
@testable import WijkMapping

/// A small migration in a temporary folder: one source with a clienten.csv, and a mapping file
/// whose text a test chooses.
struct Scenario {
    let dir = TempDir("mapping")

    static let migration = """
        migratie: test
        gemeente: { code: GM1952, naam: Midden-Groningen, datum: 2018-01-01 }
        wijken:
          - { code: WK195201, naam: Hoogezand }
        wijkteams:
          - { id: wt-hoogezand, naam: Wijkteam Hoogezand, wijken: [WK195201] }
        bronnen:
          - bron: hs
            gemeente: { code: GM0018, naam: Hoogezand-Sappemeer }
            mapping: mapping.yml
            folder: data
            teams: { HS-N: wt-hoogezand }
        """

    static let clients = "Clientnr;BSN;Achternaam;Geb.datum;Geslacht\r\nC1;123456782;Bakker;01-02-1950;M\r\n"

    init(mapping: String, migration: String = Scenario.migration, clients: String = Scenario.clients) {
        dir.write("migratie.yml", migration)
        dir.write("mapping.yml", mapping)
        dir.write("data/clienten.csv", clients)
    }

    var migrationPath: String { dir.path + "/migratie.yml" }

    /// The configuration errors loading the migration gives (empty when it loads).
    func errors() -> [ConfigError] {
        do {
            _ = try MigrationFile.load(path: migrationPath)
            return []
        } catch let errors as ConfigErrors {
            return errors.errors
        } catch {
            return [ConfigError(file: "?", line: 0, column: 0, message: "unexpected \(error)")]
        }
    }

    func plan() throws -> MigrationPlan { try MigrationFile.load(path: migrationPath) }
}

/// A mapping file for `Scenario.clients` with `fields` under client.
func clientMapping(_ fields: String, extra: String = "") -> String {
    """
    csv: { delimiter: ";", encoding: windows-1252 }
    \(extra)
    entities:
      client:
        file: clienten.csv
        fields:
    \(fields.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
    """
}
