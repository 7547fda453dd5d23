import Dispatch
import Foundation

/// SIGINT (Ctrl-C) and SIGTERM (a scheduler stopping the job) end a run with one line that says
/// what became of the store, and exit status 2 — never silently. A load is one transaction, so
/// an interrupted `migrate` leaves the store as it was.
enum Interruption {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install(loading: Bool) {
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let what = loading ? "a load that had not committed leaves the store as it was (a load is one transaction)" : "the store was not touched (check)"
                FileHandle.standardError.write(Data("\ninterrupted by \(name): the run stopped; \(what)\n".utf8))
                exit(2)
            }
            source.resume()
            sources.append(source)
        }
    }
}
