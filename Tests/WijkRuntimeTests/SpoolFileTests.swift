import Foundation
import Testing
import TestSupport
@testable import WijkRuntime

/// The spool file hands back exactly what was appended, in order, across its buffer's edges.
struct SpoolFileTests {
    @Test func entriesComeBackInOrderAcrossBufferEdges() throws {
        let spool = SpoolFile(in: try SpoolArea())
        var written: [[UInt8]] = []
        var rng = UInt64(42)
        func next() -> UInt64 { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return rng >> 33 }
        // Small entries, an empty one, and a few larger than the 1 MiB buffer.
        for i in 0..<20_000 {
            let size = i % 5000 == 17 ? SpoolFile.chunkSize + Int(next() % 70_000) : Int(next() % 300)
            let entry = (0..<size).map { UInt8(truncatingIfNeeded: $0 &+ i) }
            written.append(entry)
            spool.append(entry)
        }
        spool.append([])
        written.append([])
        spool.rewind()
        var read: [[UInt8]] = []
        while let entry = spool.next() { read.append(entry) }
        #expect(spool.failure == nil)
        #expect(spool.count == written.count)
        #expect(read.count == written.count)
        #expect(read == written)
    }

    /// A folder of thousands of messages, each feeding three entities, waits in thousands of
    /// spools: they share one file, so they hold no descriptor each (the first design held one per
    /// spool, and a large message folder would have run out of them).
    @Test func thousandsOfSpoolsShareOneFile() throws {
        func openDescriptors() -> Int { (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0 }
        let before = openDescriptors()
        let area = try SpoolArea()
        let spools = (0..<5_000).map { i -> SpoolFile in
            let spool = SpoolFile(in: area)
            spool.append(Array("entry \(i)".utf8))
            spool.append([UInt8(i % 256)])
            spool.rewind()
            return spool
        }
        #expect(openDescriptors() - before < 50)
        for (i, spool) in spools.enumerated().reversed() {
            #expect(spool.next() == Array("entry \(i)".utf8))
            #expect(spool.next() == [UInt8(i % 256)])
            #expect(spool.next() == nil)
        }
        #expect(area.failure == nil)
    }

    @Test func aFolderThatCannotHoldItIsOneClearMessage() {
        do {
            _ = try SpoolArea(folder: "/nonexistent/folder")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("cannot make a spool file in /nonexistent/folder"))
            #expect("\(error)".contains("TMPDIR"))
        }
    }

    @Test func nothingIsHandedOutBeforeTheWritingEnds() throws {
        let spool = SpoolFile(in: try SpoolArea())
        spool.append([1, 2, 3])
        #expect(spool.next() == nil)
        spool.rewind()
        #expect(spool.next() == [1, 2, 3])
        #expect(spool.next() == nil)
        // Adding after the reading began is refused, and said, never a crash.
        spool.append([4])
        #expect(spool.failure?.contains("after its reading began") == true)
    }
}
