import WijkModel

/// A compact binary form for values that a run writes to its working files and reads back
/// (the merge keeps its rows on disk so that memory follows the number of keys, not of records).
/// Not a storage format: it lives only as long as one run.
package struct ByteWriter: Sendable {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    package mutating func clear() { bytes.removeAll(keepingCapacity: true) }

    package mutating func byte(_ b: UInt8) { bytes.append(b) }

    package mutating func unsigned(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    package mutating func count(_ n: Int) { unsigned(UInt64(n)) }

    package mutating func integer(_ value: Int) {
        unsigned(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))))
    }

    package mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    package mutating func string(_ value: String) {
        var s = value
        s.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    package mutating func append(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }

    package mutating func optionalString(_ value: String?) {
        guard let value else { return byte(0) }
        byte(1)
        string(value)
    }
}

/// Reads what `ByteWriter` wrote. Reading past the end, or a byte that cannot be there, is a
/// `ByteCodingError` (a working file that was damaged under the run), never a crash.
package struct ByteReader {
    private let bytes: [UInt8]
    private var at: Int

    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
        at = 0
    }

    package var atEnd: Bool { at >= bytes.count }

    package mutating func byte() throws -> UInt8 {
        guard at < bytes.count else { throw ByteCodingError() }
        defer { at += 1 }
        return bytes[at]
    }

    package mutating func unsigned() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
            guard shift < 64 else { throw ByteCodingError() }
        }
    }

    package mutating func count() throws -> Int {
        let n = try unsigned()
        guard n <= UInt64(bytes.count) else { throw ByteCodingError() }
        return Int(n)
    }

    package mutating func integer() throws -> Int {
        let u = try unsigned()
        return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
    }

    package mutating func double() throws -> Double {
        guard at + 8 <= bytes.count else { throw ByteCodingError() }
        var bits: UInt64 = 0
        for i in (0..<8).reversed() { bits = bits << 8 | UInt64(bytes[at + i]) }
        at += 8
        return Double(bitPattern: bits)
    }

    package mutating func string() throws -> String {
        let n = try count()
        guard at + n <= bytes.count else { throw ByteCodingError() }
        defer { at += n }
        return String(decoding: bytes[at..<(at + n)], as: UTF8.self)
    }

    package mutating func optionalString() throws -> String? {
        try byte() == 0 ? nil : try string()
    }

    /// The next `n` bytes as they are.
    package mutating func bytes(_ n: Int) throws -> [UInt8] {
        guard n >= 0, at + n <= bytes.count else { throw ByteCodingError() }
        defer { at += n }
        return Array(bytes[at..<(at + n)])
    }

    /// Steps over a string without making it.
    package mutating func skipString() throws {
        let n = try count()
        guard at + n <= bytes.count else { throw ByteCodingError() }
        at += n
    }

    mutating func skip(_ n: Int) throws {
        guard at + n <= bytes.count else { throw ByteCodingError() }
        at += n
    }
}

package struct ByteCodingError: Error, Sendable {
    package init() {}
}

extension Value {
    package static func encode(_ value: Value?, into w: inout ByteWriter) {
        switch value {
        case nil: w.byte(0)
        case .text(let s)?: w.byte(1); w.string(s)
        case .integer(let i)?: w.byte(2); w.integer(i)
        case .decimal(let d)?: w.byte(3); w.double(d)
        case .date(let d)?: w.byte(4); w.integer(d.year); w.byte(UInt8(d.month)); w.byte(UInt8(d.day))
        case .bsn(let b)?: w.byte(5); w.string(b.value)
        case .postcode(let p)?: w.byte(6); w.string(p.value)
        }
    }

    package static func decode(from r: inout ByteReader) throws -> Value? {
        switch try r.byte() {
        case 0: return nil
        case 1: return .text(try r.string())
        case 2: return .integer(try r.integer())
        case 3: return .decimal(try r.double())
        case 4:
            let year = try r.integer(), month = Int(try r.byte()), day = Int(try r.byte())
            return .date(CivilDate(unchecked: year, month, day))
        case 5: return .bsn(BSN(unchecked: try r.string()))
        case 6: return .postcode(Postcode(unchecked: try r.string()))
        default: throw ByteCodingError()
        }
    }

    /// Steps over a list of values without making them.
    package static func skipAll(in r: inout ByteReader) throws {
        for _ in 0..<(try r.count()) {
            switch try r.byte() {
            case 0: break
            case 1, 5, 6: try r.skipString()
            case 2: _ = try r.unsigned()
            case 3: try r.skip(8)
            case 4: _ = try r.unsigned(); try r.skip(2)
            default: throw ByteCodingError()
            }
        }
    }

    package static func encode(_ values: [Value?], into w: inout ByteWriter) {
        w.count(values.count)
        for v in values { encode(v, into: &w) }
    }

    package static func decodeAll(from r: inout ByteReader) throws -> [Value?] {
        let n = try r.count()
        var values: [Value?] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try decode(from: &r)) }
        return values
    }
}

extension Provenance {
    package func encode(into w: inout ByteWriter) {
        w.string(bron)
        w.string(bestand)
        locatie.encode(into: &w)
        w.optionalString(bronSleutel)
    }

    package static func decode(from r: inout ByteReader) throws -> Provenance {
        let bron = try r.string(), bestand = try r.string()
        let locatie = try Location.decode(from: &r)
        return Provenance(bron: bron, bestand: bestand, locatie: locatie, bronSleutel: try r.optionalString())
    }
}

extension Location {
    package func encode(into w: inout ByteWriter) {
        switch self {
        case .line(let n): w.byte(0); w.integer(n)
        case .xpath(let path, let line): w.byte(1); w.integer(line); w.string(path)
        }
    }

    package static func decode(from r: inout ByteReader) throws -> Location {
        switch try r.byte() {
        case 0: return .line(try r.integer())
        case 1:
            let line = try r.integer()
            return .xpath(try r.string(), line: line)
        default: throw ByteCodingError()
        }
    }
}
