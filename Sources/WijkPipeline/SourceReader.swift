import Foundation
import Logging
import WijkMapping
import WijkModel
import WijkRuntime

/// The reading side of a run: every source file parsed and mapped once, its records handed on as
/// `ReadEvent`s in the order the merge needs (entity by entity, each entity source by source;
/// see `ReadPlan`), whatever the number of threads — so every id, report and store byte is the
/// same with one thread or many.
///
/// The thread that calls `run` puts the events in order. When an entity's turn comes and nobody
/// has read its file yet, it reads the file itself: that entity's records go straight on, the
/// file's other entities into spool files. `threads - 1` more threads read the files after it, in
/// the order they will be needed, into spool files; when the file the merge needs is still being
/// read by one of them, the ordering thread reads ahead too instead of waiting.
struct SourceReader: Sendable {
    let plan: MigrationPlan
    /// How many threads read files (at least 1: the one that calls `run`).
    let threads: Int
    let progress: (@Sendable (RunProgress) -> Void)?
    let logger: Logger

    /// Reads everything, handing batches of events to `send`, the counts last; stops early when
    /// `send` returns false (the merge stopped) or a file cannot be read (sent as `.failed`).
    func run(send: @escaping ([ReadEvent]) -> Bool) {
        let out = EventBatcher(send: send)
        let readPlan = ReadPlan(plan)
        let board = JobBoard(jobs: readPlan.jobs.count)
        // The one file every spool of the run lives in, when anything will wait in one.
        var area: SpoolArea?
        if threads > 1 || readPlan.jobs.contains(where: { $0.items.count > 1 }) {
            do { area = try SpoolArea() } catch {
                out.emit(.failed(RunError(.workingFile, "\(error); nothing was loaded")))
                out.emit(.produced(out.produced))
                return out.flush()
            }
        }
        let workers = DispatchGroup()
        for _ in 0..<(area == nil ? 0 : threads - 1) {
            workers.enter()
            Thread { [self, area] in
                defer { workers.leave() }
                while let job = board.takeNext() { board.finish(job, readAhead(job, readPlan, board, area, progress: nil)) }
            }.start()
        }
        defer {
            board.cancel()
            workers.wait()
            out.emit(.produced(out.produced))
            out.flush()
        }
        for item in readPlan.items {
            let compiled = item.compiled
            logger.info("reading", metadata: ["bron": "\(compiled.bron)", "entiteit": "\(compiled.entity.rawValue)", "bestand": "\(compiled.bestand)"])
            if item.slot == 0 && board.take(item.job) {
                // Nobody has read the file: read it here, this entity straight on.
                let outcome = read(item.job, readPlan, board, area, direct: out, progress: progress)
                board.finish(item.job, outcome)
                if let error = outcome.error { return out.emit(.failed(error)) }
            } else {
                while !board.isFinished(item.job), let ahead = board.takeNext() {
                    board.finish(ahead, readAhead(ahead, readPlan, board, area, progress: progress))
                }
                let outcome = board.outcome(waitingFor: item.job)
                if let spool = outcome.spools[item.slot] {
                    if let error = replay(spool, compiled, into: out) { return out.emit(.failed(error)) }
                }
                // A file that could not be read stops the run where its first entity's turn is.
                if item.slot == 0, let error = outcome.error { return out.emit(.failed(error)) }
            }
            guard out.listening else { return }
        }
    }

    /// Reads a job's file with every entity into a spool file.
    private func readAhead(_ job: Int, _ readPlan: ReadPlan, _ board: JobBoard, _ area: SpoolArea?,
                           progress: (@Sendable (RunProgress) -> Void)?) -> JobBoard.Outcome {
        read(job, readPlan, board, area, direct: nil, progress: progress)
    }

    /// Reads a job's file: its first entity into `direct` if given, every other one into a spool file.
    private func read(_ job: Int, _ readPlan: ReadPlan, _ board: JobBoard, _ area: SpoolArea?, direct: EventSink?,
                      progress: (@Sendable (RunProgress) -> Void)?) -> JobBoard.Outcome {
        let plannedJob = readPlan.jobs[job]
        let items = plannedJob.items.map { readPlan.items[$0] }
        var spools: [SpoolFile?] = []
        var sinks: [EventSink] = []
        for (slot, _) in items.enumerated() {
            if slot == 0, let direct {
                spools.append(nil)
                sinks.append(direct)
            } else if let area {
                let file = SpoolFile(in: area)
                spools.append(file)
                sinks.append(SpoolSink(file: file, stopped: { board.isCancelled }))
            }
        }
        var failure: (any Error)?
        do {
            var reader = FileReader(job: plannedJob, items: items, sinks: sinks, progress: progress)
            reader.mappingThread = threads > 1
            try reader.read()
        } catch {
            failure = error
        }
        for spool in spools.compactMap({ $0 }) {
            spool.rewind()
            if failure == nil, let problem = spool.failure { failure = RunError(.workingFile, "\(problem); nothing was loaded") }
        }
        return JobBoard.Outcome(spools: spools, error: failure)
    }

    /// Hands on the events of an entity read ahead; the error that stops the run, if any.
    private func replay(_ spool: SpoolFile, _ compiled: CompiledEntity, into out: EventBatcher) -> (any Error)? {
        let stage = "\(compiled.bestand) (\(compiled.entity.rawValue))"
        var seen = 0
        while out.listening, let bytes = spool.next() {
            seen += 1
            if let progress, seen == 1 || seen % 4096 == 0 {
                progress(RunProgress(stage: stage, records: seen, fraction: Double(seen) / Double(max(spool.count, 1))))
            }
            do { out.emit(try ReadEventCoding.decode(bytes, of: compiled)) } catch {
                return RunError(.workingFile, "a spool file of \(compiled.display) was damaged under the run; nothing was loaded")
            }
        }
        if let failure = spool.failure { return RunError(.workingFile, "\(failure); nothing was loaded") }
        return nil
    }
}
