import Crypto
import Foundation

/// The audit checksum of a run's inputs (`migratierun.input_checksum`): SHA-256, through
/// swift-crypto, over every input file in a fixed order, each preceded by its name and a NUL.
/// An input that cannot be read stops it: nothing is ever left out of the audit.
package enum InputChecksum {
    package static func files(_ paths: [(name: String, path: String)]) throws -> String {
        var hash = SHA256()
        for (name, path) in paths {
            hash.update(data: Array(name.utf8) + [0])
            guard let handle = FileHandle(forReadingAtPath: path) else { throw UnreadableInput(name: name, path: path) }
            defer { try? handle.close() }
            while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty {
                hash.update(data: data)
            }
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The hex SHA-256 of a text (conflict ids are made from it).
    package static func hex(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// An input of the audit checksum that cannot be read.
package struct UnreadableInput: Error, CustomStringConvertible {
    package let name: String
    package let path: String
    package var description: String { "\(path) (\(name)) cannot be read" }
}
