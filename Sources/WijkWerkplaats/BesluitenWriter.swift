#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import WijkMapping

/// Writes decisions into besluiten.yml: read, check that the decision still is what the page
/// showed, change it, write a temporary file beside it, check that file as the run will read it,
/// and rename it over the original — unless the file changed meanwhile. Nothing is ever half
/// written, and a refused write changes nothing.
package struct BesluitenWriter: Sendable {
    package let path: String
    /// How messages name the file.
    package let display: String
    /// The migration's sources, which `kies` must name.
    package let sources: [String]

    package init(path: String, display: String, sources: [String]) {
        self.path = path
        self.display = display
        self.sources = sources
    }

    package enum Outcome: Sendable, Equatable {
        case written
        /// The decision changed since the page was shown (another tab, an editor): nothing written.
        case stale
        /// The file changed while this write was being made: nothing written.
        case changedWhileWriting
        /// The result would not be a valid besluiten file (the message says where): nothing written.
        case invalid(String)
    }

    package func read() throws -> BesluitenText {
        BesluitenText(try String(contentsOfFile: path, encoding: .utf8))
    }

    /// Changes the decision on `id`, if its fingerprint is still `expected`.
    package func change(_ id: String, expected: String, _ edit: (inout BesluitenText) -> Void) throws -> Outcome {
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // Bytes that are not UTF-8 would not survive a round trip: refuse rather than change them.
        guard let original = String(data: before, encoding: .utf8) else { return .invalid("\(display) is not UTF-8 text") }
        var text = BesluitenText(original)
        guard text.fingerprint(id) == expected else { return .stale }
        edit(&text)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(URL(fileURLWithPath: path).lastPathComponent).werkplaats-\(UUID().uuidString)")
        try Data(text.text.utf8).write(to: temporary)
        do {
            _ = try BesluitenFile.load(path: temporary.path, display: display, sources: sources)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            return .invalid("\(error)")
        }
        // An editor that saved in between wins: its change is not overwritten.
        guard (try? Data(contentsOf: URL(fileURLWithPath: path))) == before else {
            try? FileManager.default.removeItem(at: temporary)
            return .changedWhileWriting
        }
        guard rename(temporary.path, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot replace \(display): \(reason)"])
        }
        return .written
    }
}
