#if TSAN_VISIBLE_LOCKS
import Foundation
#else
import Synchronization
#endif

/// A value shared between threads, reached only under its lock: `Mutex` from Synchronization.
///
/// Built with `-DTSAN_VISIBLE_LOCKS` (the ThreadSanitizer run of `scripts/tsan`), the lock is a
/// pthread mutex (`NSLock`) instead: ThreadSanitizer cannot see `Mutex`'s hand-over on Linux (it
/// takes the lock through futexes in code it does not instrument), so it would report every
/// access made under a contended `Mutex` as a race — a program of four threads appending to one
/// array under a `Mutex` gets five reports, the same with `NSLock` none. With the lock it can
/// see, what it still reports is ours.
package final class Locked<Value: Sendable>: Sendable {
    #if TSAN_VISIBLE_LOCKS
    private let lock = NSLock()
    nonisolated(unsafe) private var value: Value

    package init(_ value: Value) { self.value = value }

    package func withLock<Result: Sendable, E: Error>(_ body: (inout Value) throws(E) -> Result) throws(E) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
    #else
    private let mutex: Mutex<Value>

    package init(_ value: Value) { mutex = Mutex(value) }

    package func withLock<Result: Sendable, E: Error>(_ body: (inout Value) throws(E) -> Result) throws(E) -> Result {
        try mutex.withLock { (value: inout sending Value) throws(E) -> sending Result in try body(&value) }
    }
    #endif
}
