import Testing
@testable import WijkCSV

/// The reader checks every field without decoding it (`problem(in:)`) and decodes a field only
/// when the mapping reads it (`decode`): the two must agree on every byte, or a field would pass
/// the check and then decode to nothing.
struct EncodingCheckTests {
    static let samples: [[UInt8]] = {
        var all = (0...255).map { [UInt8($0)] }
        all += [[0x41, 0x00, 0x42], [0xC3, 0xAB], [0xC3], [0xE2, 0x82, 0xAC], [0xE2, 0x82], [0xF0, 0x9F, 0x98, 0x80],
                [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x61, 0x81, 0x62], [0x9D], [0xFF, 0xFE], []]
        return all
    }()

    @Test(arguments: TextEncoding.allCases)
    func theCheckAgreesWithDecoding(_ encoding: TextEncoding) {
        for bytes in Self.samples {
            let problem = encoding.problem(in: bytes)
            let decoded = encoding.decode(bytes)
            #expect((problem == nil) == (decoded != nil), "\(encoding) \(bytes): problem \(String(describing: problem)), decoded \(String(describing: decoded))")
            if bytes.contains(0) { #expect(problem == .nul) }
        }
    }
}
