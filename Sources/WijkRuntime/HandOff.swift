import Dispatch

/// A bounded queue of batches from a thread of our own to a task, in order: the reading threads of
/// a run hand mapped records to the merge through one; a table's rows are read from the merge's
/// working file ahead of the store through another. Bounded, so that memory holds a few batches,
/// never a file: the sending thread waits while the queue is full — it is a thread of its own,
/// made for that, never one of Swift's concurrency pool — and the receiving task suspends (it
/// never blocks a pool thread) while the queue is empty.
///
/// State under a lock (`Locked`, a `Mutex`); the sender's room is a semaphore with one permit per free place; a
/// suspended receiver is a continuation resumed by the next send, finish or cancel. A receiver on
/// a thread of its own (a store's writer queue taking rows) waits instead on a semaphore with one
/// permit per queued batch and one for the end, which every way of receiving keeps in step.
package final class HandOff<Element: Sendable>: Sendable {
    private struct State {
        var batches: [[Element]] = []
        var head = 0
        var finished = false
        var cancelled = false
        var waiting: CheckedContinuation<[Element]?, Never>?

        var isEmpty: Bool { head == batches.count }

        mutating func take() -> [Element] {
            let batch = batches[head]
            batches[head] = []
            head += 1
            if head > 64 {
                batches.removeFirst(head)
                head = 0
            }
            return batch
        }
    }

    private let state = Locked(State())
    private let room: DispatchSemaphore
    /// One permit per batch queued, and one for the end.
    private let ready = DispatchSemaphore(value: 0)

    package init(capacity: Int = 8) {
        // Made empty and then given its permits: libdispatch refuses to free a semaphore whose
        // count is below the one it was made with (a sender stopped mid-way would leave it so).
        room = DispatchSemaphore(value: 0)
        for _ in 0..<capacity { room.signal() }
    }

    /// Waits while the queue is full; false when the receiving side has stopped listening. Call
    /// it from a thread of your own (it blocks), never from async code.
    package func send(_ batch: [Element]) -> Bool {
        room.wait()
        let (accepted, receiver) = state.withLock { s -> (Bool, CheckedContinuation<[Element]?, Never>?) in
            guard !s.cancelled else { return (false, nil) }
            if let waiting = s.waiting {
                s.waiting = nil
                return (true, waiting)
            }
            s.batches.append(batch)
            return (true, nil)
        }
        if accepted && receiver == nil { ready.signal() }
        if !accepted {
            room.signal()       // wake the next sender too: the receiving side is gone
            return false
        }
        if let receiver {
            room.signal()       // handed over directly: its place is free again
            receiver.resume(returning: batch)
        }
        return true
    }

    /// The sending side is done.
    package func finish() {
        let receiver = state.withLock { s -> CheckedContinuation<[Element]?, Never>? in
            s.finished = true
            defer { s.waiting = nil }
            return s.waiting
        }
        ready.signal()
        receiver?.resume(returning: nil)
    }

    /// The receiving side stops early (an error): the sender's next `send` returns false.
    package func cancel() {
        let receiver = state.withLock { s -> CheckedContinuation<[Element]?, Never>? in
            s.cancelled = true
            s.batches = []
            s.head = 0
            defer { s.waiting = nil }
            return s.waiting
        }
        room.signal()
        ready.signal()
        receiver?.resume(returning: nil)
    }

    /// The next batch, suspending until there is one; nil when the sending side is done and
    /// everything is taken (or the queue was cancelled). One receiver at a time.
    package func receive() async -> [Element]? {
        if let polled = poll() {
            if polled.batch != nil { _ = ready.wait(timeout: .now()) }    // its permit, taken without waiting
            return polled.batch
        }
        return await withCheckedContinuation { continuation in
            let taken = state.withLock { s -> [Element]?? in
                if !s.isEmpty { return .some(s.take()) }
                if s.finished || s.cancelled { return .some(nil) }
                s.waiting = continuation
                return nil
            }
            if let taken {
                if taken != nil {
                    room.signal()
                    _ = ready.wait(timeout: .now())
                }
                continuation.resume(returning: taken)
            }
        }
    }

    /// The next batch for a receiver on a thread of its own, waiting for it; nil when the sending
    /// side is done and everything is taken. Never call it from async code: use `receive()`.
    package func receiveWaiting() -> [Element]? {
        ready.wait()
        let batch = poll()
        if batch?.batch == nil { ready.signal() }     // the end stays the end for a later call
        return batch?.batch
    }

    /// A batch if one is there, or the end; nil when the receiver would have to wait.
    private func poll() -> (batch: [Element]?, Void)? {
        let ready = state.withLock { s -> [Element]?? in
            if !s.isEmpty { return .some(s.take()) }
            if s.finished || s.cancelled { return .some(nil) }
            return nil
        }
        guard let ready else { return nil }
        if ready != nil { room.signal() }
        return (ready, ())
    }
}
