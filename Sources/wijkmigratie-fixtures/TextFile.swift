import Foundation

/// A text file written in chunks, in a declared encoding: memory stays flat for any size.
final class TextFile {
    private let handle: FileHandle
    private let encoding: String.Encoding
    private var pending = ""

    init(_ path: String, encoding: String.Encoding, bom: Bool = false) throws {
        guard FileManager.default.createFile(atPath: path, contents: bom ? Data([0xEF, 0xBB, 0xBF]) : Data()),
              let handle = FileHandle(forWritingAtPath: path) else { throw GeneratorError("cannot write \(path)") }
        handle.seekToEndOfFile()
        self.handle = handle
        self.encoding = encoding
    }

    func write(_ text: String) throws {
        pending += text
        if pending.utf8.count > 1 << 20 { try flush() }
    }

    /// One CSV row, quoting fields that hold the delimiter, a quote or a newline.
    func row(_ fields: [String], delimiter: Character, newline: String) throws {
        try write(fields.map { f in
            f.contains(delimiter) || f.contains("\"") || f.contains("\n") ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: String(delimiter)) + newline)
    }

    func flush() throws {
        guard !pending.isEmpty else { return }
        guard let data = pending.data(using: encoding) else { throw GeneratorError("text not representable in \(encoding)") }
        handle.write(data)
        pending = ""
    }

    func close() throws {
        try flush()
        handle.closeFile()
    }
}

struct GeneratorError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
