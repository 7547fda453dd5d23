import ArgumentParser
import Foundation
import WijkModel
import WijkPipeline
import WijkStats
import WijkStore

struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Monitoring after the merger: figures per wijkteam from the store (caseload, open hulpvragen, referrals by verwijzer, plans per household).",
        discussion: """
            Reads the store that migrate loaded (SQLite or PostgreSQL) and writes stats.csv,
            verwijzers.csv and stats.html; prints the figures. Figures only: no names, no BSNs.
            """)

    @Argument(help: "The migration file whose store to read (or give --store).")
    var migrationFile: String?

    @Option(name: .long, help: "The store: sqlite:PATH or postgres://user@host:port/db (default: the migration file's store).")
    var store: String?

    @Option(name: .long, help: "The folder for stats.csv, verwijzers.csv and stats.html (default: stats/ next to an SQLite store, else ./stats).")
    var out: String?

    @Option(name: .long, help: "The day the figures are judged at, yyyy-MM-dd (default: the migration file's peildatum, else the one the store's last run recorded).")
    var peildatum: String?

    func validate() throws {
        if migrationFile == nil && store == nil { throw ValidationError("give the migration file or --store") }
        if let peildatum, CivilDate(iso: peildatum) == nil { throw ValidationError("--peildatum '\(peildatum)' is not a date as yyyy-MM-dd") }
    }

    func run() async throws {
        do {
            let location: StoreLocation
            var day = peildatum.flatMap { CivilDate(iso: $0) }
            if let migrationFile {
                let pipeline = try Pipeline.prepare(migrationFile: migrationFile, options: Pipeline.Options(load: false, store: store))
                location = try pipeline.storeLocation
                day = day ?? pipeline.plan.peildatum
            } else {
                location = try StoreLocation(store!)
            }
            let figures = try await StatsRun.figures(store: location, peildatum: day)
            let folder: URL
            if let out { folder = URL(fileURLWithPath: out) }
            else if case .sqlite(let path) = location { folder = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("stats") }
            else { folder = URL(fileURLWithPath: "stats") }
            try StatsRun.write(figures, to: folder)
            print(StatsRun.text(figures), terminator: "")
            print("written: \(folder.path)/stats.csv, verwijzers.csv, stats.html")
        } catch {
            throw Failure.report(error)
        }
    }
}
