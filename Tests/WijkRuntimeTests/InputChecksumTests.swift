import Foundation
import Testing
import TestSupport
@testable import WijkRuntime

/// The audit checksum: every input's name and bytes, in order; an unreadable input is an error.
struct InputChecksumTests {
    @Test func nameAndBytesOfEveryInputInOrder() throws {
        let dir = TempDir("checksum")
        let one = dir.write("one.txt", "abc")
        let two = dir.write("two.txt", "")
        // SHA-256 of "one\0abc" followed by "two\0" (computed independently, with Python's hashlib).
        #expect(try InputChecksum.files([("one", one), ("two", two)]) == "59ec329c6a81be7f054f34339e907a3a87fec05face91b56a8280c92dd03ca2d")
        #expect(try InputChecksum.files([("two", two), ("one", one)]) != InputChecksum.files([("one", one), ("two", two)]))
    }

    @Test func anUnreadableInputIsAnError() throws {
        #expect(throws: UnreadableInput.self) { try InputChecksum.files([("gone", "/nonexistent/file")]) }
    }
}
