import Dispatch
import Synchronization
import WijkRuntime

/// The jobs of a `ReadPlan` (one per file) as the threads that read them share them: which are
/// taken, and what each left behind — a spool file per entity it fed, and the error that stopped
/// it. Jobs are taken in the order of their first entity, so the file the merge needs next is
/// always being read by someone, whatever the number of threads.
final class JobBoard: Sendable {
    struct Outcome: Sendable {
        /// Per entity of the job (in its order), the spool its events wait in; nil for the entity
        /// whose events went on at once.
        var spools: [SpoolFile?]
        var error: (any Error)?
    }

    private struct State {
        var taken: [Bool]
        var outcomes: [Outcome?]
        var next = 0
    }

    private let state: Locked<State>
    private let finished: [DispatchSemaphore]
    private let cancelled = Atomic<Bool>(false)

    init(jobs: Int) {
        state = Locked(State(taken: Array(repeating: false, count: jobs), outcomes: Array(repeating: nil, count: jobs)))
        finished = (0..<jobs).map { _ in DispatchSemaphore(value: 0) }
    }

    /// Takes this job if nobody has.
    func take(_ job: Int) -> Bool {
        state.withLock { s in
            guard !s.taken[job] else { return false }
            s.taken[job] = true
            return true
        }
    }

    /// Takes the first job nobody has taken; nil when all are taken or the run stopped.
    func takeNext() -> Int? {
        guard !isCancelled else { return nil }
        return state.withLock { s in
            while s.next < s.taken.count && s.taken[s.next] { s.next += 1 }
            guard s.next < s.taken.count else { return nil }
            s.taken[s.next] = true
            return s.next
        }
    }

    func isFinished(_ job: Int) -> Bool { state.withLock { $0.outcomes[job] != nil } }

    func finish(_ job: Int, _ outcome: Outcome) {
        state.withLock { $0.outcomes[job] = outcome }
        finished[job].signal()
    }

    /// What a job left, waiting until it is done.
    func outcome(waitingFor job: Int) -> Outcome {
        finished[job].wait()
        finished[job].signal()    // for whoever asks next
        return state.withLock { $0.outcomes[job]! }
    }

    /// The run stopped (an error, or the merge no longer listens): jobs stop at their next record.
    func cancel() { cancelled.store(true, ordering: .relaxed) }
    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }
}
