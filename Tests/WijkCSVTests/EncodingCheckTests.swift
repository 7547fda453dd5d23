import Foundation
import Testing
@testable import WijkCSV

/// The reader checks every field without decoding it (`problem(in:)`) and decodes a field only
/// when the mapping reads it (`decodeChecked`, which does not check again): the check must refuse
/// exactly what the encoding cannot hold, and what it lets through must decode to the right text.
struct EncodingCheckTests {
    static let samples: [[UInt8]] = {
        var all = (0...255).map { [UInt8($0)] }
        all += [[0x41, 0x00, 0x42], [0xC3, 0xAB], [0xC3], [0xE2, 0x82, 0xAC], [0xE2, 0x82], [0xF0, 0x9F, 0x98, 0x80],
                [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x61, 0x81, 0x62], [0x9D], [0xFF, 0xFE], [0x80, 0x9F, 0xA0, 0xE9], []]
        return all
    }()

    static func refused(_ bytes: [UInt8], _ encoding: TextEncoding) -> Bool {
        if bytes.contains(0) { return true }
        switch encoding {
        case .utf8: return String(validating: bytes, as: UTF8.self) == nil
        case .iso88591: return false
        case .windows1252: return bytes.contains { [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }
        }
    }

    static func foundation(_ encoding: TextEncoding) -> String.Encoding {
        switch encoding {
        case .utf8: return .utf8
        case .iso88591: return .isoLatin1
        case .windows1252: return .windowsCP1252
        }
    }

    @Test(arguments: TextEncoding.allCases)
    func theCheckRefusesWhatTheEncodingCannotHoldAndTheRestDecodesRight(_ encoding: TextEncoding) {
        for bytes in Self.samples {
            let problem = encoding.problem(in: bytes)
            #expect((problem != nil) == Self.refused(bytes, encoding), "\(encoding) \(bytes): \(String(describing: problem))")
            if bytes.contains(0) { #expect(problem == .nul) }
            guard problem == nil else { continue }
            #expect(encoding.decodeChecked(bytes) == String(bytes: bytes, encoding: Self.foundation(encoding)), "\(encoding) \(bytes)")
            #expect(encoding.decode(bytes) == encoding.decodeChecked(bytes))
        }
    }
}
