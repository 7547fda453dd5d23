import Foundation
import Testing
import TestSupport

/// The merge's working file, seen from the command line.
struct WorkingFileTests {
    /// A working file (or a spool file) that cannot grow (a full disk; here a file-size limit, so that the test
    /// needs no small disk of its own) stops the run with one message that says what and where to
    /// look, exit status 2, and leaves the store as it was.
    @Test(.timeLimit(.minutes(5))) func aWorkingFileThatCannotGrowStopsTheRunAndChangesNothing() throws {
        let dir = TempDir("working-file")
        let (scenario, path, before) = try generatedScenarioBesideADemoStore(clients: 10_000, in: dir)

        // Files may grow to 512 KiB; the 10,000-client merge needs several megabytes. SIGXFSZ is
        // ignored, so that a write past the limit fails (EFBIG) instead of killing the process.
        let work = dir.path + "/work"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let binary = productsDirectory().appendingPathComponent("wijkmigratie").path
        let run = try runProgram("bash", ["-c", "trap '' XFSZ; ulimit -f 512; exec \"$0\" migrate migratie.yml --allow-open --store \"$1\"",
                                          binary, "sqlite:\(path)"],
                                 in: scenario, environment: ["TMPDIR": work])
        #expect(run.status == 2, "\(run.stderr)")
        // Whichever of the run's files in TMPDIR reaches the limit first: the merge's working file,
        // or a spool file where an entity read early waits for its turn.
        #expect(run.stderr.contains("writing the merge's working file failed: File too large")
                || run.stderr.contains("writing a spool file failed: File too large"), "\(run.stderr)")
        #expect(run.stderr.contains("TMPDIR") && run.stderr.contains("nothing was loaded"))
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Backtrace"))
        #expect(try sqliteDump(path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work).isEmpty, "the working file was left behind")
    }
}
