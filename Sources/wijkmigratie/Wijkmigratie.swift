import ArgumentParser
import Foundation
import Logging
import WijkMapping
import WijkModel
import WijkPipeline
import WijkStore

@main
struct Wijkmigratie: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wijkmigratie",
        abstract: "Move the records of merging wijkteams into one store, losing nothing.",
        discussion: """
            Exit status: 0 done and nothing blocks; 1 finished, but something needs a steward;
            2 the run could not be done (a bad migration or mapping file, unreadable input,
            a store that cannot be used): one message on stderr says where and what to do.
            """,
        subcommands: [Check.self, Migrate.self, Stats.self, Rules.self, Profile.self, ScaffoldCommand.self, ExplainCommand.self, WerkplaatsCommand.self, Schema.self])
}

/// Options that `check` and `migrate` share.
struct RunOptions: ParsableArguments {
    @Argument(help: "The migration file (migratie.yml).")
    var migrationFile: String

    @Option(name: .long, help: "The report folder (default: the migration file's 'report', else report/ next to the store).")
    var report: String?

    @Flag(name: .long, help: "Show BSNs and other personal values unmasked in the reports.")
    var revealBSN = false

    @Flag(name: .shortAndLong, help: "Log each stage on stderr (never names or BSNs).")
    var verbose = false

    @Flag(name: .long, help: "Print on stderr how long each stage took (the benchmarks read it).")
    var timings = false

    @Option(name: .long, help: "The day 'active', 'open' and 'in the future' are judged at, yyyy-MM-dd (default: the migration file's peildatum, else its gemeente's datum).")
    var peildatum: String?

    @Option(name: .long, help: "How many threads read and map the source files and detect conflicts (default: one per core; 1 runs everything on one thread). The result is the same whatever the number.")
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be 1 or more") }
        if let peildatum, CivilDate(iso: peildatum) == nil { throw ValidationError("--peildatum '\(peildatum)' is not a date that exists as yyyy-MM-dd") }
    }
}

enum Runner {
    static func run(_ options: RunOptions, load: Bool, store: String?, allowOpen: Bool = false) async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = options.verbose ? .info : .warning
            return handler
        }
        Interruption.install(loading: load)
        var pipelineOptions = Pipeline.Options(load: load, store: store, report: options.report, revealBSN: options.revealBSN,
                                               peildatum: options.peildatum.flatMap { CivilDate(iso: $0) }, allowOpen: allowOpen)
        pipelineOptions.clock = { Date() }
        pipelineOptions.threads = options.threads
        let progress = ProgressLine.make()
        if let progress { pipelineOptions.progress = { progress.update($0) } }
        do {
            let pipeline = try Pipeline.prepare(migrationFile: options.migrationFile, options: pipelineOptions,
                                                logger: Logger(label: "wijkmigratie"))
            let result: RunResult
            do {
                result = try await pipeline.run()
                progress?.finish()
            } catch {
                progress?.finish()
                throw error
            }
            print(Summary.text(result, loaded: load, store: try? pipeline.storeLocation))
            if options.timings {
                for t in result.timings {
                    let line = "timing: " + t.stage.padding(toLength: 30, withPad: " ", startingAt: 0) + String(format: "%8.3f s", t.seconds)
                        + (t.peakMB.map { String(format: "   peak %6d MB", $0) } ?? "") + "\n"
                    FileHandle.standardError.write(Data(line.utf8))
                }
            }
            for reason in result.summary.blocked {
                FileHandle.standardError.write(Data("blocked: \(reason)\n".utf8))
            }
            for id in result.summary.stale {
                FileHandle.standardError.write(Data("warning: the decision on \(id) in besluiten.yml matches no conflict any more (stale)\n".utf8))
            }
            if result.exitStatus != 0 {
                if load { FileHandle.standardError.write(Data("nothing was loaded; see the report\n".utf8)) }
                throw ExitCode(result.exitStatus)
            }
        } catch {
            throw Failure.report(error)
        }
    }
}

/// A run that could not be done: its one message on stderr, and exit status 2 — for any error
/// but an exit status already chosen or an argument mistake, which pass through.
enum Failure {
    static func report(_ error: Error) -> Error {
        let message: String
        switch error {
        case let errors as ConfigErrors:
            message = errors.description + "\n\(errors.errors.count) mistake(s) in the configuration; no data was read.\n"
        case let error as RunError:
            message = "error: \(error.description)\n"
        case let error as StoreError:
            message = "error: \(error.message)\n"
        case is ExitCode, is CleanExit, is ValidationError:
            return error
        default:
            // Anything unplanned is a run that could not be done (2), never "a steward must look" (1).
            message = "error: the run stopped on something unexpected: \(error)\n"
        }
        FileHandle.standardError.write(Data(message.utf8))
        return ExitCode(2)
    }
}
