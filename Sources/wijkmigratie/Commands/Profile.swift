import ArgumentParser
import Foundation
import WijkOnboarding

struct Profile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What a mapping author needs to know about a source file before writing a line of its mapping.",
        discussion: """
            CSV: the encodings its bytes are valid in, the delimiter, quote and header that fit,
            records and lines, and per column the fill rate, distinct values, the most frequent
            ones and the readings that fit every value (date patterns, decimal comma or point,
            postcodes, BSNs by the elfproef). XML: every element path with counts, attributes and
            texts profiled alike, namespaces and the likely records paths. Streams the file;
            values are profiled in the first --sample records (the count covers every one).
            Personal values (BSNs, names, birth dates, e-mail addresses) are masked unless --reveal.
            """)

    @Argument(help: "The files to profile (CSV or XML).")
    var files: [String]

    @Option(name: .long, help: "Profile the values of at most this many records (of each path in XML).")
    var sample = 50_000

    @Flag(name: .long, help: "Print JSON for tools.")
    var json = false

    @Flag(name: .long, help: "Show personal values unmasked.")
    var reveal = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("name one or more files") }
        if sample < 1 { throw ValidationError("--sample is at least 1") }
    }

    func run() throws {
        var outputs: [String] = []
        var documents: [JSONValue] = []
        for file in files {
            do {
                let profile = try Profiler.profile(path: file, sample: sample)
                if json { documents.append(ProfileText.json(profile, reveal: reveal)) }
                else { outputs.append(ProfileText.text(profile, reveal: reveal)) }
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode(2)
            }
        }
        print(json ? JSONValue.array(documents).text() : outputs.joined(separator: "\n"), terminator: json ? "\n" : "")
    }
}
