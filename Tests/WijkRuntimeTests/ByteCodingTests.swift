import Testing
import WijkModel
@testable import WijkRuntime

struct ByteCodingTests {
    let values: [Value?] = [
        nil, .text(""), .text("Ĳsselmonde — 's-Hertogenbosch"), .integer(0), .integer(-42), .integer(Int.max), .integer(Int.min),
        .decimal(0.89), .decimal(-1.5), .date(CivilDate(year: 2017, month: 12, day: 31)!), .date(CivilDate(year: 1, month: 1, day: 1)!),
        .bsn(BSN("012345672")!), .postcode(Postcode("9601 ab")!),
    ]

    @Test func everyKindOfValueComesBackTheSame() throws {
        var w = ByteWriter()
        Value.encode(values, into: &w)
        var r = ByteReader(w.bytes)
        #expect(try Value.decodeAll(from: &r) == values)
        #expect(r.atEnd)
    }

    @Test func skippingValuesLandsOnWhatFollowsThem() throws {
        var w = ByteWriter()
        Value.encode(values, into: &w)
        w.string("after")
        var r = ByteReader(w.bytes)
        try Value.skipAll(in: &r)
        #expect(try r.string() == "after")
        #expect(r.atEnd)
    }

    @Test func provenanceOfBothKindsComesBackTheSame() throws {
        let a = Provenance(bron: "hoogezand-sappemeer", bestand: "clienten.csv", locatie: .line(12), bronSleutel: nil)
        let b = Provenance(bron: "slochteren", bestand: "export.xml", locatie: .xpath("/s:Export/s:Huishouden[3]", line: 40), bronSleutel: "H-7")
        var w = ByteWriter()
        a.encode(into: &w)
        b.encode(into: &w)
        var r = ByteReader(w.bytes)
        #expect(try Provenance.decode(from: &r) == a)
        #expect(try Provenance.decode(from: &r) == b)
    }

    @Test func damagedBytesAreAnErrorNotACrash() {
        var w = ByteWriter()
        Value.encode(values, into: &w)
        for cut in [1, 5, w.bytes.count / 2, w.bytes.count - 1] {
            var r = ByteReader(Array(w.bytes.prefix(cut)))
            #expect(throws: ByteCodingError.self) { try Value.decodeAll(from: &r) }
        }
        var unknownTag = ByteReader([1, 9])
        #expect(throws: ByteCodingError.self) { try Value.decodeAll(from: &unknownTag) }
        var hugeCount = ByteReader([0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
        #expect(throws: ByteCodingError.self) { try Value.decodeAll(from: &hugeCount) }
    }
}
