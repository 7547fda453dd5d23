import Foundation

/// Profiles files of either kind.
package enum Profiler {
    package enum FileProfile: Sendable {
        case csv(CSVProfile)
        case xml(XMLProfile)
    }

    package static func profile(path: String, sample: Int) throws -> FileProfile {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard FileManager.default.isReadableFile(atPath: path) else { throw ProfileError("\(path): cannot read the file") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ProfileError("\(path) is a folder: name its files (e.g. \(path)/*.csv)")
        }
        if isXML(path) { return .xml(try XMLProfile.profile(path: path, display: name, bytes: size(path), sample: sample)) }
        return .csv(try CSVProfile.profile(path: path, display: name, sample: sample))
    }

    /// XML by its extension, or by a first character '<' after a BOM and white space.
    static func isXML(_ path: String) -> Bool {
        if path.lowercased().hasSuffix(".xml") { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        var bytes = [UInt8](handle.readData(ofLength: 64))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 } == UInt8(ascii: "<")
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
